import type { ITouchEvent } from '@tarojs/components'

/**
 * Props that make a View a real control for assistive technology. On H5: a role, an accessible name
 * and a keyboard stop (Enter/Space activate it). On WeChat only the tap handler (its templates carry no
 * ARIA attributes, so sending them would only grow `setData`).
 *
 *   <View {...tappable('爱心卡', () => open())} className="grid-item">…</View>
 */
export function tappable(
  label: string | undefined,
  onTap: (e?: ITouchEvent) => void,
  role = 'button',
): Record<string, unknown> {
  if (process.env.TARO_ENV !== 'h5') return { onClick: onTap }
  return {
    role,
    // Without a label the accessible name comes from the visible content (preferred when they match).
    ...(label ? { 'aria-label': label } : {}),
    tabIndex: 0,
    onClick: onTap,
    onKeyDown: (e: KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault()
        onTap()
      }
    },
  }
}
