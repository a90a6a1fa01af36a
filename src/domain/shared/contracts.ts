/**
 * Wire shapes of the backend API (JSON bodies), shared by the backend's handlers and the app's typed
 * endpoints so both sides agree. Types only. Dates are ISO instants with +08:00; areas in m².
 * ID numbers never travel unmasked except in the owner's own data export.
 */
import type { ReminderKind } from './reminders'
import type { RoomRole } from './values'

/** A demo account on the mock WeChat login. */
export interface PersonaDto {
  userId: string
  displayName: string
  persona: string
  communityId: string
  communityName: string
  role: 'resident' | 'worker'
}

export interface CommunityDto {
  id: string
  name: string
  city: string
  district: string
  street: string
  gridWorker: { name: string; phone: string }
}

export interface RoomBindingDto {
  roomId: string
  /** e.g. `总浦桥社区 3幢1单元 701` */
  label: string
  unitId: string
  floor: number
  role: RoomRole
  /** Registered exclusive area (m²) for owners, from the property register. */
  area?: number
  verified: boolean
  /** `verified`; `pending` (待社区核实); `rejected` by the community, with `rejectedReason` (re-apply by binding again). */
  status: RoomBindingStatus
  rejectedReason?: string
}

/** Where a room binding stands: verified (owners at once), waiting for the community, or rejected. */
export type RoomBindingStatus = 'verified' | 'pending' | 'rejected'

/**
 * A tenant's or family member's room binding waiting for a worker (`GET /api/worker/room-bindings`),
 * beside what the property register says about the room. Names of owners are masked (`张*明`) and ID
 * numbers masked as `maskResidentId`.
 */
export interface WorkerRoomBindingDto {
  /** `<userId>:<roomId>`, the id of `POST /api/worker/room-bindings/:id/verify`. */
  id: string
  roomLabel: string
  /** What the resident claims to be: a tenant or a family member of the owner. */
  role: RoomRole
  resident: { name: string; idNumberMasked: string | null; phoneMasked: string | null }
  boundAt: string
  status: RoomBindingStatus
  rejectedReason?: string
  /** The property register's record of the room, or null when the register has none. */
  register: { ownerName: string; ownerIdNumberMasked: string; area: number } | null
  /** Others already bound to the room and verified (owners and verified residents). */
  verifiedResidents: { name: string; role: RoomRole }[]
}

/** What waits for a community worker in one service, for the worker hub (`GET /api/worker/hub`). */
export interface WorkerHubCountDto {
  /** Stable key, e.g. `room-bindings`, `care-applications`. */
  key: string
  /** What is counted, in plain Chinese (`待核实的房屋`). */
  label: string
  count: number
  /** The worker page where it is done. */
  url: string
}

/** The logged-in user as the app sees them. */
export interface MeDto {
  id: string
  displayName: string
  role: 'resident' | 'worker'
  community: CommunityDto
  realName: { name: string; idNumberMasked: string; birthDate: string } | null
  /** Age in full years today (Beijing), when real-name bound. */
  age: number | null
  rooms: RoomBindingDto[]
  privacyAccepted: boolean
}

export interface LoginResultDto {
  token: string
  me: MeDto
}

/** One login session in 登录设备 (`GET /api/me/sessions`); instants ISO +08:00. */
export interface SessionDto {
  id: string
  /** How it was opened: 微信登录 (`wechat`) or the demo's persona login (`persona`). */
  method: 'wechat' | 'persona'
  /** The device as it named itself (user agent), or '' when unknown. */
  device: string
  createdAt: string
  lastSeenAt: string
  /** Whether this is the session of the device asking. */
  current: boolean
}

type FamilyLinkStatusDto = 'pending' | 'confirmed' | 'declined' | 'revoked'
export interface FamilyLinkDto {
  id: string
  relationship: string
  status: FamilyLinkStatusDto
  /**
   * The other person's name (masked surname-first form for pending requests from strangers is not needed: both sides
   * named themselves).
   */
  proxy: { userId: string; name: string }
  principal: { userId: string; name: string }
  /** Whether the viewer is the proxy (may act for the principal) or the principal. */
  viewerSide: 'proxy' | 'principal' | 'worker'
  requestedAt: string
  confirmedAt?: string
  confirmedBy?: 'principal' | 'worker'
  /** `worker`: a grid worker holds it with the elder's signed authorisation (issue 27); else a family link. */
  kind?: 'family' | 'worker'
  /** What a worker-held link covers, in words (e.g. `爱心卡服务…`), and its last day `YYYY-MM-DD`. */
  scopeText?: string
  endsOn?: string
  /** A worker-held link past its last day (no longer lets the worker act). */
  expired?: boolean
  /** Whether the viewer may revoke it now (the elder, the proxy, a family proxy of the elder, a supervisor). */
  canRevoke?: boolean
}

/** An elder as a worker finds them to act for them: masked ID number, age, the worker-held links for them. */
export interface WorkerElderDto {
  userId: string
  name: string
  idNumberMasked: string
  age: number | null
  links: FamilyLinkDto[]
}

/** One act of the worker's own 代办 log: for whom, what, when, under an authorisation or a phone call. */
export interface ProxyActDto {
  id: string
  elder: { userId: string; name: string }
  what: string
  at: string
  channel: 'proxy' | 'phone'
}

/**
 * Something waiting for the user with a deadline (e.g. a youth-palace place to confirm within 24 hours),
 * listed on home as a to-do. `dueAt`: ISO instant; `link`: the page where it is done.
 */
export interface TodoDto {
  id: string
  title: string
  note: string
  link: string
  dueAt: string
}

/** 我的 → 消息设置: every reminder kind and whether it is on (the page words it: `reminder-labels.ts`). */
export interface MessageSettingsDto {
  kinds: { kind: ReminderKind; on: boolean }[]
}

export interface MessageDto {
  id: string
  title: string
  body: string
  link?: string
  createdAt: string
  read: boolean
}
export interface MessagePageDto {
  items: MessageDto[]
  nextCursor: string | null
  unread: number
}

export interface RoomOptionDto {
  roomId: string
  label: string
  floor: number
}

export interface DevStateDto {
  nowIso: string
  clockOffsetMs: number
  faultsEnabled: boolean
  faultRate: number
  latencyMs: number
}

/** `POST /api/photos`: the id submissions name the uploaded photo by (its `photoId` fields). */
export interface PhotoUploadDto {
  photoId: string
}

/** Version of the data export's JSON shape (`MyDataExportDto.schemaVersion`): raised when a field changes meaning. */
export const EXPORT_SCHEMA_VERSION = 1

/** One service's part of the readable summary: its name and a few plain-Chinese lines (counts, key facts). */
export interface ExportSummaryDto {
  service: string
  lines: string[]
}

/**
 * Everything stored about the person (`GET /api/me/export`, PIPL art. 45): `tables` holds the person's
 * rows of every table that has rows about a person, by table name (an empty list when there are none),
 * as stored (ISO instants +08:00, money in fen, dates `YYYY-MM-DD`) minus secrets (session token
 * hashes, code secrets, payment nonces); other people appear only by id and a masked name.
 * `summary` is the readable page per service; `text` the same as plain lines to copy.
 */
export interface MyDataExportDto {
  schemaVersion: typeof EXPORT_SCHEMA_VERSION
  /** ISO instant +08:00. */
  exportedAt: string
  userId: string
  idNumberMasked: string | null
  tables: Record<string, Record<string, unknown>[]>
  summary: ExportSummaryDto[]
  text: string
}
