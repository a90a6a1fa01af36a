/**
 * Login sessions: opening one (a random token, only its SHA-256 stored), checking one on each request
 * with sliding expiry, and the answer a token that is no longer valid gets (401 `SESSION_EXPIRED`).
 * Rules: 30 days idle, 180 days after login at most; `lastSeenAt` is written at most once an hour, so
 * a session's idle limit may be up to an hour early (never late).
 */
import { sha256Hex } from '@/domain/shared/hash'
import { beijingIso } from '@/domain/shared/time'
import type { LoginMethod, Session } from './model'
import type { CoreRepository } from './repository'
import { HttpError } from './core/http'
import { newId, newToken } from './core/ids'

const DAY_MS = 24 * 3600_000
/** A session unused this long expires. */
const SESSION_IDLE_MS = 30 * DAY_MS
/** A session expires this long after its login, however much it is used. */
const SESSION_ABSOLUTE_MS = 180 * DAY_MS
/** `lastSeenAt` is written when it is at least this old (so a read does not write on every request). */
const SESSION_TOUCH_MS = 3600_000

/** The stored form of a token: its SHA-256, lower-case hex. */
export const tokenHashOf = (token: string): string => sha256Hex('mc-session', token)

/** When a session created at `createdMs` and last seen at `lastSeenMs` expires (ISO +08:00). */
function expiresAtOf(createdMs: number, lastSeenMs: number): string {
  return beijingIso(Math.min(lastSeenMs + SESSION_IDLE_MS, createdMs + SESSION_ABSOLUTE_MS))
}

/** The answer to a request whose token was valid once and is no longer (expired, logged out, revoked). */
export const sessionExpired = () => new HttpError(401, 'SESSION_EXPIRED', '登录已过期，请重新登录')

/**
 * Opens a session for `userId` at `nowMs`; returns the token (64 hex characters), which is given to
 * the app once and never stored. `device` is the request's user agent (cut to 80 characters).
 */
export async function openSession(
  core: CoreRepository,
  userId: string,
  method: LoginMethod,
  device: string | undefined,
  nowMs: number,
): Promise<string> {
  const token = newToken()
  const nowIso = beijingIso(nowMs)
  await core.sessions.insert({
    id: newId('ses'),
    tokenHash: tokenHashOf(token),
    userId,
    method,
    device: device ? device.slice(0, 80) : undefined,
    createdAt: nowIso,
    lastSeenAt: nowIso,
    expiresAt: expiresAtOf(nowMs, nowMs),
  })
  return token
}

/**
 * The live session of `token` at `nowMs`, its `lastSeenAt` and expiry moved on when an hour old;
 * undefined when there is none or it has expired (an expired row is left to the purge).
 */
export async function liveSession(core: CoreRepository, token: string, nowMs: number): Promise<Session | undefined> {
  const session = await core.sessionByTokenHash(tokenHashOf(token))
  if (!session || Date.parse(session.expiresAt) <= nowMs) return undefined
  if (nowMs - Date.parse(session.lastSeenAt) >= SESSION_TOUCH_MS) {
    const patch = { lastSeenAt: beijingIso(nowMs), expiresAt: expiresAtOf(Date.parse(session.createdAt), nowMs) }
    await core.sessions.update(session.id, patch)
    return { ...session, ...patch }
  }
  return session
}

/** Ids of up to `limit` sessions expired a day or more before `nowMs` (removed by the purge). */
export async function sessionsToPurge(core: CoreRepository, nowMs: number, limit: number): Promise<string[]> {
  return (await core.sessionsExpiredBefore(beijingIso(nowMs - DAY_MS), limit)).map((s) => s.id)
}

/** A session row for a known token (seed scripts and benches only: their tokens are fixed strings). */
export function seededSession(userId: string, token: string, nowIso: string): Session {
  const tokenHash = tokenHashOf(token)
  const nowMs = Date.parse(nowIso)
  return {
    id: `ses_${tokenHash.slice(0, 32)}`,
    tokenHash,
    userId,
    method: 'persona',
    createdAt: nowIso,
    lastSeenAt: nowIso,
    expiresAt: expiresAtOf(nowMs, nowMs),
  }
}
