/**
 * The SQL store: the table layer over PostgreSQL or PGlite. Each transaction runs at SERIALIZABLE
 * isolation and is retried, at most 12 times with an exponential random back-off (up to 250 ms), on a
 * serialization failure, deadlock or full predicate-lock table; then `BusyError` (the server answers
 * 503 with Retry-After).
 * Rows known to be contended (seats, balances, slots) are read with `lock` (FOR UPDATE) by the
 * repositories, which queues writers on the row. At SERIALIZABLE that alone does not stop a queued
 * writer from failing (its snapshot was taken before it waited, so it misses what the holder wrote),
 * and a burst of writers on one row (20 ballots on one petition) would fail one another until some ran
 * out of attempts. So on PostgreSQL a retry first waits its turn in the *retry lane*, a session-level
 * advisory lock taken before BEGIN (its snapshot then follows the previous retry's commit) and given
 * back after the transaction ends: retries run one at a time, across every server process, and compete
 * only with first attempts. A process killed in the lane releases it with its connection.
 * Nothing but the database happens inside a transaction; photos go to the blob store before the
 * commit (removed again if it fails) and are removed after it. The store keeps no data between
 * transactions. ID numbers (the tables' `sealed` fields) are stored encrypted with a keyed hash for
 * lookups (`sealed-columns.ts`, PIPL arts. 28, 51).
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
import { demoPiiKeys, PiiCipher, type PiiKeys } from './pii'
import { recordSealState } from './pii-reseal'
import { SealedColumns } from './sealed-columns'
import { ident, Params, rowOf, selectList, selectSql, snake, whereSql } from './sql'

/** Attempts of one transaction before `BusyError`. */
const MAX_ATTEMPTS = 12
/** The longest pause between attempts (ms); pauses grow exponentially with random jitter up to it. */
const MAX_BACKOFF_MS = 250
/**
 * PostgreSQL error codes worth retrying: serialization failure, deadlock, and out of shared memory
 * (53200), which at SERIALIZABLE means the predicate-lock table is full for the moment: the rollback
 * frees this transaction's locks and others finish meanwhile (seen under `npm run bench:server` as bare
 * 500s on reads; raising `max_pred_locks_per_transaction` makes it rarer).
 */
const RETRY_CODES = new Set(['40001', '40P01', '53200'])
/** The retry lane's advisory lock key (any constant shared by every process of this app). */
const RETRY_LANE = 727_002

type Row = Record<string, unknown>

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms))

/** Whether an error is a conflict that running the transaction again may resolve. */
function isRetryable(e: unknown): boolean {
  return e instanceof RetryTransaction || RETRY_CODES.has(String((e as { code?: unknown })?.code))
}

export class SqlStore implements Store {
  private readonly specs: Map<string, SealedColumns>
  /** Seals and opens ID numbers (and hashes them for lookups). */
  readonly cipher: PiiCipher

  /**
   * `pii`: the keys of ID numbers at rest; by default the demo's fixed keys (`demoPiiKeys`, not secret:
   * the demo and the tests; the server passes the configured ones).
   */
  constructor(
    readonly driver: SqlDriver,
    specs: readonly TableSpec<never>[],
    private readonly blobs: BlobStore,
    pii: PiiKeys = demoPiiKeys(),
  ) {
    this.cipher = new PiiCipher(pii)
    this.specs = new Map(specs.map((s) => [s.name, new SealedColumns(s as unknown as TableSpec<Row>, this.cipher)]))
  }

  async transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.attempt(work, attempt > 1 && this.driver.kind === 'postgres')
      } catch (e) {
        if (!isRetryable(e)) throw e
        if (attempt >= MAX_ATTEMPTS) throw new BusyError()
        await sleep(Math.random() * Math.min(MAX_BACKOFF_MS, 2 ** attempt))
      }
    }
  }

  /** One attempt on one connection; `inLane`: first wait for the retry lane (see the file header). */
  private attempt<T>(work: (tables: Tables) => Promise<T>, inLane: boolean): Promise<T> {
    return this.driver.withConnection(async (raw) => {
      const c = serialised(raw)
      if (inLane) await c.query(`SELECT pg_advisory_lock(${RETRY_LANE})`)
      try {
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
      } finally {
        if (inLane) await c.query(`SELECT pg_advisory_unlock(${RETRY_LANE})`).catch(() => undefined)
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
        for (const sealed of this.specs.values()) {
          const list = rows[sealed.spec.name] as Row[] | undefined
          if (list?.length)
            await insertMany(
              c,
              sealed.sqlSpec,
              list.map((r) => sealed.seal(r)),
            )
        }
        // Every value is now sealed under the current keys.
        await recordSealState(c, this.cipher)
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

/** Inserts rows (as stored: sealed) in one statement, from JSON (columns named as the table's). */
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
    private readonly specs: Map<string, SealedColumns>,
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
  /** Column types of the SQL table (the spec's and the hashes of its sealed fields). */
  private readonly types: Record<string, ColumnType>
  private readonly spec: TableSpec<Row>

  constructor(
    private readonly c: SqlConnection,
    private readonly sealed: SealedColumns,
  ) {
    this.spec = sealed.spec
    this.types = sealed.sqlSpec.columns as Record<string, ColumnType>
  }

  private async rows(text: string, p: Params): Promise<Row[]> {
    return (await this.c.query(text, p.values)).rows.map((r) => this.sealed.open(rowOf<Row>(r)))
  }

  /** The WHERE clause selecting the row with this key. */
  private keyWhere(key: string, p: Params): string {
    return whereSql(this.sealed.sqlSpec, this.sealed.where({ [this.spec.key]: key }), p)
  }

  async get(key: string, opts: { lock?: boolean } = {}): Promise<Row | undefined> {
    return (await this.find({ where: { [this.spec.key]: key }, order: [], lock: opts.lock }))[0]
  }

  async find(query: Query<Row>): Promise<Row[]> {
    const p = new Params()
    const q = { ...query, where: this.sealed.where(query.where), order: this.sealed.order(query.order) }
    return this.rows(selectSql(this.sealed.sqlSpec, q, p, this.spec), p)
  }

  async first(query: Omit<Query<Row>, 'limit' | 'offset'>): Promise<Row | undefined> {
    return (await this.find({ ...query, limit: 1 }))[0]
  }

  async count(where: Where<Row>): Promise<number> {
    const p = new Params()
    const r = await this.c.query(
      `SELECT count(*)::int AS n FROM ${ident(this.spec.name)} WHERE ${whereSql(this.sealed.sqlSpec, this.sealed.where(where), p)}`,
      p.values,
    )
    return Number(r.rows[0].n)
  }

  async insert(row: Row): Promise<Row> {
    const p = new Params()
    const stored = this.sealed.seal(row)
    const fields = Object.keys(this.types)
    const values = fields.map((f) => p.add(this.types[f], stored[f]))
    // A sealed key (an ID number) is not repeated in the error.
    const key = this.sealed.sqlSpec.key === this.spec.key ? String(row[this.spec.key]) : '(sealed)'
    const r = await this.c.query(
      `INSERT INTO ${ident(this.spec.name)} (${fields.map((f) => ident(snake(f))).join(', ')}) VALUES (${values.join(', ')}) ON CONFLICT DO NOTHING RETURNING ${selectList(this.spec)}`,
      p.values,
    )
    if (!r.rows.length) throw new DuplicateKeyError(this.spec.name, key)
    return this.sealed.open(rowOf<Row>(r.rows[0]))
  }

  async update(key: string, patch: Partial<Row>): Promise<Row> {
    const p = new Params()
    const stored = this.sealed.seal(
      Object.fromEntries(Object.entries(patch).filter(([f]) => f !== this.spec.key && f in this.spec.columns)),
    )
    const sets = Object.keys(stored)
      .filter((f) => this.types[f])
      .map((f) => `${ident(snake(f))} = ${p.add(this.types[f], stored[f])}`)
    const where = this.keyWhere(key, p)
    const text = sets.length
      ? `UPDATE ${ident(this.spec.name)} SET ${sets.join(', ')} WHERE ${where} RETURNING ${selectList(this.spec)}`
      : `SELECT ${selectList(this.spec)} FROM ${ident(this.spec.name)} WHERE ${where}`
    const r = await this.c.query(text, p.values)
    if (!r.rows.length) throw new Error(`no row ${this.sealed.any ? '' : key} in ${this.spec.name}`)
    return this.sealed.open(rowOf<Row>(r.rows[0]))
  }

  async remove(key: string): Promise<void> {
    const p = new Params()
    await this.c.query(`DELETE FROM ${ident(this.spec.name)} WHERE ${this.keyWhere(key, p)}`, p.values)
  }
}
