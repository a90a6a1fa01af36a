/**
 * Doorstep youth palace (家门口青少年宫): one typed function per endpoint. Writes take an optional
 * `idempotencyKey` (keep one per user action so a retry never applies twice). Failures throw `ApiError`
 * with the backend's plain-Chinese message (422 rule refusals, 409 full course or state conflicts).
 */
import type {
  YpAttendanceInput,
  YpAttendanceResultDto,
  YpCancelResultDto,
  YpCheckinCodeDto,
  YpLeaveDto,
  YpChildDto,
  YpChildInput,
  YpChildPatch,
  YpCourseDetailDto,
  YpCourseDto,
  YpCourseInput,
  YpDrawSummaryDto,
  YpEnrollmentDto,
  YpLotteryDto,
  YpPaymentParamsDto,
  YpRosterEntryDto,
  YpTermDto,
  YpTermInput,
  YpWorkerTermDto,
} from '@/domain/youth-palace/contracts'
import type { SessionCancelReason } from '@/domain/youth-palace/types'
import { apiRequest } from '../request'

const BASE = '/api/youth-palace'
const WORKER = '/api/worker/youth-palace'
const seg = encodeURIComponent

/** The caller's children (privacy notice must be accepted). */
export const listYpChildren = () => apiRequest<YpChildDto[]>({ path: `${BASE}/children` })
/** Adds a child; `hardshipProofPhotoId` from `uploadPhoto`. */
export const createYpChild = (input: YpChildInput, idempotencyKey?: string) =>
  apiRequest<YpChildDto>({ method: 'POST', path: `${BASE}/children`, body: input, idempotencyKey })
/** One of the caller's children (404 for anyone else's). */
export const getYpChild = (id: string) => apiRequest<YpChildDto>({ path: `${BASE}/children/${seg(id)}` })
/** Updates a child; the birth date is locked while the child holds places. */
export const updateYpChild = (id: string, patch: YpChildPatch, idempotencyKey?: string) =>
  apiRequest<YpChildDto>({ method: 'PATCH', path: `${BASE}/children/${seg(id)}`, body: patch, idempotencyKey })
/** Removes a child without open applications. */
export const deleteYpChild = (id: string, idempotencyKey?: string) =>
  apiRequest<{ ok: true }>({ method: 'DELETE', path: `${BASE}/children/${seg(id)}`, idempotencyKey })

/** Terms of a community (default: the caller's), newest first; drafts hidden from families. */
export const listYpTerms = (communityId?: string) =>
  apiRequest<YpTermDto[]>({ path: `${BASE}/terms`, query: { communityId } })
/** Courses of a term; `childId` keeps those the child fits by age on the term start and adds their price. */
export const listYpCourses = (
  termId: string,
  filter: { childId?: string; category?: string; site?: string; weekday?: number } = {},
) => apiRequest<YpCourseDto[]>({ path: `${BASE}/terms/${seg(termId)}/courses`, query: filter })
/** A course with teacher, site, session dates, seats left, fee and hardship price. */
export const getYpCourse = (courseId: string, childId?: string) =>
  apiRequest<YpCourseDetailDto>({ path: `${BASE}/courses/${seg(courseId)}`, query: { childId } })
/** A lottery course's commitment, and after the draw the revealed secret, seed and full order (re-checkable). */
export const getYpLottery = (courseId: string) =>
  apiRequest<YpLotteryDto>({ path: `${BASE}/courses/${seg(courseId)}/lottery` })

/** Applies for a child; `joinWaitlist` joins the waitlist of a full first-come course instead of a 409. */
export const applyYpCourse = (
  input: { childId: string; courseId: string; joinWaitlist?: boolean },
  idempotencyKey?: string,
) => apiRequest<YpEnrollmentDto>({ method: 'POST', path: `${BASE}/applications`, body: input, idempotencyKey })
/** The caller's applications, newest first; `childId` for one child's courses. */
export const listYpEnrollments = (childId?: string) =>
  apiRequest<YpEnrollmentDto[]>({ path: `${BASE}/enrollments`, query: { childId } })
/** Confirms a free admitted place before its confirm-by time (paid places: pay, then getYpPayment until confirmed). */
export const confirmYpEnrollment = (id: string, idempotencyKey?: string) =>
  apiRequest<YpEnrollmentDto>({ method: 'POST', path: `${BASE}/enrollments/${seg(id)}/confirm`, idempotencyKey })
/** Declines an offered place; the next waitlisted family is offered it. */
export const declineYpEnrollment = (id: string, idempotencyKey?: string) =>
  apiRequest<YpEnrollmentDto>({ method: 'POST', path: `${BASE}/enrollments/${seg(id)}/decline`, idempotencyKey })
/** Cancels: free (and refunded) until 24 h before the first session, later it counts as a no-show. */
export const cancelYpEnrollment = (id: string, idempotencyKey?: string) =>
  apiRequest<YpCancelResultDto>({ method: 'POST', path: `${BASE}/enrollments/${seg(id)}/cancel`, idempotencyKey })
/** Check-in codes (one per session date) of a confirmed place, to show as a QR code. */
export const listYpCheckinCodes = (id: string) =>
  apiRequest<YpCheckinCodeDto[]>({ path: `${BASE}/enrollments/${seg(id)}/checkin-codes` })
/** Asks leave (请假) for one session before it starts: the child is off its roll call, never a no-show. */
export const askYpLeave = (id: string, sessionDate: string, idempotencyKey?: string) =>
  apiRequest<YpLeaveDto>({
    method: 'POST',
    path: `${BASE}/enrollments/${seg(id)}/leave`,
    body: { sessionDate },
    idempotencyKey,
  })
/**
 * Takes back leave (撤销请假) asked for one session, until it starts.
 * Errors: 409 `NOT_ON_LEAVE`, 422 `SESSION_STARTED`.
 */
export const undoYpLeave = (id: string, sessionDate: string, idempotencyKey?: string) =>
  apiRequest<YpLeaveDto>({
    method: 'POST',
    path: `${BASE}/enrollments/${seg(id)}/leave/undo`,
    body: { sessionDate },
    idempotencyKey,
  })
/** Starts paying the fee: pass the result (minus paymentId/amountFen) to `Taro.requestPayment`. */
export const payYpEnrollment = (id: string, idempotencyKey?: string) =>
  apiRequest<YpPaymentParamsDto>({ method: 'POST', path: `${BASE}/enrollments/${seg(id)}/pay`, idempotencyKey })
/**
 * The enrollment as the server knows it after asking WeChat Pay (the app's word never confirms a
 * payment): `payment.status` `created` while WeChat Pay has not said it is paid (支付确认中), then the
 * place `confirmed`; a refund `refunding` → `refunded`.
 */
export const getYpPayment = (id: string) =>
  apiRequest<YpEnrollmentDto>({ path: `${BASE}/enrollments/${seg(id)}/payment` })

/** Worker: cancels a session before it starts (停课) and tells every family with a confirmed place. */
export const cancelYpSession = (
  courseId: string,
  input: { sessionDate: string; reason: SessionCancelReason },
  idempotencyKey?: string,
) =>
  apiRequest<{ told: number }>({
    method: 'POST',
    path: `${WORKER}/courses/${seg(courseId)}/cancel-session`,
    body: input,
    idempotencyKey,
  })
/** Worker: terms of the worker's community, drafts included. */
export const listYpWorkerTerms = () => apiRequest<YpWorkerTermDto[]>({ path: `${WORKER}/terms` })
/** Worker: creates a draft term. */
export const createYpTerm = (input: YpTermInput, idempotencyKey?: string) =>
  apiRequest<YpTermDto>({ method: 'POST', path: `${WORKER}/terms`, body: input, idempotencyKey })
/** Worker: adds a course to a draft or open term. */
export const createYpCourse = (termId: string, input: YpCourseInput, idempotencyKey?: string) =>
  apiRequest<YpCourseDetailDto>({
    method: 'POST',
    path: `${WORKER}/terms/${seg(termId)}/courses`,
    body: input,
    idempotencyKey,
  })
/** Worker: opens registration and publishes the lottery commitments. */
export const openYpTerm = (termId: string, idempotencyKey?: string) =>
  apiRequest<YpTermDto>({ method: 'POST', path: `${WORKER}/terms/${seg(termId)}/open`, idempotencyKey })
/** Worker: closes registration once the window has ended. */
export const closeYpTerm = (termId: string, idempotencyKey?: string) =>
  apiRequest<YpTermDto>({ method: 'POST', path: `${WORKER}/terms/${seg(termId)}/close`, idempotencyKey })
/** Worker: runs the draw of a closed term (reveals the secrets). */
export const drawYpTerm = (termId: string, idempotencyKey?: string) =>
  apiRequest<YpDrawSummaryDto>({ method: 'POST', path: `${WORKER}/terms/${seg(termId)}/draw`, idempotencyKey })
/** Worker: a course's roster with attendance. */
export const getYpRoster = (courseId: string) =>
  apiRequest<YpRosterEntryDto[]>({ path: `${WORKER}/courses/${seg(courseId)}/roster` })
/**
 * Worker: takes attendance of a session, every confirmed child present (scanned code or ticked id) or
 * absent (a no-show each), or corrects it on the day it was taken.
 */
export const takeYpAttendance = (courseId: string, input: YpAttendanceInput, idempotencyKey?: string) =>
  apiRequest<YpAttendanceResultDto>({
    method: 'POST',
    path: `${WORKER}/courses/${seg(courseId)}/attendance`,
    body: input,
    idempotencyKey,
  })
