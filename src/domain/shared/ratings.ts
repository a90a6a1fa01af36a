/**
 * Ratings of window appointments and youth-palace courses (好差评), in the shape of the care card's:
 * 1–5 stars and a comment. A rating of {@link FOLLOW_UP_MAX_STARS} stars or fewer opens a follow-up
 * (差评回访) that a community worker answers in writing by the end of the next working day
 * (statutory holidays and make-up working days respected, `workingDays.ts`); once it is answered the
 * resident may rate once more (the second rating is kept beside the first, which stays).
 */
import { addWorkingDays } from './workingDays'
import { beijingDate } from './time'

/** What can be rated here: a window appointment (一件事) or a child's course (青少年宫). */
export type RatingKind = 'appointment' | 'course'

/** Labels of {@link RatingKind} (the worker's list). */
export const RATING_KIND_LABELS: Readonly<Record<RatingKind, string>> = {
  appointment: '窗口预约',
  course: '青少年宫课程',
}

/** A rating of this many stars or fewer opens a follow-up. */
export const FOLLOW_UP_MAX_STARS = 2

/** The hour (Beijing) on the next working day by which a follow-up is answered: the office's closing time. */
const FOLLOW_UP_DUE_HOUR = 18

/** What the resident is told about a low rating, built from the rule's constants. */
export const FOLLOW_UP_PROMISE = `社区工作人员会在下一个工作日 ${FOLLOW_UP_DUE_HOUR}:00 前答复您`

/**
 * A course can be rated once the child attended this many sessions, or once its last session has
 * passed (a course with fewer sessions).
 */
export const COURSE_RATING_MIN_SESSIONS = 3

/**
 * Whether a child's course may be rated: the place is confirmed and the child attended
 * {@link COURSE_RATING_MIN_SESSIONS} sessions, or the term is over (`today` after `termEnd`, `YYYY-MM-DD`).
 */
export function courseRatable(status: string, attended: number, today: string, termEnd: string): boolean {
  return status === 'confirmed' && (attended >= COURSE_RATING_MIN_SESSIONS || today > termEnd)
}

/**
 * When a follow-up of a rating made at `ratedAt` is due: the next working day after the rating's
 * Beijing date, at {@link FOLLOW_UP_DUE_HOUR}:00 (a rating on Friday or before a holiday waits for the
 * first working day after).
 * @param ratedAt ISO instant; @returns ISO instant with +08:00
 */
export function followUpDueAt(ratedAt: string): string {
  return `${addWorkingDays(beijingDate(ratedAt), 1)}T${String(FOLLOW_UP_DUE_HOUR).padStart(2, '0')}:00:00+08:00`
}

/** Where a follow-up stands: none (3 stars or more), open (waiting for the worker), answered. */
export type FollowUpStatus = 'none' | 'open' | 'answered'

/** A rating as the resident and the worker see it (`GET /api/me/ratings`, `GET /api/worker/ratings`). */
export interface RatingDto {
  id: string
  kind: RatingKind
  subjectId: string
  /** The thing rated in words, e.g. "窗口预约：新生儿出生一件事 · 2026年3月3日 09:00". */
  what: string
  stars: number
  comment?: string
  /** ISO instant. */
  ratedAt: string
  followUp: {
    status: FollowUpStatus
    /** ISO instant; when open or answered. */
    dueAt?: string
    overdue: boolean
    answer?: string
    answeredAt?: string
  }
  /** The one re-rating after the follow-up was answered. */
  reRating?: { stars: number; comment?: string; at: string }
  /** Whether the resident may rate again now (follow-up answered, not yet re-rated). */
  canReRate: boolean
  /** Worker's list only: the resident's name. */
  residentName?: string
}
