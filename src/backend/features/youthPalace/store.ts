/**
 * Youth palace lookups with ownership checks, the family's priority, session dates, and the waitlist
 * steps applied to storage (lazy offer expiry at the start of every handler). domain.md §2.
 */
import { sha256Hex } from '@/domain/hash'
import { addDays, beijingDate } from '@/domain/time'
import { DEFAULT_YOUTH_SETTINGS, formatInstantCn } from '@/domain/youthPalaceTypes'
import { expireOffers, promoteFromWaitlist, type WaitlistStep } from '@/domain/youthPalaceWaitlist'
import { hasResidentPriority } from '@/domain/youthPalaceRules'
import { forbidden, notFound } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import type { RouteContext } from '@/backend/core/router'
import type { Collections, User } from '@/backend/model'
import { requirePrivacy } from '@/backend/routes/me'
import type { YpChildRecord, YpCourseRecord, YpEnrollmentRecord, YpTermRecord } from './model'

/** Link of the feature's messages. */
export const YP_LINK = '/packages/youth-palace/pages/index/index'

/** Link to one child's courses, where a family confirms, pays, declines or cancels. */
export const myCoursesLink = (childId: string) =>
  `/packages/youth-palace/pages/my-courses/index?childId=${encodeURIComponent(childId)}`

/**
 * Random lower-case hex (64 characters): SHA-256 of several `Math.random` draws, the clock and a fresh id.
 * Mock only — WeChat has no WebCrypto; a real backend draws lottery secrets from a CSPRNG on the server.
 */
export function randomHex(nowMs: number): string {
  const draws = Array.from({ length: 8 }, () => Math.floor(Math.random() * 2 ** 32).toString(16))
  return sha256Hex('mcyp', String(nowMs), newId('r'), ...draws)
}

/** A term by id, or 404. Drafts are visible to workers of the term's community only. */
export function termOf(ctx: RouteContext, id: string): YpTermRecord {
  const term = ctx.db.data.ypTerms[id]
  const workerHere = ctx.user.role === 'worker' && ctx.user.communityId === term?.communityId
  if (!term || (term.status === 'draft' && !workerHere)) throw notFound('没有找到这个学期', 'NO_SUCH_TERM')
  return term
}

/** A course by id (its term visible to the caller), or 404. */
export function courseOf(ctx: RouteContext, id: string): { course: YpCourseRecord; term: YpTermRecord } {
  const course = ctx.db.data.ypCourses[id]
  if (!course) throw notFound('没有找到这门课程', 'NO_SUCH_COURSE')
  return { course, term: termOf(ctx, course.termId) }
}

/** A course in the worker's own community, or 404 / 403. */
export function workerCourse(ctx: RouteContext, id: string): { course: YpCourseRecord; term: YpTermRecord } {
  const course = ctx.db.data.ypCourses[id]
  if (!course) throw notFound('没有找到这门课程', 'NO_SUCH_COURSE')
  if (course.communityId !== ctx.user.communityId) throw forbidden('只能管理本社区的青少年宫课程', 'OTHER_COMMUNITY')
  return { course, term: ctx.db.data.ypTerms[course.termId] }
}

/** A term in the worker's own community, or 404 / 403. */
export function workerTerm(ctx: RouteContext, id: string): YpTermRecord {
  const term = ctx.db.data.ypTerms[id]
  if (!term) throw notFound('没有找到这个学期', 'NO_SUCH_TERM')
  if (term.communityId !== ctx.user.communityId) throw forbidden('只能管理本社区的青少年宫学期', 'OTHER_COMMUNITY')
  return term
}

/**
 * One of the caller's own children (privacy notice accepted first), or 404 — another family's child
 * is reported as not found so its existence does not leak.
 */
export function ownChild(ctx: RouteContext, id: string): YpChildRecord {
  requirePrivacy(ctx)
  const child = ctx.db.data.ypChildren[id]
  if (!child || child.deletedAt || child.parentId !== ctx.user.id)
    throw notFound('没有找到这个孩子的资料', 'NO_SUCH_CHILD')
  return child
}

/** One of the caller's own enrollments, or 404. */
export function ownEnrollment(ctx: RouteContext, id: string): YpEnrollmentRecord {
  requirePrivacy(ctx)
  const e = ctx.db.data.ypEnrollments[id]
  if (!e || e.parentId !== ctx.user.id) throw notFound('没有找到这份报名', 'NO_SUCH_ENROLLMENT')
  return e
}

/** Every enrollment in application order (the domain's FIFO tie-break is input order). */
export function enrollmentsInOrder(data: Collections): YpEnrollmentRecord[] {
  return Object.values(data.ypEnrollments).sort(
    (a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id),
  )
}

/** The community's term just before `term` (by start date), if any. */
export function previousTerm(data: Collections, term: YpTermRecord): YpTermRecord | undefined {
  return Object.values(data.ypTerms)
    .filter((t) => t.communityId === term.communityId && t.startDate < term.startDate && t.id !== term.id)
    .sort((a, b) => b.startDate.localeCompare(a.startDate))[0]
}

/** The family's no-shows in the term before `term`. */
export function noShowsLastTerm(data: Collections, parentId: string, term: YpTermRecord): number {
  const prev = previousTerm(data, term)
  return prev ? Object.values(data.ypNoShows).filter((n) => n.parentId === parentId && n.termId === prev.id).length : 0
}

/** Whether the family lives in the term's community (the community of the account). */
export const isResident = (user: User | undefined, term: YpTermRecord) =>
  !!user && user.communityId === term.communityId

/** Resident and fewer than 3 no-shows last term: early window and resident rank in draws. */
export function hasPriority(data: Collections, user: User | undefined, term: YpTermRecord): boolean {
  return isResident(user, term) && hasResidentPriority(user ? noShowsLastTerm(data, user.id, term) : 0)
}

/** Dates (`YYYY-MM-DD`) in the term on which the course meets, in order. */
export function sessionDates(course: YpCourseRecord, term: YpTermRecord): string[] {
  const out: string[] = []
  for (let d = term.startDate; d <= term.endDate; d = addDays(d, 1)) {
    const [y, m, day] = d.split('-').map(Number)
    const weekday = new Date(Date.UTC(y, m - 1, day)).getUTCDay()
    if (course.sessions.some((s) => s.weekday === weekday)) out.push(d)
  }
  return out
}

/** 1-based position in the course's FIFO waitlist, or null when not waitlisted. */
export function waitlistPosition(data: Collections, e: YpEnrollmentRecord): number | null {
  if (e.status !== 'waitlisted') return null
  const queue = enrollmentsInOrder(data)
    .filter((x) => x.courseId === e.courseId && x.status === 'waitlisted')
    .map((x, i) => ({ x, i }))
    .sort(
      (a, b) =>
        (a.x.queuedAt ?? '').localeCompare(b.x.queuedAt ?? '') ||
        (a.x.queueRank ?? 0) - (b.x.queueRank ?? 0) ||
        a.i - b.i,
    )
  return queue.findIndex((q) => q.x.id === e.id) + 1
}

/** Writes a waitlist step (promotions, expiries) to storage and tells the families. */
export function applyStep(ctx: RouteContext, course: YpCourseRecord, step: WaitlistStep): void {
  if (!step.promoted.length && !step.expired.length) return
  const store = ctx.db.write('ypEnrollments')
  const children = ctx.db.data.ypChildren
  for (const x of step.expired) {
    const e = store[x.id]
    Object.assign(e, { status: 'expired', updatedAt: ctx.nowIso })
    ctx.notify(
      e.parentId,
      '青少年宫名额已过期',
      `${children[e.childId]?.name ?? '孩子'}的《${course.name}》名额没有在 ${formatInstantCn(e.confirmBy ?? ctx.nowIso)} 前确认，已顺延给下一位候补。`,
      myCoursesLink(e.childId),
    )
  }
  for (const x of step.promoted) {
    const e = store[x.id]
    Object.assign(e, { status: 'admitted', confirmBy: x.confirmBy, source: 'waitlist', updatedAt: ctx.nowIso })
    const fee = course.feeFen > 0 ? '并支付费用' : ''
    ctx.notify(
      e.parentId,
      '候补到名额了',
      `${children[e.childId]?.name ?? '孩子'}候补的《${course.name}》有名额了。请在 ${formatInstantCn(x.confirmBy!)} 前确认${fee}（有 ${DEFAULT_YOUTH_SETTINGS.confirmWindowHours} 小时），逾期名额将顺延给下一位。`,
      myCoursesLink(e.childId),
    )
  }
}

/** After a seat is freed: offers it to the next waitlisted families (FIFO, 24 h to confirm). */
export function promoteNext(ctx: RouteContext, course: YpCourseRecord): void {
  applyStep(ctx, course, promoteFromWaitlist(course, enrollmentsInOrder(ctx.db.data), ctx.nowIso))
}

/**
 * Lazy time rule, run at the start of every youth palace handler: offers whose `confirmBy` has passed
 * expire and the next waitlisted families are promoted (mock time).
 */
export function sweepOffers(ctx: RouteContext): void {
  const now = ctx.clock.now()
  const due = new Set(
    Object.values(ctx.db.data.ypEnrollments)
      .filter((e) => e.status === 'admitted' && e.confirmBy && Date.parse(e.confirmBy) < now)
      .map((e) => e.courseId),
  )
  for (const courseId of due) {
    const course = ctx.db.data.ypCourses[courseId]
    if (course) applyStep(ctx, course, expireOffers(course, enrollmentsInOrder(ctx.db.data), ctx.nowIso))
  }
}

/** Today (Beijing) of the request. */
export const todayOf = (ctx: RouteContext) => beijingDate(ctx.clock.now())
