/**
 * The core's stored records (identity, places, messages, infrastructure), one table each (see
 * `tables.ts`). Internal to the backend: the app sees the wire shapes in `src/domain/<feature>/contracts.ts`. Instants
 * are ISO with the +08:00 offset; areas in m²; money in fen. Features keep their own records.
 */
import type { FaultConfig } from './core/faults'
import type { RoomRole } from '@/domain/shared/values'
import type { FollowUpStatus, RatingKind } from '@/domain/shared/ratings'

export interface Community {
  id: string
  name: string
  city: string
  district: string
  street: string
  gridWorker: { name: string; phone: string }
}
export interface Building {
  id: string
  communityId: string
  name: string
  storeys: number
}
/** A stairwell unit (单元) of a building: elevator decisions are taken per unit. */
export interface StairUnit {
  id: string
  buildingId: string
  communityId: string
  name: string
  storeys: number
}
export interface Room {
  id: string
  unitId: string
  buildingId: string
  communityId: string
  name: string
  floor: number
}
/** The property register: who owns a room and its registered exclusive area (m²). Never typed by users. */
export interface PropertyRecord {
  roomId: string
  ownerIdNumber: string
  area: number
}
/** The population register used for real-name checks. */
export interface RegisterPerson {
  idNumber: string
  name: string
  phone: string
}

/**
 * A user's binding to a room; `id` is `<userId>:<roomId>`. Owners carry the registered area (m²).
 * An owner's binding is verified at once against the property register; a tenant's or family member's
 * waits (`verified` false, no `decidedAt`) until a worker of the room's community approves it
 * (`verified` true) or rejects it (`rejectedReason`). `decidedBy` is the worker's user id.
 */
export interface RoomBinding {
  id: string
  userId: string
  roomId: string
  role: RoomRole
  area?: number
  verified: boolean
  boundAt: string
  decidedAt?: string
  decidedBy?: string
  rejectedReason?: string
}

/**
 * An account. `realName`, `idNumber` and `realNameBoundAt` are set by real-name binding
 * (GB 11643-1999 number, upper case).
 */
export interface User {
  id: string
  /** WeChat nickname shown on the mock login before real-name binding. */
  nickname: string
  /** Short description of the demo persona (mock login only). */
  persona: string
  /** Order on the mock login: key personas first. */
  rank: number
  communityId: string
  role: 'resident' | 'worker'
  /**
   * A worker who supervises the community's grid workers (社区站长): may revoke any worker-held 代办
   * authorisation of the community. Unset for everyone else.
   */
  supervisor?: boolean
  realName?: string
  idNumber?: string
  realNameBoundAt?: string
  phone?: string
  privacyAcceptedAt?: string
  createdAt: string
  deletedAt?: string
  /** The person's WeChat openid for this mini-program (WeChat login); erased with the account. */
  wechatOpenid?: string
}

/** How a session was opened: WeChat login (`wx.login` code) or the demo's persona login. */
export type LoginMethod = 'wechat' | 'persona'

/**
 * A login session. The token itself is never stored: only its SHA-256 (`tokenHash`, hex). Sliding
 * expiry: `expiresAt` is the earlier of `lastSeenAt` + 30 days (idle) and `createdAt` + 180 days
 * (absolute); `lastSeenAt` is written at most once an hour. Instants ISO +08:00.
 */
export interface Session {
  id: string
  tokenHash: string
  userId: string
  method: LoginMethod
  /** The device as its request named it (user agent, cut to 80 characters), or null. */
  device?: string
  createdAt: string
  lastSeenAt: string
  expiresAt: string
}

type FamilyLinkStatus = 'pending' | 'confirmed' | 'declined' | 'revoked'
/**
 * A proxy (代办) link: `proxyId` may act for `principalId` once confirmed. `kind` `worker` (issue 27): a
 * grid worker holds it, recorded by the worker with a photo of the elder's signed authorisation, for one
 * `scope` (`care-card`) until `endsOn` (`YYYY-MM-DD`, Beijing, inclusive, ≤ 1 year); unset = `family`.
 */
export interface FamilyLink {
  id: string
  kind?: 'family' | 'worker'
  scope?: ProxyScope
  endsOn?: string
  proxyId: string
  principalId: string
  relationship: string
  status: FamilyLinkStatus
  requestedBy: string
  requestedAt: string
  confirmedAt?: string
  /** `principal`, or the id of the community worker who checked a signed authorisation. */
  confirmedBy?: string
  authorizationImageId?: string
  closedAt?: string
  closedBy?: string
}

/** What a worker-held 代办 authorisation covers: the care-card service (its routes `/api/care-card/…`). */
type ProxyScope = 'care-card'

/**
 * One act a worker did for an elder under a worker-held link (or a phone order), for the worker's own
 * log (`GET /api/worker/proxy-log`) and the elder's export: `what` in words, `at` ISO +08:00.
 */
export interface ProxyAct {
  id: string
  workerId: string
  principalId: string
  /** The worker-held link acted under; unset for a phone order. */
  linkId?: string
  what: string
  at: string
}

/** A message to a user. `ref` names what it asks the user to act on (e.g. `family-link:<id>`). */
export interface Message {
  id: string
  userId: string
  title: string
  body: string
  link?: string
  ref?: string
  createdAt: string
  readAt?: string
}

/**
 * A scheduled reminder that went out: one per (kind, what it is about, person), `id` is
 * `<kind>:<ref>:<userId>`, so it is sent once however many processes run the job.
 */
export interface ReminderSent {
  id: string
  kind: string
  ref: string
  userId: string
  sentAt: string
}

/**
 * What a person accepted in WeChat's subscribe dialog for one template (`id` is `<userId>:<template>`):
 * `accepted` one-time acceptances not yet used (each send uses one; WeChat's 43101 sets it to 0),
 * `answer` the last choice ('accept' | 'reject' | 'ban').
 */
export interface Subscription {
  id: string
  userId: string
  template: string
  accepted: number
  answer: string
  updatedAt: string
}

/**
 * A WeChat subscribe message waiting to leave (the outbox): written with its inbox message in the same
 * transaction, sent after the commit by `core/outbox.ts`. `state`: 'pending' (due at `nextAt`),
 * 'sending' (claimed by a dispatcher until `claimedUntil`), 'sent', 'refused' (43101), 'failed'
 * (given up after `OUTBOX_MAX_ATTEMPTS`). `data` is the template's field values, already cut.
 */
export interface OutboxMessage {
  id: string
  messageId: string
  userId: string
  template: string
  page: string
  data: Record<string, string>
  state: 'pending' | 'sending' | 'sent' | 'refused' | 'failed'
  attempts: number
  nextAt: string
  claimedUntil?: string
  lastError?: string
  createdAt: string
  doneAt?: string
}

/** A person's message settings (我的 → 消息设置): the reminder kinds they turned off. */
export interface MessageSettings {
  userId: string
  /** `ReminderKind`s turned off. */
  muted: string[]
  updatedAt: string
}

/**
 * A kept answer to a write with an idempotency key, per user and key (`id` is `<userId>:<key>`), so a
 * retry replays it instead of writing twice. Kept at least 24 hours.
 */
export interface IdempotencyRecord {
  id: string
  userId: string
  key: string
  requestHash: string
  status: number
  body: unknown
  at: string
}

/**
 * A worker opened a resident's personal data: an application, or one of its photos (PIPL art. 45: the
 * resident sees these in the data export). `what` names it in plain Chinese (e.g. "爱心卡申请材料照片：
 * 户口本"), written by the feature; `workerName` is the worker's name at the time.
 */
export interface PiiAccess {
  id: string
  workerId: string
  workerName: string
  residentId: string
  kind: 'application' | 'photo'
  /** The application's or the photo's id. */
  subjectId: string
  what: string
  /** ISO instant with +08:00. */
  at: string
}

/**
 * A photo someone uploaded (`POST /api/photos`); its bytes are the image of the same id (base64,
 * `tables.images`). Pending until a submission attaches it (`attachedTo` names the row, e.g.
 * `care-application:ca_…`); a photo is attached once, and pending ones are swept after a day.
 */
export interface Photo {
  id: string
  /** Who uploaded it (the logged-in user, also when acting for someone). */
  ownerId: string
  contentType: 'image/jpeg' | 'image/png' | 'image/webp'
  /** Size of the image in bytes. */
  bytes: number
  /** ISO instant with +08:00. */
  uploadedAt: string
  attachedTo?: string
}

/** One attempt counted by a rate limit (e.g. a failed real-name binding), under a limit's key. */
export interface Attempt {
  id: string
  key: string
  at: string
}

/**
 * Demo settings, read at the start of every request: mock time as an offset from the wall clock, and
 * the fault schedule with its generator state.
 */
export interface Settings {
  id: 'demo'
  clockOffsetMs: number
  faults: FaultConfig
  /** State of the fault schedule's seeded generator (mulberry32). */
  faultState: number
  seededAt: string
}

/**
 * A rating of an appointment or a course (`domain/shared/ratings.ts`), one per thing rated (`id` is
 * `<kind>:<subjectId>`), with its follow-up and the one re-rating after it. `userId` is the person the
 * service was for; `proxyId` who rated for them. Instants ISO +08:00.
 */
export interface Rating {
  id: string
  kind: RatingKind
  subjectId: string
  userId: string
  proxyId?: string
  communityId: string
  what: string
  /** The page where the thing is rated (the follow-up's answer links to it). */
  link: string
  stars: number
  comment?: string
  ratedAt: string
  followUpStatus: FollowUpStatus
  followUpDueAt?: string
  followUpAnswer?: string
  followUpById?: string
  followUpAt?: string
  reStars?: number
  reComment?: string
  reRatedAt?: string
}
