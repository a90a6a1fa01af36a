/**
 * One way to call the backend for route tests, in three transports: the in-app backend in-process
 * (`backend.handle`), and the server (Fastify on 127.0.0.1) over HTTP on PGlite and on PostgreSQL.
 * The same tests run on each. The SQL transports run when `MC_SQL=1` (`npm test` sets it in its UTC
 * pass); PostgreSQL when `MC_PG_URL` names a server to create databases on (`npm test` starts one).
 * Each test file gets its own PGlite and its own PostgreSQL database; each test a freshly seeded one.
 */
import { appendFileSync } from 'fs'
import { createBackend, ROUTES, type Backend } from '@/backend'
import { matchRoute } from '@/backend/core/router'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import type { Method } from '@/backend/core/http'
import type { Services } from '@/backend/core/services'
import { memoryStorage } from '@/backend/storage/memory'
import { idNumberOf as seededIdNumber, PEOPLE } from '@/backend/seed/people'
import { buildApp } from '@/server/app'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import { pgliteDriver, type SqlDriver } from '@/server/drivers'
import { freshPostgres, PG_URL, SQL_ENABLED } from '../server/databases'

/** 2026-03-02 10:00 Beijing. */
export const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)

export interface CallOptions {
  token?: string
  body?: unknown
  key?: string
  actingFor?: string
  rawBody?: string
  /** More headers (lower-case names), e.g. WeChat Pay's `wechatpay-*` on a notification. */
  headers?: Record<string, string>
}
export interface Client {
  name: string
  backend: Backend
  clock: MockClock
  call(method: Method, url: string, opts?: CallOptions): Promise<{ status: number; body: any }>
  /** Logs in as a seeded user; returns the token. */
  login(userId: string): Promise<string>
  /**
   * Whether a call answered 401 `SESSION_EXPIRED` for a token `login` gave logs that user in again and
   * re-sends it (as the app does), the new token then standing in for the old one (default on: tests
   * that move mock time by months outlive the 30-day idle limit; the session tests turn it off).
   */
  autoRelogin: boolean
  close(): Promise<void>
}

function headersOf(opts: CallOptions): Record<string, string> {
  // One device name on every transport (fetch would send its own), so 登录设备 answers alike.
  const h: Record<string, string> = { 'content-type': 'application/json', 'user-agent': 'mc-test' }
  if (opts.token) h.authorization = `Bearer ${opts.token}`
  if (opts.key) h['idempotency-key'] = opts.key
  if (opts.actingFor) h['x-acting-for'] = opts.actingFor
  return { ...h, ...opts.headers }
}

/**
 * Dates reach people as 2026年3月1日 (ux.md), never as ISO `2026-03-01`: every backend test checks the
 * human words it meets (error messages and wording fields of answers, and at the end every message
 * stored) through this. A message about an input's format may show the expected shape (如 2026-03-01).
 */
const ISO_DATE = /\d{4}-\d{2}-\d{2}/
/** Keys of answers that hold words for people (not data such as `at` or `date`). */
const WORDS = new Set([
  'message',
  'title',
  'body',
  'note',
  'statusText',
  'tierReason',
  'reasons',
  'text',
  'reason',
  'outcome',
])
function isoDatesInWords(value: unknown, key = '', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (WORDS.has(key) && ISO_DATE.test(value) && !/格式不正确/.test(value)) found.push(value)
  } else if (Array.isArray(value)) {
    for (const v of value) isoDatesInWords(v, key, found)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) isoDatesInWords(v, WORDS.has(key) ? key : k, found)
  }
  return found
}

function withLogin(c: Omit<Client, 'login' | 'autoRelogin'>): Client {
  const userOf = new Map<string, string>()
  const renewed = new Map<string, string>()
  const send = async (method: Method, url: string, opts: CallOptions = {}) => {
    const token = opts.token && renewed.has(opts.token) ? renewed.get(opts.token) : opts.token
    const res = await c.call(method, url, { ...opts, token })
    const userId = token && userOf.get(token)
    if (!client.autoRelogin || !userId || res.status !== 401 || res.body?.code !== 'SESSION_EXPIRED') return res
    // A deleted account cannot log in again: the test sees the 401 as it was.
    const again = await c.call('POST', '/api/auth/mock-login', { body: { userId } })
    if (again.status !== 200) return res
    const fresh = again.body.token as string
    userOf.set(fresh, userId)
    renewed.set(opts.token!, fresh)
    renewed.set(token, fresh)
    return c.call(method, url, { ...opts, token: fresh })
  }
  const client: Client = {
    ...c,
    autoRelogin: true,
    async call(method, url, opts) {
      const res = await send(method, url, opts)
      // The export is the person's data as stored (dates included); the dev panel is not for residents.
      if (!url.startsWith('/api/me/export') && !url.startsWith('/api/dev')) {
        const iso = isoDatesInWords(res.body)
        if (iso.length) throw new Error(`${method} ${url} answered an ISO date in words for people: ${iso.join(' | ')}`)
      }
      return res
    },
    async close() {
      const messages = await c.backend.inspect<{ title: string; body: string }>('messages')
      const iso = isoDatesInWords(messages.map((m) => ({ title: m.title, body: m.body })))
      await c.close()
      if (iso.length) throw new Error(`messages with an ISO date: ${iso.join(' | ')}`)
    },
    async login(userId) {
      const r = await c.call('POST', '/api/auth/mock-login', { body: { userId } })
      if (r.status !== 200) throw new Error(`login ${userId}: ${r.status} ${JSON.stringify(r.body)}`)
      userOf.set(r.body.token, userId)
      return r.body.token as string
    },
  }
  return client
}

/**
 * When `$BENCH_ROUTES_OUT` is set (by `npm run bench`), each in-process call's route, status and
 * duration in ms is appended to that file as a JSON line: the route tests double as the backend's
 * latency benchmark.
 */
function recordTiming(method: Method, url: string, status: number, ms: number): void {
  const file = process.env.BENCH_ROUTES_OUT
  if (!file) return
  const found = matchRoute(ROUTES, method, url.split('?')[0])
  if (!found || !('route' in found)) return
  appendFileSync(file, JSON.stringify({ route: `${method} ${found.route.path}`, status, ms }) + '\n')
}

/** What a test may give the backend it calls: fakes of outside services (WeChat…). */
export interface MakeOptions {
  services?: Services
}

export async function inProcess(clock = fixedClock(T0), opts: MakeOptions = {}): Promise<Client> {
  const backend = createBackend({ storage: memoryStorage(), clock, services: opts.services })
  return withLogin({
    name: 'in-app',
    backend,
    clock,
    call: async (method, url, opts = {}) => {
      const start = performance.now()
      const body = opts.rawBody === undefined ? opts.body : JSON.parse(opts.rawBody)
      const res = await backend.handle({ method, url, headers: headersOf(opts), body, rawBody: opts.rawBody })
      recordTiming(method, url, res.status, performance.now() - start)
      return res
    },
    close: async () => {},
  })
}

// The first SQL test of a file starts PGlite or creates a database: give hooks and tests time.
if (SQL_ENABLED) jest.setTimeout(60_000)

/** One driver per test file and kind, opened on first use and closed after the file's tests. */
const drivers = new Map<'pglite' | 'postgres', Promise<SqlDriver>>()

async function driverOf(kind: 'pglite' | 'postgres'): Promise<SqlDriver> {
  if (!drivers.has(kind)) drivers.set(kind, kind === 'pglite' ? pgliteDriver('memory://') : freshPostgres(10))
  return drivers.get(kind)!
}

afterAll(async () => {
  for (const d of drivers.values()) await (await d).close()
  drivers.clear()
})

/** The server (Fastify, 127.0.0.1, a free port) on a freshly seeded SQL database, called over HTTP. */
export async function overSql(
  kind: 'pglite' | 'postgres',
  clock = fixedClock(T0),
  opts: MakeOptions = {},
): Promise<Client> {
  const backend = await createSqlBackend({
    services: opts.services,
    driver: await driverOf(kind),
    blobs: memoryBlobStore(),
    clock,
    seedWhenEmpty: false,
  })
  await backend.reseed()
  const app = buildApp(backend)
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return withLogin({
    name: kind === 'pglite' ? 'PGlite server' : 'PostgreSQL server',
    backend,
    clock,
    call: async (method, path, opts = {}) => {
      const res = await fetch(url + path, {
        method,
        headers: headersOf(opts),
        body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      })
      return { status: res.status, body: await res.json() }
    },
    close: () => app.close(),
  })
}

/** The transports the backend suites run on: in-app always; the SQL servers when enabled (see above). */
type Make = (opts?: MakeOptions) => Promise<Client>
export const TRANSPORTS: [string, Make][] = [
  ['in-app', (o) => inProcess(undefined, o)],
  ...(SQL_ENABLED ? [['PGlite server', (o) => overSql('pglite', undefined, o)] as [string, Make]] : []),
  ...(SQL_ENABLED && PG_URL ? [['PostgreSQL server', (o) => overSql('postgres', undefined, o)] as [string, Make]] : []),
]

/** The seeded ID number of a user (from the seed's people; `_c` kept for the callers' shape). */
export function idNumberOf(_c: Client, userId: string): string {
  const person = PEOPLE.find((p) => `u-${p.key}` === userId)
  if (!person) throw new Error(`no seeded person ${userId}`)
  return seededIdNumber(person)
}
