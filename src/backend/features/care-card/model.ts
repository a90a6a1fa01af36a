/**
 * Stored records of the elderly-care service card (养老服务爱心卡, domain.md §1), one table each (see
 * `tables.ts`); photos are stored apart (`ctx.tx.core.images`) and only their ids kept here. Money is
 * integer fen; dates `YYYY-MM-DD` (Beijing); instants ISO with +08:00.
 */
import type { CareGroup } from '@/domain/care-card/eligibility'
import type { CareEntryKind } from '@/domain/care-card/ledgerReplay'
import type { CareReviewStage } from '@/domain/care-card/kinds'
import type {
  CareActKindDto,
  CareApplicationStatusDto,
  CareOrderStatusDto,
  CareProofKindDto,
  CareServiceKindDto,
} from '@/domain/care-card/contracts'

/**
 * One recorded act, on an application or an order: `actorId`/`actorName` (name snapshot at the time),
 * `role`, and `proxyId`/`proxyName` when a family proxy acted for the elder (代办 is recorded on every act).
 */
export interface CareAct {
  kind: CareActKindDto
  at: string
  actorId: string
  actorName: string
  role: 'applicant' | 'proxy' | 'worker'
  proxyId?: string
  proxyName?: string
  /** The proxy is a grid worker (由网格员 X 代办, issue 27), not a family member. */
  proxyIsWorker?: boolean
  stage?: CareReviewStage
  note?: string
  /** Review cycle of an application act. */
  cycle?: number
}

/** A proof photo: kind, stored image id (`ctx.tx.core.images`), and the review cycle it was submitted in. */
export interface CareProof {
  kind: CareProofKindDto
  imageId: string
  cycle: number
}

/**
 * An application for a card. Status `community_review` → `street_review` → `approved`; `rejected` may be
 * resubmitted on the same record (a new cycle); `withdrawn` is final. `proxyId` is the family member who
 * applied (代办), if any.
 */
export interface CareApplication {
  id: string
  applicantId: string
  communityId: string
  proxyId?: string
  groups: CareGroup[]
  proofs: CareProof[]
  status: CareApplicationStatusDto
  cycle: number
  /** Assessed at the latest submission, fen per month, and the tier in words. */
  monthlyCreditFen: number
  tierReason: string
  /** Instant of the latest (re)submission. */
  submittedAt: string
  /** `YYYY-MM-DD`: 5 working days after submission. */
  communityDueDate: string
  /** `YYYY-MM-DD`: 5 working days after community approval. */
  streetDueDate?: string
  rejection?: { stage: CareReviewStage; reason: string; at: string; byId: string; byName: string }
  activeFrom?: string
  cardId?: string
  acts: CareAct[]
  createdAt: string
}

/** An issued card: one per person. Credit is issued lazily from `activeFrom` (`YYYY-MM-01`). */
export interface CareCardRecord {
  id: string
  holderId: string
  communityId: string
  applicationId: string
  /** From the holder's real-name ID number (`YYYY-MM-DD`), for monthly tier assessment. */
  birthDate: string
  groups: CareGroup[]
  activeFrom: string
  /** Server-held key of the rotating payment code (`pay-code.ts`); never sent to a client. */
  codeSecret: string
  /** The 5-minute window index of the last payment code accepted; codes of it and earlier are used. */
  codeUsedWindow?: number
  createdAt: string
}

/**
 * A bookable service of a provider: price in fen per `unit`, daily slot start times `HH:mm`, capacity per
 * slot. `rank` is its place in the provider's list.
 */
export interface CareService {
  id: string
  providerId: string
  rank: number
  kind: CareServiceKindDto
  name: string
  priceFen: number
  unit: string
  durationMinutes: number
  slotTimes: string[]
  capacity: number
}

/** A service provider of a community; `rank` is its place in the community's list. Services are rows of their own. */
export interface CareProvider {
  id: string
  rank: number
  communityId: string
  name: string
  phone: string
  address: string
}

/** Where a dispute stands: open, then upheld (refunded) or rejected by a worker. */
export type CareDisputeStatus = 'open' | 'upheld' | 'rejected'

/**
 * What a dispute on a delivered order (within 7 days) says and how a worker resolved it. Where it stands
 * is the order's `disputeStatus` (workers list the open ones).
 */
export interface CareDispute {
  reason: string
  openedAt: string
  resolvedAt?: string
  resolvedById?: string
  resolution?: string
  refundFen?: number
}

/** A booking. The price is held in the ledger at booking (entry `hold:<id>`), charged on delivery. */
export interface CareOrder {
  id: string
  cardId: string
  holderId: string
  communityId: string
  providerId: string
  serviceId: string
  priceFen: number
  slotId: string
  startAt: string
  status: CareOrderStatusDto
  createdAt: string
  /** Family proxy (or grid worker acting for the elder) who booked, if any. */
  proxyId?: string
  /** How the booking came in: the app (unset) or a phone call keyed in by a worker (电话预约 · 96345). */
  channel?: 'app' | 'phone'
  /** The phone number of whoever called, for a phone order. */
  callerPhone?: string
  deliveredAt?: string
  deliveredById?: string
  rating?: { stars: number; comment?: string; at: string }
  /** Set once a dispute is opened. */
  disputeStatus?: CareDisputeStatus
  dispute?: CareDispute
  acts: CareAct[]
}

/** A call-back task for the community's workers after a rating ≤ 2, due within 1 day. */
export interface CareTask {
  id: string
  kind: 'callback'
  orderId: string
  communityId: string
  holderId: string
  stars: number
  comment?: string
  createdAt: string
  dueAt: string
  status: 'open' | 'done'
  doneAt?: string
  doneById?: string
  outcome?: string
}

/**
 * One entry of a card's ledger (domain `CareEntry`), one row each: `id` is `<cardId>:<entryId>` (the
 * domain's entry ids are unique per card), `seq` its position in the card's ledger from 0 (append
 * order). `at` is as the domain wrote it: a calendar date `YYYY-MM-DD` (issues) or an ISO instant.
 */
export interface CareLedgerRow {
  id: string
  cardId: string
  seq: number
  entryId: string
  kind: CareEntryKind
  amountFen: number
  at: string
  year: number
  orderId?: string
  month?: string
  note: string
  /** Who wrote this line when someone acted for the elder (a proxy, or the worker of a phone order). */
  actedBy?: string
  /** Their name then, e.g. `网格员 赵敏`. */
  actorName?: string
}
