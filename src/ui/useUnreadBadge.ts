import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useMessages } from '@/stores/messages'
import { useSession } from '@/stores/session'

/** The 消息 tab's position in the tab bar (app.config.ts: 首页, 消息, 我的). */
const MESSAGES_TAB = 1

/** Shows `unread` on the 消息 tab (99+ above 99), or removes the badge at 0. WeChat and H5 alike. */
export function showUnreadBadge(unread: number): void {
  const done =
    unread > 0
      ? Taro.setTabBarBadge({ index: MESSAGES_TAB, text: unread > 99 ? '99+' : String(unread) })
      : Taro.removeTabBarBadge({ index: MESSAGES_TAB })
  // A page without a tab bar (opened from a message) has nothing to badge.
  Promise.resolve(done).catch(() => {})
}

/**
 * The unread badge of the 消息 tab, for the tab pages: refreshed from the backend on every show of the
 * page, and whenever the unread count changes (a message read, a new page of messages loaded).
 */
export function useUnreadBadge(): void {
  useDidShow(() => {
    if (useSession.getState().token) void useMessages.getState().refreshUnread()
  })
  useEffect(() => {
    showUnreadBadge(useMessages.getState().unread)
    return useMessages.subscribe((s, prev) => {
      if (s.unread !== prev.unread) showUnreadBadge(s.unread)
    })
  }, [])
}
