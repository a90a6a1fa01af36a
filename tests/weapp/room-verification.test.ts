/**
 * Issue 27 items 5 and 6 in the WeChat harness: a family member binds a room; the worker hub counts it
 * (无 before), one tap opens the verification queue, 不通过 with a reason; the resident's 我的房屋 shows
 * 未通过 with the reason and the message that links there.
 */
import { MiniProgram, loginAs } from './harness'
import { callAs } from './harness/faults'

jest.setTimeout(120_000)

const ROOM = 'r-zpq-3-1-202'
const SID = `u-li-${ROOM}`

describe('WeChat build: room verification (issue 27)', () => {
  it('hub count → queue → 不通过 with a reason → the resident sees 未通过 and the reason', async () => {
    const storage = new Map<string, string>()
    let mp: MiniProgram = await loginAs('u-zhao', { storage })
    await mp.navigateTo('/packages/account/pages/worker/index')
    await mp.settle(300)
    expect(mp.page.byId('count-room-bindings')).toBeTruthy()
    expect(mp.page.text()).toContain('待核实的房屋（租户、家属）')
    await callAs(mp, 'u-li', 'POST', '/api/me/rooms', { roomId: ROOM, role: 'family' })
    // Shown again: the count is refreshed.
    await mp.navigateTo('/packages/account/pages/worker/index')
    await mp.settle(300)
    await mp.page.tap('count-room-bindings')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/account/pages/worker-rooms/index')
    expect(mp.page.text()).toContain('房产登记：业主 王*英')
    await mp.page.input(`reason-${SID}`, '未提供亲属证明')
    await mp.page.tap(`reject-${SID}`)
    await mp.settle(1000)
    expect(mp.page.text()).toContain('没有待核实的房屋。')

    mp = await loginAs('u-li', { storage })
    await mp.navigateTo('/packages/account/pages/rooms/index')
    await mp.settle(300)
    const mine = mp.page.byId(`my-room-${ROOM}`)
    expect(mine).toBeTruthy()
    expect(mp.page.text()).toContain('未通过')
    expect(mp.page.text()).toContain('未提供亲属证明')
    expect(mp.page.byId(`again-${ROOM}`)).toBeTruthy()
    expect(mp.errors).toEqual([])
  })
})
