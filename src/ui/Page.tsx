import { View } from '@tarojs/components'
import { useEffect, useState, type PropsWithChildren } from 'react'
import { useElderMode } from '../stores/settings'
import { useSession } from '../stores/session'
import { goHome, isLonePage } from './nav'
import { tappable } from './tappable'

/** Class on the document root in elder mode (H5): reaches Taro's dialogs and toasts outside the page. */
const ELDER_ROOT_CLASS = 'mc-elder'

/** H5: the navigation bar's back control for this page (h5NavBar.ts); nothing on WeChat, which has its own bar. */
const useNavBack: (backTo: string | null | undefined) => void =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out of the WeChat build
  process.env.TARO_ENV === 'h5' ? require('./h5NavBar').useNavBack : () => {}

/**
 * Every page's root: applies elder mode (larger text and targets, one column) on every page, sub-pages
 * included, shows who a proxy is acting for, and offers "返回首页" on a page opened on its own (a shared
 * link, a message): no dead end. On H5 it also marks the document root, so the system dialogs
 * (`showModal`) and toasts follow elder mode too (see h5-system.css), and sets where the navigation bar's
 * back control leads when the page was opened on its own: `backTo` (a URL; home by default; `null`
 * for no back control, as on the login page).
 */
export function Page({
  children,
  className = '',
  backTo,
}: PropsWithChildren<{ className?: string; backTo?: string | null }>) {
  const elder = useElderMode()
  useNavBack(backTo)
  useEffect(() => {
    if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return
    document.documentElement.classList.toggle(ELDER_ROOT_CLASS, elder)
  }, [elder])
  const actingFor = useSession((s) => s.actingFor)
  const [lone] = useState(isLonePage)
  return (
    <View className={`page ${elder ? 'elder' : ''} ${className}`}>
      {lone && (
        <View id="go-home" className="home-link" {...tappable(undefined, goHome, 'link')}>
          返回首页
        </View>
      )}
      {actingFor && (
        <View className="acting-banner" role="status">
          正在为 {actingFor.name} 代办
        </View>
      )}
      {children}
    </View>
  )
}
