/**
 * Youth palace lookups with ownership checks, the family's priority and session dates (domain.md §2).
 * A course's row is the lock for its seats: every change that takes, frees or offers a seat of a course
 * first reads the course with `lock` (SQL `SELECT … FOR UPDATE`), so seats taken never exceed capacity.
 */
import { href } from '@/domain/routes'
import { addDays, beijingDate } from '@/domain/shared/time'
import { isPublicHoliday } from '@/domain/shared/workingDays'
import { hasResidentPriority } from '@/domain/youth-palace/rules'
import { forbidden, notFound } from '@/backend/core/http'
import type { RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { requirePrivacy } from '@/backend/routes/me'
import type { YpChildRecord, YpCourseRecord, YpEnrollmentRecord, YpTermRecord } from './model'

/** Link of the feature's messages. */
export const YP_LINK = href.youthPalace.index()

/** Link to one child's courses, where a family confirms, pays, declines or cancels. */
export const myCoursesLink = (childId: string) => href.youthPalace.myCourses({ childId })

/** A term by id, or 404 `NO_SUCH_TERM`. Drafts are visible to workers of the term's community only. */
export async function termOf(ctx: RouteContext, id: string): Promise<YpTermRecord> {
  const term = await ctx.tx.youthPalace.terms.get(id)
  const workerHere = ctx.user.role === 'worker' && ctx.user.communityId === term?.communityId
  if (!term || (term.status === 'draft' && !workerHere)) throw notFound('没有找到这个学期', 'NO_SUCH_TERM')
  return term
}

/** A course with its term. */
export interface CourseAndTerm {
  course: YpCourseRecord
  term: YpTermRecord
}

/**
 * A course by id (its term visible to the caller), or 404 `NO_SUCH_COURSE`. `lock`: before taking,
 * freeing or offering one of its seats.
 */
export async function courseOf(ctx: RouteContext, id: string, opts: { lock?: boolean } = {}): Promise<CourseAndTerm> {
  const course = await ctx.tx.youthPalace.courses.get(id, opts)
  if (!course) throw notFound('没有找到这门课程', 'NO_SUCH_COURSE')
  return { course, term: await termOf(ctx, course.termId) }
}

/** A course in the worker's own community, or 404 `NO_SUCH_COURSE` / 403 `OTHER_COMMUNITY`. */
export async function workerCourse(ctx: RouteContext, id: string): Promise<CourseAndTerm> {
  const course = await ctx.tx.youthPalace.courses.get(id)
  if (!course) throw notFound('没有找到这门课程', 'NO_SUCH_COURSE')
  if (course.communityId !== ctx.user.communityId) throw forbidden('只能管理本社区的青少年宫课程', 'OTHER_COMMUNITY')
  const term = await ctx.tx.youthPalace.terms.get(course.termId)
  if (!term) throw new Error(`course ${course.id} has no term ${course.termId}`)
  return { course, term }
}

/** A term in the worker's own community (`lock`: before changing its status), or 404 / 403 `OTHER_COMMUNITY`. */
export async function workerTerm(ctx: RouteContext, id: string, opts: { lock?: boolean } = {}): Promise<YpTermRecord> {
  const term = await ctx.tx.youthPalace.terms.get(id, opts)
  if (!term) throw notFound('没有找到这个学期', 'NO_SUCH_TERM')
  if (term.communityId !== ctx.user.communityId) throw forbidden('只能管理本社区的青少年宫学期', 'OTHER_COMMUNITY')
  return term
}

/**
 * One of the caller's own children (privacy notice accepted first), or 404 `NO_SUCH_CHILD` — another
 * family's child is reported as not found so its existence does not leak.
 */
export async function ownChild(ctx: RouteContext, id: string): Promise<YpChildRecord> {
  requirePrivacy(ctx)
  const child = await ctx.tx.youthPalace.children.get(id)
  if (!child || child.deletedAt || child.parentId !== ctx.user.id)
    throw notFound('没有找到这个孩子的资料', 'NO_SUCH_CHILD')
  return child
}

/** One of the caller's own enrollments, or 404 `NO_SUCH_ENROLLMENT`. */
export async function ownEnrollment(ctx: RouteContext, id: string): Promise<YpEnrollmentRecord> {
  requirePrivacy(ctx)
  const e = await ctx.tx.youthPalace.enrollments.get(id)
  if (!e || e.parentId !== ctx.user.id) throw notFound('没有找到这份报名', 'NO_SUCH_ENROLLMENT')
  return e
}

/**
 * One of the caller's own enrollments about to change, with its course locked first (then the
 * enrollment read again, as the lock left it), or 404 `NO_SUCH_ENROLLMENT` / `NO_SUCH_COURSE`.
 */
export async function lockedOwnEnrollment(
  ctx: RouteContext,
  id: string,
): Promise<CourseAndTerm & { enrollment: YpEnrollmentRecord }> {
  const found = await ownEnrollment(ctx, id)
  const { course, term } = await courseOf(ctx, found.courseId, { lock: true })
  return { enrollment: (await ctx.tx.youthPalace.enrollments.get(found.id)) ?? found, course, term }
}

/** The family's no-shows in the community's term before `term` (0 when there is none). */
export async function noShowsLastTerm(ctx: RouteContext, parentId: string, term: YpTermRecord): Promise<number> {
  const previous = await ctx.tx.youthPalace.termBefore(term.communityId, term.startDate)
  return previous ? ctx.tx.youthPalace.noShowCount(parentId, previous.id) : 0
}

/**
 * Whether the user lives in the community: one of their room bindings is verified (an owner matched in
 * the property register, or a tenant or family member checked by the community) and the room is in it.
 * Decided from the stored bindings only, never from what the app sends (domain.md §1 PRODUCT).
 */
async function livesIn(ctx: RouteContext, userId: string, communityId: string): Promise<boolean> {
  const verified = (await ctx.tx.core.bindingsOf(userId)).filter((b) => b.verified)
  if (verified.length === 0) return false
  return (await ctx.tx.core.roomsByIds(verified.map((b) => b.roomId))).some((r) => r.communityId === communityId)
}

/** Whether the family lives in the term's community (a verified room there, see `livesIn`). */
export const isResident = async (ctx: RouteContext, user: User | undefined, term: YpTermRecord) =>
  !!user && livesIn(ctx, user.id, term.communityId)

/** Resident and fewer than 3 no-shows last term: early window and resident rank in draws. */
export async function hasPriority(ctx: RouteContext, user: User | undefined, term: YpTermRecord): Promise<boolean> {
  return (await isResident(ctx, user, term)) && hasResidentPriority(await noShowsLastTerm(ctx, user!.id, term))
}

/** Weekday (0 = Sunday) of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): number {
  const [y, m, d] = date.split('-').map(Number)
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay()
}

/**
 * Dates (`YYYY-MM-DD`) in the term on which the course meets, in order: its weekdays, except the days
 * off of public holidays (`isPublicHoliday`: no class in the Spring Festival or National Day week).
 */
export function sessionDates(course: YpCourseRecord, term: YpTermRecord): string[] {
  const out: string[] = []
  for (let d = term.startDate; d <= term.endDate; d = addDays(d, 1)) {
    const weekday = weekdayOf(d)
    if (course.sessions.some((s) => s.weekday === weekday) && !isPublicHoliday(d)) out.push(d)
  }
  return out
}

/** When the course's first session on `date` (`YYYY-MM-DD`, a session date) starts, epoch ms (Beijing time). */
export function sessionStartMs(course: YpCourseRecord, date: string): number {
  const start = course.sessions
    .filter((s) => s.weekday === weekdayOf(date))
    .map((s) => s.start)
    .sort()[0]
  return Date.parse(`${date}T${start}:00+08:00`)
}

/** Today (Beijing) of the request. */
export const todayOf = (ctx: RouteContext) => beijingDate(ctx.clock.now())
