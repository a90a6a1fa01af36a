/**
 * Weak network, the smaller follow-ups (see the other `faults*.test.ts`):
 * withdrawing a care-card application, disputing a delivered service, adding a child, cancelling a paid
 * youth-palace seat, cancelling a window appointment and deleting an account, each under the seeded fault
 * schedule with its own write losing its first answer. Each completes through the app's retries, writes once,
 * and the page always says what is happening.
 */
import { loginAs } from './harness'
import { callAs, expectFaultsMet, faultsOn, inputValue, persist, rowOf, rowsOf, seedsFrom } from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { withdraw: 3, dispute: 3, child: 3, cancelSeat: 3, cancelAppointment: 3, deleteAccount: 3 }
const seedOf = seedsFrom(SEEDS)

const PHOTO = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg=='

describe('WeChat build: smaller follow-ups under the seeded fault schedule', () => {
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

  it('一件事: 李红 cancels her window appointment (cancelled once, the page says so or why)', async () => {
    const NOW = Date.parse('2026-03-02T10:00:00+08:00')
    const mp = await loginAs('u-li', { mockNow: NOW })
    const appt = await callAs(mp, 'u-li', 'POST', '/api/one-thing/appointments', {
      eventId: 'newborn',
      hallId: 'hall-zh-district',
      date: '2026-03-03',
      slot: '09:00',
    })
    const hits = faultsOn(mp, seedOf('cancelAppointment'), /\/appointments\/[^/]+\/cancel$/)
    await mp.navigateTo('/packages/one-thing/pages/appointments/index')
    await persist(mp, 'appointments page', () => mp.page.has(`cancel-${appt.id}`))
    await mp.page.tap(`cancel-${appt.id}`)
    await persist(
      mp,
      'cancel appointment',
      () => !mp.page.has(`cancel-${appt.id}`) && mp.page.text().includes('已取消'),
      () => mp.page.tap(`cancel-${appt.id}`),
    )
    expect((await rowOf(mp, 'one_thing_appointments', appt.id))!.status).toBe('cancelled')
    expectFaultsMet(hits, /\/cancel$/)
    expect(mp.errors).toEqual([])
  })

  it('我的: 陈晓东 deletes his account; its answer is lost, yet he ends on the login page (a retry meets the ended session, not a failure)', async () => {
    const mp = await loginAs('u-chen')
    const hits = faultsOn(mp, seedOf('deleteAccount'), /^\/api\/me$/)
    await mp.switchTab('/pages/me/index')
    await persist(mp, 'me page', () => mp.page.has('delete-account'))
    await mp.page.tap('delete-account')
    await persist(
      mp,
      'delete account',
      () => mp.page.route === 'pages/login/index',
      () => mp.page.tap('delete-account'),
    )
    expect((await rowOf(mp, 'users', 'u-chen'))!.deletedAt).toEqual(expect.any(String))
    expectFaultsMet(hits, /^\/api\/me$/)
    expect(mp.errors).toEqual([])
  })
})
