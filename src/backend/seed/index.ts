/**
 * The seed: two real communities (总浦桥社区, 宁波镇海; 西山社区, 海宁), a 7-storey unit of 14 households
 * with unequal areas and one owner of two flats, a smaller 5-storey unit, grid workers, and fictional
 * residents with valid ID numbers. Feature issues add their own seed collections.
 */
import { DEFAULT_FAULTS } from '../core/faults'
import { SCHEMA_VERSION } from '../core/migrations'
import type { Collections, CoreCollections, Message, User } from '../model'
import { seedCareCard } from '../features/careCard/seed'
import { seedElevator } from '../features/elevator/seed'
import { seedOneThing } from '../features/oneThing/seed'
import { seedYouthPalace } from '../features/youthPalace/seed'
import { AREAS, BUILDINGS, COMMUNITIES, ROOMS, UNITS } from './places'
import { idNumberOf, PEOPLE } from './people'

const byId = <T extends { id: string }>(list: T[]) => Object.fromEntries(list.map((x) => [x.id, x]))

/** A fresh copy of the seed; `nowIso` stamps creation times. */
export function buildSeed(nowIso: string): Collections {
  const users: Record<string, User> = {}
  const populationRegister: Collections['populationRegister'] = {}
  const propertyRegister: Collections['propertyRegister'] = {}
  for (const p of PEOPLE) {
    const idNumber = idNumberOf(p)
    populationRegister[idNumber] = { idNumber, name: p.name, phone: p.phone }
    for (const roomId of p.owns ?? [])
      propertyRegister[roomId] = { roomId, ownerIdNumber: idNumber, area: AREAS[roomId] }
    users[`u-${p.key}`] = {
      id: `u-${p.key}`,
      nickname: p.bound ? p.name : `微信用户${p.name.slice(0, 1)}`,
      persona: p.persona,
      rank: p.rank,
      communityId: p.community,
      role: p.role ?? 'resident',
      realName: p.bound ? { name: p.name, idNumber, boundAt: nowIso } : undefined,
      phone: p.phone,
      rooms: p.bound
        ? (p.owns ?? []).map((roomId) => ({
            roomId,
            role: 'owner' as const,
            area: AREAS[roomId],
            verified: true,
            boundAt: nowIso,
          }))
        : [],
      privacyAcceptedAt: p.bound ? nowIso : undefined,
      createdAt: nowIso,
    }
  }
  const welcome: Message[] = Object.values(users)
    .filter((u) => u.role === 'resident' && u.rank < 10)
    .map((u) => ({
      id: `m-welcome-${u.id}`,
      userId: u.id,
      title: '欢迎使用现代社区',
      body: '在这里可以申请养老服务爱心卡、为孩子报名青少年宫课程、参与加装电梯投票，以及查看办事指南。',
      createdAt: nowIso,
    }))
  const core: CoreCollections = {
    meta: { schemaVersion: SCHEMA_VERSION, clockOffsetMs: 0, faults: { ...DEFAULT_FAULTS }, seededAt: nowIso },
    communities: byId(COMMUNITIES),
    buildings: byId(BUILDINGS),
    units: byId(UNITS),
    rooms: byId(ROOMS),
    propertyRegister,
    populationRegister,
    users,
    sessions: {},
    familyLinks: {},
    messages: byId(welcome),
    idempotency: {},
    attempts: {},
  }
  return {
    ...core,
    ...seedCareCard(nowIso, core),
    ...seedYouthPalace(nowIso, core),
    ...seedElevator(nowIso, core),
    ...seedOneThing(nowIso, core),
  }
}
