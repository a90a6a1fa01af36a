/**
 * The backend: the core (identity, family links, messages, demo settings) and the feature modules,
 * composed. `createBackend({ storage })` gives an in-app `Backend` (the phone, the backend's unit
 * tests) whose `handle(request)` answers `/api/...` from the route table. Transports:
 * `createMockInterceptor` (in the app); the shared server (`src/server`) runs the same routes over SQL.
 */
import { Backend } from './core/backend'
import { MockClock } from './core/clock'
import { InAppStore } from './core/data/in-app-store'
import type { TableSpec } from './core/data/spec'
import type { Rows } from './core/data/store'
import type { Feature, V2Collections } from './core/feature'
import { migrateAndLoad, SCHEMA_VERSION, storedVersion } from './core/migrations'
import { beijingIso } from '../domain/shared/time'
import type { AccountDeletionHook, Route } from './core/router'
import { careCardFeature } from './features/care-card/index'
import { elevatorFeature } from './features/elevator'
import { oneThingFeature } from './features/one-thing/index'
import { youthPalaceFeature } from './features/youth-palace/index'
import { coreFromV2 } from './migrate-v2'
import type { Services } from './core/services'
import { authRoutes } from './routes/auth'
import { devRoutes } from './routes/dev'
import { familyRoutes } from './routes/family'
import { CORE_NOT_PERSONAL } from './routes/export'
import { workerProxyRoutes } from './routes/worker-proxy'
import { meRoutes, type EraseHook } from './routes/me'
import { messageRoutes } from './routes/messages'
import { photoRoutes } from './routes/photos'
import { ratingRoutes } from './routes/ratings'
import { sessionRoutes } from './routes/sessions'
import { workerRoutes } from './routes/worker'
import { coreSeed, coreSeedRows } from './seed'
export { productionSeedRows } from './seed'
import { withWeChatLimits, type KeyValueStorage } from './storage/types'
import { CORE_TABLES, settingsTable } from './tables'

import type { RateLimits } from './core/rate-limits'
export { Backend } from './core/backend'

/** The feature modules, in the order their tables are created. */
export const FEATURES: readonly Feature[] = [careCardFeature, youthPalaceFeature, elevatorFeature, oneThingFeature]

/** Every table: the core's, then each feature's. */
export const TABLES: readonly TableSpec<never>[] = [
  ...CORE_TABLES,
  ...FEATURES.flatMap((f) => f.tables),
] as TableSpec<never>[]

/** Tables with no rows about a person, with the reason: the core's and each feature's (the export's test). */
export const NOT_PERSONAL_TABLES: Readonly<Record<string, string>> = Object.assign(
  { ...CORE_NOT_PERSONAL },
  ...FEATURES.map((f) => f.notPersonal ?? {}),
)

/** Every route of the backend: the core's, then each feature's. */
export const ROUTES: readonly Route[] = [
  ...authRoutes,
  ...sessionRoutes,
  ...meRoutes(
    FEATURES.flatMap((f) => (f.onAccountDeleted ? [f.onAccountDeleted] : [])) as AccountDeletionHook[],
    FEATURES.flatMap((f) => (f.erase ? [f.erase.bind(f)] : [])) as EraseHook[],
    FEATURES.flatMap((f) => (f.todos ? [f.todos] : [])),
    FEATURES.flatMap((f) => (f.exportOf ? [f.exportOf] : [])),
  ),
  ...familyRoutes,
  ...workerProxyRoutes,
  ...workerRoutes(FEATURES.flatMap((f) => (f.workerCounts ? [f.workerCounts] : []))),
  ...messageRoutes,
  ...photoRoutes,
  ...ratingRoutes,
  ...devRoutes,
  ...FEATURES.flatMap((f) => f.routes),
]

/** The rows of a fresh store (the demo seed); `nowIso` stamps creation times. */
export function seedRows(nowIso: string): Rows {
  const core = coreSeed(nowIso)
  return Object.assign(coreSeedRows(core, nowIso), ...FEATURES.map((f) => f.seed(core, nowIso)))
}

/** Every table's rows from what schema v2 stored. */
function rowsFromV2(old: V2Collections): Rows {
  return Object.assign(coreFromV2(old), ...FEATURES.map((f) => f.fromV2(old)))
}

/**
 * An in-app backend over `storage` (wrapped with WeChat's 1 MB / 10 MB limits unless `limits: false`),
 * migrating what older versions stored. `clock` fixes the wall clock (tests); `devRoutes` (default true)
 * serves the dev panel's routes.
 */
export function createBackend(opts: {
  storage: KeyValueStorage
  clock?: MockClock
  devRoutes?: boolean
  limits?: boolean
  /** Rate limits (tests); the in-app backend has none by default, its counters are in memory. */
  rateLimits?: RateLimits
  /** Outside services (tests: fakes of WeChat…); the embedded demo has none. */
  services?: Services
}): Backend {
  const storage = opts.limits === false ? opts.storage : withWeChatLimits(opts.storage)
  const store = new InAppStore(storage, TABLES, { schemaVersion: SCHEMA_VERSION })
  migrateAndLoad(storage, store, rowsFromV2)
  // A first start is seeded now, at the clock's time (not at the first request's).
  if (storedVersion(storage) === 0) store.replaceRows(seedRows(beijingIso((opts.clock ?? new MockClock()).now())))
  // Mock time as saved (a restart keeps it).
  const saved = store.rowsOf(settingsTable.name).get('demo') as { clockOffsetMs?: number } | undefined
  if (saved?.clockOffsetMs !== undefined && opts.clock) opts.clock.offsetMs = saved.clockOffsetMs
  const clock = opts.clock ?? new MockClock(saved?.clockOffsetMs ?? 0)
  return new Backend({
    store,
    tables: TABLES,
    routes: ROUTES,
    features: FEATURES,
    seed: seedRows,
    clock,
    devRoutes: opts.devRoutes ?? true,
    rateLimits: opts.rateLimits,
    services: opts.services,
  })
}
