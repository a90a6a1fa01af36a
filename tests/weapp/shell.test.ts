import { MiniProgram, MAX_PAGE_STACK } from './harness'

describe('WeChat build: app shell', () => {
  it('opens home with the community name and four service entries', async () => {
    const mp = await MiniProgram.launch()
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.page.text()).toContain('总浦桥社区')
    for (const name of ['爱心卡', '青少年宫', '加装电梯', '一件事']) expect(mp.page.has(name)).toBe(true)
    expect(mp.errors).toEqual([])
  })

  it('taps a service entry and lands on its subpackage page, then back', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('entry-elevator')
    expect(mp.page.route).toBe('packages/elevator/pages/index/index')
    expect(mp.page.text()).toContain('加装电梯')
    await mp.navigateBack()
    expect(mp.page.route).toBe('pages/index/index')
  })

  it('switches to the me tab and back keeps home alive', async () => {
    const mp = await MiniProgram.launch()
    const home = mp.page
    await mp.switchTab('/pages/me/index')
    expect(mp.page.text()).toContain('我的')
    await mp.switchTab('/pages/index/index')
    expect(mp.page).toBe(home)
  })

  it('records the byte size of every setData and marks the first per page', async () => {
    const mp = await MiniProgram.launch()
    const home = mp.setDataLog.filter((r) => r.route === 'pages/index/index')
    expect(home.length).toBeGreaterThan(0)
    expect(home[0].first).toBe(true)
    expect(home[0].bytes).toBeGreaterThan(100)
  })

  it('enforces WeChat\'s 10-page stack limit', async () => {
    const mp = await MiniProgram.launch()
    for (let i = 1; i < MAX_PAGE_STACK; i++) await mp.navigateTo('/packages/one-thing/pages/index/index')
    expect(mp.stack).toHaveLength(MAX_PAGE_STACK)
    await expect(mp.navigateTo('/packages/one-thing/pages/index/index')).rejects.toThrow('webview count limit exceed')
  })
})
