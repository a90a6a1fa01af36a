import { View } from '@tarojs/components'
import { tappable } from '@/ui/tappable'

/** A big checkbox row (several may be chosen); the state is said in words, not colour alone. */
export function CheckRow({
  id,
  label,
  note,
  on,
  onToggle,
}: {
  id: string
  label: string
  note?: string
  on: boolean
  onToggle: () => void
}) {
  return (
    <View
      id={id}
      className={`option ${on ? 'option-on' : ''}`}
      {...tappable(undefined, onToggle, 'checkbox')}
      aria-checked={on ? 'true' : 'false'}
    >
      <View className="option-mark" aria-hidden="true">
        {on ? '☑' : '☐'}
      </View>
      <View className="cell-main">
        <View className="cell-title">{label}</View>
        {note && <View className="cell-note">{note}</View>}
      </View>
      {on && <View className="option-word">已选</View>}
    </View>
  )
}
