/**
 * Stored collections of the elevator retrofit feature (老旧小区加装电梯, domain note §3), one storage key
 * each. No images inside records (photos and handwritten signatures are `ctx.db.putImage` ids), no ID
 * numbers (owners are resolved from the property register when needed). Money in fen, areas in m²,
 * instants ISO with +08:00.
 */
import type { AuditEntry } from '@/domain/auditLog'
import type { VoteTally } from '@/domain/elevator'
import type { ElevatorMediationStageDto, ElevatorPetitionStatusDto } from '@/domain/contracts/elevator'

/** The plan voted on. Fen; net cost = `budgetFen` − `subsidiesFen` (≥ 0, checked on creation). */
export interface ElevatorPlan {
  elevatorPosition: string
  budgetFen: number
  subsidiesFen: number
  yearlyMaintenanceFen: number
}

/** A co-initiator of the retrofit group (3–5 people with the starter): an owner of the unit who confirms in the app. */
export interface ElevatorCoInitiator {
  userId: string
  roomId: string
  invitedAt: string
  confirmedAt?: string
  declinedAt?: string
}

/** A recorded dispute step; `by` is a user id or `system`. */
export interface ElevatorMediationStep {
  stage: ElevatorMediationStageDto
  note: string
  by: string
  at: string
}

/** One petition of one stairwell unit (单元). See `ElevatorPetitionStatusDto` for the life cycle. */
export interface ElevatorPetition {
  id: string
  unitId: string
  communityId: string
  starterId: string
  starterRoomId: string
  coInitiators: ElevatorCoInitiator[]
  plan: ElevatorPlan
  /** ISO instant; ballots recorded at or before it count (auditLog `finalBallots`). */
  votingDeadline: string
  status: ElevatorPetitionStatusDto
  createdAt: string
  openedAt?: string
  /** Set when the vote closed by itself (= the deadline). */
  result?: { approved: boolean; quorumMet: boolean; tally: VoteTally; publishedAt: string }
  /** Approved petitions: 10 days from the deadline (domain note §3, PRODUCT). */
  publicity?: { startsAt: string; endsAt: string }
  mediation?: { stage: ElevatorMediationStageDto; steps: ElevatorMediationStep[] }
  compensation?: { amountFen: number; text: string; recordedBy: string; recordedAt: string }
}

/**
 * What the hash-chained entry does not carry about a ballot: how it was signed (handwritten image id;
 * a typed name is checked against the real name and not stored) and in what role the actor acted.
 * Keyed `<petitionId>:<seq>`.
 */
export interface ElevatorBallotSignature {
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

/** The feature's collections (each a storage key `mc:db:<name>`). */
export interface ElevatorCollections {
  elevatorPetitions: Record<string, ElevatorPetition>
  /** Per petition id: the append-only ballot log (`auditLog.ts`), plain (unfrozen) copies of its entries. */
  elevatorAuditLogs: Record<string, AuditEntry[]>
  elevatorSignatures: Record<string, ElevatorBallotSignature>
  elevatorObjections: Record<string, ElevatorObjection>
}
