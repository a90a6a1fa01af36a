/**
 * HTTP mode: a WeChat build with `TARO_APP_API_BASE=http://127.0.0.1:3917` (no mock backend inside)
 * against the same handlers served by scripts/mock-server.ts. `npm test` builds it into dist/weapp-real.
 */
import fs from 'node:fs'
import path from 'node:path'
import { MiniProgram } from './harness'
import { startMockServer, type MockServer } from '../../scripts/mock-server'

export const REAL_DIST = path.resolve(__dirname, '../../dist/weapp-real')
export const REAL_PORT = 3917

let server: MockServer
beforeAll(async () => {
  server = await startMockServer({ port: REAL_PORT })
})
afterAll(() => server?.close())

describe('WeChat build with a real backend over HTTP', () => {
  it('carries no mocked backend code', () => {
    const js = fs
      .readdirSync(REAL_DIST, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.js'))
    const all = js.map((f) => fs.readFileSync(path.join(REAL_DIST, f), 'utf8')).join('\n')
    expect(all).toContain('127.0.0.1:3917')
    expect(all).not.toContain('mc:db:')
    expect(all).not.toContain('__mcMockBackend')
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
    expect(mp.page.text()).toContain('欢迎使用现代社区')
    const requests = mp.calls.filter((c) => c.api === 'request').map((c) => (c.args as { url: string }).url)
    expect(requests.every((u) => u.startsWith(`http://127.0.0.1:${REAL_PORT}/api/`))).toBe(true)
    expect(Object.keys(server.backend.db.data.sessions)).toHaveLength(1)
  })
})
