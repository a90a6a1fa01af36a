import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api'
import { cancelCareOrder, disputeCareOrder, getCareOrder, rateCareOrder } from '@/api/endpoints/care-card'
import type { CareOrderDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { channelWords, dateTimeCn, messageOf, ORDER_TAG, bookedByWords } from '@/packages/care-card/components/words'
import { type RowQuestion, useRowAction } from '@/ui/useRowAction'
import { useLoader } from '@/ui/useLoader'
import { useDraft } from '@/stores/drafts'
import '@/packages/care-card/feature.css'

const STARS = [
  { value: '5', label: '★★★★★ 非常满意' },
  { value: '4', label: '★★★★ 满意' },
  { value: '3', label: '★★★ 一般' },
  { value: '2', label: '★★ 不满意' },
  { value: '1', label: '★ 很不满意' },
]

/** One order: cancel before the service; after delivery confirm and rate (5 big options) or dispute within 7 days. */
export default function Order() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: o, cause, loading, reload, set } = useLoader(() => getCareOrder(id))
  // What is typed for the rating and the dispute survives closing the page or the app (per order).
  const draft = useDraft(`care-card/order:${id}`, { stars: null as string | null, comment: '', reason: '' })
  const { stars, comment, reason } = draft.value
  const setStars = (v: string) => draft.update({ stars: v })
  const setComment = (v: string) => draft.update({ comment: v })
  const setReason = (v: string) => draft.update({ reason: v })
  const [localErrors, setErrors] = useState<Record<string, string>>({})
  const [note, setNote] = useState<string | null>(null)
  const rows = useRowAction()
  // One failure at a time for the order's actions; a field-level refusal is shown at its field instead.
  const failed = rows.failure('order')?.cause
  const fieldErrors = failed instanceof ApiError && Object.keys(failed.fields).length ? failed.fields : null
  const failure = failed && !fieldErrors ? messageOf(failed) : null
  const busy = rows.busy
  const errors = { ...fieldErrors, ...localErrors }

  const run = (what: string, fn: (key: string) => Promise<CareOrderDto>, after: string, confirm?: RowQuestion) =>
    rows.run(what, fn, {
      row: 'order',
      confirm,
      done: (next) => {
        draft.clear()
        set(next)
        setNote(after)
      },
    })

  const cancel = () => {
    if (!o) return
    run('cancel', (key) => cancelCareOrder(id, key), `已取消，${formatFen(o.priceFen)} 已退回爱心卡。`, {
      title: '取消预约',
      content: `取消后这个时段不再为您保留，冻结的 ${formatFen(o.priceFen)} 会退回爱心卡。`,
      confirmText: '确定取消',
      cancelText: '不取消',
    })
  }
  const rate = () => {
    if (!stars) {
      setErrors({ stars: '请选择评价' })
      return
    }
    setErrors({})
    run(
      'rate',
      (key) => rateCareOrder(id, { stars: Number(stars), comment: comment.trim() || undefined }, key),
      Number(stars) <= 2 ? '谢谢您的评价。社区工作人员会在 1 天内给您回电了解情况。' : '谢谢您的评价！',
    )
  }
  const dispute = () => {
    if (reason.trim().length < 4) {
      setErrors({ reason: '请写明哪里有问题（至少 4 个字）' })
      return
    }
    setErrors({})
    run(
      'dispute',
      (key) => disputeCareOrder(id, reason.trim(), key),
      '异议已提交，社区核实后会通过“消息”告诉您结果。',
      {
        title: '提出异议',
        content: '提交后社区会核实处理；如异议成立，费用会退回爱心卡。',
        confirmText: '提交异议',
      },
    )
  }

  return (
    <Page requireLogin title="预约详情">
      <Loaded of={{ data: o, cause, loading, reload }} />
      {o && (
        <View>
          <View className="cc-hero">
            <View className="cell-title" id="order-status">
              {o.service.kindLabel} · {o.service.name}{' '}
              <View className={`tag ${ORDER_TAG[o.status]}`}>{o.statusText}</View>
            </View>
            <View className="cell-note">
              {dateTimeCn(o.startAt)} · {o.service.providerName}
            </View>
            <View className="cell-note">
              费用 {formatFen(o.priceFen)}/{o.service.unit} · {o.holder.name}
            </View>
            {o.bookedBy && (
              <View className="cell-note" id="order-booked-by">
                {bookedByWords(o.bookedBy)}
                {channelWords(o) ? ` · ${channelWords(o)}` : ''}
              </View>
            )}
            {o.deliveredAt && (
              <View className="cell-note">
                {dateTimeCn(o.deliveredAt)} 完成{o.deliveredBy ? `（${o.deliveredBy.name} 确认）` : ''}
              </View>
            )}
            {o.rating && (
              <View className="cell-note">
                我的评价：{'★'.repeat(o.rating.stars)}
                {o.rating.comment ? ` ${o.rating.comment}` : ''}
              </View>
            )}
            {o.dispute && (
              <View className="cell-note">
                异议：{o.dispute.reason}（
                {o.dispute.status === 'open'
                  ? '处理中'
                  : o.dispute.status === 'upheld'
                    ? `成立，已退 ${formatFen(o.dispute.refundFen ?? 0)}`
                    : `不成立：${o.dispute.resolution ?? ''}`}
                ）
              </View>
            )}
          </View>
          {note && (
            <View className="notice" role="status" id="order-note">
              {note}
            </View>
          )}
          {failure && <ErrorNote text={failure} />}
          {o.canCancel && (
            <Button id="order-cancel" kind="danger" loading={busy === 'cancel'} onTap={cancel}>
              取消预约
            </Button>
          )}
          {o.canRate && (
            <Section title="确认服务并评价" id="rate">
              <Options
                id="stars"
                label="您对这次服务满意吗？"
                value={stars}
                onChange={(v) => {
                  setStars(v)
                  setErrors((e) => ({ ...e, stars: '' }))
                }}
                options={STARS}
              />
              {errors.stars && (
                <View className="field-error" role="alert">
                  ⚠ {errors.stars}
                </View>
              )}
              <Field
                id="rate-comment"
                label="想说的话（可不填）"
                value={comment}
                onInput={setComment}
                maxlength={200}
              />
              <Button id="rate-submit" loading={busy === 'rate'} onTap={rate}>
                确认并提交评价
              </Button>
            </Section>
          )}
          {o.canDispute && (
            <Section title="服务有问题？" id="dispute">
              <View className="cell-note">
                服务完成后 7 天内可以提出异议{o.disputeUntil ? `，截止到 ${formatDateCn(o.disputeUntil)}` : ''}。
              </View>
              <Field
                id="dispute-reason"
                label="哪里有问题"
                value={reason}
                onInput={(v) => {
                  setReason(v)
                  setErrors((e) => ({ ...e, reason: '' }))
                }}
                error={errors.reason || undefined}
                maxlength={300}
                placeholder="例如：没有上门、饭菜不对"
              />
              <Button id="dispute-submit" kind="secondary" loading={busy === 'dispute'} onTap={dispute}>
                提出异议
              </Button>
            </Section>
          )}
          <Section title="记录">
            {o.history.map((h, i) => (
              <View key={i} className="cc-item">
                <View className="cell-title">{h.title}</View>
                <View className="cell-note">
                  {dateTimeCn(h.at)} · {h.actor.name}
                  {h.role === 'proxy'
                    ? h.proxy?.worker
                      ? '（网格员代办）'
                      : '（代办）'
                    : h.role === 'worker'
                      ? '（社区工作人员）'
                      : ''}
                  {h.note ? ` · ${h.note}` : ''}
                </View>
              </View>
            ))}
          </Section>
        </View>
      )}
    </Page>
  )
}
