/**
 * Reaching every owner (issue 28): each household of the unit must have a record of how it was told of
 * the petition and the vote before the result is published — owners without the app included, since
 * forged and "signed for" consent is the top complaint about elevator retrofits. The app's own message
 * when voting opens and a ballot the owner casts in the app are recorded by the system; the rest
 * (SMS, registered mail, door notice, in person) by a community worker or an initiator.
 */
import { beijingDate } from '@/domain/shared/time'
import { newId } from '@/backend/core/ids'
import type { RouteContext, Tx } from '@/backend/core/router'
import type { UnitView } from './households'
import type { ElevatorPetition, ElevatorReach } from './model'

/** Households of `unit` with no reach record for petition `p`, in the unit's flat order. */
export async function unreachedHouseholds(tx: Tx, p: ElevatorPetition, unit: UnitView): Promise<string[]> {
  const reached = new Set((await tx.elevator.reachOf(p.id)).map((r) => r.householdId))
  return unit.flats.map((f) => f.room.id).filter((id) => !reached.has(id))
}

/** Plain-Chinese reason the result is held: `还有 2 户业主没有告知记录…`. */
export const heldText = (missing: number): string =>
  `还有 ${missing} 户业主没有告知记录（短信、挂号信、张贴告知单或当面告知），表决结果暂不能公布。请社区工作人员在“告知记录”中补录后再公布。`

/**
 * Records that the app told `householdIds` (system), skipping households that already have an app
 * record; dated today (Beijing).
 */
export async function recordAppReach(ctx: RouteContext, p: ElevatorPetition, householdIds: readonly string[]) {
  const have = new Set(
    (await ctx.tx.elevator.reachOf(p.id)).filter((r) => r.channel === 'app').map((r) => r.householdId),
  )
  for (const householdId of householdIds) {
    if (have.has(householdId)) continue
    const r: ElevatorReach = {
      id: newId('er'),
      petitionId: p.id,
      householdId,
      channel: 'app',
      toldOn: beijingDate(ctx.nowIso),
      byId: 'system',
      byRole: 'system',
      recordedAt: ctx.nowIso,
    }
    await ctx.tx.elevator.reach.insert(r)
  }
}
