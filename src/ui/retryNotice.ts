import Taro from '@tarojs/taro'

/** What the person is told while a request is tried again: `网络不稳，正在重试（第 2 次）…`. */
const retryText = (attempt: number) => `网络不稳，正在重试（第 ${attempt} 次）…`

/**
 * Shows that a request is being tried again (wired to the API wrapper's `onRetry` by the app entry, so
 * every loader, submission and store request says so): a short toast, no icon, that leaves the page
 * usable. Without it a weak network only looks like a page that hangs.
 */
export function showRetryNotice(attempt: number): void {
  Taro.showToast({ title: retryText(attempt), icon: 'none', duration: 2500 }).catch(() => {})
}
