import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { getElevatorReach, publishElevatorResult, recordElevatorReach } from '@/api/endpoints/elevator'
import type { ReachChannel } from '@/domain/elevator/values'
import { REACH_CHANNEL_LABELS, REACH_CHANNELS } from '@/domain/elevator/values'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { DateField } from '@/ui/DateField'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import '@/packages/elevator/feature.css'
import { href } from '@/ui/nav'

const BY_TEXT = { worker: '社区工作人员', initiator: '发起小组', system: '系统' } as const

/**
 * Worker (or an initiator of the retrofit group): how every household of the unit was told of the
 * petition and the vote (issue 28). Households not yet reached come first; a channel, the day and a
 * note are recorded for one; after the deadline the result is published once none is missing.
 */
export default function WorkerReach() {
  const id = useRouter().params.id ?? ''
  const { data, cause, loading, reload } = useLoader(() => getElevatorReach(id))
  const [householdId, setHouseholdId] = useState<string | null>(null)
  const [channel, setChannel] = useState<ReachChannel | null>(null)
  const [picked, setDate] = useState<string | null>(null)
  const today = data?.today ?? ''
  const date = picked ?? today
  const [note, setNote] = useState('')
  const [done, setDone] = useState('')
  const s = useSubmission()
  const pub = useSubmission()

  const submit = () =>
    s.submit(
      () => ({
        householdId: householdId ? '' : '请选择房号',
        channel: channel ? '' : '请选择告知方式',
      }),
      (key) => recordElevatorReach(id, { householdId: householdId!, channel: channel!, date, note }, key),
      () => {
        setDone('已记录')
        setHouseholdId(null)
        setChannel(null)
        setNote('')
        reload()
      },
    )
  const publish = () =>
    pub.submit(
      () => ({}),
      (key) => publishElevatorResult(id, key),
      (p) => setDone(p.result ? '表决结果已公布，业主会收到通知' : '结果尚未公布'),
    )

  const open = data?.households.filter((h) => !h.reached) ?? []
  return (
    <Page requireLogin backTo={href.elevator.worker()} title="告知记录">
      <View className="secondary">
        每一户业主都要知道这次申请和表决：不用小程序的业主，请用短信、挂号信、张贴告知单或当面告知，并在这里记录。还有未告知的住户时，表决结果不能公布。
      </View>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && (
        <View>
          <Section title={`${data.unitLabel}：${data.missing > 0 ? `还有 ${data.missing} 户未告知` : '每户都已告知'}`}>
            {open.map((h) => (
              <View key={h.householdId} className="ev-row" id={`reach-open-${h.roomName}`}>
                <View className="tag tag-warn">未告知</View>
                <View>{h.roomName} 室</View>
              </View>
            ))}
            {data.households
              .filter((h) => h.reached)
              .map((h) => (
                <View key={h.householdId} className="ev-row cell-note">
                  {h.roomName} 室：
                  {h.records
                    .map(
                      (r) =>
                        `${REACH_CHANNEL_LABELS[r.channel]}（${formatDateCn(r.date)}，${r.byName ?? BY_TEXT[r.byRole]}）`,
                    )
                    .join('；')}
                </View>
              ))}
          </Section>
          <Section title="记录一次告知">
            <Options
              id="reach-household"
              label="房号"
              value={householdId}
              onChange={setHouseholdId}
              options={[...open, ...data.households.filter((h) => h.reached)].map((h) => ({
                value: h.householdId,
                label: `${h.roomName} 室`,
                note: h.reached ? '已有告知记录' : '未告知',
              }))}
            />
            {s.errors.householdId && <View className="field-error">⚠ {s.errors.householdId}</View>}
            <Options
              id="reach-channel"
              label="告知方式"
              value={channel}
              onChange={setChannel}
              options={REACH_CHANNELS.map((value) => ({ value, label: REACH_CHANNEL_LABELS[value] }))}
            />
            {s.errors.channel && <View className="field-error">⚠ {s.errors.channel}</View>}
            <DateField id="reach-date" label="告知日期" value={date} start="2020-01-01" end={today} onChange={setDate}>
              告知日期：{formatDateCn(date)}
            </DateField>
            {s.errors.date && <View className="field-error">⚠ {s.errors.date}</View>}
            <Field id="reach-note" label="备注（可不填）" value={note} onInput={setNote} maxlength={100} />
            {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
            <Button id="reach-submit" onTap={submit} loading={s.busy}>
              保存告知记录
            </Button>
          </Section>
          {done && (
            <View className="tag tag-ok" role="status" id="reach-done">
              {done}
            </View>
          )}
          {pub.failure && <ErrorNote text={pub.failure} cause={pub.cause} />}
          <Button id="reach-publish" kind="secondary" onTap={publish} loading={pub.busy}>
            公布表决结果（截止后）
          </Button>
        </View>
      )}
    </Page>
  )
}
