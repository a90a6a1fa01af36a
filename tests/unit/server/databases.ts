/**
 * Databases for the SQL tests. They run when `MC_SQL=1` (`npm test` sets it in its UTC pass, with
 * `--experimental-vm-modules`, which PGlite needs under Jest); PostgreSQL when `MC_PG_URL` names a
 * server to create databases on (`npm test` starts one from the machine's binaries).
 */
import { pgliteDriver, postgresDriver, type SqlDriver } from '@/server/drivers'

/** Whether the SQL transports and stores are tested in this run. */
export const SQL_ENABLED = process.env.MC_SQL === '1'

/** `describe` when the SQL tests run, else `describe.skip`. */
export const describeSql = SQL_ENABLED ? describe : describe.skip

/** The PostgreSQL server's admin URL, or undefined. */
export const PG_URL = process.env.MC_PG_URL || undefined

/** Runs one statement on the `MC_PG_URL` server's admin database. */
async function admin(sql: string): Promise<void> {
  const root = await postgresDriver(PG_URL!, { max: 1 })
  try {
    await root.withConnection((c) => c.query(sql))
  } finally {
    await root.close()
  }
}

/**
 * A new, empty database on the `MC_PG_URL` server: its URL (for drivers and server processes) and a
 * function that drops it (with every connection still open to it).
 */
export async function newPostgresDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!PG_URL) throw new Error('MC_PG_URL is not set')
  const name = `mc_test_${process.pid}_${Math.floor(Math.random() * 1e9)}`
  await admin(`CREATE DATABASE ${name}`)
  const url = new URL(PG_URL)
  url.pathname = `/${name}`
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`) }
}

/**
 * A driver on a new, empty database on the `MC_PG_URL` server, with a pool of `max` connections;
 * closing it also drops the database.
 */
export async function freshPostgres(max: number): Promise<SqlDriver> {
  const db = await newPostgresDatabase()
  const driver = await postgresDriver(db.url, { max })
  return {
    kind: driver.kind,
    withConnection: (work) => driver.withConnection(work),
    waiting: () => driver.waiting(),
    oldestWaitMs: () => driver.oldestWaitMs(),
    close: async () => {
      await driver.close()
      await db.drop()
    },
  }
}

/** The SQL databases to test on, by name: PGlite in memory, and PostgreSQL when `MC_PG_URL` is set. */
export function sqlDatabases(max = 4): [string, () => Promise<SqlDriver>][] {
  const kinds: [string, () => Promise<SqlDriver>][] = [['PGlite', () => pgliteDriver('memory://')]]
  if (PG_URL) kinds.push(['PostgreSQL', () => freshPostgres(max)])
  return kinds
}
