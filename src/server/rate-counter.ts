/**
 * The rate-limit counters on SQL (table `rate_limits`, migration 007): one atomic upsert per count,
 * outside the request's transaction, so every server process on the database shares one budget and a
 * refused request still counts. Expired windows are deleted at most every 10 minutes.
 */
import type { RateCounter } from '../backend/core/rate-limits'
import type { SqlDriver } from './drivers'

const PURGE_EVERY_MS = 10 * 60_000

/** A `RateCounter` over `driver`'s `rate_limits` table. */
export function sqlRateCounter(driver: SqlDriver): RateCounter {
  let lastPurgeMs = 0
  return {
    async hit(key, windowStartMs, expiresAtMs) {
      return driver.withConnection(async (c) => {
        if (windowStartMs - lastPurgeMs >= PURGE_EVERY_MS) {
          lastPurgeMs = windowStartMs
          await c.query('DELETE FROM rate_limits WHERE expires_at < $1', [windowStartMs])
        }
        const r = await c.query(
          `INSERT INTO rate_limits (key, window_start, hits, expires_at) VALUES ($1, $2, 1, $3)
           ON CONFLICT (key, window_start) DO UPDATE SET hits = rate_limits.hits + 1 RETURNING hits`,
          [key, windowStartMs, expiresAtMs],
        )
        return Number(r.rows[0].hits)
      })
    },
  }
}
