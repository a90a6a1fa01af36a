/** @jest-environment node */
/**
 * The server at its HTTP boundary, as run for real: production mode serves nothing of the demo; every
 * answer carries a request id and the security headers; CORS follows the allow-list; one JSON log line
 * per request with no personal data; `/healthz` and `/readyz` (on PGlite when `MC_SQL=1`).
 */
import { Backend, FEATURES, ROUTES, seedRows, TABLES } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { InAppStore } from '@/backend/core/data/in-app-store'
import { SCHEMA_VERSION } from '@/backend/core/migrations'
import { route } from '@/backend/core/router'
import { memoryStorage } from '@/backend/storage/memory'
import type { FastifyInstance } from 'fastify'
import { buildApp } from '@/server/app'
import { pgliteDriver } from '@/server/drivers'
import { migrate } from '@/server/migrate'
import { databaseReadiness, type OpsOptions } from '@/server/ops'
import { describeSql } from './databases'
import { T0 } from './processes'

const DAY = 86_400_000

/** A route that tells the backend's "now" (to see whether mock time applies). */
const nowRoute = route({ method: 'GET', path: '/api/test/now', access: 'public', handler: (ctx) => ctx.nowIso })

/** The in-app backend (the same handlers the server serves), seeded, in demo or production mode. */
function backendOf(mode: 'demo' | 'production'): Backend {
  const store = new InAppStore(memoryStorage(), TABLES, { schemaVersion: SCHEMA_VERSION })
  store.load()
  return new Backend({
    store,
    tables: TABLES,
    features: FEATURES,
    routes: [...ROUTES, nowRoute],
    seed: seedRows,
    clock: fixedClock(T0),
    devRoutes: true,
    production: mode === 'production',
  })
}

function appOf(mode: 'demo' | 'production', ops: OpsOptions = {}): Served {
  return serve(buildApp(backendOf(mode), { ops }))
}

interface Answer {
  statusCode: number
  headers: Record<string, string>
  json(): any
}
interface Served {
  inject(r: { method: string; url: string; payload?: object; headers?: Record<string, string> }): Promise<Answer>
}

const listening: FastifyInstance[] = []
afterEach(async () => {
  for (const app of listening.splice(0)) await app.close()
})

/** `app` called over HTTP on 127.0.0.1 (listening on first use, closed after the test). */
function serve(app: FastifyInstance): Served {
  let base: Promise<string> | null = null
  return {
    async inject({ method, url, payload, headers = {} }) {
      if (!base) {
        listening.push(app)
        base = app.listen({ port: 0, host: '127.0.0.1' })
      }
      const res = await fetch((await base) + url, {
        method,
        headers: payload ? { 'content-type': 'application/json', ...headers } : headers,
        body: payload ? JSON.stringify(payload) : undefined,
      })
      const text = await res.text()
      return { statusCode: res.status, headers: Object.fromEntries(res.headers), json: () => JSON.parse(text) }
    },
  }
}

const DEMO_ONLY: [string, string, object | null][] = [
  ['GET', '/api/auth/personas', null],
  ['POST', '/api/auth/mock-login', { userId: 'u-wang' }],
  ['GET', '/api/dev/state', null],
  ['POST', '/api/dev/clock', { advanceDays: 30 }],
  ['POST', '/api/dev/faults', { enabled: true }],
  ['POST', '/api/dev/reset', null],
]

describe('production mode (NODE_ENV=production) serves nothing of the demo', () => {
  it.each(DEMO_ONLY)('%s %s: 404 NO_ROUTE in production, served in demo mode', async (method, url, body) => {
    const request = { method: method as 'GET' | 'POST', url, ...(body ? { payload: body } : {}) }
    const prod = await appOf('production').inject(request)
    expect([prod.statusCode, prod.json().code]).toEqual([404, 'NO_ROUTE'])
    const demo = await appOf('demo').inject(request)
    expect(demo.statusCode).toBe(200)
  })

  it('draws no fault in production, even with faults switched on in the stored settings', async () => {
    for (const mode of ['demo', 'production'] as const) {
      const backend = backendOf(mode)
      await backend.configureFaults({ enabled: true, rate: 1, latencyMs: 0, kinds: ['server-error'] })
      const r = await serve(buildApp(backend)).inject({ method: 'GET', url: '/api/test/now' })
      expect([mode, r.statusCode]).toEqual([mode, mode === 'production' ? 200 : 503])
    }
  })

  it('runs on the wall clock in production: a stored mock-time offset is ignored', async () => {
    for (const mode of ['demo', 'production'] as const) {
      const backend = backendOf(mode)
      await backend.start()
      await backend.arrange('settings', [{ id: 'demo', clockOffsetMs: 30 * DAY }])
      const r = await serve(buildApp(backend)).inject({ method: 'GET', url: '/api/test/now' })
      expect([mode, r.json()]).toEqual([
        mode,
        mode === 'production' ? '2026-03-02T10:00:00+08:00' : '2026-04-01T10:00:00+08:00',
      ])
    }
  })
})

describe('answers: request id and security headers', () => {
  it('sends an x-request-id on every answer (a new one, or the proxy’s when well-formed)', async () => {
    const app = appOf('demo')
    const a = await app.inject({ method: 'GET', url: '/api/auth/personas' })
    const b = await app.inject({ method: 'GET', url: '/api/nothing-here' })
    expect(a.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(b.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    expect(a.headers['x-request-id']).not.toBe(b.headers['x-request-id'])
    const given = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'lb-1234abcd' } })
    expect(given.headers['x-request-id']).toBe('lb-1234abcd')
    const forged = await app.inject({ method: 'GET', url: '/healthz', headers: { 'x-request-id': 'a fake log line' } })
    expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
  })

  it('sends the security headers on answers and errors alike; HSTS only when behind TLS (production)', async () => {
    for (const hsts of [false, true]) {
      const app = appOf('demo', { hsts })
      for (const url of ['/api/auth/personas', '/api/nothing-here', '/healthz']) {
        const r = await app.inject({ method: 'GET', url })
        expect(r.headers).toMatchObject({
          'x-content-type-options': 'nosniff',
          'referrer-policy': 'no-referrer',
          'x-frame-options': 'DENY',
          'cache-control': 'no-store',
        })
        expect(r.headers['content-security-policy']).toContain("default-src 'none'")
        expect(r.headers['strict-transport-security']).toBe(hsts ? 'max-age=31536000; includeSubDomains' : undefined)
      }
    }
  })
})

describe('CORS from an allow-list', () => {
  const origin = (app: ReturnType<typeof appOf>, from: string, method: 'GET' | 'OPTIONS' = 'GET') =>
    app.inject({ method, url: '/api/auth/personas', headers: { origin: from } })

  it('answers a listed origin with that origin, and an unlisted one with no allow-origin header', async () => {
    const app = appOf('demo', { corsOrigins: ['https://h5.example.cn'] })
    for (const method of ['GET', 'OPTIONS'] as const) {
      const ok = await origin(app, 'https://h5.example.cn', method)
      expect(ok.headers['access-control-allow-origin']).toBe('https://h5.example.cn')
      expect(ok.headers.vary).toContain('origin')
      const other = await origin(app, 'https://evil.example.com', method)
      expect(other.headers['access-control-allow-origin']).toBeUndefined()
    }
  })

  it("lets any origin in with '*' (the demo's default, for the H5 dev build) and none with an empty list", async () => {
    expect((await origin(appOf('demo'), 'http://127.0.0.1:10086')).headers['access-control-allow-origin']).toBe('*')
    const none = await origin(appOf('production', { corsOrigins: [] }), 'http://127.0.0.1:10086')
    expect(none.headers['access-control-allow-origin']).toBeUndefined()
  })
})

describe('request logs', () => {
  it('writes one JSON line per request: request id, method, route pattern, status, duration; nothing personal', async () => {
    const lines: string[] = []
    const app = appOf('demo', { log: { level: 'info', stream: { write: (l) => void lines.push(l) } } })
    const login = await app.inject({ method: 'POST', url: '/api/auth/mock-login', payload: { userId: 'u-wang' } })
    const token = login.json().token as string
    const idNumber = '330102194405200018'
    const realName = await app.inject({
      method: 'POST',
      url: '/api/me/real-name',
      headers: { authorization: `Bearer ${token}`, 'x-acting-for': 'u-wang' },
      payload: { name: '王秀英', idNumber },
    })
    await app.inject({
      method: 'GET',
      url: `/api/messages?phone=13800001111&id=${idNumber}`,
      headers: { authorization: `Bearer ${token}` },
    })
    await app.inject({ method: 'GET', url: `/api/family-links/${idNumber}/nothing` })
    const entries = lines.map((l) => JSON.parse(l))
    const requests = entries.filter((e) => e.msg === 'request')
    expect(requests.map((e) => [e.method, e.route, e.status])).toEqual([
      ['POST', '/api/auth/mock-login', 200],
      ['POST', '/api/me/real-name', realName.statusCode],
      ['GET', '/api/messages', 200],
      ['GET', '/api/*', 404],
    ])
    expect(requests[0].reqId).toBe(login.headers['x-request-id'])
    for (const e of requests) expect(typeof e.durationMs).toBe('number')
    const all = lines.join('\n')
    for (const secret of [token, idNumber, '13800001111', '王秀英', 'u-wang', 'Bearer', '?'])
      expect(all).not.toContain(secret)
  })
})

describe('/healthz', () => {
  it('answers 200 while the process runs, outside /api and without login', async () => {
    const r = await appOf('production').inject({ method: 'GET', url: '/healthz' })
    expect([r.statusCode, r.json()]).toEqual([200, { status: 'ok' }])
  })
})

describeSql('/readyz on PGlite', () => {
  jest.setTimeout(60_000)

  it('answers 200 once the database answers and every migration is applied, else 503', async () => {
    const driver = await pgliteDriver('memory://')
    const app = appOf('production', { readiness: databaseReadiness(driver, 2000) })
    const ready = () => app.inject({ method: 'GET', url: '/readyz' })
    expect([(await ready()).statusCode, (await ready()).json().reason]).toEqual([503, 'migrations'])
    await migrate(driver, { upTo: 1 })
    expect([(await ready()).statusCode, (await ready()).json().reason]).toEqual([503, 'migrations'])
    await migrate(driver)
    expect([(await ready()).statusCode, (await ready()).json()]).toEqual([200, { status: 'ready' }])
    await driver.close()
    expect([(await ready()).statusCode, (await ready()).json().reason]).toEqual([503, 'database'])
  })

  it('answers 503 when the database does not answer in time (its one connection held)', async () => {
    const driver = await pgliteDriver('memory://')
    await migrate(driver)
    const app = appOf('production', { readiness: databaseReadiness(driver, 300) })
    let release = () => {}
    const held = driver.withConnection(() => new Promise<void>((r) => (release = r)))
    const r = await app.inject({ method: 'GET', url: '/readyz' })
    expect([r.statusCode, r.json().reason]).toEqual([503, 'database'])
    release()
    await held
    await driver.close()
  })
})
