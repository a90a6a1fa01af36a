/**
 * Issue 16 ("Fix what a new user met"), in the WeChat harness: each case is what a person met, played
 * through the compiled app.
 */
import { loginAs, logout } from './harness'

jest.setTimeout(60_000)

describe('WeChat build: what a new user met (issue 16)', () => {
  it('after 刘伟 logs out, 张建国 is not offered 刘一诺 on a course page (item 3)', async () => {
    const mp = await loginAs('u-liu')
    await mp.page.tap('entry-youth-palace')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('刘一诺')
    await logout(mp)
    expect(mp.page.route).toBe('pages/login/index')
    await mp.page.tap('persona-u-zhang')
    await mp.settle(1000)
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-calligraphy')
    await mp.settle(1000)
    expect(mp.page.text()).not.toContain('刘一诺')
    expect(mp.page.text()).toContain('张子涵（9 岁）')
    expect(mp.errors).toEqual([])
  })
})
