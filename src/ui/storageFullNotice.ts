import Taro from '@tarojs/taro'

/**
 * Where the person frees space, by platform: WeChat's own storage settings in the mini-program; on H5
 * the browser keeps this site's data, which only the browser's settings clear (WeChat's do not).
 */
export function freeSpaceAdvice(env = process.env.TARO_ENV): string {
  return env === 'h5'
    ? '可以在浏览器设置里清理本网站的数据后再试（清理后需要重新登录），或改用微信小程序办理'
    : '请在微信“设置 → 通用 → 存储空间”清理后再试'
}

/** What the person is told when something could not be kept on the phone (WeChat) or in the browser (H5). */
export function storageFullText(env = process.env.TARO_ENV): string {
  const where = env === 'h5' ? '浏览器的存储空间不足' : '手机存储空间不足'
  return `${where}，刚才的内容没能保存在本机。已提交的办理不受影响；${freeSpaceAdvice(env)}。`
}

let lastShownAt = 0

/**
 * Tells the person, in plain words, that a local save failed because storage is full (wired to
 * `onStorageFull` by the app entry). At most once a minute, so a burst of failed writes is one message.
 * `now` is injectable for tests (ms).
 */
export function showStorageFullNotice(now = Date.now()): void {
  if (now - lastShownAt < 60_000) return
  lastShownAt = now
  Taro.showModal({ title: '存储空间不足', content: storageFullText(), showCancel: false, confirmText: '知道了' }).catch(
    () => {},
  )
}
