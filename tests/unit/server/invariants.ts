/**
 * The invariants the database must keep whatever requests ran, crashed or raced, checked on the
 * database itself: SQL over the tables, and the domain's own replay (care ledger) and chain check
 * (ballot log) over rows read through the SQL store in the app's shapes.
 * - youth palace: a course's seats taken (admitted + confirmed) ≤ its capacity; a child holds at most
 *   one place per course;
 * - care card: every card's ledger replays without error, its seq runs 0, 1, 2… and its balance,
 *   computed in SQL as issued − lapsed − open holds − charged + refunded, equals the replay's and is
 *   ≥ 0; every order has exactly one hold of its price, settled as its status says (booked: open;
 *   cancelled: released; delivered or rated: charged); every hold, release and charge names an order of
 *   its card; a slot's live orders ≤ the service's capacity;
 * - elevator: each petition's log is one unbroken hash chain (`verifyChain`), and every entry has its
 *   signature record (same petition, seq and household);
 * - idempotency: one record per (user, key), keyed `<user>:<key>`.
 */
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'
import type { Backend } from '@/backend'
import type { Tx } from '@/backend/core/router'
import { entryOf } from '@/backend/features/elevator/views'
import { verifyChain } from '@/domain/elevator/auditLog'
import { checkInvariant, summarize } from '@/domain/care-card/ledger'
import { SEAT_HOLDING, PLACE_HOLDING } from '@/domain/youth-palace/types'

type Row = Record<string, unknown>

async function rows(driver: SqlDriver, sql: string, params: unknown[] = []): Promise<Row[]> {
  return driver.withConnection(async (c) => (await c.query(sql, params)).rows)
}

/** Reads through the feature repositories (rows in the app's shapes) in one transaction. */
async function read<T>(driver: SqlDriver, work: (tx: Tx) => Promise<T>): Promise<T> {
  const backend: Backend = await createSqlBackend({ driver, blobs: memoryBlobStore(), seedWhenEmpty: false })
  return backend.store.transaction((t) => work(backend.txOf(t)))
}

async function seatViolations(driver: SqlDriver): Promise<string[]> {
  const out: string[] = []
  for (const r of await rows(
    driver,
    `SELECT c.id, c.capacity, count(e.id) FILTER (WHERE e.status = ANY($1::text[]))::int AS taken
       FROM yp_courses c LEFT JOIN yp_enrollments e ON e.course_id = c.id GROUP BY c.id, c.capacity`,
    [SEAT_HOLDING],
  )) {
    if (Number(r.taken) > Number(r.capacity)) out.push(`course ${r.id}: ${r.taken} seats taken of ${r.capacity}`)
  }
  for (const r of await rows(
    driver,
    `SELECT child_id, course_id, count(*)::int AS n FROM yp_enrollments WHERE status = ANY($1::text[])
       GROUP BY child_id, course_id HAVING count(*) > 1`,
    [PLACE_HOLDING],
  )) {
    out.push(`child ${r.child_id} holds ${r.n} places in course ${r.course_id}`)
  }
  return out
}

async function careViolations(driver: SqlDriver): Promise<string[]> {
  const out: string[] = []
  const cards = await rows(
    driver,
    `SELECT c.id, count(l.id)::int AS n, coalesce(min(l.seq), 0)::int AS lo, coalesce(max(l.seq), -1)::int AS hi,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'issue'), 0)::int AS issued,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'lapse'), 0)::int AS lapsed,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'charge'), 0)::int AS charged,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'refund'), 0)::int AS refunded,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'hold' AND NOT EXISTS (
              SELECT 1 FROM care_ledger_entries s WHERE s.card_id = l.card_id AND s.order_id = l.order_id
                AND s.kind IN ('release', 'charge'))), 0)::int AS open_held
       FROM care_cards c LEFT JOIN care_ledger_entries l ON l.card_id = c.id GROUP BY c.id`,
  )
  const ledgers = await read(driver, async (tx) => {
    const m = new Map<string, Awaited<ReturnType<Tx['careCard']['ledgerOf']>>>()
    for (const c of cards) m.set(String(c.id), await tx.careCard.ledgerOf(String(c.id)))
    return m
  })
  for (const c of cards) {
    const id = String(c.id)
    if (Number(c.n) > 0 && (Number(c.lo) !== 0 || Number(c.hi) !== Number(c.n) - 1))
      out.push(`card ${id}: ledger seq ${c.lo}..${c.hi} for ${c.n} entries`)
    const entries = ledgers.get(id)!
    if (!checkInvariant(entries)) {
      out.push(`card ${id}: the ledger does not replay or does not add up`)
      continue
    }
    const sqlBalance =
      Number(c.issued) - Number(c.lapsed) - Number(c.open_held) - Number(c.charged) + Number(c.refunded)
    const balance = summarize(entries).balanceFen
    if (sqlBalance !== balance || balance < 0)
      out.push(`card ${id}: balance ${balance} by the ledger, ${sqlBalance} by the SQL sums`)
  }
  for (const o of await rows(
    driver,
    `SELECT o.id, o.status, o.price_fen,
            count(l.id) FILTER (WHERE l.kind = 'hold')::int AS holds,
            coalesce(sum(l.amount_fen) FILTER (WHERE l.kind = 'hold'), 0)::int AS held,
            count(l.id) FILTER (WHERE l.kind = 'release')::int AS releases,
            count(l.id) FILTER (WHERE l.kind = 'charge')::int AS charges
       FROM care_orders o LEFT JOIN care_ledger_entries l ON l.order_id = o.id AND l.card_id = o.card_id
       GROUP BY o.id, o.status, o.price_fen`,
  )) {
    const settled = { releases: Number(o.releases), charges: Number(o.charges) }
    const expected =
      o.status === 'booked'
        ? { releases: 0, charges: 0 }
        : o.status === 'cancelled'
          ? { releases: 1, charges: 0 }
          : { releases: 0, charges: 1 }
    if (Number(o.holds) !== 1 || Number(o.held) !== Number(o.price_fen))
      out.push(`order ${o.id}: ${o.holds} holds of ${o.held} fen for a price of ${o.price_fen}`)
    else if (settled.releases !== expected.releases || settled.charges !== expected.charges)
      out.push(`order ${o.id} (${o.status}): ${settled.releases} releases, ${settled.charges} charges`)
  }
  for (const l of await rows(
    driver,
    `SELECT l.id, l.kind FROM care_ledger_entries l LEFT JOIN care_orders o ON o.id = l.order_id AND o.card_id = l.card_id
      WHERE l.order_id IS NOT NULL AND o.id IS NULL`,
  )) {
    out.push(`ledger entry ${l.id} (${l.kind}) names no order of its card`)
  }
  for (const s of await rows(
    driver,
    `SELECT o.slot_id, count(*)::int AS n, max(s.capacity)::int AS capacity
       FROM care_orders o JOIN care_services s ON s.id = o.service_id WHERE o.status <> 'cancelled'
       GROUP BY o.slot_id HAVING count(*) > max(s.capacity)`,
  )) {
    out.push(`slot ${s.slot_id}: ${s.n} live orders for ${s.capacity} places`)
  }
  return out
}

async function elevatorViolations(driver: SqlDriver): Promise<string[]> {
  const out: string[] = []
  const petitions = (await rows(driver, 'SELECT id FROM elevator_petitions')).map((r) => String(r.id))
  const logs = await read(driver, async (tx) => {
    const m = new Map<string, Awaited<ReturnType<Tx['elevator']['logOf']>>>()
    for (const p of petitions) m.set(p, await tx.elevator.logOf(p))
    return m
  })
  for (const [p, log] of logs) {
    const check = verifyChain(log.map(entryOf))
    if (!check.ok) out.push(`petition ${p}: ballot log broken at ${check.brokenAt} (${check.reason})`)
  }
  for (const e of await rows(
    driver,
    `SELECT l.id FROM elevator_log l LEFT JOIN elevator_ballot_signatures s
         ON s.id = l.id AND s.petition_id = l.petition_id AND s.seq = l.seq AND s.household_id = l.household_id
      WHERE s.id IS NULL`,
  )) {
    out.push(`ballot ${e.id} has no signature record`)
  }
  return out
}

async function idempotencyViolations(driver: SqlDriver): Promise<string[]> {
  return (
    await rows(
      driver,
      `SELECT user_id, key, count(*)::int AS n, bool_and(id = user_id || ':' || key) AS keyed
         FROM idempotency GROUP BY user_id, key HAVING count(*) > 1 OR NOT bool_and(id = user_id || ':' || key)`,
    )
  ).map((r) => `idempotency key ${r.user_id}:${r.key}: ${r.n} records${r.keyed ? '' : ', wrongly keyed'}`)
}

/**
 * Every invariant of the file header on the database behind `driver`. Returns one plain line per
 * violation (empty when all hold), so a test can show them all at once.
 */
export async function invariantViolations(driver: SqlDriver): Promise<string[]> {
  return [
    ...(await seatViolations(driver)),
    ...(await careViolations(driver)),
    ...(await elevatorViolations(driver)),
    ...(await idempotencyViolations(driver)),
  ]
}

/** A course's capacity, seats taken (admitted + confirmed) and confirmed enrollments. */
export async function seatsOf(
  driver: SqlDriver,
  courseId: string,
): Promise<{ capacity: number; taken: number; confirmed: number }> {
  const [r] = await rows(
    driver,
    `SELECT c.capacity::int AS capacity,
            count(e.id) FILTER (WHERE e.status = ANY($2::text[]))::int AS taken,
            count(e.id) FILTER (WHERE e.status = 'confirmed')::int AS confirmed
       FROM yp_courses c LEFT JOIN yp_enrollments e ON e.course_id = c.id WHERE c.id = $1 GROUP BY c.id`,
    [courseId, SEAT_HOLDING],
  )
  return { capacity: Number(r.capacity), taken: Number(r.taken), confirmed: Number(r.confirmed) }
}

/** A card's balance and held amount (fen) by the domain's replay of its ledger. */
export async function cardBalance(driver: SqlDriver, cardId: string): Promise<{ balanceFen: number; heldFen: number }> {
  const { balanceFen, heldFen } = summarize(await read(driver, (tx) => tx.careCard.ledgerOf(cardId)))
  return { balanceFen, heldFen }
}

/** Each household's current ballot on a petition: its latest log entry's seq, hash and choice. */
export async function currentBallots(
  driver: SqlDriver,
  petitionId: string,
): Promise<Map<string, { seq: number; hash: string; choice: string }>> {
  const log = await read(driver, (tx) => tx.elevator.logOf(petitionId))
  return new Map(log.map((e) => [e.householdId, { seq: e.seq, hash: e.hash, choice: e.choice }]))
}

/** Runs a query on the test database (lookups of the tests' acknowledged writes). */
export const query = rows
