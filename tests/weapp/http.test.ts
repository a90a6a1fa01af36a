/**
 * HTTP mode: a WeChat build with `TARO_APP_API_BASE=http://127.0.0.1:3917` (no mock backend inside)
 * against the real server (`buildApp` over `createSqlBackend`): on PostgreSQL when `MC_PG_URL` names a
 * server (in a database of this file's own, dropped afterwards), else on in-memory PGlite (jest needs
 * `NODE_OPTIONS=--experimental-vm-modules` for it). `npm test` builds the app into dist/weapp-real.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { FastifyInstance } from 'fastify'
import type { Backend } from '@/backend'
import { buildApp } from '@/server/app'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import { pgliteDriver, postgresDriver, type SqlDriver } from '@/server/drivers'
import { MiniProgram } from './harness'
import { scanForServerCode } from '../shared/bundle-scan'

export const REAL_DIST = path.resolve(__dirname, '../../dist/weapp-real')
export const REAL_PORT = 3917

// Starting PGlite or creating a database takes a while.
jest.setTimeout(60_000)

let driver: SqlDriver | undefined
let pgDatabase: string | undefined
let backend: Backend
let app: FastifyInstance | undefined

/** PostgreSQL in a fresh database of this file when `MC_PG_URL` is set, else PGlite in memory. */
async function openDriver(): Promise<SqlDriver> {
  const admin = process.env.MC_PG_URL
  if (!admin) return pgliteDriver('memory://')
  pgDatabase = `mc_weapp_http_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  const root = await postgresDriver(admin, { max: 1 })
  await root.withConnection((c) => c.query(`CREATE DATABASE ${pgDatabase}`))
  await root.close()
  const url = new URL(admin)
  url.pathname = `/${pgDatabase}`
  return postgresDriver(url.toString(), { max: 10 })
}

beforeAll(async () => {
  driver = await openDriver()
  backend = await createSqlBackend({ driver, blobs: memoryBlobStore() })
  app = buildApp(backend)
  await app.listen({ port: REAL_PORT, host: '127.0.0.1' })
})
afterAll(async () => {
  // A page left loading (a failed test) keeps a connection open: close it, or closing waits for it.
  app?.server.closeAllConnections()
  try {
    await app?.close()
  } finally {
    await driver?.close()
  }
  if (pgDatabase) {
    const root = await postgresDriver(process.env.MC_PG_URL!, { max: 1 })
    await root.withConnection((c) => c.query(`DROP DATABASE IF EXISTS ${pgDatabase} WITH (FORCE)`))
    await root.close()
  }
})

describe('WeChat build with a real backend over HTTP', () => {
  it('carries no mocked backend code', () => {
    const js = fs
      .readdirSync(REAL_DIST, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
    const all = js.map((f) => fs.readFileSync(path.join(REAL_DIST, f), 'utf8')).join('\n')
    expect(all).toContain('127.0.0.1:3917')
    expect(all).not.toContain('mc:db:')
    expect(all).not.toContain('mc:t:')
    expect(all).not.toContain('__mcMockBackend')
    expect(all).not.toContain('demo-backend')
    expect(scanForServerCode(REAL_DIST)).toEqual({})
  })

  it('logs in, binds a family link and reads messages over HTTP', async () => {
    const mp = await MiniProgram.launch({ distDir: REAL_DIST, network: true })
    expect(mp.page.route).toBe('pages/login/index')
    await mp.page.tap('accept-privacy')
    expect(mp.page.text()).toContain('王秀英')
    await mp.page.tap('persona-u-wang')
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.page.text()).toContain('您好，王秀英')
    await mp.switchTab('/pages/messages/index')
    // The page's requests go over the real network: wait for them (PostgreSQL answers later than PGlite).
    await mp.settle()
    expect(mp.page.text()).toContain('欢迎使用现代社区')
    const requests = mp.calls.filter((c) => c.api === 'request').map((c) => (c.args as { url: string }).url)
    expect(requests.every((u) => u.startsWith(`http://127.0.0.1:${REAL_PORT}/api/`))).toBe(true)
    expect(await backend.inspect('login_sessions')).toHaveLength(1)
  })
})
