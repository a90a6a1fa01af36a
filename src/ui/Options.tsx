import { View } from '@tarojs/components'
import { tappable } from './tappable'

/**
 * A single choice shown as big rows (radio buttons): easier for older users than a picker wheel.
 * The chosen row says so in words and with a mark, not by colour alone.
 */
export function Options<T extends string>({
  label,
  options,
  value,
  onChange,
  id,
}: {
  label: string
  options: { value: T; label: string; note?: string }[]
  value: T | null
  onChange: (v: T) => void
  id: string
}) {
  return (
    <View className="options" id={id} role="radiogroup" aria-label={label}>
      <View className="field-label">{label}</View>
      {options.map((o) => {
        const on = o.value === value
        return (
          <View
            key={o.value}
            id={`${id}-${o.value}`}
            className={`option ${on ? 'option-on' : ''}`}
            {...tappable(o.label, () => onChange(o.value), 'radio')}
            aria-checked={on ? 'true' : 'false'}
          >
            <View className="option-mark" aria-hidden="true">
              {on ? '●' : '○'}
            </View>
            <View className="cell-main">
              <View className="cell-title">{o.label}</View>
              {o.note && <View className="cell-note">{o.note}</View>}
            </View>
            {on && <View className="option-word">已选</View>}
          </View>
        )
      })}
    </View>
  )
}
