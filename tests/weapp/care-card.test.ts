import { MiniProgram, loginAs, logout, seededIdNumber } from './harness'
import { beijing, firstOfNextMonth } from '../shared/beijing'

/** A full-width bracket opened inside another: （…（…）…）. */
const NESTED_BRACKETS = /（[^（）]*（/

const idOf = seededIdNumber
const CC = '/packages/care-card/pages'

jest.setTimeout(60_000)

/** Mock time for the next launches (the embedded backend is re-created on every launch). */
let mockNow: number | null = null

const SETDATA_LIMIT = 16 * 1024
function expectSmallSetData(mp: MiniProgram) {
  const big = mp.setDataLog.filter((r) => r.route.startsWith('packages/care-card') && r.bytes > SETDATA_LIMIT)
  expect(big).toEqual([])
}

describe('WeChat build: care card', () => {
  it('the daughter applies for her mother; the worker approves both stages; the mother books a meal; delivered; balance and ledger right', async () => {
    const storage = new Map<string, string>()
    // 1. The daughter asks to act for her mother; the mother confirms (as in the shell test).
    let mp = await loginAs('u-li', { storage: storage, mockNow })
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('go-family')
    await mp.page.input('family-name', '王秀英')
    await mp.page.input('family-id', idOf('王秀英'))
    await mp.page.tap('family-submit')
    expect(mp.page.text()).toContain('待确认')
    await logout(mp)
    mp = await loginAs('u-wang', { storage: storage, mockNow })
    await mp.page.tap('李红申请为您代办')
    await mp.page.tap(/^同意$/)
    expect(mp.page.text()).toContain('已生效')
    await logout(mp)

    // 2. The daughter acts for her mother: hub says no card; eligibility; apply with a photo.
    mp = await loginAs('u-li', { storage: storage, mockNow })
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('act-for-u-wang')
    expect(mp.page.text()).toContain('正在为 王秀英 代办')
    await mp.navigateTo(`${CC}/index/index`)
    expect(mp.page.text()).toContain('王秀英的爱心卡')
    expect(mp.page.text()).toContain('还没有爱心卡')
    await mp.page.tap('go-eligibility')
    expect(mp.page.route).toBe('packages/care-card/pages/eligibility/index')
    await mp.page.tap('eligibility-check')
    await mp.settle()
    expect(mp.page.text()).toContain('符合条件')
    expect(mp.page.text()).toContain('每月 ¥100.00')
    expect(mp.page.text()).toContain('年满 80 周岁')
    // Brackets are never nested ("今年 82 岁（2026年3月2日（周一））" read badly).
    expect(mp.page.text()).not.toMatch(NESTED_BRACKETS)
    await mp.page.tap('eligibility-apply')
    expect(mp.page.route).toBe('packages/care-card/pages/apply/index')
    expect(mp.page.text()).toContain('申请人：王秀英（您代办）')
    // Photos are uploaded when taken and the draft keeps them for a day: the page says so next to them.
    expect(mp.page.byId('proof-kept')).toBeTruthy()
    expect(mp.page.text()).toContain('拍好的照片会随草稿保留一天')
    // Submitting without the household photo: said next to the row, and gone once it is taken.
    await mp.page.tap('apply-submit')
    expect(mp.page.text()).toContain('请拍摄户口簿或居住证')
    await mp.page.tap('proof-household')
    await mp.settle()
    expect(mp.page.text()).toContain('已拍摄')
    expect(mp.page.text()).not.toContain('请拍摄户口簿或居住证')
    await mp.page.tap('apply-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('已提交，社区将在 5 个工作日内初审')
    await mp.page.tap('apply-view')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/application/index')
    expect(mp.page.text()).toContain('社区初审中')
    expect(mp.page.text()).toContain('由 李红 代办')
    expect(mp.page.text()).toContain('李红（家属代办）')
    expect(mp.page.has('application-withdraw')).toBe(true)
    expectSmallSetData(mp)
    await logout(mp)

    // 3. The worker approves both stages.
    mp = await loginAs('u-zhao', { storage: storage, mockNow })
    await mp.navigateTo(`${CC}/worker/index`)
    expect(mp.page.text()).toContain('王秀英')
    await mp.page.tap(/王秀英（\d+ 岁）/)
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/worker-review/index')
    expect(mp.page.text()).toContain('户口簿')
    await mp.page.tap('proof-view-household')
    await mp.settle()
    await mp.page.tap('review-approve')
    await mp.settle()
    expect(mp.page.text()).toContain('已转街道审核')
    await mp.page.tap('review-next-stage')
    await mp.page.tap('review-approve')
    await mp.settle()
    expect(mp.page.text()).toContain('审核通过')
    expectSmallSetData(mp)
    const activeFrom = firstOfNextMonth(mp.backend().clock.now())
    expect(mp.page.text()).toContain(`${Number(activeFrom.slice(0, 4))}年${Number(activeFrom.slice(5, 7))}月1日（`)
    // Mock time: the 1st of next month, 08:00 Beijing.
    mockNow = beijing(activeFrom, '08:00')
    await logout(mp)

    // 4. The mother, on her own phone, sees her card and books 助餐.
    mp = await loginAs('u-wang', { storage: storage, mockNow })
    expect(Math.abs(mp.backend().clock.now() - beijing(activeFrom, '08:00'))).toBeLessThan(600_000)
    await mp.navigateTo(`${CC}/index/index`)
    await mp.settle()
    expect(mp.page.text()).toContain('我的爱心卡')
    expect(mp.page.byId('balance') && mp.page.text()).toContain('¥100.00')
    expect(mp.page.text()).toMatch(new RegExp(`${activeFrom.slice(0, 4)}年12月31日（周.） 后清零`))
    await mp.page.tap('go-services')
    await mp.settle()
    for (const k of ['助餐', '助浴', '助洁', '助行', '助医', '助急']) expect(mp.page.text()).toContain(k)
    await mp.page.tap('service-cs-zpq-lunch')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/book/index')
    await mp.page.tap(`book-day-${activeFrom}`)
    expect(mp.page.text()).not.toMatch(NESTED_BRACKETS)
    await mp.page.tap(/^11:00–12:00（还剩/)
    await mp.page.tap('book-submit')
    await mp.settle()
    const modal = mp.calls.filter((c) => c.api === 'showModal').pop()!.args as { content: string }
    expect(modal.content).toContain('冻结 ¥12.00')
    expect(mp.page.text()).toContain('预约成功')
    await mp.page.tap('book-orders')
    await mp.settle()
    expect(mp.page.text()).toContain('已预约')
    expectSmallSetData(mp)

    // 5. After the meal time, the worker marks it delivered.
    mockNow = beijing(activeFrom, '12:30')
    await logout(mp)
    mp = await loginAs('u-zhao', { storage: storage, mockNow })
    await mp.navigateTo(`${CC}/worker-orders/index`)
    await mp.settle()
    expect(mp.page.text()).toContain('王秀英')
    await mp.page.tap('标记已完成')
    await mp.settle()
    expect(mp.page.text()).toContain('已标记完成，扣款 ¥12.00')
    expectSmallSetData(mp)
    await logout(mp)

    // 6. The mother confirms and rates; the card shows ¥88.00 and the ledger.
    mp = await loginAs('u-wang', { storage: storage, mockNow })
    await mp.navigateTo(`${CC}/orders/index`)
    await mp.settle()
    await mp.page.tap(/请确认并评价/)
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/order/index')
    await mp.page.tap('stars-5')
    await mp.page.tap('rate-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('谢谢您的评价')
    await mp.navigateTo(`${CC}/card/index`)
    await mp.settle()
    const text = mp.page.text()
    expect(text).toContain('¥88.00')
    expect(text).toContain('服务扣款')
    expect(text).toContain('−¥12.00')
    expect(text).toContain('发放')
    expect(text).toContain('+¥100.00')
    expect(mp.page.byId('pay-code')).toBeDefined()
    expectSmallSetData(mp)
    expect(mp.errors).toEqual([])
  })

  it('worker pages show an Empty state to residents', async () => {
    const mp = await loginAs('u-wang')
    for (const p of ['worker', 'worker-review', 'worker-orders']) {
      await mp.navigateTo(`${CC}/${p}/index`)
      await mp.settle()
      expect(mp.page.text()).toContain('仅供社区工作人员使用')
      await mp.navigateBack()
    }
  })
})
