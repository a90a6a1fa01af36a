/**
 * Elevator petition routes: my units, starting a petition with its retrofit group (starter + 2–4
 * co-initiators who each confirm; Hangzhou Order No. 324 speaks of a 3- or 5-person group), reading it,
 * the low-floor compensation line, and the worker's list.
 */
import { beijingIso, formatDateTimeCn } from '@/domain/shared/time'
import type { ElevatorMyUnitsDto, ElevatorPetitionDto } from '@/domain/elevator/contracts'
import { conflict, forbidden, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { petitionOr404, viewerOf } from './access'
import { flatOf, ownedFlats, ownsFlat, roomsOwnedBy, unitOf, type UnitView } from './households'
import { petitionLink, notifyOwners, settle } from './lifecycle'
import type { ElevatorCoInitiator, ElevatorPetition } from './model'
import { recordAppReach } from './reach'
import { ACTIVE_STATUSES } from './repository'
import { compensationInput, petitionInput } from './schemas'
import { nameOf, petitionDto } from './views'

const DAY_MS = 24 * 3600_000
/** Longest voting period, in days (PRODUCT). */
const MAX_VOTING_DAYS = 60
/** Hangzhou Order No. 324 applies to existing residential buildings of 4 storeys or more. */
const MIN_STOREYS = 4

function checkDeadline(ctx: RouteContext, deadline: string): string {
  const ms = Date.parse(deadline)
  const now = ctx.clock.now()
  if (Number.isNaN(ms))
    throw unprocessable('INVALID_DEADLINE', '截止时间不是有效的时间', { votingDeadline: '截止时间不是有效的时间' })
  if (ms <= now) throw unprocessable('INVALID_DEADLINE', '截止时间必须在将来', { votingDeadline: '截止时间必须在将来' })
  if (ms > now + MAX_VOTING_DAYS * DAY_MS) {
    throw unprocessable('INVALID_DEADLINE', `表决期最长 ${MAX_VOTING_DAYS} 天，请选择更早的截止时间`, {
      votingDeadline: `最长 ${MAX_VOTING_DAYS} 天`,
    })
  }
  return beijingIso(ms)
}

/** The co-initiators' rows for the flats chosen, in the order given (422 with a code per refusal). */
async function coInitiatorsOf(
  ctx: RouteContext,
  unit: UnitView,
  petitionId: string,
  roomIds: string[],
): Promise<ElevatorCoInitiator[]> {
  const names = new Map((await ctx.tx.core.roomsByIds(roomIds)).map((r) => [r.id, r.name]))
  const seen = new Set<string>([ctx.user.id])
  return roomIds.map((roomId, rank) => {
    const flat = flatOf(unit, roomId)
    if (!flat) {
      throw unprocessable(
        'CO_INITIATOR_NOT_IN_UNIT',
        `${names.get(roomId) ?? roomId} 不是本单元的房屋：联合发起人须是本单元业主`,
        { coInitiatorRoomIds: '须是本单元的房屋' },
      )
    }
    const { room, owner } = flat
    if (!owner)
      throw unprocessable(
        'CO_INITIATOR_NO_ACCOUNT',
        `${room.name} 的业主还没有实名使用小程序，无法在线确认。请邀请其他业主，或请社区协助。`,
        { coInitiatorRoomIds: `${room.name} 的业主未实名` },
      )
    if (owner.id === ctx.user.id)
      throw unprocessable('CO_INITIATOR_IS_STARTER', `${room.name} 是您自己的房屋：联合发起人须是其他业主`, {
        coInitiatorRoomIds: '不能选择自己的房屋',
      })
    if (seen.has(owner.id))
      throw unprocessable('DUPLICATE_CO_INITIATOR', `${room.name} 的业主已在名单中：每位业主只算一人`, {
        coInitiatorRoomIds: '同一业主只能选一次',
      })
    seen.add(owner.id)
    return { id: `${petitionId}:${owner.id}`, petitionId, rank, userId: owner.id, roomId, invitedAt: ctx.nowIso }
  })
}

/**
 * The petition where the caller has a pending co-initiator invitation, locked, and the invitation
 * (409 `NOT_FORMING`, 403 `NOT_CO_INITIATOR`).
 */
async function pendingInvitation(ctx: RouteContext): Promise<{ p: ElevatorPetition; mine: ElevatorCoInitiator }> {
  const p = await petitionOr404(ctx, ctx.params.id, true)
  const mine = await ctx.tx.elevator.coInitiators.get(`${p.id}:${ctx.user.id}`)
  if (!mine) throw forbidden('您不是这份申请的联合发起人', 'NOT_CO_INITIATOR')
  if (p.status !== 'forming' || mine.confirmedAt || mine.declinedAt)
    throw conflict('NOT_FORMING', '这份申请已不在等待确认的阶段')
  return { p, mine }
}

/** The petition as the principal sees it now. */
async function viewed(ctx: RouteContext, id: string, unit?: UnitView): Promise<ElevatorPetitionDto> {
  const p = (await ctx.tx.elevator.petitions.get(id))!
  const u = unit ?? (await unitOf(ctx.tx.core, p.unitId))
  return petitionDto(ctx.tx, p, u, viewerOf(ctx, p, u), ctx.clock.now())
}

/** Petition routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const petitionRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/my-units',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorMyUnitsDto> => {
      await settle(ctx)
      const { tx, principal } = ctx
      const now = ctx.clock.now()
      const unitIds = [...new Set((await roomsOwnedBy(tx.core, principal)).map((r) => r.unitId))]
      const units = []
      for (const unitId of unitIds) {
        const unit = await unitOf(tx.core, unitId)
        const rooms = ownedFlats(unit, principal)
        const p = (await tx.elevator.activePetitionOf(unitId)) ?? (await tx.elevator.petitionsOfUnit(unitId))[0]
        units.push({
          unitId,
          label: unit.label,
          storeys: unit.storeys,
          households: unit.flats.length,
          myRooms: rooms
            .map((r) => flatOf(unit, r)!)
            .map(({ room, record }) => ({ roomId: room.id, name: room.name, floor: room.floor, area: record.area })),
          petition: p ? await petitionDto(tx, p, unit, { role: 'owner', user: principal, rooms }, now) : null,
        })
      }
      return { realNameBound: !!principal.realName, units }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions',
    access: 'user',
    input: petitionInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { tx, user, body, nowIso } = ctx
      if (!user.realName)
        throw unprocessable('REAL_NAME_REQUIRED', '请先在“我的”中完成实名认证，核对房产登记后才能发起加装电梯')
      requirePrivacy(ctx)
      const room = await tx.core.rooms.get(body.roomId)
      const unit = room && (await unitOf(tx.core, room.unitId))
      const flat = unit && flatOf(unit, body.roomId)
      if (!unit || !flat) throw notFound('没有找到这个房屋', 'NO_SUCH_HOUSEHOLD')
      if (!ownsFlat(user, flat))
        throw forbidden('房产登记中这套房屋的业主不是您：只有本单元业主可以发起', 'NOT_HOUSEHOLD_OWNER')
      if (unit.storeys < MIN_STOREYS)
        throw unprocessable('UNIT_NOT_ELIGIBLE', `加装电梯适用于 ${MIN_STOREYS} 层及以上、没有电梯的住宅`)
      // The unit's row is locked until the request ends: two starters at once cannot both open a petition.
      await tx.core.units.get(unit.id, { lock: true })
      if (await tx.elevator.activePetitionOf(unit.id)) {
        throw conflict('PETITION_EXISTS', '本单元已有一份进行中的加装电梯申请，请在“我的单元”中查看并参与')
      }
      if (body.subsidiesFen > body.budgetFen)
        throw unprocessable('SUBSIDY_EXCEEDS_BUDGET', '补助金额不能超过工程预算', { subsidiesFen: '不能超过工程预算' })
      if (body.budgetFen <= 0) throw unprocessable('INVALID_BUDGET', '请填写工程预算', { budgetFen: '请填写工程预算' })
      const votingDeadline = checkDeadline(ctx, body.votingDeadline)
      const id = newId('ep')
      const coInitiators = await coInitiatorsOf(ctx, unit, id, body.coInitiatorRoomIds)
      const p: ElevatorPetition = {
        id,
        unitId: unit.id,
        communityId: unit.communityId,
        starterId: user.id,
        starterRoomId: flat.room.id,
        elevatorPosition: body.elevatorPosition,
        budgetFen: body.budgetFen,
        subsidiesFen: body.subsidiesFen,
        yearlyMaintenanceFen: body.yearlyMaintenanceFen,
        votingDeadline,
        status: 'forming',
        createdAt: nowIso,
      }
      await tx.elevator.petitions.insert(p)
      for (const c of coInitiators) {
        await tx.elevator.coInitiators.insert(c)
        await ctx.notify(
          c.userId,
          '邀请您作为加装电梯联合发起人',
          `${nameOf(user)}（${flat.room.name}）邀请您共同发起${unit.label}加装电梯。请在小程序中确认或拒绝；全部确认后开始表决。`,
          petitionLink(id),
        )
      }
      return petitionDto(tx, p, unit, { role: 'owner', user, rooms: [flat.room.id] }, ctx.clock.now())
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      await settle(ctx)
      return viewed(ctx, (await petitionOr404(ctx, ctx.params.id)).id)
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/confirm',
    access: 'user',
    handler: async (ctx) => {
      await settle(ctx)
      const { p, mine } = await pendingInvitation(ctx)
      const { elevator } = ctx.tx
      await elevator.coInitiators.update(mine.id, { confirmedAt: ctx.nowIso })
      const unit = await unitOf(ctx.tx.core, p.unitId)
      const waiting = (await elevator.coInitiatorsOf(p.id)).filter((c) => !c.confirmedAt).length
      if (waiting > 0) {
        await ctx.notify(
          p.starterId,
          '联合发起人已同意',
          `${nameOf(ctx.user)}已同意，还有 ${waiting} 位没有确认。`,
          petitionLink(p.id),
        )
      }
      if (waiting === 0) {
        await elevator.petitions.update(p.id, { status: 'voting', openedAt: ctx.nowIso })
        await recordAppReach(
          ctx,
          p,
          unit.flats.filter((f) => f.owner).map((f) => f.room.id),
        )
        await notifyOwners(
          ctx,
          p,
          unit,
          '加装电梯表决开始',
          `${unit.label}加装电梯开始表决，截止时间 ${formatDateTimeCn(p.votingDeadline)}。请查看方案和您家的分摊金额后签名表决。`,
        )
      }
      return viewed(ctx, p.id, unit)
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/decline',
    access: 'user',
    handler: async (ctx) => {
      await settle(ctx)
      const { p, mine } = await pendingInvitation(ctx)
      await ctx.tx.elevator.coInitiators.update(mine.id, { declinedAt: ctx.nowIso })
      await ctx.tx.elevator.petitions.update(p.id, { status: 'cancelled' })
      await ctx.notify(
        p.starterId,
        '联合发起人未同意',
        `${nameOf(ctx.user)}没有同意作为联合发起人，这次加装电梯申请已取消。您可以邀请其他业主重新发起。`,
        petitionLink(p.id),
      )
      return viewed(ctx, p.id)
    },
  }),
  route({
    method: 'PUT',
    path: '/api/elevator/petitions/:id/compensation',
    access: 'user',
    input: compensationInput,
    handler: async (ctx) => {
      await settle(ctx)
      const p = await petitionOr404(ctx, ctx.params.id, true)
      const unit = await unitOf(ctx.tx.core, p.unitId)
      const viewer = viewerOf(ctx, p, unit)
      if (viewer.role !== 'worker' && p.starterId !== ctx.user.id)
        throw forbidden('低层补偿由发起人或社区工作人员记录', 'NOT_STARTER')
      if (!ACTIVE_STATUSES.includes(p.status)) throw conflict('PETITION_CLOSED', '这份申请已经结束，不能再记录补偿')
      const stored = await ctx.tx.elevator.petitions.update(p.id, {
        compensationFen: ctx.body.amountFen,
        compensationText: ctx.body.text,
        compensationBy: ctx.user.id,
        compensationAt: ctx.nowIso,
      })
      return petitionDto(ctx.tx, stored, unit, viewer, ctx.clock.now())
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/worker/petitions',
    access: 'worker',
    handler: async (ctx) => {
      await settle(ctx)
      const out = []
      const worker = { role: 'worker' as const, user: ctx.user, rooms: [] }
      for (const p of await ctx.tx.elevator.petitionsOfCommunity(ctx.user.communityId)) {
        out.push(await petitionDto(ctx.tx, p, await unitOf(ctx.tx.core, p.unitId), worker, ctx.clock.now()))
      }
      return out
    },
  }),
]
