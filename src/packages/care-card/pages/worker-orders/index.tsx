import { View } from '@tarojs/components'
import { useState } from 'react'
import {
  completeCareTask,
  deliverCareOrder,
  listCareTasks,
  listWorkerCareOrders,
  payCareOrderByCode,
  resolveCareDispute,
} from '@/api/endpoints/care-card'
import type { CareOrderDto, CareTaskDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { call, maskPhone } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { useRowAction } from '@/ui/useRowAction'
import { dateTimeCn, messageOf } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import { useDraft } from '@/stores/drafts'
import { ScanPay } from '@/packages/care-card/components/ScanPay'
import { isWorkerNow, WorkerOnly } from '@/ui/WorkerOnly'
import '@/packages/care-card/feature.css'

type Tab = 'booked' | 'disputed' | 'tasks'
const TABS: { key: Tab; title: string }[] = [
  { key: 'booked', title: '待上门服务' },
  { key: 'disputed', title: '异议' },
  { key: 'tasks', title: '差评回访' },
]

/**
 * Worker: orders to deliver → mark delivered, or 扫码收款 with the elder's payment code (`ScanPay`);
 * open disputes → upheld/rejected with a reason; call-back tasks → outcome.
 */
export default function WorkerOrders() {
  const [tab, setTab] = useState<Tab>('booked')
  const { data, cause, loading, reload } = useLoader<{
    orders: CareOrderDto[]
    tasks: CareTaskDto[]
  }>(async () => {
    if (!isWorkerNow()) return { orders: [], tasks: [] }
    if (tab === 'tasks') return { orders: [], tasks: await listCareTasks('open') }
    return { orders: await listWorkerCareOrders(tab), tasks: [] }
  }, [tab])
  // Dispute opinions and call-back notes (by order or task id) survive closing the page or the app.
  const draft = useDraft('care-card/worker-notes', { texts: {} as Record<string, string> })
  const texts = draft.value.texts
  const setText = (id: string, v: string) => draft.update((d) => ({ texts: { ...d.texts, [id]: v } }))
  const dropText = (id: string) =>
    draft.update((d) => ({ texts: Object.fromEntries(Object.entries(d.texts).filter(([k]) => k !== id)) }))
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [note, setNote] = useState<string | null>(null)
  const rows = useRowAction()

  const switchTab = (t: Tab) => {
    setTab(t)
    setNote(null)
  }

  /**
   * Runs a row action (`busyKey` shows on its button); `keyName` names its idempotency key when two actions share a
   * button state.
   */
  const act = (
    busyKey: string,
    question: { title: string; content: string; confirmText: string } | null,
    fn: (key: string) => Promise<unknown>,
    after: string,
    keyName = busyKey,
    textId?: string,
  ) => {
    setErrors({})
    rows.clearFailures()
    return rows.run(busyKey, fn, {
      confirm: question ?? undefined,
      key: keyName,
      done: async () => {
        if (textId) dropText(textId)
        setNote(after)
        await reload()
      },
    })
  }
  /** A row action's failure in words, or '' (`messageOf`: a refusal says what to do). */
  const failed = (busyKey: string) => {
    const f = rows.failure(busyKey)
    return f ? messageOf(f.cause) : ''
  }

  const needText = (k: string, what: string) => {
    if ((texts[k] ?? '').trim().length < 4) {
      setErrors({ [k]: `请填写${what}（至少 4 个字）` })
      return false
    }
    return true
  }

  return (
    <WorkerOnly>
      <Page requireLogin title="服务派单">
        <View className="cc-tabs" role="tablist" aria-label="类别">
          {TABS.map((t) => (
            <View
              key={t.key}
              id={`tab-${t.key}`}
              className={`cc-tab ${tab === t.key ? 'cc-tab-on' : ''}`}
              {...tappable(undefined, () => switchTab(t.key), 'tab')}
              aria-selected={tab === t.key ? 'true' : 'false'}
            >
              {t.title}
              {tab === t.key ? '（当前）' : ''}
            </View>
          ))}
        </View>
        {note && (
          <View className="notice" role="status" id="worker-note">
            {note}
          </View>
        )}
        <Loaded of={{ data, cause, loading, reload }} />
        {data && tab !== 'tasks' && data.orders.length === 0 && (
          <Empty text={tab === 'booked' ? '没有待上门的服务。' : '没有待处理的异议。'} />
        )}
        {data && tab === 'tasks' && data.tasks.length === 0 && <Empty text="没有待回访的差评。" />}
        {tab !== 'tasks' &&
          data?.orders.map((o) => (
            <View key={o.id} className="cc-item" id={`worker-order-${o.id}`}>
              <View className="cell-title">
                {o.holder.name} · {o.service.kindLabel} {o.service.name}{' '}
                <View className="tag tag-info">{o.statusText}</View>
              </View>
              <View className="cell-note">
                {dateTimeCn(o.startAt)} · {o.service.providerName} · {formatFen(o.priceFen)}
              </View>
              {tab === 'booked' && (
                <View>
                  {failed(`deliver-${o.id}`) && <ErrorNote text={failed(`deliver-${o.id}`)} />}
                  <Button
                    id={`deliver-${o.id}`}
                    label={`标记已完成：${o.holder.name}的${o.service.name}`}
                    loading={rows.busy === `deliver-${o.id}`}
                    onTap={() =>
                      act(
                        `deliver-${o.id}`,
                        {
                          title: '标记服务完成',
                          content: `确认已为 ${o.holder.name} 完成服务？将从爱心卡扣款 ${formatFen(o.priceFen)}。`,
                          confirmText: '确认完成',
                        },
                        (key) => deliverCareOrder(o.id, key),
                        `已标记完成，扣款 ${formatFen(o.priceFen)}。`,
                      )
                    }
                  >
                    标记已完成
                  </Button>
                  {failed(`pay-${o.id}`) && <ErrorNote text={failed(`pay-${o.id}`)} />}
                  <ScanPay
                    id={o.id}
                    holderName={o.holder.name}
                    busy={rows.busy === `pay-${o.id}`}
                    pay={(code) =>
                      act(
                        `pay-${o.id}`,
                        null,
                        (key) => payCareOrderByCode(o.id, code, key),
                        `已扫码收款，扣款 ${formatFen(o.priceFen)}。`,
                      )
                    }
                  />
                </View>
              )}
              {tab === 'disputed' && o.dispute && (
                <View>
                  <View className="cell-note">
                    异议：{o.dispute.reason}。提出时间：{dateTimeCn(o.dispute.openedAt)}
                  </View>
                  <Field
                    id={`resolve-${o.id}`}
                    label="处理意见"
                    value={texts[o.id] ?? ''}
                    onInput={(v) => {
                      setText(o.id, v)
                      setErrors((e) => ({ ...e, [o.id]: '' }))
                    }}
                    error={errors[o.id] || undefined}
                    maxlength={300}
                  />
                  {failed(`resolve-${o.id}`) && <ErrorNote text={failed(`resolve-${o.id}`)} />}
                  <Button
                    id={`uphold-${o.id}`}
                    loading={rows.busy === `resolve-${o.id}`}
                    onTap={() =>
                      needText(o.id, '处理意见') &&
                      act(
                        `resolve-${o.id}`,
                        {
                          title: '异议成立',
                          content: `将退回 ${formatFen(o.priceFen)} 到爱心卡。`,
                          confirmText: '确认退款',
                        },
                        (key) => resolveCareDispute(o.id, { decision: 'upheld', reason: texts[o.id].trim() }, key),
                        '已处理：异议成立，已退款。',
                        `uphold-${o.id}`,
                        o.id,
                      )
                    }
                  >
                    异议成立，退款
                  </Button>
                  <Button
                    kind="secondary"
                    loading={rows.busy === `resolve-${o.id}`}
                    onTap={() =>
                      needText(o.id, '处理意见') &&
                      act(
                        `resolve-${o.id}`,
                        { title: '异议不成立', content: '居民会收到您的处理意见。', confirmText: '确认' },
                        (key) => resolveCareDispute(o.id, { decision: 'rejected', reason: texts[o.id].trim() }, key),
                        '已处理：异议不成立，已告知居民。',
                        `reject-${o.id}`,
                        o.id,
                      )
                    }
                  >
                    异议不成立
                  </Button>
                </View>
              )}
            </View>
          ))}
        {tab === 'tasks' &&
          data?.tasks.map((t) => (
            <View key={t.id} className="cc-item" id={`task-${t.id}`}>
              <View className="cell-title">
                {t.holder.name} 给了 {t.stars} 星 {t.overdue && <View className="tag tag-bad">已超期</View>}
              </View>
              <View className="cell-note">
                {t.comment ?? '没有留言'} · 请在 {dateTimeCn(t.dueAt)} 前回访
              </View>
              {t.phone && (
                <Button
                  kind="secondary"
                  label={`拨打 ${maskPhone(t.phone)}（${t.holder.name}）`}
                  onTap={() => call(t.phone!)}
                >{`拨打 ${maskPhone(t.phone)}`}</Button>
              )}
              <Field
                id={`outcome-${t.id}`}
                label="回访情况"
                value={texts[t.id] ?? ''}
                onInput={(v) => {
                  setText(t.id, v)
                  setErrors((e) => ({ ...e, [t.id]: '' }))
                }}
                error={errors[t.id] || undefined}
                maxlength={300}
              />
              {failed(`task-${t.id}`) && <ErrorNote text={failed(`task-${t.id}`)} />}
              <Button
                loading={rows.busy === `task-${t.id}`}
                onTap={() =>
                  needText(t.id, '回访情况') &&
                  act(
                    `task-${t.id}`,
                    null,
                    (key) => completeCareTask(t.id, texts[t.id].trim(), key),
                    '回访已记录。',
                    `task-${t.id}`,
                    t.id,
                  )
                }
              >
                记录回访完成
              </Button>
            </View>
          ))}
      </Page>
    </WorkerOnly>
  )
}
