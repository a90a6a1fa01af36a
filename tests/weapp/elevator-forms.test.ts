/**
 * Elevator pages, in the WeChat harness: the start form's deadlines count from the backend's today
 * (mock time); a worker entering a paper ballot sees who has voted and is asked before replacing an
 * owner's own vote; acting for 王秀英, the page says whose flat it is.
 */
import { MiniProgram, loginAs, seededIdNumber } from './harness'
import { ballotLog, fillZpqPetitionStart } from './harness/elevator'
import { callAs } from './harness/faults'

jest.setTimeout(60_000)

const modals = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title?: string; content?: string })

describe('WeChat build: elevator start, paper ballot and acting for an owner', () => {
  it("elevator start: the deadlines offered count from the backend's today (mock time), not the phone's", async () => {
    const mp = await loginAs('u-liu')
    // Mock time 25 days on (sessions end after 30 idle days): the phone's clock would offer a deadline 14
    // days on, already in the backend's past.
    const now = mp.backend().clock.now() + 25 * 24 * 3600_000
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
})
