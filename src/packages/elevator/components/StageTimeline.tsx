import { View } from '@tarojs/components'
import type { ElevatorStageDto } from '@/domain/elevator/contracts-reach'
import { PROJECT_STAGE_LABELS, PROJECT_STAGES } from '@/domain/elevator/values'
import { formatDateCn } from '@/domain/shared/time'
import { Section } from '@/ui/States'

/**
 * The project's stages after approval as a timeline for every owner: each of `PROJECT_STAGES` in order,
 * with its day and the worker's note once recorded, else 未开始 (in words, not colour alone).
 */
export function StageTimeline({ stages }: { stages: ElevatorStageDto[] }) {
  const byStage = new Map(stages.map((s) => [s.stage, s]))
  return (
    <Section title="工程进度" id="stages">
      {PROJECT_STAGES.map((stage, i) => {
        const s = byStage.get(stage)
        return (
          <View key={stage} className="ev-step" id={`stage-${stage}`}>
            <View className="cell-title">
              {i + 1}. {PROJECT_STAGE_LABELS[stage]}
              {s ? `：已于 ${formatDateCn(s.date)}完成` : '：未开始'}
            </View>
            {s && <View className="cell-note">{s.note}</View>}
          </View>
        )
      })}
    </Section>
  )
}
