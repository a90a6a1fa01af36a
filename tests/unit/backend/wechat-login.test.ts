/** @jest-environment node */
/**
 * WeChat login (issue 24 item 1): `POST /api/auth/wechat-login {code}` exchanges the code at WeChat's
 * `jscode2session` (a fake on 127.0.0.1) outside the transaction, makes the account at the first login
 * and opens a session; used, invalid codes and WeChat being down are told apart.
 */
import { wechatAuth } from '@/server/wechat'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat, type FakeWechat } from './fakes/wechat'
import { TRANSPORTS, type Client } from './client'

describe.each(TRANSPORTS)('WeChat login (%s)', (_name, make) => {
  let c: Client
  let wx: FakeWechat
  beforeAll(async () => {
    wx = await startFakeWechat()
  })
  afterAll(() => wx.close())
  beforeEach(async () => {
    wx.mode = 'up'
    c = await make({ services: { wechat: wechatAuth({ apiBase: wx.url, appid: FAKE_APPID, secret: FAKE_SECRET }) } })
  })
  afterEach(() => c.close())

  const login = (code: string) => c.call('POST', '/api/auth/wechat-login', { body: { code } })

  it('a valid code: the account is made at the first login, the same one at the next; a session opens', async () => {
    const first = await login(wx.issue('o-new-1'))
    expect(first.status).toBe(200)
    expect(first.body.token).toMatch(/^[0-9a-f]{64}$/)
    const users = await c.backend.inspect<{ id: string; role: string }>('users', { wechatOpenid: 'o-new-1' })
    expect(users).toHaveLength(1)
    expect(users[0].role).toBe('resident')
    expect(first.body.me.id).toBe(users[0].id)
    const again = await login(wx.issue('o-new-1'))
    expect(again.body.me.id).toBe(users[0].id)
    expect((await c.call('GET', '/api/me', { token: again.body.token })).body.id).toBe(users[0].id)
    const sessions = await c.call('GET', '/api/me/sessions', { token: again.body.token })
    expect(sessions.body.map((s: { method: string }) => s.method)).toEqual(['wechat', 'wechat'])
    // Not listed among the demo's personas.
    const personas = (await c.call('GET', '/api/auth/personas')).body as { userId: string }[]
    expect(personas.some((p) => p.userId === users[0].id)).toBe(false)
  })

  it('a used code: 401 WECHAT_CODE_USED; an invalid one: 401 WECHAT_CODE_INVALID; nothing made', async () => {
    const code = wx.issue('o-2')
    expect((await login(code)).status).toBe(200)
    const used = await login(code)
    expect(used.status).toBe(401)
    expect(used.body.code).toBe('WECHAT_CODE_USED')
    const invalid = await login('made-up')
    expect(invalid.status).toBe(401)
    expect(invalid.body.code).toBe('WECHAT_CODE_INVALID')
    expect(await c.backend.inspect('users', { wechatOpenid: 'o-2' })).toHaveLength(1)
  })

  it('WeChat down (503), busy (errcode -1) or unreachable: 503 WECHAT_UNAVAILABLE in Chinese', async () => {
    for (const mode of ['down', 'busy'] as const) {
      wx.mode = mode
      const r = await login(wx.issue('o-3'))
      expect(r.status).toBe(503)
      expect(r.body).toMatchObject({ code: 'WECHAT_UNAVAILABLE', message: '微信登录暂时无法使用，请稍后再试' })
    }
    const nowhere = await make({
      services: { wechat: wechatAuth({ apiBase: 'http://127.0.0.1:9', appid: FAKE_APPID, secret: FAKE_SECRET }) },
    })
    try {
      const r = await nowhere.call('POST', '/api/auth/wechat-login', { body: { code: 'x' } })
      expect(r.body.code).toBe('WECHAT_UNAVAILABLE')
    } finally {
      await nowhere.close()
    }
    expect(await c.backend.inspect('users', { wechatOpenid: 'o-3' })).toHaveLength(0)
  })

  it('a deleted account: the next WeChat login makes a new one', async () => {
    const first = await login(wx.issue('o-4'))
    const token = first.body.token
    expect((await c.call('DELETE', '/api/me', { token, key: 'del' })).status).toBe(200)
    const again = await login(wx.issue('o-4'))
    expect(again.status).toBe(200)
    expect(again.body.me.id).not.toBe(first.body.me.id)
  })

  it('without WeChat configured (the embedded demo): 503 WECHAT_UNAVAILABLE, no outbound call', async () => {
    const bare = await make()
    try {
      const calls = wx.calls
      expect((await bare.call('POST', '/api/auth/wechat-login', { body: { code: 'x' } })).body.code).toBe(
        'WECHAT_UNAVAILABLE',
      )
      expect(wx.calls).toBe(calls)
    } finally {
      await bare.close()
    }
  })
})
