/**
 * The households of a stairwell unit (单元) as the elevator domain sees them, read from the core: rooms
 * (floor), the property register (owner, registered exclusive area in m²) and users (an owner is the
 * live user whose real-name ID number is the registered owner's). A request reads its unit once
 * (`unitOf`) and judges from that. ID numbers never leave this file: owners are identified by their
 * user id, or by a hash when they have no (live) account.
 */
import { DEFAULT_FLOOR_COEFFICIENTS, type Household } from '@/domain/elevator/rules'
import { sha256Hex } from '@/domain/shared/hash'
import type { PropertyRecord, Room, User } from '@/backend/model'
import type { CoreRepository } from '@/backend/repository'

/** One registered flat: its room, its property-register record and its owner's live account, if any. */
export interface Flat {
  room: Room
  record: PropertyRecord
  owner: User | undefined
}

/** A stairwell unit: `西山社区 5幢2单元`, its storeys, and its registered flats ordered by room id (`r-…-101` first). */
export interface UnitView {
  id: string
  communityId: string
  label: string
  storeys: number
  flats: Flat[]
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

/** `西山社区 5幢2单元` for a unit id (the id itself when unknown). */
export async function unitLabel(core: CoreRepository, unitId: string): Promise<string> {
  const u = await core.units.get(unitId)
  if (!u) return unitId
  const [community, building] = await Promise.all([
    core.communities.get(u.communityId),
    core.buildings.get(u.buildingId),
  ])
  return `${community?.name ?? ''} ${building?.name ?? ''}${u.name}`.trim()
}

/** The unit with its registered flats, their register records and their owners' live accounts. */
export async function unitOf(core: CoreRepository, unitId: string): Promise<UnitView> {
  const unit = await core.units.get(unitId)
  const rooms = await core.roomsOfUnit(unitId)
  const records = new Map((await core.propertyOf(rooms.map((r) => r.id))).map((p) => [p.roomId, p]))
  const owners = new Map<string, User | undefined>()
  for (const { ownerIdNumber } of records.values()) {
    if (!owners.has(ownerIdNumber)) owners.set(ownerIdNumber, await core.userByIdNumber(ownerIdNumber))
  }
  const flats = rooms
    .filter((r) => records.has(r.id))
    .sort(byId)
    .map((room) => ({ room, record: records.get(room.id)!, owner: owners.get(records.get(room.id)!.ownerIdNumber) }))
  const label = await unitLabel(core, unitId)
  return { id: unitId, communityId: unit?.communityId ?? '', label, storeys: unit?.storeys ?? 0, flats }
}

/** The registered flat `roomId` of the unit, if it is one. */
export const flatOf = (unit: UnitView, roomId: string): Flat | undefined => unit.flats.find((f) => f.room.id === roomId)

/**
 * A stable owner id for the domain (SPC interpretation art. 9 counts one owner of several flats once):
 * the owner's user id when a live account is bound to their ID number, else `o-` + 16 hex of a SHA-256
 * of it (never the ID number itself).
 */
function ownerKey(flat: Flat): string {
  return flat.owner?.id ?? `o-${sha256Hex('elevator-owner', flat.record.ownerIdNumber).slice(0, 16)}`
}

/** The unit's households for `tallyVotes` / `allocateCost`: flat id, owner id, floor, area (m²). */
export function householdsOf(unit: UnitView): Household[] {
  return unit.flats.map((f) => ({ id: f.room.id, ownerId: ownerKey(f), floor: f.room.floor, area: f.record.area }))
}

/**
 * Whether `user` is the registered owner of `flat` (real-name ID number = the register's; Civil Code
 * art. 278 gives the vote to owners).
 */
export function ownsFlat(user: User, flat: Flat): boolean {
  return !user.deletedAt && !!user.realName && !!user.idNumber && user.idNumber === flat.record.ownerIdNumber
}

/** Flat ids of the unit that `user` owns according to the property register, sorted. */
export function ownedFlats(unit: UnitView, user: User): string[] {
  return unit.flats.filter((f) => ownsFlat(user, f)).map((f) => f.room.id)
}

/** Every flat in the unit with the same registered owner as `roomId` (itself included), sorted. */
export function sameOwnerFlats(unit: UnitView, roomId: string): string[] {
  const flat = flatOf(unit, roomId)
  if (!flat) return []
  return unit.flats.filter((f) => f.record.ownerIdNumber === flat.record.ownerIdNumber).map((f) => f.room.id)
}

/** User ids of the unit's owners who have a live account (for messages), without duplicates. */
export function ownerUserIds(unit: UnitView): string[] {
  return [...new Set(unit.flats.flatMap((f) => (f.owner ? [f.owner.id] : [])))]
}

/** The flat's short name (`501`), or its id when not in the unit. */
export const roomName = (unit: UnitView, roomId: string): string => flatOf(unit, roomId)?.room.name ?? roomId

/** The rooms `user` owns anywhere according to the property register, ordered by room id (none without real name). */
export async function roomsOwnedBy(core: CoreRepository, user: User): Promise<Room[]> {
  if (!user.realName || !user.idNumber || user.deletedAt) return []
  const records = await core.propertyOwnedBy(user.idNumber)
  return (await core.roomsByIds(records.map((p) => p.roomId))).sort(byId)
}

/** The default floor coefficient (domain note §3, PRODUCT): floors above the table use its top entry. */
export function coefficientOf(floor: number): number {
  const floors = Object.keys(DEFAULT_FLOOR_COEFFICIENTS).map(Number)
  const top = Math.max(...floors)
  return DEFAULT_FLOOR_COEFFICIENTS[Math.min(floor, top)] ?? 0
}
