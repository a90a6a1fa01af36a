/**
 * The youth palace's data in one transaction: terms, courses, children, enrollments, payments,
 * lotteries, attendance, no-shows and leaves. Every list states its order.
 */
import { PLACE_HOLDING, type EnrollmentStatus } from '@/domain/youth-palace/types'
import type { Table, Tables } from '@/backend/core/data/store'
import type {
  YpAttendanceRecord,
  YpChildRecord,
  YpCourseRecord,
  YpEnrollmentRecord,
  YpLeaveRecord,
  YpLotteryRecord,
  YpNoShowRecord,
  YpPaymentRecord,
  YpSessionCancellationRecord,
  YpTermRecord,
} from './model'
import {
  attendanceTable,
  childrenTable,
  coursesTable,
  enrollmentsTable,
  leavesTable,
  lotteriesTable,
  noShowsTable,
  paymentsTable,
  sessionCancellationsTable,
  termsTable,
} from './tables'

const HOLDING = { in: PLACE_HOLDING }

/** Rows by key, in the order of `keys` (missing keys left out). */
async function many<R extends object>(table: Table<R>, keys: readonly string[]): Promise<R[]> {
  const out: R[] = []
  for (const k of [...new Set(keys)]) {
    const row = await table.get(k)
    if (row) out.push(row)
  }
  return out
}

export class YouthPalaceRepository {
  readonly terms: Table<YpTermRecord>
  readonly courses: Table<YpCourseRecord>
  readonly children: Table<YpChildRecord>
  readonly enrollments: Table<YpEnrollmentRecord>
  readonly payments: Table<YpPaymentRecord>
  readonly lotteries: Table<YpLotteryRecord>
  readonly attendance: Table<YpAttendanceRecord>
  readonly noShows: Table<YpNoShowRecord>
  readonly leaves: Table<YpLeaveRecord>
  readonly cancellations: Table<YpSessionCancellationRecord>

  constructor(tables: Tables) {
    this.terms = tables.of(termsTable)
    this.courses = tables.of(coursesTable)
    this.children = tables.of(childrenTable)
    this.enrollments = tables.of(enrollmentsTable)
    this.payments = tables.of(paymentsTable)
    this.lotteries = tables.of(lotteriesTable)
    this.attendance = tables.of(attendanceTable)
    this.noShows = tables.of(noShowsTable)
    this.leaves = tables.of(leavesTable)
    this.cancellations = tables.of(sessionCancellationsTable)
  }

  // Terms and courses

  /** A community's terms (drafts included), latest start first. */
  termsOf(communityId: string): Promise<YpTermRecord[]> {
    return this.terms.find({ where: { communityId }, order: [['startDate', 'desc']] })
  }

  /** The community's term starting last before `startDate` (`YYYY-MM-DD`), if any. */
  termBefore(communityId: string, startDate: string): Promise<YpTermRecord | undefined> {
    return this.terms.first({ where: { communityId, startDate: { lt: startDate } }, order: [['startDate', 'desc']] })
  }

  /** A term's courses, in the order they were created. */
  coursesOfTerm(termId: string): Promise<YpCourseRecord[]> {
    return this.courses.find({ where: { termId }, order: [['createdAt', 'asc']] })
  }

  /** A term's lottery courses, in the order they were created. */
  lotteryCoursesOf(termId: string): Promise<YpCourseRecord[]> {
    return this.courses.find({ where: { termId, admission: 'lottery' }, order: [['createdAt', 'asc']] })
  }

  /** How many courses a term has. */
  courseCount(termId: string): Promise<number> {
    return this.courses.count({ termId })
  }

  /** How many lottery courses a term has. */
  lotteryCourseCount(termId: string): Promise<number> {
    return this.courses.count({ termId, admission: 'lottery' })
  }

  /**
   * Terms of every community whose registration closed before `today` (`YYYY-MM-DD`) and that are not
   * drawn yet (status open or closed), earliest closing first: the draw reminders' candidates.
   */
  termsAwaitingDraw(today: string): Promise<YpTermRecord[]> {
    return this.terms.find({
      where: { status: { in: ['open', 'closed'] }, closesAt: { lt: today } },
      order: [
        ['closesAt', 'asc'],
        ['id', 'asc'],
      ],
    })
  }

  /** Courses by id, in the order given (unknown ids left out). */
  coursesByIds(ids: readonly string[]): Promise<YpCourseRecord[]> {
    return many(this.courses, ids)
  }

  // Children

  /** A parent's children (deleted profiles left out), oldest child first. */
  childrenOf(parentId: string): Promise<YpChildRecord[]> {
    return this.children.find({ where: { parentId, deletedAt: null }, order: [['birthDate', 'asc']] })
  }

  /** Every profile a parent made, deleted ones included (account erasure), in the order they were made. */
  allChildrenOf(parentId: string): Promise<YpChildRecord[]> {
    return this.children.find({ where: { parentId }, order: [['createdAt', 'asc']] })
  }

  /** Children by id, in the order given (erased ones left out). */
  childrenByIds(ids: readonly string[]): Promise<YpChildRecord[]> {
    return many(this.children, ids)
  }

  // Enrollments

  /** Enrollments by id, in the order given. */
  enrollmentsByIds(ids: readonly string[]): Promise<YpEnrollmentRecord[]> {
    return many(this.enrollments, ids)
  }

  /** A child's enrollments in any status, newest application first. */
  enrollmentsOfChild(childId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({
      where: { childId },
      order: [
        ['appliedAt', 'desc'],
        ['id', 'desc'],
      ],
    })
  }

  /**
   * A child's applications that hold or seek a place (pending, admitted, waitlisted, confirmed), oldest
   * application first; with `termId`, those of that term only.
   */
  placesOfChild(childId: string, termId?: string): Promise<YpEnrollmentRecord[]> {
    const where = termId ? { childId, status: HOLDING, termId } : { childId, status: HOLDING }
    return this.enrollments.find({ where, order: [['appliedAt', 'asc']] })
  }

  /** A parent's enrollments in any status, newest application first. */
  enrollmentsOfParent(parentId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({
      where: { parentId },
      order: [
        ['appliedAt', 'desc'],
        ['id', 'desc'],
      ],
    })
  }

  /** A parent's applications that hold or seek a place, oldest application first (account deletion). */
  placesOfParent(parentId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({ where: { parentId, status: HOLDING }, order: [['appliedAt', 'asc']] })
  }

  /** Every enrollment of a course, in application order. */
  enrollmentsOfCourse(courseId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({ where: { courseId }, order: [['appliedAt', 'asc']] })
  }

  /**
   * A course's applications that hold or seek a place, in application order (the order the waitlist
   * rules break ties by).
   */
  placesOfCourse(courseId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({ where: { courseId, status: HOLDING }, order: [['appliedAt', 'asc']] })
  }

  /** A course's enrollments in one status (pending for the draw, confirmed for attendance), in application order. */
  enrollmentsInStatus(courseId: string, status: EnrollmentStatus): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({ where: { courseId, status }, order: [['appliedAt', 'asc']] })
  }

  /**
   * A course's waitlist, first in first out: by the time each joined it (`queuedAt`), then draw rank
   * (`queueRank`), application time and id.
   */
  waitlistOf(courseId: string): Promise<YpEnrollmentRecord[]> {
    return this.enrollments.find({
      where: { courseId, status: 'waitlisted' },
      order: [
        ['queuedAt', 'asc'],
        ['queueRank', 'asc'],
        ['appliedAt', 'asc'],
      ],
    })
  }

  /** Offers (admitted with a confirm-by time) whose time ended before `nowIso`, earliest deadline first. */
  lapsedOffers(nowIso: string): Promise<YpEnrollmentRecord[]> {
    const where = { status: 'admitted' as const, confirmBy: { lt: nowIso } }
    return this.enrollments.find({ where, order: [['confirmBy', 'asc']] })
  }

  /** Every offer still open (admitted with a confirm-by time after `nowIso`), earliest deadline first. */
  allOpenOffers(nowIso: string): Promise<YpEnrollmentRecord[]> {
    const where = { status: 'admitted' as const, confirmBy: { gt: nowIso } }
    return this.enrollments.find({ where, order: [['confirmBy', 'asc']] })
  }

  /**
   * A parent's offers still open (admitted with a confirm-by time after `nowIso`), earliest deadline
   * first: home's to-dos.
   */
  openOffersOf(parentId: string, nowIso: string): Promise<YpEnrollmentRecord[]> {
    const where = { parentId, status: 'admitted' as const, confirmBy: { gt: nowIso } }
    return this.enrollments.find({ where, order: [['confirmBy', 'asc']] })
  }

  // Payments, attendance, no-shows

  /** The latest payment of an enrollment (by creation, then id), if any. */
  latestPaymentOf(enrollmentId: string): Promise<YpPaymentRecord | undefined> {
    return this.payments.first({
      where: { enrollmentId },
      order: [
        ['createdAt', 'desc'],
        ['id', 'desc'],
      ],
    })
  }

  /** Every payment of an enrollment, oldest first (the data export). */
  paymentsOf(enrollmentId: string): Promise<YpPaymentRecord[]> {
    return this.payments.find({ where: { enrollmentId }, order: [['createdAt', 'asc']] })
  }

  /** A family's no-shows of every term, oldest first (the data export). */
  noShowsOf(parentId: string): Promise<YpNoShowRecord[]> {
    return this.noShows.find({ where: { parentId }, order: [['at', 'asc']] })
  }

  /** An enrollment's attendance marks, by session date. */
  attendanceOf(enrollmentId: string): Promise<YpAttendanceRecord[]> {
    return this.attendance.find({ where: { enrollmentId }, order: [['sessionDate', 'asc']] })
  }

  /** A course's attendance marks, by session date then enrollment. */
  attendanceOfCourse(courseId: string): Promise<YpAttendanceRecord[]> {
    return this.attendance.find({
      where: { courseId },
      order: [
        ['sessionDate', 'asc'],
        ['enrollmentId', 'asc'],
      ],
    })
  }

  /** The marks of a course's session on `sessionDate` (none before its roll call), by enrollment. */
  attendanceOfSession(courseId: string, sessionDate: string): Promise<YpAttendanceRecord[]> {
    return this.attendance.find({ where: { courseId, sessionDate }, order: [['enrollmentId', 'asc']] })
  }

  /** The no-show recorded for an enrollment's absence from the session on `sessionDate`, if any. */
  absenceOf(e: YpEnrollmentRecord, sessionDate: string): Promise<YpNoShowRecord | undefined> {
    return this.noShows.first({
      where: { parentId: e.parentId, termId: e.termId, enrollmentId: e.id, sessionDate, reason: 'absent' },
      order: [['id', 'asc']],
    })
  }

  /** How many no-shows a family has in a term. */
  noShowCount(parentId: string, termId: string): Promise<number> {
    return this.noShows.count({ parentId, termId })
  }

  /** The leaves asked for one session of a course, by enrollment. */
  leavesOfSession(courseId: string, sessionDate: string): Promise<YpLeaveRecord[]> {
    return this.leaves.find({ where: { courseId, sessionDate }, order: [['enrollmentId', 'asc']] })
  }

  /** An enrollment's leaves, by session date. */
  leavesOf(enrollmentId: string): Promise<YpLeaveRecord[]> {
    return this.leaves.find({ where: { enrollmentId }, order: [['sessionDate', 'asc']] })
  }

  /** The sessions of a course the palace cancelled, by session date. */
  cancellationsOf(courseId: string): Promise<YpSessionCancellationRecord[]> {
    return this.cancellations.find({ where: { courseId }, order: [['sessionDate', 'asc']] })
  }
}

declare module '../../core/router' {
  interface FeatureRepositories {
    youthPalace: YouthPalaceRepository
  }
}
