/**
 * Doorstep youth palace (家门口青少年宫) booking rules, as pure functions (domain.md §2 PRODUCT).
 * Each check returns `RuleResult`: `{ ok: true }` or `{ ok: false, code, message }` where the message says
 * in plain Chinese why and what to do next. `checkApplication` runs them all and returns the first refusal.
 * Waitlist, cancellation and first-session rules live in youthPalaceWaitlist.ts and are re-exported here.
 */
import { DomainError } from '../shared/errors'
import { ageOn } from '../shared/residentId'
import { addDays, beijingDate, formatDateCn } from '../shared/time'
import {
  DEFAULT_YOUTH_SETTINGS,
  OK,
  PLACE_HOLDING,
  SEAT_HOLDING,
  minutesOf,
  refuse,
  sessionCn,
  toMs,
  type Child,
  type Course,
  type Enrollment,
  type Instant,
  type RegistrationPhase,
  type RuleResult,
  type Term,
  type TermStatus,
  type WeeklySession,
  type YouthPalaceSettings,
} from './types'

export * from './types'
export * from './waitlist'

const holdsPlace = (e: Enrollment) => PLACE_HOLDING.includes(e.status)

/**
 * Age band: the child's age in full years on the term's start date must be within
 * [course.ageMin, course.ageMax] (inclusive). Refusal `AGE_OUT_OF_BAND`.
 * @throws DomainError `INVALID_DATE` for a malformed birth or start date
 * Source: domain.md §2 PRODUCT (each course has an age band).
 */
export function checkAgeBand(child: Child, course: Course, term: Term): RuleResult {
  const age = ageOn(child.birthDate, term.startDate)
  if (age >= course.ageMin && age <= course.ageMax) return OK
  return refuse(
    'AGE_OUT_OF_BAND',
    `该课程仅限 ${course.ageMin}–${course.ageMax} 岁，您的孩子在开课日 ${formatDateCn(term.startDate)} 是 ${Math.max(age, 0)} 岁。` +
      `可以看看适合 ${Math.max(age, 0)} 岁的课程`,
  )
}

/**
 * One application per child per course: refused (`ALREADY_APPLIED`) while an earlier application to the
 * same course still holds a place (pending, admitted, waitlisted or confirmed).
 * @param childEnrollments the child's applications (at least those of the course's term; others' are ignored)
 * Source: domain.md §2 PRODUCT.
 */
function checkNotAlreadyApplied(child: Child, course: Course, childEnrollments: Enrollment[]): RuleResult {
  const earlier = childEnrollments.find((e) => e.childId === child.id && e.courseId === course.id && holdsPlace(e))
  if (!earlier) return OK
  return refuse('ALREADY_APPLIED', `孩子已报名《${course.name}》，无需重复报名。可以在“我的报名”里查看进度`)
}

/** The child's place-holding enrollments in courses of `termId` (courses looked up in `courses`; others ignored). */
function heldInTerm(
  childId: string,
  termId: string,
  enrollments: Enrollment[],
  courses: Course[],
): { e: Enrollment; c: Course }[] {
  const byId = new Map(courses.map((c) => [c.id, c]))
  return enrollments
    .filter((e) => e.childId === childId && holdsPlace(e))
    .map((e) => ({ e, c: byId.get(e.courseId) }))
    .filter((x): x is { e: Enrollment; c: Course } => x.c !== undefined && x.c.termId === termId)
}

/**
 * At most `maxCoursesPerTerm` (default 2) courses per child per term, counting every application that
 * holds a place (pending, admitted, waitlisted, confirmed). Refusal `TOO_MANY_COURSES`.
 * @param childEnrollments the child's applications in the term (other children's, other terms' and
 *   finished ones are ignored)
 * @param courses the courses those applications are for (applications to a course not given are ignored)
 * Source: domain.md §2 PRODUCT ("Max 2 courses per child per term").
 */
export function checkCourseLimit(
  child: Child,
  term: Term,
  childEnrollments: Enrollment[],
  courses: Course[],
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): RuleResult {
  const held = heldInTerm(child.id, term.id, childEnrollments, courses)
  if (held.length < settings.maxCoursesPerTerm) return OK
  const names = held.map((x) => `《${x.c.name}》`).join('')
  return refuse(
    'TOO_MANY_COURSES',
    `每个孩子每学期最多报 ${settings.maxCoursesPerTerm} 门课，已报${names}（含待抽签和候补）。如想换课，请先取消其中一门再报名`,
  )
}

/** Whether two weekly sessions overlap: same weekday and time ranges intersect (end == start is fine). */
export function sessionsOverlap(a: WeeklySession, b: WeeklySession): boolean {
  return a.weekday === b.weekday && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)
}

/**
 * No two courses of one child overlap in time in the same term (same weekday, intersecting times;
 * back-to-back sessions are fine), counting every place-holding application. Refusal `SCHEDULE_CLASH`.
 * @param childEnrollments the child's applications in the term, `courses` the courses they are for (as
 *   `checkCourseLimit`)
 * @throws DomainError `INVALID_SCHEDULE` for a session time not in `HH:mm` form
 * Source: domain.md §2 PRODUCT ("no two courses for the same child overlapping in time").
 */
export function checkNoOverlap(
  child: Child,
  course: Course,
  term: Term,
  childEnrollments: Enrollment[],
  courses: Course[],
): RuleResult {
  for (const { c } of heldInTerm(child.id, term.id, childEnrollments, courses)) {
    if (c.id === course.id) continue
    for (const mine of course.sessions) {
      const clash = c.sessions.find((s) => sessionsOverlap(mine, s))
      if (clash) {
        return refuse(
          'SCHEDULE_CLASH',
          `《${course.name}》（${sessionCn(mine)}）与已报名的《${c.name}》（${sessionCn(clash)}）时间冲突。请选择其他时段的课程`,
        )
      }
    }
  }
  return OK
}

/**
 * Seats (first-come courses only): refused (`COURSE_FULL`) when admitted + confirmed applications
 * already fill `capacity`. Lottery courses are never full during registration: everyone is drawn.
 * @param courseEnrollments the course's applications (at least those holding a seat; other courses'
 *   and other statuses are ignored)
 * Source: domain.md §2 PRODUCT ("others first-come"; capacity per course).
 */
export function checkCapacity(course: Course, courseEnrollments: Enrollment[]): RuleResult {
  if (course.admission === 'lottery') return OK
  const taken = courseEnrollments.filter((e) => e.courseId === course.id && SEAT_HOLDING.includes(e.status)).length
  if (taken < course.capacity) return OK
  return refuse(
    'COURSE_FULL',
    `《${course.name}》的 ${course.capacity} 个名额已满。可以加入候补，有人退出时按报名先后通知您`,
  )
}

/**
 * Priority (early window, resident rank in draws) is kept unless the family had `noShowLimit`
 * (default 3) or more no-shows last term.
 * @param noShowsLastTerm whole number ≥ 0 @throws DomainError `INVALID_COUNT` otherwise
 * Source: domain.md §2 PRODUCT ("3 no-shows in a term → no priority window next term").
 */
export function hasResidentPriority(
  noShowsLastTerm: number,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): boolean {
  if (!Number.isInteger(noShowsLastTerm) || noShowsLastTerm < 0) {
    throw new DomainError('INVALID_COUNT', `未到课次数必须是 0 或正整数，收到的是 ${String(noShowsLastTerm)}`)
  }
  return noShowsLastTerm < settings.noShowLimit
}

/**
 * Registration window, by Beijing calendar date of `now`: families with resident priority from
 * `term.opensAt`, everyone else from `opensAt + nonResidentDelayDays` (default 3, i.e. the 4th day),
 * until `term.closesAt` inclusive. Refusals `REGISTRATION_NOT_OPEN`, `RESIDENTS_ONLY_PERIOD`,
 * `REGISTRATION_CLOSED`.
 * @param now ISO instant with offset, or epoch ms @throws DomainError `INVALID_DATE`
 * Source: domain.md §2 PRODUCT ("Residents … from the first day of the window, others from the fourth").
 */
export function checkRegistrationWindow(
  term: Term,
  now: Instant,
  residentPriority: boolean,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): RuleResult {
  const today = beijingDate(toMs(now))
  const othersFrom = addDays(term.opensAt, settings.nonResidentDelayDays)
  if (today > term.closesAt) {
    return refuse(
      'REGISTRATION_CLOSED',
      `${term.name}报名已于 ${formatDateCn(term.closesAt)} 截止，不再接受新的报名，也不能再加入候补。可以关注下学期的报名通知`,
    )
  }
  if (today < term.opensAt) {
    const from = residentPriority ? term.opensAt : othersFrom
    return refuse('REGISTRATION_NOT_OPEN', `${term.name}报名还没开始，您可以从 ${formatDateCn(from)} 起报名`)
  }
  if (!residentPriority && today < othersFrom) {
    const after =
      othersFrom > term.closesAt
        ? '本学期的报名期只对本社区居民开放，请关注下学期的报名通知'
        : `您可以从 ${formatDateCn(othersFrom)} 起报名`
    return refuse(
      'RESIDENTS_ONLY_PERIOD',
      `报名开始的前 ${settings.nonResidentDelayDays} 天优先给本社区居民（在本社区有已核实的房屋；上学期未到课满 ${settings.noShowLimit} 次的家庭不享受优先）。${after}`,
    )
  }
  return OK
}

/**
 * Where a term's registration stands on `now`'s Beijing date, for what families and workers are shown.
 * The worker-set status decides `draft`, `closed` and `drawn`. An `open` term is `upcoming` before
 * `opensAt`, `open` from `opensAt` to `closesAt` inclusive, and `ended` after `closesAt` until a worker
 * closes it by hand — from then on `checkRegistrationWindow` refuses every application (waitlist joins
 * included) with `REGISTRATION_CLOSED`. The per-family later start of non-residents is not a phase:
 * compare the viewer's first day with today.
 * @param now ISO instant with offset, or epoch ms (the backend's clock) @throws DomainError `INVALID_DATE`
 * Source: domain.md §2 PRODUCT ("Registration window → over-subscribed courses drawn by a lottery").
 */
export function registrationPhase(term: Term & { status: TermStatus }, now: Instant): RegistrationPhase {
  if (term.status !== 'open') return term.status
  const today = beijingDate(toMs(now))
  if (today < term.opensAt) return 'upcoming'
  return today > term.closesAt ? 'ended' : 'open'
}

/**
 * First Beijing date on which a worker may close a term's registration: the day after `closesAt`, so
 * every family keeps the whole last day (`closesAt` is inclusive).
 * @throws DomainError `INVALID_DATE` for a malformed `closesAt`
 */
export function closableFrom(term: Pick<Term, 'closesAt'>): string {
  return addDays(term.closesAt, 1)
}

/**
 * Whether a worker may close an open term's registration on `now`: only from `closableFrom`. Refusal
 * `WINDOW_NOT_ENDED`, with the dates in words.
 * @param now ISO instant with offset, or epoch ms (the backend's clock) @throws DomainError `INVALID_DATE`
 */
export function checkCloseRegistration(term: Pick<Term, 'closesAt'>, now: Instant): RuleResult {
  if (beijingDate(toMs(now)) < closableFrom(term)) {
    return refuse(
      'WINDOW_NOT_ENDED',
      `报名到 ${formatDateCn(term.closesAt)} 当天结束，${formatDateCn(closableFrom(term))} 起才能关闭报名并抽签，以免影响还在报名的家庭`,
    )
  }
  return OK
}

/**
 * Whether a term's lottery courses still wait for the worker's draw on `now`: `'started'` once classes
 * have begun (`startDate` reached), `'ended'` once the registration window is over (the day after
 * `closesAt`), null before that, once drawn, or when the term has no lottery course. The worker screen
 * and the worker's reminder messages prompt the close and the draw from this.
 * @param lotteryCourses how many lottery courses the term has (whole number ≥ 0)
 * @param now ISO instant with offset, or epoch ms @throws DomainError `INVALID_DATE`
 */
export function drawDue(
  term: Term & { status: TermStatus },
  lotteryCourses: number,
  now: Instant,
): 'ended' | 'started' | null {
  if (lotteryCourses === 0 || (term.status !== 'open' && term.status !== 'closed')) return null
  const today = beijingDate(toMs(now))
  if (today >= term.startDate) return 'started'
  return today >= closableFrom(term) ? 'ended' : null
}

/**
 * Fee in integer fen: `course.feeFen`, or with the hardship discount (default 50 % off) rounded half up.
 * @throws DomainError `INVALID_FEE` when `feeFen` is not a whole number ≥ 0
 * Source: domain.md §2 PRODUCT ("fee (0 or low, 50 % off for hardship families)").
 */
export function feeFor(
  course: Pick<Course, 'feeFen'>,
  opts: { hardship: boolean },
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): number {
  const fee = course.feeFen
  if (!Number.isInteger(fee) || fee < 0)
    throw new DomainError('INVALID_FEE', `课程费用必须是整数分，收到的是 ${String(fee)}`)
  if (!opts.hardship) return fee
  return Math.floor((fee * (100 - settings.hardshipDiscountPercent) + 50) / 100)
}

/**
 * Everything `checkApplication` judges: the application, and the records it is judged against — the
 * child's applications in the term with their courses, and the course's applications (for its seats).
 */
export interface ApplicationInput {
  child: Child
  course: Course
  term: Term
  /** ISO instant with offset, or epoch ms. */
  now: Instant
  /** The family lives in the community. */
  resident: boolean
  /** The family's no-shows last term (whole number ≥ 0). */
  noShowsLastTerm: number
  /** The child's applications in the term (finished ones, other children's and other terms' are ignored). */
  childEnrollments: Enrollment[]
  /** The courses of `childEnrollments`. */
  childCourses: Course[]
  /** The course's applications (those holding a seat count; others are ignored). */
  courseEnrollments: Enrollment[]
  settings?: YouthPalaceSettings
}

/**
 * Runs every booking rule and returns the first refusal, or ok. Order: reasons the family cannot change
 * by waiting first (age band, already applied, course limit, schedule clash), then timing (window), then
 * seats (first-come capacity).
 * @throws DomainError `COURSE_NOT_IN_TERM` if `course.termId !== term.id`; `INVALID_DATE`,
 *   `INVALID_SCHEDULE`, `INVALID_COUNT` for malformed data
 * Source: domain.md §2 PRODUCT.
 */
export function checkApplication(input: ApplicationInput): RuleResult {
  const { child, course, term, now, childEnrollments, childCourses, courseEnrollments } = input
  const settings = input.settings ?? DEFAULT_YOUTH_SETTINGS
  if (course.termId !== term.id) throw new DomainError('COURSE_NOT_IN_TERM', `课程 ${course.id} 不属于学期 ${term.id}`)
  const priority = input.resident && hasResidentPriority(input.noShowsLastTerm, settings)
  const checks: (() => RuleResult)[] = [
    () => checkAgeBand(child, course, term),
    () => checkNotAlreadyApplied(child, course, childEnrollments),
    () => checkCourseLimit(child, term, childEnrollments, childCourses, settings),
    () => checkNoOverlap(child, course, term, childEnrollments, childCourses),
    () => checkRegistrationWindow(term, now, priority, settings),
    () => checkCapacity(course, courseEnrollments),
  ]
  for (const check of checks) {
    const result = check()
    if (!result.ok) return result
  }
  return OK
}
