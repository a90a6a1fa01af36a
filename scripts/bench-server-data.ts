/**
 * Data of `npm run bench:server`: the scaled demo seed (`scaledRows`) plus the rows the keyed writes
 * need (care-card holders with cards, credit and sessions; bookable bench services with room for
 * thousands of bookings), the plan of requests over them, and the same rows in the old design's
 * storage shape (schema v2: one JSON value per collection, `mc:db:<name>`), for the file-server baseline.
 */
import { TABLES } from '@/backend'
import type { Rows } from '@/backend/core/data/store'
import { BOOKING_LEAD_MS, SLOT_DAYS, slotStart } from '@/backend/features/care-card/catalog'
import { ledgerRowOf } from '@/backend/features/care-card/repository'
import { seededSession, tokenHashOf } from '@/backend/sessions'
import { issueDue } from '@/domain/care-card/ledger'
import { addDays, beijingDate } from '@/domain/shared/time'
import { scaledRows } from './seed-district'

type Row = Record<string, unknown>

/** Communities (of the seed's first copy, present at every size) that get bench services and holders. */
const COMMUNITIES = ['c-xs', 'c-zpq']
/** Bench services per community; bookings go round them (a booking locks its service). */
const SERVICES_PER_COMMUNITY = 10
/** Card holders per community (≥ a slot's capacity, so a slot's places go to different people). */
const HOLDERS_PER_COMMUNITY = 100
const CAPACITY = 50
const PRICE_FEN = 100
const SLOT_TIMES = Array.from({ length: 12 }, (_, i) => `${String(8 + i).padStart(2, '0')}:00`)
/** Slots start at least this long after the plan is made (the booking lead plus the run's length). */
const SLOT_MARGIN_MS = BOOKING_LEAD_MS + 60 * 60_000

export interface Voter {
  token: string
  petitionId: string
  householdId: string
  name: string
}

export interface BenchPlan {
  /** Bookings `{ token, slotId }`, every one valid once, interleaved over the bench services. */
  bookings: { token: string; slotId: string }[]
  /** Owners who may vote (and re-vote) on the seed's petitions of the first three copies. */
  voters: Voter[]
  /** Tokens of residents with messages (the voters). */
  readers: string[]
}

const tokenOf = (userId: string) => `bench-${userId}`

/** About `records` rows of the scaled seed at `nowIso`, plus the bench rows; and the request plan over them. */
export function benchData(records: number, nowIso: string): { rows: Rows; plan: BenchPlan } {
  const rows = scaledRows(records, nowIso) as Record<string, Row[]>
  const today = beijingDate(nowIso)
  const sessions: Row[] = []
  const session = (userId: string) => {
    sessions.push({ ...seededSession(userId, tokenOf(userId), nowIso) })
    return tokenOf(userId)
  }
  const app = rows.care_applications.find((a) => a.id === 'ca-seed-xs0')!
  const card = rows.care_cards.find((c) => c.id === 'cc-seed-xs0')!
  const holderTemplate = rows.users.find((u) => u.id === 'u-xs0')!
  const providerTemplate = rows.care_providers.find((p) => p.id === 'cp-xs-canteen')!
  const serviceTemplate = rows.care_services.find((s) => s.id === 'cs-xs-lunch')!
  const activeFrom = `${today.slice(0, 7)}-01`
  const services: { id: string; holders: string[] }[] = []
  COMMUNITIES.forEach((communityId, ci) => {
    const providerId = `cp-bench-${ci}`
    rows.care_providers.push({ ...providerTemplate, id: providerId, communityId, rank: 100 + ci })
    const holders: string[] = []
    for (let n = 0; n < HOLDERS_PER_COMMUNITY; n++) {
      const userId = `u-bench-${ci}-${n}`
      const { idNumber: _id, phone: _phone, ...user } = holderTemplate
      rows.users.push({ ...user, id: userId, nickname: `长者${n}`, realName: `长者${n}`, rank: 2000 + n, communityId })
      const appId = `ca-bench-${ci}-${n}`
      const cardId = `cc-bench-${ci}-${n}`
      rows.care_applications.push({ ...app, id: appId, applicantId: userId, communityId, cardId })
      const c = { ...card, id: cardId, holderId: userId, communityId, applicationId: appId, activeFrom }
      rows.care_cards.push({ ...c, codeSecret: `bench-${ci}-${n}` })
      const groups = card.groups as ['subsistence']
      issueDue([], { activeFrom, asOf: today, birthDate: String(card.birthDate), groups }).forEach((e, seq) =>
        rows.care_ledger_entries.push(ledgerRowOf(cardId, seq, e) as unknown as Row),
      )
      holders.push(session(userId))
    }
    for (let k = 0; k < SERVICES_PER_COMMUNITY; k++) {
      const id = `cs-bench-${ci}-${k}`
      rows.care_services.push({
        ...serviceTemplate,
        id,
        providerId,
        rank: k,
        priceFen: PRICE_FEN,
        capacity: CAPACITY,
        slotTimes: SLOT_TIMES,
      })
      services.push({ id, holders })
    }
  })
  // Slots of each service from the margin on, up to the last bookable day; a slot's places to different holders.
  const earliest = Date.parse(nowIso) + SLOT_MARGIN_MS
  const slots: string[] = []
  for (let d = 0; d <= SLOT_DAYS; d++) {
    const date = addDays(today, d)
    for (const time of SLOT_TIMES) if (Date.parse(slotStart(date, time)) >= earliest) slots.push(`${date}T${time}`)
  }
  const perService = services.map((s) =>
    slots.flatMap((slot, i) =>
      Array.from({ length: CAPACITY }, (_, p) => ({
        token: s.holders[(i * CAPACITY + p) % s.holders.length],
        slotId: `${s.id}@${slot}`,
      })),
    ),
  )
  const bookings = perService[0].flatMap((_, i) => perService.map((list) => list[i]))

  // Voters: owners bound to a room of the petition's unit, on the seed petition of copies 0–2.
  const voters: Voter[] = []
  const users = new Map(rows.users.map((u) => [u.id, u]))
  for (const petitionId of ['ep-xs-5-2', 'ep-xs-5-2~1', 'ep-xs-5-2~2']) {
    const p = rows.elevator_petitions.find((x) => x.id === petitionId)
    if (!p) throw new Error(`no petition ${petitionId} in the scaled seed`)
    const rooms = new Set(rows.rooms.filter((r) => r.unitId === p.unitId).map((r) => r.id))
    for (const b of rows.room_bindings.filter((x) => rooms.has(x.roomId) && x.role === 'owner')) {
      const u = users.get(String(b.userId))
      if (!u?.realName || !u.privacyAcceptedAt) continue
      voters.push({ token: session(String(u.id)), petitionId, householdId: String(b.roomId), name: String(u.realName) })
    }
  }
  rows.login_sessions = [...(rows.login_sessions ?? []), ...sessions]
  return { rows, plan: { bookings, voters, readers: voters.map((v) => v.token) } }
}

const byKey = (list: Row[], key: string) => Object.fromEntries(list.map((r) => [String(r[key]), r]))
const groupBy = (list: Row[], key: string) => {
  const out = new Map<string, Row[]>()
  for (const r of list) out.set(String(r[key]), [...(out.get(String(r[key])) ?? []), r])
  return out
}
const without = (r: Row, ...fields: string[]) =>
  Object.fromEntries(Object.entries(r).filter(([k]) => !fields.includes(k)))
const sortBy = (list: Row[], field: string) => [...list].sort((a, b) => Number(a[field]) - Number(b[field]))

/**
 * The rows in the storage shape of schema v2 (what `src/backend/migrate-v2.ts` and the features' `fromV2`
 * read, inverted): `{ 'mc:db:<collection>': JSON text }`, the content of the old file server's data file.
 */
export function v2Storage(input: Rows): Record<string, string> {
  const rows = Object.fromEntries(TABLES.map((t) => [t.name, (input[t.name] ?? []) as Row[]]))
  const keyed = (table: string) => byKey(rows[table], TABLES.find((t) => t.name === table)!.key)
  const settings = rows.settings[0] ?? {}
  const bindings = groupBy(rows.room_bindings, 'userId')
  const services = groupBy(sortBy(rows.care_services, 'rank'), 'providerId')
  const coInitiators = groupBy(sortBy(rows.elevator_co_initiators, 'rank'), 'petitionId')
  const steps = groupBy(sortBy(rows.elevator_mediation_steps, 'seq'), 'petitionId')
  const collections: Record<string, unknown> = {
    meta: {
      schemaVersion: 2,
      clockOffsetMs: settings.clockOffsetMs ?? 0,
      faults: settings.faults,
      seededAt: settings.seededAt,
    },
    communities: keyed('communities'),
    buildings: keyed('buildings'),
    units: keyed('units'),
    rooms: keyed('rooms'),
    propertyRegister: keyed('property_register'),
    populationRegister: keyed('population_register'),
    users: byKey(
      rows.users.map((u) => ({
        ...without(u, 'realName', 'idNumber', 'realNameBoundAt'),
        ...(u.realName ? { realName: { name: u.realName, idNumber: u.idNumber, boundAt: u.realNameBoundAt } } : {}),
        rooms: (bindings.get(String(u.id)) ?? []).map((b) => without(b, 'id', 'userId')),
      })),
      'id',
    ),
    // v2 kept tokens in clear: the bench's and the district seed's tokens are known strings of the user id.
    sessions: Object.fromEntries(
      rows.login_sessions.flatMap((r) =>
        [`bench-${r.userId}`, `d-${r.userId}`]
          .filter((t) => tokenHashOf(t) === r.tokenHash)
          .map((t) => [t, { userId: r.userId, createdAt: r.createdAt }]),
      ),
    ),
    familyLinks: keyed('family_links'),
    messages: keyed('messages'),
    idempotency: Object.fromEntries(rows.idempotency.map((r) => [r.id, without(r, 'id', 'userId', 'key')])),
    attempts: Object.fromEntries(
      [...groupBy(rows.attempts, 'key')].map(([key, list]) => [
        key,
        [...list]
          .sort((a, b) => Number(String(a.id).split('#').pop()) - Number(String(b.id).split('#').pop()))
          .map((a) => Date.parse(String(a.at))),
      ]),
    ),
    careApplications: keyed('care_applications'),
    careCards: keyed('care_cards'),
    careLedgers: Object.fromEntries(
      [...groupBy(sortBy(rows.care_ledger_entries, 'seq'), 'cardId')].map(([cardId, list]) => [
        cardId,
        list.map((e) => ({ ...without(e, 'id', 'cardId', 'seq', 'entryId'), id: e.entryId })),
      ]),
    ),
    careProviders: byKey(
      sortBy(rows.care_providers, 'rank').map((p) => ({
        ...without(p, 'rank'),
        services: (services.get(String(p.id)) ?? []).map((s) => without(s, 'providerId', 'rank')),
      })),
      'id',
    ),
    careOrders: byKey(
      rows.care_orders.map(({ disputeStatus, dispute, ...o }) =>
        dispute ? { ...o, dispute: { ...(dispute as Row), status: disputeStatus } } : o,
      ),
      'id',
    ),
    careTasks: keyed('care_tasks'),
    elevatorPetitions: byKey(
      rows.elevator_petitions.map((p) => v2Petition(p, coInitiators, steps)),
      'id',
    ),
    elevatorAuditLogs: Object.fromEntries(
      [...groupBy(sortBy(rows.elevator_log, 'seq'), 'petitionId')].map(([id, list]) => [
        id,
        list.map((e) => without(e, 'id', 'petitionId')),
      ]),
    ),
    elevatorSignatures: Object.fromEntries(rows.elevator_ballot_signatures.map((s) => [s.id, without(s, 'id')])),
    elevatorObjections: keyed('elevator_objections'),
    ypTerms: keyed('yp_terms'),
    ypCourses: keyed('yp_courses'),
    ypChildren: keyed('yp_children'),
    ypEnrollments: keyed('yp_enrollments'),
    ypPayments: keyed('yp_payments'),
    ypLotteries: keyed('yp_lotteries'),
    ypAttendance: keyed('yp_attendance'),
    ypNoShows: keyed('yp_no_shows'),
    oneThingHalls: byKey(
      sortBy(rows.one_thing_halls, 'rank').map((h) => without(h, 'rank')),
      'id',
    ),
    oneThingProgress: Object.fromEntries(rows.one_thing_progress.map((p) => [p.id, without(p, 'id')])),
    oneThingAppointments: keyed('one_thing_appointments'),
  }
  return Object.fromEntries(
    Object.entries(collections).map(([name, value]) => [`mc:db:${name}`, JSON.stringify(value)]),
  )
}

/** A v2 petition: the row's plan, result, publicity, mediation and compensation columns nested again. */
function v2Petition(p: Row, coInitiators: Map<string, Row[]>, steps: Map<string, Row[]>): Row {
  const id = String(p.id)
  const tally = p.resultTally as { approved: boolean; quorumMet: boolean } | undefined
  return {
    id,
    unitId: p.unitId,
    communityId: p.communityId,
    starterId: p.starterId,
    starterRoomId: p.starterRoomId,
    coInitiators: (coInitiators.get(id) ?? []).map((c) => without(c, 'id', 'petitionId', 'rank')),
    plan: {
      elevatorPosition: p.elevatorPosition,
      budgetFen: p.budgetFen,
      subsidiesFen: p.subsidiesFen,
      yearlyMaintenanceFen: p.yearlyMaintenanceFen,
    },
    votingDeadline: p.votingDeadline,
    status: p.status,
    createdAt: p.createdAt,
    ...(p.openedAt ? { openedAt: p.openedAt } : {}),
    ...(tally
      ? { result: { approved: tally.approved, quorumMet: tally.quorumMet, tally, publishedAt: p.resultPublishedAt } }
      : {}),
    ...(p.publicityStartsAt ? { publicity: { startsAt: p.publicityStartsAt, endsAt: p.publicityEndsAt } } : {}),
    ...(p.mediationStage
      ? {
          mediation: {
            stage: p.mediationStage,
            steps: (steps.get(id) ?? []).map((s) => without(s, 'id', 'petitionId', 'seq')),
          },
        }
      : {}),
    ...(p.compensationFen !== undefined
      ? {
          compensation: {
            amountFen: p.compensationFen,
            text: p.compensationText,
            recordedBy: p.compensationBy,
            recordedAt: p.compensationAt,
          },
        }
      : {}),
  }
}
