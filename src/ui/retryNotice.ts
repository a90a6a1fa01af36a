import Taro from '@tarojs/taro'
import type { ApiError } from '@/api/errors'

/** What the person is told while a request is tried again: `网络不稳，正在重试（第 2 次）…`. */
const retryText = (attempt: number) => `网络不稳，正在重试（第 ${attempt} 次）…`

/**
 * Shows that a request is being tried again (wired to the API wrapper's `onRetry` by the app entry, so
 * every loader, submission and store request says so): a short toast, no icon, that leaves the page
 * usable. Without it a weak network only looks like a page that hangs. In the server's waiting room
 * (`WAITING_ROOM`) it says 排队中 with the wait instead.
 */
export function showRetryNotice(attempt: number, error?: ApiError): void {
  const title = error?.code === 'WAITING_ROOM' ? queueText(error.retryAfterS ?? 0) : retryText(attempt)
  Taro.showToast({ title, icon: 'none', duration: 2500 }).catch(() => {})
}

/**
 * What the person is told in the server's waiting room: `排队中，约 2 秒后自动重试，已选的不会丢`. The
 * estimate is the server's `Retry-After`; the same request goes again by itself.
 */
export const queueText = (waitS: number) => `排队中，约 ${Math.max(1, Math.round(waitS))} 秒后自动重试，已选的不会丢`
