import { View } from '@tarojs/components'
import { tappable } from '@/ui/tappable'

/** A filter chip: a real button with its pressed state (aria-pressed on H5) and "已选" in words. */
export function Chip({ label, on, onTap, id }: { label: string; on: boolean; onTap: () => void; id: string }) {
  const props = tappable(undefined, onTap)
  const pressed = process.env.TARO_ENV === 'h5' ? { 'aria-pressed': on ? 'true' : 'false' } : {}
  return (
    <View id={id} className={`yp-chip ${on ? 'yp-chip-on' : ''}`} {...props} {...pressed}>
      {on ? `✓ ${label}` : label}
    </View>
  )
}

/** A labelled row of chips (one choice, or none = all). */
export function ChipGroup<T extends string>({
  label,
  options,
  value,
  onChange,
  id,
}: {
  label: string
  options: { value: T; label: string }[]
  value: T | ''
  onChange: (v: T | '') => void
  id: string
}) {
  return (
    <View className="yp-chip-group" role="group" aria-label={label}>
      <View className="yp-chip-label">{label}</View>
      <View className="yp-chips">
        <Chip id={`${id}-all`} label="不限" on={value === ''} onTap={() => onChange('')} />
        {options.map((o) => (
          <Chip
            key={o.value}
            id={`${id}-${o.value}`}
            label={o.label}
            on={o.value === value}
            onTap={() => onChange(o.value)}
          />
        ))}
      </View>
    </View>
  )
}
