/** @jest-environment node */
/**
 * The SQL migrations agree with the table specs the code uses: every column with its type (text
 * COLLATE "C", so text sorts as in the in-app store) and an index for every lookup; and they apply from
 * empty, and from a database at the previous migration with data in it. (NOT NULL follows the row
 * types: `scripts/sql-draft.ts` writes it from them for a new migration.) Runs on PGlite (and on
 * PostgreSQL when `MC_PG_URL` is set).
 */
import { TABLES } from '@/backend'
import type { ColumnType, TableSpec } from '@/backend/core/data/spec'
import { pgliteDriver, type SqlDriver } from '@/server/drivers'
import { migrate, migrationFiles } from '@/server/migrate'
import { sqlColumns, sqlLookup } from '@/server/sealed-columns'
import { snake, SQL_TYPES } from '@/server/sql'
import { describeSql, sqlDatabases } from './databases'

jest.setTimeout(120_000)

const PG_TYPES: Record<ColumnType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  numeric: 'numeric',
  boolean: 'boolean',
  timestamptz: 'timestamp with time zone',
  date: 'date',
  jsonb: 'jsonb',
}

describeSql.each(sqlDatabases(2))('SQL schema on %s', (_kind, open) => {
  let db: SqlDriver
  beforeAll(async () => {
    db = await open()
    await migrate(db)
  })
  afterAll(() => db.close())
  const q = (text: string, params: unknown[] = []) => db.withConnection((c) => c.query(text, params))

  it('has every table of the specs with exactly their columns and types (text COLLATE "C")', async () => {
    const problems: string[] = []
    for (const spec of TABLES as unknown as TableSpec<Record<string, unknown>>[]) {
      const cols = (
        await q(
          `SELECT column_name, data_type, is_nullable, collation_name FROM information_schema.columns WHERE table_schema = 'public' AND table_name = $1`,
          [spec.name],
        )
      ).rows as { column_name: string; data_type: string; is_nullable: string; collation_name: string | null }[]
      if (!cols.length) problems.push(`${spec.name}: no such table`)
      const byName = new Map(cols.map((c) => [c.column_name, c]))
      // With a hash column beside each sealed (ID number) column.
      for (const [field, type] of Object.entries(sqlColumns(spec as TableSpec<never>))) {
        const c = byName.get(snake(field))
        if (!c) {
          problems.push(`${spec.name}.${snake(field)}: missing`)
          continue
        }
        byName.delete(snake(field))
        if (c.data_type !== PG_TYPES[type])
          problems.push(`${spec.name}.${c.column_name}: ${c.data_type}, spec says ${SQL_TYPES[type]}`)
        if (type === 'text' && c.collation_name !== 'C')
          problems.push(`${spec.name}.${c.column_name}: collation ${c.collation_name}, not "C"`)
      }
      for (const extra of byName.keys()) problems.push(`${spec.name}.${extra}: not in the spec`)
    }
    expect(problems).toEqual([])
  })

  it('backs every lookup with an index whose leading columns are the lookup', async () => {
    const indexes = (
      await q(`
        SELECT t.relname AS table, array_agg(a.attname::text ORDER BY k.n) AS cols
        FROM pg_index i
        JOIN pg_class t ON t.oid = i.indrelid
        JOIN pg_namespace ns ON ns.oid = t.relnamespace AND ns.nspname = 'public'
        CROSS JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, n)
        JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
        GROUP BY i.indexrelid, t.relname`)
    ).rows as { table: string; cols: string[] }[]
    const missing: string[] = []
    for (const spec of TABLES as unknown as TableSpec<Record<string, unknown>>[]) {
      for (const lookup of spec.lookups) {
        const want = sqlLookup(spec as TableSpec<never>, lookup).map(snake)
        const ok = indexes.some((ix) => ix.table === spec.name && want.every((c, i) => ix.cols[i] === c))
        if (!ok) missing.push(`${spec.name} (${want.join(', ')})`)
      }
    }
    expect(missing).toEqual([])
  })

  it('records every migration file once, in order', async () => {
    const versions = (await q('SELECT version FROM schema_migrations ORDER BY version')).rows.map((r) =>
      Number(r.version),
    )
    expect(versions).toEqual(migrationFiles().map((m) => m.version))
    expect(await migrate(db)).toEqual([])
  })
})

describeSql('SQL migrations on PGlite from the previous version', () => {
  it('applies the last migration to a database holding data at the one before', async () => {
    const db = await pgliteDriver('memory://')
    const files = migrationFiles()
    const last = files[files.length - 1].version
    await migrate(db, { upTo: last - 1 })
    await db.withConnection(async (c) => {
      await c.query(
        `INSERT INTO communities (id, name, city, district, street, grid_worker) VALUES ('c-x', '测试社区', '宁波市', '镇海区', '招宝山街道', '{}')`,
      )
      await c.query(`INSERT INTO buildings (id, community_id, name, storeys) VALUES ('b-x', 'c-x', '1幢', 6)`)
      await c.query(
        `INSERT INTO units (id, building_id, community_id, name, storeys) VALUES ('u-x', 'b-x', 'c-x', '1单元', 6)`,
      )
    })
    expect(await migrate(db)).toEqual([last])
    const units = (await db.withConnection((c) => c.query('SELECT id FROM units'))).rows
    expect(units).toEqual([{ id: 'u-x' }])
    await db.close()
  })
})
