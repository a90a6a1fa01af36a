import {
  cancelEnrollment,
  cancellationPolicy,
  checkAgeBand,
  checkApplication,
  checkCloseRegistration,
  checkCapacity,
  checkCourseLimit,
  checkNoOverlap,
  checkRegistrationWindow,
  closableFrom,
  confirmOffer,
  drawDue,
  expireOffers,
  feeFor,
  firstSessionStart,
  hasResidentPriority,
  promoteFromWaitlist,
  registrationPhase,
  sessionsOverlap,
  type Course,
  type Enrollment,
  type EnrollmentStatus,
  type RuleResult,
  type Term,
} from '@/domain/youth-palace/rules'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const code = (r: RuleResult) => (r.ok ? 'ok' : r.code)
const message = (r: RuleResult) => (r.ok ? '' : r.message)

// Spring 2026 at 总浦桥社区: the term starts Saturday 7 March; registration 20–28 February.
const term: Term = {
  id: 'T26S',
  name: '2026 春季班',
  startDate: '2026-03-07',
  endDate: '2026-06-27',
  opensAt: '2026-02-20',
  closesAt: '2026-02-28',
}
const course = (over: Partial<Course> = {}): Course => ({
  id: 'C-draw',
  termId: 'T26S',
  name: '少儿书法',
  category: '书画',
  site: '总浦桥社区活动中心',
  teacher: '沈墨林',
  description: '',
  ageMin: 6,
  ageMax: 9,
  capacity: 15,
  feeFen: 12001,
  admission: 'lottery',
  sessions: [{ weekday: 6, start: '09:00', end: '10:30' }],
  ...over,
})
const child = { id: 'K1', birthDate: '2019-05-01' }
let n = 0
const app = (courseId: string, status: EnrollmentStatus, over: Partial<Enrollment> = {}): Enrollment => ({
  id: `E${++n}`,
  childId: 'K1',
  courseId,
  status,
  ...over,
})

describe('age band on the term start date', () => {
  it('admits a child who turns 6 on the first day of term, refuses one who turns 6 the day after', () => {
    expect(code(checkAgeBand({ id: 'K', birthDate: '2020-03-07' }, course(), term))).toBe('ok')
    const r = checkAgeBand({ id: 'K', birthDate: '2020-03-08' }, course(), term)
    expect(code(r)).toBe('AGE_OUT_OF_BAND')
    expect(message(r)).toContain('仅限 6–9 岁')
    expect(message(r)).toContain('5 岁。可以看看适合 5 岁的课程')
  })

  it('admits a 9-year-old, refuses a child who turned 10 by the first day', () => {
    expect(code(checkAgeBand({ id: 'K', birthDate: '2016-03-08' }, course(), term))).toBe('ok')
    expect(code(checkAgeBand({ id: 'K', birthDate: '2016-03-07' }, course(), term))).toBe('AGE_OUT_OF_BAND')
  })
})

describe('at most 2 courses per child per term', () => {
  const go = course({ id: 'C-go', name: '围棋', sessions: [{ weekday: 0, start: '09:00', end: '10:00' }] })
  const dance = course({ id: 'C-dance', name: '拉丁舞', sessions: [{ weekday: 0, start: '14:00', end: '15:00' }] })
  const autumnGo = course({ id: 'C-go-autumn', termId: 'T26A', name: '围棋' })
  const courses = [go, dance, autumnGo]

  it('allows a 2nd course, refuses a 3rd, counting pending and waitlisted applications', () => {
    expect(code(checkCourseLimit(child, term, [app('C-go', 'pending')], courses))).toBe('ok')
    const r = checkCourseLimit(child, term, [app('C-go', 'pending'), app('C-dance', 'waitlisted')], courses)
    expect(code(r)).toBe('TOO_MANY_COURSES')
    expect(message(r)).toContain('《围棋》《拉丁舞》')
    expect(message(r)).toContain('先取消')
  })

  it('ignores cancelled, declined and expired applications, other terms and other children', () => {
    const list = [
      app('C-go', 'cancelled'),
      app('C-dance', 'declined'),
      app('C-go', 'expired'),
      app('C-go-autumn', 'confirmed'),
      app('C-dance', 'confirmed', { childId: 'K2' }),
      app('C-go', 'admitted'),
    ]
    expect(code(checkCourseLimit(child, term, list, courses))).toBe('ok')
  })
})

describe('no overlapping sessions for one child', () => {
  const held = course({ id: 'C-go', name: '围棋', sessions: [{ weekday: 6, start: '09:00', end: '10:30' }] })
  const at = (weekday: 0 | 6, start: string, end: string) =>
    course({ id: 'C-new', name: '创意美术', sessions: [{ weekday, start, end }] })

  it('refuses a session starting before the held one ends, even if still pending', () => {
    const r = checkNoOverlap(child, at(6, '10:00', '11:00'), term, [app('C-go', 'pending')], [held])
    expect(code(r)).toBe('SCHEDULE_CLASH')
    expect(message(r)).toContain('《围棋》（周六 09:00–10:30）')
  })

  it('allows back-to-back sessions (end == start) and other weekdays', () => {
    expect(code(checkNoOverlap(child, at(6, '10:30', '12:00'), term, [app('C-go', 'confirmed')], [held]))).toBe('ok')
    expect(code(checkNoOverlap(child, at(6, '08:00', '09:00'), term, [app('C-go', 'confirmed')], [held]))).toBe('ok')
    expect(code(checkNoOverlap(child, at(0, '09:00', '10:30'), term, [app('C-go', 'confirmed')], [held]))).toBe('ok')
  })

  it('ignores cancelled applications', () => {
    expect(code(checkNoOverlap(child, at(6, '09:00', '10:30'), term, [app('C-go', 'cancelled')], [held]))).toBe('ok')
  })

  it('treats containment as overlap and rejects malformed times', () => {
    expect(
      sessionsOverlap({ weekday: 6, start: '09:00', end: '12:00' }, { weekday: 6, start: '10:00', end: '10:30' }),
    ).toBe(true)
    expect(
      codeOf(() =>
        sessionsOverlap({ weekday: 6, start: '9:00', end: '10:00' }, { weekday: 6, start: '09:00', end: '10:00' }),
      ),
    ).toBe('INVALID_SCHEDULE')
  })
})

describe('capacity (first-come courses)', () => {
  const firstCome = course({ id: 'C-fc', admission: 'firstCome', capacity: 12 })
  const taken = (k: number) =>
    Array.from({ length: k }, (_, i) => app('C-fc', i % 2 ? 'admitted' : 'confirmed', { childId: `X${i}` }))

  it('gives away the last seat, then refuses with a pointer to the waitlist', () => {
    expect(code(checkCapacity(firstCome, taken(11)))).toBe('ok')
    const r = checkCapacity(firstCome, taken(12))
    expect(code(r)).toBe('COURSE_FULL')
    expect(message(r)).toContain('候补')
  })

  it('does not count waitlisted, cancelled or expired applications as seats', () => {
    expect(
      code(
        checkCapacity(firstCome, [
          ...taken(11),
          app('C-fc', 'waitlisted'),
          app('C-fc', 'cancelled'),
          app('C-fc', 'expired'),
        ]),
      ),
    ).toBe('ok')
  })

  it('never refuses a lottery course for being over-subscribed: everyone is drawn', () => {
    expect(
      code(
        checkCapacity(
          course(),
          Array.from({ length: 40 }, () => app('C-draw', 'pending')),
        ),
      ),
    ).toBe('ok')
  })
})

describe('registration window: residents from day 1, others from day 4 (Beijing dates)', () => {
  it('opens for residents at Beijing midnight of the first day', () => {
    expect(code(checkRegistrationWindow(term, '2026-02-19T23:59:00+08:00', true))).toBe('REGISTRATION_NOT_OPEN')
    expect(code(checkRegistrationWindow(term, '2026-02-20T00:00:00+08:00', true))).toBe('ok')
    expect(code(checkRegistrationWindow(term, Date.UTC(2026, 1, 19, 16, 0), true))).toBe('ok')
  })

  it('keeps non-residents out on day 3 and lets them in on day 4', () => {
    const day3 = checkRegistrationWindow(term, '2026-02-22T23:59:59+08:00', false)
    expect(code(day3)).toBe('RESIDENTS_ONLY_PERIOD')
    expect(message(day3)).toContain('2026年2月23日')
    expect(code(checkRegistrationWindow(term, '2026-02-23T00:00:00+08:00', false))).toBe('ok')
    expect(code(checkRegistrationWindow(term, '2026-02-22T16:00:00Z', false))).toBe('ok')
  })

  it('tells a non-resident before the window when they may start', () => {
    expect(message(checkRegistrationWindow(term, '2026-02-01T10:00:00+08:00', false))).toContain('2026年2月23日')
  })

  it('closes after the last day, inclusive', () => {
    expect(code(checkRegistrationWindow(term, '2026-02-28T23:59:59+08:00', false))).toBe('ok')
    expect(code(checkRegistrationWindow(term, '2026-03-01T00:00:00+08:00', true))).toBe('REGISTRATION_CLOSED')
  })

  it('after the window refuses with a message that offers no waitlist (a waitlist join is refused too)', () => {
    const closed = checkRegistrationWindow(term, '2026-03-01T08:00:00+08:00', true)
    expect(message(closed)).toBe(
      '2026 春季班报名已于 2026年2月28日（周六） 截止，不再接受新的报名，也不能再加入候补。可以关注下学期的报名通知',
    )
    const full = course({ id: 'C-fc', admission: 'firstCome', capacity: 1 })
    const taken: Enrollment[] = [{ id: 'E-taken', childId: 'K9', courseId: 'C-fc', status: 'confirmed' }]
    const verdict = checkApplication({
      child,
      course: full,
      term,
      now: '2026-03-01T08:00:00+08:00',
      resident: true,
      noShowsLastTerm: 0,
      childEnrollments: [],
      childCourses: [],
      courseEnrollments: taken,
    })
    expect(code(verdict)).toBe('REGISTRATION_CLOSED')
  })

  it('says so when a short window never opens to non-residents', () => {
    const short = { ...term, closesAt: '2026-02-22' }
    expect(message(checkRegistrationWindow(short, '2026-02-21T10:00:00+08:00', false))).toContain('只对本社区居民开放')
  })

  it('rejects an instant without a time zone', () => {
    expect(codeOf(() => checkRegistrationWindow(term, '2026-02-21T10:00:00', true))).toBe('INVALID_DATE')
  })
})

describe('registration phase for display: the worker-set status, then the Beijing date', () => {
  const open = { ...term, status: 'open' as const }
  it('an open term is upcoming before its first day, open through its last day, ended after it', () => {
    expect(registrationPhase(open, '2026-02-19T23:59:59+08:00')).toBe('upcoming')
    expect(registrationPhase(open, '2026-02-20T00:00:00+08:00')).toBe('open')
    expect(registrationPhase(open, '2026-02-28T23:59:59+08:00')).toBe('open')
    expect(registrationPhase(open, '2026-03-01T00:00:00+08:00')).toBe('ended')
    expect(registrationPhase(open, Date.UTC(2026, 1, 28, 16, 0))).toBe('ended')
  })

  it('agrees with the window rule: ended exactly when applications are refused as closed', () => {
    for (const day of ['2026-02-27', '2026-02-28', '2026-03-01', '2026-03-02']) {
      const now = `${day}T12:00:00+08:00`
      expect(registrationPhase(open, now) === 'ended').toBe(
        code(checkRegistrationWindow(term, now, true)) === 'REGISTRATION_CLOSED',
      )
    }
  })

  it('draft, closed and drawn terms keep their status whatever the date', () => {
    for (const status of ['draft', 'closed', 'drawn'] as const) {
      expect(registrationPhase({ ...term, status }, '2026-02-25T12:00:00+08:00')).toBe(status)
      expect(registrationPhase({ ...term, status }, '2026-03-05T12:00:00+08:00')).toBe(status)
    }
  })

  it('rejects an instant without a time zone', () => {
    expect(codeOf(() => registrationPhase(open, '2026-02-25T10:00:00'))).toBe('INVALID_DATE')
  })
})

describe('no-shows and resident priority', () => {
  it('keeps priority after 2 no-shows, loses it after 3', () => {
    expect(hasResidentPriority(0)).toBe(true)
    expect(hasResidentPriority(2)).toBe(true)
    expect(hasResidentPriority(3)).toBe(false)
    expect(codeOf(() => hasResidentPriority(-1))).toBe('INVALID_COUNT')
  })

  it('a resident with 3 no-shows last term waits for day 4 like everyone else', () => {
    const base = {
      child,
      course: course(),
      term,
      now: '2026-02-20T09:00:00+08:00',
      resident: true,
      childEnrollments: [],
      childCourses: [],
      courseEnrollments: [],
    }
    expect(code(checkApplication({ ...base, noShowsLastTerm: 2 }))).toBe('ok')
    expect(code(checkApplication({ ...base, noShowsLastTerm: 3 }))).toBe('RESIDENTS_ONLY_PERIOD')
  })
})

describe('fee', () => {
  it('halves the fee for hardship families, rounding half a fen up', () => {
    expect(feeFor(course({ feeFen: 12001 }), { hardship: true })).toBe(6001)
    expect(feeFor(course({ feeFen: 12000 }), { hardship: true })).toBe(6000)
    expect(feeFor(course({ feeFen: 1 }), { hardship: true })).toBe(1)
    expect(feeFor(course({ feeFen: 0 }), { hardship: true })).toBe(0)
    expect(feeFor(course({ feeFen: 12001 }), { hardship: false })).toBe(12001)
  })

  it('refuses a fee that is not whole fen', () => {
    expect(codeOf(() => feeFor({ feeFen: 10.5 }, { hardship: false }))).toBe('INVALID_FEE')
  })
})

describe('checkApplication', () => {
  const base = {
    child,
    course: course(),
    term,
    now: '2026-02-24T09:00:00+08:00',
    resident: false,
    noShowsLastTerm: 0,
    childEnrollments: [],
    childCourses: [],
    courseEnrollments: [],
  }

  it('accepts a valid application', () => {
    expect(checkApplication(base)).toEqual({ ok: true })
  })

  it('reports a reason waiting cannot fix (age) before one it can (window)', () => {
    const r = checkApplication({
      ...base,
      child: { id: 'K1', birthDate: '2022-01-01' },
      now: '2026-02-01T09:00:00+08:00',
    })
    expect(code(r)).toBe('AGE_OUT_OF_BAND')
  })

  it('refuses applying twice to the same course', () => {
    expect(
      code(checkApplication({ ...base, childEnrollments: [app('C-draw', 'pending')], childCourses: [course()] })),
    ).toBe('ALREADY_APPLIED')
  })

  it('refuses the last-seat-plus-one of a first-come course', () => {
    const fc = course({ id: 'C-fc', admission: 'firstCome', capacity: 1 })
    expect(
      code(checkApplication({ ...base, course: fc, courseEnrollments: [app('C-fc', 'confirmed', { childId: 'K9' })] })),
    ).toBe('COURSE_FULL')
  })

  it('throws when the course belongs to another term', () => {
    expect(codeOf(() => checkApplication({ ...base, course: course({ termId: 'T26A' }) }))).toBe('COURSE_NOT_IN_TERM')
  })
})

describe('firstSessionStart', () => {
  it('is the first scheduled weekday on or after the term start, at its earliest time (Beijing)', () => {
    const twice = course({
      sessions: [
        { weekday: 0, start: '14:00', end: '15:00' },
        { weekday: 6, start: '10:00', end: '11:00' },
        { weekday: 6, start: '09:00', end: '09:45' },
      ],
    })
    expect(firstSessionStart(twice, term)).toBe('2026-03-07T09:00:00+08:00')
    expect(firstSessionStart(course({ sessions: [{ weekday: 0, start: '14:00', end: '15:00' }] }), term)).toBe(
      '2026-03-08T14:00:00+08:00',
    )
    expect(firstSessionStart(course({ sessions: [{ weekday: 3, start: '16:30', end: '17:30' }] }), term)).toBe(
      '2026-03-11T16:30:00+08:00',
    )
  })

  it('throws NO_SESSIONS when nothing is scheduled within the term', () => {
    expect(codeOf(() => firstSessionStart(course({ sessions: [] }), term))).toBe('NO_SESSIONS')
    const oneDay = { ...term, endDate: '2026-03-07' }
    expect(
      codeOf(() => firstSessionStart(course({ sessions: [{ weekday: 0, start: '09:00', end: '10:00' }] }), oneDay)),
    ).toBe('NO_SESSIONS')
  })
})

describe('cancellation: free until 24 h before the first session (Sat 7 March 09:00)', () => {
  it('is free exactly 24 h before, not one minute later, whatever the offset of now', () => {
    expect(cancellationPolicy(course(), term, '2026-03-06T09:00:00+08:00')).toEqual({
      free: true,
      cutoff: '2026-03-06T09:00:00+08:00',
      firstSession: '2026-03-07T09:00:00+08:00',
    })
    expect(cancellationPolicy(course(), term, '2026-03-06T01:00:00Z').free).toBe(true)
    expect(cancellationPolicy(course(), term, '2026-03-06T09:01:00+08:00').free).toBe(false)
  })

  it('refunds a paid place cancelled in time, and records no no-show', () => {
    const r = cancelEnrollment(app('C-draw', 'confirmed'), course(), term, '2026-03-06T09:00:00+08:00')
    expect(r).toMatchObject({ free: true, refund: true, enrollment: { status: 'cancelled', noShow: false } })
    expect(r.message).toContain('退回')
  })

  it('counts a late cancellation of a seat as a no-show and says so', () => {
    const r = cancelEnrollment(app('C-draw', 'confirmed'), course(), term, '2026-03-06T09:01:00+08:00')
    expect(r).toMatchObject({ free: false, refund: false, enrollment: { status: 'cancelled', noShow: true } })
    expect(r.message).toContain('2026年3月6日（周五） 09:00')
    expect(r.message).toContain('未到课')
  })

  it('does not count a late cancellation from the waitlist as a no-show', () => {
    expect(
      cancelEnrollment(app('C-draw', 'waitlisted'), course(), term, '2026-03-07T08:00:00+08:00').enrollment.noShow,
    ).toBe(false)
  })

  it('refuses to cancel what is already over', () => {
    expect(codeOf(() => cancelEnrollment(app('C-draw', 'expired'), course(), term, '2026-03-01T08:00:00+08:00'))).toBe(
      'NOT_CANCELLABLE',
    )
  })
})

describe('FIFO waitlist with a 24-hour confirmation window', () => {
  const two = course({ capacity: 2 })
  const list = (): Enrollment[] => [
    app('C-draw', 'confirmed', { id: 'seat' }),
    app('C-draw', 'cancelled', { id: 'gone' }),
    app('C-draw', 'waitlisted', { id: 'late', queuedAt: '2026-03-01T10:00:00+08:00' }),
    app('C-draw', 'waitlisted', { id: 'drawn-2', queuedAt: '2026-03-01T09:00:00+08:00', queueRank: 1 }),
    app('C-draw', 'waitlisted', { id: 'drawn-1', queuedAt: '2026-03-01T09:00:00+08:00', queueRank: 0 }),
    app('C-other', 'waitlisted', { id: 'elsewhere', queuedAt: '2026-02-01T09:00:00+08:00' }),
  ]

  it('offers the freed seat to the earliest waitlisted family, with 24 h to confirm', () => {
    const before = list()
    const step = promoteFromWaitlist(two, before, '2026-03-02T08:30:00Z')
    expect(step.promoted.map((e) => e.id)).toEqual(['drawn-1'])
    expect(step.promoted[0]).toMatchObject({ status: 'admitted', confirmBy: '2026-03-03T16:30:00+08:00' })
    expect(step.enrollments.find((e) => e.id === 'drawn-1')?.status).toBe('admitted')
    expect(before.find((e) => e.id === 'drawn-1')?.status).toBe('waitlisted')
  })

  it('promotes no one when every seat is taken', () => {
    expect(promoteFromWaitlist(course({ capacity: 1 }), list(), '2026-03-02T08:30:00+08:00').promoted).toEqual([])
  })

  it('keeps an offer open until its deadline and expires it one minute after, promoting the next', () => {
    const offered = promoteFromWaitlist(two, list(), '2026-03-02T10:00:00+08:00').enrollments
    expect(expireOffers(two, offered, '2026-03-03T10:00:00+08:00')).toMatchObject({ expired: [], promoted: [] })
    const step = expireOffers(two, offered, '2026-03-03T10:01:00+08:00')
    expect(step.expired.map((e) => [e.id, e.status])).toEqual([['drawn-1', 'expired']])
    expect(step.promoted.map((e) => [e.id, e.confirmBy])).toEqual([['drawn-2', '2026-03-04T10:01:00+08:00']])
  })

  it('never expires a place admitted by the draw (no deadline)', () => {
    const admitted = [
      app('C-draw', 'admitted', { id: 'won' }),
      app('C-draw', 'waitlisted', { id: 'w', queuedAt: '2026-03-01T09:00:00+08:00' }),
    ]
    expect(expireOffers(course({ capacity: 1 }), admitted, '2027-01-01T00:00:00+08:00')).toMatchObject({
      expired: [],
      promoted: [],
    })
  })

  it('confirms an offer up to its deadline, refuses one minute later', () => {
    const offer = app('C-draw', 'admitted', { confirmBy: '2026-03-03T10:00:00+08:00' })
    const ok = confirmOffer(offer, '2026-03-03T10:00:00+08:00')
    expect(ok.ok && ok.enrollment.status).toBe('confirmed')
    const late = confirmOffer(offer, '2026-03-03T10:01:00+08:00')
    expect(late.ok ? 'ok' : late.code).toBe('OFFER_EXPIRED')
    expect(late.ok ? '' : late.message).toContain('2026年3月3日（周二） 10:00')
    const none = confirmOffer(app('C-draw', 'waitlisted'), '2026-03-03T09:00:00+08:00')
    expect(none.ok ? 'ok' : none.code).toBe('NOT_AN_OFFER')
  })
})

describe('closing registration and the draw falling due (worker)', () => {
  const open = { ...term, status: 'open' as const }
  it('registration may be closed from the day after closesAt, Beijing time, refused before in words', () => {
    expect(closableFrom(term)).toBe('2026-03-01')
    const early = checkCloseRegistration(term, '2026-02-28T23:59:59+08:00')
    expect(code(early)).toBe('WINDOW_NOT_ENDED')
    expect(message(early)).toBe(
      '报名到 2026年2月28日（周六） 当天结束，2026年3月1日（周日） 起才能关闭报名并抽签，以免影响还在报名的家庭',
    )
    expect(code(checkCloseRegistration(term, '2026-03-01T00:00:00+08:00'))).toBe('ok')
    // 16:00 UTC on 28 Feb is already 1 March in Beijing.
    expect(code(checkCloseRegistration(term, Date.UTC(2026, 1, 28, 16, 0)))).toBe('ok')
  })

  it('the draw is due once the window is over, more so once classes begin; never without lottery courses or once drawn', () => {
    expect(drawDue(open, 2, '2026-02-28T12:00:00+08:00')).toBeNull()
    expect(drawDue(open, 2, '2026-03-01T08:00:00+08:00')).toBe('ended')
    expect(drawDue({ ...term, status: 'closed' }, 2, '2026-03-06T23:00:00+08:00')).toBe('ended')
    expect(drawDue({ ...term, status: 'closed' }, 2, '2026-03-07T08:00:00+08:00')).toBe('started')
    expect(drawDue(open, 0, '2026-03-07T08:00:00+08:00')).toBeNull()
    for (const status of ['draft', 'drawn'] as const)
      expect(drawDue({ ...term, status }, 2, '2026-03-07T08:00:00+08:00')).toBeNull()
  })
})
