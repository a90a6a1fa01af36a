import { View } from '@tarojs/components'
import type { CareStageDto } from '@/domain/care-card/contracts'
import { formatDateCn } from '@/domain/shared/time'
import { dateTimeCn } from '@/packages/care-card/components/words'

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
                {s.title}{' '}
                <View className={`tag ${s.overdue ? 'tag-bad' : w.tag}`}>{s.overdue ? '已超期' : w.text}</View>
              </View>
              {s.at && <View className="cell-note">{dateTimeCn(s.at)}</View>}
              {!s.at && s.dueDate && (
                <View className="cell-note">
                  {s.key === 'active'
                    ? `${formatDateCn(s.dueDate)} 起生效`
                    : s.overdue
                      ? `应在 ${formatDateCn(s.dueDate)} 前完成，已经超过。可以打电话问问社区，或找网格员催办。`
                      : `预计 ${formatDateCn(s.dueDate)} 前完成`}
                </View>
              )}
              {s.actor && (
                <View className="cell-note">
                  办理人：{s.actor.name}
                  {s.proxy ? (s.proxy.worker ? '（网格员代办）' : '（家属代办）') : ''}
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
