/**
 * The one-thing guides work without login, in the WeChat harness: declining the privacy notice still
 * leads to them, and the notice has a plain link to them.
 */
import { MiniProgram } from './harness'

jest.setTimeout(60_000)

const modals = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title?: string; content?: string })

describe('WeChat build: the one-thing guides without login', () => {
  it('不同意 the privacy notice still leads to the one-thing guides, which work without login', async () => {
    const mp = await MiniProgram.launch()
    expect(mp.page.route).toBe('pages/login/index')
    mp.modalAnswers = [true]
    await mp.page.tap('decline-privacy')
    await mp.settle(1000)
    expect(modals(mp).pop()?.content).toContain('一件事')
    expect(mp.page.route).toBe('packages/one-thing/pages/index/index')
    expect(mp.page.text()).toContain('您还没有登录，也可以看办事指南')
    expect(mp.page.text()).not.toContain('登录已过期')
    await mp.page.tap('event-retirement')
    await mp.settle(1000)
    expect(mp.page.route).toBe('packages/one-thing/pages/questions/index')
    expect(mp.page.text()).not.toContain('请先登录')
    await mp.page.tap('q-category-male')
    expect(mp.page.text()).toContain('出生日期')
    expect(mp.errors).toEqual([])
  })

  it('the privacy notice also has a plain link to the guides', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('guides-without-login')
    await mp.settle(1000)
    expect(mp.page.route).toBe('packages/one-thing/pages/index/index')
  })
})
