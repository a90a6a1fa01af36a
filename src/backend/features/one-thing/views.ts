/**
 * Wire views of the "one thing" records (see `src/domain/one-thing/contracts.ts`), shared checks on
 * ids, and messages to the owner of a record (and to the family proxy who acted, if any).
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { formatDateCn, parseDate } from '@/domain/shared/time'
import type {
  OneThingAppointmentDto,
  OneThingProgressDto,
  OneThingProgressSummaryDto,
  ServiceHallDto,
} from '@/domain/one-thing/contracts'
import { badRequest } from '@/backend/core/http'
import type { RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { displayNames } from '@/backend/routes/views'
import type { OneThingAppointment, OneThingProgress, ServiceHall } from './model'
import { provisionalCalendarNote } from './calendar'

/** A short safe id: letters, digits, `_` and `-`, 1–48 characters, starting with a letter or digit. */
export const SAFE_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,47}$/

/** valibot schema of a safe id, with a plain-Chinese message naming `what`. */
export const safeId = (what: string) => v.pipe(v.string(`${what}格式不正确`), v.regex(SAFE_ID, `${what}格式不正确`))

/** Where the app shows the feature (messages link here). */
const ONE_THING_LINK = href.oneThing.index()

/**
 * A safe id from the route's path parameters.
 * @throws HttpError 400 `INVALID_ID` when malformed
 */
export function pathId(ctx: RouteContext, name: string, what: string): string {
  const id = ctx.params[name] ?? ''
  if (!SAFE_ID.test(id)) throw badRequest(`${what}格式不正确`, { [name]: `${what}格式不正确` }, 'INVALID_ID')
  return id
}

/** The id of the family proxy acting in this request, or `undefined` when the user acts for themselves. */
export const proxyOf = (ctx: RouteContext): string | undefined =>
  ctx.user.id !== ctx.principal.id ? ctx.user.id : undefined

/** Sends a message to the principal and, when a proxy acted, a copy to the proxy. */
export async function notifyOwner(ctx: RouteContext, title: string, body: string): Promise<void> {
  await ctx.notify(ctx.principal.id, title, body, ONE_THING_LINK)
  if (proxyOf(ctx))
    await ctx.notify(
      ctx.user.id,
      title,
      `（您为${ctx.principal.realName ?? ctx.principal.nickname}代办）${body}`,
      ONE_THING_LINK,
    )
}

/** `2026年3月31日` (no weekday), as in deadline reminders. */
export function dateCn(date: string): string {
  const d = parseDate(date)
  return `${d.year()}年${d.month() + 1}月${d.date()}日`
}

/** The id of a progress record. */
export const progressKey = (userId: string, eventId: string) => `${userId}:${eventId}`

/** The progress DTO; an empty one (version 0) when nothing was saved. */
export function progressDto(eventId: string, p: OneThingProgress | undefined): OneThingProgressDto {
  if (!p) return { eventId, answers: {}, ticked: [], deadlines: [], version: 0, updatedAt: null, updatedByProxy: false }
  return {
    eventId,
    answers: { ...p.answers },
    ticked: [...p.ticked],
    deadlines: p.deadlines.map((d) => ({ ...d })),
    version: p.version,
    updatedAt: p.updatedAt,
    updatedByProxy: !!p.proxyId,
  }
}

/** A summary row for the list of started events; `today` is `YYYY-MM-DD`. */
export function progressSummaryDto(p: OneThingProgress, today: string): OneThingProgressSummaryDto {
  const next =
    p.deadlines
      .map((d) => d.dueDate)
      .filter((d) => d >= today)
      .sort()[0] ?? null
  return {
    eventId: p.eventId,
    answeredCount: Object.keys(p.answers).length,
    tickedCount: p.ticked.length,
    nextDueDate: next,
    updatedAt: p.updatedAt,
  }
}

/** A hall as the app sees it; `nearby` when it serves the user's community. */
export function hallDto(h: ServiceHall, user: User): ServiceHallDto {
  const first = h.slots[0]?.start ?? ''
  const last = h.slots[h.slots.length - 1]?.end ?? ''
  const gap = h.slots.findIndex((s, i) => i > 0 && h.slots[i - 1].end !== s.start)
  const hours = gap > 0 ? `${first}–${h.slots[gap - 1].end}，${h.slots[gap].start}–${last}` : `${first}–${last}`
  return {
    id: h.id,
    name: h.name,
    city: h.city,
    district: h.district,
    address: h.address,
    phone: h.phone,
    windows: [...h.windows],
    hours: `工作日 ${hours}（法定节假日休息，调休上班日照常办公）`,
    nearby: h.communityIds.includes(user.communityId),
  }
}

/** The slot of a hall by its start, or undefined. */
export const slotOf = (h: ServiceHall, start: string) => h.slots.find((s) => s.start === start)

/** Epoch ms of `HH:mm` on `date`, Beijing. */
export function instantOf(date: string, time: string): number {
  const [hh, mm] = time.split(':').map(Number)
  return parseDate(date)
    .add(hh * 60 + mm, 'minute')
    .valueOf()
}

/** When an appointment's slot ends (epoch ms); `hall` is the appointment's hall. */
function appointmentEnd(hall: ServiceHall | undefined, a: OneThingAppointment): number {
  return instantOf(a.date, (hall && slotOf(hall, a.slot)?.end) ?? a.slot)
}

/** Whether an appointment still counts: booked and its slot not yet ended at `nowMs`. */
export const isActive = (hall: ServiceHall | undefined, a: OneThingAppointment, nowMs: number) =>
  a.status === 'booked' && !a.doneAt && appointmentEnd(hall, a) > nowMs

/** The names of the family proxies who booked or last changed these appointments, by user id. */
export function proxyNamesOf(ctx: RouteContext, appointments: readonly OneThingAppointment[]) {
  return displayNames(ctx.tx.core, [...new Set(appointments.flatMap((a) => (a.proxyId ? [a.proxyId] : [])))])
}

/**
 * The appointment DTO at `nowMs`; `hall` is the appointment's hall, `proxyNames` the names of proxies
 * by user id (`proxyNamesOf`), to say who booked it for the user.
 */
export function appointmentDto(
  hall: ServiceHall | undefined,
  a: OneThingAppointment,
  nowMs: number,
  proxyNames?: ReadonlyMap<string, string>,
): OneThingAppointmentDto {
  const slot = (hall && slotOf(hall, a.slot)) ?? { start: a.slot, end: a.slot }
  const status =
    a.status === 'cancelled' ? 'cancelled' : a.doneAt ? 'done' : isActive(hall, a, nowMs) ? 'upcoming' : 'past'
  return {
    id: a.id,
    eventId: a.eventId,
    eventName: a.eventName,
    hall: {
      id: a.hallId,
      name: hall?.name ?? '',
      address: hall?.address ?? '',
      window: hall?.windows[0] ?? '',
      phone: hall?.phone ?? '',
    },
    date: a.date,
    dateLabel: formatDateCn(a.date),
    slot: { start: slot.start, end: slot.end },
    status,
    bookedAt: a.bookedAt,
    changedAt: a.changedAt,
    cancelledAt: a.cancelledAt,
    ...(a.doneAt ? { doneAt: a.doneAt } : {}),
    byProxy: !!a.proxyId,
    proxyName: a.proxyId ? proxyNames?.get(a.proxyId) : undefined,
    calendarNote: status === 'upcoming' ? provisionalCalendarNote([a.date], true) : undefined,
  }
}

/**
 * `镇海区行政服务中心 2026年3月3日（周二）09:00–10:00`, for messages; with `withPlace`, followed by
 * the address and window in brackets.
 */
export function appointmentText(hall: ServiceHall, a: OneThingAppointment, withPlace = true): string {
  const slot = slotOf(hall, a.slot)
  const text = `${hall.name} ${formatDateCn(a.date)}${a.slot}–${slot?.end ?? ''}`
  return withPlace ? `${text}（${hall.address}，${hall.windows[0]}）` : text
}
