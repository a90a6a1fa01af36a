/**
 * 爱心卡 under the weak network: with the backend's seeded fault schedule on (each request has a 30 %
 * chance of each failing kind: timeout, 503, saved-but-the-answer-lost; every request takes 2 s more),
 * applying with a photo, booking a lunch, a worker's two-stage review and delivery, cancelling a
 * booking, withdrawing an application and disputing a delivered lunch each complete through the app's
 * own retries (the API wrapper's retries with the same idempotency key, then 重试 / submitting again as
 * a person would, a bounded number of times). Each writes once, keeps what was typed, and the page
 * always says what is happening. What other people did before a journey is set up through the backend
 * directly (`callAs`), with no faults.
 */
import { loginAs, walk, avoidLastDayOfCreditYear } from './harness'
import {
  expectFaultsMet,
  faultsOn,
  idsStarting,
  inputValue,
  persist,
  retryToasts,
  rowsOf,
  seedsFrom,
  callAs,
  rowOf,
} from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { apply: 5, book: 1, review: 1, deliver: 5, cancel: 5, withdraw: 3, dispute: 3 }
const seedOf = seedsFrom(SEEDS)

const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

// Some journeys start from the demo's lunch booked for tomorrow, which is not seeded on 31 December.
avoidLastDayOfCreditYear()

describe('WeChat build: 爱心卡 journeys under the seeded fault schedule write once', () => {
  it('爱心卡: 王秀英 applies with a photo (one application); 马建华 books a lunch (one order, one hold)', async () => {
    let mp = await loginAs('u-wang')
    let hits = faultsOn(mp, seedOf('apply'), /^\/api\/care-card\/applications$/)
    await mp.navigateTo('/packages/care-card/pages/apply/index')
    await persist(mp, 'apply page', () => mp.page.has('apply-submit'))
    // The photo is uploaded when taken, under the same faults: the person waits (请稍候) or taps again.
    await mp.page.tap('proof-household')
    await persist(
      mp,
      'photo',
      () => mp.page.text().includes('已拍摄'),
      () => mp.page.tap('proof-household'),
    )
    await mp.page.tap('apply-submit')
    await persist(
      mp,
      'apply',
      () => mp.page.text().includes('已提交，社区将在 5 个工作日内初审'),
      async () => {
        // The photo taken is still there after a failure: nothing to redo but tap again.
        expect(mp.page.text()).toContain('已拍摄')
        expect(mp.page.text()).not.toContain('请拍摄户口簿或居住证')
        await mp.page.tap('apply-submit')
      },
    )
    const apps = await rowsOf(mp, 'care_applications', { applicantId: 'u-wang' })
    expect(apps).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/care-card\/applications$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)

    // 马建华 (西山, card with credit) books a lunch at the canteen.
    mp = await loginAs('u-xs0')
    hits = faultsOn(mp, seedOf('book'), /^\/api\/care-card\/orders$/)
    // The canteen's first service (services are rows of their own, in `rank` order).
    const services = await rowsOf<{ id: string; rank: number }>(mp, 'care_services', { providerId: 'cp-xs-canteen' })
    const serviceId = services.sort((a, b) => a.rank - b.rank)[0].id
    const ordersOf = () => rowsOf<{ id: string; slotId: string }>(mp, 'care_orders', { holderId: 'u-xs0' })
    const before = (await ordersOf()).length
    await mp.navigateTo(`/packages/care-card/pages/book/index?id=${serviceId}`)
    await persist(mp, 'book page', () => idsStarting(mp, 'book-day-').length > 0)
    // The last day offered (tomorrow already has a seeded lunch), its first free slot.
    await mp.page.tap(idsStarting(mp, 'book-day-').pop()!)
    const slot = idsStarting(mp, 'book-slot-').find(
      (id) =>
        !/已约满/.test(
          walk(mp.page.get(id))
            .map((n) => n.text ?? '')
            .join(''),
        ),
    )!
    const slotId = slot.slice('book-slot-'.length)
    await mp.page.tap(slot)
    await mp.page.tap('book-submit')
    await persist(
      mp,
      'booking',
      () => mp.page.text().includes('预约成功'),
      async () => {
        // The chosen day and time are still chosen after a failure.
        expect(mp.page.get(slot).className).toContain('option-on')
        await mp.page.tap('book-submit')
      },
    )
    const mine = await ordersOf()
    expect(mine).toHaveLength(before + 1)
    expect(mine.filter((o) => o.slotId === slotId)).toHaveLength(1)
    const order = mine.find((o) => o.slotId === slotId)!
    const ledger = await rowsOf(mp, 'care_ledger_entries', { orderId: order.id })
    expect(ledger).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/care-card\/orders$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it("爱心卡: 赵敏 approves 王秀英's application at both stages (one card); 孙丽 marks a lunch delivered (one charge)", async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-wang', { storage })
    const { photoId } = await callAs(mp, 'u-wang', 'POST', '/api/photos', { contentType: 'image/png', base64: PHOTO })
    const app = await callAs(mp, 'u-wang', 'POST', '/api/care-card/applications', {
      groups: [],
      proofs: [{ kind: 'household', photoId }],
    })
    mp = await loginAs('u-zhao', { storage })
    let hits = faultsOn(mp, seedOf('review'), /\/applications\/[^/]+\/review$/)
    const acts = async () =>
      (await rowOf<{ acts: { kind: string }[] }>(mp, 'care_applications', app.id))!.acts.map((a) => a.kind)
    await mp.navigateTo(`/packages/care-card/pages/worker-review/index?id=${app.id}`)
    await persist(mp, 'review page', () => mp.page.has('review-approve'))
    await mp.page.tap('review-approve')
    await persist(
      mp,
      'community stage',
      () => mp.page.has('review-next-stage'),
      () => mp.page.tap('review-approve'),
    )
    await mp.page.tap('review-next-stage')
    await mp.page.tap('review-approve')
    await persist(
      mp,
      'street stage',
      () => mp.page.text().includes('审核通过，爱心卡'),
      () => mp.page.tap('review-approve'),
    )
    expect((await acts()).filter((k) => k === 'community_approved')).toHaveLength(1)
    expect((await acts()).filter((k) => k === 'street_approved')).toHaveLength(1)
    expect(await rowsOf(mp, 'care_cards', { holderId: 'u-wang' })).toHaveLength(1)
    expectFaultsMet(hits, /\/applications\/[^/]+\/review$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)

    // 孙丽 (西山) marks 马建华's booked lunch delivered once its time has come.
    mp = await loginAs('u-sun', { storage })
    const [order] = await rowsOf<{ id: string; startAt: string; cardId: string }>(mp, 'care_orders', {
      holderId: 'u-xs0',
      status: 'booked',
    })
    mp.backend().clock.set(Date.parse(order.startAt) + 90 * 60_000)
    hits = faultsOn(mp, seedOf('deliver'), /\/orders\/[^/]+\/deliver$/)
    await mp.navigateTo('/packages/care-card/pages/worker-orders/index')
    await persist(mp, 'orders page', () => mp.page.has(`deliver-${order.id}`))
    await mp.page.tap(`deliver-${order.id}`)
    await persist(
      mp,
      'delivery',
      () => mp.page.text().includes('已标记完成'),
      () => mp.page.tap(`deliver-${order.id}`),
    )
    const o = (await rowOf<{ status: string; acts: { kind: string }[] }>(mp, 'care_orders', order.id))!
    expect(o.status).toBe('delivered')
    expect(o.acts.filter((a) => a.kind === 'delivered')).toHaveLength(1)
    const charges = (
      await rowsOf<{ orderId?: string; kind: string }>(mp, 'care_ledger_entries', { cardId: order.cardId })
    ).filter((e) => e.orderId === order.id && e.kind === 'charge')
    expect(charges).toHaveLength(1)
    expectFaultsMet(hits, /\/orders\/[^/]+\/deliver$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
    expect(mp.errors).toEqual([])
  })

  it("爱心卡: 马建华 cancels tomorrow's lunch (one release, the credit back once)", async () => {
    const mp = await loginAs('u-xs0')
    const [order] = await rowsOf<{ id: string; cardId: string }>(mp, 'care_orders', {
      holderId: 'u-xs0',
      status: 'booked',
    })
    const hits = faultsOn(mp, seedOf('cancel'), /\/orders\/[^/]+\/cancel$/)
    await mp.navigateTo(`/packages/care-card/pages/order/index?id=${order.id}`)
    await persist(mp, 'order page', () => mp.page.has('order-cancel'))
    await mp.page.tap('order-cancel')
    await persist(
      mp,
      'cancel',
      () => mp.page.text().includes('已退回爱心卡'),
      () => mp.page.tap('order-cancel'),
    )
    expect((await rowOf(mp, 'care_orders', order.id))!.status).toBe('cancelled')
    const releases = (
      await rowsOf<{ orderId?: string; kind: string }>(mp, 'care_ledger_entries', { cardId: order.cardId })
    ).filter((e) => e.orderId === order.id && e.kind === 'release')
    expect(releases).toHaveLength(1)
    expectFaultsMet(hits, /\/orders\/[^/]+\/cancel$/)
    expect(mp.errors).toEqual([])
  })

  it("爱心卡: 王秀英 withdraws her application (withdrawn once); 马建华 disputes yesterday's lunch (one dispute)", async () => {
    let mp = await loginAs('u-wang')
    const { photoId } = await callAs(mp, 'u-wang', 'POST', '/api/photos', { contentType: 'image/png', base64: PHOTO })
    const app = await callAs(mp, 'u-wang', 'POST', '/api/care-card/applications', {
      groups: [],
      proofs: [{ kind: 'household', photoId }],
    })
    let hits = faultsOn(mp, seedOf('withdraw'), /\/applications\/[^/]+\/withdraw$/)
    await mp.navigateTo(`/packages/care-card/pages/application/index?id=${app.id}`)
    await persist(mp, 'application page', () => mp.page.has('application-withdraw'))
    await mp.page.tap('application-withdraw')
    await persist(
      mp,
      'withdraw',
      () => mp.page.has('application-again'),
      () => mp.page.tap('application-withdraw'),
    )
    const application = (await rowOf<{ status: string; acts: { kind: string }[] }>(mp, 'care_applications', app.id))!
    const acts = application.acts.map((a) => a.kind)
    expect(application.status).toBe('withdrawn')
    expect(acts.filter((k) => k === 'withdrawn')).toHaveLength(1)
    expectFaultsMet(hits, /\/withdraw$/)

    mp = await loginAs('u-xs0', { storage: mp.storage })
    const REASON = '饭菜是凉的，汤洒了一半'
    hits = faultsOn(mp, seedOf('dispute'), /\/orders\/co-seed-1\/dispute$/)
    await mp.navigateTo('/packages/care-card/pages/order/index?id=co-seed-1')
    await persist(mp, 'order page', () => mp.page.has('dispute-submit'))
    await mp.page.input('dispute-reason', REASON)
    await mp.page.tap('dispute-submit')
    await persist(
      mp,
      'dispute',
      () => mp.page.text().includes('异议已提交'),
      async () => {
        expect(inputValue(mp, 'dispute-reason')).toBe(REASON)
        await mp.page.tap('dispute-submit')
      },
    )
    const order = (await rowOf<{ dispute?: { reason: string }; acts: { kind: string }[] }>(
      mp,
      'care_orders',
      'co-seed-1',
    ))!
    expect(order.dispute?.reason).toBe(REASON)
    expect(order.acts.filter((a) => a.kind === 'disputed')).toHaveLength(1)
    expectFaultsMet(hits, /\/dispute$/)
    expect(mp.errors).toEqual([])
  })
})
