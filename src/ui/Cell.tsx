import { View } from '@tarojs/components'
import { tappable } from './tappable'

/** A list row: title, optional note and value; tappable rows show an arrow and act as links. */
export function Cell({
  title,
  note,
  value,
  onTap,
  id,
}: {
  title: string
  note?: string
  value?: string
  onTap?: () => void
  id?: string
}) {
  const props = onTap ? tappable(undefined, onTap, 'link') : {}
  return (
    <View {...(id ? { id } : {})} className={`cell ${onTap ? 'cell-link' : ''}`} {...props}>
      <View className="cell-main">
        <View className="cell-title">{title}</View>
        {note && <View className="cell-note">{note}</View>}
      </View>
      {value && <View className="cell-value">{value}</View>}
      {onTap && (
        <View className="cell-arrow" aria-hidden="true">
          ›
        </View>
      )}
    </View>
  )
}
