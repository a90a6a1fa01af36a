/** The core's rows from what schema v2 stored (see `core/migrations.ts`). */
import { beijingIso } from '../domain/shared/time'
import type { Rows } from './core/data/store'
import { DEFAULT_FAULTS, type FaultConfig } from './core/faults'
import type { V2Collections } from './core/feature'
import type { Attempt, FamilyLink, IdempotencyRecord, Message, RoomBinding, Settings, User } from './model'
import {
  attemptsTable,
  buildingsTable,
  communitiesTable,
  familyLinksTable,
  idempotencyTable,
  messagesTable,
  populationRegisterTable,
  propertyRegisterTable,
  roomBindingsTable,
  roomsTable,
  sessionsTable,
  settingsTable,
  unitsTable,
  usersTable,
} from './tables'

/** v2's user: real name nested, room bindings inside. */
interface V2User extends Omit<User, 'realName' | 'idNumber' | 'realNameBoundAt'> {
  realName?: { name: string; idNumber: string; boundAt: string }
  rooms?: Omit<RoomBinding, 'id' | 'userId'>[]
}

const values = <T>(x: unknown): T[] => Object.values((x ?? {}) as Record<string, T>)

export function coreFromV2(old: V2Collections): Rows {
  const users: User[] = []
  const bindings: RoomBinding[] = []
  for (const u of values<V2User>(old.users)) {
    const { realName, rooms, ...rest } = u
    users.push({
      ...rest,
      ...(realName ? { realName: realName.name, idNumber: realName.idNumber, realNameBoundAt: realName.boundAt } : {}),
    })
    for (const r of rooms ?? []) bindings.push({ ...r, id: `${u.id}:${r.roomId}`, userId: u.id })
  }
  const idempotency: IdempotencyRecord[] = Object.entries(
    (old.idempotency ?? {}) as Record<string, Omit<IdempotencyRecord, 'id' | 'userId' | 'key'>>,
  ).map(([id, r]) => {
    const at = id.indexOf(':')
    return { ...r, id, userId: id.slice(0, at), key: id.slice(at + 1) }
  })
  const attempts: Attempt[] = Object.entries((old.attempts ?? {}) as Record<string, number[]>).flatMap(([key, times]) =>
    times.map((ms, i) => ({ id: `${key}#${i}`, key, at: beijingIso(ms) })),
  )
  const meta = (old.meta ?? {}) as { clockOffsetMs?: number; faults?: FaultConfig; seededAt?: string }
  const faults = { ...DEFAULT_FAULTS, ...meta.faults }
  const settings: Settings = {
    id: 'demo',
    clockOffsetMs: meta.clockOffsetMs ?? 0,
    faults,
    faultState: faults.seed,
    seededAt: meta.seededAt ?? beijingIso(Date.now()),
  }
  return {
    [settingsTable.name]: [settings],
    [communitiesTable.name]: values(old.communities),
    [buildingsTable.name]: values(old.buildings),
    [unitsTable.name]: values(old.units),
    [roomsTable.name]: values(old.rooms),
    [propertyRegisterTable.name]: values(old.propertyRegister),
    [populationRegisterTable.name]: values(old.populationRegister),
    [usersTable.name]: users,
    [roomBindingsTable.name]: bindings,
    // v2 kept tokens in clear: they are not carried over (one logs in again after the upgrade).
    [sessionsTable.name]: [],
    [familyLinksTable.name]: values<FamilyLink>(old.familyLinks),
    [messagesTable.name]: values<Message>(old.messages),
    [idempotencyTable.name]: idempotency,
    [attemptsTable.name]: attempts,
  }
}
