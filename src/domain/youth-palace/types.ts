/**
 * Doorstep youth palace (家门口青少年宫) booking: shared types, the configurable PRODUCT defaults and
 * strict instant helpers (domain.md §2). Dates are `YYYY-MM-DD` Beijing calendar dates; instants are ISO
 * strings with an explicit offset (`2026-03-07T09:00:00+08:00`) or epoch milliseconds. Money is fen.
 */
import { DomainError } from '../shared/errors'
import { beijingIso, formatDateCn, isDate } from '../shared/time'

/** An instant: ISO string with `Z` or `±HH:mm` offset, or epoch milliseconds. */
export type Instant = string | number

/** Days of the week as in `Date#getDay`: 0 = Sunday … 6 = Saturday (Beijing). */
export const WEEKDAYS = [0, 1, 2, 3, 4, 5, 6] as const
/** One of `WEEKDAYS`. */
export type Weekday = (typeof WEEKDAYS)[number]

/**
 * How a course admits: `lottery` = applications stay `pending` until the draw after the window closes,
 * `firstCome` = an accepted application takes a seat at once (recorded as `admitted`).
 */
export const COURSE_ADMISSIONS = ['lottery', 'firstCome'] as const
/** One of `COURSE_ADMISSIONS`. */
type CourseAdmission = (typeof COURSE_ADMISSIONS)[number]

/** Why the palace cancels a session (停课): bad weather, the teacher ill, or another reason. */
export const SESSION_CANCEL_REASONS = ['weather', 'teacher', 'other'] as const
/** One of `SESSION_CANCEL_REASONS`. */
export type SessionCancelReason = (typeof SESSION_CANCEL_REASONS)[number]
/** Each cancellation reason in words, as told to families. */
export const SESSION_CANCEL_REASON_LABELS: Record<SessionCancelReason, string> = {
  weather: '天气原因',
  teacher: '老师生病',
  other: '其他原因',
}

/** One weekly session: `start`/`end` are Beijing wall-clock `HH:mm`, `start < end`. */
export interface WeeklySession {
  weekday: Weekday
  start: string
  end: string
}

/**
 * A course in one term: the one course type; the stored record (`YpCourseRecord`), the worker's input
 * (`YpCourseInput`) and the catalogue's row (`YpCourseDto`) derive from it, so a new course field is
 * added here. `site` is the site's name, `teacher` the teacher's name, `description` plain words.
 * `ageMin`/`ageMax` inclusive, in full years on the term's start date; `capacity` seats (typically 10–12
 * for under-6s, 15–20 for 6+); `feeFen` integer fen ≥ 0; `admission` see `COURSE_ADMISSIONS`.
 * Sessions run weekly between the term's `startDate` and `endDate`.
 */
export interface Course {
  id: string
  termId: string
  name: string
  category: string
  site: string
  teacher: string
  description: string
  ageMin: number
  ageMax: number
  capacity: number
  feeFen: number
  admission: CourseAdmission
  sessions: WeeklySession[]
}

/**
 * A term (spring / summer / autumn). `startDate`/`endDate`: first and last teaching day, inclusive.
 * `opensAt`/`closesAt`: registration window, Beijing dates, both inclusive.
 */
export interface Term {
  id: string
  name: string
  startDate: string
  endDate: string
  opensAt: string
  closesAt: string
}

/** A term's status as set by community workers: draft → open (registration) → closed → drawn. */
export type TermStatus = 'draft' | 'open' | 'closed' | 'drawn'

/**
 * Where a term's registration stands on a given day, for display (see `registrationPhase`):
 * `draft`; `upcoming` (opened, window not started); `open` (within the window); `ended` (window over,
 * not yet closed by a worker: no more applications); `closed` (awaiting the draw); `drawn`.
 */
export type RegistrationPhase = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'drawn'

/** A child: `birthDate` is `YYYY-MM-DD`. */
export interface Child {
  id: string
  birthDate: string
}

/** Where an application stands. `admitted` with `confirmBy` is a waitlist offer awaiting confirmation. */
export type EnrollmentStatus =
  'pending' | 'admitted' | 'waitlisted' | 'confirmed' | 'cancelled' | 'declined' | 'expired'

/**
 * An application / enrollment of one child in one course.
 * `queuedAt`: instant the application joined the waitlist (FIFO key); `queueRank`: tie-break among those
 * queued at the same instant (the draw order, 0 first). `confirmBy`: deadline of a waitlist offer.
 * `noShow`: a cancellation after the free-cancellation cut-off (counts as a no-show).
 */
export interface Enrollment {
  id: string
  childId: string
  courseId: string
  status: EnrollmentStatus
  queuedAt?: string
  queueRank?: number
  confirmBy?: string
  noShow?: boolean
}

/** Statuses that hold a place against the per-term limit and the overlap rule (domain.md §2). */
export const PLACE_HOLDING: readonly EnrollmentStatus[] = ['pending', 'admitted', 'waitlisted', 'confirmed']
/** Statuses that occupy one of a course's seats. */
export const SEAT_HOLDING: readonly EnrollmentStatus[] = ['admitted', 'confirmed']

/**
 * Per-community PRODUCT settings, in one place (domain.md §2 PRODUCT); every rule takes an optional
 * override. Hours are whole hours; percent is 0–100.
 */
export interface YouthPalaceSettings {
  maxCoursesPerTerm: number
  nonResidentDelayDays: number
  confirmWindowHours: number
  freeCancelHours: number
  noShowLimit: number
  hardshipDiscountPercent: number
}

/**
 * Defaults: 2 courses per term, non-residents from day 4, 24 h to confirm, free cancel until 24 h before, 3 no-shows,
 * 50 % off.
 */
export const DEFAULT_YOUTH_SETTINGS: YouthPalaceSettings = {
  maxCoursesPerTerm: 2,
  nonResidentDelayDays: 3,
  confirmWindowHours: 24,
  freeCancelHours: 24,
  noShowLimit: 3,
  hardshipDiscountPercent: 50,
}

/** Refusal codes of the booking rules. */
export type RefusalCode =
  | 'AGE_OUT_OF_BAND'
  | 'ALREADY_APPLIED'
  | 'TOO_MANY_COURSES'
  | 'SCHEDULE_CLASH'
  | 'COURSE_FULL'
  | 'REGISTRATION_NOT_OPEN'
  | 'RESIDENTS_ONLY_PERIOD'
  | 'REGISTRATION_CLOSED'
  | 'WINDOW_NOT_ENDED'
  | 'OFFER_EXPIRED'
  | 'NOT_AN_OFFER'
  | 'INVALID_CHILD_NAME'
  | 'INVALID_BIRTH_DATE'

/** A rule's verdict: ok, or a refusal with a stable code and a plain-Chinese why-and-what-next message. */
export type RuleResult = { ok: true } | Refusal
/** A refusal: stable `code`, plain-Chinese `message` saying why and what to do next. */
export interface Refusal {
  ok: false
  code: RefusalCode
  message: string
}

/** The ok verdict. */
export const OK: RuleResult = { ok: true }
/** Builds a refusal. */
export const refuse = (code: RefusalCode, message: string): Refusal => ({ ok: false, code, message })

const INSTANT_RE =
  /^(\d{4}-\d{2}-\d{2})T([01]\d|2[0-3]):([0-5]\d)(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/

/**
 * Epoch milliseconds of an instant. Strings must be ISO with an explicit offset and a real date.
 * @throws DomainError `INVALID_DATE` otherwise
 */
export function toMs(instant: Instant): number {
  if (typeof instant === 'number' && Number.isFinite(instant)) return instant
  if (typeof instant === 'string') {
    const m = INSTANT_RE.exec(instant)
    if (m && isDate(m[1])) return new Date(instant).getTime()
  }
  throw new DomainError('INVALID_DATE', `时间格式不正确：${String(instant)}（应带时区，如 2026-03-07T09:00:00+08:00）`)
}

/**
 * An instant for people, in Beijing time: `2026年3月5日（周四）14:30`.
 * @throws DomainError `INVALID_DATE` for a malformed instant
 */
export function formatInstantCn(instant: Instant): string {
  const iso = beijingIso(toMs(instant))
  return `${formatDateCn(iso.slice(0, 10))} ${iso.slice(11, 16)}`
}

/** An instant plus whole hours, as a Beijing ISO string. */
export const addHoursIso = (instant: Instant, hours: number): string => beijingIso(toMs(instant) + hours * 3600_000)

/** `HH:mm` → minutes since midnight. @throws DomainError `INVALID_SCHEDULE` */
export function minutesOf(hhmm: string): number {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm)
  if (!m) throw new DomainError('INVALID_SCHEDULE', `上课时间格式不正确：${String(hhmm)}（应为 时:分，如 09:00）`)
  return Number(m[1]) * 60 + Number(m[2])
}

const WEEKDAY_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** A session for people: `周六 09:00–10:30`. */
export const sessionCn = (s: WeeklySession) => `${WEEKDAY_CN[s.weekday]} ${s.start}–${s.end}`
