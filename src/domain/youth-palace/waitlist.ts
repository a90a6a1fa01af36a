/**
 * Doorstep youth palace (家门口青少年宫): first session, cancellation, FIFO waitlist with a confirmation
 * window (domain.md §2 PRODUCT). Pure: `now` is a parameter (ISO instant with offset, or epoch ms);
 * functions return new objects and never mutate their input.
 */
import { DomainError } from '../shared/errors'
import { addDays, beijingIso, formatDateCn, formatDateTimeCn } from '../shared/time'
import {
  DEFAULT_YOUTH_SETTINGS,
  PLACE_HOLDING,
  SEAT_HOLDING,
  addHoursIso,
  minutesOf,
  refuse,
  toMs,
  type Course,
  type Enrollment,
  type Instant,
  type Refusal,
  type Term,
  type YouthPalaceSettings,
} from './types'

/**
 * The instant of the course's first session: the first date from `term.startDate` to `term.endDate`
 * whose Beijing weekday has a session, at that day's earliest start. Returns `YYYY-MM-DDTHH:mm:00+08:00`.
 * @throws DomainError `NO_SESSIONS` when no session falls within the term; `INVALID_DATE`,
 *   `INVALID_SCHEDULE` for malformed dates or times
 * Source: domain.md §2 PRODUCT (weekly schedule per course; terms).
 */
export function firstSessionStart(course: Course, term: Term): string {
  for (let date = term.startDate, i = 0; i < 7 && date <= term.endDate; date = addDays(date, 1), i++) {
    const [y, m, d] = date.split('-').map(Number)
    const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
    const starts = course.sessions.filter((s) => s.weekday === weekday).map((s) => minutesOf(s.start))
    if (starts.length > 0) {
      const first = Math.min(...starts)
      const hhmm = `${String(Math.floor(first / 60)).padStart(2, '0')}:${String(first % 60).padStart(2, '0')}`
      return `${date}T${hhmm}:00+08:00`
    }
  }
  throw new DomainError('NO_SESSIONS', `课程《${course.name}》在${term.name}内没有安排上课时间`)
}

/** When a cancellation is free: `cutoff` = first session − `freeCancelHours`; `free` = now ≤ cutoff. */
export interface CancellationPolicy {
  free: boolean
  cutoff: string
  firstSession: string
}

/**
 * Whether cancelling at `now` is free: until `freeCancelHours` (default 24) before the first session,
 * inclusive (exactly 24 h before is still free, one minute later is not). Instants compared as such.
 * @throws DomainError `INVALID_DATE`, `NO_SESSIONS`
 * Source: domain.md §2 PRODUCT ("Cancel free until 24 h before the first session").
 */
export function cancellationPolicy(
  course: Course,
  term: Term,
  now: Instant,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): CancellationPolicy {
  const firstSession = firstSessionStart(course, term)
  const cutoff = addHoursIso(firstSession, -settings.freeCancelHours)
  return { free: toMs(now) <= toMs(cutoff), cutoff, firstSession }
}

/**
 * Cancels an application. A late cancellation (after the cut-off) of a seat (admitted or confirmed)
 * counts as a no-show (`noShow: true`). `refund`: a confirmed (paid) place cancelled free is refunded in full.
 * @returns the cancelled enrollment (new object), `free`, `refund`, and a plain-Chinese `message`
 * @throws DomainError `NOT_CANCELLABLE` for a status that holds nothing (cancelled, declined, expired)
 * Source: domain.md §2 PRODUCT ("A cancellation after the 24-hour cut-off counts as a no-show").
 */
export function cancelEnrollment(
  enrollment: Enrollment,
  course: Course,
  term: Term,
  now: Instant,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): { enrollment: Enrollment; free: boolean; refund: boolean; message: string } {
  if (!PLACE_HOLDING.includes(enrollment.status)) {
    throw new DomainError('NOT_CANCELLABLE', '这份报名已经结束（已取消、已放弃或已过期），无需再取消')
  }
  const { free, cutoff } = cancellationPolicy(course, term, now, settings)
  const noShow = !free && SEAT_HOLDING.includes(enrollment.status)
  const refund = free && enrollment.status === 'confirmed'
  const message = free
    ? `已取消《${course.name}》${refund ? '，费用将原路退回' : ''}`
    : `已取消《${course.name}》。开课前 ${settings.freeCancelHours} 小时，即 ${formatDateTimeCn(cutoff)} 之后取消，` +
      `${noShow ? `记 1 次未到课，一学期满 ${settings.noShowLimit} 次下学期不享受优先报名` : '不影响优先报名'}`
  return { enrollment: { ...enrollment, status: 'cancelled', noShow }, free, refund, message }
}

/** FIFO key: earlier `queuedAt` first, then lower `queueRank`, then input order. */
function waitlistOrder(list: { e: Enrollment; i: number }[]): { e: Enrollment; i: number }[] {
  const at = (e: Enrollment) => (e.queuedAt === undefined ? Infinity : toMs(e.queuedAt))
  return [...list].sort((a, b) => at(a.e) - at(b.e) || (a.e.queueRank ?? 0) - (b.e.queueRank ?? 0) || a.i - b.i)
}

/** Result of a waitlist step: the whole updated list plus what changed. */
export interface WaitlistStep {
  enrollments: Enrollment[]
  promoted: Enrollment[]
  expired: Enrollment[]
}

/**
 * Fills the course's free seats (capacity − admitted − confirmed) from its waitlist, earliest first
 * (first in, first out). Each promoted application becomes `admitted` with
 * `confirmBy` = now + `confirmWindowHours` (default 24), a Beijing ISO instant.
 * @param enrollments the course's applications that hold or seek a place (at least those holding a seat
 *   and the waitlisted), in application order (the tie-break); other courses' pass through unchanged
 * @throws DomainError `INVALID_DATE` for a malformed `now` or `queuedAt`
 * Source: domain.md §2 PRODUCT ("Waitlist is first-in-first-out; a promoted family has 24 h to confirm").
 */
export function promoteFromWaitlist(
  course: Course,
  enrollments: Enrollment[],
  now: Instant,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): WaitlistStep {
  const mine = enrollments.map((e, i) => ({ e, i })).filter((x) => x.e.courseId === course.id)
  const free = course.capacity - mine.filter((x) => SEAT_HOLDING.includes(x.e.status)).length
  const confirmBy = addHoursIso(now, settings.confirmWindowHours)
  const chosen = waitlistOrder(mine.filter((x) => x.e.status === 'waitlisted')).slice(0, Math.max(free, 0))
  const next = [...enrollments]
  const promoted = chosen.map(({ e, i }) => (next[i] = { ...e, status: 'admitted', confirmBy }))
  return { enrollments: next, promoted, expired: [] }
}

/**
 * Expires waitlist offers whose `confirmBy` has passed (now > confirmBy; confirming exactly at the
 * deadline is still on time), then promotes the next waitlisted families into the freed seats.
 * @param enrollments the course's applications, as `promoteFromWaitlist`
 * @throws DomainError `INVALID_DATE` for a malformed `now`, `confirmBy` or `queuedAt`
 * Source: domain.md §2 PRODUCT (24 h to confirm).
 */
export function expireOffers(
  course: Course,
  enrollments: Enrollment[],
  now: Instant,
  settings: YouthPalaceSettings = DEFAULT_YOUTH_SETTINGS,
): WaitlistStep {
  const nowMs = toMs(now)
  const expired: Enrollment[] = []
  const next = enrollments.map((e) => {
    if (e.courseId !== course.id || e.status !== 'admitted' || e.confirmBy === undefined || toMs(e.confirmBy) >= nowMs)
      return e
    const gone: Enrollment = { ...e, status: 'expired' }
    expired.push(gone)
    return gone
  })
  const step = promoteFromWaitlist(course, next, now, settings)
  return { ...step, expired }
}

/**
 * Confirms an admitted place. A waitlist offer must be confirmed by its `confirmBy` (inclusive).
 * @returns `{ ok: true, enrollment }` (status `confirmed`, a new object) or a refusal: `OFFER_EXPIRED`,
 *   `NOT_AN_OFFER` (nothing to confirm in this status)
 * Source: domain.md §2 PRODUCT (24 h to confirm; a fee is paid at confirmation).
 */
export function confirmOffer(enrollment: Enrollment, now: Instant): { ok: true; enrollment: Enrollment } | Refusal {
  if (enrollment.status !== 'admitted') {
    return refuse('NOT_AN_OFFER', '这份报名目前没有待确认的名额。可以在“我的报名”里查看进度')
  }
  if (enrollment.confirmBy !== undefined && toMs(now) > toMs(enrollment.confirmBy)) {
    const by = beijingIso(toMs(enrollment.confirmBy))
    return refuse(
      'OFFER_EXPIRED',
      `确认期限已于 ${formatDateCn(by.slice(0, 10))} ${by.slice(11, 16)} 结束，名额已释放，有候补的会顺延给下一位。可以重新报名其他有空位的课程`,
    )
  }
  return { ok: true, enrollment: { ...enrollment, status: 'confirmed' } }
}
