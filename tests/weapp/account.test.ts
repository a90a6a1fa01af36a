/**
 * The account pages, in the WeChat harness: 实名认证 opened directly goes home after success; a refusal on
 * the rooms form clears once another role is chosen; deleting an account says what became of bookings,
 * then shows the login page.
 */
import { MiniProgram, loginAs } from './harness'

jest.setTimeout(60_000)

const modals = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title?: string; content?: string })

describe('WeChat build: real name, rooms and deleting the account', () => {
  it('实名认证 opened directly (nothing underneath) goes home after success, not to an empty form', async () => {
    const mp = await loginAs('u-chen')
    const { seededIdNumber } = await import('./harness')
    await mp.reLaunch('/packages/account/pages/real-name/index')
    expect(mp.stack).toHaveLength(1)
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', seededIdNumber('陈晓东'))
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    expect(mp.page.route).toBe('pages/index/index')
  })

  it('binding a room: the refusal for the owner role clears once another role is chosen', async () => {
    const mp = await loginAs('u-li')
    await mp.navigateTo('/packages/account/pages/rooms/index')
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
})
