/**
 * Building blocks of the care-card pages: group checkboxes, the review timeline, a result view and
 * words for statuses (the pay code is `src/ui/QrImage`). They live in this subpackage, not src/ui: only
 * the care-card pages use them.
 */
import { View } from '@tarojs/components'
import { errorMessage } from '@/api'
import type { CareApplicationDto, CareGroupDto, CareOrderDto, CareStageDto } from '@/domain/care-card/contracts'
import { CARE_GROUP_LABELS, CARE_GROUPS } from '@/domain/care-card/eligibility'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { tappable } from '@/ui/tappable'

const GROUP_NOTES: Record<CareGroupDto, string> = {
  subsistence: '最低生活保障对象',
  marginal: '低保边缘家庭成员',
  destitute: '特困供养人员',
  disabled: '经评估为失能',
}

/** `2026年4月1日 10:30` from an ISO instant (Beijing). */
export function dateTimeCn(iso: string): string {
  const d = beijingDate(iso)
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16)
  return `${formatDateCn(d)} ${t}`
}

/** Whose data the page shows: the elder when acting for them, else oneself. */
export function useWho(): { name: string; self: boolean } {
  const me = useSession((s) => s.me)
  const actingFor = useSession((s) => s.actingFor)
  return actingFor ? { name: actingFor.name, self: false } : { name: me?.displayName ?? '我', self: true }
}

export const messageOf = (e: unknown) => errorMessage(e)

/** Multi-select rows (checkboxes) for the registered groups; state in words and a mark. */
export function GroupChecks({
  value,
  onChange,
  id,
  label,
}: {
  value: CareGroupDto[]
  onChange: (v: CareGroupDto[]) => void
  id: string
  label: string
}) {
  return (
    <View className="options" id={id} role="group" aria-label={label}>
      <View className="field-label">{label}</View>
      {CARE_GROUPS.map((g) => {
        const on = value.includes(g)
        const toggle = () =>
          onChange(on ? value.filter((x) => x !== g) : CARE_GROUPS.filter((x) => x === g || value.includes(x)))
        return (
          <View
            key={g}
            id={`${id}-${g}`}
            className={`option ${on ? 'option-on' : ''}`}
            {...tappable(undefined, toggle, 'checkbox')}
            aria-checked={on ? 'true' : 'false'}
          >
            <View className="option-mark" aria-hidden="true">
              {on ? '☑' : '☐'}
            </View>
            <View className="cell-main">
              <View className="cell-title">{CARE_GROUP_LABELS[g]}</View>
              <View className="cell-note">{GROUP_NOTES[g]}</View>
            </View>
            {on && <View className="option-word">已选</View>}
          </View>
        )
      })}
    </View>
  )
}

const STAGE_WORD: Record<CareStageDto['state'], { text: string; tag: string; mark: string }> = {
  done: { text: '已完成', tag: 'tag-ok', mark: '✓' },
  current: { text: '进行中', tag: 'tag-info', mark: '●' },
  waiting: { text: '未开始', tag: 'tag-info', mark: '○' },
  rejected: { text: '未通过', tag: 'tag-bad', mark: '✕' },
  cancelled: { text: '已撤回', tag: 'tag-bad', mark: '–' },
}

/** The review timeline: each step with its state in words, date, who acted (and the proxy), notes. */
export function Timeline({ stages }: { stages: CareStageDto[] }) {
  return (
    <View className="cc-timeline" role="list" aria-label="办理进度">
      {stages.map((s) => {
        const w = STAGE_WORD[s.state]
        return (
          <View key={s.key} className={`cc-step cc-step-${s.state}`} role="listitem">
            <View className="cc-step-mark" aria-hidden="true">
              {w.mark}
            </View>
            <View className="cell-main">
              <View className="cell-title">
                {s.title} <View className={`tag ${w.tag}`}>{w.text}</View>
              </View>
              {s.at && <View className="cell-note">{dateTimeCn(s.at)}</View>}
              {!s.at && s.dueDate && (
                <View className="cell-note">
                  {s.key === 'active' ? `${formatDateCn(s.dueDate)} 起生效` : `预计 ${formatDateCn(s.dueDate)} 前完成`}
                </View>
              )}
              {s.actor && (
                <View className="cell-note">
                  办理人：{s.actor.name}
                  {s.proxy ? '（家属代办）' : ''}
                </View>
              )}
              {s.proxy && !s.actor && <View className="cell-note">代办人：{s.proxy.name}</View>}
              {s.note && (
                <View className="cell-note">
                  {s.state === 'rejected' ? '原因：' : '说明：'}
                  {s.note}
                </View>
              )}
            </View>
          </View>
        )
      })}
    </View>
  )
}

export const APP_TAG: Record<CareApplicationDto['status'], string> = {
  community_review: 'tag-warn',
  street_review: 'tag-warn',
  approved: 'tag-ok',
  rejected: 'tag-bad',
  withdrawn: 'tag-info',
}
export const ORDER_TAG: Record<CareOrderDto['status'], string> = {
  booked: 'tag-info',
  cancelled: 'tag-info',
  delivered: 'tag-warn',
  rated: 'tag-ok',
}

/** A result view after a submit: what happened, what happens next, and a way on. */
export function Result({
  title,
  lines,
  actions,
}: {
  title: string
  lines: string[]
  actions: { text: string; onTap: () => void; id?: string; kind?: 'primary' | 'secondary' }[]
}) {
  return (
    <View className="cc-result" id="cc-result">
      <View className="cc-result-mark" aria-hidden="true">
        ✓
      </View>
      <View className="page-title" role="heading" aria-level={1}>
        {title}
      </View>
      {lines.map((l) => (
        <View key={l} className="notice">
          {l}
        </View>
      ))}
      {actions.map((a) => (
        <Button key={a.text} id={a.id} kind={a.kind ?? 'secondary'} onTap={a.onTap}>
          {a.text}
        </Button>
      ))}
    </View>
  )
}
