/**
 * Storage full on the phone: a persisted write that does not fit first drops caches
 * (`mc:cache:`) and tries again; if it still does not fit, the person is told in plain words, nothing
 * throws into the UI, and what was stored before (the session) stays intact.
 */
import Taro from '@tarojs/taro'
import { onStorageFull, persistStorage } from '@/stores/storage'
import { showStorageFullNotice, storageFullText } from '@/ui/storageFullNotice'

const setStorage = Taro.setStorageSync as unknown as jest.Mock
const realSet = setStorage.getMockImplementation()!

/** Makes storage "full": writes fail while more than `room` bytes would be stored in all. */
function fillUpTo(room: number) {
  setStorage.mockImplementation((key: string, value: unknown) => {
    const keys = (Taro.getStorageInfoSync() as { keys: string[] }).keys
    const used = keys.filter((k) => k !== key).reduce((n, k) => n + String(Taro.getStorageSync(k)).length, 0)
    if (used + String(value).length > room) throw new Error('setStorageSync:fail exceed storage max size 10MB')
    realSet(key, value)
  })
}

describe('storage full on the phone', () => {
  afterEach(() => {
    setStorage.mockImplementation(realSet)
    jest.clearAllMocks()
  })

  it('drops caches first and then saves', () => {
    realSet('mc:cache:messages', 'x'.repeat(500))
    fillUpTo(510) // the session (~45 bytes) fits only without the cache
    const full = jest.fn()
    const off = onStorageFull(full)
    persistStorage!.setItem('mc:session', { state: { token: 't2' }, version: 0 })
    off()
    expect(Taro.getStorageSync('mc:cache:messages')).toBe('')
    expect(JSON.parse(Taro.getStorageSync('mc:session') as string).state.token).toBe('t2')
    expect(full).not.toHaveBeenCalled()
  })

  it('when it still does not fit: tells the listeners, throws nothing, keeps the session as it was', () => {
    realSet('mc:session', JSON.stringify({ state: { token: 'kept' }, version: 0 }))
    fillUpTo(100)
    const full = jest.fn()
    const off = onStorageFull(full)
    expect(() =>
      persistStorage!.setItem('mc:drafts', { state: { drafts: { big: 'y'.repeat(500) } }, version: 0 }),
    ).not.toThrow()
    off()
    expect(full).toHaveBeenCalledWith('mc:drafts')
    expect(JSON.parse(Taro.getStorageSync('mc:session') as string).state.token).toBe('kept')
  })

  it('says so once a minute in plain words', () => {
    showStorageFullNotice(1_000_000)
    showStorageFullNotice(1_030_000)
    expect(Taro.showModal).toHaveBeenCalledTimes(1)
    expect(Taro.showModal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '存储空间不足', content: storageFullText(), showCancel: false }),
    )
    showStorageFullNotice(1_061_000)
    expect(Taro.showModal).toHaveBeenCalledTimes(2)
  })

  it("says where to free space on each platform: WeChat's storage settings, or the browser's site data on H5", () => {
    expect(storageFullText('weapp')).toContain('微信“设置 → 通用 → 存储空间”')
    expect(storageFullText('h5')).toContain('浏览器设置里清理本网站的数据')
    expect(storageFullText('h5')).not.toContain('微信“设置')
    expect(storageFullText('h5')).not.toContain('手机存储空间')
  })
})
