/** @jest-environment node */
/**
 * `npm run db:backup` and `npm run db:restore` lose nothing: a seeded database is backed up, restored
 * into an empty one, and every table's rows (`schema_migrations` included) compare equal — on PGlite
 * (JSON dump) always, on PostgreSQL (`pg_dump`, and a PGlite JSON dump moved to PostgreSQL) when
 * `MC_PG_URL` is set. A restore into a database that holds rows is refused. Runs when `MC_SQL=1`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { pgliteDriver, postgresDriver, type SqlDriver } from '@/server/drivers'
import { dumpJson, restoreJson } from '@/server/dump'
import { describeSql, newPostgresDatabase, PG_URL } from './databases'
import { seedAt } from './processes'

jest.setTimeout(180_000)

const ROOT = path.resolve(__dirname, '../../..')
const dirs: string[] = []
const tempDir = () => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-backup-'))
  dirs.push(d)
  return d
}
const drops: (() => Promise<void>)[] = []
afterAll(async () => {
  for (const drop of drops) await drop()
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true })
})

/** Every table's rows as JSON text, sorted: equal maps mean equal databases. */
async function contents(driver: SqlDriver): Promise<Record<string, string[]>> {
  return driver.withConnection(async (c) => {
    const out: Record<string, string[]> = {}
    const tables = await c.query("SELECT tablename AS t FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")
    for (const { t } of tables.rows) {
      out[String(t)] = (await c.query(`SELECT row_to_json(x)::text AS r FROM "${t}" x ORDER BY 1`)).rows.map((r) =>
        String(r.r),
      )
    }
    return out
  })
}

/** `npm run db:<command>` (as `node --import tsx src/server/db.ts`) with `env`; its status and output. */
function db(args: string[], env: Record<string, string>): { status: number | null; output: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/server/db.ts', ...args], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '', DATABASE_URL: '', ...env },
    encoding: 'utf8',
    timeout: 120_000,
  })
  return { status: r.status, output: r.stdout + r.stderr }
}

/** A seeded PGlite database in a folder of its own (closed again); its DATA_DIR and contents. */
async function seededFolder(): Promise<{ dataDir: string; before: Record<string, string[]> }> {
  const dataDir = tempDir()
  const driver = await pgliteDriver(path.join(dataDir, 'pg'))
  await seedAt(driver)
  const before = await contents(driver)
  await driver.close()
  return { dataDir, before }
}

describeSql('backup and restore on PGlite (JSON dump)', () => {
  it('npm run db:backup then db:restore into a new DATA_DIR gives back every row of every table', async () => {
    const { dataDir, before } = await seededFolder()
    expect(Object.values(before).flat().length).toBeGreaterThan(50)
    const file = path.join(tempDir(), 'community.json')
    expect(db(['backup', file], { DATA_DIR: dataDir })).toMatchObject({ status: 0 })
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['community.json']) // a dump, not a folder copy
    const restoredDir = tempDir()
    expect(db(['restore', file], { DATA_DIR: restoredDir })).toMatchObject({ status: 0 })
    const driver = await pgliteDriver(path.join(restoredDir, 'pg'))
    try {
      expect(await contents(driver)).toEqual(before)
    } finally {
      await driver.close()
    }
  })

  it('refuses to restore into a database that holds rows, and leaves it as it was', async () => {
    const { dataDir, before } = await seededFolder()
    const file = path.join(tempDir(), 'community.json')
    expect(db(['backup', file], { DATA_DIR: dataDir }).status).toBe(0)
    const r = db(['restore', file], { DATA_DIR: dataDir })
    expect(r.status).toBe(1)
    expect(r.output).toContain('只能恢复到空数据库')
    const driver = await pgliteDriver(path.join(dataDir, 'pg'))
    try {
      expect(await contents(driver)).toEqual(before)
    } finally {
      await driver.close()
    }
  })
})

const describeOnPg = PG_URL ? describeSql : describe.skip

describeOnPg('backup and restore on PostgreSQL', () => {
  async function newDatabase(): Promise<string> {
    const created = await newPostgresDatabase()
    drops.push(created.drop)
    return created.url
  }

  it('npm run db:backup (pg_dump) then db:restore into a new database gives back every row of every table', async () => {
    const from = await newDatabase()
    const source = await postgresDriver(from, { max: 1 })
    await seedAt(source)
    const before = await contents(source)
    await source.close()
    const file = path.join(tempDir(), 'community.pgdump')
    expect(db(['backup', file], { DATA_DIR: tempDir(), DATABASE_URL: from })).toMatchObject({ status: 0 })
    expect(fs.readFileSync(file).subarray(0, 5).toString()).toBe('PGDMP')
    const to = await newDatabase()
    expect(db(['restore', file], { DATA_DIR: tempDir(), DATABASE_URL: to })).toMatchObject({ status: 0 })
    const target = await postgresDriver(to, { max: 1 })
    try {
      expect(await contents(target)).toEqual(before)
    } finally {
      await target.close()
    }
    expect(db(['restore', file], { DATA_DIR: tempDir(), DATABASE_URL: to }).output).toContain('只能恢复到空数据库')
  })

  it('moves a PGlite JSON dump into PostgreSQL without losing a row', async () => {
    const lite = await pgliteDriver('memory://')
    await seedAt(lite)
    const dump = await dumpJson(lite)
    const before = await contents(lite)
    await lite.close()
    const target = await postgresDriver(await newDatabase(), { max: 1 })
    try {
      await restoreJson(target, dump)
      expect(await contents(target)).toEqual(before)
    } finally {
      await target.close()
    }
  })
})
