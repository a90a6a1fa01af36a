/**
 * Window appointments for "one thing" guides (一件事, domain.md §4, PRODUCT "the user can book a window
 * appointment"): seeded service halls, working days only (see calendar.ts), fixed slots with a
 * capacity each, bookable from tomorrow up to 14 days ahead. One active appointment per user and
 * event; change moves it to another slot in one step; cancel frees the slot. Each of book, change
 * and cancel sends a confirmation message.
 */
import * as v from 'valibot'
import { addDays, formatDateCn, isDate } from '@/domain/shared/time'
import type { HallAvailabilityDto, HallDayDto } from '@/domain/one-thing/contracts'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { rateSubject, ratingInput } from '@/backend/routes/ratings'
import { href } from '@/domain/routes'
import { assertBookableDate, bookingWindow, dayClosure, provisionalCalendarNote } from './calendar'
import type { OneThingAppointment, ServiceHall } from './model'
import {
  appointmentDto,
  appointmentText,
  hallDto,
  instantOf,
  isActive,
  notifyOwner,
  pathId,
  proxyNamesOf,
  proxyOf,
  safeId,
  slotOf,
} from './views'

const PAST_SHOWN = 20

const dateSchema = v.pipe(v.string('请选择日期'), v.check(isDate, '日期格式不正确（应为 年-月-日）'))
const slotSchema = v.pipe(v.string('请选择时段'), v.regex(/^\d{2}:\d{2}$/, '时段格式不正确'))

/** The hall, locked for a booking (bookings of one hall are made one at a time). @throws 404 `NO_SUCH_HALL` */
async function hallFor(ctx: RouteContext, hallId: string, lock = false): Promise<ServiceHall> {
  const hall = await ctx.tx.oneThing.halls.get(hallId, { lock })
  if (!hall) throw notFound('没有找到这个服务中心，请重新选择', 'NO_SUCH_HALL')
  return hall
}

/** Halls by id (every hall: a handful per district). */
async function hallsById(ctx: RouteContext): Promise<Map<string, ServiceHall>> {
  return new Map((await ctx.tx.oneThing.allHalls()).map((h) => [h.id, h]))
}

/**
 * Checks that `slot` on `date` at `hall` can take one more appointment (not counting `except`).
 * @throws HttpError 422 (date rules, `NO_SUCH_SLOT`), 409 `SLOT_FULL`
 */
async function assertFreePlace(
  ctx: RouteContext,
  hall: ServiceHall,
  date: string,
  slot: string,
  except?: OneThingAppointment,
): Promise<void> {
  assertBookableDate(date, ctx.clock.now())
  if (!slotOf(hall, slot))
    throw unprocessable('NO_SUCH_SLOT', `${hall.name}没有这个时段，请重新选择`, { slot: '没有这个时段' })
  const self =
    except && except.status === 'booked' && except.hallId === hall.id && except.date === date && except.slot === slot
      ? 1
      : 0
  if ((await ctx.tx.oneThing.bookedInSlot(hall.id, date, slot)) - self >= hall.capacityPerSlot) {
    throw conflict('SLOT_FULL', `${formatDateCn(date)} ${slot} 这个时段已经约满了，请选择其他时段`)
  }
}

/** The caller's (or principal's) appointment by id; 404 for anyone else's. */
async function ownAppointment(ctx: RouteContext): Promise<OneThingAppointment> {
  const id = pathId(ctx, 'id', '预约编号')
  const a = await ctx.tx.oneThing.appointments.get(id, { lock: true })
  if (!a || a.userId !== ctx.principal.id) throw notFound('没有找到这条预约', 'NO_SUCH_APPOINTMENT')
  return a
}

/** Refuses to change or cancel an appointment that is cancelled or whose slot has begun. */
function assertOpen(ctx: RouteContext, a: OneThingAppointment): void {
  if (a.status === 'cancelled') throw conflict('APPOINTMENT_CANCELLED', '这条预约已经取消了，如需办理请重新预约')
  if (a.doneAt) throw conflict('APPOINTMENT_DONE', '这件事已在窗口办结，不能再修改或取消')
  if (instantOf(a.date, a.slot) <= ctx.clock.now())
    throw conflict('APPOINTMENT_STARTED', '预约时间已到或已过，不能再修改或取消')
}

/** Routes of window appointments: halls, availability, my appointments, book, change, cancel. */
export const appointmentRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/one-thing/halls',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) =>
      (await ctx.tx.oneThing.allHalls())
        .map((h) => hallDto(h, ctx.principal))
        .sort((a, b) => Number(b.nearby) - Number(a.nearby)),
  }),
  route({
    method: 'GET',
    path: '/api/one-thing/halls/:hallId/availability',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<HallAvailabilityDto> => {
      const hall = await hallFor(ctx, pathId(ctx, 'hallId', '服务中心编号'))
      const { from, to } = bookingWindow(ctx.clock.now())
      const booked = new Map<string, number>()
      for (const a of await ctx.tx.oneThing.bookedInWindow(hall.id, from, to)) {
        booked.set(`${a.date} ${a.slot}`, (booked.get(`${a.date} ${a.slot}`) ?? 0) + 1)
      }
      const days: HallDayDto[] = []
      for (let date = from; date <= to; date = addDays(date, 1)) {
        const closed = dayClosure(date)
        days.push(
          closed
            ? {
                date,
                label: formatDateCn(date),
                open: false,
                closedReason: closed.reason,
                closedMessage: closed.message,
                slots: [],
              }
            : {
                date,
                label: formatDateCn(date),
                open: true,
                slots: hall.slots.map((s) => ({
                  start: s.start,
                  end: s.end,
                  capacity: hall.capacityPerSlot,
                  remaining: Math.max(0, hall.capacityPerSlot - (booked.get(`${date} ${s.start}`) ?? 0)),
                })),
              },
        )
      }
      return {
        hall: hallDto(hall, ctx.principal),
        from,
        to,
        days,
        calendarNote: provisionalCalendarNote(days.map((d) => d.date)),
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/one-thing/appointments',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      const now = ctx.clock.now()
      const halls = await hallsById(ctx)
      const all = await ctx.tx.oneThing.appointmentsOf(ctx.principal.id)
      const active = (a: OneThingAppointment) => isActive(halls.get(a.hallId), a, now)
      const upcoming = all.filter(active).sort((a, b) => instantOf(a.date, a.slot) - instantOf(b.date, b.slot))
      const past = all
        .filter((a) => !active(a))
        .sort(
          (a, b) =>
            instantOf(b.date, b.slot) - instantOf(a.date, a.slot) ||
            (b.cancelledAt ?? '').localeCompare(a.cancelledAt ?? ''),
        )
        .slice(0, PAST_SHOWN)
      const names = await proxyNamesOf(ctx, [...upcoming, ...past])
      const dto = (a: OneThingAppointment) => appointmentDto(halls.get(a.hallId), a, now, names)
      return { upcoming: upcoming.map(dto), past: past.map(dto) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/one-thing/appointments',
    access: 'user',
    allowProxy: true,
    input: v.object({
      eventId: safeId('事项编号'),
      eventName: v.optional(
        v.pipe(
          v.string(),
          v.trim(),
          v.maxLength(20, '事项名称太长'),
          // eslint-disable-next-line no-control-regex -- control characters are what it refuses
          v.regex(/^[^\u0000-\u001f\u007f<>]*$/, '事项名称含有不支持的字符'),
        ),
      ),
      hallId: safeId('服务中心编号'),
      date: dateSchema,
      slot: slotSchema,
    }),
    handler: async (ctx) => {
      const { body, tx, principal, nowIso } = ctx
      if (!principal.realName) throw unprocessable('REAL_NAME_REQUIRED', '窗口预约需要实名，请先在“我的”中完成实名认证')
      const hall = await hallFor(ctx, body.hallId, true)
      const now = ctx.clock.now()
      const halls = await hallsById(ctx)
      const existing = (await tx.oneThing.appointmentsOf(principal.id)).find(
        (a) => a.eventId === body.eventId && isActive(halls.get(a.hallId), a, now),
      )
      if (existing) {
        throw conflict(
          'APPOINTMENT_EXISTS',
          `这件事已经预约了 ${formatDateCn(existing.date)} ${existing.slot} 的窗口，如需调整请改约或先取消`,
        )
      }
      await assertFreePlace(ctx, hall, body.date, body.slot)
      const a: OneThingAppointment = {
        id: newId('ota'),
        userId: principal.id,
        eventId: body.eventId,
        hallId: hall.id,
        date: body.date,
        slot: body.slot,
        status: 'booked',
        bookedAt: nowIso,
        ...(body.eventName ? { eventName: body.eventName } : {}),
        ...(proxyOf(ctx) ? { proxyId: proxyOf(ctx) } : {}),
      }
      await tx.oneThing.appointments.insert(a)
      await notifyOwner(
        ctx,
        '窗口预约成功',
        `${a.eventName ? `「${a.eventName}」` : ''}已预约：${appointmentText(hall, a)}。请带齐材料和本人身份证按时前往；如不能前往，请提前在小程序中取消。`,
      )
      return appointmentDto(hall, a, now, await proxyNamesOf(ctx, [a]))
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/one-thing/appointments/:id',
    access: 'user',
    allowProxy: true,
    input: v.object({ hallId: v.optional(safeId('服务中心编号')), date: dateSchema, slot: slotSchema }),
    handler: async (ctx) => {
      const current = await ownAppointment(ctx)
      assertOpen(ctx, current)
      const { body, tx, nowIso } = ctx
      const hall = await hallFor(ctx, body.hallId ?? current.hallId, true)
      if (hall.id === current.hallId && body.date === current.date && body.slot === current.slot) {
        throw unprocessable('SAME_SLOT', '新时段与原预约相同，请选择其他时段')
      }
      await assertFreePlace(ctx, hall, body.date, body.slot, current)
      const oldHall = hall.id === current.hallId ? hall : await hallFor(ctx, current.hallId)
      const before = appointmentText(oldHall, current, false)
      const a = await tx.oneThing.appointments.update(current.id, {
        hallId: hall.id,
        date: body.date,
        slot: body.slot,
        changedAt: nowIso,
        ...(proxyOf(ctx) ? { proxyId: proxyOf(ctx) } : {}),
      })
      await notifyOwner(
        ctx,
        '窗口预约已改期',
        `${a.eventName ? `「${a.eventName}」` : ''}预约已改到：${appointmentText(hall, a)}。原时段（${before}）已取消。`,
      )
      return appointmentDto(hall, a, ctx.clock.now(), await proxyNamesOf(ctx, [a]))
    },
  }),
  route({
    method: 'POST',
    path: '/api/one-thing/appointments/:id/cancel',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      const current = await ownAppointment(ctx)
      assertOpen(ctx, current)
      const a = await ctx.tx.oneThing.appointments.update(current.id, {
        status: 'cancelled',
        cancelledAt: ctx.nowIso,
        ...(proxyOf(ctx) ? { proxyId: proxyOf(ctx) } : {}),
      })
      const hall = await hallFor(ctx, a.hallId)
      await notifyOwner(
        ctx,
        '窗口预约已取消',
        `${a.eventName ? `「${a.eventName}」` : ''}预约已取消：${appointmentText(hall, a, false)}。如需办理，可以重新预约。`,
      )
      return appointmentDto(hall, a, ctx.clock.now(), await proxyNamesOf(ctx, [a]))
    },
  }),
  route({
    method: 'POST',
    path: '/api/one-thing/appointments/:id/rate',
    access: 'user',
    allowProxy: true,
    input: ratingInput,
    handler: async (ctx) => {
      const a = await ownAppointment(ctx)
      if (a.status === 'cancelled') throw conflict('APPOINTMENT_CANCELLED', '这条预约已经取消了，不能评价')
      if (instantOf(a.date, a.slot) > ctx.clock.now())
        throw conflict('NOT_YET_VISITED', '到窗口办理以后才能评价这次预约')
      const hall = await hallFor(ctx, a.hallId)
      return rateSubject(ctx, {
        kind: 'appointment',
        subjectId: a.id,
        communityId: ctx.principal.communityId,
        what: `窗口预约：${a.eventName ? `${a.eventName} · ` : ''}${appointmentText(hall, a, false)}`,
        link: href.oneThing.appointments(),
      })
    },
  }),
]
