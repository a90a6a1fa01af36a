/**
 * The elevator feature's data in one transaction: petitions, their co-initiators, the hash-chained
 * ballot log with its signatures, objections and dispute steps. Lists state their order.
 */
import type { Table, Tables } from '@/backend/core/data/store'
import type { ElevatorPetitionStatusDto } from '@/domain/elevator/contracts'
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
import {
  coInitiatorsTable,
  logTable,
  mediationStepsTable,
  objectionsTable,
  petitionsTable,
  reachTable,
  signaturesTable,
  stagesTable,
} from './tables'

/** Statuses that block a new petition on the unit (all but rejected, cancelled, lapsed). */
export const ACTIVE_STATUSES: readonly ElevatorPetitionStatusDto[] = [
  'forming',
  'voting',
  'publicity',
  'mediation',
  'concluded',
]

/** The key of a log entry and of its signature: `<petitionId>:<seq>`. */
export const entryKey = (petitionId: string, seq: number): string => `${petitionId}:${seq}`

/** The elevator tables of one transaction (`ctx.tx.elevator`): a handle per table and the lookups routes make. */
export class ElevatorRepository {
  readonly petitions: Table<ElevatorPetition>
  readonly coInitiators: Table<ElevatorCoInitiator>
  readonly log: Table<ElevatorLogEntry>
  readonly signatures: Table<ElevatorBallotSignature>
  readonly objections: Table<ElevatorObjection>
  readonly mediationSteps: Table<ElevatorMediationStep>
  readonly reach: Table<ElevatorReach>
  readonly stages: Table<ElevatorStage>

  constructor(tables: Tables) {
    this.petitions = tables.of(petitionsTable)
    this.coInitiators = tables.of(coInitiatorsTable)
    this.log = tables.of(logTable)
    this.signatures = tables.of(signaturesTable)
    this.objections = tables.of(objectionsTable)
    this.mediationSteps = tables.of(mediationStepsTable)
    this.reach = tables.of(reachTable)
    this.stages = tables.of(stagesTable)
  }

  // Petitions

  /** The petitions of a stairwell unit, newest first. */
  petitionsOfUnit(unitId: string): Promise<ElevatorPetition[]> {
    return this.petitions.find({ where: { unitId }, order: [['createdAt', 'desc']] })
  }

  /** The unit's petition that blocks a new one (`ACTIVE_STATUSES`), the newest if several. */
  activePetitionOf(unitId: string): Promise<ElevatorPetition | undefined> {
    return this.petitions.first({ where: { unitId, status: { in: ACTIVE_STATUSES } }, order: [['createdAt', 'desc']] })
  }

  /** The petitions of a community (for its workers), newest first. */
  petitionsOfCommunity(communityId: string): Promise<ElevatorPetition[]> {
    return this.petitions.find({ where: { communityId }, order: [['createdAt', 'desc']] })
  }

  /** Petitions still forming or voting whose deadline is at or before `iso`, earliest deadline first. */
  deadlinesDue(iso: string): Promise<ElevatorPetition[]> {
    return this.petitions.find({
      where: { status: { in: ['forming', 'voting'] }, votingDeadline: { lte: iso } },
      order: [['votingDeadline', 'asc']],
    })
  }

  /** Petitions open for voting, earliest deadline first (the reminder job). */
  votingPetitions(): Promise<ElevatorPetition[]> {
    return this.petitions.find({ where: { status: 'voting' }, order: [['votingDeadline', 'asc']] })
  }

  /** Petitions in publicity whose publicity ends at or before `iso`, earliest end first. */
  publicityDue(iso: string): Promise<ElevatorPetition[]> {
    return this.petitions.find({
      where: { status: 'publicity', publicityEndsAt: { lte: iso } },
      order: [['publicityEndsAt', 'asc']],
    })
  }

  /** The co-initiators of a petition, in the order they were invited. */
  coInitiatorsOf(petitionId: string): Promise<ElevatorCoInitiator[]> {
    return this.coInitiators.find({ where: { petitionId }, order: [['rank', 'asc']] })
  }

  // The ballot log

  /** A petition's whole log, in seq order (what `verifyChain` and `finalBallots` judge). */
  logOf(petitionId: string): Promise<ElevatorLogEntry[]> {
    return this.log.find({ where: { petitionId }, order: [['seq', 'asc']] })
  }

  /** A page of a petition's log in seq order: `limit` entries from index `offset` (0-based). */
  logPage(petitionId: string, offset: number, limit: number): Promise<ElevatorLogEntry[]> {
    return this.log.find({ where: { petitionId }, order: [['seq', 'asc']], offset, limit })
  }

  /** How many entries a petition's log holds. */
  logLength(petitionId: string): Promise<number> {
    return this.log.count({ petitionId })
  }

  /** The head of a petition's log (highest seq), if any. */
  lastEntryOf(petitionId: string): Promise<ElevatorLogEntry | undefined> {
    return this.log.first({ where: { petitionId }, order: [['seq', 'desc']] })
  }

  /** A flat's current ballot: its latest log entry (highest seq), if it has voted. */
  ballotOf(petitionId: string, householdId: string): Promise<ElevatorLogEntry | undefined> {
    return this.log.first({ where: { petitionId, householdId }, order: [['seq', 'desc']] })
  }

  /** The signatures of the given entries of a petition, in the order of `seqs` (missing ones left out). */
  async signaturesOf(petitionId: string, seqs: readonly number[]): Promise<ElevatorBallotSignature[]> {
    const out: ElevatorBallotSignature[] = []
    for (const seq of seqs) {
      const s = await this.signatures.get(entryKey(petitionId, seq))
      if (s) out.push(s)
    }
    return out
  }

  // Objections and dispute steps

  /** A petition's objections, in the order they were filed. */
  objectionsOf(petitionId: string): Promise<ElevatorObjection[]> {
    return this.objections.find({ where: { petitionId }, order: [['filedAt', 'asc']] })
  }

  /** How many objections a petition received. */
  objectionCount(petitionId: string): Promise<number> {
    return this.objections.count({ petitionId })
  }

  /** The first objection filed for any of `householdIds` (one per household), if any. */
  async objectionOf(petitionId: string, householdIds: readonly string[]): Promise<ElevatorObjection | undefined> {
    if (householdIds.length === 0) return undefined
    const where = { petitionId, householdId: { in: householdIds } }
    return this.objections.first({ where, order: [['filedAt', 'asc']] })
  }

  /** A petition's dispute steps, in seq order. */
  mediationStepsOf(petitionId: string): Promise<ElevatorMediationStep[]> {
    return this.mediationSteps.find({ where: { petitionId }, order: [['seq', 'asc']] })
  }

  // Reaching every owner

  /** A petition's reach records, oldest recorded first. */
  reachOf(petitionId: string): Promise<ElevatorReach[]> {
    return this.reach.find({ where: { petitionId }, order: [['recordedAt', 'asc']] })
  }

  /** A petition's recorded project stages, by the day they happened (then when recorded). */
  stagesOf(petitionId: string): Promise<ElevatorStage[]> {
    return this.stages.find({
      where: { petitionId },
      order: [
        ['happenedOn', 'asc'],
        ['recordedAt', 'asc'],
      ],
    })
  }
}

declare module '../../core/router' {
  interface FeatureRepositories {
    elevator: ElevatorRepository
  }
}
