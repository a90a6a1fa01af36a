/**
 * The registry of every zustand store, and what clears a person's data from them: logging out,
 * deleting the account, the session ending (401) and switching whom a proxy acts for (代办). Each store
 * registers itself where it is created (`registerStore`), saying which of these causes put it back to
 * its initial state (zustand's "reset all stores" pattern); `clearPersonalData(cause)` runs them all.
 * A store that keeps something across a logout (a device setting) says which fields and why.
 * Caches (storage keys under `mc:cache:`) are dropped on the same causes as a logout.
 *
 * Stores of a subpackage register when their module first loads; until then they hold nothing in
 * memory, but a persisted one may hold data in storage from an earlier run: its storage key is listed
 * in `PERSONAL_STORAGE_KEYS`, and a logout or account deletion removes the key when no loaded store
 * owns it. `tests/unit/personal-data.test.ts` checks that every store in `src` is registered and that a
 * logout leaves each one empty.
 */
import Taro from '@tarojs/taro'
import type { StoreApi } from 'zustand'

/**
 * Why personal data is cleared:
 * - `logout`: the person logged out (or the demo data was reset): everything about them goes;
 * - `account-deleted`: as a logout, and device settings kept per person forget them too;
 * - `session-ended`: the server ended the session (401) or someone else logs in: what is not kept
 *   per person goes (the next login may be someone else), drafts kept per person stay for their return;
 * - `acting-for`: a proxy switched whom they act for: what was loaded for the previous person goes.
 */
export type ClearCause = 'logout' | 'account-deleted' | 'session-ended' | 'acting-for'

/** Every cause: for stores holding one person's data that is not kept per person. */
export const ALL_CAUSES: readonly ClearCause[] = ['logout', 'account-deleted', 'session-ended', 'acting-for']
/** Logout and deletion: for stores keyed per person (and per principal), e.g. drafts. */
export const LOGOUT_CAUSES: readonly ClearCause[] = ['logout', 'account-deleted']

/**
 * Persisted stores of people's data, by storage key (subpackage stores included): removed on logout.
 * @public tests/unit/personal-data.test.ts checks every persisted store is listed here or below.
 */
export const PERSONAL_STORAGE_KEYS = ['mc:drafts', 'mc:elevator-receipts'] as const
/**
 * Persisted stores that hold no person's data beyond device settings: kept on logout.
 * @public tests/unit/personal-data.test.ts checks every persisted store is listed here or above.
 */
export const DEVICE_STORAGE_KEYS = ['mc:session', 'mc:settings'] as const

/** Keys of caches (dropped first when storage is full, and on logout). */
const CACHE_PREFIX = 'mc:cache:'

export interface StoreRegistration {
  /** A short name for tests and messages, e.g. `youth-palace`. */
  name: string
  /** The causes that put the store back to its initial state (fields in `keep.fields` excepted). */
  resetOn: readonly ClearCause[]
  /** Fields kept on every cause but `account-deleted`, and why (device settings, never another person's data). */
  keep?: { fields: readonly string[]; why: string }
  /** Extra clearing for a cause (e.g. forget the deleted user's entries of a per-user setting). */
  clear?: (cause: ClearCause, userId: string | null) => void
  /** Its storage key when persisted (must be in `PERSONAL_STORAGE_KEYS` or `DEVICE_STORAGE_KEYS`). */
  storageKey?: string
}

interface Entry extends StoreRegistration {
  store: StoreApi<object>
}

const registry = new Map<string, Entry>()

/**
 * Data fields of a state (functions are the store's actions), without `skip`.
 * @public tests/unit/personal-data.test.ts compares stores' data with it.
 */
export function dataOf(state: object, skip: readonly string[] = []): Record<string, unknown> {
  return Object.fromEntries(Object.entries(state).filter(([k, v]) => typeof v !== 'function' && !skip.includes(k)))
}

/**
 * Registers a store with what clears it. Call once, right after `create`, in the store's own module.
 * Registering a name again replaces the entry (a module evaluated again, e.g. in tests).
 */
export function registerStore<T extends object>(store: StoreApi<T>, registration: StoreRegistration): void {
  registry.set(registration.name, { ...registration, store: store as unknown as StoreApi<object> })
}

/** Puts one store back to its initial state, except the fields it keeps (unless the account is deleted). */
function reset(entry: Entry, cause: ClearCause): void {
  const initial = dataOf(entry.store.getInitialState(), cause === 'account-deleted' ? [] : entry.keep?.fields)
  entry.store.setState(initial)
}

/**
 * Clears personal data from every registered store for `cause`, drops caches on a logout or deletion,
 * and removes the storage of persisted personal stores not loaded yet. `userId`: whose session it was
 * (for per-user settings on deletion); defaults to nobody.
 */
export function clearPersonalData(cause: ClearCause, userId: string | null = null): void {
  for (const entry of registry.values()) {
    if (entry.resetOn.includes(cause)) reset(entry, cause)
    entry.clear?.(cause, userId)
  }
  if (!LOGOUT_CAUSES.includes(cause)) return
  const owned = new Set([...registry.values()].map((e) => e.storageKey))
  for (const key of PERSONAL_STORAGE_KEYS) if (!owned.has(key)) removeStorage(key)
  try {
    for (const key of Taro.getStorageInfoSync().keys) if (key.startsWith(CACHE_PREFIX)) removeStorage(key)
  } catch {
    /* no storage info: nothing cached to drop */
  }
}

function removeStorage(key: string): void {
  try {
    Taro.removeStorageSync(key)
  } catch {
    /* already gone */
  }
}

/** The registered stores with their registrations (for tests). */
export function registeredStores(): (StoreRegistration & { store: StoreApi<object> })[] {
  return [...registry.values()]
}
