/**
 * The backend on SQL: the same route table and feature modules as in the app, over the SQL store
 * (PostgreSQL or PGlite), after applying the migrations. Seeds the demo data on first start.
 */
import { Backend, FEATURES, productionSeedRows, ROUTES, seedRows, TABLES } from '../backend'
import type { MockClock } from '../backend/core/clock'
import type { BlobStore } from './blobs'
import type { SqlDriver } from './drivers'
import type { RateLimits } from '../backend/core/rate-limits'
import { migrate } from './migrate'
import type { PiiKeys } from './pii'
import type { Services } from '../backend/core/services'
import { sealPersonalData } from './pii-reseal'
import { sqlRateCounter } from './rate-counter'
import { SqlStore } from './sql-store'

export interface SqlBackendOptions {
  driver: SqlDriver
  blobs: BlobStore
  /** The wall clock (tests freeze it); mock time adds the stored offset. */
  clock?: MockClock
  /** Whether the dev routes (mock time, faults, reset) are served: demo mode only. */
  devRoutes?: boolean
  /** Production: no dev routes, persona login, faults or mock time (see `BackendOptions.production`). */
  production?: boolean
  /** Rate limits per user and per IP, counted in the database (none when left out). */
  rateLimits?: RateLimits
  /** Seed an empty database on start (default true; tests that reseed per test turn it off). */
  seedWhenEmpty?: boolean
  /**
   * The keys of ID numbers at rest (`pii.ts`); by default the demo's fixed, non-secret keys
   * (`demoPiiKeys`: the demo and the tests). The server passes the configured ones.
   */
  pii?: PiiKeys
  /** Outside services (WeChat login…); none by default. */
  services?: Services
}

/**
 * Migrates the database, seals ID numbers still in plain text (`sealPersonalData`: the data step of
 * migration 008), seeds it when empty (first start), then returns a backend over it.
 * @throws PiiSealError when stored ID numbers are sealed under a key `pii` does not hold
 */
export async function createSqlBackend(opts: SqlBackendOptions): Promise<Backend> {
  await migrate(opts.driver)
  const store = new SqlStore(opts.driver, TABLES, opts.blobs, opts.pii)
  await sealPersonalData(opts.driver, TABLES, store.cipher)
  const backend = new Backend({
    store,
    tables: TABLES,
    routes: ROUTES,
    features: FEATURES,
    // Production starts empty but for its settings: no demo people in a real database.
    seed: opts.production ? productionSeedRows : seedRows,
    clock: opts.clock,
    devRoutes: opts.devRoutes ?? true,
    production: opts.production,
    rateLimits: opts.rateLimits,
    rateCounter: sqlRateCounter(opts.driver),
    services: opts.services,
  })
  if (opts.seedWhenEmpty ?? true) await backend.start()
  return backend
}
