import { View } from '@tarojs/components'
import { useDidShow } from '@tarojs/taro'
import { useEffect, useState, type PropsWithChildren, type ReactNode } from 'react'
import { useElderMode } from '../stores/settings'
import { useSession } from '../stores/session'
import { goToLogin } from './auth'
import { goHome, isLonePage } from './nav'
import { tappable } from './tappable'

/** Class on the document root in elder mode (H5): reaches Taro's dialogs and toasts outside the page. */
const ELDER_ROOT_CLASS = 'mc-elder'

/** H5: the navigation bar's back control for this page (h5NavBar.ts); nothing on WeChat, which has its own bar. */
const useNavBack: (backTo: string | null | undefined) => void =
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- compiled out of the WeChat build
  process.env.TARO_ENV === 'h5' ? require('./h5NavBar').useNavBack : () => {}

/**
 * The page's heading (level 1), for a title that is not the page's first line (inside a card, after a
 * result mark); otherwise pass `title` to `Page`. `id` names it for tests.
 */
export function PageTitle({ children, id }: { children: ReactNode; id?: string }) {
  return (
    <View className="page-title" {...(id ? { id } : {})} role="heading" aria-level={1}>
      {children}
    </View>
  )
}

/**
 * For a page that needs a user: whenever it is shown to someone logged out, they go to the login page
 * and come back here after logging in (not "登录已过期": nobody was logged in). Used by `Page requireLogin`
 * (and so by `WorkerOnly`); a page does not call it.
 */
function useRequireLogin(required: boolean): void {
  useDidShow(() => {
    if (required && !useSession.getState().token) goToLogin()
  })
}

/**
 * Every page's root: applies elder mode (larger text and targets, one column) on every page, sub-pages
 * included, shows who a proxy is acting for, and offers "返回首页" on a page opened on its own (a shared
 * link, a message): no dead end. On H5 it also marks the document root, so the system dialogs
 * (`showModal`) and toasts follow elder mode too (see h5-system.css), and sets where the navigation bar's
 * back control leads when the page was opened on its own: `backTo` (a URL; home by default; `null`
 * for no back control, as on the login page). `title` is the page's heading, shown first (`PageTitle`);
 * `requireLogin` sends someone logged out to the login page whenever the page is shown (`useRequireLogin`).
 */
export function Page({
  children,
  className = '',
  backTo,
  title,
  requireLogin = false,
}: PropsWithChildren<{ className?: string; backTo?: string | null; title?: ReactNode; requireLogin?: boolean }>) {
  const elder = useElderMode()
  useRequireLogin(requireLogin)
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
      {title !== undefined && <PageTitle>{title}</PageTitle>}
      {children}
    </View>
  )
}
