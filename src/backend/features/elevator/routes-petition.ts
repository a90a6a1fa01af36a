/**
 * Elevator petition routes: my units, starting a petition with its retrofit group (starter + 2–4
 * co-initiators who each confirm; Hangzhou Order No. 324 speaks of a 3- or 5-person group), reading it,
 * the low-floor compensation line, and the worker's list.
 */
import { beijingIso, formatDateTimeCn } from '@/domain/time'
import type { ElevatorMyUnitsDto } from '@/domain/contracts/elevator'
import { conflict, forbidden, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { petitionOr404, viewerOf } from './access'
import { ownedRooms, ownerOfRoom, ownsRoom, unitLabel, unitRooms } from './households'
import { petitionLink, notifyOwners, settle } from './lifecycle'
import type { ElevatorPetition } from './model'
import { compensationInput, petitionInput } from './schemas'
import { nameOf, petitionDto } from './views'

const DAY_MS = 24 * 3600_000
/** Longest voting period, in days (PRODUCT). */
export const MAX_VOTING_DAYS = 60
/** Hangzhou Order No. 324 applies to existing residential buildings of 4 storeys or more. */
export const MIN_STOREYS = 4

const FREE: ElevatorPetition['status'][] = ['rejected', 'cancelled', 'lapsed']

/** The unit's petition that blocks a new one (any but rejected / cancelled / lapsed), if any. */
export function activePetition(ctx: RouteContext, unitId: string): ElevatorPetition | undefined {
  return Object.values(ctx.db.data.elevatorPetitions).find((p) => p.unitId === unitId && !FREE.includes(p.status))
}

function latestPetition(ctx: RouteContext, unitId: string): ElevatorPetition | undefined {
  return (
    activePetition(ctx, unitId) ??
    Object.values(ctx.db.data.elevatorPetitions)
      .filter((p) => p.unitId === unitId)
      .sort((a, b) => b.createdAt.localeCompare(a.createdAt))[0]
  )
}

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

function coInitiatorsOf(ctx: RouteContext, unitId: string, roomIds: string[]): ElevatorPetition['coInitiators'] {
  const seen = new Set<string>([ctx.user.id])
  return roomIds.map((roomId) => {
    const room = ctx.db.data.rooms[roomId]
    if (!room || room.unitId !== unitId || !ctx.db.data.propertyRegister[roomId]) {
      throw unprocessable(
        'CO_INITIATOR_NOT_IN_UNIT',
        `${room?.name ?? roomId} 不是本单元的房屋：联合发起人须是本单元业主`,
        { coInitiatorRoomIds: '须是本单元的房屋' },
      )
    }
    const owner = ownerOfRoom(ctx.db.data, roomId)
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
    return { userId: owner.id, roomId, invitedAt: ctx.nowIso }
  })
}

/** Petition routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const petitionRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/my-units',
    access: 'user',
    allowProxy: true,
    handler: (ctx): ElevatorMyUnitsDto => {
      settle(ctx)
      const { db, principal } = ctx
      const rooms = ownedRooms(db.data, principal)
      const unitIds = [...new Set(rooms.map((r) => db.data.rooms[r]?.unitId).filter((u): u is string => !!u))]
      return {
        realNameBound: !!principal.realName,
        units: unitIds.map((unitId) => {
          const p = latestPetition(ctx, unitId)
          return {
            unitId,
            label: unitLabel(db.data, unitId),
            storeys: db.data.units[unitId]?.storeys ?? 0,
            households: unitRooms(db.data, unitId).length,
            myRooms: rooms
              .filter((r) => db.data.rooms[r].unitId === unitId)
              .map((r) => ({
                roomId: r,
                name: db.data.rooms[r].name,
                floor: db.data.rooms[r].floor,
                area: db.data.propertyRegister[r].area,
              })),
            petition: p ? petitionDto(db.data, p, { role: 'owner', user: principal, rooms }, ctx.clock.now()) : null,
          }
        }),
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions',
    access: 'user',
    input: petitionInput,
    handler: (ctx) => {
      settle(ctx)
      const { db, user, body, nowIso } = ctx
      if (!user.realName)
        throw unprocessable('REAL_NAME_REQUIRED', '请先在“我的”中完成实名认证，核对房产登记后才能发起加装电梯')
      requirePrivacy(ctx)
      const room = db.data.rooms[body.roomId]
      if (!room || !db.data.propertyRegister[room.id]) throw notFound('没有找到这个房屋', 'NO_SUCH_HOUSEHOLD')
      if (!ownsRoom(db.data, user, room.id))
        throw forbidden('房产登记中这套房屋的业主不是您：只有本单元业主可以发起', 'NOT_HOUSEHOLD_OWNER')
      const unit = db.data.units[room.unitId]
      if (!unit || unit.storeys < MIN_STOREYS)
        throw unprocessable('UNIT_NOT_ELIGIBLE', `加装电梯适用于 ${MIN_STOREYS} 层及以上、没有电梯的住宅`)
      if (activePetition(ctx, unit.id))
        throw conflict('PETITION_EXISTS', '本单元已有一份进行中的加装电梯申请，请在“我的单元”中查看并参与')
      if (body.subsidiesFen > body.budgetFen)
        throw unprocessable('SUBSIDY_EXCEEDS_BUDGET', '补助金额不能超过工程预算', { subsidiesFen: '不能超过工程预算' })
      if (body.budgetFen <= 0) throw unprocessable('INVALID_BUDGET', '请填写工程预算', { budgetFen: '请填写工程预算' })
      const votingDeadline = checkDeadline(ctx, body.votingDeadline)
      const coInitiators = coInitiatorsOf(ctx, unit.id, body.coInitiatorRoomIds)
      const id = newId('ep')
      const p: ElevatorPetition = {
        id,
        unitId: unit.id,
        communityId: unit.communityId,
        starterId: user.id,
        starterRoomId: room.id,
        coInitiators,
        plan: {
          elevatorPosition: body.elevatorPosition,
          budgetFen: body.budgetFen,
          subsidiesFen: body.subsidiesFen,
          yearlyMaintenanceFen: body.yearlyMaintenanceFen,
        },
        votingDeadline,
        status: 'forming',
        createdAt: nowIso,
      }
      db.write('elevatorPetitions')[id] = p
      for (const c of coInitiators) {
        ctx.notify(
          c.userId,
          '邀请您作为加装电梯联合发起人',
          `${nameOf(user)}（${room.name}）邀请您共同发起${unitLabel(db.data, unit.id)}加装电梯。请在小程序中确认或拒绝；全部确认后开始表决。`,
          petitionLink(id),
        )
      }
      return petitionDto(db.data, p, { role: 'owner', user, rooms: [room.id] }, ctx.clock.now())
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id',
    access: 'user',
    allowProxy: true,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      return petitionDto(ctx.db.data, p, viewerOf(ctx, p), ctx.clock.now())
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/confirm',
    access: 'user',
    handler: (ctx) => {
      settle(ctx)
      const p = pendingInvitation(ctx)
      const stored = ctx.db.write('elevatorPetitions')[p.id]
      stored.coInitiators.find((c) => c.userId === ctx.user.id)!.confirmedAt = ctx.nowIso
      if (stored.coInitiators.every((c) => c.confirmedAt)) {
        stored.status = 'voting'
        stored.openedAt = ctx.nowIso
        notifyOwners(
          ctx,
          stored,
          '加装电梯表决开始',
          `${unitLabel(ctx.db.data, p.unitId)}加装电梯开始表决，截止时间 ${formatDateTimeCn(stored.votingDeadline)}。请查看方案和您家的分摊金额后签名表决。`,
        )
      }
      return petitionDto(ctx.db.data, stored, viewerOf(ctx, stored), ctx.clock.now())
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/decline',
    access: 'user',
    handler: (ctx) => {
      settle(ctx)
      const p = pendingInvitation(ctx)
      const stored = ctx.db.write('elevatorPetitions')[p.id]
      stored.coInitiators.find((c) => c.userId === ctx.user.id)!.declinedAt = ctx.nowIso
      stored.status = 'cancelled'
      ctx.notify(
        p.starterId,
        '联合发起人未同意',
        `${nameOf(ctx.user)}没有同意作为联合发起人，这次加装电梯申请已取消。您可以邀请其他业主重新发起。`,
        petitionLink(p.id),
      )
      return petitionDto(ctx.db.data, stored, viewerOf(ctx, stored), ctx.clock.now())
    },
  }),
  route({
    method: 'PUT',
    path: '/api/elevator/petitions/:id/compensation',
    access: 'user',
    input: compensationInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p)
      if (viewer.role !== 'worker' && p.starterId !== ctx.user.id)
        throw forbidden('低层补偿由发起人或社区工作人员记录', 'NOT_STARTER')
      if (FREE.includes(p.status)) throw conflict('PETITION_CLOSED', '这份申请已经结束，不能再记录补偿')
      const stored = ctx.db.write('elevatorPetitions')[p.id]
      stored.compensation = {
        amountFen: ctx.body.amountFen,
        text: ctx.body.text,
        recordedBy: ctx.user.id,
        recordedAt: ctx.nowIso,
      }
      return petitionDto(ctx.db.data, stored, viewer, ctx.clock.now())
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/worker/petitions',
    access: 'worker',
    handler: (ctx) => {
      settle(ctx)
      return Object.values(ctx.db.data.elevatorPetitions)
        .filter((p) => p.communityId === ctx.user.communityId)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt))
        .map((p) => petitionDto(ctx.db.data, p, { role: 'worker', user: ctx.user, rooms: [] }, ctx.clock.now()))
    },
  }),
]

/** The petition where the caller has a pending co-initiator invitation (409 `NOT_FORMING`, 403 `NOT_CO_INITIATOR`). */
function pendingInvitation(ctx: RouteContext): ElevatorPetition {
  const p = petitionOr404(ctx, ctx.params.id)
  const mine = p.coInitiators.find((c) => c.userId === ctx.user.id)
  if (!mine) throw forbidden('您不是这份申请的联合发起人', 'NOT_CO_INITIATOR')
  if (p.status !== 'forming' || mine.confirmedAt || mine.declinedAt)
    throw conflict('NOT_FORMING', '这份申请已不在等待确认的阶段')
  return p
}
