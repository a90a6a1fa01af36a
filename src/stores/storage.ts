/**
 * zustand `persist` storage on Taro's synchronous storage. A write that does not fit (WeChat: 1 MB per
 * key, 10 MB in all) first evicts caches (keys under `mc:cache:`) and tries again; if it still does not
 * fit it reports to `onStorageFull` listeners (the app shows a message) instead of throwing into the
 * UI, and the value already stored under that key (the session, drafts) stays as it was.
 */
import Taro from '@tarojs/taro'
import { createJSONStorage, type PersistStorage, type StateStorage } from 'zustand/middleware'

type Listener = (key: string) => void
const fullListeners = new Set<Listener>()

/** Subscribes to "storage is full" events (the app shows a clear message). */
export function onStorageFull(fn: Listener): () => void {
  fullListeners.add(fn)
  return () => fullListeners.delete(fn)
}

/** Keys of caches that may be dropped when storage is full, most expendable first. */
const EVICTABLE_PREFIXES = ['mc:cache:']

const taroStateStorage: StateStorage = {
  getItem: (key) => {
    const v = Taro.getStorageSync(key)
    return typeof v === 'string' && v !== '' ? v : null
  },
  setItem: (key, value) => {
    try {
      Taro.setStorageSync(key, value)
    } catch {
      const info = Taro.getStorageInfoSync()
      for (const k of info.keys) if (EVICTABLE_PREFIXES.some((p) => k.startsWith(p))) Taro.removeStorageSync(k)
      try {
        Taro.setStorageSync(key, value)
      } catch {
        fullListeners.forEach((fn) => fn(key))
      }
    }
  },
  removeItem: (key) => Taro.removeStorageSync(key),
}

const json = createJSONStorage(() => taroStateStorage)!

/**
 * The storage every persisted store uses (through `versioned`, ./persisted.ts): JSON under the store's
 * key. A value that is not JSON (a torn write, a hand edit) reads as nothing saved instead of failing
 * the store's hydration; the next write replaces it.
 */
export const persistStorage: PersistStorage<unknown> = {
  ...json,
  getItem: (name) => {
    try {
      return json.getItem(name) as ReturnType<PersistStorage<unknown>['getItem']>
    } catch {
      return null
    }
  },
}
