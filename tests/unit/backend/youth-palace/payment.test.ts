/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const LE = 'ypk-chen-le'
const YUE = 'ypk-chen-yue'
const TERM = 'ypt-zpq-2026-spring'
const at = (local: string) => Date.parse(`${local}:00+08:00`)

describe.each(TRANSPORTS)('youth palace: paying, cancelling, attendance and the worker side (%s)', (_name, make) => {
  let c: Client
  let chen: string
  let zhao: string
  const apply = (childId: string, courseId: string, token = chen) =>
    c.call('POST', '/api/youth-palace/applications', { token, body: { childId, courseId } })
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    zhao = await c.login('u-zhao')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it('paid course: pay → confirm → free cancellation refunds', async () => {
    const e = (await apply(LE, 'ypc-drawing')).body
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e.id}/confirm`, { token: chen })).body.code).toBe(
      'PAYMENT_REQUIRED',
    )
    expect(
      (await c.call('GET', `/api/youth-palace/enrollments/${e.id}/checkin-codes`, { token: chen })).body.code,
    ).toBe('NOT_CONFIRMED')
    const params = (await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })).body
    expect(params).toMatchObject({
      amountFen: 8000,
      signType: 'RSA',
      package: expect.stringMatching(/^prepay_id=/),
      paySign: expect.any(String),
      nonceStr: expect.any(String),
      timeStamp: expect.any(String),
    })
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })).body.paymentId).toBe(
      params.paymentId,
    )
    expect(
      (
        await c.call('POST', `/api/youth-palace/enrollments/${e.id}/confirm-payment`, {
          token: chen,
          body: { paymentId: 'pay_nope' },
        })
      ).status,
    ).toBe(404)
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${e.id}/confirm-payment`, { token: chen, body: {} })).status,
    ).toBe(400)
    const confirmed = await c.call('POST', `/api/youth-palace/enrollments/${e.id}/confirm-payment`, {
      token: chen,
      body: { paymentId: params.paymentId },
    })
    expect(confirmed.body).toMatchObject({ status: 'confirmed', payment: { status: 'paid', amountFen: 8000 } })
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })).body.code).toBe(
      'ALREADY_CONFIRMED',
    )
    expect(
      (
        await c.call('POST', `/api/youth-palace/enrollments/${e.id}/confirm-payment`, {
          token: chen,
          body: { paymentId: params.paymentId },
        })
      ).status,
    ).toBe(409)
    const codes = (await c.call('GET', `/api/youth-palace/enrollments/${e.id}/checkin-codes`, { token: chen })).body
    // Saturdays 28 March – 11 July, less 清明 (4 April), 劳动节 (2 May) and 端午 (20 June): no class on a public holiday.
    expect(codes).toHaveLength(13)
    for (const holiday of ['2026-04-04', '2026-05-02', '2026-06-20'])
      expect(codes.some((x: { sessionDate: string }) => x.sessionDate === holiday)).toBe(false)
    expect(codes[0]).toMatchObject({ sessionDate: '2026-03-28', start: '09:00', end: '10:30', attendance: null })
    expect(codes[0].code).toMatch(new RegExp(`^MCYP:${e.id}:2026-03-28:[0-9a-f]{8}$`))
    const cancel = await c.call('POST', `/api/youth-palace/enrollments/${e.id}/cancel`, { token: chen })
    expect(cancel.body).toMatchObject({
      free: true,
      refund: true,
      refundedFen: 8000,
      message: '已取消《创意绘画》，费用将原路退回',
      enrollment: { status: 'cancelled', noShow: false },
    })
    // The refund is asked of (the demo's mock) WeChat Pay after the cancel commits: 退款中, then refunded.
    expect(cancel.body.enrollment.payment).toMatchObject({ status: 'refunding' })
    expect(
      (await c.call('GET', `/api/youth-palace/enrollments/${e.id}/payment`, { token: chen })).body.payment,
    ).toMatchObject({ status: 'refunded', refundId: expect.any(String), refundedAt: expect.any(String) })
    expect((await c.call('GET', '/api/messages', { token: chen })).body.items[0].title).toBe('青少年宫课程费用已退回')
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e.id}/cancel`, { token: chen })).body.code).toBe(
      'NOT_CANCELLABLE',
    )
  })

  it('free courses cannot be paid; a paid offer that lapsed cannot be paid', async () => {
    const free = (await apply(LE, 'ypc-host')).body
    expect(free.status).toBe('confirmed')
    expect((await c.call('POST', `/api/youth-palace/enrollments/${free.id}/pay`, { token: chen })).body.code).toBe(
      'ALREADY_CONFIRMED',
    )
    const go = (await apply(YUE, 'ypc-taekwondo')).body
    c.clock.advance(25 * 3600_000)
    const lapsed = await c.call('POST', `/api/youth-palace/enrollments/${go.id}/pay`, { token: chen })
    expect(lapsed).toMatchObject({ status: 422, body: { code: 'OFFER_EXPIRED' } })
  })

  it('a cancellation after the 24-hour cut-off counts as a no-show and refunds nothing', async () => {
    const e = (await apply(LE, 'ypc-chinese-dance')).body
    c.clock.set(at('2026-03-28T10:00')) // first session 2026-03-29 09:00, cut-off 03-28 09:00
    const r = await c.call('POST', `/api/youth-palace/enrollments/${e.id}/cancel`, { token: chen })
    expect(r.body).toMatchObject({ free: false, refund: false, enrollment: { status: 'cancelled', noShow: true } })
    expect(r.body.message).toContain('记 1 次未到课')
    const noShows = await c.backend.inspect('yp_no_shows', { parentId: 'u-chen' })
    expect(noShows).toMatchObject([{ reason: 'late-cancel', termId: TERM, enrollmentId: e.id }])
  })

  it('attendance: scanned codes are present, children ticked absent are counted as no-shows', async () => {
    const liu = await c.login('u-liu')
    const mine = (await apply(YUE, 'ypc-calligraphy')).body
    const theirs = (await apply('ypk-liu-yn', 'ypc-calligraphy', liu)).body
    const code = (await c.call('GET', `/api/youth-palace/enrollments/${mine.id}/checkin-codes`, { token: chen }))
      .body[0].code
    const take = (body: unknown, token = zhao) =>
      c.call('POST', '/api/worker/youth-palace/courses/ypc-calligraphy/attendance', { token, body })
    expect((await take({ sessionDate: '2026-03-28', codes: [code] })).body.code).toBe('SESSION_NOT_STARTED')
    c.clock.set(at('2026-03-28T09:20'))
    expect((await take({ sessionDate: '2026-03-29', codes: [code] })).body.code).toBe('NOT_A_SESSION_DATE')
    const forged = await take({
      sessionDate: '2026-03-28',
      codes: [code.slice(0, -1) + (code.endsWith('0') ? '1' : '0')],
    })
    expect(forged.body).toMatchObject({ code: 'INVALID_CHECKIN_CODE', message: expect.stringContaining('刷新') })
    // Another day's code of the same child, another course's code, not a code: refused in words.
    const [, id, , hex] = code.split(':')
    const otherDay = await take({ sessionDate: '2026-03-28', codes: [`MCYP:${id}:2026-04-04:${hex}`] })
    expect(otherDay.body.message).toContain('2026年4月4日（周六） 那次课的签到码')
    const otherCourse = await take({ sessionDate: '2026-03-28', codes: [`MCYP:ype-elsewhere:2026-03-28:${hex}`] })
    expect(otherCourse.body.message).toContain('别的课程')
    expect((await take({ sessionDate: '2026-03-28', codes: ['hello'] })).body.message).toContain('不是青少年宫的签到码')
    expect((await take({ sessionDate: '2026-03-28', presentEnrollmentIds: ['nobody'] })).body.code).toBe(
      'NOT_ON_ROSTER',
    )
    expect((await take({ sessionDate: '2026-03-28', codes: [code] }, await c.login('u-sun'))).status).toBe(403)
    expect((await take({ sessionDate: '28/03' })).status).toBe(400)
    expect((await take({ sessionDate: '2026-03-28', codes: [code] })).body.code).toBe('UNMARKED')
    const done = await take({ sessionDate: '2026-03-28', codes: [code], absentEnrollmentIds: [theirs.id] })
    expect(done.body).toEqual({
      courseId: 'ypc-calligraphy',
      sessionDate: '2026-03-28',
      present: [mine.id],
      absent: [theirs.id],
      onLeave: [],
      corrected: [],
    })
    expect(await c.backend.inspect('yp_no_shows', { parentId: 'u-liu' })).toMatchObject([
      { reason: 'absent', sessionDate: '2026-03-28' },
    ])
    expect((await c.call('GET', '/api/messages', { token: liu })).body.items[0].title).toBe('青少年宫课程未到课')
    const roster = (await c.call('GET', '/api/worker/youth-palace/courses/ypc-calligraphy/roster', { token: zhao }))
      .body
    expect(roster).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          enrollmentId: theirs.id,
          childName: '刘一诺',
          parentName: '刘伟',
          attendance: { '2026-03-28': 'absent' },
          markedOn: { '2026-03-28': '2026-03-28' },
        }),
      ]),
    )
    expect(
      (await c.call('GET', `/api/youth-palace/enrollments/${mine.id}/checkin-codes`, { token: chen })).body[0]
        .attendance,
    ).toBe('present')
  })

  it('worker: create a term and courses, open (commitments published), refusals for bad input and other communities', async () => {
    const body = {
      name: '2026年暑期学期',
      startDate: '2026-07-04',
      endDate: '2026-08-23',
      opensAt: '2026-06-01',
      closesAt: '2026-06-10',
    }
    expect((await c.call('POST', '/api/worker/youth-palace/terms', { token: chen, body })).status).toBe(403)
    expect(
      (
        await c.call('POST', '/api/worker/youth-palace/terms', {
          token: zhao,
          body: { ...body, closesAt: '2026-07-10' },
        })
      ).body.code,
    ).toBe('INVALID_TERM_DATES')
    expect(
      (await c.call('POST', '/api/worker/youth-palace/terms', { token: zhao, body: { ...body, startDate: 'soon' } }))
        .status,
    ).toBe(400)
    const term = (await c.call('POST', '/api/worker/youth-palace/terms', { token: zhao, body })).body
    expect(term.status).toBe('draft')
    expect((await c.call('GET', `/api/youth-palace/terms/${term.id}/courses`, { token: chen })).status).toBe(404)
    expect(
      (await c.call('GET', '/api/youth-palace/terms', { token: chen })).body.map((t: { id: string }) => t.id),
    ).not.toContain(term.id)
    const course = {
      name: '篮球',
      category: '体育',
      site: '招宝山街道青少年宫分校',
      teacher: '王跃',
      ageMin: 8,
      ageMax: 14,
      capacity: 18,
      feeFen: 0,
      admission: 'lottery',
      sessions: [{ weekday: 6, start: '09:00', end: '10:30' }],
    }
    expect(
      (
        await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/courses`, {
          token: zhao,
          body: { ...course, ageMin: 12, ageMax: 9 },
        })
      ).body.code,
    ).toBe('INVALID_AGE_BAND')
    expect(
      (
        await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/courses`, {
          token: zhao,
          body: { ...course, capacity: 0 },
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/courses`, {
          token: zhao,
          body: { ...course, sessions: [{ weekday: 6, start: '10:00', end: '09:00' }] },
        })
      ).body.code,
    ).toBe('INVALID_SCHEDULE')
    const sun = await c.login('u-sun')
    expect(
      (await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/courses`, { token: sun, body: course })).status,
    ).toBe(403)
    const made = (
      await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/courses`, { token: zhao, body: course })
    ).body
    expect(made).toMatchObject({ name: '篮球', commitment: null, seatsLeft: 18 })
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/close`, { token: zhao })).body.code).toBe(
      'TERM_NOT_OPEN',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/open`, { token: sun })).status).toBe(403)
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/open`, { token: zhao })).body.status).toBe(
      'open',
    )
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${term.id}/open`, { token: zhao })).body.code).toBe(
      'TERM_NOT_DRAFT',
    )
    const lottery = (await c.call('GET', `/api/youth-palace/courses/${made.id}/lottery`, { token: chen })).body
    expect(lottery).toMatchObject({ status: 'committed', revealed: null })
    expect(lottery.commitment).toMatch(/^[0-9a-f]{64}$/)
    const early = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: made.id },
    })
    expect(early.body.code).toBe('REGISTRATION_NOT_OPEN')
    const terms = (await c.call('GET', '/api/worker/youth-palace/terms', { token: zhao })).body
    expect(terms.find((t: { id: string }) => t.id === term.id)).toMatchObject({ courseCount: 1 })
    expect((await c.call('GET', '/api/worker/youth-palace/terms', { token: sun })).body).toEqual([])
    expect((await c.call('GET', '/api/worker/youth-palace/courses/nope/roster', { token: zhao })).status).toBe(404)
    expect((await c.call('GET', '/api/worker/youth-palace/courses/ypc-go/roster', { token: sun })).status).toBe(403)
    c.clock.set(at('2026-03-09T09:00'))
    await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })
    expect(
      (await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/courses`, { token: zhao, body: course })).body.code,
    ).toBe('TERM_CLOSED')
  })
})
