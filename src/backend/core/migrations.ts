/**
 * Schema versions of the in-app store and the migrations between them. Each migration reads and
 * rewrites raw storage, so data saved by any older version loads after an upgrade.
 *
 * - v1 (first release): one key `mc:db` holding `{ version: 1, ...collections }`; messages had `read: boolean`.
 * - v2: one key per collection (`mc:db:<name>`, under WeChat's 1 MB-per-key limit as data grows);
 *   messages carry `readAt` (ISO instant) instead of `read`.
 * - v3: tables of flat rows (`mc:t:<table>`, the same tables as the SQL store), a version stamp and a
 *   commit journal; idempotency records one key per day. The core's and each feature's `fromV2`
 *   turn v2's collections into rows.
 */
import type { KeyValueStorage } from '../storage/types'
import type { Rows } from './data/store'
import { storedTableSchema, type InAppStore } from './data/in-app-store'
import type { V2Collections } from './feature'

export const SCHEMA_VERSION = 3

const V2_PREFIX = 'mc:db:'

/** v1 → v2: split the single blob per collection; `read` → `readAt`. */
function v1ToV2(storage: KeyValueStorage): void {
  const blob = JSON.parse(storage.getItem('mc:db') ?? '{}') as Record<string, unknown>
  const { version: _v, ...collections } = blob
  const messages = (collections.messages ?? {}) as Record<string, Record<string, unknown>>
  for (const m of Object.values(messages)) {
    if (m.read === true) m.readAt = m.createdAt
    delete m.read
  }
  const meta = (collections.meta ?? {}) as Record<string, unknown>
  collections.meta = { ...meta, schemaVersion: 2 }
  for (const [name, value] of Object.entries(collections)) storage.setItem(`${V2_PREFIX}${name}`, JSON.stringify(value))
  storage.removeItem('mc:db')
}

/** The schema version of what is in storage: 0 when empty. */
export function storedVersion(storage: KeyValueStorage): number {
  const tables = storedTableSchema(storage)
  if (tables !== null) return tables
  const legacy = storage.getItem('mc:db')
  if (legacy) return Number((JSON.parse(legacy) as { version?: number }).version ?? 1)
  const meta = storage.getItem(`${V2_PREFIX}meta`)
  return meta ? Number((JSON.parse(meta) as { schemaVersion?: number }).schemaVersion ?? 2) : 0
}

/**
 * Brings storage up to `SCHEMA_VERSION` and loads `store`; returns the version found (0 = none).
 * `fromV2` turns v2's collections into v3 rows (the core's and every feature's). A kill before the
 * new tables' stamp is written leaves v2 in place, migrated again at the next start.
 * @throws Error when the stored data is newer than this program
 */
export function migrateAndLoad(
  storage: KeyValueStorage,
  store: InAppStore,
  fromV2: (old: V2Collections) => Rows,
): number {
  const found = storedVersion(storage)
  if (found > SCHEMA_VERSION) throw new Error(`数据版本 ${found} 比当前程序新，请更新小程序`)
  if (found === 1) v1ToV2(storage)
  if (found === 1 || found === 2) {
    const old: V2Collections = {}
    for (const k of storage.keys())
      if (k.startsWith(V2_PREFIX)) old[k.slice(V2_PREFIX.length)] = JSON.parse(storage.getItem(k)!)
    store.replaceRows(fromV2(old))
  }
  // Leftovers of v2 (a kill after the tables were written) go too.
  for (const k of storage.keys()) if (k.startsWith(V2_PREFIX)) storage.removeItem(k)
  // The sessions table before issue 24 kept tokens in clear (now `login_sessions`, hashes only): gone.
  storage.removeItem('mc:t:sessions')
  store.load()
  return found
}
