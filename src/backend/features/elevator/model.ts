/**
 * Stored records of the elevator retrofit feature (老旧小区加装电梯, domain note §3), one table each
 * (`tables.ts`). No images inside records (photos and handwritten signatures are image ids), no ID
 * numbers (owners are resolved from the property register when needed). Money in fen, areas in m²,
 * instants ISO with +08:00.
 */
import type { AuditEntry } from '@/domain/elevator/auditLog'
import type { VoteTally } from '@/domain/elevator/rules'
import type { ElevatorMediationStageDto, ElevatorPetitionStatusDto } from '@/domain/elevator/contracts'
import type { ProjectStage, ReachChannel } from '@/domain/elevator/values'

/**
 * One petition of one stairwell unit (单元). See `ElevatorPetitionStatusDto` for the life cycle. The
 * plan voted on is in fen: net cost = `budgetFen` − `subsidiesFen` (≥ 0, checked on creation).
 */
export interface ElevatorPetition {
  id: string
  unitId: string
  communityId: string
  starterId: string
  starterRoomId: string
  elevatorPosition: string
  budgetFen: number
  subsidiesFen: number
  yearlyMaintenanceFen: number
  /** ISO instant; ballots recorded at or before it count (auditLog `finalBallots`). */
  votingDeadline: string
  status: ElevatorPetitionStatusDto
  createdAt: string
  openedAt?: string
  /** The tally at the deadline, set when the vote closed by itself (`resultPublishedAt` = the deadline). */
  resultTally?: VoteTally
  resultPublishedAt?: string
  /** Approved petitions: 10 days from the deadline (domain note §3, PRODUCT). */
  publicityStartsAt?: string
  publicityEndsAt?: string
  /** The dispute stage reached (steps in `elevator_mediation_steps`), from the end of publicity. */
  mediationStage?: ElevatorMediationStageDto
  /** A negotiated compensation line for low floors (fen, terms), by whom and when. */
  compensationFen?: number
  compensationText?: string
  compensationBy?: string
  compensationAt?: string
  /** Withdrawn by an initiator before the vote ended (status `withdrawn`): when, by whom, why. */
  withdrawnAt?: string
  withdrawnBy?: string
  withdrawReason?: string
}

/**
 * A co-initiator of the retrofit group (3–5 people with the starter): an owner of the unit who confirms
 * in the app. `id` is `<petitionId>:<userId>`; `rank` the order of invitation (0 first).
 */
export interface ElevatorCoInitiator {
  id: string
  petitionId: string
  rank: number
  userId: string
  roomId: string
  invitedAt: string
  confirmedAt?: string
  declinedAt?: string
}

/**
 * One entry of a petition's append-only, hash-chained ballot log (`auditLog.ts`): the entry as hashed,
 * plus its petition. `id` is `<petitionId>:<seq>` (one entry per seq: a forked chain cannot be stored).
 */
export interface ElevatorLogEntry extends AuditEntry {
  id: string
  petitionId: string
}

/**
 * What the hash-chained entry does not carry about a ballot: how it was signed (handwritten image id;
 * a typed name is checked against the real name and not stored) and in what role the actor acted.
 * `id` is `<petitionId>:<seq>`, the entry's.
 */
export interface ElevatorBallotSignature {
  id: string
  petitionId: string
  seq: number
  householdId: string
  signatureImageId?: string
  actorRole: 'owner' | 'proxy' | 'worker'
}

/** A real-name written objection filed during publicity (app) or received on paper (recorded by a worker). */
export interface ElevatorObjection {
  id: string
  petitionId: string
  /** The objecting owner's flat. */
  householdId: string
  /** The objector's user id (app), or the worker who recorded a paper objection. */
  filedBy: string
  channel: 'app' | 'paper'
  text: string
  photoId?: string
  filedAt: string
}

/** A recorded dispute step; `by` is a user id or `system`. `id` is `<petitionId>:<seq>`, `seq` from 1. */
export interface ElevatorMediationStep {
  id: string
  petitionId: string
  seq: number
  stage: ElevatorMediationStageDto
  note: string
  by: string
  at: string
}

/**
 * How a household was told of the petition and the vote (issue 28): the channel, the day (`YYYY-MM-DD`),
 * who told them (a worker, an initiator, or `system` for the app's own message when voting opened or
 * the owner voted in the app) and when it was recorded. A household without any record blocks the result.
 */
export interface ElevatorReach {
  id: string
  petitionId: string
  householdId: string
  channel: ReachChannel
  toldOn: string
  byId: string
  byRole: 'worker' | 'initiator' | 'system'
  note?: string
  recordedAt: string
}

/**
 * A project stage after approval (design review … subsidy granted), one per petition and stage
 * (`id` `<petitionId>:<stage>`): the day it happened (`YYYY-MM-DD`), a note, the worker, when recorded.
 */
export interface ElevatorStage {
  id: string
  petitionId: string
  stage: ProjectStage
  happenedOn: string
  note: string
  by: string
  recordedAt: string
}
