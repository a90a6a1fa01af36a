import type { KeyValueStorage } from './types'

/** In-memory storage (tests). `data` is exposed so tests can inspect or plant raw values. */
export function memoryStorage(initial: Record<string, string> = {}): KeyValueStorage & { data: Map<string, string> } {
  const data = new Map(Object.entries(initial))
  return {
    data,
    getItem: (k) => (data.has(k) ? data.get(k)! : null),
    setItem: (k, v) => {
      data.set(k, v)
    },
    removeItem: (k) => {
      data.delete(k)
    },
    keys: () => [...data.keys()],
  }
}
