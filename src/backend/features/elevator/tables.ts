/**
 * Tables of the elevator feature. `jsonb` only for `resultTally`: the published count at the deadline,
 * a frozen value object read and shown whole, never queried or constrained.
 */
import { table } from '@/backend/core/data/spec'
import type {
  ElevatorBallotSignature,
  ElevatorCoInitiator,
  ElevatorLogEntry,
  ElevatorMediationStep,
  ElevatorObjection,
  ElevatorPetition,
  ElevatorReach,
  ElevatorStage,
} from './model'

/** Petitions, one row each; the plan, result, publicity, dispute stage and compensation flattened into columns. */
export const petitionsTable = table<ElevatorPetition>({
  name: 'elevator_petitions',
  key: 'id',
  columns: {
    id: 'text',
    unitId: 'text',
    communityId: 'text',
    starterId: 'text',
    starterRoomId: 'text',
    elevatorPosition: 'text',
    budgetFen: 'bigint',
    subsidiesFen: 'bigint',
    yearlyMaintenanceFen: 'bigint',
    votingDeadline: 'timestamptz',
    status: 'text',
    createdAt: 'timestamptz',
    openedAt: 'timestamptz',
    resultTally: 'jsonb',
    resultPublishedAt: 'timestamptz',
    publicityStartsAt: 'timestamptz',
    publicityEndsAt: 'timestamptz',
    mediationStage: 'text',
    compensationFen: 'bigint',
    compensationText: 'text',
    compensationBy: 'text',
    compensationAt: 'timestamptz',
    withdrawnAt: 'timestamptz',
    withdrawnBy: 'text',
    withdrawReason: 'text',
  },
  lookups: [['unitId', 'status'], ['communityId'], ['status']],
})

/** The retrofit group's co-initiators, one row per petition and user. */
export const coInitiatorsTable = table<ElevatorCoInitiator>({
  name: 'elevator_co_initiators',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    rank: 'integer',
    userId: 'text',
    roomId: 'text',
    invitedAt: 'timestamptz',
    confirmedAt: 'timestamptz',
    declinedAt: 'timestamptz',
  },
  lookups: [['petitionId']],
})

/**
 * The ballot log, one row per entry (seq 1, 2, 3… per petition): every entry keeps the exact fields its
 * hash covers (`auditLog.canonicalEntry`).
 */
export const logTable = table<ElevatorLogEntry>({
  name: 'elevator_log',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    seq: 'integer',
    at: 'timestamptz',
    householdId: 'text',
    actor: 'text',
    channel: 'text',
    choice: 'text',
    signatureKind: 'text',
    photoRef: 'text',
    prevHash: 'text',
    hash: 'text',
  },
  lookups: [
    ['petitionId', 'seq'],
    ['petitionId', 'householdId'],
  ],
})

/** How each log entry was signed and in what role, keyed like the entry. */
export const signaturesTable = table<ElevatorBallotSignature>({
  name: 'elevator_ballot_signatures',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    seq: 'integer',
    householdId: 'text',
    signatureImageId: 'text',
    actorRole: 'text',
  },
  lookups: [],
})

/** Written objections during publicity, at most one per petition and household. */
export const objectionsTable = table<ElevatorObjection>({
  name: 'elevator_objections',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    householdId: 'text',
    filedBy: 'text',
    channel: 'text',
    text: 'text',
    photoId: 'text',
    filedAt: 'timestamptz',
  },
  lookups: [['petitionId', 'householdId']],
})

/** Dispute steps after publicity, in seq order per petition. */
export const mediationStepsTable = table<ElevatorMediationStep>({
  name: 'elevator_mediation_steps',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    seq: 'integer',
    stage: 'text',
    note: 'text',
    by: 'text',
    at: 'timestamptz',
  },
  lookups: [['petitionId']],
})

/** How each household was told of the petition and the vote, oldest record first per petition. */
export const reachTable = table<ElevatorReach>({
  name: 'elevator_reach',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    householdId: 'text',
    channel: 'text',
    toldOn: 'date',
    byId: 'text',
    byRole: 'text',
    note: 'text',
    recordedAt: 'timestamptz',
  },
  lookups: [['petitionId']],
})

/** The project's stages after approval, one row per petition and stage. */
export const stagesTable = table<ElevatorStage>({
  name: 'elevator_stages',
  key: 'id',
  columns: {
    id: 'text',
    petitionId: 'text',
    stage: 'text',
    happenedOn: 'date',
    note: 'text',
    by: 'text',
    recordedAt: 'timestamptz',
  },
  lookups: [['petitionId']],
})

/** The feature's tables, referenced tables first. */
export const ELEVATOR_TABLES = [
  petitionsTable,
  coInitiatorsTable,
  logTable,
  signaturesTable,
  objectionsTable,
  mediationStepsTable,
  reachTable,
  stagesTable,
] as const
