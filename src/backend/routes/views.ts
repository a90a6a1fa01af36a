/** Turns stored records into wire shapes (`src/domain/<feature>/contracts.ts`), masking what must be masked. */
import type {
  CommunityDto,
  FamilyLinkDto,
  MeDto,
  MessageDto,
  RoomBindingDto,
  RoomBindingStatus,
} from '@/domain/shared/contracts'
import { ageOn, maskResidentId, parseResidentId } from '@/domain/shared/residentId'
import { beijingDate } from '@/domain/shared/time'
import type { Community, FamilyLink, Message, RoomBinding, User } from '../model'
import type { CoreRepository } from '../repository'

/** A user's display name: real name when bound, else the WeChat nickname. Deleted accounts say so. */
export const displayName = (u: User | undefined) =>
  !u ? '未知用户' : u.deletedAt ? '已注销用户' : (u.realName ?? u.nickname)

/** The display names of users by id (unknown ids: `未知用户`). */
export async function displayNames(core: CoreRepository, ids: readonly string[]): Promise<Map<string, string>> {
  const users = await core.usersByIds(ids)
  const byId = new Map(users.map((u) => [u.id, u]))
  return new Map(ids.map((id) => [id, displayName(byId.get(id))]))
}

function communityDto(c: Community): CommunityDto {
  return {
    id: c.id,
    name: c.name,
    city: c.city,
    district: c.district,
    street: c.street,
    gridWorker: { ...c.gridWorker },
  }
}

/** A community's wire shape. @throws when the community does not exist (seeded data is broken) */
export async function communityDtoOf(core: CoreRepository, id: string): Promise<CommunityDto> {
  const c = await core.communities.get(id)
  if (!c) throw new Error(`no community ${id}`)
  return communityDto(c)
}

export async function roomBindingDto(core: CoreRepository, b: RoomBinding): Promise<RoomBindingDto> {
  const room = await core.rooms.get(b.roomId)
  return {
    roomId: b.roomId,
    label: await core.roomLabel(b.roomId),
    unitId: room?.unitId ?? '',
    floor: room?.floor ?? 0,
    role: b.role,
    area: b.area,
    verified: b.verified,
    status: bindingStatus(b),
    ...(b.rejectedReason ? { rejectedReason: b.rejectedReason } : {}),
  }
}

/** Where a binding stands: verified, waiting for the community, or rejected (with a reason). */
export const bindingStatus = (b: RoomBinding): RoomBindingStatus =>
  b.verified ? 'verified' : b.rejectedReason ? 'rejected' : 'pending'

export async function meDto(core: CoreRepository, u: User, nowIso: string): Promise<MeDto> {
  const birthDate = u.idNumber ? parseResidentId(u.idNumber, beijingDate(nowIso)).birthDate : null
  const rooms = await core.bindingsOf(u.id)
  return {
    id: u.id,
    displayName: displayName(u),
    role: u.role,
    community: await communityDtoOf(core, u.communityId),
    realName:
      u.realName && u.idNumber && birthDate
        ? { name: u.realName, idNumberMasked: maskResidentId(u.idNumber), birthDate }
        : null,
    age: birthDate ? ageOn(birthDate, beijingDate(nowIso)) : null,
    rooms: await Promise.all(rooms.map((r) => roomBindingDto(core, r))),
    privacyAccepted: !!u.privacyAcceptedAt,
  }
}

/** What a worker-held link may cover (`ProxyScope`), in words. */
export const PROXY_SCOPES = { 'care-card': '爱心卡服务（查询资格、申请、预约、取消、评价）' } as const

/**
 * A link as `viewerId` sees it at `nowIso`. `canRevoke`: open, and the viewer is its proxy or principal,
 * or (a worker-held link) a confirmed family proxy of the principal or a supervisor worker (the caller
 * passes `viewerMayRevoke` after checking those).
 */
export async function familyLinkDto(
  core: CoreRepository,
  l: FamilyLink,
  viewerId: string,
  nowIso?: string,
  viewerMayRevoke = false,
): Promise<FamilyLinkDto> {
  const names = await displayNames(core, [l.proxyId, l.principalId])
  const open = l.status === 'confirmed' || l.status === 'pending'
  const worker = l.kind === 'worker'
  return {
    kind: worker ? 'worker' : 'family',
    ...(worker
      ? {
          scopeText: l.scope ? PROXY_SCOPES[l.scope] : undefined,
          endsOn: l.endsOn,
          expired: !!nowIso && !!l.endsOn && beijingDate(nowIso) > l.endsOn,
        }
      : {}),
    canRevoke: open && (viewerMayRevoke || viewerId === l.proxyId || viewerId === l.principalId),
    id: l.id,
    relationship: l.relationship,
    status: l.status,
    proxy: { userId: l.proxyId, name: names.get(l.proxyId)! },
    principal: { userId: l.principalId, name: names.get(l.principalId)! },
    viewerSide: viewerId === l.proxyId ? 'proxy' : viewerId === l.principalId ? 'principal' : 'worker',
    requestedAt: l.requestedAt,
    confirmedAt: l.confirmedAt,
    confirmedBy: l.confirmedBy ? (l.confirmedBy === 'principal' ? 'principal' : 'worker') : undefined,
  }
}

export function messageDto(m: Message): MessageDto {
  return { id: m.id, title: m.title, body: m.body, link: m.link, createdAt: m.createdAt, read: !!m.readAt }
}
