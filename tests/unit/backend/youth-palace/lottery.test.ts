/** @jest-environment node */
import {
  commitmentInMessage,
  drawWithPriority,
  lotterySeed,
  verifyReveal,
  LOTTERY_ALGORITHM_CN,
} from '@/domain/youth-palace/lottery'
import { TRANSPORTS, type Client } from '../client'

const YUE = 'ypk-chen-yue'
const TERM = 'ypt-zpq-2026-spring'
const HOUR = 3600_000
const at = (local: string) => Date.parse(`${local}:00+08:00`)

describe.each(TRANSPORTS)('youth palace: lottery and waitlist (%s)', (_name, make) => {
  let c: Client
  let chen: string
  let zhao: string
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    zhao = await c.login('u-zhao')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it('陈悦 joins the over-subscribed 陶艺 lottery; u-zhao closes and draws; the result re-checks and reproduces', async () => {
    const mine = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-pottery' },
    })
    expect(mine.body.status).toBe('pending')
    const before = await c.call('GET', '/api/youth-palace/courses/ypc-pottery/lottery', { token: chen })
    expect(before.body).toMatchObject({ status: 'committed', revealed: null, seed: null, order: [] })
    expect(before.body.commitment).toMatch(/^[0-9a-f]{64}$/)
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: zhao })).body.code).toBe(
      'TERM_NOT_CLOSED',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })).body.code).toBe(
      'WINDOW_NOT_ENDED',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: chen })).status).toBe(403)
    c.clock.set(at('2026-03-09T09:00'))
    const sun = await c.login('u-sun')
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: sun })).status).toBe(403)
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })).body.status).toBe(
      'closed',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })).body.code).toBe(
      'TERM_NOT_OPEN',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: sun })).status).toBe(403)
    const draw = await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: zhao })
    expect(draw.body.term.status).toBe('drawn')
    expect(draw.body.courses).toEqual(
      expect.arrayContaining([
        {
          courseId: 'ypc-pottery',
          courseName: '陶艺小班',
          applicants: 6,
          seats: 3,
          drawn: true,
          admitted: 3,
          waitlisted: 3,
        },
      ]),
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: zhao })).body.code).toBe(
      'ALREADY_DRAWN',
    )

    const r = (await c.call('GET', '/api/youth-palace/courses/ypc-pottery/lottery', { token: chen })).body
    expect(r).toMatchObject({
      status: 'drawn',
      commitment: before.body.commitment,
      seats: 3,
      algorithm: LOTTERY_ALGORITHM_CN,
    })
    expect(verifyReveal(r.commitment, r.revealed)).toBe(true)
    const ids = r.applications.map((a: { id: string }) => a.id)
    expect(r.seed).toBe(lotterySeed(r.revealed, 'ypc-pottery', ids))
    const again = drawWithPriority(
      r.applications.map((a: { id: string; resident: boolean }) => ({ id: a.id, resident: a.resident })),
      r.seats,
      r.seed,
    )
    expect(again.order).toEqual(r.order)
    expect(again.admitted).toEqual(r.admitted)
    expect(r.applications.find((a: { id: string }) => a.id === 'ype-seed-zhang-zh').resident).toBe(false)
    expect(r.order[r.order.length - 1]).toBe('ype-seed-zhang-zh')
    expect(r.applications.filter((a: { mine: boolean }) => a.mine).map((a: { id: string }) => a.id)).toEqual([
      mine.body.id,
    ])

    const status = (await c.call('GET', `/api/youth-palace/enrollments/${mine.body.id}`, { token: chen })).body
    if (r.admitted.includes(mine.body.id)) {
      expect(status).toMatchObject({ status: 'admitted', source: 'draw', confirmBy: '2026-03-10T09:00:00+08:00' })
    } else {
      expect(status).toMatchObject({ status: 'waitlisted', waitlistPosition: r.waitlist.indexOf(mine.body.id) + 1 })
    }
    const inbox = await c.call('GET', '/api/messages', { token: chen })
    expect(inbox.body.items[0].title).toMatch(/^青少年宫抽签：(中签|候补)$/)
    const go = (await c.call('GET', '/api/youth-palace/courses/ypc-go/lottery', { token: chen })).body
    expect(go).toMatchObject({ status: 'allAdmitted', order: [] })
    expect(verifyReveal(go.commitment, go.revealed)).toBe(true)
    expect((await c.call('GET', '/api/youth-palace/courses/ypc-drawing/lottery', { token: chen })).body.code).toBe(
      'NO_LOTTERY',
    )

    // nobody admitted confirmed in time: their offers lapse, the drawn waitlist moves up in order
    c.clock.advance(25 * HOUR)
    await c.call('GET', '/api/youth-palace/enrollments', { token: chen })
    const data = Object.fromEntries(
      (await c.backend.inspect('yp_enrollments', { courseId: 'ypc-pottery' })).map((e) => [e.id, e]),
    )
    expect(r.admitted.map((id: string) => data[id].status)).toEqual(['expired', 'expired', 'expired'])
    expect(r.waitlist.map((id: string) => [data[id].status, data[id].source])).toEqual([
      ['admitted', 'waitlist'],
      ['admitted', 'waitlist'],
      ['admitted', 'waitlist'],
    ])
  })

  it('before the draw each applicant receives the course commitment by message, as the server published it', async () => {
    const mine = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-pottery' },
    })
    expect(mine.body.status).toBe('pending')
    const published = (await c.call('GET', '/api/youth-palace/courses/ypc-pottery/lottery', { token: chen })).body
    const inbox = (await c.call('GET', '/api/messages', { token: chen })).body.items
    expect(inbox[0]).toMatchObject({
      title: '青少年宫抽签指纹',
      link: '/packages/youth-palace/pages/lottery/index?id=ypc-pottery',
    })
    expect(commitmentInMessage(inbox[0].body)).toBe(published.commitment)
    expect(inbox[0].body).toContain('陈悦报名的《陶艺小班》在报名截止后抽签')
    // A first-come course has no draw: no commitment message.
    const firstCome = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-calligraphy' },
    })
    expect(firstCome.status).toBe(200)
    const after = (await c.call('GET', '/api/messages', { token: chen })).body.items as { id: string; title: string }[]
    expect(after.filter((m) => m.title === '青少年宫抽签指纹').map((m) => m.id)).toEqual(
      inbox.filter((m: { title: string }) => m.title === '青少年宫抽签指纹').map((m: { id: string }) => m.id),
    )
  })

  async function smallCourse(): Promise<string> {
    const made = await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/courses`, {
      token: zhao,
      body: {
        name: '魔方',
        category: '益智',
        site: '总浦桥社区文化家园',
        teacher: '俞巧',
        ageMin: 6,
        ageMax: 12,
        capacity: 1,
        feeFen: 0,
        admission: 'firstCome',
        sessions: [{ weekday: 0, start: '16:00', end: '16:50' }],
      },
    })
    expect(made.status).toBe(200)
    return made.body.id
  }

  it('waitlist: FIFO position, a promotion confirmed before expiry, and an expiry that promotes the next', async () => {
    const course = await smallCourse()
    const liu = await c.login('u-liu')
    const zhou = await c.login('u-zhou')
    const qian = await c.login('u-qian')
    const seat = await c.call('POST', '/api/youth-palace/applications', {
      token: liu,
      body: { childId: 'ypk-liu-yn', courseId: course },
    })
    expect(seat.body.status).toBe('confirmed')
    const full = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: course },
    })
    expect(full).toMatchObject({ status: 409, body: { code: 'COURSE_FULL' } })
    const yue = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: course, joinWaitlist: true },
    })
    expect(yue.body).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 })
    c.clock.advance(60_000)
    const zx = await c.call('POST', '/api/youth-palace/applications', {
      token: zhou,
      body: { childId: 'ypk-zhou-zx', courseId: course, joinWaitlist: true },
    })
    expect(zx.body.waitlistPosition).toBe(2)
    c.clock.advance(60_000)
    const xy = await c.call('POST', '/api/youth-palace/applications', {
      token: qian,
      body: { childId: 'ypk-qian-xy', courseId: course, joinWaitlist: true },
    })
    expect(xy.body.waitlistPosition).toBe(3)
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${yue.body.id}/confirm`, { token: chen })).body.code,
    ).toBe('NOT_AN_OFFER')

    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${seat.body.id}/cancel`, { token: liu })).body,
    ).toMatchObject({ free: true, refund: false })
    const offered = (await c.call('GET', `/api/youth-palace/enrollments/${yue.body.id}`, { token: chen })).body
    expect(offered).toMatchObject({ status: 'admitted', source: 'waitlist', confirmBy: '2026-03-03T10:02:00+08:00' })
    expect((await c.call('GET', '/api/messages', { token: chen })).body.items[0]).toMatchObject({
      title: '候补到名额了',
    })
    expect(
      (await c.call('GET', `/api/youth-palace/enrollments/${zx.body.id}`, { token: zhou })).body.waitlistPosition,
    ).toBe(1)
    c.clock.advance(23 * HOUR)
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${yue.body.id}/confirm`, { token: chen })).body.status,
    ).toBe('confirmed')
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${yue.body.id}/confirm`, { token: chen })).body.code,
    ).toBe('ALREADY_CONFIRMED')

    await c.call('POST', `/api/youth-palace/enrollments/${yue.body.id}/cancel`, { token: chen })
    expect((await c.call('GET', `/api/youth-palace/enrollments/${zx.body.id}`, { token: zhou })).body.status).toBe(
      'admitted',
    )
    c.clock.advance(25 * HOUR)
    expect((await c.call('GET', `/api/youth-palace/enrollments/${zx.body.id}`, { token: zhou })).body.status).toBe(
      'expired',
    )
    const late = await c.call('POST', `/api/youth-palace/enrollments/${zx.body.id}/confirm`, { token: zhou })
    expect(late).toMatchObject({ status: 422, body: { code: 'OFFER_EXPIRED' } })
    expect(late.body.message).toContain('名额已释放，有候补的会顺延给下一位')
    expect((await c.call('GET', '/api/messages', { token: zhou })).body.items[0].title).toBe('青少年宫名额已过期')
    const next = (await c.call('GET', `/api/youth-palace/enrollments/${xy.body.id}`, { token: qian })).body
    expect(next).toMatchObject({ status: 'admitted', source: 'waitlist' })
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${xy.body.id}/decline`, { token: qian })).body.status,
    ).toBe('declined')
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${xy.body.id}/decline`, { token: qian })).body.code,
    ).toBe('NOT_AN_OFFER')
  })

  it('concurrent requests for the last seat of a first-come course: exactly one wins', async () => {
    const course = await smallCourse()
    const liu = await c.login('u-liu')
    const zhou = await c.login('u-zhou')
    const [a, b, d] = await Promise.all([
      c.call('POST', '/api/youth-palace/applications', {
        token: liu,
        body: { childId: 'ypk-liu-yn', courseId: course },
      }),
      c.call('POST', '/api/youth-palace/applications', {
        token: zhou,
        body: { childId: 'ypk-zhou-zx', courseId: course },
      }),
      c.call('POST', '/api/youth-palace/applications', { token: chen, body: { childId: YUE, courseId: course } }),
    ])
    const statuses = [a.status, b.status, d.status].sort()
    expect(statuses).toEqual([200, 409, 409])
    expect([a, b, d].filter((r) => r.status === 409).every((r) => r.body.code === 'COURSE_FULL')).toBe(true)
    const taken = await c.backend.inspect('yp_enrollments', { courseId: course })
    expect(taken).toHaveLength(1)
    expect((await c.call('GET', `/api/youth-palace/courses/${course}`, { token: chen })).body.seatsLeft).toBe(0)
  })
})
