/** @jest-environment node */
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { drawFault, type FaultConfig } from '@/backend/core/faults'
import { Mutex } from '@/backend/core/mutex'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import { withWeChatLimits } from '@/backend/storage/types'
import { storedVersion } from '@/backend/core/migrations'
import fs from 'node:fs'
import path from 'node:path'
import { inProcess, idNumberOf, T0 } from './client'

const DAY = 86_400_000

describe('mutex', () => {
  it('runs tasks one at a time in arrival order, even when one fails', async () => {
    const m = new Mutex()
    const log: string[] = []
    const task = (name: string, ms: number, fail = false) =>
      m.run(async () => {
        log.push(`start ${name}`)
        await new Promise((r) => setTimeout(r, ms))
        log.push(`end ${name}`)
        if (fail) throw new Error(name)
        return name
      })
    const results = await Promise.allSettled([task('a', 20), task('b', 1, true), task('c', 5)])
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c'])
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled'])
  })

  it('lets exactly one of many concurrent requests bind the same ID number', async () => {
    const c = await inProcess()
    const users = ['u-chen', 'u-liu', 'u-zhang', 'u-qian']
    const unbound = { realName: undefined, idNumber: undefined, realNameBoundAt: undefined }
    await c.backend.arrange(
      'users',
      users.map((id) => ({ id, ...unbound, privacyAcceptedAt: '2026-03-01T09:00:00+08:00' })),
    )
    const tokens = await Promise.all(users.map((u) => c.login(u)))
    const id = idNumberOf(c, 'u-wang')
    await c.backend.arrange('users', [{ id: 'u-wang', ...unbound }])
    const results = await Promise.all(
      tokens.map((token) => c.call('POST', '/api/me/real-name', { token, body: { name: '王秀英', idNumber: id } })),
    )
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
  })
})

/** The fault schedule as the backend draws it: `drawFault` from the stored generator state. */
class FaultSchedule {
  private state: number
  constructor(
    readonly config: FaultConfig = {
      enabled: false,
      seed: 42,
      rate: 0.3,
      latencyMs: 2000,
      kinds: ['latency', 'timeout', 'server-error', 'lost-response'],
    },
  ) {
    this.state = config.seed
  }
  next() {
    const { decision, state } = drawFault(this.config, this.state)
    this.state = state
    return decision
  }
}

describe('fault schedule', () => {
  it('is off by default and reproducible from its seed', () => {
    expect(new FaultSchedule().next()).toEqual({ kind: null, delayMs: 0 })
    const a = new FaultSchedule({
      enabled: true,
      seed: 7,
      rate: 0.3,
      latencyMs: 2000,
      kinds: ['latency', 'timeout', 'server-error', 'lost-response'],
    })
    const b = new FaultSchedule({ ...a.config })
    const seqA = Array.from({ length: 50 }, () => a.next().kind)
    expect(Array.from({ length: 50 }, () => b.next().kind)).toEqual(seqA)
    expect(new Set(seqA)).toEqual(new Set([null, 'timeout', 'server-error', 'lost-response']))
  })

  it('fails about the configured share of requests with one kind', () => {
    const s = new FaultSchedule({ enabled: true, seed: 1, rate: 0.3, latencyMs: 0, kinds: ['server-error'] })
    const failed = Array.from({ length: 2000 }, () => s.next().kind).filter(Boolean).length
    expect(failed / 2000).toBeGreaterThan(0.26)
    expect(failed / 2000).toBeLessThan(0.34)
  })
})

describe('the mock interceptor realises each fault kind', () => {
  const setup = (kind: 'timeout' | 'server-error' | 'lost-response' | 'latency') => {
    const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(T0) })
    const configured = backend.configureFaults({
      enabled: true,
      rate: 1,
      latencyMs: 2000,
      kinds: kind === 'latency' ? ['latency'] : [kind],
    })
    const waits: number[] = []
    const intercept = createMockInterceptor(backend, {
      wait: async (ms) => {
        waits.push(ms)
      },
    })
    const call = async (url: string, method = 'GET', data?: unknown) => {
      await configured
      return intercept({
        requestParams: { url, method, data, header: {}, timeout: 5000 },
        proceed: () => 'passed through',
      }) as Promise<any>
    }
    return { backend, waits, call }
  }

  it('passes non-API URLs through', async () => {
    const { call } = setup('server-error')
    expect(await call('https://example.invalid/x')).toBe('passed through')
  })
  it('latency: delays, then answers', async () => {
    const { call, waits } = setup('latency')
    const r = await call('/api/auth/personas')
    expect(r.statusCode).toBe(200)
    expect(waits).toEqual([2000])
  })
  it('timeout: waits for the timeout and rejects without running the handler', async () => {
    const { call, waits, backend } = setup('timeout')
    await expect(call('/api/auth/mock-login', 'POST', { userId: 'u-wang' })).rejects.toEqual({
      errMsg: 'request:fail timeout',
    })
    expect(waits).toEqual([5000])
    expect(await backend.inspect('login_sessions')).toHaveLength(0)
  })
  it('server-error: answers 503 without running the handler', async () => {
    const { call, backend } = setup('server-error')
    const r = await call('/api/auth/mock-login', 'POST', { userId: 'u-wang' })
    expect(r.statusCode).toBe(503)
    expect(r.data.code).toBe('SERVICE_UNAVAILABLE')
    expect(await backend.inspect('login_sessions')).toHaveLength(0)
  })
  it("never faults the dev panel's own requests, so faults can always be turned off again", async () => {
    const { call, waits } = setup('server-error')
    const r = await call('/api/dev/state')
    expect(r.statusCode).toBe(200)
    expect(waits).toEqual([])
    expect((await call('/api/auth/personas')).statusCode).toBe(503)
  })
  it('lost-response: the handler runs and saves, but the caller sees a network failure', async () => {
    const { call, backend } = setup('lost-response')
    await expect(call('/api/auth/mock-login', 'POST', { userId: 'u-wang' })).rejects.toMatchObject({
      errMsg: expect.stringContaining('request:fail'),
    })
    expect(await backend.inspect('login_sessions')).toHaveLength(1)
  })
})

describe('persistence', () => {
  it('drops the old sessions table, whose tokens were kept in clear (issue 24)', () => {
    const storage = memoryStorage()
    createBackend({ storage, clock: fixedClock(T0) })
    storage.setItem('mc:t:sessions', JSON.stringify({ abc: { token: 'abc', userId: 'u-wang' } }))
    createBackend({ storage, clock: fixedClock(T0) })
    expect(storage.getItem('mc:t:sessions')).toBeNull()
  })
  it('keeps one storage key per table and reloads what was saved', async () => {
    const storage = memoryStorage()
    const a = createBackend({ storage, clock: fixedClock(T0) })
    const login = await a.handle({
      method: 'POST',
      url: '/api/auth/mock-login',
      headers: {},
      body: { userId: 'u-wang' },
    })
    expect([...storage.data.keys()]).toEqual(
      expect.arrayContaining(['mc:t:settings', 'mc:t:users', 'mc:t:login_sessions', 'mc:t:messages']),
    )
    const b = createBackend({ storage, clock: fixedClock(T0) })
    const me = await b.handle({
      method: 'GET',
      url: '/api/me',
      headers: { authorization: `Bearer ${(login.body as { token: string }).token}` },
    })
    expect(me.status).toBe(200)
  })

  it('storage full: a clear 507 saying where to free space on this platform, nothing of the request saved, earlier data intact', async () => {
    // The in-app storage says where the person frees space (here as on H5: the browser's site data).
    const inner = Object.assign(memoryStorage(), { freeSpaceAdvice: '可以在浏览器设置里清理本网站的数据后再试' })
    const limits = { perKey: 1024 * 1024, total: 10 * 1024 * 1024 }
    const backend = createBackend({ storage: withWeChatLimits(inner, limits), clock: fixedClock(T0), limits: false })
    const login = await backend.handle({
      method: 'POST',
      url: '/api/auth/mock-login',
      headers: {},
      body: { userId: 'u-li' },
    })
    const auth = { authorization: `Bearer ${(login.body as { token: string }).token}` }
    limits.total = [...inner.data.entries()].reduce((sum, [k, v]) => sum + k.length + Buffer.byteLength(v), 0) + 50
    const before = new Map(inner.data)
    const idNumber = (await backend.inspect<{ idNumber: string }>('population_register', { name: '王秀英' }))[0]
      .idNumber
    const link = await backend.handle({
      method: 'POST',
      url: '/api/family-links',
      headers: auth,
      body: { principalName: '王秀英', principalIdNumber: idNumber, relationship: '子女' },
    })
    expect(link.status).toBe(507)
    expect(link.body).toMatchObject({ code: 'STORAGE_FULL', message: expect.stringContaining('存储空间已满') })
    expect((link.body as { message: string }).message).toContain('浏览器设置里清理本网站的数据')
    expect((link.body as { message: string }).message).not.toContain('微信')
    expect(inner.data).toEqual(before)
    expect(await backend.inspect('family_links')).toEqual([])
    expect((await backend.handle({ method: 'GET', url: '/api/me', headers: auth })).status).toBe(200)
    limits.total = 10 * 1024 * 1024
    expect(
      (
        await backend.handle({
          method: 'POST',
          url: '/api/family-links',
          headers: auth,
          body: { principalName: '王秀英', principalIdNumber: idNumber, relationship: '子女' },
        })
      ).status,
    ).toBe(200)
  })

  it('refuses one value over 1 MB with its own message', async () => {
    const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(T0) })
    await backend.start()
    const put = backend.store.transaction((t) => t.images.put('big', 'A'.repeat(1024 * 1024 + 10)))
    await expect(put).rejects.toMatchObject({ name: 'StorageFullError', perKey: true })
    expect(await backend.store.transaction((t) => t.images.get('big'))).toBeNull()
  })

  it('migrates data saved by schema v1 (one blob, read flags) and keeps it', async () => {
    const fixture = JSON.parse(
      fs.readFileSync(path.join(__dirname, '../../fixtures/storage-v1.json'), 'utf8'),
    ) as Record<string, string>
    const storage = memoryStorage(fixture)
    expect(storedVersion(storage)).toBe(1)
    const backend = createBackend({ storage, clock: fixedClock(T0) })
    expect(storedVersion(storage)).toBe(3)
    expect(storage.data.has('mc:db')).toBe(false)
    const messages = await backend.inspect<{ id: string; readAt?: string }>('messages')
    expect(messages.find((m) => m.id === 'm-v1-read')?.readAt).toBe('2025-12-01T09:00:00+08:00')
    expect(messages.find((m) => m.id === 'm-v1-unread')?.readAt).toBeUndefined()
    expect((await backend.inspect<{ realName?: string }>('users', { id: 'u-wang' }))[0].realName).toBe('王秀英')
  })
})

describe('mock time and demo reset', () => {
  it('advances by days and months, persists across a restart, and reset restores the seed', async () => {
    const storage = memoryStorage()
    const backend = createBackend({ storage })
    const r = await backend.handle({
      method: 'POST',
      url: '/api/dev/clock',
      headers: {},
      body: { setIso: '2026-01-31' },
    })
    expect((r.body as { nowIso: string }).nowIso).toBe('2026-01-31T09:00:00+08:00')
    const m = await backend.handle({ method: 'POST', url: '/api/dev/clock', headers: {}, body: { advanceMonths: 1 } })
    expect((m.body as { nowIso: string }).nowIso.slice(0, 10)).toBe('2026-02-28')
    await backend.handle({ method: 'POST', url: '/api/dev/clock', headers: {}, body: { advanceDays: 1 } })
    const restarted = createBackend({ storage })
    expect(restarted.clock.now() - Date.UTC(2026, 2, 1, 1)).toBeLessThan(DAY / 24)
    await restarted.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId: 'u-wang' } })
    expect(await restarted.inspect('login_sessions')).toHaveLength(1)
    await restarted.handle({ method: 'POST', url: '/api/dev/reset', headers: {} })
    expect(await restarted.inspect('login_sessions')).toHaveLength(0)
    expect(Math.abs(restarted.clock.offsetMs)).toBe(0)
  })

  it('dev routes are absent when the backend is built without them', async () => {
    const backend = createBackend({ storage: memoryStorage(), devRoutes: false })
    expect((await backend.handle({ method: 'POST', url: '/api/dev/reset', headers: {} })).status).toBe(404)
  })
})
