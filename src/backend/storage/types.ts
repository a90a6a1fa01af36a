/**
 * The key–value storage the backend persists to. Values are JSON text. Implementations: Taro storage
 * (in the app, wired by the app entry), memory (tests), a file on disk (the Node mock server).
 * Every implementation is wrapped by `withWeChatLimits`, so all behave like WeChat when full.
 */
export interface KeyValueStorage {
  getItem(key: string): string | null
  /** Throws `StorageFullError` when the value does not fit. */
  setItem(key: string, value: string): void
  removeItem(key: string): void
  keys(): string[]
  /**
   * Where the person frees space on this device, in plain words (e.g. WeChat's storage settings, or the
   * browser's site data on H5), for the "storage full" answer; absent on a server.
   */
  freeSpaceAdvice?: string
}

/** WeChat's limits: 1 MB per key, 10 MB in all (bytes of key + UTF-8 value). */
const WECHAT_KEY_LIMIT = 1024 * 1024
const WECHAT_TOTAL_LIMIT = 10 * 1024 * 1024

/**
 * Storage is full (per key or in all). `perKey` tells which limit was hit; `freeSpaceAdvice` is the
 * storage's own (`KeyValueStorage.freeSpaceAdvice`), for the answer.
 */
export class StorageFullError extends Error {
  constructor(
    readonly key: string,
    readonly perKey: boolean,
    readonly freeSpaceAdvice?: string,
  ) {
    super(perKey ? `storage entry too large: ${key}` : 'storage full')
    this.name = 'StorageFullError'
  }
}

/** UTF-8 byte length of a string without TextEncoder (absent in some WeChat engines). */
function utf8Length(text: string): number {
  let n = 0
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (c < 0x80) n += 1
    else if (c < 0x800) n += 2
    else if (c >= 0xd800 && c <= 0xdbff) {
      n += 4
      i++
    } else n += 3
  }
  return n
}

/** Wraps storage so that it refuses writes beyond the given limits (WeChat's by default). */
export function withWeChatLimits(
  inner: KeyValueStorage,
  limits = { perKey: WECHAT_KEY_LIMIT, total: WECHAT_TOTAL_LIMIT },
): KeyValueStorage & { usedBytes(): number } {
  const sizeOf = (key: string, value: string | null) => (value == null ? 0 : utf8Length(key) + utf8Length(value))
  const usedBytes = () => inner.keys().reduce((sum, k) => sum + sizeOf(k, inner.getItem(k)), 0)
  return {
    getItem: (k) => inner.getItem(k),
    removeItem: (k) => inner.removeItem(k),
    keys: () => inner.keys(),
    freeSpaceAdvice: inner.freeSpaceAdvice,
    usedBytes,
    setItem(key, value) {
      const size = sizeOf(key, value)
      if (size > limits.perKey) throw new StorageFullError(key, true, inner.freeSpaceAdvice)
      if (usedBytes() - sizeOf(key, inner.getItem(key)) + size > limits.total)
        throw new StorageFullError(key, false, inner.freeSpaceAdvice)
      inner.setItem(key, value)
    },
  }
}
