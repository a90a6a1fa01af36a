/**
 * Wire shapes of the elderly-care service card (养老服务爱心卡, domain.md §1), shared by the backend's
 * handlers (`src/backend/features/care-card`) and the app's endpoints (`src/api/endpoints/care-card.ts`).
 * Types only; the value lists they name live in `eligibility.ts` and `kinds.ts`. Money is integer fen;
 * calendar dates are `YYYY-MM-DD` (Beijing); instants are ISO strings with the +08:00 offset. ID numbers
 * never travel unmasked.
 */
import type { CareGroup } from './eligibility'
import type { CareProofKind, CareReviewStage, CareServiceKind } from './kinds'
import type { CareEntryKind } from './ledgerReplay'

/** Registered groups: 低保 subsistence, 低边 marginal, 特困 destitute, 失能 disabled (`CARE_GROUPS`). */
export type CareGroupDto = CareGroup

/** Service kinds (domain.md §1): 助餐 meal, 助浴 bath, 助洁 clean, 助行 walk, 助医 medical, 助急 emergency. */
export type CareServiceKindDto = CareServiceKind

/** Kinds of proof photo (`CARE_PROOF_KINDS`): `household`, one per declared group, `relationship` or `other`. */
export type CareProofKindDto = CareProofKind

/** A person as shown on a record: user id and display name (real name when bound). */
export interface CarePersonDto {
  userId: string
  name: string
  /** Set when this person acted for the elder as a grid worker (shown 由网格员 X 代办, issue 27). */
  worker?: boolean
}
/**
 * Result of an eligibility check for the principal on `assessedOn` (Beijing date): the winning tier and
 * monthly credit in fen, or `eligible: false` with the domain's plain-Chinese reasons (domain.md §1 tiers).
 */
export interface CareEligibilityDto {
  eligible: boolean
  /** Integer fen per month; 0 when not eligible. */
  monthlyCreditFen: number
  tier: { id: string; label: string } | null
  /** Plain Chinese; when eligible `reasons[0]` is the winning tier, e.g. `年满 80 周岁，每月 100 元`. */
  reasons: string[]
  /** Full years on `assessedOn`. */
  age: number
  assessedOn: string
  groups: CareGroupDto[]
}

/**
 * Body of an application (or a resubmission): declared groups and proof photos, each by the id
 * `POST /api/photos` answered (the caller's own upload, used once).
 */
export interface CareApplicationInput {
  groups: CareGroupDto[]
  proofs: { kind: CareProofKindDto; photoId: string }[]
}

/** Kinds of recorded acts on an application or an order. */
export type CareActKindDto =
  | 'submitted'
  | 'resubmitted'
  | 'community_approved'
  | 'street_approved'
  | 'rejected'
  | 'withdrawn'
  | 'booked'
  | 'cancelled'
  | 'delivered'
  | 'rated'
  | 'disputed'
  | 'dispute_upheld'
  | 'dispute_rejected'

/**
 * One recorded act: who (`actor`, with `role`), for whom (a family `proxy` acting for the elder is named),
 * when (`at`, ISO instant), at which review `stage`, with a plain-Chinese `note` (e.g. a rejection reason).
 */
export interface CareActDto {
  kind: CareActKindDto
  title: string
  at: string
  actor: CarePersonDto
  role: 'applicant' | 'proxy' | 'worker'
  proxy?: CarePersonDto
  stage?: CareReviewStage
  note?: string
}

/**
 * `community_review` (社区初审) → `street_review` (街道审核) → `approved` (card from `activeFrom`); or `rejected` /
 * `withdrawn`.
 */
export type CareApplicationStatusDto = 'community_review' | 'street_review' | 'approved' | 'rejected' | 'withdrawn'

/**
 * One step of the progress timeline of the current review cycle. `dueDate` (`YYYY-MM-DD`) is the promise
 * (≤ 5 working days per review stage; the card's start date for `active`); `at`/`actor`/`proxy` say who
 * acted and when once done.
 */
export interface CareStageDto {
  key: 'submitted' | 'community_review' | 'street_review' | 'active'
  title: string
  state: 'done' | 'current' | 'waiting' | 'rejected' | 'cancelled'
  at?: string
  dueDate?: string
  /** The step is under way and its due date (`dueDate`, working days by the rules) has passed: 已超期. */
  overdue?: boolean
  actor?: CarePersonDto
  proxy?: CarePersonDto
  note?: string
}

/** A proof photo of an application: its kind, label (e.g. `低保证明`), stored image id and review cycle. */
interface CareProofDto {
  kind: CareProofKindDto
  label: string
  imageId: string
  cycle: number
}

/** An application as the applicant, their proxy or a worker sees it. */
export interface CareApplicationDto {
  id: string
  applicant: CarePersonDto
  /** The family member (or grid worker, `worker: true`) who applied for the elder (代办), if any. */
  proxy?: CarePersonDto
  communityName: string
  status: CareApplicationStatusDto
  statusText: string
  /** 1 for the first submission, +1 for every resubmission after a rejection. */
  cycle: number
  groups: CareGroupDto[]
  groupLabels: string[]
  /** Proofs of the current cycle. */
  proofs: CareProofDto[]
  /** Assessed at submission, integer fen per month. */
  monthlyCreditFen: number
  tierReason: string
  submittedAt: string
  stages: CareStageDto[]
  /** Every act over all cycles, oldest first. */
  history: CareActDto[]
  rejection?: { stage: CareReviewStage; reason: string; at: string; by: CarePersonDto }
  /** `YYYY-MM-01`: first day of credit, once approved. */
  activeFrom?: string
  cardId?: string
}

/** A worker's queue row / detail: the application plus masked ID, age, due date and overdue flag. */
export interface WorkerCareApplicationDto extends CareApplicationDto {
  applicantIdMasked: string
  applicantAge: number
  /** Due date of the current review stage (`YYYY-MM-DD`), while under review. */
  dueDate?: string
  overdue: boolean
}

/** A proof photo's content for a worker: base64 text and its kind (`image/jpeg`, `image/png`, `image/webp`). */
export interface CareImageDto {
  imageId: string
  base64: string
  contentType: string
}
/** One ledger entry (see `CareEntry`): `signedFen` is the effect on the balance (hold −, release +, …). */
export interface CareLedgerEntryDto {
  id: string
  kind: CareEntryKind
  amountFen: number
  signedFen: number
  at: string
  year: number
  orderId?: string
  month?: string
  note: string
}

/** A page of the ledger, newest first; `nextCursor` is the offset of the next page or null. */
interface CareLedgerPageDto {
  items: CareLedgerEntryDto[]
  nextCursor: string | null
  total: number
}

/** Totals of one credit year, integer fen (issued = charged − refunded + held + lapsed + balance). */
interface CareYearDto {
  year: number
  issuedFen: number
  chargedFen: number
  refundedFen: number
  heldFen: number
  lapsedFen: number
  balanceFen: number
  /** `YYYY-12-31`: unused credit lapses at the end of this day. */
  lapsesOn: string
}

/** The card home: balances (fen), lapse date, payment code and one ledger page. */
export interface CareCardHomeDto {
  cardId: string
  holder: CarePersonDto
  communityName: string
  /** `scheduled` before `activeFrom`, then `active`. */
  status: 'scheduled' | 'active'
  activeFrom: string
  groups: CareGroupDto[]
  /** What next month's credit will be at today's age and groups, fen. */
  monthlyCreditFen: number
  /** Spendable now (this credit year), fen. */
  balanceFen: number
  heldFen: number
  thisMonth: { month: string; issuedFen: number; spentFen: number }
  year: CareYearDto
  lapsesOn: string
  /**
   * The payment code, rotating every 5 minutes; null until active. `payload` `MCCARD:<cardId>:<code>` is
   * shown as a QR code, `code` (8 digits) under it for typing; `expiresAt` ends its window (ISO, +08:00).
   */
  paymentCode: { payload: string; code: string; expiresAt: string } | null
  ledger: CareLedgerPageDto
}

/** A bookable service of a provider, price in fen per `unit`. */
export interface CareServiceDto {
  id: string
  providerId: string
  providerName: string
  providerPhone: string
  address: string
  kind: CareServiceKindDto
  kindLabel: string
  name: string
  priceFen: number
  unit: string
  durationMinutes: number
  capacityPerSlot: number
}

/** A time slot of a service; `id` is `<serviceId>@YYYY-MM-DDTHH:mm`. */
export interface CareSlotDto {
  id: string
  serviceId: string
  startAt: string
  endAt: string
  capacity: number
  remaining: number
  full: boolean
}
/** `booked` → `delivered` → `rated`, or `cancelled` before the service time. */
export type CareOrderStatusDto = 'booked' | 'cancelled' | 'delivered' | 'rated'

/** A booked service: price held at booking, charged on delivery; rating (1–5) and dispute (within 7 days). */
export interface CareOrderDto {
  id: string
  cardId: string
  holder: CarePersonDto
  service: { id: string; kind: CareServiceKindDto; kindLabel: string; name: string; providerName: string; unit: string }
  priceFen: number
  slotId: string
  startAt: string
  status: CareOrderStatusDto
  statusText: string
  createdAt: string
  /** The family member (or grid worker, `worker: true`) who booked it for the holder (代办), if one did. */
  bookedBy?: CarePersonDto
  /** How the booking came in: the app, or a phone call to 96345 keyed in by a worker (电话预约 · 96345). */
  channel: 'app' | 'phone'
  /** The caller's phone number, for a phone order. */
  callerPhone?: string
  deliveredAt?: string
  deliveredBy?: CarePersonDto
  rating?: { stars: number; comment?: string; at: string }
  dispute?: {
    reason: string
    openedAt: string
    status: 'open' | 'upheld' | 'rejected'
    resolvedAt?: string
    resolution?: string
    refundFen?: number
  }
  /** Last day (`YYYY-MM-DD`) a dispute may be opened: 7 days after delivery. */
  disputeUntil?: string
  canCancel: boolean
  canRate: boolean
  canDispute: boolean
  history: CareActDto[]
}
/** A page of orders, newest first. */
export interface CareOrderPageDto {
  items: CareOrderDto[]
  nextCursor: string | null
}

/** A call-back task for a worker after a rating ≤ 2 (好差评: call back within 1 day). */
export interface CareTaskDto {
  id: string
  kind: 'callback'
  orderId: string
  holder: CarePersonDto
  phone?: string
  stars: number
  comment?: string
  createdAt: string
  dueAt: string
  overdue: boolean
  status: 'open' | 'done'
  doneAt?: string
  doneBy?: CarePersonDto
  outcome?: string
}
