/** @jest-environment node */
/**
 * Crash safety of the shared server: a real server process (`src/server/main.ts`) is killed with SIGKILL
 * at seeded moments during a burst of keyed writes (care-card bookings and cancellations, elevator
 * ballots; 6 requests in flight), then started again on the same database — PostgreSQL, and PGlite in
 * its folder. A moment is "after the k-th acknowledged write of the burst, plus d ms" (k, d from a
 * seeded generator; `MC_CRASH_SEED` replays a run). After each restart:
 * - every acknowledged write is there: each booking's order (cancelled when its cancel was
 *   acknowledged), each ballot's receipt in the verified chain, and re-sending each acknowledged request
 *   with its key answers the same body as a replay;
 * - the writes whose answer was lost are re-sent with their keys: each is applied exactly once (a replay
 *   when it had committed before the kill, else applied now), so the card's held amount and balance and
 *   the ballot log's length equal what the acknowledged requests add up to — nothing counted twice,
 *   nothing half applied;
 * - on PostgreSQL every invariant of `invariants.ts` holds (checked beside the running server); on
 *   PGlite, whose folder one process opens at a time, they are checked once at the end after a clean stop.
 * Runs when `MC_SQL=1` (PostgreSQL also needs `MC_PG_URL`).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { PEOPLE } from '@/backend/seed/people'
import { addDays, beijingDate } from '@/domain/shared/time'
import { pgliteDriver, postgresDriver, type SqlDriver } from '@/server/drivers'
import { newPostgresDatabase, PG_URL, SQL_ENABLED } from './databases'
import { invariantViolations } from './invariants'
import {
  call,
  login,
  ok,
  seedAt,
  startServerProcess,
  stopAllServers,
  T0,
  type Reply,
  type ServerProcess,
} from './processes'

jest.setTimeout(240_000)

/** Kill moments per database (the issue asks for 5). */
const MOMENTS = Number(process.env.MC_CRASH_MOMENTS ?? 5)
const SEED = Number(process.env.MC_CRASH_SEED ?? 20260302)
/** Requests planned per burst, and how many are in flight at once. */
const BURST = 40
const IN_FLIGHT = 6

const HOLDER = 'u-xs0'
const VOTER = 'u-xs3'
const PETITION = 'ep-xs-5-2'
const HOUSEHOLD = 'r-xs-5-2-202'
const PRICE = 100
const TIMES = Array.from({ length: 16 }, (_, i) => `${String(7 + i).padStart(2, '0')}:00`)

/** mulberry32: a small seeded generator of floats in [0, 1). */
function generator(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** One planned write: who sends it, where, with which key. */
interface Write {
  kind: 'book' | 'cancel' | 'ballot'
  userId: string
  url: string
  body?: unknown
  key: string
  /** The booking a cancel undoes. */
  orderKey?: string
}

interface Outcome {
  write: Write
  reply?: Reply
}

const databases: [string, boolean][] = [
  ['PostgreSQL', SQL_ENABLED && !!PG_URL],
  ['PGlite', SQL_ENABLED],
]

describe.each(databases)('SIGKILL during a burst of writes on %s', (name, enabled) => {
  const onPostgres = name === 'PostgreSQL'
  let dropDb: (() => Promise<void>) | undefined
  let databaseUrl: string | undefined
  let driver: SqlDriver | undefined
  let dataDir: string
  let server: ServerProcess
  const tokens: Record<string, string> = {}

  const start = () => startServerProcess({ DATA_DIR: dataDir, ...(databaseUrl ? { DATABASE_URL: databaseUrl } : {}) })
  const send = (w: Write, timeoutMs?: number) =>
    call(server.url, 'POST', w.url, { token: tokens[w.userId], body: w.body, key: w.key, timeoutMs })
  const get = (userId: string, url: string) => ok(server.url, 'GET', url, { token: tokens[userId] })

  beforeAll(async () => {
    if (!enabled) return
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-crash-'))
    let seeding: SqlDriver
    if (onPostgres) {
      const db = await newPostgresDatabase()
      dropDb = db.drop
      databaseUrl = db.url
      driver = await postgresDriver(db.url, { max: 2 })
      seeding = driver
    } else {
      seeding = await pgliteDriver(path.join(dataDir, 'pg'))
    }
    const backend = await seedAt(seeding)
    // A walk service at 1 yuan with 16 slots a day: 112 distinct slots over the next 7 days.
    await backend.arrange('care_services', [{ id: 'cs-xs-walk', priceFen: PRICE, slotTimes: TIMES, capacity: 3 }])
    if (!onPostgres) await seeding.close()
    server = await start()
    for (const userId of [HOLDER, VOTER]) tokens[userId] = await login(server.url, userId)
    await ok(server.url, 'POST', '/api/me/privacy', { token: tokens[VOTER], body: { accepted: true } })
  })

  afterAll(async () => {
    await stopAllServers()
    await driver?.close()
    await dropDb?.()
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
  })

  const maybe = enabled ? it : it.skip
  maybe(`is killed at ${MOMENTS} seeded moments; no acknowledged write is lost, none is applied twice`, async () => {
    const random = generator(SEED + (onPostgres ? 0 : 1))
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(random() * xs.length)]
    const voterName = PEOPLE.find((p) => `u-${p.key}` === VOTER)!.name
    const slots = Array.from({ length: 7 * TIMES.length }, (_, i) => {
      return `cs-xs-walk@${addDays(beijingDate(T0), 1 + Math.floor(i / TIMES.length))}T${TIMES[i % TIMES.length]}`
    })

    const card0 = await get(HOLDER, '/api/care-card')
    const log0 = await get(VOTER, `/api/elevator/petitions/${PETITION}/audit-log?limit=1`)
    expect(card0.balanceFen).toBeGreaterThanOrEqual(slots.length * PRICE)

    /** Every write applied so far (acknowledged), by key. */
    const acked = new Map<string, Outcome>()
    const bookedOrders = new Map<string, string>() // booking key → order id
    const cancelled = new Set<string>() // booking keys whose cancel was acknowledged
    let nextSlot = 0
    let writeNo = 0
    const figures: string[] = []

    const plan = (cycle: number): Write => {
      const key = `crash-${cycle}-${writeNo++}`
      const open = [...bookedOrders.keys()].filter(
        (k) => !cancelled.has(k) && ![...acked.values(), ...pending.values()].some((o) => o.write.orderKey === k),
      )
      const r = random()
      if (r < 0.2 && open.length) {
        const orderKey = pick(open)
        return {
          kind: 'cancel',
          userId: HOLDER,
          url: `/api/care-card/orders/${bookedOrders.get(orderKey)}/cancel`,
          key,
          orderKey,
        }
      }
      if (r < 0.55) {
        return {
          kind: 'ballot',
          userId: VOTER,
          url: `/api/elevator/petitions/${PETITION}/ballots`,
          body: {
            householdId: HOUSEHOLD,
            choice: pick(['agree', 'oppose', 'abstain']),
            signature: { kind: 'typed-name', name: voterName },
          },
          key,
        }
      }
      return { kind: 'book', userId: HOLDER, url: '/api/care-card/orders', body: { slotId: slots[nextSlot++] }, key }
    }
    const pending = new Map<string, Outcome>()
    const record = (o: Outcome) => {
      acked.set(o.write.key, o)
      pending.delete(o.write.key)
      if (o.write.kind === 'book') bookedOrders.set(o.write.key, o.reply!.body.id)
      if (o.write.kind === 'cancel') cancelled.add(o.write.orderKey!)
    }

    for (let cycle = 0; cycle < MOMENTS; cycle++) {
      const cycleAt = Date.now()
      // The burst: IN_FLIGHT workers send BURST planned writes until the server is killed.
      const killAfter = 2 + Math.floor(random() * 18)
      const killDelayMs = Math.floor(random() * 15)
      let acks = 0
      let refused = 0
      let killed = false
      let kill: Promise<void> | undefined
      let sent = 0
      const worker = async () => {
        while (!killed && sent < BURST) {
          sent++
          const w = plan(cycle)
          const o: Outcome = { write: w }
          pending.set(w.key, o)
          try {
            const reply = await send(w, 20_000)
            if (reply.status !== 200) {
              refused++ // not applied (the transaction rolled back): sent again below
              continue
            }
            o.reply = reply
            record(o)
            if (++acks === killAfter)
              kill = new Promise((r) => setTimeout(r, killDelayMs)).then(() => {
                killed = true
                return server.kill('SIGKILL')
              })
          } catch {
            // The connection broke (killed): the outcome is unknown.
          }
        }
      }
      await Promise.all(Array.from({ length: IN_FLIGHT }, worker))
      expect(kill).toBeDefined()
      await kill
      const lost = [...pending.values()]
      const restartAt = Date.now()
      server = await start()
      const restartMs = Date.now() - restartAt

      // Every acknowledged write is there, and its key answers the same again.
      const statusOf = new Map<string, string>()
      for (let cursor: string | null = '0'; cursor !== null;) {
        const page = await get(HOLDER, `/api/care-card/orders?limit=50&cursor=${cursor}`)
        for (const o of page.items as { id: string; status: string }[]) statusOf.set(o.id, o.status)
        cursor = page.nextCursor
      }
      for (const [key, orderId] of bookedOrders)
        expect({ key, status: statusOf.get(orderId) }).toEqual({
          key,
          status: cancelled.has(key) ? 'cancelled' : 'booked',
        })
      const receipts = [...acked.values()]
        .filter((o) => o.write.kind === 'ballot')
        .map((o) => o.reply!.body.receipt as { seq: number; hash: string })
      const verify = await ok(server.url, 'POST', `/api/elevator/petitions/${PETITION}/audit-log/verify`, {
        token: tokens[VOTER],
        body: { receipts },
      })
      expect(verify.check).toEqual({ ok: true })
      for (const o of [...acked.values()].filter((a) => a.write.key.startsWith(`crash-${cycle}-`))) {
        const again = await send(o.write)
        expect({ key: o.write.key, status: again.status, replayed: again.replayed, body: again.body }).toEqual({
          key: o.write.key,
          status: 200,
          replayed: true,
          body: o.reply!.body,
        })
      }

      // The writes whose answer was lost, sent again with their keys: each applies exactly once.
      let replayed = 0
      for (const o of lost) {
        const reply = await send(o.write)
        expect({ key: o.write.key, status: reply.status, code: reply.body?.code }).toEqual({
          key: o.write.key,
          status: 200,
          code: undefined,
        })
        if (reply.replayed) replayed++
        o.reply = reply
        record(o)
      }
      figures.push(
        `kill ${cycle + 1} after ack ${killAfter} + ${killDelayMs} ms: ${acks} acknowledged, ${refused} refused, ${lost.length - refused} unanswered (${replayed} had committed); restart ${restartMs} ms, cycle ${Date.now() - cycleAt} ms`,
      )

      // Totals: what the acknowledged writes add up to, counted once.
      const live = [...bookedOrders.keys()].filter((k) => !cancelled.has(k)).length
      const card = await get(HOLDER, '/api/care-card')
      expect({ heldFen: card.heldFen, balanceFen: card.balanceFen }).toEqual({
        heldFen: card0.heldFen + live * PRICE,
        balanceFen: card0.balanceFen - live * PRICE,
      })
      const ballots = [...acked.values()]
        .filter((o) => o.write.kind === 'ballot')
        .reduce((n, o) => n + (o.reply!.body.households as unknown[]).length, 0)
      const log = await get(VOTER, `/api/elevator/petitions/${PETITION}/audit-log?limit=1`)
      expect(log.total).toBe(log0.total + ballots)
      if (driver) expect(await invariantViolations(driver)).toEqual([])
    }

    // Every write planned was sent and is now acknowledged exactly once.
    expect(pending.size).toBe(0)
    expect(acked.size).toBe(writeNo)
    if (!driver) {
      await server.kill('SIGTERM')
      const folder = await pgliteDriver(path.join(dataDir, 'pg'))
      try {
        expect(await invariantViolations(folder)).toEqual([])
      } finally {
        await folder.close()
      }
    }
    console.log(`${name}, seed ${SEED}: ${writeNo} writes\n  ${figures.join('\n  ')}`)
  })
})
