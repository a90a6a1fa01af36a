import { MiniProgram, MAX_PAGE_STACK, loginAs, seededIdNumber } from './harness'

const idOf = seededIdNumber

describe('WeChat build: app shell', () => {
  it('sends a new visitor to the privacy notice, then the persona list, then home', async () => {
    const mp = await MiniProgram.launch()
    expect(mp.page.route).toBe('pages/login/index')
    expect(mp.page.text()).toContain('隐私说明')
    expect(mp.page.has('persona-u-wang')).toBe(false)
    await mp.page.tap('accept-privacy')
    expect(mp.page.text()).toContain('总浦桥社区')
    expect(mp.page.text()).toContain('西山社区')
    await mp.page.tap('persona-u-wang')
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.page.text()).toContain('您好，王秀英')
    for (const name of ['爱心卡', '青少年宫', '加装电梯', '一件事']) expect(mp.page.has(name)).toBe(true)
    expect(mp.page.has('elder-offer')).toBe(true)
    expect(mp.errors).toEqual([])
  })

  it('calls the grid worker and the 96345 hotline with one tap', async () => {
    const mp = await loginAs('u-wang')
    await mp.page.tap('call-hotline')
    await mp.page.tap('call-grid-worker')
    expect(
      mp.calls.filter((c) => c.api === 'makePhoneCall').map((c) => (c.args as { phoneNumber: string }).phoneNumber),
    ).toEqual(['96345', '13805740107'])
  })

  it('renders every main-package, account and settings page after login', async () => {
    const mp = await loginAs('u-zhao')
    for (const tab of ['/pages/messages/index', '/pages/me/index', '/pages/index/index']) {
      await mp.switchTab(tab)
      expect(mp.page.text().length).toBeGreaterThan(10)
    }
    const pages = [
      ...['real-name', 'rooms', 'family', 'privacy', 'worker'].map((p) => `packages/account/pages/${p}/index`),
      'packages/settings/pages/export/index',
      'packages/settings/pages/dev/index',
    ]
    for (const page of pages) {
      await mp.navigateTo(`/${page}`)
      expect(mp.page.route).toBe(page)
      expect(mp.page.text()).not.toContain('undefined')
      await mp.navigateBack()
    }
    expect(mp.errors).toEqual([])
  })

  it('real-name binding: a wrong check character is explained next to the field, then it succeeds', async () => {
    const mp = await loginAs('u-chen')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('go-real-name')
    const id = idOf('陈晓东')
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))
    await mp.page.tap('real-name-submit')
    expect(mp.page.text()).toContain('校验码')
    await mp.page.input('real-name-id', id)
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    expect(mp.page.route).toBe('pages/me/index')
    expect(mp.page.text()).toContain('已实名')
    expect(mp.page.text()).not.toContain(id)
  })

  it('a proxy asks, the elder confirms, and the proxy switches to "acting for"', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-li', { storage: storage })
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('go-family')
    await mp.page.input('family-name', '王秀英')
    await mp.page.input('family-id', idOf('王秀英'))
    await mp.page.tap('family-submit')
    expect(mp.page.text()).toContain('待确认')
    // The notice the elder's answer produces is subscribed to inside the tap, before the request.
    const apis = mp.calls.map((c) => c.api)
    expect(apis.indexOf('requestSubscribeMessage')).toBeGreaterThan(-1)
    expect(apis.indexOf('requestSubscribeMessage')).toBeLessThan(apis.lastIndexOf('showModal'))
    // The elder opens the app on her own phone (same mocked backend storage, new session).
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('退出登录')
    mp = await loginAs('u-wang', { storage: storage })
    expect(mp.page.text()).toContain('李红申请为您代办')
    await mp.page.tap('李红申请为您代办')
    await mp.page.tap(/^同意$/)
    expect(mp.page.text()).toContain('已生效')
    await mp.navigateBack()
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('退出登录')
    mp = await loginAs('u-li', { storage: storage })
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('act-for-u-wang')
    expect(mp.page.text()).toContain('正在为 王秀英 代办')
  })

  it('restores a half-filled form after the app is killed, per user', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-li', { storage: storage })
    await mp.navigateTo('/packages/account/pages/family/index')
    await mp.page.input('family-name', '王秀英')
    mp = await MiniProgram.launch({ storage })
    expect(mp.page.route).toBe('pages/index/index')
    await mp.navigateTo('/packages/account/pages/family/index')
    expect(mp.page.byId('family-name')?.attrs.value).toBe('王秀英')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('退出登录')
    mp = await loginAs('u-wang', { storage: storage })
    await mp.navigateTo('/packages/account/pages/family/index')
    expect(mp.page.byId('family-name')?.attrs.value ?? '').toBe('')
  })

  it('taps a service entry and lands on its subpackage page, then back', async () => {
    const mp = await loginAs('u-wang')
    await mp.page.tap('entry-elevator')
    expect(mp.page.route).toBe('packages/elevator/pages/index/index')
    await mp.navigateBack()
    expect(mp.page.route).toBe('pages/index/index')
  })

  it('records the byte size of every setData and marks the first per page', async () => {
    const mp = await loginAs('u-wang')
    const home = mp.setDataLog.filter((r) => r.route === 'pages/index/index')
    expect(home[0].first).toBe(true)
    expect(home[0].bytes).toBeGreaterThan(100)
  })

  it("enforces WeChat's 10-page stack limit", async () => {
    const mp = await loginAs('u-wang')
    while (mp.stack.length < MAX_PAGE_STACK) await mp.navigateTo('/packages/account/pages/privacy/index')
    await expect(mp.navigateTo('/packages/account/pages/privacy/index')).rejects.toThrow('webview count limit exceed')
  })
})
