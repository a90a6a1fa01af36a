/**
 * Wire shapes of the elevator retrofit petition and vote (老旧小区加装电梯, domain note §3), shared by the
 * backend handlers (`src/backend/features/elevator`) and the app's endpoints (`src/api/endpoints/elevator.ts`).
 * Types only; the value lists they name live in `values.ts`. Money in integer fen; areas in m² (≤ 2
 * decimals); instants ISO with +08:00 (Beijing).
 * ID numbers never travel; other owners are shown by flat (room), not by name, except in the audit log.
 */
import type { AuditReceipt, BallotChannel, ChainCheck, SignatureKind } from './auditLog'
import type { ElevatorMeter, VoteTally } from './rules'
import type { ElevatorStageDto } from './contracts-reach'
import type { MediationStage, VoteChoice } from './values'

/** A vote choice (`VOTE_CHOICES`); an abstention participates (Civil Code art. 278 counts it as taking part). */
export type ElevatorChoiceDto = VoteChoice

/**
 * Life of a petition: `forming` (co-initiators still to confirm) → `voting` → at the deadline
 * `rejected` or `publicity` (10 days, real-name written objections) → `mediation` (only when objections
 * were filed) → `concluded`. `cancelled`: a co-initiator declined; `lapsed`: the deadline passed before
 * everyone confirmed; `withdrawn`: the initiators withdrew it before the vote ended (not a failed vote:
 * no result). Only `rejected`, `cancelled`, `lapsed` and `withdrawn` free the unit for a new petition.
 */
export type ElevatorPetitionStatusDto =
  'forming' | 'voting' | 'publicity' | 'mediation' | 'concluded' | 'rejected' | 'cancelled' | 'lapsed' | 'withdrawn'

/** Dispute steps after publicity (`MEDIATION_STAGES`): negotiation → mediation → coordination → resolved. */
export type ElevatorMediationStageDto = MediationStage

/** The retrofit plan. Fen; `netCostFen` = `budgetFen` − `subsidiesFen` (what the owners share). */
export interface ElevatorPlanDto {
  elevatorPosition: string
  budgetFen: number
  subsidiesFen: number
  netCostFen: number
  yearlyMaintenanceFen: number
}

/**
 * Body of `POST /api/elevator/petitions`: the starter's flat, 2–4 co-initiators' flats, the plan and an ISO deadline (≤
 * 60 days ahead).
 */
export interface ElevatorPetitionInput {
  roomId: string
  coInitiatorRoomIds: string[]
  elevatorPosition: string
  budgetFen: number
  subsidiesFen: number
  yearlyMaintenanceFen: number
  votingDeadline: string
}

/** The published result: the tally at the deadline, published (dated) when the vote closed by itself. */
export interface ElevatorResultDto {
  approved: boolean
  quorumMet: boolean
  tally: VoteTally
  /** ISO instant (= the deadline) and its Beijing date `YYYY-MM-DD`. */
  publishedAt: string
  publishedDate: string
  summary: string
}

/** One recorded dispute step; `byName` is `系统` for automatic steps. */
interface ElevatorMediationStepDto {
  stage: ElevatorMediationStageDto
  stageText: string
  note: string
  byName: string
  at: string
}

/** A petition as a unit owner or a community worker sees it. */
export interface ElevatorPetitionDto {
  id: string
  unitId: string
  /** e.g. `西山社区 5幢2单元`. */
  unitLabel: string
  status: ElevatorPetitionStatusDto
  statusText: string
  starter: { name: string | null; roomName: string }
  coInitiators: { roomName: string; name: string | null; status: 'pending' | 'confirmed' | 'declined' }[]
  plan: ElevatorPlanDto
  votingDeadline: string
  createdAt: string
  openedAt: string | null
  result: ElevatorResultDto | null
  publicity: { startsAt: string; endsAt: string; open: boolean; objections: number } | null
  mediation: { stage: ElevatorMediationStageDto; stageText: string; steps: ElevatorMediationStepDto[] } | null
  compensation: ElevatorCompensationDto | null
  /** The project's stages after approval recorded so far, by date (`PROJECT_STAGES`). */
  stages: ElevatorStageDto[]
  /** Set when the initiators withdrew the petition before the vote ended: when, why, by whom. */
  withdrawal: ElevatorWithdrawalDto | null
  viewer: {
    role: 'owner' | 'worker'
    isStarter: boolean
    mustConfirm: boolean
    canVote: boolean
    canObject: boolean
    /** An initiator (starter or confirmed co-initiator) before the vote ended. */
    canWithdraw: boolean
  }
}

/** A withdrawal by the retrofit group: instant, reason in the initiator's words, who withdrew. */
export interface ElevatorWithdrawalDto {
  at: string
  reason: string
  byName: string | null
}

/** A negotiated compensation line for low floors (not part of the shares): amount in fen and its terms. */
export interface ElevatorCompensationDto {
  amountFen: number
  text: string
  recordedByName: string | null
  recordedAt: string
}

/** One stairwell unit where the caller owns flats, with its current (or latest) petition. */
interface ElevatorMyUnitDto {
  unitId: string
  label: string
  storeys: number
  households: number
  myRooms: { roomId: string; name: string; floor: number; area: number }[]
  petition: ElevatorPetitionDto | null
}

/** `GET /api/elevator/my-units`. Without real-name binding no ownership can be checked: `units` is empty. */
export interface ElevatorMyUnitsDto {
  realNameBound: boolean
  units: ElevatorMyUnitDto[]
}

/** A household's latest recorded ballot (from the audit log). */
interface ElevatorBallotStateDto {
  choice: ElevatorChoiceDto
  at: string
  channel: BallotChannel
  seq: number
  hash: string
}

/** One flat with its cost share: coefficient by floor, share of the net cost and of yearly maintenance (fen). */
export interface ElevatorShareRowDto {
  householdId: string
  roomName: string
  floor: number
  area: number
  coefficient: number
  shareFen: number
  maintenanceShareFen: number
  /** Workers only: the household's current ballot (how, what, when; ISO time), or null before it votes. */
  ballot?: { channel: BallotChannel; choice: ElevatorChoiceDto; at: string } | null
  /**
   * Workers only: room names (`501`) of every flat of the unit with this flat's owner, this one included,
   * in the unit's order. An owner of several flats votes once for all of them, so a paper ballot entered
   * for one is entered (or replaces the ballot) for each.
   */
  ownerRooms?: string[]
}

/** `GET …/my-households`: the caller's flats in the unit, each share shown before signing, and the current ballot. */
export interface ElevatorMyHouseholdsDto {
  petitionId: string
  votingOpen: boolean
  votingDeadline: string
  netCostFen: number
  households: (ElevatorShareRowDto & { ballot: ElevatorBallotStateDto | null })[]
  /** Plain words: an owner of several flats votes once for all of them. */
  note: string
  /**
   * The real name a typed signature must match: the owner's (the elder's when a family member acts for
   * them). Lets the app check the signature before asking to confirm; the server checks it again.
   */
  signerName: string | null
  /** The petition was withdrawn by its initiators (ballots no longer taken; no result). */
  withdrawal: ElevatorWithdrawalDto | null
}

/** E-signature of an app ballot: a handwritten image (uploaded: its photo id) or the typed real name. */
type ElevatorSignatureInput = { kind: 'handwritten'; photoId: string } | { kind: 'typed-name'; name: string }

/** Body of `POST …/ballots`. */
export interface ElevatorBallotInput {
  householdId: string
  choice: ElevatorChoiceDto
  signature: ElevatorSignatureInput
}

/**
 * Body of the worker's `POST …/paper-ballots`: channel, choice and a photo of the signed form (its id
 * from `POST /api/photos`). `replaceExisting` must be true to record it for a household that has
 * already voted (the latest ballot counts); otherwise the backend refuses with 409 `ALREADY_VOTED`.
 */
export interface ElevatorPaperBallotInput {
  householdId: string
  channel: 'paper' | 'door'
  choice: ElevatorChoiceDto
  photoId: string
  replaceExisting?: boolean
}

/** The answer to a ballot: every flat it was recorded for (an owner's flats move together) and the receipt to keep. */
export interface ElevatorBallotResultDto {
  petitionId: string
  choice: ElevatorChoiceDto
  signedAt: string
  channel: BallotChannel
  signatureKind: SignatureKind
  /** Whether this replaced an earlier ballot of the same flats. */
  changed: boolean
  households: { householdId: string; roomName: string; shareFen: number; seq: number; hash: string }[]
  /** The log's latest seq and hash after this ballot. */
  receipt: AuditReceipt
  note: string
}

/** `GET …/meter`: the tally of final ballots (latest per flat at or before the deadline) and the four ratios. */
export interface ElevatorMeterDto {
  petitionId: string
  asOf: string
  final: boolean
  votingDeadline: string
  households: number
  ballots: number
  tally: VoteTally
  meter: ElevatorMeter
  /** After the deadline, why the result is not published yet (households not told), else null. */
  resultHeld: string | null
  /** The petition was withdrawn: the tally is as it stood, with no result (never a failed vote). */
  withdrawal: ElevatorWithdrawalDto | null
}

/** `GET …/cost-table`: every flat's share (sum = net cost, exactly) and the optional compensation line. */
export interface ElevatorCostTableDto {
  petitionId: string
  unitLabel: string
  plan: ElevatorPlanDto
  rows: ElevatorShareRowDto[]
  totalShareFen: number
  totalMaintenanceFen: number
  totalArea: number
  compensation: ElevatorCompensationDto | null
  rule: string
}

/** One audit-log entry as published: the hashed fields plus who (no name for deleted accounts) and the flat. */
export interface ElevatorAuditEntryDto {
  seq: number
  at: string
  householdId: string
  roomName: string
  actor: string
  actorName: string | null
  actorRole: 'owner' | 'proxy' | 'worker'
  channel: BallotChannel
  choice: ElevatorChoiceDto
  signatureKind: SignatureKind
  photoRef?: string
  prevHash: string
  hash: string
}

/** `GET …/audit-log`: a page in seq order; `head` is the latest receipt of the whole log. */
export interface ElevatorAuditPageDto {
  items: ElevatorAuditEntryDto[]
  nextCursor: string | null
  total: number
  head: AuditReceipt | null
}

/** `POST …/audit-log/verify`: `verifyChain` over the stored log and the receipts sent, in plain words too. */
export interface ElevatorVerifyDto {
  check: ChainCheck
  entries: number
  head: AuditReceipt | null
  message: string
}

/** A real-name written objection during publicity (in the app, or on paper recorded by a worker). */
export interface ElevatorObjectionDto {
  id: string
  roomName: string
  channel: 'app' | 'paper'
  text: string
  hasPhoto: boolean
  filedAt: string
  /** Shown to community workers and to the objector only. */
  objectorName: string | null
  mine: boolean
}

/** `GET …/objections`: workers see all; owners see the count and their own. */
export interface ElevatorObjectionListDto {
  total: number
  items: ElevatorObjectionDto[]
}
