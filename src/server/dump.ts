/**
 * Logical backups of the database. PostgreSQL: `pg_dump` in its custom format, restored with
 * `pg_restore` (the machine's binaries: on PATH, else the newest `/usr/lib/postgresql/<major>/bin`).
 * PGlite (and PostgreSQL on request): a JSON dump — every table's rows as `row_to_json` gives them, in
 * foreign-key order — restored into an empty database after migrating it to the dump's version, then
 * migrated to the current one. Either way a backup is rows and schema, never a copy of a data folder.
 * Photos live outside the database (`DATA_DIR/blobs` or an object store) and are backed up with it.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import type { SqlConnection, SqlDriver } from './drivers'
import { migrate } from './migrate'

const FORMAT = 'modern-community-dump'
const CHUNK = 500

/** A JSON dump: the schema's migration version and every table's rows (`schema_migrations` included). */
export interface JsonDump {
  format: typeof FORMAT
  version: 1
  /** The newest migration applied in the dumped database. */
  migration: number
  tables: { name: string; rows: Record<string, unknown>[] }[]
}

/** The public schema's tables, each after the tables it references (self-references aside). */
async function tablesInOrder(c: SqlConnection): Promise<string[]> {
  const tables = (await c.query("SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).rows
  const refs = (
    await c.query(
      `SELECT DISTINCT src.relname AS "from", dst.relname AS "to" FROM pg_constraint k
         JOIN pg_class src ON src.oid = k.conrelid JOIN pg_class dst ON dst.oid = k.confrelid
         JOIN pg_namespace n ON n.oid = src.relnamespace
        WHERE k.contype = 'f' AND n.nspname = 'public' AND src.oid <> dst.oid`,
    )
  ).rows as { from: string; to: string }[]
  const order: string[] = []
  const left = new Set(tables.map((t) => String(t.name)))
  while (left.size) {
    const ready = [...left].filter((t) => !refs.some((r) => r.from === t && left.has(r.to)))
    if (!ready.length) throw new Error(`foreign keys form a cycle among ${[...left].join(', ')}`)
    for (const t of ready) {
      order.push(t)
      left.delete(t)
    }
  }
  return order
}

const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`

/** Every table's rows, read in one REPEATABLE READ transaction (a consistent snapshot). */
export async function dumpJson(driver: SqlDriver): Promise<JsonDump> {
  return driver.withConnection(async (c) => {
    await c.query('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY')
    try {
      const tables: JsonDump['tables'] = []
      for (const name of await tablesInOrder(c)) {
        const { rows } = await c.query(`SELECT row_to_json(t)::text AS r FROM ${quoted(name)} t ORDER BY 1`)
        tables.push({ name, rows: rows.map((r) => JSON.parse(String(r.r))) })
      }
      const migration = Math.max(
        0,
        ...(tables.find((t) => t.name === 'schema_migrations')?.rows ?? []).map((r) => Number(r.version)),
      )
      return { format: FORMAT, version: 1, migration, tables }
    } finally {
      await c.query('COMMIT')
    }
  })
}

/** The tables of the public schema holding at least one row. */
async function nonEmptyTables(driver: SqlDriver): Promise<string[]> {
  return driver.withConnection(async (c) => {
    const found: string[] = []
    for (const name of await tablesInOrder(c)) {
      if (name === 'schema_migrations') continue
      if ((await c.query(`SELECT 1 FROM ${quoted(name)} LIMIT 1`)).rows.length) found.push(name)
    }
    return found
  })
}

/**
 * Restores `dump` into an empty database: migrates it to the dump's version, inserts every row (one
 * transaction), then migrates it to the current version.
 * @throws Error when the file is not a dump or the database already holds rows
 */
export async function restoreJson(driver: SqlDriver, dump: JsonDump): Promise<void> {
  if (dump.format !== FORMAT || dump.version !== 1) throw new Error('这不是本系统的备份文件')
  await migrate(driver, { upTo: dump.migration })
  const busy = await nonEmptyTables(driver)
  if (busy.length) throw new Error(`只能恢复到空数据库，这个数据库已有数据（${busy.join('、')}）`)
  await driver.withConnection(async (c) => {
    await c.query('BEGIN')
    try {
      await c.query('DELETE FROM schema_migrations')
      for (const { name, rows } of dump.tables) {
        for (let i = 0; i < rows.length; i += CHUNK) {
          await c.query(
            `INSERT INTO ${quoted(name)} SELECT * FROM json_populate_recordset(NULL::${quoted(name)}, $1::text::json)`,
            [JSON.stringify(rows.slice(i, i + CHUNK))],
          )
        }
      }
      await c.query('COMMIT')
    } catch (e) {
      await c.query('ROLLBACK').catch(() => undefined)
      throw e
    }
  })
  await migrate(driver)
}

/** A PostgreSQL client program (`pg_dump`, `pg_restore`): on PATH, else the newest in /usr/lib/postgresql. */
function postgresProgram(name: string): string {
  try {
    return execFileSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).trim() || name
  } catch {
    const root = '/usr/lib/postgresql'
    const majors = fs.existsSync(root)
      ? fs.readdirSync(root).filter((d) => fs.existsSync(path.join(root, d, 'bin', name)))
      : []
    majors.sort((a, b) => Number(b) - Number(a))
    if (!majors.length)
      throw new Error(`找不到 ${name}：请安装 PostgreSQL 客户端（Debian：apt-get install postgresql-client）`)
    return path.join(root, majors[0], 'bin', name)
  }
}

/** `pg_dump` of `url` into `file` (custom format, no owners or grants), readable by this user only. */
export function pgDump(url: string, file: string): void {
  fs.writeFileSync(file, '', { mode: 0o600 })
  execFileSync(
    postgresProgram('pg_dump'),
    ['--format=custom', '--no-owner', '--no-privileges', `--file=${file}`, `--dbname=${url}`],
    {
      stdio: ['ignore', 'inherit', 'inherit'],
    },
  )
  fs.chmodSync(file, 0o600)
}

/**
 * `pg_restore` of a `pg_dump` file into the empty database `url`, in one transaction.
 * @throws Error when the database already has tables, or pg_restore fails
 */
export async function pgRestore(driver: SqlDriver, url: string, file: string): Promise<void> {
  const tables = await driver.withConnection((c) =>
    c.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'"),
  )
  if (tables.rows.length) throw new Error('只能恢复到空数据库，这个数据库已有表，请新建一个空数据库')
  execFileSync(
    postgresProgram('pg_restore'),
    ['--no-owner', '--no-privileges', '--single-transaction', '--exit-on-error', `--dbname=${url}`, file],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  )
}

/** Whether `file` is a `pg_dump` custom-format file (else it should be a JSON dump). */
export function isPgDumpFile(file: string): boolean {
  const fd = fs.openSync(file, 'r')
  try {
    const head = Buffer.alloc(5)
    fs.readSync(fd, head, 0, 5, 0)
    return head.toString('latin1') === 'PGDMP'
  } finally {
    fs.closeSync(fd)
  }
}
