/**
 * 爱心卡 in the WeChat build, the worker's side of two disagreements: a community review that sends an
 * application back and the applicant correcting and resubmitting it; a resident's dispute of a delivered
 * lunch that the worker upholds (credit back on the card) or turns down (no money moves; the resident reads why).
 * What the other person did first is set up through the backend directly (`callAs`).
 */
import { loginAs } from './harness'
import { callAs, rowOf } from './harness/faults'

jest.setTimeout(120_000)

const CC = '/packages/care-card/pages'
const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

type AppRow = { status: string; cycle: number; acts: { kind: string }[]; rejection?: { reason: string } }

describe('WeChat build: 爱心卡 review and disputes', () => {
  it('the worker sends an application back with a reason; the applicant sees it, corrects and resubmits; it is reviewed again', async () => {
    let mp = await loginAs('u-wang')
    const { photoId } = await callAs(mp, 'u-wang', 'POST', '/api/photos', { contentType: 'image/png', base64: PHOTO })
    const app = await callAs(mp, 'u-wang', 'POST', '/api/care-card/applications', {
      groups: [],
      proofs: [{ kind: 'household', photoId }],
    })

    // The worker: a reason is required before sending it back.
    mp = await loginAs('u-zhao', { storage: mp.storage })
    await mp.navigateTo(`${CC}/worker-review/index?id=${app.id}`)
    await mp.settle()
    expect(mp.page.text()).toContain('王秀英')
    await mp.page.tap('review-reject')
    expect(mp.page.text()).toContain('请写明不通过的原因')
    expect((await rowOf<AppRow>(mp, 'care_applications', app.id))!.status).toBe('community_review')
    const REASON = '户口簿照片看不清，请重新拍摄户口簿首页'
    await mp.page.input('review-reason', REASON)
    await mp.page.tap('review-reject')
    await mp.settle()
    expect(mp.page.text()).toContain(`已退回，申请人会收到原因：${REASON}`)
    const rejected = (await rowOf<AppRow>(mp, 'care_applications', app.id))!
    expect(rejected.status).toBe('rejected')
    expect(rejected.rejection?.reason).toBe(REASON)

    // The applicant: a message, the reason on the progress page, and a corrected resubmission.
    mp = await loginAs('u-wang', { storage: mp.storage })
    await mp.switchTab('/pages/messages/index')
    await mp.settle()
    expect(mp.page.text()).toMatch(/爱心卡申请.*未通过|未通过.*爱心卡/)
    await mp.navigateTo(`${CC}/application/index?id=${app.id}`)
    await mp.settle()
    expect(mp.page.get('rejection') && mp.page.text()).toContain(`社区初审未通过（赵敏`)
    expect(mp.page.text()).toContain(REASON)
    expect(mp.page.has('application-withdraw')).toBe(false)
    await mp.page.tap('application-resubmit')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/apply/index')
    expect(mp.page.text()).toContain('修改后重新提交')
    await mp.page.tap('proof-household')
    await mp.settle()
    await mp.page.tap('apply-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('已提交，社区将在 5 个工作日内初审')
    const again = (await rowOf<AppRow>(mp, 'care_applications', app.id))!
    expect(again.status).toBe('community_review')
    expect(again.cycle).toBe(2)
    await mp.page.tap('apply-view')
    await mp.settle()
    expect(mp.page.text()).toContain('第 2 次提交')
    // The reason answered is no longer shown as standing; the record keeps that it was sent back.
    expect(mp.page.has('rejection')).toBe(false)

    // The worker sees it in the queue again and can approve it this time.
    mp = await loginAs('u-zhao', { storage: mp.storage })
    await mp.navigateTo(`${CC}/worker-review/index?id=${app.id}`)
    await mp.settle()
    await mp.page.tap('review-approve')
    await mp.settle()
    expect(mp.page.text()).toContain('已转街道审核')
    expect((await rowOf<AppRow>(mp, 'care_applications', app.id))!.status).toBe('street_review')
    expect(mp.errors).toEqual([])
  })

  it('a disputed lunch: the worker must write an opinion; upheld, the price goes back on the card and the resident is told', async () => {
    let mp = await loginAs('u-xs0')
    const REASON = '饭菜是凉的，汤洒了一半'
    await callAs(mp, 'u-xs0', 'POST', '/api/care-card/orders/co-seed-1/dispute', { reason: REASON })
    const order = (await rowOf<{ priceFen: number }>(mp, 'care_orders', 'co-seed-1'))!
    const balance = async () => (await callAs(mp, 'u-xs0', 'GET', '/api/care-card')).balanceFen as number
    const before = await balance()

    // 孙丽 is the worker of 许树根's community (西兴).
    mp = await loginAs('u-sun', { storage: mp.storage })
    await mp.navigateTo(`${CC}/worker-orders/index`)
    await mp.settle()
    await mp.page.tap('tab-disputed')
    await mp.settle()
    expect(mp.page.text()).toContain(REASON)
    await mp.page.tap('uphold-co-seed-1')
    await mp.settle()
    expect(mp.page.text()).toContain('请填写处理意见')
    const OPINION = '已与助餐点核实，送餐超时，退还本次费用'
    await mp.page.input('resolve-co-seed-1', OPINION)
    await mp.page.tap('uphold-co-seed-1')
    await mp.settle()
    expect(mp.page.text()).toContain('已处理：异议成立，已退款。')
    const resolved = (await rowOf<{ disputeStatus?: string; dispute?: { refundFen?: number } }>(
      mp,
      'care_orders',
      'co-seed-1',
    ))!
    expect(resolved.disputeStatus).toBe('upheld')
    expect(resolved.dispute?.refundFen).toBe(order.priceFen)
    expect((await balance()) - before).toBe(order.priceFen)
    expect(order.priceFen).toBeGreaterThan(0)

    mp = await loginAs('u-xs0', { storage: mp.storage })
    await mp.navigateTo(`${CC}/order/index?id=co-seed-1`)
    await mp.settle()
    expect(mp.page.text()).toContain(OPINION)
    expect(mp.errors).toEqual([])
  })

  it('a disputed lunch turned down: no money moves and the resident reads the opinion', async () => {
    let mp = await loginAs('u-xs0')
    await callAs(mp, 'u-xs0', 'POST', '/api/care-card/orders/co-seed-1/dispute', { reason: '送晚了十分钟' })
    const balance = async () => (await callAs(mp, 'u-xs0', 'GET', '/api/care-card')).balanceFen as number
    const before = await balance()
    mp = await loginAs('u-sun', { storage: mp.storage })
    await mp.navigateTo(`${CC}/worker-orders/index`)
    await mp.settle()
    await mp.page.tap('tab-disputed')
    await mp.settle()
    const OPINION = '送餐记录显示 11:55 送达，在约定时间内'
    await mp.page.input('resolve-co-seed-1', OPINION)
    await mp.page.tap(/^异议不成立$/)
    await mp.settle()
    expect(mp.page.text()).toContain('已处理：异议不成立，已告知居民。')
    expect((await rowOf<{ disputeStatus?: string }>(mp, 'care_orders', 'co-seed-1'))!.disputeStatus).toBe('rejected')
    expect(await balance()).toBe(before)
    mp = await loginAs('u-xs0', { storage: mp.storage })
    await mp.navigateTo(`${CC}/order/index?id=co-seed-1`)
    await mp.settle()
    expect(mp.page.text()).toContain(OPINION)
    expect(mp.errors).toEqual([])
  })
})
