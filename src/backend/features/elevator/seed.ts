/**
 * Seed of the elevator feature: on 西山社区 5幢2单元 (`u-xs-5-2`, 5 storeys, 10 flats) a petition whose
 * vote is under way — started 6 days before the seed time by the 501 owner with the 401 and 301 owners,
 * opened 5 days before, deadline 20:00 Beijing 10 days after the seed date — with 5 of 10 households
 * already voted in the app (4 agree, 1 oppose), their log entries chained with `nextEntry`.
 * Nothing on 总浦桥社区 3幢1单元 (`u-zpq-3-1`), so a journey can start one there.
 */
import { nextEntry, type AuditEntry } from '@/domain/elevator/auditLog'
import { addDays, beijingDate, beijingIso } from '@/domain/shared/time'
import type { Rows } from '@/backend/core/data/store'
import type { CoreSeed } from '@/backend/seed'
import type {
  ElevatorBallotSignature,
  ElevatorCoInitiator,
  ElevatorLogEntry,
  ElevatorPetition,
  ElevatorReach,
} from './model'
import { entryKey } from './repository'
import { coInitiatorsTable, logTable, petitionsTable, reachTable, signaturesTable } from './tables'

/** Id of the seeded petition on 西山社区 5幢2单元. */
const SEED_PETITION_ID = 'ep-xs-5-2'
const HOUR = 3600_000
const DAY = 24 * HOUR

/** Seeded ballots: flat, choice, hours after the vote opened. */
const SEED_BALLOTS: { roomId: string; choice: AuditEntry['choice']; hours: number }[] = [
  { roomId: 'r-xs-5-2-501', choice: 'agree', hours: 2 },
  { roomId: 'r-xs-5-2-401', choice: 'agree', hours: 5 },
  { roomId: 'r-xs-5-2-301', choice: 'agree', hours: 26 },
  { roomId: 'r-xs-5-2-101', choice: 'oppose', hours: 50 },
  { roomId: 'r-xs-5-2-302', choice: 'agree', hours: 75 },
]

/** Seed rows of the elevator feature; `nowIso` is the seed time, `core` the core seed (people, register). */
export function seedElevator(core: CoreSeed, nowIso: string): Rows {
  const now = Date.parse(nowIso)
  const ownerId = (roomId: string): string => {
    const idNumber = core.propertyRegister[roomId]?.ownerIdNumber
    const user = Object.values(core.users).find((u) => u.idNumber === idNumber)
    if (!idNumber || !user) throw new Error(`elevator seed: no owner account for ${roomId}`)
    return user.id
  }
  const users = Object.values(core.users)
  const openedMs = now - 5 * DAY
  const opened = beijingIso(openedMs)
  const petition: ElevatorPetition = {
    id: SEED_PETITION_ID,
    unitId: 'u-xs-5-2',
    communityId: 'c-xs',
    starterId: ownerId('r-xs-5-2-501'),
    starterRoomId: 'r-xs-5-2-501',
    elevatorPosition: '单元北侧楼梯间外，平层入户，每层停靠',
    budgetFen: 48_000_000,
    subsidiesFen: 20_000_000,
    yearlyMaintenanceFen: 1_200_000,
    votingDeadline: `${addDays(beijingDate(nowIso), 10)}T20:00:00+08:00`,
    status: 'voting',
    createdAt: beijingIso(now - 6 * DAY),
    openedAt: opened,
  }
  const coInitiators: ElevatorCoInitiator[] = ['r-xs-5-2-401', 'r-xs-5-2-301'].map((roomId, rank) => {
    const userId = ownerId(roomId)
    const invitedAt = beijingIso(now - 6 * DAY)
    const id = `${SEED_PETITION_ID}:${userId}`
    return { id, petitionId: SEED_PETITION_ID, rank, userId, roomId, invitedAt, confirmedAt: opened }
  })
  const log: ElevatorLogEntry[] = []
  const signatures: ElevatorBallotSignature[] = []
  let last: AuditEntry | undefined
  for (const b of SEED_BALLOTS) {
    last = nextEntry(last, {
      at: beijingIso(openedMs + b.hours * HOUR),
      householdId: b.roomId,
      actor: ownerId(b.roomId),
      channel: 'app',
      choice: b.choice,
      signatureKind: 'typed-name',
    })
    const id = entryKey(SEED_PETITION_ID, last.seq)
    log.push({ id, petitionId: SEED_PETITION_ID, ...last })
    signatures.push({ id, petitionId: SEED_PETITION_ID, seq: last.seq, householdId: b.roomId, actorRole: 'owner' })
  }
  // The app told every owner with an account when voting opened (issue 28); owners without one are
  // still to be reached by a worker (the seed leaves them unreached, for the worker's list).
  const reach: ElevatorReach[] = Object.entries(core.propertyRegister)
    .filter(([roomId, rec]) => roomId.startsWith('r-xs-5-2-') && users.some((u) => u.idNumber === rec.ownerIdNumber))
    .map(([roomId]) => ({
      id: `er-seed-${roomId}`,
      petitionId: SEED_PETITION_ID,
      householdId: roomId,
      channel: 'app',
      toldOn: beijingDate(opened),
      byId: 'system',
      byRole: 'system',
      recordedAt: opened,
    }))
  return {
    [petitionsTable.name]: [petition],
    [coInitiatorsTable.name]: coInitiators,
    [logTable.name]: log,
    [signaturesTable.name]: signatures,
    [reachTable.name]: reach,
  }
}
