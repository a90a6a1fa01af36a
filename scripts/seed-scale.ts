/**
 * `npm run seed:scale -- [--records 100000] [--database-url postgres://…]`: a large database for
 * the scale checks, by copying the demo seed (every community, person, card, course, petition…)
 * with fresh ids (each copy's references following its own ids), plus 30 more residents per
 * community copy (not real-name bound) and 2 messages per person, until about `records` rows.
 * Without `--database-url` it prints the table sizes it would write.
 */
import { seedRows, TABLES } from '@/backend'
import type { Rows } from '@/backend/core/data/store'
import { beijingIso } from '@/domain/shared/time'

type Row = Record<string, unknown>

/** The demo seed copied `copies` times (copy 0 is the seed itself), with 3 extra messages per person. */
export function scaledRows(records: number, nowIso = beijingIso(Date.now())): Rows {
  const seed = seedRows(nowIso)
  const keys = new Set<string>()
  for (const spec of TABLES)
    for (const r of (seed[spec.name] ?? []) as Row[]) if (spec.name !== 'settings') keys.add(String(r[spec.key]))
  const perCopy = Object.entries(seed).reduce((n, [name, rows]) => n + (name === 'settings' ? 0 : rows.length), 0)
  const users = (seed.users ?? []) as Row[]
  const communities = (seed.communities ?? []) as Row[]
  const extraPerCopy = 30
  const copies = Math.max(1, Math.ceil(records / (perCopy + extraPerCopy + (users.length + extraPerCopy) * 2)))
  const out: Record<string, Row[]> = Object.fromEntries(
    Object.entries(seed).map(([n, rows]) => [n, [...(rows as Row[])]]),
  )
  const rename = (value: unknown, i: number): unknown => {
    if (typeof value === 'string') return keys.has(value) ? `${value}~${i}` : value
    if (Array.isArray(value)) return value.map((v) => rename(v, i))
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rename(v, i)]))
    return value
  }
  for (let i = 1; i < copies; i++) {
    for (const [name, rows] of Object.entries(seed)) {
      if (name === 'settings') continue
      for (const r of rows as Row[]) {
        const copy = rename(r, i) as Row
        // Only the demo's own people are login personas (rank below 1000).
        if (name === 'users') copy.rank = 1000 + Number(r.rank)
        out[name].push(copy)
      }
    }
  }
  // More residents per community copy, and a realistic inbox per person.
  for (let i = 0; i < copies; i++) {
    const ids = users.map((u) => (i === 0 ? String(u.id) : `${u.id}~${i}`))
    for (let n = 0; n < extraPerCopy; n++) {
      const id = `u-scale-${i}-${n}`
      const community = communities[n % communities.length]
      out.users.push({
        id,
        nickname: `微信用户${n}`,
        persona: '居民',
        rank: 1000 + n,
        communityId: i === 0 ? community.id : `${community.id}~${i}`,
        role: 'resident',
        createdAt: nowIso,
      })
      ids.push(id)
    }
    for (const userId of ids) {
      for (let m = 0; m < 2; m++) {
        out.messages.push({
          id: `m-scale-${i}-${userId}-${m}`,
          userId,
          title: '社区通知',
          body: `第 ${m + 1} 条通知`,
          createdAt: nowIso,
        })
      }
    }
  }
  return out
}

if (require.main === module) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(`--${name}`)
    return i > 0 ? process.argv[i + 1] : undefined
  }
  const records = Number(arg('records') ?? 100_000)
  const rows = scaledRows(records)
  const sizes = Object.entries(rows)
    .map(([n, r]) => [n, r.length] as const)
    .sort((a, b) => b[1] - a[1])
  console.log(`about ${records} records: ${sizes.reduce((n, [, c]) => n + c, 0)} rows`)
  for (const [n, c] of sizes) console.log(`  ${n.padEnd(28)} ${c}`)
  const url = arg('database-url')
  if (url) {
    ;(async () => {
      const { postgresDriver } = await import('@/server/drivers')
      const { migrate } = await import('@/server/migrate')
      const { SqlStore } = await import('@/server/sql-store')
      const { memoryBlobStore } = await import('@/server/blobs')
      const driver = await postgresDriver(url)
      await migrate(driver)
      await new SqlStore(driver, TABLES, memoryBlobStore()).reset(rows)
      await driver.withConnection((c) => c.query('ANALYZE'))
      await driver.close()
      console.log(`seeded ${url.replace(/:[^:@/]*@/, ':***@')}`)
    })().catch((e) => {
      console.error(e)
      process.exit(1)
    })
  }
}
