/**
 * What a first-time user meets, in the WeChat harness: logged-out visitors, guides without login,
 * pages opened directly, weak network (faults) and the dev panel, stale errors on the rooms form.
 */
import { MiniProgram, loginAs, seededIdNumber, walk } from './harness'
import { ballotLog, fillZpqPetitionStart } from './harness/elevator'
import { callAs } from './harness/faults'

jest.setTimeout(60_000)

const toasts = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showToast').map((c) => String((c.args as { title?: string }).title ?? ''))
const modals = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title?: string; content?: string })

describe('WeChat build: fixes from the fresh-user trial', () => {
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
    const sessions = await mp.backend().inspect<{ token: string }>('sessions')
    await mp.backend().run(async (tx) => {
      for (const s of sessions) await tx.core.sessions.remove(s.token)
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

  it('实名认证 opened directly (nothing underneath) goes home after success, not to an empty form', async () => {
    const mp = await loginAs('u-chen')
    const { seededIdNumber } = await import('./harness')
    await mp.reLaunch('/pages/real-name/index')
    expect(mp.stack).toHaveLength(1)
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', seededIdNumber('陈晓东'))
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    expect(mp.page.route).toBe('pages/index/index')
  })

  it('weak network: each retry says 正在重试, home says its to-dos did not load, and the dev panel still turns faults off', async () => {
    const mp = await loginAs('u-wang')
    await mp.backend().configureFaults({ enabled: true, rate: 1, latencyMs: 0, kinds: ['server-error'] })
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle(3000)
    expect(toasts(mp)).toEqual(
      expect.arrayContaining(['网络不稳，正在重试（第 1 次）…', '网络不稳，正在重试（第 2 次）…']),
    )
    // A 503 after the retries: the page offers 重试 (it may help).
    expect(mp.page.has(/^重试$/)).toBe(true)
    await mp.navigateBack()
    await mp.settle(3000)
    expect(mp.page.text()).toContain('暂时加载不了，点此重试')
    expect(mp.page.text()).not.toContain('暂时没有需要您处理的事情')
    // The dev panel's own requests are not faulted: it loads and turns faults off.
    await mp.navigateTo('/packages/settings/pages/dev/index')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('已开启')
    await mp.page.tap('faults-switch')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('已关闭')
    // Back home (it reloads when shown): the to-dos load again.
    await mp.navigateBack()
    await mp.settle(1000)
    expect(mp.page.text()).not.toContain('暂时加载不了')
    expect(mp.page.text()).toContain('条未读消息')
  })

  it('binding a room: the refusal for the owner role clears once another role is chosen', async () => {
    const mp = await loginAs('u-li')
    await mp.navigateTo('/pages/rooms/index')
    await mp.settle(1000)
    await mp.page.tap('bind-room-submit')
    expect(mp.page.text()).toContain('请先选择房屋')
    await mp.page.tap('room-r-zpq-3-1-202')
    expect(mp.page.text()).not.toContain('请先选择房屋')
    await mp.page.tap('bind-room-submit')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('业主不是您')
    expect(mp.page.has(/^重试$/)).toBe(false)
    await mp.page.tap('role-family')
    expect(mp.page.text()).not.toContain('业主不是您')
    await mp.page.tap('bind-room-submit')
    await mp.settle(1000)
    expect(modals(mp).pop()?.title).toBe('绑定成功')
  })

  it("elevator start: the deadlines offered count from the backend's today (mock time), not the phone's", async () => {
    const mp = await loginAs('u-liu')
    // Mock time 40 days on: the phone's clock would offer deadlines already in the backend's past.
    const now = mp.backend().clock.now() + 40 * 24 * 3600_000
    mp.backend().clock.set(now)
    await mp.navigateTo('/packages/elevator/pages/start/index?unitId=u-zpq-3-1')
    await mp.settle(500)
    const in30 = new Date(now + 8 * 3600_000 + 30 * 24 * 3600_000)
    expect(mp.page.text()).toContain(`${in30.getUTCFullYear()}年${in30.getUTCMonth() + 1}月${in30.getUTCDate()}日`)
    await fillZpqPetitionStart(mp, '单元南侧楼梯间外，平层入户')
    await mp.page.tap('start-submit')
    await mp.settle(500)
    expect(mp.page.text()).toContain('申请已发起')
    expect(mp.errors).toEqual([])
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

  it("paper ballot: the worker sees who has voted, and replacing an owner's own vote is asked as such", async () => {
    const mp = await loginAs('u-sun')
    await mp.navigateTo('/packages/elevator/pages/worker-paper-ballot/index?id=ep-xs-5-2')
    await mp.settle(500)
    expect(mp.page.text()).toContain('已线上表决：反对') // 101, seeded
    expect(mp.page.text()).toContain('未表决')
    await mp.page.tap('paper-household-r-xs-5-2-101')
    await mp.page.tap('paper-choice-agree')
    await mp.page.tap('paper-photo')
    await mp.page.tap('paper-submit')
    await mp.settle(500)
    expect(modals(mp).pop()).toMatchObject({
      title: '替换已有表决',
      content: expect.stringMatching(/^101 已于 .* 线上表决“反对”。录入后将替换为纸质表决票“同意”/),
    })
    expect(mp.page.has('paper-done')).toBe(true)
    const log = await ballotLog(mp, 'ep-xs-5-2')
    expect(log.filter((e) => e.householdId === 'r-xs-5-2-101').pop()).toMatchObject({
      channel: 'paper',
      choice: 'agree',
    })
    expect(mp.errors).toEqual([])
  })

  it("a grid worker's home offers her hub, not a button to call herself; a resident's offers the call", async () => {
    let mp = await loginAs('u-sun')
    expect(mp.page.has('call-grid-worker')).toBe(false)
    await mp.page.tap('home-go-worker')
    await mp.settle(500)
    expect(mp.page.route).toBe('pages/worker/index')
    mp = await loginAs('u-xs0')
    expect(mp.page.has('call-grid-worker')).toBe(true)
    expect(mp.page.has('home-go-worker')).toBe(false)
  })

  it('deleting an account says it is gone and what became of bookings, then shows the login page', async () => {
    const mp = await loginAs('u-zheng')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('delete-account')
    await mp.settle(1000)
    expect(modals(mp).pop()).toMatchObject({
      title: '账号已注销',
      content: '您的个人信息已删除。《航模小班》的报名已取消，¥60.00 将原路退回微信支付。',
    })
    expect(mp.page.route).toBe('pages/login/index')
    expect(mp.errors).toEqual([])
  })

  it('acting for 王秀英, the elevator page says whose flat it is (王秀英的房屋, not 我的房屋)', async () => {
    const mp = await loginAs('u-li')
    const link = await callAs(mp, 'u-li', 'POST', '/api/family-links', {
      principalName: '王秀英',
      principalIdNumber: seededIdNumber('王秀英'),
      relationship: '子女',
    })
    await callAs(mp, 'u-wang', 'POST', `/api/family-links/${link.id}/confirm`)
    await mp.switchTab('/pages/me/index')
    await mp.settle(500)
    await mp.page.tap('act-for-u-wang')
    await mp.navigateTo('/packages/elevator/pages/index/index')
    await mp.settle(500)
    expect(mp.page.text()).toContain('王秀英的房屋：202')
    expect(mp.page.text()).not.toContain('我的房屋')
    expect(mp.errors).toEqual([])
  })

  it('a request waiting for the person (李红 asks to act for 王秀英) comes before the services on her home', async () => {
    let mp = await loginAs('u-li')
    await callAs(mp, 'u-li', 'POST', '/api/family-links', {
      principalName: '王秀英',
      principalIdNumber: seededIdNumber('王秀英'),
      relationship: '子女',
    })
    mp = await loginAs('u-wang', { storage: mp.storage })
    await mp.settle(500)
    const ids = walk(mp.page.root).map((n) => n.id ?? '')
    expect(mp.page.text()).toContain('李红申请为您代办')
    expect(ids.indexOf('todo')).toBeGreaterThan(-1)
    expect(ids.indexOf('todo')).toBeLessThan(ids.indexOf('entry-care-card'))
    // With nothing waiting, the services come first.
    const plain = await loginAs('u-xs0')
    const plainIds = walk(plain.page.root).map((n) => n.id ?? '')
    expect(plainIds.indexOf('todo')).toBeGreaterThan(plainIds.indexOf('entry-care-card'))
  })
})
