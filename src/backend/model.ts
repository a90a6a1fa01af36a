/**
 * What the mocked backend stores, one collection per storage key (`mc:db:<name>`). Internal to the
 * backend: the app sees the wire shapes in `src/domain/contracts.ts`. Dates are ISO instants with the
 * +08:00 offset; areas in m²; money in fen.
 */
import type { FaultConfig } from './core/faults'
import type { CareCardCollections } from './features/careCard/model'
import type { ElevatorCollections } from './features/elevator/model'
import type { OneThingCollections } from './features/oneThing/model'
import type { YouthPalaceCollections } from './features/youthPalace/model'

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

export type RoomRole = 'owner' | 'tenant' | 'family'
export interface RoomBinding {
  roomId: string
  role: RoomRole
  area?: number
  verified: boolean
  boundAt: string
}

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
  realName?: { name: string; idNumber: string; boundAt: string }
  phone?: string
  rooms: RoomBinding[]
  privacyAcceptedAt?: string
  createdAt: string
  deletedAt?: string
}

export interface Session {
  token: string
  userId: string
  createdAt: string
}

export type FamilyLinkStatus = 'pending' | 'confirmed' | 'declined' | 'revoked'
/** A proxy (代办) link: `proxyId` may act for `principalId` once confirmed. */
export interface FamilyLink {
  id: string
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

/** A notice to a user; `ref` names what it asks them to act on (e.g. `family-link:<id>`), if anything. */
export interface Message {
  id: string
  userId: string
  title: string
  body: string
  link?: string
  createdAt: string
  readAt?: string
  ref?: string
}

export interface IdempotencyRecord {
  requestHash: string
  status: number
  body: unknown
  at: string
}

export interface Meta {
  schemaVersion: number
  clockOffsetMs: number
  faults: FaultConfig
  seededAt: string
}

/** The core collections (identity, messages, infrastructure). */
export interface CoreCollections {
  meta: Meta
  communities: Record<string, Community>
  buildings: Record<string, Building>
  units: Record<string, StairUnit>
  rooms: Record<string, Room>
  propertyRegister: Record<string, PropertyRecord>
  populationRegister: Record<string, RegisterPerson>
  users: Record<string, User>
  sessions: Record<string, Session>
  familyLinks: Record<string, FamilyLink>
  messages: Record<string, Message>
  idempotency: Record<string, IdempotencyRecord>
  /** Rate-limit counters: key → instants (ms) of recent attempts. */
  attempts: Record<string, number[]>
}

/** Every collection, by name: the core ones and each feature's. */
export type Collections = CoreCollections &
  CareCardCollections &
  YouthPalaceCollections &
  ElevatorCollections &
  OneThingCollections

export type CollectionName = keyof Collections
