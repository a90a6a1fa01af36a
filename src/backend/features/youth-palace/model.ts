/**
 * Stored records of the Doorstep youth palace (家门口青少年宫, domain.md §2), one table each (see
 * `tables.ts`). Records extend the pure domain types (`Term`, `Course`, `Enrollment`) so the domain rules
 * take them as they are. Dates `YYYY-MM-DD` (Beijing), instants ISO with +08:00, money integer fen.
 */
import type { LotteryApplication } from '@/domain/youth-palace/lottery'
import type { Course, Enrollment, SessionCancelReason, Term, TermStatus } from '@/domain/youth-palace/types'

/** Registration state of a term: draft → open (commitments published) → closed → drawn. */
type YpTermStatus = TermStatus

/** A term of one community's youth palace. */
export interface YpTermRecord extends Term {
  communityId: string
  status: YpTermStatus
  createdBy: string
  createdAt: string
  openedAt?: string
  closedAt?: string
  drawnAt?: string
  /** When the community's workers were last reminded to close registration and draw (see `remindDraws`). */
  drawRemindedAt?: string
}

/** A stored course: the domain's `Course` with its community and who created it when. */
export interface YpCourseRecord extends Course {
  communityId: string
  createdBy: string
  createdAt: string
}

/** A child profile of a parent (`parentId` = user id). Soft-deleted with `deletedAt`. */
export interface YpChildRecord {
  id: string
  parentId: string
  name: string
  birthDate: string
  hardship: boolean
  /** Image id (`tx.core.images`) of the hardship proof photo. */
  hardshipProofImageId?: string
  createdAt: string
  updatedAt: string
  deletedAt?: string
}

/** An application / enrollment, with who applied and how the place came. */
export interface YpEnrollmentRecord extends Enrollment {
  parentId: string
  termId: string
  source: 'apply' | 'draw' | 'waitlist'
  appliedAt: string
  updatedAt: string
  /** Random hex mixed into check-in code hashes, so codes cannot be forged from the id alone. */
  checkinSalt: string
  confirmedAt?: string
  cancelledAt?: string
  /** The paid payment, once confirmed with a fee. */
  paymentId?: string
}

/**
 * A WeChat Pay order of a course fee (`outTradeNo` ours, `transactionId` WeChat Pay's once paid): `created`
 * until WeChat Pay's notification or our query says paid; `refunding` from the refund asked (our
 * `outRefundNo`) until its notification or query says it succeeded (`refunded`).
 */
export interface YpPaymentRecord {
  id: string
  enrollmentId: string
  parentId: string
  amountFen: number
  status: 'created' | 'paid' | 'refunding' | 'refunded'
  outTradeNo: string
  transactionId?: string
  outRefundNo?: string
  refundRequestedAt?: string
  prepayId: string
  nonceStr: string
  timeStamp: string
  createdAt: string
  paidAt?: string
  refundedAt?: string
  refundId?: string
}

/**
 * Commit–reveal lottery of one course (key = course id). `secret` stays server-side until the draw
 * (`revealedAt`); then `seed`, the frozen `applications` and the result are public. The result lists
 * are the published record of the draw, never changed afterwards (enrollments carry the live status).
 */
export interface YpLotteryRecord {
  courseId: string
  termId: string
  commitment: string
  secret: string
  committedAt: string
  revealedAt?: string
  /** false = not over-subscribed: everyone admitted without a draw (the secret is still revealed). */
  drawn?: boolean
  seed?: string
  seats?: number
  applications?: LotteryApplication[]
  order?: string[]
  admitted?: string[]
  waitlist?: string[]
}

/** Attendance of one enrollment at one session date (key `<enrollmentId>:<sessionDate>`). */
export interface YpAttendanceRecord {
  id: string
  enrollmentId: string
  courseId: string
  sessionDate: string
  present: boolean
  markedBy: string
  markedAt: string
}

/** A no-show of a family in a term: a late cancellation or an absence. 3 in a term → no priority next term. */
export interface YpNoShowRecord {
  id: string
  parentId: string
  termId: string
  childId?: string
  enrollmentId?: string
  sessionDate?: string
  reason: 'late-cancel' | 'absent'
  at: string
}

/** Leave (请假) of one enrollment for one session date, asked before it started (key `<enrollmentId>:<sessionDate>`). */
export interface YpLeaveRecord {
  id: string
  enrollmentId: string
  courseId: string
  parentId: string
  sessionDate: string
  at: string
}

/** A session the palace cancelled (停课) before it started (key `<courseId>:<sessionDate>`): no roll call, no no-show. */
export interface YpSessionCancellationRecord {
  id: string
  courseId: string
  sessionDate: string
  reason: SessionCancelReason
  cancelledBy: string
  at: string
}
