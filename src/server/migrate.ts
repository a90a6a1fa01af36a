/**
 * Schema migrations of the SQL store: numbered files `src/server/migrations/NNN_name.sql`, applied in
 * order at start, each in its own transaction, recorded in `schema_migrations`. Several processes
 * starting at once take turns (a transaction-level advisory lock), so each file runs once.
 */
import fs from 'node:fs'
import path from 'node:path'
import type { SqlDriver } from './drivers'

const MIGRATIONS_DIR = path.join(__dirname, 'migrations')
const LOCK_KEY = 727_001 // any constant shared by every process of this app

/** The migration files, in order: `[{ version, name, file }]`. */
export function migrationFiles(dir = MIGRATIONS_DIR): { version: number; name: string; file: string }[] {
  return fs
    .readdirSync(dir)
    .filter((f) => /^\d{3}_[a-z0-9_]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f.slice(4, -4), file: path.join(dir, f) }))
}

/**
 * Applies the migrations not yet applied, up to `upTo` (default: all). Returns the versions applied now.
 * @throws the database's error when a migration fails (that migration's changes are rolled back)
 */
export async function migrate(driver: SqlDriver, opts: { upTo?: number; dir?: string } = {}): Promise<number[]> {
  const files = migrationFiles(opts.dir).filter((m) => opts.upTo === undefined || m.version <= opts.upTo)
  const applied: number[] = []
  for (const m of files) {
    await driver.withConnection(async (c) => {
      await c.query('BEGIN')
      try {
        await c.query(`SELECT pg_advisory_xact_lock(${LOCK_KEY})`)
        await c.query(
          'CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
        )
        const done = (await c.query('SELECT 1 FROM schema_migrations WHERE version = $1', [m.version])).rows.length > 0
        if (!done) {
          await c.exec(fs.readFileSync(m.file, 'utf8'))
          await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name])
          applied.push(m.version)
        }
        await c.query('COMMIT')
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
  }
  return applied
}
