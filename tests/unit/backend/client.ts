/**
 * One way to call the backend for route tests, in two transports: in-process (`backend.handle`) and
 * over HTTP against `scripts/mock-server.ts` on 127.0.0.1. The same tests run on both.
 */
import { appendFileSync } from 'fs'
import { createBackend, ROUTES, type Backend } from '@/backend'
import { matchRoute } from '@/backend/core/router'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import type { Method } from '@/backend/core/http'
import { memoryStorage } from '@/backend/storage/memory'
import { startMockServer } from '../../../scripts/mock-server'

/** 2026-03-02 10:00 Beijing. */
export const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)

export interface CallOptions {
  token?: string
  body?: unknown
  key?: string
  actingFor?: string
  rawBody?: string
}
export interface Client {
  name: string
  backend: Backend
  clock: MockClock
  call(method: Method, url: string, opts?: CallOptions): Promise<{ status: number; body: any }>
  /** Logs in as a seeded user; returns the token. */
  login(userId: string): Promise<string>
  close(): Promise<void>
}

function headersOf(opts: CallOptions): Record<string, string> {
  const h: Record<string, string> = { 'content-type': 'application/json' }
  if (opts.token) h.authorization = `Bearer ${opts.token}`
  if (opts.key) h['idempotency-key'] = opts.key
  if (opts.actingFor) h['x-acting-for'] = opts.actingFor
  return h
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
export function isoDatesInWords(value: unknown, key = '', found: string[] = []): string[] {
  if (typeof value === 'string') {
    if (WORDS.has(key) && ISO_DATE.test(value) && !/格式不正确/.test(value)) found.push(value)
  } else if (Array.isArray(value)) {
    for (const v of value) isoDatesInWords(v, key, found)
  } else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) isoDatesInWords(v, WORDS.has(key) ? key : k, found)
  }
  return found
}

function withLogin(c: Omit<Client, 'login'>): Client {
  return {
    ...c,
    async call(method, url, opts) {
      const res = await c.call(method, url, opts)
      // The export is the person's data as stored (dates included); the dev panel is not for residents.
      if (!url.startsWith('/api/me/export') && !url.startsWith('/api/dev')) {
        const iso = isoDatesInWords(res.body)
        if (iso.length) throw new Error(`${method} ${url} answered an ISO date in words for people: ${iso.join(' | ')}`)
      }
      return res
    },
    async close() {
      const iso = isoDatesInWords(
        Object.values(c.backend.db.data.messages ?? {}).map((m) => ({ title: m.title, body: m.body })),
      )
      await c.close()
      if (iso.length) throw new Error(`messages with an ISO date: ${iso.join(' | ')}`)
    },
    async login(userId) {
      const r = await this.call('POST', '/api/auth/mock-login', { body: { userId } })
      if (r.status !== 200) throw new Error(`login ${userId}: ${r.status} ${JSON.stringify(r.body)}`)
      return r.body.token as string
    },
  }
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

export async function inProcess(clock = fixedClock(T0)): Promise<Client> {
  const backend = createBackend({ storage: memoryStorage(), clock })
  return withLogin({
    name: 'in-process',
    backend,
    clock,
    call: async (method, url, opts = {}) => {
      const start = performance.now()
      const res = await backend.handle({ method, url, headers: headersOf(opts), body: opts.body })
      recordTiming(method, url, res.status, performance.now() - start)
      return res
    },
    close: async () => {},
  })
}

export async function overHttp(clock = fixedClock(T0)): Promise<Client> {
  const server = await startMockServer({ clock })
  return withLogin({
    name: 'HTTP',
    backend: server.backend,
    clock,
    call: async (method, url, opts = {}) => {
      const res = await fetch(server.url + url, {
        method,
        headers: headersOf(opts),
        body: opts.rawBody ?? (opts.body === undefined ? undefined : JSON.stringify(opts.body)),
      })
      return { status: res.status, body: await res.json() }
    },
    close: () => server.close(),
  })
}

export const TRANSPORTS: [string, () => Promise<Client>][] = [
  ['in-process', () => inProcess()],
  ['HTTP', () => overHttp()],
]

/** The seeded ID number of a user (tests only: reads the backend's data directly). */
export function idNumberOf(c: Client, userId: string): string {
  const name = c.backend.db.data.users[userId].realName?.name ?? { 'u-chen': '陈晓东' }[userId]
  return Object.values(c.backend.db.data.populationRegister).find((p) => p.name === name)!.idNumber
}
