/**
 * Logging in, in the WeChat harness: a logged-out visitor opening a service page logs in and comes
 * back to it, never told 登录已过期; a session that really expired says so and offers 去登录; when logging in
 * fails, 重试 logs in as the same person again.
 */
import { MiniProgram, loginAs } from './harness'

jest.setTimeout(60_000)

describe('WeChat build: logging in and an ended session', () => {
  it('a logged-out visitor opening a service page logs in and comes back to it, never told 登录已过期', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('accept-privacy')
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle(1000)
    expect(mp.page.route).toBe('pages/login/index')
    expect(mp.page.text()).not.toContain('登录已过期')
    await mp.page.tap('persona-u-wang')
    await mp.settle(1000)
    expect(mp.page.route).toBe('packages/care-card/pages/index/index')
    expect(mp.page.text()).toContain('爱心卡')
    expect(mp.page.text()).not.toContain('登录')
    // Home is underneath: back leads home.
    await mp.navigateBack()
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.errors).toEqual([])
  })

  it('a session that really expired says 登录已过期 and offers 去登录 (not 重试)', async () => {
    const mp = await loginAs('u-wang')
    const sessions = await mp.backend().inspect<{ id: string }>('login_sessions')
    await mp.backend().run(async (tx) => {
      for (const s of sessions) await tx.core.sessions.remove(s.id)
    })
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('登录已过期，请重新登录')
    expect(mp.page.has(/^去登录$/)).toBe(true)
    expect(mp.page.has(/^重试$/)).toBe(false)
    await mp.page.tap(/^去登录$/)
    await mp.settle(1000)
    expect(mp.page.route).toBe('pages/login/index')
    await mp.page.tap('persona-u-wang')
    await mp.settle(1000)
    expect(mp.page.route).toBe('packages/care-card/pages/index/index')
  })

  it('login: when logging in fails, 重试 logs in as the same person again (not just reloading the list)', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('accept-privacy')
    await mp.settle(500)
    await mp.backend().configureFaults({ enabled: true, seed: 1, rate: 1, latencyMs: 0, kinds: ['server-error'] })
    await mp.page.tap('persona-u-wang')
    await mp.settle(30_000)
    expect(mp.page.route).toBe('pages/login/index')
    expect(mp.page.text()).toContain('没有登录成功')
    await mp.backend().configureFaults({ enabled: false })
    await mp.page.tap(/^重试$/)
    await mp.settle(2000)
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.page.text()).toContain('王秀英')
    expect(mp.errors).toEqual([])
  })
})
