/**
 * The elevator feature's rows from what schema v2 stored (`core/migrations.ts`): `elevatorPetitions`
 * (with nested plan, co-initiators, result, publicity, mediation and compensation), `elevatorAuditLogs`
 * (per petition, an array of hash-chained entries), `elevatorSignatures` (keyed `<petitionId>:<seq>`)
 * and `elevatorObjections`. Log entries keep every hashed field exactly as stored, so each chain
 * verifies after the move as before it (and a chain broken before stays broken).
 */
import type { AuditEntry } from '@/domain/elevator/auditLog'
import type { VoteTally } from '@/domain/elevator/rules'
import type { ElevatorMediationStageDto } from '@/domain/elevator/contracts'
import type { Rows } from '@/backend/core/data/store'
import type { V2Collections } from '@/backend/core/feature'
import type {
  ElevatorBallotSignature,
  ElevatorCoInitiator,
  ElevatorLogEntry,
  ElevatorMediationStep,
  ElevatorObjection,
  ElevatorPetition,
} from './model'
import {
  coInitiatorsTable,
  logTable,
  mediationStepsTable,
  objectionsTable,
  petitionsTable,
  signaturesTable,
} from './tables'

/** A v2 petition: the v3 row's scalar fields, the rest nested. */
type V2Scalars =
  | 'id'
  | 'unitId'
  | 'communityId'
  | 'starterId'
  | 'starterRoomId'
  | 'votingDeadline'
  | 'status'
  | 'createdAt'
  | 'openedAt'
interface V2Petition extends Pick<ElevatorPetition, V2Scalars> {
  coInitiators: Omit<ElevatorCoInitiator, 'id' | 'petitionId' | 'rank'>[]
  plan: { elevatorPosition: string; budgetFen: number; subsidiesFen: number; yearlyMaintenanceFen: number }
  result?: { approved: boolean; quorumMet: boolean; tally: VoteTally; publishedAt: string }
  publicity?: { startsAt: string; endsAt: string }
  mediation?: { stage: ElevatorMediationStageDto; steps: Omit<ElevatorMediationStep, 'id' | 'petitionId' | 'seq'>[] }
  compensation?: { amountFen: number; text: string; recordedBy: string; recordedAt: string }
}

const values = <T>(x: unknown): T[] => Object.values((x ?? {}) as Record<string, T>)

/** The petition's scalar row from a v2 petition (nested value objects flattened into columns). */
function petitionRow(p: V2Petition): ElevatorPetition {
  return {
    id: p.id,
    unitId: p.unitId,
    communityId: p.communityId,
    starterId: p.starterId,
    starterRoomId: p.starterRoomId,
    ...p.plan,
    votingDeadline: p.votingDeadline,
    status: p.status,
    createdAt: p.createdAt,
    ...(p.openedAt ? { openedAt: p.openedAt } : {}),
    ...(p.result ? { resultTally: p.result.tally, resultPublishedAt: p.result.publishedAt } : {}),
    ...(p.publicity ? { publicityStartsAt: p.publicity.startsAt, publicityEndsAt: p.publicity.endsAt } : {}),
    ...(p.mediation ? { mediationStage: p.mediation.stage } : {}),
    ...(p.compensation
      ? {
          compensationFen: p.compensation.amountFen,
          compensationText: p.compensation.text,
          compensationBy: p.compensation.recordedBy,
          compensationAt: p.compensation.recordedAt,
        }
      : {}),
  }
}

/** Every elevator table's rows from v2's collections. */
export function elevatorFromV2(old: V2Collections): Rows {
  const petitions = values<V2Petition>(old.elevatorPetitions)
  const coInitiators: ElevatorCoInitiator[] = petitions.flatMap((p) =>
    p.coInitiators.map((c, rank) => ({ ...c, id: `${p.id}:${c.userId}`, petitionId: p.id, rank })),
  )
  const steps: ElevatorMediationStep[] = petitions.flatMap((p) =>
    (p.mediation?.steps ?? []).map((s, i) => ({ ...s, id: `${p.id}:${i + 1}`, petitionId: p.id, seq: i + 1 })),
  )
  // An entry is stored as it was hashed: a log with a missing or repeated seq keeps it (ids by position
  // then), so verification still reports where the chain breaks.
  const logs = Object.entries((old.elevatorAuditLogs ?? {}) as Record<string, AuditEntry[]>)
  const log: ElevatorLogEntry[] = logs.flatMap(([petitionId, entries]) => {
    const seqs = entries.map((e) => e.seq)
    const clean = seqs.every((s, i) => Number.isInteger(s) && seqs.indexOf(s) === i)
    return entries.map((e, i) => ({ ...e, id: `${petitionId}:${clean ? e.seq : `${i + 1}#${e.seq}`}`, petitionId }))
  })
  const oldSignatures = (old.elevatorSignatures ?? {}) as Record<string, Omit<ElevatorBallotSignature, 'id'>>
  const signatures: ElevatorBallotSignature[] = Object.entries(oldSignatures).map(([id, s]) => ({ ...s, id }))
  return {
    [petitionsTable.name]: petitions.map(petitionRow),
    [coInitiatorsTable.name]: coInitiators,
    [logTable.name]: log,
    [signaturesTable.name]: signatures,
    [objectionsTable.name]: values<ElevatorObjection>(old.elevatorObjections),
    [mediationStepsTable.name]: steps,
  }
}
