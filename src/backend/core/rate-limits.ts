/**
 * Rate limits per user and per IP address on logging in, real-name verification and writes, as
 * fixed-window counters: a request counts in the window its arrival falls in (e.g. the wall-clock
 * minute); past the limit it is answered 429 `TOO_MANY_REQUESTS` with `Retry-After` (seconds to the
 * window's end), which the app honours. The counters live in a `RateCounter`: on the server a table
 * shared by every process (`src/server/rate-counter.ts`), in the app a map in memory. Windows follow
 * the wall clock, never mock time (moving the demo's clock neither resets nor spends a budget).
 */
import { HttpError, type BackendRequest, type BackendResponse } from './http'
import type { Route } from './router'

/** At most `limit` requests per window of `windowMs` milliseconds. */
interface RateRule {
  limit: number
  windowMs: number
}

/** The rules; a rule left out is not applied. */
export interface RateLimits {
  /** Logins from one IP address (`rateLimit: 'login'` routes). */
  loginPerIp?: RateRule
  /** Logins into one account. */
  loginPerUser?: RateRule
  /** Real-name verifications from one IP address (failures per user have their own rule in the route). */
  realNamePerIp?: RateRule
  /** Writes (POST, PUT, PATCH, DELETE by a logged-in user) per user. */
  writesPerUser?: RateRule
  /** Writes from one IP address (a whole community may share one behind a home router: generous). */
  writesPerIp?: RateRule
}

const MINUTE = 60_000
const HOUR = 3600_000

/**
 * The server's limits: no person using the app reaches them (a write a second, sustained, is a
 * script), and neither do the demo journeys. Real-name failures per user: 5 per hour, in the route.
 */
export const DEFAULT_RATE_LIMITS: RateLimits = {
  loginPerIp: { limit: 20, windowMs: MINUTE },
  loginPerUser: { limit: 10, windowMs: MINUTE },
  realNamePerIp: { limit: 30, windowMs: HOUR },
  writesPerUser: { limit: 120, windowMs: MINUTE },
  writesPerIp: { limit: 1200, windowMs: MINUTE },
}

/** Where the counters live. */
export interface RateCounter {
  /**
   * Counts one request under `key` in the window starting at `windowStartMs` (epoch ms) and returns
   * the window's count so far, this one included, atomically (two processes never both see 1).
   * `expiresAtMs`: when the count may be forgotten.
   */
  hit(key: string, windowStartMs: number, expiresAtMs: number): Promise<number>
}

/** Counters in memory, for the in-app backend (one phone, one process). Old windows are dropped as it goes. */
export function memoryRateCounter(): RateCounter {
  const counts = new Map<string, { n: number; expiresAtMs: number }>()
  return {
    async hit(key, windowStartMs, expiresAtMs) {
      const id = `${key}@${windowStartMs}`
      const c = counts.get(id) ?? { n: 0, expiresAtMs }
      c.n++
      counts.set(id, c)
      if (counts.size > 10_000) for (const [k, v] of counts) if (v.expiresAtMs < windowStartMs) counts.delete(k)
      return c.n
    },
  }
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/**
 * Counts `req` against every rule that applies and returns the 429 answer when one is exceeded, else
 * null. `userId`: the logged-in user (null for anonymous); `nowMs`: the wall clock.
 */
export async function checkRateLimits(
  limits: RateLimits,
  counter: RateCounter,
  req: BackendRequest,
  route: Route,
  userId: string | null,
  nowMs: number,
): Promise<BackendResponse | null> {
  const checks: [string, RateRule | undefined][] = []
  const ip = req.clientIp
  if (route.rateLimit === 'login') {
    if (ip) checks.push([`login:ip:${ip}`, limits.loginPerIp])
    const account = (req.body as { userId?: unknown } | undefined)?.userId
    if (typeof account === 'string') checks.push([`login:user:${account}`, limits.loginPerUser])
  }
  if (route.rateLimit === 'real-name' && ip) checks.push([`real-name:ip:${ip}`, limits.realNamePerIp])
  if (MUTATING.has(req.method) && userId && route.access !== 'public' && route.access !== 'dev') {
    checks.push([`writes:user:${userId}`, limits.writesPerUser])
    if (ip) checks.push([`writes:ip:${ip}`, limits.writesPerIp])
  }
  for (const [key, rule] of checks) {
    if (!rule) continue
    const windowStart = Math.floor(nowMs / rule.windowMs) * rule.windowMs
    const count = await counter.hit(key, windowStart, windowStart + rule.windowMs)
    if (count > rule.limit) {
      const seconds = Math.max(1, Math.ceil((windowStart + rule.windowMs - nowMs) / 1000))
      const wait = seconds >= 120 ? `${Math.ceil(seconds / 60)} 分钟` : `${seconds} 秒`
      const e = new HttpError(429, 'TOO_MANY_REQUESTS', `操作太频繁，请 ${wait}后再试`)
      return { status: 429, body: e.toBody(), headers: { 'retry-after': String(seconds) } }
    }
  }
  return null
}
