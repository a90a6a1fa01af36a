/**
 * Storage on Taro's synchronous storage API, for the mocked backend inside the app. The API is passed
 * in by the app entry (handlers never call Taro directly). Values are stored as JSON text.
 */
import { StorageFullError, type KeyValueStorage } from './types'

/** The subset of Taro's storage API used here. */
export interface TaroStorageApi {
  getStorageSync(key: string): unknown
  setStorageSync(key: string, data: unknown): void
  removeStorageSync(key: string): void
  getStorageInfoSync(): { keys: string[] }
}

/**
 * Keys of this store start with `prefix` (default `mc:db:`), so other app data is left alone.
 * `freeSpaceAdvice`: where the person frees space on this platform (see `KeyValueStorage`).
 */
export function taroStorage(api: TaroStorageApi, prefix = 'mc:', freeSpaceAdvice?: string): KeyValueStorage {
  return {
    freeSpaceAdvice,
    getItem(key) {
      const v = api.getStorageSync(key)
      return typeof v === 'string' && v !== '' ? v : null
    },
    setItem(key, value) {
      try {
        api.setStorageSync(key, value)
      } catch (e) {
        const msg = String((e as Error)?.message ?? (e as { errMsg?: string })?.errMsg ?? e)
        if (/size|quota|exceed|limit|full/i.test(msg))
          throw new StorageFullError(key, /entry|1\s?MB|single/i.test(msg), freeSpaceAdvice)
        throw e
      }
    },
    removeItem: (key) => api.removeStorageSync(key),
    keys: () => api.getStorageInfoSync().keys.filter((k) => k.startsWith(prefix)),
  }
}
