/**
 * The backend on SQL: the same route table and feature modules as in the app, over the SQL store
 * (PostgreSQL or PGlite), after applying the migrations. Seeds the demo data on first start.
 */
import { Backend, FEATURES, ROUTES, seedRows, TABLES } from '../backend'
import type { MockClock } from '../backend/core/clock'
import type { BlobStore } from './blobs'
import type { SqlDriver } from './drivers'
import type { RateLimits } from '../backend/core/rate-limits'
import { migrate } from './migrate'
import { sqlRateCounter } from './rate-counter'
import { SqlStore } from './sql-store'

export interface SqlBackendOptions {
  driver: SqlDriver
  blobs: BlobStore
  /** The wall clock (tests freeze it); mock time adds the stored offset. */
  clock?: MockClock
  /** Whether the dev routes (mock time, faults, reset) are served: demo mode only. */
  devRoutes?: boolean
  /** Rate limits per user and per IP, counted in the database (none when left out). */
  rateLimits?: RateLimits
  /** Seed an empty database on start (default true; tests that reseed per test turn it off). */
  seedWhenEmpty?: boolean
}

/** Migrates the database and seeds it when empty (first start), then returns a backend over it. */
export async function createSqlBackend(opts: SqlBackendOptions): Promise<Backend> {
  await migrate(opts.driver)
  const store = new SqlStore(opts.driver, TABLES, opts.blobs)
  const backend = new Backend({
    store,
    tables: TABLES,
    routes: ROUTES,
    features: FEATURES,
    seed: seedRows,
    clock: opts.clock,
    devRoutes: opts.devRoutes ?? true,
    rateLimits: opts.rateLimits,
    rateCounter: sqlRateCounter(opts.driver),
  })
  if (opts.seedWhenEmpty ?? true) await backend.start()
  return backend
}
