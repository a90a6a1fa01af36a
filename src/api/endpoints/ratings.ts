/**
 * Ratings of window appointments and courses (好差评) and the worker's follow-ups. Writes take an
 * idempotency key (one per user action). Errors: 409 `ALREADY_RATED`, `NOT_YET_VISITED`,
 * `TOO_EARLY_TO_RATE`, `NOT_ATTENDING`, `ALREADY_ANSWERED`; 400 with `fields` for stars or text.
 */
import type { RatingDto } from '@/domain/shared/ratings'
import { apiRequest } from '../request'

/** What a rate route answers: the rating and what to tell the person. */
export interface RatedDto {
  rating: RatingDto
  notice: string
}
/** Stars 1–5 and an optional comment (≤ 200 characters). */
export interface RatingInput {
  stars: number
  comment?: string
}

const enc = encodeURIComponent

/** The person's ratings (or the one they act for), oldest first. */
export const listMyRatings = () => apiRequest<RatingDto[]>({ path: '/api/me/ratings' })
/** Rates a window appointment whose time has come (or re-rates it once its follow-up was answered). */
export const rateAppointment = (id: string, input: RatingInput, idempotencyKey?: string) =>
  apiRequest<RatedDto>({
    method: 'POST',
    path: `/api/one-thing/appointments/${enc(id)}/rate`,
    body: input,
    idempotencyKey,
  })
/** Rates a child's course (after 3 attended sessions or the term's end), or re-rates it once. */
export const rateEnrollment = (id: string, input: RatingInput, idempotencyKey?: string) =>
  apiRequest<RatedDto>({
    method: 'POST',
    path: `/api/youth-palace/enrollments/${enc(id)}/rate`,
    body: input,
    idempotencyKey,
  })
/** The worker's follow-ups: open ones (earliest due first, `overdue` flagged) and the last 20 answered. */
export const listFollowUps = () =>
  apiRequest<{ open: RatingDto[]; answered: RatingDto[] }>({ path: '/api/worker/ratings' })
/** The worker's written answer to a follow-up; the resident is told and may rate once more. */
export const answerFollowUp = (id: string, text: string, idempotencyKey?: string) =>
  apiRequest<RatingDto>({
    method: 'POST',
    path: `/api/worker/ratings/${enc(id)}/answer`,
    body: { text },
    idempotencyKey,
  })
