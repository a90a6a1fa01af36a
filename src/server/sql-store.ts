/**
 * The SQL store: the table layer over PostgreSQL or PGlite. Each transaction runs at SERIALIZABLE
 * isolation and is retried, at most 12 times with an exponential random back-off (up to 250 ms), on a
 * serialization failure or deadlock; then `BusyError` (the server answers 503 with Retry-After).
 * Rows known to be contended (seats, balances, slots) are read with `lock` (FOR UPDATE) by the
 * repositories, which queues writers on the row instead of failing them.
 * Nothing but the database happens inside a transaction; photos go to the blob store before the
 * commit (removed again if it fails) and are removed after it. The store keeps no data between
 * transactions.
 */
import type { ColumnType, Query, TableSpec, Where } from '../backend/core/data/spec'
import {
  BusyError,
  DuplicateKeyError,
  RetryTransaction,
  type Images,
  type Rows,
  type Store,
  type Table,
  type Tables,
} from '../backend/core/data/store'
import type { BlobStore } from './blobs'
import type { SqlConnection, SqlDriver } from './drivers'
import { ident, Params, rowOf, selectList, selectSql, snake, whereSql } from './sql'

/** Attempts of one transaction before `BusyError`. */
const MAX_ATTEMPTS = 12
/** The longest pause between attempts (ms); pauses grow exponentially with random jitter up to it. */
const MAX_BACKOFF_MS = 250
/** PostgreSQL error codes worth retrying: serialization failure, deadlock. */
const RETRY_CODES = new Set(['40001', '40P01'])

type Row = Record<string, unknown>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Whether an error is a conflict that running the transaction again may resolve. */
function isRetryable(e: unknown): boolean {
  return e instanceof RetryTransaction || RETRY_CODES.has(String((e as { code?: unknown })?.code))
}

export class SqlStore implements Store {
  private readonly specs: Map<string, TableSpec<Row>>

  constructor(
    readonly driver: SqlDriver,
    specs: readonly TableSpec<never>[],
    private readonly blobs: BlobStore,
  ) {
    this.specs = new Map(specs.map((s) => [s.name, s as unknown as TableSpec<Row>]))
  }

  async transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work)
      } catch (e) {
        if (!isRetryable(e)) throw e
        if (attempt >= MAX_ATTEMPTS) throw new BusyError()
        await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt))
      }
    }
  }

  private attempt<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    return this.driver.withConnection(async (raw) => {
      const c = serialised(raw)
      const tx = new SqlTransaction(c, this.specs, this.blobs)
      await c.query('BEGIN ISOLATION LEVEL SERIALIZABLE')
      try {
        const result = await work(tx)
        await c.query('COMMIT')
        await tx.afterCommit()
        return result
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        await tx.afterRollback()
        throw e
      }
    })
  }

  async isEmpty(): Promise<boolean> {
    return this.driver.withConnection(
      async (c) => (await c.query('SELECT count(*)::int AS n FROM settings')).rows[0].n === 0,
    )
  }

  /** Replaces every table's rows with `rows` in one transaction (first start, demo reset); removes every photo. */
  async reset(rows: Rows): Promise<void> {
    const names = [...this.specs.keys()].map(ident).concat('images')
    await this.driver.withConnection(async (c) => {
      await c.query('BEGIN')
      try {
        await c.query(`TRUNCATE ${names.join(', ')} CASCADE`)
        for (const spec of this.specs.values()) {
          const list = rows[spec.name] as Row[] | undefined
          if (list?.length) await insertMany(c, spec, list)
        }
        await c.query('COMMIT')
      } catch (e) {
        await c.query('ROLLBACK').catch(() => undefined)
        throw e
      }
    })
    for (const b of await this.blobs.list()) await this.blobs.remove(b.id)
  }

  /**
   * Removes photos that no row names and that are older than `olderThanMs` (written by a transaction
   * that then failed or by a process killed before its commit). Safe to run from several processes.
   */
  async sweepOrphanImages(nowMs: number, olderThanMs = 3600_000): Promise<number> {
    let removed = 0
    for (const b of await this.blobs.list()) {
      if (nowMs - b.modifiedMs < olderThanMs) continue
      const known = await this.driver.withConnection(
        async (c) => (await c.query('SELECT 1 FROM images WHERE id = $1', [b.id])).rows.length > 0,
      )
      if (!known) {
        await this.blobs.remove(b.id)
        removed++
      }
    }
    return removed
  }
}

/**
 * The connection with its queries one after another: a handler may start several lookups at once
 * (`Promise.all`), but one connection runs one statement at a time.
 */
function serialised(c: SqlConnection): SqlConnection {
  let tail: Promise<unknown> = Promise.resolve()
  return {
    query: (text, params) => {
      const next = tail.then(() => c.query(text, params))
      tail = next.catch(() => undefined)
      return next
    },
  }
}

/** Inserts rows in one statement, from JSON (columns named as the table's). */
async function insertMany(c: SqlConnection, spec: TableSpec<Row>, rows: Row[]): Promise<void> {
  const json = rows.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [snake(k), v])))
  const cols = Object.keys(spec.columns).map((f) => ident(snake(f)))
  await c.query(
    `INSERT INTO ${ident(spec.name)} (${cols.join(', ')}) SELECT ${cols.join(', ')} FROM jsonb_populate_recordset(NULL::${ident(spec.name)}, $1::jsonb)`,
    [JSON.stringify(json)],
  )
}

class SqlTransaction implements Tables {
  private readonly written: string[] = []
  private readonly removed: string[] = []
  private readonly tables = new Map<string, Table<Row>>()

  constructor(
    private readonly c: SqlConnection,
    private readonly specs: Map<string, TableSpec<Row>>,
    private readonly blobs: BlobStore,
  ) {}

  of<R extends object>(spec: TableSpec<R>): Table<R> {
    let t = this.tables.get(spec.name)
    if (!t) {
      const known = this.specs.get(spec.name)
      if (!known) throw new Error(`unknown table ${spec.name}`)
      t = new SqlTable(this.c, known)
      this.tables.set(spec.name, t)
    }
    return t as unknown as Table<R>
  }

  readonly images: Images = {
    put: async (id, base64) => {
      await this.blobs.write(id, base64)
      this.written.push(id)
      await this.c.query(`INSERT INTO images (id) VALUES ($1::text) ON CONFLICT (id) DO NOTHING`, [id])
    },
    get: async (id) =>
      (await this.c.query('SELECT 1 FROM images WHERE id = $1::text', [id])).rows.length ? this.blobs.read(id) : null,
    remove: async (id) => {
      await this.c.query('DELETE FROM images WHERE id = $1::text', [id])
      this.removed.push(id)
    },
  }

  async afterCommit(): Promise<void> {
    for (const id of this.removed) await this.blobs.remove(id).catch(() => undefined)
  }

  async afterRollback(): Promise<void> {
    for (const id of this.written) await this.blobs.remove(id).catch(() => undefined)
  }
}

class SqlTable implements Table<Row> {
  private readonly types: Record<string, ColumnType>

  constructor(
    private readonly c: SqlConnection,
    private readonly spec: TableSpec<Row>,
  ) {
    this.types = spec.columns as Record<string, ColumnType>
  }

  private async rows(text: string, p: Params): Promise<Row[]> {
    return (await this.c.query(text, p.values)).rows.map((r) => rowOf<Row>(r))
  }

  async get(key: string, opts: { lock?: boolean } = {}): Promise<Row | undefined> {
    return (await this.find({ where: { [this.spec.key]: key }, order: [], lock: opts.lock }))[0]
  }

  async find(query: Query<Row>): Promise<Row[]> {
    const p = new Params()
    return this.rows(selectSql(this.spec, query, p), p)
  }

  async first(query: Omit<Query<Row>, 'limit' | 'offset'>): Promise<Row | undefined> {
    return (await this.find({ ...query, limit: 1 }))[0]
  }

  async count(where: Where<Row>): Promise<number> {
    const p = new Params()
    const r = await this.c.query(
      `SELECT count(*)::int AS n FROM ${ident(this.spec.name)} WHERE ${whereSql(this.spec, where, p)}`,
      p.values,
    )
    return Number(r.rows[0].n)
  }

  async insert(row: Row): Promise<Row> {
    const p = new Params()
    const fields = Object.keys(this.types)
    const values = fields.map((f) => p.add(this.types[f], row[f]))
    const key = String(row[this.spec.key])
    const r = await this.c.query(
      `INSERT INTO ${ident(this.spec.name)} (${fields.map((f) => ident(snake(f))).join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT DO NOTHING RETURNING ${selectList(this.spec)}`,
      p.values,
    )
    if (!r.rows.length) throw new DuplicateKeyError(this.spec.name, key)
    return rowOf<Row>(r.rows[0])
  }

  async update(key: string, patch: Partial<Row>): Promise<Row> {
    const p = new Params()
    const sets = Object.keys(patch)
      .filter((f) => f !== this.spec.key && this.types[f])
      .map((f) => `${ident(snake(f))} = ${p.add(this.types[f], patch[f])}`)
    const where = `${ident(snake(this.spec.key))} = ${p.add(this.types[this.spec.key], key)}`
    const text = sets.length
      ? `UPDATE ${ident(this.spec.name)} SET ${sets.join(', ')} WHERE ${where} RETURNING ${selectList(this.spec)}`
      : `SELECT ${selectList(this.spec)} FROM ${ident(this.spec.name)} WHERE ${where}`
    const r = await this.c.query(text, p.values)
    if (!r.rows.length) throw new Error(`no row ${key} in ${this.spec.name}`)
    return rowOf<Row>(r.rows[0])
  }

  async remove(key: string): Promise<void> {
    const p = new Params()
    await this.c.query(
      `DELETE FROM ${ident(this.spec.name)} WHERE ${ident(snake(this.spec.key))} = ${p.add(this.types[this.spec.key], key)}`,
      p.values,
    )
  }
}
