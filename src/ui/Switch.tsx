import { View } from '@tarojs/components'
import { tappable } from './tappable'

/** An on/off row with the state in words (开/关), big enough for elder mode. */
export function SwitchRow({
  title,
  note,
  on,
  onChange,
  id,
}: {
  title: string
  note?: string
  on: boolean
  onChange: (on: boolean) => void
  id: string
}) {
  const props = tappable(title, () => onChange(!on), 'switch')
  return (
    <View id={id} className="switch-row" {...props} aria-checked={on ? 'true' : 'false'}>
      <View className="cell-main">
        <View className="cell-title">{title}</View>
        {note && <View className="cell-note">{note}</View>}
      </View>
      <View className={`switch ${on ? 'switch-on' : ''}`} aria-hidden="true">
        <View className="switch-knob" />
      </View>
      <View className="switch-word">{on ? '已开启' : '已关闭'}</View>
    </View>
  )
}
