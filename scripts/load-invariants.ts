/**
 * What must hold in the database after a load (`npm run load`), checked in SQL over the whole database:
 * no first-come course holds more admitted and confirmed places than its capacity, no child holds two
 * running applications to one course or more than 2 courses a term, no care slot holds more bookings
 * than its service's capacity, no holder books one slot twice, every booking froze its price exactly
 * once, and every petition's ballot log is one unbroken hash chain (seq 1…n, each entry's `prev_hash`
 * the previous entry's `hash`) with one signature row per entry. Plus the accounting of a run: every
 * record a 2xx answer named exists, and there are no more records than 2xx answers (nothing lost,
 * nothing doubled).
 */
import type { SqlDriver } from '@/server/drivers'

/** One invariant: its name and the rows that break it (at most 5 shown). */
export interface InvariantResult {
  name: string
  violations: number
  examples: Record<string, unknown>[]
}

const CHECKS: { name: string; sql: string }[] = [
  {
    name: 'first-come course oversold',
    sql: `SELECT c.id, c.capacity, count(e.id)::int AS taken FROM yp_courses c
      JOIN yp_enrollments e ON e.course_id = c.id AND e.status IN ('admitted', 'confirmed')
      WHERE c.admission = 'firstCome' GROUP BY c.id, c.capacity HAVING count(e.id) > c.capacity`,
  },
  {
    name: 'child applied twice to a course',
    sql: `SELECT child_id, course_id, count(*)::int AS n FROM yp_enrollments
      WHERE status IN ('pending', 'admitted', 'waitlisted', 'confirmed') GROUP BY child_id, course_id HAVING count(*) > 1`,
  },
  {
    name: 'child over 2 courses a term',
    sql: `SELECT child_id, term_id, count(*)::int AS n FROM yp_enrollments
      WHERE status IN ('pending', 'admitted', 'waitlisted', 'confirmed') GROUP BY child_id, term_id HAVING count(*) > 2`,
  },
  {
    name: 'care slot overbooked',
    sql: `SELECT o.slot_id, s.capacity, count(*)::int AS taken FROM care_orders o JOIN care_services s ON s.id = o.service_id
      WHERE o.status <> 'cancelled' GROUP BY o.slot_id, s.capacity HAVING count(*) > s.capacity`,
  },
  {
    name: 'holder booked a slot twice',
    sql: `SELECT holder_id, slot_id, count(*)::int AS n FROM care_orders WHERE status <> 'cancelled'
      GROUP BY holder_id, slot_id HAVING count(*) > 1`,
  },
  {
    name: 'booking without exactly one hold',
    sql: `SELECT o.id, count(l.id)::int AS holds FROM care_orders o
      LEFT JOIN care_ledger_entries l ON l.order_id = o.id AND l.kind = 'hold' GROUP BY o.id HAVING count(l.id) <> 1`,
  },
  {
    name: 'ballot log not 1…n',
    sql: `SELECT petition_id, count(*)::int AS n, min(seq) AS first, max(seq) AS last FROM elevator_log
      GROUP BY petition_id HAVING min(seq) <> 1 OR max(seq) <> count(*)`,
  },
  {
    name: 'ballot hash chain broken',
    sql: `SELECT a.id FROM elevator_log a JOIN elevator_log b ON b.petition_id = a.petition_id AND b.seq = a.seq - 1
      WHERE a.prev_hash <> b.hash`,
  },
  {
    name: 'ballot without its signature row',
    sql: `SELECT l.id FROM elevator_log l LEFT JOIN elevator_ballot_signatures s ON s.id = l.id WHERE s.id IS NULL`,
  },
]

/** Runs every check; an empty `violations` everywhere means the database is consistent. */
export async function checkInvariants(driver: SqlDriver): Promise<InvariantResult[]> {
  return driver.withConnection(async (c) => {
    const out: InvariantResult[] = []
    for (const check of CHECKS) {
      const { rows } = await c.query(check.sql)
      out.push({ name: check.name, violations: rows.length, examples: rows.slice(0, 5) })
    }
    return out
  })
}

/**
 * The accounting of a run over `table`: `okIds`, the ids that 2xx answers named (one per request, a
 * retried request counted once); `before`, the table's rows before the run. Lost: ids answered but not
 * stored; doubled: rows stored beyond the answers.
 */
export async function checkAccounting(
  driver: SqlDriver,
  table: 'yp_enrollments' | 'care_orders' | 'elevator_log',
  okIds: readonly string[],
  okAnswers: number,
  before: number,
): Promise<InvariantResult[]> {
  return driver.withConnection(async (c) => {
    const found = okIds.length
      ? (await c.query(`SELECT id FROM ${table} WHERE id = ANY($1::text[])`, [[...okIds]])).rows.map((r) =>
          String(r.id),
        )
      : []
    const have = new Set(found)
    const lost = okIds.filter((id) => !have.has(id))
    const total = Number((await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n)
    const stored = total - before
    return [
      {
        name: `${table}: answered but not stored`,
        violations: lost.length,
        examples: lost.slice(0, 5).map((id) => ({ id })),
      },
      {
        name: `${table}: rows added ≠ 2xx answers`,
        violations: Math.abs(stored - okAnswers),
        examples: stored === okAnswers ? [] : [{ stored, answers: okAnswers }],
      },
    ]
  })
}

/** Rows of `table` now. */
export async function countRows(driver: SqlDriver, table: string): Promise<number> {
  return driver.withConnection(async (c) =>
    Number((await c.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n),
  )
}
