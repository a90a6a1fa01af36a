/**
 * "One thing" guides (一件事): saved progress with deadline reminders, service halls, availability and
 * window appointments. Mutations take an optional idempotency key (keep one per user action).
 */
import type {
  BookAppointmentInput,
  ChangeAppointmentInput,
  HallAvailabilityDto,
  MyAppointmentsDto,
  OneThingAppointmentDto,
  OneThingProgressDto,
  OneThingProgressInput,
  OneThingProgressSummaryDto,
  ServiceHallDto,
  WorkerAppointmentDto,
  WorkerAppointmentsDto,
} from '@/domain/one-thing/contracts'
import { apiRequest } from '../request'

const enc = encodeURIComponent

/** Events the user has started, most recent first. */
export const listOneThingProgress = () => apiRequest<OneThingProgressSummaryDto[]>({ path: '/api/one-thing/progress' })

/** Saved progress of one event (`version` 0 and empty when never saved). Throws `ApiError` 400 for a malformed id. */
export const getOneThingProgress = (eventId: string) =>
  apiRequest<OneThingProgressDto>({ path: `/api/one-thing/progress/${enc(eventId)}` })

/**
 * Replaces the saved progress of one event; deadlines (≤ 5, computed with `computeDeadlines`) each send
 * one reminder message. Throws `ApiError` 400 `INVALID_INPUT`, 409 `PROGRESS_CHANGED` (stale `baseVersion`),
 * 422 `TOO_MANY_EVENTS`, 403 `PRIVACY_NOT_ACCEPTED`.
 */
export const saveOneThingProgress = (eventId: string, input: OneThingProgressInput, idempotencyKey?: string) =>
  apiRequest<OneThingProgressDto>({
    method: 'PUT',
    path: `/api/one-thing/progress/${enc(eventId)}`,
    body: input,
    idempotencyKey,
  })

/** Service halls taking appointments, those serving the user's community first. */
export const listServiceHalls = () => apiRequest<ServiceHallDto[]>({ path: '/api/one-thing/halls' })

/**
 * Days from tomorrow to 14 days ahead at one hall: closed days with a reason, open days with slots and remaining
 * places.
 */
export const getHallAvailability = (hallId: string) =>
  apiRequest<HallAvailabilityDto>({ path: `/api/one-thing/halls/${enc(hallId)}/availability` })

/** The user's appointments: upcoming (soonest first) and past or cancelled (newest first). */
export const listMyAppointments = () => apiRequest<MyAppointmentsDto>({ path: '/api/one-thing/appointments' })

/**
 * Books a window slot. Throws `ApiError` 409 `APPOINTMENT_EXISTS` / `SLOT_FULL`, 422 `DATE_PAST`,
 * `DATE_TOO_FAR`, `HOLIDAY`, `NOT_WORKING_DAY`, `CALENDAR_NOT_COVERED`, `NO_SUCH_SLOT`, `REAL_NAME_REQUIRED`.
 */
export const bookAppointment = (input: BookAppointmentInput, idempotencyKey?: string) =>
  apiRequest<OneThingAppointmentDto>({
    method: 'POST',
    path: '/api/one-thing/appointments',
    body: input,
    idempotencyKey,
  })

/**
 * Moves an appointment to another slot in one step (same errors as booking, plus 409 `APPOINTMENT_CANCELLED` /
 * `APPOINTMENT_STARTED`, 422 `SAME_SLOT`).
 */
export const changeAppointment = (id: string, input: ChangeAppointmentInput, idempotencyKey?: string) =>
  apiRequest<OneThingAppointmentDto>({
    method: 'PATCH',
    path: `/api/one-thing/appointments/${enc(id)}`,
    body: input,
    idempotencyKey,
  })

/** Cancels an appointment before its slot begins, freeing the place. */
export const cancelAppointment = (id: string, idempotencyKey?: string) =>
  apiRequest<OneThingAppointmentDto>({
    method: 'POST',
    path: `/api/one-thing/appointments/${enc(id)}/cancel`,
    idempotencyKey,
  })

/** Worker: today's window appointments at the halls serving the worker's community, by slot. */
export const listWorkerAppointments = () =>
  apiRequest<WorkerAppointmentsDto>({ path: '/api/worker/one-thing/appointments' })

/**
 * Worker: marks today's appointment 已办结 (the resident is told). Errors: 409 `APPOINTMENT_DONE`,
 * `APPOINTMENT_CANCELLED`, `NOT_TODAY`; 404 `NO_SUCH_APPOINTMENT`.
 */
export const markAppointmentDone = (id: string, idempotencyKey?: string) =>
  apiRequest<WorkerAppointmentDto>({
    method: 'POST',
    path: `/api/worker/one-thing/appointments/${enc(id)}/done`,
    idempotencyKey,
  })
