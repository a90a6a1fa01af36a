/**
 * Who may see and do what on an elevator petition: the unit's owners (real-name bound, by the property
 * register) and community workers of the unit's community. Every guard throws an `HttpError` with a
 * stable code and plain-Chinese next steps.
 */
import { conflict, forbidden, notFound, unprocessable } from '@/backend/core/http'
import type { RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { flatOf, ownedFlats, unitOf, type UnitView } from './households'
import type { ElevatorPetition } from './model'

/** The caller as a viewer of a petition: an owner (with their flats in the unit) or a worker. */
export interface Viewer {
  role: 'owner' | 'worker'
  user: User
  rooms: string[]
}

/**
 * The petition `id`, or 404 `PETITION_NOT_FOUND`. `lock`: hold the row until the request ends (before
 * appending to its log or changing it), so parallel requests on one petition run one after the other.
 */
export async function petitionOr404(ctx: RouteContext, id: string, lock = false): Promise<ElevatorPetition> {
  const p = await ctx.tx.elevator.petitions.get(id, { lock })
  if (!p) throw notFound('没有找到这份加装电梯申请', 'PETITION_NOT_FOUND')
  return p
}

/** The petition `id` (404 `PETITION_NOT_FOUND`; `lock` as in `petitionOr404`) and its unit. */
export async function petitionAndUnit(
  ctx: RouteContext,
  id: string,
  lock = false,
): Promise<{ p: ElevatorPetition; unit: UnitView }> {
  const p = await petitionOr404(ctx, id, lock)
  return { p, unit: await unitOf(ctx.tx.core, p.unitId) }
}

/**
 * The principal as a viewer: a worker of the unit's community, or an owner of a flat in `unit` (the
 * petition's). Throws 403 `NOT_UNIT_OWNER` otherwise (the petition's existence is not secret within a
 * community), 403 `OTHER_COMMUNITY` for a worker of another community.
 */
export function viewerOf(ctx: RouteContext, p: ElevatorPetition, unit: UnitView): Viewer {
  const who = ctx.principal
  if (who.role === 'worker') {
    if (who.communityId !== p.communityId) throw forbidden('只能查看本社区的加装电梯事项', 'OTHER_COMMUNITY')
    return { role: 'worker', user: who, rooms: [] }
  }
  const rooms = ownedFlats(unit, who)
  if (rooms.length === 0) {
    throw forbidden(
      who.realName
        ? '只有本单元的业主可以查看和参与这次加装电梯表决'
        : '请先完成实名认证，系统核对房产登记后才能参与本单元的加装电梯事项',
      'NOT_UNIT_OWNER',
    )
  }
  return { role: 'owner', user: who, rooms }
}

/**
 * Requires the principal to be the registered owner of `householdId` in the petition's unit
 * (Civil Code art. 278: owners decide). 422 `REAL_NAME_REQUIRED` without real-name binding (ownership
 * cannot be checked); 404 `NO_SUCH_HOUSEHOLD` for a flat outside the unit; 403 `NOT_HOUSEHOLD_OWNER`
 * when someone else owns it.
 */
export function requireHouseholdOwner(ctx: RouteContext, unit: UnitView, householdId: string): void {
  const who = ctx.principal
  if (!who.realName)
    throw unprocessable('REAL_NAME_REQUIRED', '请先在“我的”中完成实名认证，核对房产登记后才能表决或提出异议')
  requireUnitHousehold(unit, householdId)
  if (!ownedFlats(unit, who).includes(householdId)) {
    throw forbidden('房产登记中这一户的业主不是您，只有业主本人可以表决', 'NOT_HOUSEHOLD_OWNER')
  }
}

/** Requires a community worker of the petition's community (403 `OTHER_COMMUNITY`). */
export function requireWorkerOf(ctx: RouteContext, p: ElevatorPetition): void {
  if (ctx.user.role !== 'worker') throw forbidden('只有社区工作人员可以进行此操作')
  if (ctx.user.communityId !== p.communityId) throw forbidden('只能办理本社区的加装电梯事项', 'OTHER_COMMUNITY')
}

/**
 * Requires the vote to be open now: 409 `VOTING_NOT_OPEN` before all co-initiators confirmed,
 * `PETITION_WITHDRAWN` once the initiators withdrew it, `VOTING_CLOSED` after the deadline.
 */
export function requireVotingOpen(ctx: RouteContext, p: ElevatorPetition): void {
  if (p.status === 'forming') throw conflict('VOTING_NOT_OPEN', '表决还没有开始：还在等待联合发起人确认')
  if (p.status === 'withdrawn') {
    throw conflict(
      'PETITION_WITHDRAWN',
      `这份加装电梯申请已由发起人撤回，表决已停止，不能再投票或改票。撤回原因：${p.withdrawReason ?? '未填写'}`,
    )
  }
  if (p.status !== 'voting' || ctx.clock.now() > Date.parse(p.votingDeadline)) {
    throw conflict('VOTING_CLOSED', '表决已经截止，不能再投票或改票。结果以截止时每户最后一次表决为准。')
  }
}

/** A ballot, objection or paper entry must name a registered flat of the unit (404 `NO_SUCH_HOUSEHOLD`). */
export function requireUnitHousehold(unit: UnitView, householdId: string): void {
  if (!flatOf(unit, householdId)) throw notFound('本单元没有这一户，请检查房号', 'NO_SUCH_HOUSEHOLD')
}
