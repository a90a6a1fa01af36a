/** @jest-environment node */
import type { YpTermRecord } from '@/backend/features/youth-palace/model'
import { seedYouthPalace, seededTermId, termSeason } from '@/backend/features/youth-palace/seed'
import { termsTable } from '@/backend/features/youth-palace/tables'
import { coreSeed } from '@/backend/seed'
import { TRANSPORTS, type Client } from '../client'

const HOUR = 3600_000
const YUE = 'ypk-chen-yue'
const AIRCRAFT = 'ypc-model-aircraft'

describe('seeded terms: the name and the id say the same season', () => {
  it('names a term by the season it starts in; late December, January and February start next spring', () => {
    expect(termSeason('2026-03-28')).toEqual({ key: 'spring', year: 2026, name: '2026年春季学期' })
    expect(termSeason('2026-05-31').name).toBe('2026年春季学期')
    expect(termSeason('2026-06-01').name).toBe('2026年暑期学期')
    expect(termSeason('2026-08-31').name).toBe('2026年暑期学期')
    expect(termSeason('2026-09-01').name).toBe('2026年秋季学期')
    expect(termSeason('2026-12-19').name).toBe('2026年秋季学期')
    expect(termSeason('2026-12-26')).toEqual({ key: 'spring', year: 2027, name: '2027年春季学期' })
    expect(termSeason('2027-01-16').name).toBe('2027年春季学期')
    expect(seededTermId('2026-12-26')).toBe('ypt-zpq-2027-spring')
  })

  it('on any day of the year the seed has an open term and the one before, with different ids matching their names', () => {
    for (let day = Date.UTC(2026, 0, 1); day < Date.UTC(2027, 0, 1); day += 24 * HOUR) {
      const nowIso = new Date(day + 2 * HOUR).toISOString().replace('Z', '+00:00')
      const seed = coreSeed(nowIso)
      const terms = seedYouthPalace(seed, nowIso)[termsTable.name] as YpTermRecord[]
      expect(terms).toHaveLength(2)
      for (const t of terms) {
        const { key, year, name } = termSeason(t.startDate)
        expect({ nowIso, id: t.id, name: t.name }).toEqual({ nowIso, id: `ypt-zpq-${year}-${key}`, name })
      }
      expect(terms.filter((t) => t.status === 'open')).toHaveLength(1)
    }
  })
})

describe.each(TRANSPORTS)('youth palace: the seeded full course and its waitlist (%s)', (_name, make) => {
  let c: Client
  let chen: string
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it('航模小班 is full with 2 paid seats; a waitlisted family is promoted when a seat is cancelled free, told the deadline, and pays to confirm', async () => {
    const course = (await c.call('GET', `/api/youth-palace/courses/${AIRCRAFT}?childId=${YUE}`, { token: chen })).body
    expect(course).toMatchObject({
      capacity: 2,
      seatsLeft: 0,
      admission: 'firstCome',
      feeFen: 6000,
      childFits: true,
      waitlistCount: 0,
    })
    const full = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: AIRCRAFT },
    })
    expect(full).toMatchObject({ status: 409, body: { code: 'COURSE_FULL' } })
    const queued = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: AIRCRAFT, joinWaitlist: true },
    })
    expect(queued.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })

    c.clock.advance(HOUR)
    const zheng = await c.login('u-zheng')
    const seat = (await c.call('GET', '/api/youth-palace/enrollments', { token: zheng })).body.find(
      (e: { courseId: string }) => e.courseId === AIRCRAFT,
    )
    expect(seat).toMatchObject({
      status: 'confirmed',
      childName: '郑可欣',
      payment: { status: 'paid', amountFen: 6000 },
    })
    const cancelled = await c.call('POST', `/api/youth-palace/enrollments/${seat.id}/cancel`, { token: zheng })
    expect(cancelled.body).toMatchObject({ free: true, refund: true, refundedFen: 6000 })

    const offer = (await c.call('GET', `/api/youth-palace/enrollments/${queued.body.id}`, { token: chen })).body
    expect(offer).toMatchObject({
      status: 'admitted',
      source: 'waitlist',
      confirmBy: '2026-03-03T11:00:00+08:00',
      feeDueFen: 6000,
    })
    const told = (await c.call('GET', '/api/messages', { token: chen })).body.items[0]
    expect(told).toMatchObject({
      title: '候补到名额了',
      body: '陈悦候补的《航模小班》有名额了。请在 2026年3月3日（周二） 11:00 前确认并支付费用（有 24 小时），逾期名额将顺延给下一位。',
      link: `/packages/youth-palace/pages/my-courses/index?childId=${YUE}`,
    })
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${queued.body.id}/confirm`, { token: chen })).body.code,
    ).toBe('PAYMENT_REQUIRED')

    c.clock.advance(23 * HOUR)
    const pay = await c.call('POST', `/api/youth-palace/enrollments/${queued.body.id}/pay`, { token: chen })
    expect(pay.body.amountFen).toBe(6000)
    const done = await c.call('POST', `/api/youth-palace/enrollments/${queued.body.id}/confirm-payment`, {
      token: chen,
      body: { paymentId: pay.body.paymentId },
    })
    expect(done.body).toMatchObject({ status: 'confirmed', payment: { status: 'paid', amountFen: 6000 } })
    expect((await c.call('GET', `/api/youth-palace/courses/${AIRCRAFT}`, { token: chen })).body).toMatchObject({
      seatsLeft: 0,
      waitlistCount: 0,
    })
  })

  it('a promoted family that declines passes the seat to the next; an offer left unanswered expires after 24 hours and passes it on', async () => {
    const yue = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: AIRCRAFT, joinWaitlist: true },
    })
    c.clock.advance(60_000)
    const liu = await c.login('u-liu')
    const yn = await c.call('POST', '/api/youth-palace/applications', {
      token: liu,
      body: { childId: 'ypk-liu-yn', courseId: AIRCRAFT, joinWaitlist: true },
    })
    expect(yn.body.waitlistPosition).toBe(2)
    const wu = await c.login('u-wu')
    const seat = (await c.call('GET', '/api/youth-palace/enrollments', { token: wu })).body.find(
      (e: { courseId: string }) => e.courseId === AIRCRAFT,
    )
    await c.call('POST', `/api/youth-palace/enrollments/${seat.id}/cancel`, { token: wu })
    expect((await c.call('GET', `/api/youth-palace/enrollments/${yue.body.id}`, { token: chen })).body.status).toBe(
      'admitted',
    )
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${yue.body.id}/decline`, { token: chen })).body.status,
    ).toBe('declined')
    const next = (await c.call('GET', `/api/youth-palace/enrollments/${yn.body.id}`, { token: liu })).body
    expect(next).toMatchObject({ status: 'admitted', source: 'waitlist', confirmBy: '2026-03-03T10:01:00+08:00' })

    c.clock.advance(24 * HOUR) // exactly at the deadline: still on time
    expect((await c.call('GET', `/api/youth-palace/enrollments/${yn.body.id}`, { token: liu })).body.status).toBe(
      'admitted',
    )
    c.clock.advance(60_000)
    expect((await c.call('GET', `/api/youth-palace/enrollments/${yn.body.id}`, { token: liu })).body.status).toBe(
      'expired',
    )
    expect((await c.call('GET', '/api/messages', { token: liu })).body.items[0]).toMatchObject({
      title: '青少年宫名额已过期',
      link: '/packages/youth-palace/pages/my-courses/index?childId=ypk-liu-yn',
    })
    expect((await c.call('GET', `/api/youth-palace/courses/${AIRCRAFT}`, { token: chen })).body).toMatchObject({
      seatsLeft: 1,
      waitlistCount: 0,
    })
  })
})
