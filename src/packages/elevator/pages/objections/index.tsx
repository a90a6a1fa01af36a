import { Textarea, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import {
  fileElevatorObjection,
  getElevatorPetition,
  getMyElevatorHouseholds,
  listElevatorObjections,
} from '@/api/endpoints/elevator'
import { useDraft } from '@/stores/drafts'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { dateOf, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { meaningfulLength, OBJECTION_MIN_CHARS } from '@/domain/elevator/rules'

/** Publicity: file a real-name written objection (text) and see one's own objections. */
export default function ObjectionsPage() {
  const id = useRouter().params.id ?? ''
  const { data, cause, loading, reload } = useLoader(async () => {
    const [petition, list, mine] = await Promise.all([
      getElevatorPetition(id),
      listElevatorObjections(id),
      getMyElevatorHouseholds(id),
    ])
    return { petition, list, mine }
  })
  const { value: form, update, clear: clearDraft } = useDraft(`elevator-objection:${id}`, { text: '' })
  const [done, setDone] = useState(false)
  const s = useSubmission()

  const submit = () => {
    const householdId = data?.mine.households[0]?.householdId
    if (!householdId) return
    s.submit(
      () => ({
        text:
          meaningfulLength(form.text) < OBJECTION_MIN_CHARS
            ? `异议内容至少 ${OBJECTION_MIN_CHARS} 个字（表情和符号不算），请写明理由`
            : '',
      }),
      (key) => fileElevatorObjection(id, { householdId, text: form.text.trim() }, key),
      async () => {
        clearDraft()
        setDone(true)
        await reload()
      },
      {
        notices: ['progress'],
        confirm: async () =>
          (
            await Taro.showModal({
              title: '提交实名书面异议',
              content: '异议将以您的实名提交给社区，公示期结束后社区会组织协商。',
              confirmText: '确认提交',
              cancelText: '再看看',
            })
          ).confirm,
      },
    )
  }

  const p = data?.petition
  return (
    <Page requireLogin title="公示与异议">
      <Loaded of={{ data, cause, loading, reload }} />
      {p && (
        <View>
          <View className="secondary">{p.unitLabel}</View>
          {p.publicity ? (
            <Section title="公示期">
              <KV label="公示期" value={`${dateOf(p.publicity.startsAt)} 至 ${dateOf(p.publicity.endsAt)}`} />
              <KV label="状态" value={p.publicity.open ? '公示中' : '公示期已结束'} id="publicity-state" />
              <KV label="已收到书面异议" value={`${data!.list.total} 份`} />
            </Section>
          ) : (
            <View className="notice">现在不在公示期：表决通过后有 10 天公示期，期间可以实名书面提出异议。</View>
          )}
          {done && (
            <View className="ev-result" id="objection-done" role="status">
              <View className="ev-big">异议已提交</View>
              <View className="cell-note">
                社区工作人员会收到通知。公示期结束后，社区将组织协商，必要时调解或由社区、街道协调，每一步都会通知您。
              </View>
            </View>
          )}
          {p.viewer.canObject && (
            <Section title="提出书面异议（实名）" id="objection-form">
              <View className="field">
                <View className="field-label" id="objection-text-label">
                  异议内容（至少 10 个字，请写明理由）
                </View>
                <Textarea
                  id="objection-text"
                  className="ev-textarea"
                  value={form.text}
                  maxlength={1000}
                  aria-label="异议内容"
                  onInput={(e) => {
                    update({ text: e.detail.value })
                    s.clearError('text')
                  }}
                />
                <View
                  className="cell-note"
                  id="objection-count"
                >{`已写 ${meaningfulLength(form.text)} 个字（至少 ${OBJECTION_MIN_CHARS} 个），全文 ${form.text.length}/1000`}</View>
                {s.errors.text && (
                  <View className="field-error" role="alert">
                    ⚠ {s.errors.text}
                  </View>
                )}
              </View>
              {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
              <Button id="objection-submit" onTap={submit} loading={s.busy}>
                提交异议
              </Button>
            </Section>
          )}
          <Section title="我的异议" id="my-objections">
            {data!.list.items.length === 0 && (
              <Empty
                text={p.viewer.canObject ? '您还没有提出异议。如对方案有意见，可以在上面填写。' : '您没有提出过异议。'}
              />
            )}
            {data!.list.items.map((o) => (
              <View key={o.id} className="ev-row" id={`objection-${o.id}`}>
                <View className="cell-title">{o.text}</View>
                <View className="cell-note">
                  {o.roomName} · {o.channel === 'paper' ? '纸质' : '线上'} · {dateTimeOf(o.filedAt)}
                </View>
              </View>
            ))}
          </Section>
        </View>
      )}
    </Page>
  )
}
