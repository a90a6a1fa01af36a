/**
 * Reaching every owner (issue 28, `reach.ts`): the list of the unit's households with how each was told
 * of the petition and the vote, recording a channel (community worker or an initiator of the retrofit
 * group), and publishing a held result once every household has a record.
 */
import type { ElevatorReachListDto } from '@/domain/elevator/contracts-reach'
import { beijingDate } from '@/domain/shared/time'
import { conflict, forbidden, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { petitionAndUnit, requireUnitHousehold, requireWorkerOf } from './access'
import { roomName, type UnitView } from './households'
import { settle } from './lifecycle'
import type { ElevatorPetition } from './model'
import { heldText, unreachedHouseholds } from './reach'
import { reachInput } from './schemas'
import { nameOf, petitionDto } from './views'

/** A community worker of the unit, or an initiator (starter or confirmed co-initiator); 403 otherwise. */
async function reacherRole(ctx: RouteContext, p: ElevatorPetition): Promise<'worker' | 'initiator'> {
  if (ctx.user.role === 'worker') {
    requireWorkerOf(ctx, p)
    return 'worker'
  }
  const co = await ctx.tx.elevator.coInitiatorsOf(p.id)
  if (p.starterId === ctx.user.id || co.some((c) => c.userId === ctx.user.id && c.confirmedAt)) return 'initiator'
  throw forbidden('告知记录由社区工作人员或加装电梯工作小组成员填写', 'NOT_REACHER')
}

async function reachList(ctx: RouteContext, p: ElevatorPetition, unit: UnitView): Promise<ElevatorReachListDto> {
  const records = await ctx.tx.elevator.reachOf(p.id)
  const by = new Map(
    (await ctx.tx.core.usersByIds([...new Set(records.map((r) => r.byId))])).map((u) => [u.id, nameOf(u)]),
  )
  const households = unit.flats.map((f) => {
    const mine = records
      .filter((r) => r.householdId === f.room.id)
      .map((r) => ({
        householdId: r.householdId,
        roomName: f.room.name,
        channel: r.channel,
        date: r.toldOn,
        byRole: r.byRole,
        byName: by.get(r.byId) ?? null,
        note: r.note ?? null,
      }))
    return { householdId: f.room.id, roomName: f.room.name, reached: mine.length > 0, records: mine }
  })
  return {
    petitionId: p.id,
    unitLabel: unit.label,
    households,
    missing: households.filter((h) => !h.reached).length,
    today: beijingDate(ctx.nowIso),
  }
}

/** Reach routes (see the file header). */
export const reachRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/worker/petitions/:id/reach',
    access: 'user',
    handler: async (ctx): Promise<ElevatorReachListDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      await reacherRole(ctx, p)
      return reachList(ctx, p, unit)
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/reach',
    access: 'user',
    input: reachInput,
    handler: async (ctx): Promise<ElevatorReachListDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      const byRole = await reacherRole(ctx, p)
      const { householdId, channel, date, note } = ctx.body
      requireUnitHousehold(unit, householdId)
      if (p.status === 'forming') throw conflict('VOTING_NOT_OPEN', '表决还没有开始，开始后再记录告知情况')
      if (date > beijingDate(ctx.nowIso) || date < beijingDate(p.createdAt)) {
        throw unprocessable('BAD_REACH_DATE', '告知日期应在发起之后、今天或以前', { date: '日期不在范围内' })
      }
      await ctx.tx.elevator.reach.insert({
        id: newId('er'),
        petitionId: p.id,
        householdId,
        channel,
        toldOn: date,
        byId: ctx.user.id,
        byRole,
        recordedAt: ctx.nowIso,
        ...(note ? { note } : {}),
      })
      // The last missing record after the deadline lets the held result be published now.
      await settle(ctx)
      return reachList(ctx, p, unit)
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/publish',
    access: 'worker',
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      requireWorkerOf(ctx, p)
      if (p.status === 'forming' || (p.status === 'voting' && ctx.clock.now() <= Date.parse(p.votingDeadline))) {
        throw conflict('VOTING_NOT_ENDED', '表决还没有截止，截止后才能公布结果')
      }
      const missing = await unreachedHouseholds(ctx.tx, p, unit)
      if (p.status === 'voting' && missing.length > 0) {
        const rooms = missing.map((id) => roomName(unit, id)).join('、')
        throw conflict('HOUSEHOLDS_NOT_REACHED', `${heldText(missing.length)}未告知：${rooms}。`)
      }
      const worker = { role: 'worker' as const, user: ctx.user, rooms: [] }
      return petitionDto(ctx.tx, p, unit, worker, ctx.clock.now())
    },
  }),
]
