/** @jest-environment node */
/**
 * Login sessions (issue 24): random tokens stored only as SHA-256, sliding expiry (30 days idle, 180
 * days after login at most, `lastSeenAt` written at most hourly), 401 `SESSION_EXPIRED` for a token that
 * is no longer valid, revoked at logout, account deletion and from 登录设备.
 */
import { tokenHashOf } from '@/backend/sessions'
import { TRANSPORTS, type Client } from './client'

const HOUR = 3600_000
const DAY = 24 * HOUR

interface Row {
  id: string
  tokenHash: string
  userId: string
  lastSeenAt: string
  expiresAt: string
}

describe.each(TRANSPORTS)('login sessions (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
    c.autoRelogin = false
  })
  afterEach(() => c.close())

  const me = (token: string) => c.call('GET', '/api/me', { token })

  it('a token is 32 random bytes (64 hex) and only its SHA-256 is stored', async () => {
    const a = await c.login('u-wang')
    const b = await c.login('u-wang')
    expect(a).toMatch(/^[0-9a-f]{64}$/)
    expect(a).not.toBe(b)
    const rows = await c.backend.inspect<Row>('login_sessions', { userId: 'u-wang' })
    expect(rows.map((r) => r.tokenHash).sort()).toEqual([tokenHashOf(a), tokenHashOf(b)].sort())
    expect(JSON.stringify(rows)).not.toContain(a)
  })

  it('no token: 401 UNAUTHORIZED; a token never issued or no longer valid: 401 SESSION_EXPIRED', async () => {
    expect((await c.call('GET', '/api/me')).body.code).toBe('UNAUTHORIZED')
    expect((await me('f'.repeat(64))).body).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已过期，请重新登录',
    })
  })

  it('slides: used within 30 days it stays; 30 days idle it expires', async () => {
    const token = await c.login('u-wang')
    for (let i = 0; i < 3; i++) {
      c.clock.advance(29 * DAY)
      expect((await me(token)).status).toBe(200)
    }
    c.clock.advance(30 * DAY + HOUR)
    const r = await me(token)
    expect(r.status).toBe(401)
    expect(r.body.code).toBe('SESSION_EXPIRED')
  })

  it('expires 180 days after login however often it is used', async () => {
    const token = await c.login('u-wang')
    for (let day = 20; day < 180; day += 20) {
      c.clock.advance(20 * DAY)
      expect((await me(token)).status).toBe(200)
    }
    c.clock.advance(19 * DAY)
    expect((await me(token)).status).toBe(200)
    c.clock.advance(DAY + 1)
    expect((await me(token)).body.code).toBe('SESSION_EXPIRED')
  })

  it('writes lastSeenAt at most once an hour', async () => {
    const token = await c.login('u-wang')
    const seen = async () => (await c.backend.inspect<Row>('login_sessions', { userId: 'u-wang' }))[0].lastSeenAt
    const first = await seen()
    c.clock.advance(59 * 60_000)
    await me(token)
    expect(await seen()).toBe(first)
    c.clock.advance(2 * 60_000)
    await me(token)
    expect(Date.parse(await seen()) - Date.parse(first)).toBe(61 * 60_000)
  })

  it('logout ends this session only', async () => {
    const phone = await c.login('u-wang')
    const tablet = await c.login('u-wang')
    expect((await c.call('POST', '/api/auth/logout', { token: phone })).status).toBe(200)
    expect((await me(phone)).body.code).toBe('SESSION_EXPIRED')
    expect((await me(tablet)).status).toBe(200)
  })

  it("登录设备 lists one's live sessions, this one marked, and 退出该设备 ends another", async () => {
    const phone = await c.login('u-wang')
    c.clock.advance(HOUR)
    const tablet = await c.login('u-wang')
    await c.login('u-li')
    const list = await c.call('GET', '/api/me/sessions', { token: tablet })
    expect(list.status).toBe(200)
    expect(list.body.map((s: { current: boolean }) => s.current)).toEqual([true, false])
    expect(list.body[0]).toMatchObject({ method: 'persona' })
    const other = list.body[1].id
    // Another person cannot end it.
    const li = await c.login('u-li')
    expect((await c.call('DELETE', `/api/me/sessions/${other}`, { token: li })).status).toBe(404)
    expect((await c.call('DELETE', `/api/me/sessions/${other}`, { token: tablet })).status).toBe(200)
    expect((await me(phone)).body.code).toBe('SESSION_EXPIRED')
    expect((await me(tablet)).status).toBe(200)
    expect((await c.call('GET', '/api/me/sessions', { token: tablet })).body).toHaveLength(1)
  })

  it('deleting the account ends every session of it', async () => {
    const phone = await c.login('u-chen')
    const tablet = await c.login('u-chen')
    expect((await c.call('DELETE', '/api/me', { token: phone, key: 'del-1' })).status).toBe(200)
    expect((await me(tablet)).body.code).toBe('SESSION_EXPIRED')
    expect(await c.backend.inspect('login_sessions', { userId: 'u-chen' })).toHaveLength(0)
  })

  it('the test client logs in again on SESSION_EXPIRED when asked (default), re-sending the request', async () => {
    c.autoRelogin = true
    const token = await c.login('u-wang')
    c.clock.advance(40 * DAY)
    expect((await me(token)).status).toBe(200)
    expect((await me(token)).status).toBe(200)
  })
})
