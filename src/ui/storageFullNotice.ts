import Taro from '@tarojs/taro'

/** What the person is told when something could not be kept on the phone. */
export const STORAGE_FULL_TEXT =
  '手机存储空间不足，刚才的内容没能保存在本机。已提交的办理不受影响；请在微信“设置 → 通用 → 存储空间”清理后再试。'

let lastShownAt = 0

/**
 * Tells the person, in plain words, that a local save failed because storage is full (wired to
 * `onStorageFull` by the app entry). At most once a minute, so a burst of failed writes is one message.
 * `now` is injectable for tests (ms).
 */
export function showStorageFullNotice(now = Date.now()): void {
  if (now - lastShownAt < 60_000) return
  lastShownAt = now
  Taro.showModal({ title: '存储空间不足', content: STORAGE_FULL_TEXT, showCancel: false, confirmText: '知道了' }).catch(
    () => {},
  )
}
