/** @jest-environment node */
/**
 * No table is read whole: on a PostgreSQL database of about 100,000 records (`scaledRows` of
 * scripts/seed-district.ts), every GET route for several personas and the main writes leave no
 * sequential scan on any table of over 10,000 rows (`pg_stat_user_tables`). Needs PostgreSQL
 * (`MC_PG_URL`, set by `npm test`).
 */
import { ROUTES, TABLES } from '@/backend'
import type { Method } from '@/backend/core/http'
import { fixedClock } from '@/backend/core/clock'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { beijingIso } from '@/domain/shared/time'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import { postgresDriver, type SqlDriver } from '@/server/drivers'
import { migrate } from '@/server/migrate'
import { SqlStore } from '@/server/sql-store'
import { scaledRows } from '../../../scripts/seed-district'

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0) // 2026-03-02 10:00 Beijing
const BIG = 10_000
const pgUrl = process.env.MC_PG_URL
const describeOnPg = pgUrl ? describe : describe.skip
jest.setTimeout(300_000)

describeOnPg('no table of over 10,000 rows is scanned whole (PostgreSQL, ~100k records)', () => {
  let url: string
  let name: string
  beforeAll(async () => {
    name = `mc_scale_${process.pid}_${Math.floor(Math.random() * 1e9)}`
    const root = await postgresDriver(pgUrl!, { max: 1 })
    await root.withConnection((c) => c.query(`CREATE DATABASE ${name}`))
    await root.close()
    const u = new URL(pgUrl!)
    u.pathname = `/${name}`
    url = u.toString()
    const driver = await postgresDriver(url, { max: 2 })
    await migrate(driver)
    await new SqlStore(driver, TABLES, memoryBlobStore()).reset(scaledRows(100_000, beijingIso(T0)))
    await driver.withConnection((c) => c.query('ANALYZE'))
    await driver.close()
  })
  afterAll(async () => {
    const root = await postgresDriver(pgUrl!, { max: 1 })
    await root.withConnection((c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`))
    await root.close()
  })

  it('every GET route for six personas, and the main writes, use indexes on the big tables', async () => {
    const stats = async (d: SqlDriver) =>
      (
        await d.withConnection((c) =>
          c.query(
            `SELECT relname, n_live_tup::int AS rows, seq_scan::int AS seq, coalesce(idx_scan, 0)::int AS idx FROM pg_stat_user_tables`,
          ),
        )
      ).rows as { relname: string; rows: number; seq: number; idx: number }[]
    const admin = await postgresDriver(url, { max: 1 })
    const before = new Map((await stats(admin)).map((s) => [s.relname, s]))
    await admin.close()

    const driver = await postgresDriver(url, { max: 4 })
    const backend = await createSqlBackend({ driver, blobs: memoryBlobStore(), clock: fixedClock(T0) })
    const tokens: Record<string, string> = {}
    const call = async (userId: string, method: Method, path: string, body?: unknown, actingFor?: string) => {
      tokens[userId] ??= (
        (await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })).body as {
          token: string
        }
      ).token
      const headers: Record<string, string> = { authorization: `Bearer ${tokens[userId]}` }
      if (actingFor) headers['x-acting-for'] = actingFor
      return backend.handle({ method, url: path, headers, body })
    }
    // Writes: a family link, a booking, an application, a ballot, a window appointment, progress, reading a message.
    const idOf = (key: string) => idNumberOf(PEOPLE.find((p) => p.key === key)!)
    const link = (
      await call('u-li', 'POST', '/api/family-links', {
        principalName: '王秀英',
        principalIdNumber: idOf('wang'),
        relationship: '子女',
      })
    ).body as { id: string }
    const writes = [
      await call('u-wang', 'POST', `/api/family-links/${link.id}/confirm`),
      await call('u-xs0', 'POST', '/api/care-card/orders', { slotId: 'cs-xs-lunch@2026-03-05T11:00' }),
      await call('u-li', 'POST', '/api/one-thing/appointments', {
        eventId: 'retirement',
        hallId: 'hall-zh-district',
        date: '2026-03-03',
        slot: '09:00',
      }),
      await call('u-li', 'PUT', '/api/one-thing/progress/newborn', { answers: {}, ticked: [] }),
      await call('u-wang', 'POST', '/api/messages/m-welcome-u-wang/read'),
    ]
    expect(writes.map((w) => w.status)).toEqual([200, 200, 200, 200, 200])
    // Every GET route, path parameters from the first community's records.
    const ids: Record<string, string[]> = {
      applications: ['ca-seed-xs0'],
      orders: ['co-seed-1', 'co-seed-2'],
      services: ['cs-zpq-lunch'],
      images: [],
      children: ['ypk-chen-yue'],
      enrollments: [],
      courses: ['ypc-calligraphy', 'ypc-pottery'],
      terms: ['ypt-zpq-2026-spring'],
      petitions: ['ep-xs-5-2'],
      progress: ['newborn'],
      halls: ['hall-zh-district'],
    }
    let calls = 0
    for (const userId of ['u-wang', 'u-li', 'u-zhao', 'u-sun', 'u-chen', 'u-xs0']) {
      for (const r of ROUTES.filter((x) => x.method === 'GET' && x.access !== 'dev')) {
        let urls = ['']
        const parts = r.path.split('/').filter(Boolean)
        for (const [i, part] of parts.entries()) {
          const values = part.startsWith(':') ? (ids[parts[i - 1]] ?? []) : [part]
          urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`))
        }
        for (const u of urls) {
          await call(userId, 'GET', u)
          calls++
        }
      }
    }
    await driver.close() // backends flush their statistics as they end

    const check = await postgresDriver(url, { max: 1 })
    await new Promise((r) => setTimeout(r, 1500))
    const after = await stats(check)
    await check.close()
    const big = after.filter((s) => s.rows > BIG)
    const report = big.map(
      (s) =>
        `${s.relname}: ${s.rows} rows, seq ${s.seq - (before.get(s.relname)?.seq ?? 0)}, idx ${s.idx - (before.get(s.relname)?.idx ?? 0)}`,
    )
    console.log(`scale check: ${calls} GETs and 6 writes; tables over ${BIG} rows:\n  ${report.join('\n  ')}`)
    expect(big.map((s) => s.relname).sort()).toEqual(expect.arrayContaining(['messages', 'users']))
    expect(big.filter((s) => s.seq > (before.get(s.relname)?.seq ?? 0)).map((s) => s.relname)).toEqual([])
    expect(big.every((s) => s.idx > (before.get(s.relname)?.idx ?? 0))).toBe(true)
  })
})
