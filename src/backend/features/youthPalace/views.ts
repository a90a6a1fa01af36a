/** Youth palace records → wire shapes (`src/domain/contracts/youthPalace.ts`). The lottery secret never leaves before the draw. */
import type {
  YpChildDto,
  YpCourseDetailDto,
  YpCourseDto,
  YpDrawOutcomeDto,
  YpEnrollmentDto,
  YpLotteryDto,
  YpPaymentDto,
  YpTermDto,
} from '@/domain/contracts/youthPalace'
import { ageOn } from '@/domain/residentId'
import { addDays, beijingDate } from '@/domain/time'
import { LOTTERY_ALGORITHM_CN } from '@/domain/youthPalace'
import { DEFAULT_YOUTH_SETTINGS, PLACE_HOLDING, SEAT_HOLDING, sessionCn } from '@/domain/youthPalaceTypes'
import { cancellationPolicy } from '@/domain/youthPalaceWaitlist'
import { checkAgeBand, feeFor, registrationPhase } from '@/domain/youthPalaceRules'
import type { Collections, User } from '@/backend/model'
import type { YpChildRecord, YpCourseRecord, YpEnrollmentRecord, YpPaymentRecord, YpTermRecord } from './model'
import { hasPriority, isResident, sessionDates, waitlistPosition } from './store'

/** Whether the child pays the hardship price: flagged and a proof photo on file. */
export const qualifiesForHardship = (child: YpChildRecord | undefined) =>
  !!child && child.hardship && !!child.hardshipProofImageId

/** What the child pays for the course, in fen. */
export const feeForChild = (course: YpCourseRecord, child: YpChildRecord | undefined) =>
  feeFor(course, { hardship: qualifiesForHardship(child) })

/** The child's applications that still hold or seek a place (pending, admitted, waitlisted, confirmed), oldest first. */
export function activeEnrollmentsOf(data: Collections, childId: string): YpEnrollmentRecord[] {
  return Object.values(data.ypEnrollments)
    .filter((e) => e.childId === childId && PLACE_HOLDING.includes(e.status))
    .sort((a, b) => a.appliedAt.localeCompare(b.appliedAt) || a.id.localeCompare(b.id))
}

/** A child profile for its parent, with the courses that still hold or seek a place. */
export function childDto(data: Collections, c: YpChildRecord, nowIso: string): YpChildDto {
  return {
    id: c.id,
    name: c.name,
    birthDate: c.birthDate,
    age: Math.max(0, ageOn(c.birthDate, beijingDate(nowIso))),
    hardship: c.hardship,
    hardshipProof: !!c.hardshipProofImageId,
    hardshipProofImageId: c.hardshipProofImageId ?? null,
    activeCourseNames: activeEnrollmentsOf(data, c.id)
      .map((e) => data.ypCourses[e.courseId]?.name ?? '')
      .filter(Boolean),
    createdAt: c.createdAt,
    updatedAt: c.updatedAt,
  }
}

/**
 * A term as the viewer sees it (their window depends on residence and last term's no-shows), with its
 * registration phase on `nowIso` (the backend's clock, so mock time moves it).
 */
export function termDto(data: Collections, t: YpTermRecord, viewer: User, nowIso: string): YpTermDto {
  const priority = hasPriority(data, viewer, t)
  return {
    id: t.id,
    communityId: t.communityId,
    communityName: data.communities[t.communityId]?.name ?? '',
    name: t.name,
    startDate: t.startDate,
    endDate: t.endDate,
    opensAt: t.opensAt,
    closesAt: t.closesAt,
    status: t.status,
    resident: isResident(viewer, t),
    priority,
    viewerOpensAt: priority ? t.opensAt : addDays(t.opensAt, DEFAULT_YOUTH_SETTINGS.nonResidentDelayDays),
    phase: registrationPhase(t, nowIso),
    today: beijingDate(nowIso),
    openedAt: t.openedAt,
    closedAt: t.closedAt,
    drawnAt: t.drawnAt,
  }
}

/** What a course's revealed lottery decided (counts from the lottery record), or null before the draw. */
export function drawOutcome(data: Collections, courseId: string): YpDrawOutcomeDto | null {
  const l = data.ypLotteries[courseId]
  if (!l?.revealedAt) return null
  return {
    drawn: !!l.drawn,
    applicants: l.applications?.length ?? 0,
    admitted: l.admitted?.length ?? 0,
    waitlisted: l.waitlist?.length ?? 0,
  }
}

/**
 * A catalogue entry with the term's registration phase on `nowIso` (the backend's clock) and, once
 * drawn, what the draw decided; with `child`, whether it fits them and their price.
 */
export function courseDto(
  data: Collections,
  c: YpCourseRecord,
  t: YpTermRecord,
  nowIso: string,
  child?: YpChildRecord,
): YpCourseDto {
  const mine = Object.values(data.ypEnrollments).filter((e) => e.courseId === c.id)
  const policy = cancellationPolicy(c, t, 0)
  const lottery = data.ypLotteries[c.id]
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
    seatsLeft: Math.max(0, c.capacity - mine.filter((e) => SEAT_HOLDING.includes(e.status)).length),
    pendingCount: mine.filter((e) => e.status === 'pending').length,
    waitlistCount: mine.filter((e) => e.status === 'waitlisted').length,
    phase: registrationPhase(t, nowIso),
    closesAt: t.closesAt,
    draw: c.admission === 'lottery' ? drawOutcome(data, c.id) : null,
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

/** A course with description and session dates (see `courseDto`). */
export function courseDetailDto(
  data: Collections,
  c: YpCourseRecord,
  t: YpTermRecord,
  nowIso: string,
  child?: YpChildRecord,
): YpCourseDetailDto {
  return { ...courseDto(data, c, t, nowIso, child), description: c.description, sessionDates: sessionDates(c, t) }
}

/** A payment for its payer. */
export function paymentDto(p: YpPaymentRecord): YpPaymentDto {
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

/** The latest payment of an enrollment, if any. */
export function paymentOf(data: Collections, enrollmentId: string): YpPaymentRecord | undefined {
  return Object.values(data.ypPayments)
    .filter((p) => p.enrollmentId === enrollmentId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))[0]
}

/** An enrollment for the parent: status, waitlist position, price due, payment and cancellation terms. */
export function enrollmentDto(data: Collections, e: YpEnrollmentRecord, nowIso: string): YpEnrollmentDto {
  const course = data.ypCourses[e.courseId]
  const term = data.ypTerms[e.termId]
  const child = data.ypChildren[e.childId]
  const payment = paymentOf(data, e.id)
  const policy = PLACE_HOLDING.includes(e.status) ? cancellationPolicy(course, term, nowIso) : null
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
    waitlistPosition: waitlistPosition(data, e),
    feeDueFen: course ? feeForChild(course, child) : 0,
    payment: payment ? paymentDto(payment) : null,
    noShow: !!e.noShow,
    cancellation: policy,
  }
}

/** A course's lottery for anyone: the secret, seed and order only once revealed. */
export function lotteryDto(data: Collections, courseId: string, viewerId: string): YpLotteryDto | null {
  const l = data.ypLotteries[courseId]
  const course = data.ypCourses[courseId]
  if (!l || !course) return null
  const revealed = !!l.revealedAt
  const parentOf = (id: string) => data.ypEnrollments[id]?.parentId
  return {
    courseId,
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
      mine: parentOf(a.id) === viewerId,
    })),
    order: l.order ?? [],
    admitted: l.admitted ?? [],
    waitlist: l.waitlist ?? [],
  }
}
