/** @jest-environment node */
/**
 * The server process's start and stop (`src/server/main.ts`, as `npm run server` runs it): in production
 * it refuses to start without its secrets or with a demo switch, naming each variable; on SIGTERM it
 * stops accepting connections, lets the request in flight finish, closes the database, releases the
 * PGlite folder and exits 0. The SIGTERM test runs when `MC_SQL=1` (it starts PGlite in a process).
 */
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { describeSql } from './databases'
import { call, startServerProcess, stopAllServers } from './processes'

jest.setTimeout(120_000)

const dirs: string[] = []
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-lifecycle-'))
  dirs.push(d)
  return d
}

afterAll(async () => {
  await stopAllServers()
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

/** Resolves with the connection error's code, or 'connected'. */
const connect = (url: string) =>
  new Promise<string>((resolve) => {
    const { hostname, port } = new URL(url)
    const socket = net.connect({ host: hostname, port: Number(port) })
    socket.once('connect', () => {
      socket.destroy()
      resolve('connected')
    })
    socket.once('error', (e: NodeJS.ErrnoException) => resolve(e.code ?? 'error'))
  })

describe('production mode refuses to start unsafely', () => {
  const HASH_KEY = Buffer.alloc(32, 9).toString('base64')

  it('names every missing secret (DATABASE_URL, PII_KEY, PII_HASH_KEY) and the demo switch, and exits 1', async () => {
    const start = startServerProcess({ DATA_DIR: tempDir(), NODE_ENV: 'production', DEMO: '1' })
    await expect(start).rejects.toThrow(/exited \(1\) before listening/)
    const message = String(await start.catch((e: Error) => e.message))
    for (const variable of [
      'DEMO',
      'DATABASE_URL',
      'PII_KEY',
      'PII_HASH_KEY',
      'WECHAT_APPID',
      'WECHAT_SECRET',
      'REAL_NAME_API_URL',
      'REAL_NAME_API_KEY',
    ])
      expect(message).toContain(`- ${variable}：`)
  })

  it('names a malformed key without printing it', async () => {
    const bad = 'c2hvcnQta2V5'
    const start = startServerProcess({
      DATA_DIR: tempDir(),
      NODE_ENV: 'production',
      DATABASE_URL: 'postgres://app@127.0.0.1:1/community',
      PII_KEY: bad,
      PII_HASH_KEY: HASH_KEY,
    })
    const message = String(await start.catch((e: Error) => e.message))
    expect(message).toContain('- PII_KEY：')
    expect(message).not.toContain(bad)
    expect(message).not.toContain('- PII_HASH_KEY')
  })
})

describeSql('SIGTERM: graceful shutdown (PGlite)', () => {
  it('answers the request in flight, refuses new connections, releases the folder and exits 0', async () => {
    const dataDir = tempDir()
    const server = await startServerProcess({ DATA_DIR: dataDir, SHUTDOWN_GRACE_MS: '20000' })
    expect(fs.readdirSync(dataDir)).toEqual(expect.arrayContaining(['pg.lock', 'pg.owner']))
    // Every request now waits 3 s before it is handled (the demo's latency fault).
    await call(server.url, 'POST', '/api/dev/faults', {
      body: { enabled: true, rate: 0, latencyMs: 3000, kinds: ['latency'] },
    })
    const t0 = Date.now()
    const slow = call(server.url, 'GET', '/api/auth/personas', { timeoutMs: 20_000 })
    await new Promise((r) => setTimeout(r, 1000))
    process.kill(server.pid, 'SIGTERM')
    await new Promise((r) => setTimeout(r, 500))
    expect(await connect(server.url)).toBe('ECONNREFUSED')
    const answer = await slow
    expect(answer.status).toBe(200)
    expect(answer.body.length).toBeGreaterThan(0)
    expect(Date.now() - t0).toBeGreaterThanOrEqual(3000)
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(await connect(server.url)).toBe('ECONNREFUSED')
    // The folder lock was released by the process itself, not left for the next start to break.
    expect(fs.readdirSync(dataDir).filter((f) => /^pg\.(lock|owner)$/.test(f))).toEqual([])
  })

  it('cuts off a request that outlasts SHUTDOWN_GRACE_MS and still exits 0', async () => {
    const server = await startServerProcess({ DATA_DIR: tempDir(), SHUTDOWN_GRACE_MS: '1000' })
    await call(server.url, 'POST', '/api/dev/faults', {
      body: { enabled: true, rate: 0, latencyMs: 30_000, kinds: ['latency'] },
    })
    const slow = call(server.url, 'GET', '/api/auth/personas', { timeoutMs: 40_000 }).then(
      (r) => r.status,
      () => 'cut off',
    )
    await new Promise((r) => setTimeout(r, 1000))
    const t0 = Date.now()
    process.kill(server.pid, 'SIGTERM')
    expect(await server.exited).toEqual({ code: 0, signal: null })
    expect(Date.now() - t0).toBeLessThan(10_000)
    expect(await slow).toBe('cut off')
  })
})
