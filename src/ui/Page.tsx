import { View } from '@tarojs/components'
import { useEffect, type PropsWithChildren } from 'react'
import { useElderMode } from '../stores/settings'
import { useSession } from '../stores/session'

/** Class on the document root in elder mode (H5): reaches Taro's dialogs and toasts outside the page. */
export const ELDER_ROOT_CLASS = 'mc-elder'

/**
 * Every page's root: applies elder mode (larger text and targets, one column) on every page, sub-pages
 * included, and shows who a proxy is acting for. On H5 it also marks the document root, so the
 * system dialogs (`showModal`) and toasts follow elder mode too (see app.css).
 */
export function Page({ children, className = '' }: PropsWithChildren<{ className?: string }>) {
  const elder = useElderMode()
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    document.documentElement.classList.toggle(ELDER_ROOT_CLASS, elder)
  }, [elder])
  const actingFor = useSession((s) => s.actingFor)
  return (
    <View className={`page ${elder ? 'elder' : ''} ${className}`}>
      {actingFor && <View className="acting-banner" role="status">正在为 {actingFor.name} 代办</View>}
      {children}
    </View>
  )
}
