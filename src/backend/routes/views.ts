/** Turns stored records into wire shapes (`src/domain/contracts.ts`), masking what must be masked. */
import type { CommunityDto, FamilyLinkDto, MeDto, MessageDto, RoomBindingDto } from '@/domain/contracts/core'
import { ageOn, maskResidentId, parseResidentId } from '@/domain/residentId'
import { beijingDate } from '@/domain/time'
import type { Collections, FamilyLink, Message, RoomBinding, User } from '../model'

/** A user's display name: real name when bound, else the WeChat nickname. Deleted accounts say so. */
export const displayName = (u: User | undefined) =>
  !u ? '未知用户' : u.deletedAt ? '已注销用户' : (u.realName?.name ?? u.nickname)

/** `总浦桥社区 3幢1单元 701` for a room id. */
export function roomLabel(data: Collections, roomId: string): string {
  const room = data.rooms[roomId]
  if (!room) return roomId
  const b = data.buildings[room.buildingId]
  const u = data.units[room.unitId]
  return `${data.communities[room.communityId]?.name ?? ''} ${b?.name ?? ''}${u?.name ?? ''} ${room.name}`.trim()
}

export function communityDto(data: Collections, id: string): CommunityDto {
  const c = data.communities[id]
  return {
    id: c.id,
    name: c.name,
    city: c.city,
    district: c.district,
    street: c.street,
    gridWorker: { ...c.gridWorker },
  }
}

export function roomBindingDto(data: Collections, b: RoomBinding): RoomBindingDto {
  const room = data.rooms[b.roomId]
  return {
    roomId: b.roomId,
    label: roomLabel(data, b.roomId),
    unitId: room?.unitId ?? '',
    floor: room?.floor ?? 0,
    role: b.role,
    area: b.area,
    verified: b.verified,
  }
}

export function meDto(data: Collections, u: User, nowIso: string): MeDto {
  const birthDate = u.realName ? parseResidentId(u.realName.idNumber, beijingDate(nowIso)).birthDate : null
  return {
    id: u.id,
    displayName: displayName(u),
    role: u.role,
    community: communityDto(data, u.communityId),
    realName:
      u.realName && birthDate
        ? { name: u.realName.name, idNumberMasked: maskResidentId(u.realName.idNumber), birthDate }
        : null,
    age: birthDate ? ageOn(birthDate, beijingDate(nowIso)) : null,
    rooms: u.rooms.map((r) => roomBindingDto(data, r)),
    privacyAccepted: !!u.privacyAcceptedAt,
  }
}

export function familyLinkDto(data: Collections, l: FamilyLink, viewerId: string): FamilyLinkDto {
  return {
    id: l.id,
    relationship: l.relationship,
    status: l.status,
    proxy: { userId: l.proxyId, name: displayName(data.users[l.proxyId]) },
    principal: { userId: l.principalId, name: displayName(data.users[l.principalId]) },
    viewerSide: viewerId === l.proxyId ? 'proxy' : viewerId === l.principalId ? 'principal' : 'worker',
    requestedAt: l.requestedAt,
    confirmedAt: l.confirmedAt,
    confirmedBy: l.confirmedBy ? (l.confirmedBy === 'principal' ? 'principal' : 'worker') : undefined,
  }
}

export function messageDto(m: Message): MessageDto {
  return { id: m.id, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt, read: !!m.readAt }
}
