/**
 * Youth palace records → wire shapes (`src/domain/youth-palace/contracts.ts`): pure builders over the
 * records they show, and `…View` loaders that read those records through `ctx.tx`. The lottery secret
 * never leaves before the draw.
 */
import { courseRatable } from '@/domain/shared/ratings'
import type {
  YpChildDto,
  YpCourseDetailDto,
  YpCourseDto,
  YpDrawOutcomeDto,
  YpEnrollmentDto,
  YpLotteryDto,
  YpPaymentDto,
  YpTermDto,
  YpWorkerTermDto,
} from '@/domain/youth-palace/contracts'
import { ageOn } from '@/domain/shared/residentId'
import { addDays, beijingDate } from '@/domain/shared/time'
import { LOTTERY_ALGORITHM_CN } from '@/domain/youth-palace/lottery'
import { DEFAULT_YOUTH_SETTINGS, PLACE_HOLDING, SEAT_HOLDING, sessionCn } from '@/domain/youth-palace/types'
import { cancellationPolicy } from '@/domain/youth-palace/waitlist'
import { checkAgeBand, closableFrom, drawDue, feeFor, registrationPhase } from '@/domain/youth-palace/rules'
import type { RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { hasPriority, isResident, sessionDates } from './access'
import type {
  YpChildRecord,
  YpCourseRecord,
  YpEnrollmentRecord,
  YpLotteryRecord,
  YpPaymentRecord,
  YpTermRecord,
} from './model'

/** Whether the child pays the hardship price: flagged and a proof photo on file. */
const qualifiesForHardship = (child: YpChildRecord | undefined) =>
  !!child && child.hardship && !!child.hardshipProofImageId

/** What the child pays for the course, in fen. */
export const feeForChild = (course: YpCourseRecord, child: YpChildRecord | undefined) =>
  feeFor(course, { hardship: qualifiesForHardship(child) })

/** The names of the courses the child still holds or seeks a place in, oldest application first. */
export async function activeCourseNames(ctx: RouteContext, childId: string): Promise<string[]> {
  const places = await ctx.tx.youthPalace.placesOfChild(childId)
  const courses = await ctx.tx.youthPalace.coursesByIds(places.map((e) => e.courseId))
  const names = new Map(courses.map((c) => [c.id, c.name]))
  return places.map((e) => names.get(e.courseId) ?? '').filter(Boolean)
}

/** A child profile for its parent; `activeCourses`: the courses that still hold or seek a place. */
function childDto(c: YpChildRecord, activeCourses: string[], nowIso: string): YpChildDto {
  return {
    id: c.id,
    name: c.name,
    birthDate: c.birthDate,
    age: Math.max(0, ageOn(c.birthDate, beijingDate(nowIso))),
    hardship: c.hardship,
    hardshipProof: !!c.hardshipProofImageId,
    hardshipProofImageId: c.hardshipProofImageId ?? null,
    activeCourseNames: activeCourses,
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }
}

/** `childDto` with the child's active courses read. */
export async function childView(ctx: RouteContext, c: YpChildRecord): Promise<YpChildDto> {
  return childDto(c, await activeCourseNames(ctx, c.id), ctx.nowIso)
}

/** The viewer's first day to apply: the term's first day with priority, `nonResidentDelayDays` later without. */
const viewerOpensAt = (t: YpTermRecord, priority: boolean) =>
  priority ? t.opensAt : addDays(t.opensAt, DEFAULT_YOUTH_SETTINGS.nonResidentDelayDays)

/**
 * A term as the viewer sees it (their window depends on residence and last term's no-shows), with its
 * registration phase on `ctx.nowIso` (the backend's clock, so mock time moves it).
 */
export async function termView(ctx: RouteContext, t: YpTermRecord, viewer: User): Promise<YpTermDto> {
  const priority = await hasPriority(ctx, viewer, t)
  const community = await ctx.tx.core.communities.get(t.communityId)
  return {
    id: t.id,
    communityId: t.communityId,
    communityName: community?.name ?? '',
    name: t.name,
    startDate: t.startDate,
    endDate: t.endDate,
    opensAt: t.opensAt,
    closesAt: t.closesAt,
    status: t.status,
    resident: await isResident(ctx, viewer, t),
    priority,
    viewerOpensAt: viewerOpensAt(t, priority),
    phase: registrationPhase(t, ctx.nowIso),
    today: beijingDate(ctx.nowIso),
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    drawnAt: t.drawnAt,
  }
}

/**
 * A term for a worker of its community: `termView` with its course counts, the first day it may be
 * closed and whether its lottery courses wait for the draw (by the backend's clock).
 */
export async function workerTermView(ctx: RouteContext, t: YpTermRecord): Promise<YpWorkerTermDto> {
  const yp = ctx.tx.youthPalace
  const lotteryCourseCount = await yp.lotteryCourseCount(t.id)
  return {
    ...(await termView(ctx, t, ctx.user)),
    courseCount: await yp.courseCount(t.id),
    lotteryCourseCount,
    closableFrom: closableFrom(t),
    drawDue: drawDue(t, lotteryCourseCount, ctx.nowIso),
  }
}

/** What a course's revealed lottery decided (counts from the lottery record), or null before the draw. */
function drawOutcome(l: YpLotteryRecord | undefined): YpDrawOutcomeDto | null {
  if (!l?.revealedAt) return null
  return {
    drawn: !!l.drawn,
    applicants: l.applications?.length ?? 0,
    admitted: l.admitted?.length ?? 0,
    waitlisted: l.waitlist?.length ?? 0,
  }
}

/**
 * A catalogue entry with the term's registration phase on `nowIso` and, once drawn, what the draw
 * decided; `places`: the course's applications holding or seeking a place; with `child`, whether it fits
 * them and their price.
 */
function courseDto(
  c: YpCourseRecord,
  t: YpTermRecord,
  nowIso: string,
  places: YpEnrollmentRecord[],
  lottery: YpLotteryRecord | undefined,
  child?: YpChildRecord,
): YpCourseDto {
  const policy = cancellationPolicy(c, t, 0)
  return {
    id: c.id,
    termId: c.termId,
    name: c.name,
    category: c.category,
    site: c.site,
    teacher: c.teacher,
    ageMin: c.ageMin,
    ageMax: c.ageMax,
    capacity: c.capacity,
    seatsLeft: Math.max(0, c.capacity - places.filter((e) => SEAT_HOLDING.includes(e.status)).length),
    pendingCount: places.filter((e) => e.status === 'pending').length,
    waitlistCount: places.filter((e) => e.status === 'waitlisted').length,
    phase: registrationPhase(t, nowIso),
    closesAt: t.closesAt,
    draw: c.admission === 'lottery' ? drawOutcome(lottery) : null,
    admission: c.admission,
    sessions: c.sessions.map((s) => ({ ...s })),
    scheduleText: c.sessions.map(sessionCn).join('，'),
    feeFen: c.feeFen,
    hardshipFeeFen: feeFor(c, { hardship: true }),
    ...(child ? { childFeeFen: feeForChild(c, child), childFits: checkAgeBand(child, c, t).ok } : {}),
    firstSession: policy.firstSession,
    freeCancelUntil: policy.cutoff,
    commitment: lottery?.commitment ?? null,
  }
}

/** `courseDto` with the course's places and lottery read. */
export async function courseView(
  ctx: RouteContext,
  c: YpCourseRecord,
  t: YpTermRecord,
  child?: YpChildRecord,
): Promise<YpCourseDto> {
  const yp = ctx.tx.youthPalace
  const lottery = c.admission === 'lottery' ? await yp.lotteries.get(c.id) : undefined
  return courseDto(c, t, ctx.nowIso, await yp.placesOfCourse(c.id), lottery, child)
}

/** A course with description and session dates (see `courseView`). */
export async function courseDetailView(
  ctx: RouteContext,
  c: YpCourseRecord,
  t: YpTermRecord,
  child?: YpChildRecord,
): Promise<YpCourseDetailDto> {
  const priority = await hasPriority(ctx, ctx.user, t)
  return {
    ...(await courseView(ctx, c, t, child)),
    description: c.description,
    sessionDates: sessionDates(c, t),
    viewerResident: await isResident(ctx, ctx.user, t),
    viewerPriority: priority,
    viewerOpensAt: viewerOpensAt(t, priority),
    today: beijingDate(ctx.nowIso),
    cancelledSessions: (await ctx.tx.youthPalace.cancellationsOf(c.id)).map((x) => x.sessionDate),
  }
}

/** A payment for its payer. */
function paymentDto(p: YpPaymentRecord): YpPaymentDto {
  return {
    id: p.id,
    amountFen: p.amountFen,
    status: p.status,
    createdAt: p.createdAt,
    paidAt: p.paidAt,
    refundedAt: p.refundedAt,
    refundId: p.refundId,
  }
}

/** 1-based position in the course's FIFO waitlist, or null when not waitlisted. */
async function waitlistPosition(ctx: RouteContext, e: YpEnrollmentRecord): Promise<number | null> {
  if (e.status !== 'waitlisted') return null
  return (await ctx.tx.youthPalace.waitlistOf(e.courseId)).findIndex((x) => x.id === e.id) + 1
}

/** What an enrollment's view shows besides the enrollment. */
interface EnrollmentFacts {
  course?: YpCourseRecord
  term?: YpTermRecord
  child?: YpChildRecord
  payment?: YpPaymentRecord
  waitlistPosition: number | null
}

/** An enrollment for the parent: status, waitlist position, price due, payment and cancellation terms. */
function enrollmentDto(e: YpEnrollmentRecord, f: EnrollmentFacts, nowIso: string): YpEnrollmentDto {
  const { course, term, child, payment } = f
  const policy = course && term && PLACE_HOLDING.includes(e.status) ? cancellationPolicy(course, term, nowIso) : null
  return {
    id: e.id,
    childId: e.childId,
    childName: child?.name ?? '',
    courseId: e.courseId,
    courseName: course?.name ?? '',
    termId: e.termId,
    site: course?.site ?? '',
    scheduleText: course ? course.sessions.map(sessionCn).join('，') : '',
    status: e.status,
    source: e.source,
    appliedAt: e.appliedAt,
    confirmBy: e.status === 'admitted' ? e.confirmBy : undefined,
    waitlistPosition: f.waitlistPosition,
    feeDueFen: course ? feeForChild(course, child) : 0,
    payment: payment ? paymentDto(payment) : null,
    noShow: !!e.noShow,
    cancellation: policy,
  }
}

/** `enrollmentDto` with its course, term, child, latest payment and waitlist position read. */
export async function enrollmentView(ctx: RouteContext, e: YpEnrollmentRecord): Promise<YpEnrollmentDto> {
  const yp = ctx.tx.youthPalace
  const [course, term, child, payment, position] = await Promise.all([
    yp.courses.get(e.courseId),
    yp.terms.get(e.termId),
    yp.children.get(e.childId),
    yp.latestPaymentOf(e.id),
    waitlistPosition(ctx, e),
  ])
  const attended = e.status === 'confirmed' ? (await yp.attendanceOf(e.id)).filter((a) => a.present).length : 0
  return {
    ...enrollmentDto(e, { course, term, child, payment, waitlistPosition: position }, ctx.nowIso),
    canRate: !!term && courseRatable(e.status, attended, beijingDate(ctx.nowIso), term.endDate),
  }
}

/**
 * A course's lottery for anyone: the secret, seed and order only once revealed. `parents`: the parent of
 * each drawn application (enrollment id → user id), to mark the viewer's own.
 */
function lotteryDto(
  l: YpLotteryRecord,
  course: YpCourseRecord,
  parents: Map<string, string>,
  viewerId: string,
): YpLotteryDto {
  const revealed = !!l.revealedAt
  return {
    courseId: course.id,
    courseName: course.name,
    termId: l.termId,
    status: !revealed ? 'committed' : l.drawn ? 'drawn' : 'allAdmitted',
    commitment: l.commitment,
    committedAt: l.committedAt,
    revealed: revealed ? l.secret : null,
    revealedAt: l.revealedAt ?? null,
    seed: l.seed ?? null,
    seats: l.seats ?? null,
    algorithm: LOTTERY_ALGORITHM_CN,
    applications: (l.applications ?? []).map((a) => ({
      id: a.id,
      resident: a.resident,
      mine: parents.get(a.id) === viewerId,
    })),
    order: l.order ?? [],
    admitted: l.admitted ?? [],
    waitlist: l.waitlist ?? [],
  }
}

/** `lotteryDto` of a course, or null when it has no lottery (yet). */
export async function lotteryView(ctx: RouteContext, course: YpCourseRecord): Promise<YpLotteryDto | null> {
  const l = await ctx.tx.youthPalace.lotteries.get(course.id)
  if (!l) return null
  const drawn = await ctx.tx.youthPalace.enrollmentsByIds((l.applications ?? []).map((a) => a.id))
  return lotteryDto(l, course, new Map(drawn.map((e) => [e.id, e.parentId])), ctx.user.id)
}
