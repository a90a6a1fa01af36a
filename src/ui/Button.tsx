import { View } from '@tarojs/components'
import { tappable } from './tappable'

/**
 * A big, clear button (≥ 44 px, ≥ 60 px in elder mode). A View with a role, a name and a keyboard stop,
 * because Taro's H5 button has none. While `loading` it says so and ignores taps (no double submits).
 */
export function Button({
  children,
  onTap,
  kind = 'primary',
  loading = false,
  disabled = false,
  id,
  label,
}: {
  children: string
  onTap: () => void
  kind?: 'primary' | 'secondary' | 'danger'
  loading?: boolean
  disabled?: boolean
  id?: string
  /** Accessible name, when it differs from the text. */
  label?: string
}) {
  const inert = loading || disabled
  const props = tappable(label ?? children, () => {
    if (!inert) onTap()
  })
  return (
    <View
      {...(id ? { id } : {})}
      className={`btn btn-${kind} ${inert ? 'btn-inert' : ''}`}
      {...props}
      aria-disabled={inert ? 'true' : undefined}
      aria-busy={loading ? 'true' : undefined}
    >
      {loading ? '请稍候…' : children}
    </View>
  )
}
