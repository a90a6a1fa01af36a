/**
 * Schema versions of the stored database and the migrations between them. Each migration reads and
 * rewrites raw storage, so data saved by any older version loads after an upgrade.
 *
 * - v1 (first release): one key `mc:db` holding `{ version: 1, ...collections }`; messages had `read: boolean`.
 * - v2: one key per collection (`mc:db:<name>`, under WeChat's 1 MB-per-key limit as data grows);
 *   messages carry `readAt` (ISO instant) instead of `read`.
 */
import type { KeyValueStorage } from '../storage/types'

export const SCHEMA_VERSION = 2

type Migration = (storage: KeyValueStorage) => void

const MIGRATIONS: Record<number, Migration> = {
  /** v1 → v2: split the single blob per collection; `read` → `readAt`. */
  1: (storage) => {
    const blob = JSON.parse(storage.getItem('mc:db') ?? '{}') as Record<string, unknown>
    const { version: _v, ...collections } = blob
    const messages = (collections.messages ?? {}) as Record<string, Record<string, unknown>>
    for (const m of Object.values(messages)) {
      if (m.read === true) m.readAt = m.createdAt
      delete m.read
    }
    const meta = (collections.meta ?? {}) as Record<string, unknown>
    collections.meta = { ...meta, schemaVersion: 2 }
    for (const [name, value] of Object.entries(collections)) storage.setItem(`mc:db:${name}`, JSON.stringify(value))
    storage.removeItem('mc:db')
  },
}

/** The schema version of what is in storage: 0 when empty. */
export function storedVersion(storage: KeyValueStorage): number {
  const legacy = storage.getItem('mc:db')
  if (legacy) return Number((JSON.parse(legacy) as { version?: number }).version ?? 1)
  const meta = storage.getItem('mc:db:meta')
  return meta ? Number((JSON.parse(meta) as { schemaVersion?: number }).schemaVersion ?? 2) : 0
}

/** Runs every migration from the stored version up to `SCHEMA_VERSION`; returns the version found. */
export function migrate(storage: KeyValueStorage): number {
  const found = storedVersion(storage)
  if (found > SCHEMA_VERSION) throw new Error(`数据版本 ${found} 比当前程序新，请更新小程序`)
  for (let v = Math.max(found, 1); found > 0 && v < SCHEMA_VERSION; v++) MIGRATIONS[v](storage)
  return found
}
