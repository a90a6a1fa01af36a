/**
 * Wire shapes of the "one thing" (一件事, domain.md §4) API: saved progress per life event, legal
 * deadline reminders and window appointments at service halls. Types only.
 * Dates are `YYYY-MM-DD` (Beijing); instants are ISO strings with +08:00; slot times are `HH:mm` Beijing.
 * Ids (event, question, item ids and answer values) are short safe strings: `[A-Za-z0-9_-]`, 1–48
 * characters, starting with a letter or digit.
 */

/** A legal deadline the client computed from the content (`computeDeadlines`), sent with the progress. */
interface OneThingDeadlineInput {
  /** What must be done, e.g. `出生登记` (1–40 characters); the reminder's text starts with it. */
  label: string
  /** `YYYY-MM-DD`, Beijing. */
  dueDate: string
  /** Optional short legal source shown in brackets, e.g. `户口登记条例第七条` (≤ 60 characters). */
  source?: string
}

/** Body of `PUT /api/one-thing/progress/:eventId`: replaces the saved progress of that event. */
export interface OneThingProgressInput {
  /** Question id → answer (a choice option value or a `YYYY-MM-DD` date); at most 30 answers. */
  answers: Record<string, string>
  /** Ids of the checklist items the user ticked as done; at most 60. */
  ticked: string[]
  /** At most 5; omitted means none. A reminder message is sent once per new (label, due date). */
  deadlines?: OneThingDeadlineInput[]
  /** The `version` the client last read; when given and stale, the save is refused (409 `PROGRESS_CHANGED`). */
  baseVersion?: number
}

/** A stored deadline and when its reminder message was sent. */
interface OneThingDeadlineDto {
  label: string
  dueDate: string
  source?: string
  remindedAt: string
}

/** The saved progress of one event for the caller (or the principal they act for). */
export interface OneThingProgressDto {
  eventId: string
  answers: Record<string, string>
  ticked: string[]
  deadlines: OneThingDeadlineDto[]
  /** 0 when nothing has been saved yet; +1 per save. */
  version: number
  /** ISO instant of the last save, `null` when never saved. */
  updatedAt: string | null
  /** Whether the last save was made by a family proxy (代办). */
  updatedByProxy: boolean
}

/** One row of `GET /api/one-thing/progress`: events the user has started, most recent first. */
export interface OneThingProgressSummaryDto {
  eventId: string
  answeredCount: number
  tickedCount: number
  /** Earliest stored deadline not yet passed (`YYYY-MM-DD`), or `null`. */
  nextDueDate: string | null
  updatedAt: string
}

/**
 * Where a service hall is and how to reach it: the fields the stored hall (backend `ServiceHall`) and
 * the app's `ServiceHallDto` share, written once.
 */
export interface ServiceHallPlace {
  id: string
  name: string
  city: string
  district: string
  address: string
  phone: string
  /** Windows in plain words; the first is where "one thing" appointments are received. */
  windows: string[]
}

/** A service hall (政务服务中心 / 便民服务中心) that takes "one thing" window appointments. */
export interface ServiceHallDto extends ServiceHallPlace {
  /** Opening hours in words, e.g. `工作日 09:00–12:00，14:00–17:00`. */
  hours: string
  /** Whether the hall serves the user's community (listed first). */
  nearby: boolean
}

/** A bookable time slot of one day. `start`/`end` are `HH:mm` Beijing. */
interface OneThingSlotDto {
  start: string
  end: string
  capacity: number
  remaining: number
}

/** Why a day takes no appointments. */
export type HallClosedReasonDto = 'WEEKEND' | 'HOLIDAY' | 'CALENDAR_NOT_COVERED'

/** One day of the booking window. Closed days carry a reason, a plain-Chinese message and no slots. */
export interface HallDayDto {
  date: string
  /** e.g. `2026年3月3日（周二）`. */
  label: string
  open: boolean
  closedReason?: HallClosedReasonDto
  closedMessage?: string
  slots: OneThingSlotDto[]
}

/**
 * `GET /api/one-thing/halls/:hallId/availability`: tomorrow to 14 days ahead (mock time). `calendarNote`
 * says, in plain Chinese, that a year in the window has no published 调休 arrangement yet (its days follow
 * the statutory holidays only); absent when every day's calendar is published.
 */
export interface HallAvailabilityDto {
  hall: ServiceHallDto
  from: string
  to: string
  days: HallDayDto[]
  calendarNote?: string
}

/** `upcoming` until the slot ends; then `past`. `cancelled` once cancelled; `done` once marked 已办结 at the window. */
type AppointmentStatusDto = 'upcoming' | 'past' | 'cancelled' | 'done'

/** A window appointment for one life event. */
export interface OneThingAppointmentDto {
  id: string
  eventId: string
  /** The event's name as the client sent it, e.g. `出生一件事`. */
  eventName?: string
  hall: { id: string; name: string; address: string; window: string; phone: string }
  date: string
  /** e.g. `2026年3月3日（周二）`. */
  dateLabel: string
  slot: { start: string; end: string }
  status: AppointmentStatusDto
  bookedAt: string
  changedAt?: string
  cancelledAt?: string
  /** When a community worker marked it 已办结. */
  doneAt?: string
  /** Whether a family proxy (代办) booked or last changed it. */
  byProxy: boolean
  /** That proxy's name, when known. */
  proxyName?: string
  /** While upcoming on a day whose year has no published 调休 arrangement: says the hall's notice decides. */
  calendarNote?: string
}

/** `GET /api/one-thing/appointments`: upcoming soonest first; past and cancelled newest first (at most 20). */
export interface MyAppointmentsDto {
  upcoming: OneThingAppointmentDto[]
  past: OneThingAppointmentDto[]
}

/** Body of `POST /api/one-thing/appointments`. `slot` is the slot's start, e.g. `09:00`. */
export interface BookAppointmentInput {
  eventId: string
  eventName?: string
  hallId: string
  date: string
  slot: string
}

/** Body of `PATCH /api/one-thing/appointments/:id`: the new slot (same hall when `hallId` is omitted). */
export interface ChangeAppointmentInput {
  hallId?: string
  date: string
  slot: string
}

/** A window appointment of the day for a community worker (`GET /api/worker/one-thing/appointments`). */
export interface WorkerAppointmentDto {
  id: string
  eventName?: string
  hallName: string
  slot: { start: string; end: string }
  /** The resident's name and masked phone, to call them. */
  personName: string
  phoneMasked: string | null
  /** The family proxy who booked it, when one did. */
  proxyName?: string
  status: 'booked' | 'done'
  doneAt?: string
}

/** The day's window appointments at the halls serving the worker's community. */
export interface WorkerAppointmentsDto {
  date: string
  /** e.g. `2026年3月3日（周二）`. */
  dateLabel: string
  halls: string[]
  items: WorkerAppointmentDto[]
}
