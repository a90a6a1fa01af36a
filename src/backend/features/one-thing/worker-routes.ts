/**
 * The community worker's side of window appointments: the day's appointments at the service halls that
 * serve the worker's community (`ServiceHall.communityIds`), and marking one 已办结 once the resident was
 * served at the window (the resident, and the proxy who booked it, are told). Plus the hub's count.
 */
import { href } from '@/domain/routes'
import type { WorkerAppointmentDto, WorkerAppointmentsDto } from '@/domain/one-thing/contracts'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { conflict, notFound } from '@/backend/core/http'
import { route, type Route, type RouteContext, type WorkerCountProvider } from '@/backend/core/router'
import { displayNames } from '@/backend/routes/views'
import type { OneThingAppointment, ServiceHall } from './model'
import { appointmentText, pathId, slotOf } from './views'

const ONE_THING_LINK = href.oneThing.appointments()

const maskPhone = (p: string | undefined) => (p && p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : null)

/** The halls serving `communityId`, in list order. */
async function hallsOf(ctx: RouteContext, communityId: string): Promise<ServiceHall[]> {
  return (await ctx.tx.oneThing.allHalls()).filter((h) => h.communityIds.includes(communityId))
}

async function workerDtos(
  ctx: RouteContext,
  halls: ServiceHall[],
  list: OneThingAppointment[],
): Promise<WorkerAppointmentDto[]> {
  const byId = new Map(halls.map((h) => [h.id, h]))
  const users = new Map((await ctx.tx.core.usersByIds([...new Set(list.map((a) => a.userId))])).map((u) => [u.id, u]))
  const names = await displayNames(ctx.tx.core, [...new Set(list.flatMap((a) => [a.userId, a.proxyId ?? a.userId]))])
  return list.map((a) => {
    const hall = byId.get(a.hallId)
    const slot = (hall && slotOf(hall, a.slot)) ?? { start: a.slot, end: a.slot }
    return {
      id: a.id,
      ...(a.eventName ? { eventName: a.eventName } : {}),
      hallName: hall?.name ?? '',
      slot: { start: slot.start, end: slot.end },
      personName: names.get(a.userId)!,
      phoneMasked: maskPhone(users.get(a.userId)?.phone),
      ...(a.proxyId ? { proxyName: names.get(a.proxyId) } : {}),
      status: a.doneAt ? 'done' : 'booked',
      ...(a.doneAt ? { doneAt: a.doneAt } : {}),
    }
  })
}

/** The hub's count: today's appointments at the community's halls not yet 已办结. */
export const oneThingWorkerCounts: WorkerCountProvider = async (ctx, communityId) => {
  const halls = await hallsOf(ctx, communityId)
  const today = await ctx.tx.oneThing.bookedOnDay(
    halls.map((h) => h.id),
    beijingDate(ctx.nowIso),
  )
  return [
    {
      key: 'one-thing-today',
      label: '一件事：今天的窗口预约（未办结）',
      count: today.filter((a) => !a.doneAt).length,
      url: href.oneThing.worker(),
    },
  ]
}

/** Worker routes of window appointments (see the file header). Own community's halls only. */
export const workerAppointmentRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/worker/one-thing/appointments',
    access: 'worker',
    /** Today's (Beijing) booked appointments at the halls serving the caller's community, by slot. */
    handler: async (ctx): Promise<WorkerAppointmentsDto> => {
      const halls = await hallsOf(ctx, ctx.user.communityId)
      const date = beijingDate(ctx.nowIso)
      const list = await ctx.tx.oneThing.bookedOnDay(
        halls.map((h) => h.id),
        date,
      )
      return {
        date,
        dateLabel: formatDateCn(date),
        halls: halls.map((h) => h.name),
        items: await workerDtos(ctx, halls, list),
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/one-thing/appointments/:id/done',
    access: 'worker',
    /**
     * Marks today's appointment 已办结 (the resident was served). The resident and the proxy who booked
     * it are told. @throws 404 `NO_SUCH_APPOINTMENT` (none, or at a hall not serving the caller's
     * community); 409 `APPOINTMENT_CANCELLED`, `APPOINTMENT_DONE`, `NOT_TODAY`
     */
    handler: async (ctx) => {
      const id = pathId(ctx, 'id', '预约编号')
      const a = await ctx.tx.oneThing.appointments.get(id, { lock: true })
      const hall = a ? await ctx.tx.oneThing.halls.get(a.hallId) : undefined
      if (!a || !hall || !hall.communityIds.includes(ctx.user.communityId))
        throw notFound('没有找到这条预约（只能办结本社区服务中心的预约）', 'NO_SUCH_APPOINTMENT')
      if (a.status === 'cancelled') throw conflict('APPOINTMENT_CANCELLED', '居民已经取消了这条预约，不能办结')
      if (a.doneAt) throw conflict('APPOINTMENT_DONE', '这条预约已经办结了，不用再点')
      if (a.date !== beijingDate(ctx.nowIso))
        throw conflict('NOT_TODAY', `这是 ${formatDateCn(a.date)} 的预约，只能在预约当天办结`)
      const done = await ctx.tx.oneThing.appointments.update(a.id, { doneAt: ctx.nowIso, doneBy: ctx.user.id })
      const text = `${a.eventName ? `「${a.eventName}」` : ''}已在窗口办结：${appointmentText(hall, done, false)}。如还有材料要补，窗口会另行联系您。`
      await ctx.notify(a.userId, '窗口预约已办结', text, ONE_THING_LINK)
      if (a.proxyId && a.proxyId !== a.userId) {
        const names = await displayNames(ctx.tx.core, [a.userId])
        await ctx.notify(a.proxyId, '窗口预约已办结', `（您为${names.get(a.userId)}代办）${text}`, ONE_THING_LINK)
      }
      return (await workerDtos(ctx, [hall], [done]))[0]
    },
  }),
]
