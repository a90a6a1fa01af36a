/** @jest-environment node */
/**
 * The district generator of `npm run seed:district` and the load's invariant checker (scripts/): the
 * generated shapes hold together (references, ages, tiers, an open term), and the checker finds an
 * oversold course and a broken ballot chain, and nothing in a freshly seeded district (PGlite, when
 * the SQL tests run).
 */
import { TABLES } from '@/backend'
import { memoryBlobStore } from '@/server/blobs'
import { pgliteDriver } from '@/server/drivers'
import { migrate } from '@/server/migrate'
import { SqlStore } from '@/server/sql-store'
import { checkInvariants } from '../../../scripts/load-invariants'
import { districtRows } from '../../../scripts/seed-district'
import { describeSql } from './databases'

type Row = Record<string, unknown>
const NOW = '2026-12-07T09:00:00+08:00'
const { rows, plan } = districtRows({ communities: 2, residents: 400, nowIso: NOW })
const t = rows as Record<string, Row[]>
jest.setTimeout(120_000)

describe('districtRows', () => {
  it('makes the people asked for, spread over the communities, the same for the same seed', () => {
    const residents = t.users.filter((u) => u.role === 'resident').length + t.yp_children.length
    expect(residents).toBe(400)
    expect(t.communities.map((c) => c.id)).toEqual(['c-d0', 'c-d1'])
    expect(districtRows({ communities: 2, residents: 400, nowIso: NOW }).rows).toEqual(rows)
  })

  it('keeps its references: bindings to rooms, children to parents, cards to holders, courses to open terms', () => {
    const ids = (table: string, key = 'id') => new Set(t[table].map((r) => r[key]))
    const rooms = ids('rooms')
    const users = ids('users')
    expect(t.room_bindings.filter((b) => !rooms.has(b.roomId) || !users.has(b.userId))).toEqual([])
    expect(t.yp_children.filter((k) => !users.has(k.parentId))).toEqual([])
    expect(t.care_cards.filter((c) => !users.has(c.holderId))).toEqual([])
    for (const spec of TABLES) expect(ids(spec.name, spec.key).size).toBe(t[spec.name].length)
    expect(t.yp_terms.map((x) => x.status)).toEqual(['open', 'open'])
    expect(new Set(t.yp_courses.map((c) => c.admission))).toEqual(new Set(['lottery', 'firstCome']))
  })

  it('has owners of two flats, children from 3 to 17, and cards at every tier', () => {
    const flats = new Map<unknown, number>()
    for (const b of t.room_bindings) if (b.role === 'owner') flats.set(b.userId, (flats.get(b.userId) ?? 0) + 1)
    expect(Math.max(...flats.values())).toBe(2)
    const ages = plan.parents.flatMap((p) => p.children.map((k) => k.age))
    expect([Math.min(...ages) >= 3, Math.max(...ages) <= 17, new Set(ages).size > 8]).toEqual([true, true, true])
    const tiers = new Set(t.care_cards.map((c) => JSON.stringify(c.groups)))
    expect(tiers.size).toBeGreaterThanOrEqual(4)
    expect(plan.voters.length).toBeGreaterThan(0)
  })
})

describeSql('the load invariants (PGlite)', () => {
  it('hold on a fresh district, and catch an oversold course and a broken ballot chain', async () => {
    const driver = await pgliteDriver('memory://')
    try {
      await migrate(driver)
      await new SqlStore(driver, TABLES, memoryBlobStore()).reset(rows)
      const broken = async () =>
        Object.fromEntries(
          (await checkInvariants(driver)).filter((c) => c.violations).map((c) => [c.name, c.violations]),
        )
      expect(await broken()).toEqual({})
      const course = t.yp_courses.find((c) => c.admission === 'firstCome')!
      const parent = plan.parents[0].userId
      await driver.withConnection(async (c) => {
        for (let i = 0; i <= Number(course.capacity); i++)
          await c.query(
            `INSERT INTO yp_enrollments (id, child_id, course_id, term_id, parent_id, status, source, applied_at, updated_at, checkin_salt)
             VALUES ($1, $2, $3, $4, $5, 'confirmed', 'apply', now(), now(), 's')`,
            [`ype-x${i}`, `ypk-x${i}`, course.id, course.termId, parent],
          )
        const petition = t.elevator_petitions[0].id
        for (const [seq, prev, hash] of [
          [1, '0', 'a'],
          [2, 'b', 'c'],
        ])
          await c.query(
            `INSERT INTO elevator_log (id, petition_id, seq, at, household_id, actor, channel, choice, signature_kind, prev_hash, hash)
             VALUES ($1, $2, $3, now(), 'r', 'u', 'app', 'agree', 'typed-name', $4, $5)`,
            [`${petition}:${seq}`, petition, seq, prev, hash],
          )
      })
      expect(await broken()).toEqual({
        'first-come course oversold': 1,
        'ballot hash chain broken': 1,
        'ballot without its signature row': 2,
      })
    } finally {
      await driver.close()
    }
  })
})
