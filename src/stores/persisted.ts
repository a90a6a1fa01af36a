/**
 * Versioned persisted state (zustand `persist`), after bluesky's `state/persisted`: each store saves
 * `{ state, version }`; a valibot schema says what the current version holds; `migrations[n]` turns a
 * version-n state into version n+1. Whatever is read — an older version migrated step by step, a newer
 * app's state (after a downgrade), a hand-edited or half-written value — is checked against the schema
 * field by field and entry by entry: what is valid is kept, what is not falls back to the store's
 * default. Unreadable JSON reads as nothing saved. So old or damaged data never crashes the app, and
 * nothing that can still be read is lost.
 *
 * Version 0 is the state saved before versions existed (zustand's default version); its shapes are the
 * fixtures in tests/fixtures/client-state-v0.json.
 */
import * as v from 'valibot'
import type { PersistOptions, PersistStorage } from 'zustand/middleware'
import { persistStorage } from './storage'

/** One migration step: a state of version n (unchecked) to the shape of version n+1. */
type Migration = (state: unknown) => unknown

/** What every versioned store declares. `S` is the store's state, `P` what it saves of it. */
interface Versioned<S, P> {
  /** Storage key (`mc:…`). */
  name: string
  /** The current version (1 for the first versioned shape). */
  version: number
  /** The current saved shape, lenient: `fallback` per field, `validEntries` for records (see below). */
  schema: v.GenericSchema<unknown, P>
  /** `migrations[n]`: version n → n+1, for every n below `version`. */
  migrations: Record<number, Migration>
  /** What of the state is saved (all of it when absent). */
  partialize?: (s: S) => P
}

/**
 * The `persist` options of a versioned store: name, storage, version, `migrate` (older versions step
 * by step; a newer version's state is passed on unchanged to be checked) and `merge` (the saved
 * state checked against `schema` over the defaults). Throws at setup if a migration step is missing.
 */
export function versioned<S, P>(opts: Versioned<S, P>): PersistOptions<S, P> {
  for (let n = 0; n < opts.version; n++)
    if (!opts.migrations[n]) throw new Error(`${opts.name}: no migration from version ${n}`)
  return {
    name: opts.name,
    storage: persistStorage as PersistStorage<P>,
    version: opts.version,
    ...(opts.partialize ? { partialize: opts.partialize } : {}),
    migrate: (state, from) => {
      let s: unknown = state
      for (let n = from; n < opts.version; n++) s = opts.migrations[n](s)
      return s as P
    },
    merge: (saved, current) => ({ ...current, ...readSaved(opts.schema, saved) }),
  }
}

/** The saved state as the schema reads it; nothing (the defaults stay) when it is not an object at all. */
function readSaved<P>(schema: v.GenericSchema<unknown, P>, saved: unknown): Partial<P> {
  if (!saved || typeof saved !== 'object' || Array.isArray(saved)) return {}
  const r = v.safeParse(schema, saved)
  return r.success ? (r.output as Partial<P>) : {}
}

/**
 * A record (`Record<string, T>`) that keeps its valid entries and drops the others (a damaged draft,
 * a receipt from a broken write); not a record at all → `{}`.
 */
export function validEntries<T>(entry: v.GenericSchema<unknown, T>) {
  return v.pipe(
    v.fallback(v.record(v.string(), v.unknown()), {}),
    v.transform((r) => {
      const out: Record<string, T> = {}
      for (const [k, x] of Object.entries(r)) {
        const p = v.safeParse(entry, x)
        if (p.success) out[k] = p.output
      }
      return out
    }),
  )
}

/** A list that keeps its valid items and drops the others; not a list at all → `[]`. */
export function validItems<T>(item: v.GenericSchema<unknown, T>) {
  return v.pipe(
    v.fallback(v.array(v.unknown()), []),
    v.transform((list) =>
      list.flatMap((x) => {
        const p = v.safeParse(item, x)
        return p.success ? [p.output] : []
      }),
    ),
  )
}

/** The state saved before versions existed has today's shape: version 0 → 1 changes nothing (it is checked). */
export const UNVERSIONED_TO_V1: Migration = (state) => state
