import { MiniProgram, loginAs, logout, seededIdNumber } from './harness'
import { beijing, firstOfNextMonth } from '../shared/beijing'

const CC = '/packages/care-card/pages'

jest.setTimeout(90_000)

/** Mock time for the next launches (the embedded backend is re-created on every launch). */
let mockNow: number | null = null

const SETDATA_LIMIT = 16 * 1024
function expectSmallSetData(mp: MiniProgram) {
  const big = mp.setDataLog.filter((r) => r.route.startsWith('packages/care-card') && r.bytes > SETDATA_LIMIT)
  expect(big).toEqual([])
}

describe('WeChat build: a grid worker acts for an elder (issue 27)', () => {
  it('records the signed authorisation, applies and books for her; she sees 由网格员 赵敏 代办, is told, and revokes', async () => {
    const storage = new Map<string, string>()
    // 1. The grid worker opens 为老人代办 from the worker hub, finds 王秀英 and records her authorisation.
    let mp = await loginAs('u-zhao', { storage, mockNow })
    await mp.navigateTo('/packages/account/pages/worker/index')
    await mp.page.tap('为老人代办与电话预约')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/worker-proxy/index')
    await mp.page.input('proxy-name', '王秀英')
    await mp.page.input('proxy-id', seededIdNumber('王秀英'))
    await mp.page.tap('proxy-find')
    await mp.settle()
    expect(mp.page.text()).toMatch(/王秀英（\d+ 岁）/)
    await mp.page.tap('proxy-grant')
    expect(mp.page.text()).toContain('请拍摄老人签字的授权书')
    await mp.page.tap('proxy-photo')
    await mp.settle()
    expect(mp.page.text()).toContain('授权书已拍摄')
    await mp.page.tap('proxy-grant')
    await mp.settle()
    expect(mp.page.text()).toContain('赵敏代办 · 爱心卡服务')
    expect(mp.page.text()).toContain('有效')

    // 2. She acts for the elder: the care card pages work unchanged, marked as a grid worker's 代办.
    await mp.page.tap('proxy-act')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/index/index')
    expect(mp.page.text()).toContain('王秀英的爱心卡')
    await mp.page.tap('go-eligibility')
    await mp.page.tap('eligibility-check')
    await mp.settle()
    expect(mp.page.text()).toContain('符合条件')
    await mp.page.tap('eligibility-apply')
    await mp.page.tap('proof-household')
    await mp.settle()
    await mp.page.tap('apply-submit')
    await mp.settle()
    await mp.page.tap('apply-view')
    await mp.settle()
    expect(mp.page.text()).toContain('由网格员 赵敏 代办')
    expect(mp.page.text()).toContain('赵敏（网格员代办）')
    expectSmallSetData(mp)
    await logout(mp)

    // 3. The station head approves both stages; next month the worker books a meal for her.
    mp = await loginAs('u-xu', { storage, mockNow })
    await mp.navigateTo(`${CC}/worker/index`)
    await mp.page.tap(/王秀英（\d+ 岁）/)
    await mp.settle()
    await mp.page.tap('review-approve')
    await mp.settle()
    await mp.page.tap('review-next-stage')
    await mp.page.tap('review-approve')
    await mp.settle()
    expect(mp.page.text()).toContain('审核通过')
    const activeFrom = firstOfNextMonth(mp.backend().clock.now())
    mockNow = beijing(activeFrom, '08:00')
    await logout(mp)

    mp = await loginAs('u-zhao', { storage, mockNow })
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('act-for-u-wang')
    await mp.navigateTo(`${CC}/book/index?id=cs-zpq-lunch`)
    await mp.settle()
    await mp.page.tap(`book-day-${activeFrom}`)
    await mp.page.tap(/^11:00–12:00（还剩/)
    await mp.page.tap('book-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('预约成功')
    // The worker's own log lists each act.
    await mp.navigateTo(`${CC}/worker-proxy/index`)
    await mp.settle()
    expect(mp.page.text()).toContain('为 王秀英：预约服务')
    expect(mp.page.text()).toContain('为 王秀英：提交爱心卡申请')
    await logout(mp)

    // 4. The elder sees who booked, was told of every act, and revokes the authorisation.
    mp = await loginAs('u-wang', { storage, mockNow })
    await mp.navigateTo(`${CC}/orders/index`)
    await mp.settle()
    expect(mp.page.text()).toContain('由网格员 赵敏 代办')
    await mp.switchTab('/pages/messages/index')
    await mp.settle()
    expect(mp.page.text()).toContain('网格员为您代办')
    expect(mp.page.text()).toContain('网格员代办授权已登记')
    await mp.navigateTo('/packages/account/pages/family/index')
    await mp.settle()
    expect(mp.page.text()).toContain('网格员 赵敏 为我代办')
    await mp.page.tap(/^撤销$/)
    await mp.settle()
    expect(mp.page.text()).toContain('已撤销')
    await logout(mp)

    // 5. The worker can no longer act for her: refused in words.
    mp = await loginAs('u-zhao', { storage, mockNow })
    await mp.navigateTo(`${CC}/worker-proxy/index`)
    await mp.settle()
    await mp.page.input('proxy-name', '王秀英')
    await mp.page.input('proxy-id', seededIdNumber('王秀英'))
    await mp.page.tap('proxy-find')
    await mp.settle()
    expect(mp.page.text()).toContain('已撤销')
    expect(mp.page.has('proxy-act')).toBe(false)
  })
})
