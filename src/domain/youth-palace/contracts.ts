/**
 * Wire shapes of the Doorstep youth palace (家门口青少年宫) API (domain.md §2), shared by the backend's
 * handlers and `src/api/endpoints/youth-palace.ts`. Types only. Dates are Beijing calendar dates
 * `YYYY-MM-DD`; instants ISO with +08:00; times of day `HH:mm`; money integer fen.
 */

import type { Course, WeeklySession } from './types'

/** One weekly session: weekday as `Date#getDay` (0 = Sunday … 6 = Saturday), Beijing wall-clock times. */
export type YpSessionDto = WeeklySession

/** A child profile of the caller. `hardshipProof`: a proof photo is on file (the 50 % price needs one). */
export interface YpChildDto {
  id: string
  name: string
  birthDate: string
  /** Age in full years today (Beijing). */
  age: number
  hardship: boolean
  hardshipProof: boolean
  /** Image id of the proof photo, when one is on file. */
  hardshipProofImageId: string | null
  /**
   * Courses the child holds a place in or is still applying for (pending, admitted, waitlisted or
   * confirmed), by name. While any remain the birth date is locked and the profile cannot be deleted.
   */
  activeCourseNames: string[]
  createdAt: string
  updatedAt: string
}

/** Body to create a child; `hardshipProofPhotoId`: a proof photo by the id `POST /api/photos` answered. */
export interface YpChildInput {
  name: string
  birthDate: string
  hardship?: boolean
  hardshipProofPhotoId?: string
}
/** Body to update a child: any subset; `removeHardshipProof: true` drops the proof photo. */
export type YpChildPatch = Partial<YpChildInput> & { removeHardshipProof?: boolean }

/** Term registration state: draft (workers only) → open (commitments published) → closed → drawn. */
type YpTermStatusDto = 'draft' | 'open' | 'closed' | 'drawn'

/**
 * Where a term's registration stands by the backend's clock (Beijing date), for display
 * (`registrationPhase` in domain/youthPalaceRules): `draft` (workers only); `upcoming` (opened, window
 * not started); `open` (within the window); `ended` (window over but not yet closed by a worker:
 * applications and waitlist joins are refused); `closed` (awaiting the draw); `drawn`.
 */
type YpRegistrationPhaseDto = 'draft' | 'upcoming' | 'open' | 'ended' | 'closed' | 'drawn'

/** A term with its registration window (dates inclusive) and what it means for the viewer. */
export interface YpTermDto {
  id: string
  communityId: string
  communityName: string
  name: string
  startDate: string
  endDate: string
  opensAt: string
  closesAt: string
  status: YpTermStatusDto
  /** Whether the viewer lives in the term's community. */
  resident: boolean
  /** Whether the viewer's family keeps resident priority (resident and < 3 no-shows last term). */
  priority: boolean
  /** First day the viewer may apply (opensAt with priority, the 4th day otherwise). */
  viewerOpensAt: string
  /** Registration as of `today`, by the backend's clock (not the phone's). */
  phase: YpRegistrationPhaseDto
  /** Today's Beijing date by the backend's clock (mock time in mock mode), `YYYY-MM-DD`. */
  today: string
  openedAt?: string
  closedAt?: string
  drawnAt?: string
}

/**
 * What a lottery course's draw decided, from its lottery record once revealed: `applicants` drawn,
 * `admitted` given a place, `waitlisted` queued in draw order. `drawn` false: not over-subscribed, so
 * everyone was admitted without a draw. Later declines and promotions do not change these figures.
 */
export interface YpDrawOutcomeDto {
  drawn: boolean
  applicants: number
  admitted: number
  waitlisted: number
}

/**
 * A course in the catalogue: the `Course` (without its description) and counts; `seatsLeft` = capacity −
 * admitted − confirmed.
 */
export interface YpCourseDto extends Omit<Course, 'description'> {
  seatsLeft: number
  /** Applications awaiting the draw (lottery courses during registration; 0 once drawn). */
  pendingCount: number
  waitlistCount: number
  /** The term's registration phase by the backend's clock (see `YpRegistrationPhaseDto`). */
  phase: YpRegistrationPhaseDto
  /** Last day of the term's registration window (inclusive), `YYYY-MM-DD`. */
  closesAt: string
  /** What the draw decided (lottery courses, once drawn), else null. */
  draw: YpDrawOutcomeDto | null
  /** e.g. `周六 09:00–10:30` */
  scheduleText: string
  /** The price for hardship families with proof (50 % off, rounded half up). */
  hardshipFeeFen: number
  /** The price for the child given as `childId` (hardship price when the child qualifies). */
  childFeeFen?: number
  /** Whether the child given as `childId` fits the age band on the term start. */
  childFits?: boolean
  firstSession: string
  /** Free cancellation until this instant (first session − 24 h). */
  freeCancelUntil: string
  /** SHA-256 commitment of the lottery secret, once published (lottery courses). */
  commitment: string | null
}

/** A course with its session dates in the term. */
export interface YpCourseDetailDto extends YpCourseDto {
  description: string
  sessionDates: string[]
  /** Whether the viewer has a verified room in the course's community (decided by the backend). */
  viewerResident: boolean
  /** Whether the viewer keeps resident priority (resident and < 3 no-shows last term). */
  viewerPriority: boolean
  /** First day the viewer may apply, `YYYY-MM-DD` (later than the term's first day without priority). */
  viewerOpensAt: string
  /** Today's Beijing date by the backend's clock, `YYYY-MM-DD`. */
  today: string
  /** Session dates the palace cancelled (停课). */
  cancelledSessions: string[]
}

/** A payment of a course fee (mock WeChat Pay). */
export interface YpPaymentDto {
  id: string
  amountFen: number
  /** `created`: not known paid yet (支付确认中 while the app polls); `refunding`: refund asked, not yet settled. */
  status: 'created' | 'paid' | 'refunding' | 'refunded'
  createdAt: string
  paidAt?: string
  refundedAt?: string
  refundId?: string
}

/** What `Taro.requestPayment` takes (mock values in mock mode), plus our payment id. */
export interface YpPaymentParamsDto {
  paymentId: string
  amountFen: number
  timeStamp: string
  nonceStr: string
  package: string
  signType: 'RSA'
  paySign: string
}

/** Where an application stands (see `EnrollmentStatus` in domain/youthPalaceTypes). */
export type YpEnrollmentStatusDto =
  'pending' | 'admitted' | 'waitlisted' | 'confirmed' | 'cancelled' | 'declined' | 'expired'

/** One application / enrollment of a child in a course. */
export interface YpEnrollmentDto {
  id: string
  childId: string
  childName: string
  courseId: string
  courseName: string
  termId: string
  site: string
  scheduleText: string
  status: YpEnrollmentStatusDto
  /** How the place came: own application, the draw, or promotion from the waitlist. */
  source: 'apply' | 'draw' | 'waitlist'
  appliedAt: string
  /** Deadline to confirm (and pay) an admitted place. */
  confirmBy?: string
  /** 1 = next in line (waitlisted only). */
  waitlistPosition: number | null
  /** What confirming costs for this child (0 = free). */
  feeDueFen: number
  payment: YpPaymentDto | null
  noShow: boolean
  /** Cancellation terms while the application still holds a place. */
  cancellation: { free: boolean; cutoff: string; firstSession: string } | null
  /** Whether the course may be rated now (`courseRatable`: 3 sessions attended, or the term over). */
  canRate?: boolean
}

/** Result of a cancellation: the message says whether it was free and whether a no-show was counted. */
export interface YpCancelResultDto {
  enrollment: YpEnrollmentDto
  free: boolean
  refund: boolean
  refundedFen: number
  message: string
}

/** A check-in code of one session date: `MCYP:<enrollmentId>:<sessionDate>:<8 hex>`. */
export interface YpCheckinCodeDto {
  sessionDate: string
  start: string
  end: string
  code: string
  attendance: 'present' | 'absent' | null
  /** The parent asked leave (请假) for this session. */
  onLeave: boolean
  /** The palace cancelled this session (停课): no check-in, no no-show. */
  cancelled: boolean
  /** Whether leave may still be asked: not on leave, not cancelled, the session not started (backend's clock). */
  canLeave: boolean
  /** Whether the leave asked may still be taken back (撤销请假): on leave and the session not started. */
  canUndoLeave: boolean
}

/** One application in a draw; `mine` = belongs to the viewer. */
interface YpLotteryEntryDto {
  id: string
  resident: boolean
  mine: boolean
}

/**
 * A course's lottery, publicly checkable: before the draw only the commitment; afterwards the revealed
 * secret, the seed, every application with its resident flag, and the full order (admitted then waitlist).
 * Re-check: `verifyReveal(commitment, revealed)`, `lotterySeed(revealed, courseId, ids)`,
 * `drawWithPriority(applications, seats, seed)` (domain/youth-palace/lottery).
 */
export interface YpLotteryDto {
  courseId: string
  courseName: string
  termId: string
  status: 'committed' | 'drawn' | 'allAdmitted'
  commitment: string
  committedAt: string
  revealed: string | null
  revealedAt: string | null
  seed: string | null
  seats: number | null
  algorithm: string
  applications: YpLotteryEntryDto[]
  order: string[]
  admitted: string[]
  waitlist: string[]
}

/** Worker: a new term (dates inclusive; the window must close before the term starts). */
export interface YpTermInput {
  name: string
  startDate: string
  endDate: string
  opensAt: string
  closesAt: string
}

/** Worker: a new course, the `Course` fields a worker types in. Age band within 3–14; capacity 1–30; fee in fen. */
export type YpCourseInput = Omit<Course, 'id' | 'termId' | 'description'> & { description?: string }

/** Worker: a term with its courses' counts (drafts included). */
export interface YpWorkerTermDto extends YpTermDto {
  courseCount: number
  /** How many of its courses admit by lottery (drawn together when the worker runs the draw). */
  lotteryCourseCount: number
  /** First Beijing date (`YYYY-MM-DD`) on which the worker may close registration: the day after `closesAt`. */
  closableFrom: string
  /**
   * Whether its lottery courses wait for the worker to close registration and draw: `ended` once the
   * window is over, `started` once classes have begun; null otherwise (before, drawn, no lottery course).
   */
  drawDue: 'ended' | 'started' | null
}

/** Worker: outcome of the draw per lottery course. */
export interface YpDrawSummaryDto {
  term: YpTermDto
  courses: {
    courseId: string
    courseName: string
    applicants: number
    seats: number
    drawn: boolean
    admitted: number
    waitlisted: number
  }[]
}

/** Worker: one line of a course roster. */
export interface YpRosterEntryDto {
  enrollmentId: string
  childName: string
  parentName: string
  status: YpEnrollmentStatusDto
  noShow: boolean
  /** Session date → attendance (no entry before the session's roll call). */
  attendance: Record<string, 'present' | 'absent'>
  /**
   * Session date → Beijing date (`YYYY-MM-DD`) on which the mark was made or last corrected. The marks
   * of a session may be corrected on that day only.
   */
  markedOn: Record<string, string>
  /** Session dates (`YYYY-MM-DD`) the parent asked leave (请假) for. */
  leave: string[]
}

/** Body of a worker's roll call: every confirmed child present (code or id) or absent; none left out. */
export interface YpAttendanceInput {
  sessionDate: string
  codes?: string[]
  presentEnrollmentIds?: string[]
  absentEnrollmentIds?: string[]
}

/**
 * Worker: attendance of one session after a roll call or its same-day correction: enrollment ids marked
 * present, absent (a no-show each), and those whose mark this request changed.
 */
export interface YpAttendanceResultDto {
  courseId: string
  sessionDate: string
  present: string[]
  absent: string[]
  /** Enrollment ids on leave for the session and not marked (no mark, no no-show). */
  onLeave: string[]
  corrected: string[]
}

/** Leave (请假) asked for one session of an enrollment. */
export interface YpLeaveDto {
  enrollmentId: string
  sessionDate: string
}
