/**
 * 青少年宫 under the weak network: with the backend's seeded fault schedule on (each request has a 30 %
 * chance of each failing kind: timeout, 503, saved-but-the-answer-lost; every request takes 2 s more),
 * applying for a course, closing registration and drawing an over-subscribed lottery, paying for a
 * place won from the waitlist, adding a child and cancelling a paid seat each complete through the
 * app's own retries (the API wrapper's retries with the same idempotency key, then 重试 / submitting
 * again as a person would, a bounded number of times). Each writes once, keeps what was typed, and the
 * page always says what is happening. What other people did before a journey is set up through the
 * backend directly (`callAs`), with no faults.
 */
import { loginAs } from './harness'
import {
  expectFaultsMet,
  faultsOn,
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
const SEEDS = { youthPalace: 1, draw: 4, pay: 1, child: 3, cancelSeat: 3 }
const seedOf = seedsFrom(SEEDS)

describe('WeChat build: 青少年宫 journeys under the seeded fault schedule write once', () => {
  it('青少年宫: 陈晓东 applies for 中国舞 for 陈乐 (one enrollment for the child and course)', async () => {
    const mp = await loginAs('u-chen')
    const hits = faultsOn(mp, seedOf('youthPalace'), /^\/api\/youth-palace\/applications$/)
    const enrollments = () => rowsOf(mp, 'yp_enrollments', { childId: 'ypk-chen-le', courseId: 'ypc-chinese-dance' })
    expect(await enrollments()).toHaveLength(0)
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-chinese-dance&childId=ypk-chen-le')
    await persist(mp, 'course page', () => mp.page.has('apply-submit'))
    await mp.page.tap('apply-submit')
    await persist(
      mp,
      'apply',
      () => mp.page.has('apply-result'),
      async () => {
        // The child chosen is still chosen.
        expect(mp.page.get('apply-child-ypk-chen-le').className).toContain('option-on')
        await mp.page.tap('apply-submit')
      },
    )
    expect(mp.page.text()).toContain('已确认名额')
    expect(await enrollments()).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/youth-palace\/applications$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('青少年宫: 赵敏 closes registration and draws the over-subscribed 陶艺 lottery (5 seeded applicants and 陈悦) (one draw, one message per applicant)', async () => {
    let mp = await loginAs('u-chen')
    const storage = mp.storage
    await callAs(mp, 'u-chen', 'POST', '/api/youth-palace/applications', {
      childId: 'ypk-chen-yue',
      courseId: 'ypc-pottery',
    })
    const [term] = await rowsOf<{ id: string; closesAt: string }>(mp, 'yp_terms', { status: 'open' })
    mp = await loginAs('u-zhao', { storage, mockNow: Date.parse(`${term.closesAt}T10:00:00+08:00`) + 24 * 3600_000 })
    const hits = faultsOn(mp, seedOf('draw'), /\/terms\/[^/]+\/draw$/)
    const messagesBefore = new Set((await rowsOf<{ id: string }>(mp, 'messages')).map((m) => m.id))
    await mp.navigateTo('/packages/youth-palace/pages/worker/index')
    await persist(mp, 'worker page', () => mp.page.has(`close-${term.id}`))
    await mp.page.tap(`close-${term.id}`)
    await persist(
      mp,
      'close',
      () => mp.page.has(`draw-${term.id}`),
      () => mp.page.tap(`close-${term.id}`),
    )
    await mp.page.tap(`draw-${term.id}`)
    await persist(
      mp,
      'draw',
      () => mp.page.text().includes('抽签录取'),
      () => mp.page.tap(`draw-${term.id}`),
    )
    expect(mp.page.text()).toContain('《陶艺小班》6 人报名、3 个名额：抽签录取 3 人，候补 3 人')
    expect((await rowOf(mp, 'yp_terms', term.id))!.status).toBe('drawn')
    const pottery = await rowsOf<{ id: string; status: string }>(mp, 'yp_enrollments', { courseId: 'ypc-pottery' })
    expect(pottery).toHaveLength(6)
    expect(pottery.filter((e) => e.status === 'admitted')).toHaveLength(3)
    expect(pottery.filter((e) => e.status === 'waitlisted')).toHaveLength(3)
    // One outcome message per applicant of every course drawn, however many times the draw was sent.
    const messages = (await rowsOf<{ id: string; userId: string; title: string }>(mp, 'messages')).filter(
      (m) => !messagesBefore.has(m.id),
    )
    const drawMessages = messages.filter((m) => /^青少年宫(抽签|报名成功)/.test(m.title))
    const decided = await rowsOf(mp, 'yp_enrollments', { termId: term.id, source: 'draw' })
    expect(decided).toHaveLength(6)
    expect(drawMessages).toHaveLength(decided.length)
    expectFaultsMet(hits, /\/terms\/[^/]+\/draw$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
    expect(mp.errors).toEqual([])
  })

  it('青少年宫: 陈悦, promoted from the waitlist, is paid for once and her place confirmed', async () => {
    let mp = await loginAs('u-chen')
    const storage = mp.storage
    const mine = await callAs(mp, 'u-chen', 'POST', '/api/youth-palace/applications', {
      childId: 'ypk-chen-yue',
      courseId: 'ypc-model-aircraft',
      joinWaitlist: true,
    })
    const [seat] = await rowsOf<{ id: string }>(mp, 'yp_enrollments', {
      courseId: 'ypc-model-aircraft',
      parentId: 'u-zheng',
    })
    await callAs(mp, 'u-zheng', 'POST', `/api/youth-palace/enrollments/${seat.id}/cancel`)
    expect((await rowOf(mp, 'yp_enrollments', mine.id))!.status).toBe('admitted')

    mp = await loginAs('u-chen', { storage })
    const hits = faultsOn(mp, seedOf('pay'), /\/payment$/)
    await mp.navigateTo('/packages/youth-palace/pages/my-courses/index?childId=ypk-chen-yue')
    await persist(mp, 'my courses', () => mp.page.has(`confirm-${mine.id}`))
    await mp.page.tap(`confirm-${mine.id}`)
    await persist(
      mp,
      'pay and confirm',
      () => mp.page.text().includes('名额已确认'),
      () => mp.page.tap(`confirm-${mine.id}`),
    )
    expect((await rowOf(mp, 'yp_enrollments', mine.id))!.status).toBe('confirmed')
    const payments = await rowsOf<{ status: string }>(mp, 'yp_payments', { enrollmentId: mine.id })
    expect(payments.filter((p) => p.status === 'paid')).toHaveLength(1)
    // The person was asked to pay once: WeChat Pay is never opened again for a place already paid for.
    expect(mp.calls.filter((c) => c.api === 'requestPayment')).toHaveLength(1)
    expectFaultsMet(hits, /\/enrollments\/[^/]+\/(pay|payment)$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
    expect(mp.errors).toEqual([])
  })

  it('青少年宫: 陈晓东 adds a child (one profile); 郑丽华 cancels her paid seat (one refund, the waitlist promoted once)', async () => {
    let mp = await loginAs('u-chen')
    const storage = mp.storage
    const waiting = await callAs(mp, 'u-chen', 'POST', '/api/youth-palace/applications', {
      childId: 'ypk-chen-yue',
      courseId: 'ypc-model-aircraft',
      joinWaitlist: true,
    })
    let hits = faultsOn(mp, seedOf('child'), /^\/api\/youth-palace\/children$/)
    await mp.navigateTo('/packages/youth-palace/pages/index/index')
    await persist(mp, 'youth palace home', () => mp.page.has('add-child'))
    await mp.page.tap('add-child')
    await persist(mp, 'child form', () => mp.page.has('child-submit'))
    await mp.page.input('child-name', '陈小天')
    await mp.page.change('child-birth', '2019-05-01')
    await mp.page.tap('child-submit')
    const named = () => rowsOf(mp, 'yp_children', { parentId: 'u-chen', name: '陈小天' })
    await persist(
      mp,
      'add child',
      async () => (await named()).length > 0 && !mp.page.has('child-submit'),
      async () => {
        expect(inputValue(mp, 'child-name')).toBe('陈小天')
        await mp.page.tap('child-submit')
      },
    )
    expect(await named()).toHaveLength(1)
    expectFaultsMet(hits, /\/children$/)

    mp = await loginAs('u-zheng', { storage })
    const [seat] = await rowsOf<{ id: string; paymentId: string }>(mp, 'yp_enrollments', {
      courseId: 'ypc-model-aircraft',
      parentId: 'u-zheng',
    })
    hits = faultsOn(mp, seedOf('cancelSeat'), /\/enrollments\/[^/]+\/cancel$/)
    await mp.navigateTo('/packages/youth-palace/pages/my-courses/index')
    await persist(mp, 'my courses', () => mp.page.has(`cancel-${seat.id}`))
    await mp.page.tap(`cancel-${seat.id}`)
    await persist(
      mp,
      'cancel seat',
      async () =>
        (await rowOf(mp, 'yp_enrollments', seat.id))!.status === 'cancelled' && !mp.page.has(`cancel-${seat.id}`),
      () => mp.page.tap(`cancel-${seat.id}`),
    )
    expect((await rowOf(mp, 'yp_payments', seat.paymentId))!.status).toBe('refunded')
    expect((await rowOf(mp, 'yp_enrollments', waiting.id))!.status).toBe('admitted')
    const offers = await rowsOf(mp, 'messages', { userId: 'u-chen', title: '候补到名额了' })
    expect(offers).toHaveLength(1)
    expectFaultsMet(hits, /\/cancel$/)
    expect(mp.errors).toEqual([])
  })
})
