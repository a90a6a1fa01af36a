/**
 * Window appointments for "one thing" guides (一件事, domain.md §4, PRODUCT "the user can book a window
 * appointment"): seeded service halls, working days only (see calendar.ts), fixed slots with a
 * capacity each, bookable from tomorrow up to 14 days ahead. One active appointment per user and
 * event; change moves it to another slot in one step; cancel frees the slot. Each of book, change
 * and cancel sends a confirmation message.
 */
import * as v from 'valibot'
import { addDays, formatDateCn, isDate } from '@/domain/time'
import type { HallAvailabilityDto, HallDayDto } from '@/domain/contracts/oneThing'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import type { Collections } from '@/backend/model'
import { assertBookableDate, bookingWindow, dayClosure } from './calendar'
import type { OneThingAppointment, ServiceHall } from './model'
import {
  appointmentDto,
  appointmentText,
  hallDto,
  instantOf,
  isActive,
  notifyOwner,
  pathId,
  proxyOf,
  safeId,
  slotOf,
} from './views'

const PAST_SHOWN = 20

const dateSchema = v.pipe(v.string('请选择日期'), v.check(isDate, '日期格式不正确（应为 年-月-日）'))
const slotSchema = v.pipe(v.string('请选择时段'), v.regex(/^\d{2}:\d{2}$/, '时段格式不正确'))

/** Booked appointments (any user) of a hall's slot on a date. */
const taken = (data: Collections, hallId: string, date: string, slot: string) =>
  Object.values(data.oneThingAppointments).filter(
    (a) => a.status === 'booked' && a.hallId === hallId && a.date === date && a.slot === slot,
  ).length

function hallFor(ctx: RouteContext, hallId: string): ServiceHall {
  const hall = ctx.db.data.oneThingHalls[hallId]
  if (!hall) throw notFound('没有找到这个服务中心，请重新选择', 'NO_SUCH_HALL')
  return hall
}

/**
 * Checks that `slot` on `date` at `hall` can take one more appointment (not counting `except`).
 * @throws HttpError 422 (date rules, `NO_SUCH_SLOT`), 409 `SLOT_FULL`
 */
function assertFreePlace(
  ctx: RouteContext,
  hall: ServiceHall,
  date: string,
  slot: string,
  except?: OneThingAppointment,
): void {
  assertBookableDate(date, ctx.clock.now())
  if (!slotOf(hall, slot))
    throw unprocessable('NO_SUCH_SLOT', `${hall.name}没有这个时段，请重新选择`, { slot: '没有这个时段' })
  const self =
    except && except.status === 'booked' && except.hallId === hall.id && except.date === date && except.slot === slot
      ? 1
      : 0
  if (taken(ctx.db.data, hall.id, date, slot) - self >= hall.capacityPerSlot) {
    throw conflict('SLOT_FULL', `${formatDateCn(date)} ${slot} 这个时段已经约满了，请选择其他时段`)
  }
}

/** The caller's (or principal's) appointment by id; 404 for anyone else's. */
function ownAppointment(ctx: RouteContext): OneThingAppointment {
  const id = pathId(ctx, 'id', '预约编号')
  const a = ctx.db.data.oneThingAppointments[id]
  if (!a || a.userId !== ctx.principal.id) throw notFound('没有找到这条预约', 'NO_SUCH_APPOINTMENT')
  return a
}

/** Refuses to change or cancel an appointment that is cancelled or whose slot has begun. */
function assertOpen(ctx: RouteContext, a: OneThingAppointment): void {
  if (a.status === 'cancelled') throw conflict('APPOINTMENT_CANCELLED', '这条预约已经取消了，如需办理请重新预约')
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
    handler: (ctx) =>
      Object.values(ctx.db.data.oneThingHalls)
        .map((h) => hallDto(h, ctx.principal))
        .sort((a, b) => Number(b.nearby) - Number(a.nearby)),
  }),
  route({
    method: 'GET',
    path: '/api/one-thing/halls/:hallId/availability',
    access: 'user',
    allowProxy: true,
    handler: (ctx): HallAvailabilityDto => {
      const hall = hallFor(ctx, pathId(ctx, 'hallId', '服务中心编号'))
      const { from, to } = bookingWindow(ctx.clock.now())
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
                  remaining: Math.max(0, hall.capacityPerSlot - taken(ctx.db.data, hall.id, date, s.start)),
                })),
              },
        )
      }
      return { hall: hallDto(hall, ctx.principal), from, to, days }
    },
  }),
  route({
    method: 'GET',
    path: '/api/one-thing/appointments',
    access: 'user',
    allowProxy: true,
    handler: (ctx) => {
      const now = ctx.clock.now()
      const all = Object.values(ctx.db.data.oneThingAppointments).filter((a) => a.userId === ctx.principal.id)
      const upcoming = all
        .filter((a) => isActive(ctx.db.data, a, now))
        .sort((a, b) => instantOf(a.date, a.slot) - instantOf(b.date, b.slot))
      const past = all
        .filter((a) => !isActive(ctx.db.data, a, now))
        .sort(
          (a, b) =>
            instantOf(b.date, b.slot) - instantOf(a.date, a.slot) ||
            (b.cancelledAt ?? '').localeCompare(a.cancelledAt ?? ''),
        )
        .slice(0, PAST_SHOWN)
      return {
        upcoming: upcoming.map((a) => appointmentDto(ctx.db.data, a, now)),
        past: past.map((a) => appointmentDto(ctx.db.data, a, now)),
      }
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
          v.regex(/^[^\u0000-\u001f\u007f<>]*$/, '事项名称含有不支持的字符'),
        ),
      ),
      hallId: safeId('服务中心编号'),
      date: dateSchema,
      slot: slotSchema,
    }),
    handler: (ctx) => {
      const { body, db, principal, nowIso } = ctx
      if (!principal.realName) throw unprocessable('REAL_NAME_REQUIRED', '窗口预约需要实名，请先在“我的”中完成实名认证')
      const hall = hallFor(ctx, body.hallId)
      const now = ctx.clock.now()
      const existing = Object.values(db.data.oneThingAppointments).find(
        (a) => a.userId === principal.id && a.eventId === body.eventId && isActive(db.data, a, now),
      )
      if (existing) {
        throw conflict(
          'APPOINTMENT_EXISTS',
          `这件事已经预约了 ${formatDateCn(existing.date)} ${existing.slot} 的窗口，如需调整请改约或先取消`,
        )
      }
      assertFreePlace(ctx, hall, body.date, body.slot)
      const a: OneThingAppointment = {
        id: newId('ota'),
        userId: principal.id,
        eventId: body.eventId,
        hallId: hall.id,
        date: body.date,
        slot: body.slot,
        status: 'booked',
        bookedAt: nowIso,
      }
      if (body.eventName) a.eventName = body.eventName
      const proxyId = proxyOf(ctx)
      if (proxyId) a.proxyId = proxyId
      db.write('oneThingAppointments')[a.id] = a
      notifyOwner(
        ctx,
        '窗口预约成功',
        `${a.eventName ? `「${a.eventName}」` : ''}已预约：${appointmentText(db.data, a)}。请带齐材料和本人身份证按时前往；如不能前往，请提前在小程序中取消。`,
      )
      return appointmentDto(db.data, a, now)
    },
  }),
  route({
    method: 'PATCH',
    path: '/api/one-thing/appointments/:id',
    access: 'user',
    allowProxy: true,
    input: v.object({ hallId: v.optional(safeId('服务中心编号')), date: dateSchema, slot: slotSchema }),
    handler: (ctx) => {
      const current = ownAppointment(ctx)
      assertOpen(ctx, current)
      const { body, db, nowIso } = ctx
      const hall = hallFor(ctx, body.hallId ?? current.hallId)
      if (hall.id === current.hallId && body.date === current.date && body.slot === current.slot) {
        throw unprocessable('SAME_SLOT', '新时段与原预约相同，请选择其他时段')
      }
      assertFreePlace(ctx, hall, body.date, body.slot, current)
      const before = appointmentText(db.data, current, false)
      const a = db.write('oneThingAppointments')[current.id]
      Object.assign(a, { hallId: hall.id, date: body.date, slot: body.slot, changedAt: nowIso })
      const proxyId = proxyOf(ctx)
      if (proxyId) a.proxyId = proxyId
      notifyOwner(
        ctx,
        '窗口预约已改期',
        `${a.eventName ? `「${a.eventName}」` : ''}预约已改到：${appointmentText(db.data, a)}。原时段（${before}）已取消。`,
      )
      return appointmentDto(db.data, a, ctx.clock.now())
    },
  }),
  route({
    method: 'POST',
    path: '/api/one-thing/appointments/:id/cancel',
    access: 'user',
    allowProxy: true,
    handler: (ctx) => {
      const current = ownAppointment(ctx)
      assertOpen(ctx, current)
      const a = ctx.db.write('oneThingAppointments')[current.id]
      Object.assign(a, { status: 'cancelled', cancelledAt: ctx.nowIso })
      const proxyId = proxyOf(ctx)
      if (proxyId) a.proxyId = proxyId
      notifyOwner(
        ctx,
        '窗口预约已取消',
        `${a.eventName ? `「${a.eventName}」` : ''}预约已取消：${appointmentText(ctx.db.data, a, false)}。如需办理，可以重新预约。`,
      )
      return appointmentDto(ctx.db.data, a, ctx.clock.now())
    },
  }),
]
