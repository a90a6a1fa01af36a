/**
 * The households of a stairwell unit (单元) as the elevator domain sees them, read from the core data:
 * rooms (floor), the property register (owner, registered exclusive area in m²) and users (an owner is
 * the user whose real-name ID number is the registered owner's). ID numbers never leave this file:
 * owners are identified by their user id, or by a hash when they have no (live) account.
 */
import { DEFAULT_FLOOR_COEFFICIENTS, type Household } from '@/domain/elevator'
import { sha256Hex } from '@/domain/hash'
import type { Collections, Room, User } from '@/backend/model'

/** The unit's rooms that are in the property register, ordered by room id (`r-…-101` first). */
export function unitRooms(data: Collections, unitId: string): Room[] {
  return Object.values(data.rooms)
    .filter((r) => r.unitId === unitId && !!data.propertyRegister[r.id])
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
}

/** The live (not deleted) account of the person with this ID number, if any. */
export function userByIdNumber(data: Collections, idNumber: string): User | undefined {
  return Object.values(data.users).find((u) => !u.deletedAt && u.realName?.idNumber === idNumber)
}

/**
 * A stable owner id for the domain (SPC interpretation art. 9 counts one owner of several flats once):
 * the owner's user id when a live account is bound to their ID number, else `o-` + 16 hex of a SHA-256
 * of it (never the ID number itself).
 */
export function ownerKey(data: Collections, ownerIdNumber: string): string {
  return userByIdNumber(data, ownerIdNumber)?.id ?? `o-${sha256Hex('elevator-owner', ownerIdNumber).slice(0, 16)}`
}

/** The unit's households for `tallyVotes` / `allocateCost`: flat id, owner id, floor, area (m²). */
export function householdsOf(data: Collections, unitId: string): Household[] {
  return unitRooms(data, unitId).map((r) => {
    const record = data.propertyRegister[r.id]
    return { id: r.id, ownerId: ownerKey(data, record.ownerIdNumber), floor: r.floor, area: record.area }
  })
}

/** Whether `user` is the registered owner of `roomId` (real-name ID number = the register's; Civil Code art. 278 gives the vote to owners). */
export function ownsRoom(data: Collections, user: User, roomId: string): boolean {
  const record = data.propertyRegister[roomId]
  return !!record && !user.deletedAt && !!user.realName && user.realName.idNumber === record.ownerIdNumber
}

/** Room ids `user` owns according to the property register (optionally only in one unit), sorted. */
export function ownedRooms(data: Collections, user: User, unitId?: string): string[] {
  if (!user.realName || user.deletedAt) return []
  return Object.values(data.propertyRegister)
    .filter((p) => p.ownerIdNumber === user.realName!.idNumber && (!unitId || data.rooms[p.roomId]?.unitId === unitId))
    .map((p) => p.roomId)
    .sort()
}

/** The live account of the owner of `roomId`, if they have one. */
export function ownerOfRoom(data: Collections, roomId: string): User | undefined {
  const record = data.propertyRegister[roomId]
  return record ? userByIdNumber(data, record.ownerIdNumber) : undefined
}

/** Every flat in the same unit with the same registered owner as `roomId` (itself included), sorted. */
export function sameOwnerFlats(data: Collections, roomId: string): string[] {
  const room = data.rooms[roomId]
  const record = data.propertyRegister[roomId]
  if (!room || !record) return []
  return unitRooms(data, room.unitId)
    .filter((r) => data.propertyRegister[r.id].ownerIdNumber === record.ownerIdNumber)
    .map((r) => r.id)
}

/** User ids of the unit's owners who have a live account (for messages), without duplicates. */
export function unitOwnerUserIds(data: Collections, unitId: string): string[] {
  const ids = new Set<string>()
  for (const r of unitRooms(data, unitId)) {
    const u = ownerOfRoom(data, r.id)
    if (u) ids.add(u.id)
  }
  return [...ids]
}

/** The default floor coefficient (domain note §3, PRODUCT): floors above the table use its top entry. */
export function coefficientOf(floor: number): number {
  const floors = Object.keys(DEFAULT_FLOOR_COEFFICIENTS).map(Number)
  const top = Math.max(...floors)
  return DEFAULT_FLOOR_COEFFICIENTS[Math.min(floor, top)] ?? 0
}

/** `西山社区 5幢2单元` for a unit id. */
export function unitLabel(data: Collections, unitId: string): string {
  const u = data.units[unitId]
  if (!u) return unitId
  return `${data.communities[u.communityId]?.name ?? ''} ${data.buildings[u.buildingId]?.name ?? ''}${u.name}`.trim()
}

/** The room's short name (`501`), or its id when unknown. */
export function roomName(data: Collections, roomId: string): string {
  return data.rooms[roomId]?.name ?? roomId
}
