import { View } from '@tarojs/components'
import type { CareGroupDto } from '@/domain/care-card/contracts'
import { CARE_GROUP_LABELS, CARE_GROUPS } from '@/domain/care-card/eligibility'
import { tappable } from '@/ui/tappable'

const GROUP_NOTES: Record<CareGroupDto, string> = {
  subsistence: '最低生活保障对象',
  marginal: '低保边缘家庭成员',
  destitute: '特困供养人员',
  disabled: '经评估为失能',
}

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
