/** @jest-environment node */
/**
 * Two real server processes (`src/server/main.ts`) on one PostgreSQL database, requests alternating
 * between them, racing for the same rows: 50 children's applications for a course's last seat, 30
 * bookings of one slot, one idempotency key sent to both processes at once (10 times), 50 bookings
 * against a care card whose balance covers exactly 13, and 20 ballots of one household at once. Each
 * race has exactly one right outcome, asserted on the answers and on the database; afterwards every
 * invariant of `invariants.ts` holds. Runs when `MC_SQL=1` and `MC_PG_URL` is set (`npm test`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Method } from '@/backend/core/http'
import { PEOPLE } from '@/backend/seed/people'
import type { Backend } from '@/backend'
import { addDays, beijingDate } from '@/domain/shared/time'
import { postgresDriver, type SqlDriver } from '@/server/drivers'
import { newPostgresDatabase, PG_URL, SQL_ENABLED } from './databases'
import { cardBalance, currentBallots, invariantViolations, query, seatsOf } from './invariants'
import {
  call,
  login,
  ok,
  seedAt,
  startServerProcess,
  stopAllServers,
  T0,
  type CallOptions,
  type Reply,
  type ServerProcess,
} from './processes'

jest.setTimeout(180_000)

const describeOnPg = SQL_ENABLED && PG_URL ? describe : describe.skip

/** 总浦桥 residents without seeded children: the parents of the children racing for the last seat. */
const PARENTS = ['u-wang', 'u-zheng', 'u-liu', 'u-zhou', 'u-qian', 'u-sunzq', 'u-zhoum', 'u-feng', 'u-chu', 'u-wei']
const HOLDER = 'u-xs0' // the seeded care card's holder (西山)
const CARD = 'cc-seed-xs0'
const VOTER = 'u-xs3' // owner of 西山 5幢2单元 202, which has not voted in the seed
const PETITION = 'ep-xs-5-2'
const TODAY = beijingDate(T0)

describeOnPg('two server processes on one PostgreSQL', () => {
  let db: { url: string; drop(): Promise<void> }
  let driver: SqlDriver
  let backend: Backend
  let dataDir: string
  let servers: ServerProcess[]
  const tokens: Record<string, string> = {}

  /** Request `i` of a race goes to server `i % 2`. */
  const send = (i: number, userId: string, method: Method, url: string, opts: CallOptions = {}) =>
    call(servers[i % 2].url, method, url, { token: tokens[userId], ...opts })
  const okAs = (userId: string, method: Method, url: string, body?: unknown) =>
    ok(servers[0].url, method, url, { token: tokens[userId], body })
  const statuses = (replies: Reply[]) =>
    replies.reduce<Record<string, number>>((m, r) => {
      const k = `${r.status}${r.status === 200 ? '' : ` ${r.body?.code}`}`
      m[k] = (m[k] ?? 0) + 1
      return m
    }, {})

  beforeAll(async () => {
    db = await newPostgresDatabase()
    driver = await postgresDriver(db.url, { max: 4 })
    backend = await seedAt(driver)
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-two-'))
    servers = await Promise.all([0, 1].map(() => startServerProcess({ DATA_DIR: dataDir, DATABASE_URL: db.url })))
    for (const [i, userId] of [...PARENTS, 'u-zhao', HOLDER, VOTER].entries())
      tokens[userId] = await login(servers[i % 2].url, userId)
  })

  afterAll(async () => {
    await stopAllServers()
    await driver?.close()
    await db?.drop()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('50 children apply at once for the last seat of a course: exactly one gets it', async () => {
    const terms = (await okAs('u-zhao', 'GET', '/api/worker/youth-palace/terms')) as { id: string; status: string }[]
    const term = terms.find((t) => t.status === 'open')!
    const course = await okAs('u-zhao', 'POST', `/api/worker/youth-palace/terms/${term.id}/courses`, {
      name: '并发报名课',
      category: '测试',
      site: '总浦桥社区文化家园',
      teacher: '钱老师',
      ageMin: 3,
      ageMax: 14,
      capacity: 2,
      feeFen: 0,
      admission: 'firstCome',
      sessions: [{ weekday: 6, start: '13:00', end: '14:00' }],
    })
    // 51 children, at most 6 per parent (the product's limit, counting those seeded), created through the API.
    const room = await Promise.all(
      PARENTS.map(async (parent) => {
        await okAs(parent, 'POST', '/api/me/privacy', { accepted: true })
        return 6 - ((await okAs(parent, 'GET', '/api/youth-palace/children')) as unknown[]).length
      }),
    )
    let left = 51
    const quota = room.map((r) => {
      const n = Math.min(r, left)
      left -= n
      return n
    })
    const children: { parent: string; id: string }[] = []
    await Promise.all(
      PARENTS.map(async (parent, p) => {
        for (let k = 0; k < quota[p]; k++) {
          const name = `${'甲乙丙丁戊己庚辛壬癸'[p]}${'一二三四五六'[k]}`
          const child = await okAs(parent, 'POST', '/api/youth-palace/children', { name, birthDate: '2017-06-01' })
          children.push({ parent, id: child.id })
        }
      }),
    )
    expect(children.length).toBe(51)
    const [first, ...racers] = children
    const taken = await okAs(first.parent, 'POST', '/api/youth-palace/applications', {
      childId: first.id,
      courseId: course.id,
    })
    expect(taken.status).toBe('confirmed')

    const replies = await Promise.all(
      racers.map((c, i) =>
        send(i, c.parent, 'POST', '/api/youth-palace/applications', { body: { childId: c.id, courseId: course.id } }),
      ),
    )
    expect(statuses(replies)).toEqual({ '200': 1, '409 COURSE_FULL': 49 })
    const winner = replies.find((r) => r.status === 200)!.body
    expect(winner.status).toBe('confirmed')
    expect(await seatsOf(driver, course.id)).toEqual({ capacity: 2, taken: 2, confirmed: 2 })
    const stored = await query(driver, 'SELECT id, status FROM yp_enrollments WHERE course_id = $1 ORDER BY id', [
      course.id,
    ])
    expect(stored.map((r) => r.id).sort()).toEqual([taken.id, winner.id].sort())
  })

  it('30 bookings of one slot at once: exactly one is booked and held', async () => {
    const slotId = `cs-xs-lunch@${addDays(TODAY, 2)}T11:00`
    const before = await cardBalance(driver, CARD)
    const replies = await Promise.all(
      Array.from({ length: 30 }, (_, i) => send(i, HOLDER, 'POST', '/api/care-card/orders', { body: { slotId } })),
    )
    expect(statuses(replies)).toEqual({ '200': 1, '409 ALREADY_BOOKED': 29 })
    const orders = await query(driver, `SELECT id, status FROM care_orders WHERE slot_id = $1`, [slotId])
    expect(orders).toEqual([{ id: replies.find((r) => r.status === 200)!.body.id, status: 'booked' }])
    const after = await cardBalance(driver, CARD)
    expect(before.balanceFen - after.balanceFen).toBe(1000)
    expect(after.heldFen - before.heldFen).toBe(1000)
  })

  it('one idempotency key sent to both processes at once: one booking, the same answer twice', async () => {
    for (let round = 0; round < 10; round++) {
      // Slots nobody has booked: 17:00 on days 1–7, then 11:00 on days 3–5 (the seed holds day 1's lunch,
      // the slot race above day 2's).
      const slotId =
        round < 7 ? `cs-xs-lunch@${addDays(TODAY, 1 + round)}T17:00` : `cs-xs-lunch@${addDays(TODAY, round - 4)}T11:00`
      const key = `two-${round}`
      const pair = await Promise.all(
        [0, 1].map((i) => send(i, HOLDER, 'POST', '/api/care-card/orders', { body: { slotId }, key })),
      )
      expect(pair.map((r) => r.status)).toEqual([200, 200])
      expect(pair[0].body).toEqual(pair[1].body)
      expect(pair.filter((r) => r.replayed).length).toBe(1)
      const stored = await query(driver, `SELECT id FROM care_orders WHERE slot_id = $1`, [slotId])
      expect(stored).toEqual([{ id: pair[0].body.id }])
      const records = await query(driver, 'SELECT status FROM idempotency WHERE user_id = $1 AND key = $2', [
        HOLDER,
        key,
      ])
      expect(records).toEqual([{ status: 200 }])
    }
  })

  it('50 bookings against a card whose balance covers exactly 13: 13 are held, 37 refused', async () => {
    const { balanceFen } = await cardBalance(driver, CARD)
    const price = Math.floor(balanceFen / 13)
    expect(14 * price).toBeGreaterThan(balanceFen)
    // One walk service with 8 slots a day at that price: 50 distinct slots over the next 7 days.
    const times = ['08:00', '09:00', '10:00', '11:00', '13:00', '14:00', '15:00', '16:00']
    await backend.arrange('care_services', [{ id: 'cs-xs-walk', priceFen: price, slotTimes: times, capacity: 3 }])
    const slots = Array.from({ length: 50 }, (_, i) => `cs-xs-walk@${addDays(TODAY, 1 + (i % 7))}T${times[i % 8]}`)
    expect(new Set(slots).size).toBe(50)
    const replies = await Promise.all(
      slots.map((slotId, i) => send(i, HOLDER, 'POST', '/api/care-card/orders', { body: { slotId } })),
    )
    expect(statuses(replies)).toEqual({ '200': 13, '422 INSUFFICIENT_BALANCE': 37 })
    const booked = replies.filter((r) => r.status === 200).map((r) => r.body.id)
    const stored = await query(
      driver,
      `SELECT o.id FROM care_orders o JOIN care_ledger_entries l ON l.order_id = o.id AND l.kind = 'hold'
        WHERE o.service_id = 'cs-xs-walk' AND o.status = 'booked' AND l.amount_fen = $1`,
      [price],
    )
    expect(stored.map((r) => r.id).sort()).toEqual(booked.sort())
    expect(await cardBalance(driver, CARD)).toMatchObject({ balanceFen: balanceFen - 13 * price })
  })

  it('20 ballots of one household at once: all recorded in one chain, the last one counts', async () => {
    const name = PEOPLE.find((p) => `u-${p.key}` === VOTER)!.name
    await okAs(VOTER, 'POST', '/api/me/privacy', { accepted: true })
    const choices = ['agree', 'oppose', 'abstain'] as const
    const replies = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        send(i, VOTER, 'POST', `/api/elevator/petitions/${PETITION}/ballots`, {
          body: {
            householdId: 'r-xs-5-2-202',
            choice: choices[i % 3],
            signature: { kind: 'typed-name', name },
          },
        }),
      ),
    )
    expect(statuses(replies)).toEqual({ '200': 20 })
    const receipts = replies.map((r) => r.body.receipt as { seq: number; hash: string })
    const seqs = receipts.map((r) => r.seq).sort((a, b) => a - b)
    expect(seqs).toEqual(Array.from({ length: 20 }, (_, i) => seqs[0] + i))
    const last = replies.reduce((a, b) => (b.body.receipt.seq > a.body.receipt.seq ? b : a))
    const current = (await currentBallots(driver, PETITION)).get('r-xs-5-2-202')!
    expect(current).toEqual({ ...last.body.receipt, choice: last.body.choice })
    // Every receipt matches its entry in the stored log.
    const log = await query(driver, 'SELECT seq, hash FROM elevator_log WHERE petition_id = $1 AND seq >= $2', [
      PETITION,
      seqs[0],
    ])
    expect(log.map((r) => ({ seq: Number(r.seq), hash: r.hash })).sort((a, b) => a.seq - b.seq)).toEqual(
      [...receipts].sort((a, b) => a.seq - b.seq),
    )
  })

  it('afterwards every invariant holds in the database', async () => {
    expect(await invariantViolations(driver)).toEqual([])
  })
})
