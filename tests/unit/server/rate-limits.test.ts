/** @jest-environment node */
/**
 * Rate limits at the HTTP boundary (Fastify on 127.0.0.1, real HTTP): writes per user and per IP,
 * logins per IP, 429 with `Retry-After` in seconds; on SQL the counters are in the database, so two
 * servers on one database share one budget; `npm run server`'s own limits are on; and the real-name
 * failure limit (5 per hour) survives a restart.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import type { RateLimits } from '@/backend/core/rate-limits'
import { memoryStorage } from '@/backend/storage/memory'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { buildApp } from '@/server/app'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'
import { configFromEnv } from '@/server/config'
import { startServer } from '@/server/main'
import { describeSql, SQL_ENABLED, sqlDatabases } from './databases'

// Starting PGlite takes seconds.
if (SQL_ENABLED) jest.setTimeout(120_000)

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)
const apps: FastifyInstance[] = []
afterEach(async () => {
  for (const a of apps.splice(0)) await a.close()
})

async function listen(app: FastifyInstance): Promise<string> {
  apps.push(app)
  return app.listen({ port: 0, host: '127.0.0.1' })
}

async function send(url: string, method: string, p: string, body?: unknown, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(url + p, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) })
  return { status: res.status, retryAfter: res.headers.get('retry-after'), body: await res.json() }
}

async function login(url: string, userId: string): Promise<string> {
  const r = await send(url, 'POST', '/api/auth/mock-login', { userId })
  expect(r.status).toBe(200)
  return r.body.token as string
}

const inApp = (rateLimits: RateLimits) =>
  listen(buildApp(createBackend({ storage: memoryStorage(), clock: fixedClock(T0), limits: false, rateLimits })))

const MINUTE = { windowMs: 60_000 }

describe('rate limits (in-app backend behind the server)', () => {
  it('a user past the writes limit gets 429 TOO_MANY_REQUESTS with Retry-After; another user does not', async () => {
    const url = await inApp({ writesPerUser: { limit: 3, ...MINUTE } })
    const wang = await login(url, 'u-wang')
    for (let i = 0; i < 3; i++)
      expect((await send(url, 'POST', '/api/me/privacy', { accepted: true }, wang)).status).toBe(200)
    const r = await send(url, 'POST', '/api/me/privacy', { accepted: true }, wang)
    expect({ status: r.status, code: r.body.code, retryAfter: r.retryAfter }).toEqual({
      status: 429,
      code: 'TOO_MANY_REQUESTS',
      retryAfter: '60', // the mock clock stands at the start of a minute
    })
    expect(r.body.message).toMatch(/操作太频繁/)
    // Reads are not writes.
    expect((await send(url, 'GET', '/api/me', undefined, wang)).status).toBe(200)
    const li = await login(url, 'u-li')
    expect((await send(url, 'POST', '/api/me/privacy', { accepted: true }, li)).status).toBe(200)
  })

  it('writes from one IP address are limited across users', async () => {
    const url = await inApp({ writesPerIp: { limit: 4, ...MINUTE } })
    const tokens = [await login(url, 'u-wang'), await login(url, 'u-li')]
    for (let i = 0; i < 4; i++)
      expect((await send(url, 'POST', '/api/me/privacy', { accepted: true }, tokens[i % 2])).status).toBe(200)
    expect((await send(url, 'POST', '/api/me/privacy', { accepted: true }, tokens[1])).status).toBe(429)
  })

  it('logins from one IP address and into one account are limited', async () => {
    const url = await inApp({ loginPerIp: { limit: 3, ...MINUTE }, loginPerUser: { limit: 2, ...MINUTE } })
    await login(url, 'u-wang')
    await login(url, 'u-wang')
    expect((await send(url, 'POST', '/api/auth/mock-login', { userId: 'u-wang' })).status).toBe(429)
    expect((await send(url, 'POST', '/api/auth/mock-login', { userId: 'u-li' })).status).toBe(429) // 4th from this IP
  })

  it('real-name attempts from one IP address are limited', async () => {
    const url = await inApp({ realNamePerIp: { limit: 1, windowMs: 3600_000 } })
    const chen = await login(url, 'u-chen')
    await send(url, 'POST', '/api/me/privacy', { accepted: true }, chen)
    const attempt = { name: '陈错名', idNumber: '330206198001010015' }
    expect((await send(url, 'POST', '/api/me/real-name', attempt, chen)).status).not.toBe(429)
    const r = await send(url, 'POST', '/api/me/real-name', attempt, chen)
    expect({ status: r.status, retryAfter: r.retryAfter }).toEqual({ status: 429, retryAfter: '3600' })
  })
})

describeSql.each(sqlDatabases(4))('rate limits on %s', (_kind, open) => {
  let driver: SqlDriver
  beforeAll(async () => {
    driver = await open()
  })
  afterAll(() => driver.close())

  it('two servers on one database share one budget (the counters are in the database)', async () => {
    const rateLimits = { loginPerIp: { limit: 3, ...MINUTE } }
    const urls: string[] = []
    for (let i = 0; i < 2; i++) {
      const backend = await createSqlBackend({ driver, blobs: memoryBlobStore(), clock: fixedClock(T0), rateLimits })
      urls.push(await listen(buildApp(backend)))
    }
    const statuses: number[] = []
    for (let i = 0; i < 4; i++)
      statuses.push((await send(urls[i % 2], 'POST', '/api/auth/mock-login', { userId: 'u-wang' })).status)
    expect(statuses).toEqual([200, 200, 200, 429])
  })
})

describeSql('npm run server (PGlite in a folder)', () => {
  let dataDir: string
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-limits-'))
  })
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const config = () => ({
    ...configFromEnv({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir } as unknown as NodeJS.ProcessEnv),
    demo: true,
  })

  it('limits logins by default: repeated logins from one address are refused within 41 tries', async () => {
    const server = await startServer(config())
    try {
      let refusedAt = 0
      for (let i = 1; i <= 41 && !refusedAt; i++) {
        const r = await send(server.url, 'POST', '/api/auth/mock-login', { userId: 'u-zhang' })
        if (r.status === 429) refusedAt = i
        else expect(r.status).toBe(200)
      }
      expect(refusedAt).toBeGreaterThan(10)
    } finally {
      await server.stop()
    }
  })

  it('a restart keeps the real-name failure count: after 5 failures the 6th attempt is refused, before and after', async () => {
    const chen = PEOPLE.find((p) => p.key === 'chen')!
    const attempt = { name: '陈错名', idNumber: idNumberOf(chen) }
    let server = await startServer({ ...config(), rateLimits: {} })
    try {
      const token = await login(server.url, 'u-chen')
      expect((await send(server.url, 'POST', '/api/me/privacy', { accepted: true }, token)).status).toBe(200)
      for (let i = 0; i < 5; i++)
        expect((await send(server.url, 'POST', '/api/me/real-name', attempt, token)).body.code).toBe('NOT_IN_REGISTER')
      expect((await send(server.url, 'POST', '/api/me/real-name', attempt, token)).status).toBe(429)
      await server.stop()
      server = await startServer({ ...config(), rateLimits: {} })
      const again = await login(server.url, 'u-chen')
      const r = await send(server.url, 'POST', '/api/me/real-name', attempt, again)
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 429, code: 'TOO_MANY_REQUESTS' })
    } finally {
      await server.stop()
    }
  })
})
