/**
 * The seed: two real communities (总浦桥社区, 宁波镇海; 西山社区, 海宁), a 7-storey unit of 14 households
 * with unequal areas and one owner of two flats, a smaller 5-storey unit, grid workers, and fictional
 * residents with valid ID numbers. Each feature adds its own rows (`Feature.seed`).
 */
import { DEFAULT_FAULTS } from '../core/faults'
import type { Rows } from '../core/data/store'
import type { Message, PropertyRecord, RegisterPerson, RoomBinding, Settings, User } from '../model'
import {
  buildingsTable,
  communitiesTable,
  messagesTable,
  populationRegisterTable,
  propertyRegisterTable,
  roomBindingsTable,
  roomsTable,
  settingsTable,
  unitsTable,
  usersTable,
} from '../tables'
import { AREAS, BUILDINGS, COMMUNITIES, ROOMS, UNITS } from './places'
import { idNumberOf, PEOPLE } from './people'

/** The core's seed records that features build on (people and places), by key. */
export interface CoreSeed {
  users: Record<string, User>
  propertyRegister: Record<string, PropertyRecord>
  roomBindings: RoomBinding[]
}

/** The core's seed records; `nowIso` stamps creation times. */
export function coreSeed(nowIso: string): CoreSeed & { populationRegister: RegisterPerson[]; messages: Message[] } {
  const users: Record<string, User> = {}
  const populationRegister: RegisterPerson[] = []
  const propertyRegister: Record<string, PropertyRecord> = {}
  const roomBindings: RoomBinding[] = []
  for (const p of PEOPLE) {
    const idNumber = idNumberOf(p)
    const id = `u-${p.key}`
    populationRegister.push({ idNumber, name: p.name, phone: p.phone })
    for (const roomId of p.owns ?? [])
      propertyRegister[roomId] = { roomId, ownerIdNumber: idNumber, area: AREAS[roomId] }
    users[id] = {
      id,
      nickname: p.bound ? p.name : `微信用户${p.name.slice(0, 1)}`,
      persona: p.persona,
      rank: p.rank,
      communityId: p.community,
      role: p.role ?? 'resident',
      ...(p.supervisor ? { supervisor: true } : {}),
      ...(p.bound ? { realName: p.name, idNumber, realNameBoundAt: nowIso, privacyAcceptedAt: nowIso } : {}),
      phone: p.phone,
      createdAt: nowIso,
    }
    if (p.bound) {
      for (const roomId of p.owns ?? []) {
        roomBindings.push({
          id: `${id}:${roomId}`,
          userId: id,
          roomId,
          role: 'owner',
          area: AREAS[roomId],
          verified: true,
          boundAt: nowIso,
        })
      }
    }
    if (p.rents)
      roomBindings.push({
        id: `${id}:${p.rents}`,
        userId: id,
        roomId: p.rents,
        role: 'tenant',
        verified: true,
        boundAt: nowIso,
      })
  }
  const messages: Message[] = Object.values(users)
    .filter((u) => u.role === 'resident' && u.rank < 10)
    .map((u) => ({
      id: `m-welcome-${u.id}`,
      userId: u.id,
      title: '欢迎使用现代社区',
      body: '在这里可以申请养老服务爱心卡、为孩子报名青少年宫课程、参与加装电梯投票，以及查看办事指南。',
      createdAt: nowIso,
    }))
  return { users, propertyRegister, roomBindings, populationRegister, messages }
}

/**
 * The rows a production database starts with: the settings row only (mock time 0, faults off). No
 * demo person, register, community, catalogue or message: a real community's data comes from its own
 * registers, never from the demo's fictional people.
 */
export function productionSeedRows(nowIso: string): Rows {
  return { [settingsTable.name]: [settingsRow(nowIso)] }
}

/** The settings row of a fresh store: real time (offset 0), faults off (`DEFAULT_FAULTS`). */
function settingsRow(nowIso: string): Settings {
  return {
    id: 'demo',
    clockOffsetMs: 0,
    faults: { ...DEFAULT_FAULTS },
    faultState: DEFAULT_FAULTS.seed,
    seededAt: nowIso,
  }
}

/** The core's rows of a fresh store. */
export function coreSeedRows(seed: ReturnType<typeof coreSeed>, nowIso: string): Rows {
  return {
    [settingsTable.name]: [settingsRow(nowIso)],
    [communitiesTable.name]: COMMUNITIES,
    [buildingsTable.name]: BUILDINGS,
    [unitsTable.name]: UNITS,
    [roomsTable.name]: ROOMS,
    [propertyRegisterTable.name]: Object.values(seed.propertyRegister),
    [populationRegisterTable.name]: seed.populationRegister,
    [usersTable.name]: Object.values(seed.users),
    [roomBindingsTable.name]: seed.roomBindings,
    [messagesTable.name]: seed.messages,
  }
}
