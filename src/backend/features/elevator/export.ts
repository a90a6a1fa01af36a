/** The person's elevator records for their data export: the petitions of their units and their part in them. */
import type { ExportProvider } from '@/backend/core/router'
import { withoutFields } from '@/backend/routes/export'
import { roomsOwnedBy } from './households'
import type { ElevatorPetition } from './model'

/**
 * The petitions of every unit where the person owns or has bound a room, each with the person's share:
 * their co-initiator rows, the ballot-log entries of their households or entered by them (with how each
 * was signed), their households' objections and reach records, and the petition's mediation steps and
 * stages. Other households' ballots are not theirs and are left out (the public tally is on the petition).
 */
export const elevatorExport: ExportProvider = async (ctx, userId) => {
  const { core, elevator } = ctx.tx
  const user = (await core.users.get(userId))!
  const owned = await roomsOwnedBy(core, user)
  const bound = await core.roomsByIds((await core.bindingsOf(userId)).map((b) => b.roomId))
  const households = new Set([...owned, ...bound].map((r) => r.id))
  const unitIds = [...new Set([...owned, ...bound].map((r) => r.unitId))].sort()
  const petitions: ElevatorPetition[] = []
  for (const unitId of unitIds) petitions.push(...(await elevator.petitionsOfUnit(unitId)))
  const mine = (h: { householdId: string }) => households.has(h.householdId)
  const tables: Record<string, Record<string, unknown>[]> = {
    elevator_petitions: petitions.map((p) => withoutFields(p)),
    elevator_co_initiators: [],
    elevator_log: [],
    elevator_ballot_signatures: [],
    elevator_objections: [],
    elevator_mediation_steps: [],
    elevator_reach: [],
    elevator_stages: [],
  }
  let ballots = 0
  for (const p of petitions) {
    tables.elevator_co_initiators.push(
      ...(await elevator.coInitiatorsOf(p.id)).filter((c) => c.userId === userId).map((c) => withoutFields(c)),
    )
    const entries = (await elevator.logOf(p.id)).filter((e) => mine(e) || e.actor === userId)
    ballots += entries.length
    tables.elevator_log.push(...entries.map((e) => withoutFields(e)))
    tables.elevator_ballot_signatures.push(
      ...(
        await elevator.signaturesOf(
          p.id,
          entries.map((e) => e.seq),
        )
      ).map((s) => withoutFields(s)),
    )
    tables.elevator_objections.push(
      ...(await elevator.objectionsOf(p.id))
        .filter((o) => mine(o) || o.filedBy === userId)
        .map((o) => withoutFields(o)),
    )
    tables.elevator_mediation_steps.push(...(await elevator.mediationStepsOf(p.id)).map((s) => withoutFields(s)))
    tables.elevator_reach.push(...(await elevator.reachOf(p.id)).filter(mine).map((r) => withoutFields(r)))
    tables.elevator_stages.push(...(await elevator.stagesOf(p.id)).map((s) => withoutFields(s)))
  }
  return {
    tables,
    summary: {
      service: '加装电梯',
      lines: [
        `涉及的加装电梯项目：${petitions.length} 个`,
        `发起：${petitions.filter((p) => p.starterId === userId).length} 个；联合发起：${tables.elevator_co_initiators.length} 个`,
        `表决记录：${ballots} 条；书面异议：${tables.elevator_objections.length} 份`,
      ],
    },
  }
}
