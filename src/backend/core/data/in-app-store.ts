/**
 * The in-app store (mock mode on the phone, and the backend's unit tests): rows in memory, persisted to
 * a key–value storage (Taro storage; WeChat's 1 MB per key and 10 MB in all apply), one key per table
 * (`mc:t:<table>`, or per shard `mc:t:<table>@<shard>`), images under `mc:img:<id>`. One request at a
 * time (a phone gains nothing from concurrency).
 *
 * A commit is atomic: images first, then a journal of every changed key (`mc:t:@journal`), then the
 * keys themselves, the version stamp, and the journal is cleared. A journal found at load (the app was
 * killed mid-commit) is applied again, so storage holds either the whole transaction or none of it. A
 * commit that does not fit (the journal included) throws `StorageFullError` and changes nothing.
 *
 * Several H5 tabs share one localStorage: the version stamp (`mc:t:@version`: a counter and the counter
 * at which each table last changed) is read at the start of every transaction, and tables another tab
 * changed since are reloaded before the work runs.
 */
import type { KeyValueStorage } from '@/backend/storage/types'
import { compareRows, meets, type Query, type TableSpec, type Where } from './spec'
import { DuplicateKeyError, type Images, type Rows, type Store, type Table, type Tables } from './store'
import { Mutex } from '../mutex'

/** Prefix of the tables' storage keys. */
const TABLE_PREFIX = 'mc:t:'
/** Prefix of the images' storage keys. */
export const IMAGE_PREFIX = 'mc:img:'
const STAMP_KEY = `${TABLE_PREFIX}@version`
const JOURNAL_KEY = `${TABLE_PREFIX}@journal`

/** The version stamp: commit counter, schema version, and the counter at which each table last changed. */
interface Stamp {
  v: number
  schema: number
  tables: Record<string, number>
}
/** A commit in flight: the stamp it ends with and every key it writes (`null`: remove). */
interface Journal {
  stamp: Stamp
  writes: Record<string, string | null>
}

type Row = Record<string, unknown>
const copy = <T>(x: T): T => (x === undefined ? x : (JSON.parse(JSON.stringify(x)) as T))

export interface InAppStoreOptions {
  /** The schema version written in the stamp (see `migrations.ts`). */
  schemaVersion: number
}

/** The in-app store over `storage` for the tables in `specs`. Call `load()` before use. */
export class InAppStore implements Store {
  private readonly specs: Map<string, TableSpec<Row>>
  private committed = new Map<string, Map<string, Row>>()
  private stamp: Stamp
  private readonly mutex = new Mutex()

  constructor(
    readonly storage: KeyValueStorage,
    specs: readonly TableSpec<never>[],
    private readonly options: InAppStoreOptions,
  ) {
    this.specs = new Map(specs.map((s) => [s.name, s as unknown as TableSpec<Row>]))
    this.stamp = { v: 0, schema: options.schemaVersion, tables: {} }
  }

  /** Finishes a commit interrupted by a kill (its journal), then reads every table into memory. */
  load(): void {
    recoverJournal(this.storage)
    this.stamp = readStamp(this.storage) ?? { v: 0, schema: this.options.schemaVersion, tables: {} }
    for (const name of this.specs.keys()) this.committed.set(name, this.readTable(name))
  }

  async isEmpty(): Promise<boolean> {
    return readStamp(this.storage) === null
  }

  /** The commit counter of what this store has loaded (tests). */
  get version(): number {
    return this.stamp.v
  }

  transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T> {
    return this.mutex.run(async () => {
      this.refreshFromStorage()
      const tx = new InAppTransaction(this)
      const result = await work(tx)
      this.commit(tx)
      return result
    })
  }

  async reset(rows: Rows): Promise<void> {
    await this.mutex.run(() => {
      for (const k of this.storage.keys()) if (k.startsWith(IMAGE_PREFIX)) this.storage.removeItem(k)
      this.replaceRows(rows)
    })
  }

  /**
   * Replaces every table's rows with `rows`, leaving images alone (the schema migration). The stamp is
   * written last, so a kill before it leaves the store reading as not yet migrated.
   */
  replaceRows(rows: Rows): void {
    for (const k of this.storage.keys()) if (k.startsWith(TABLE_PREFIX)) this.storage.removeItem(k)
    const v = this.stamp.v + 1
    const stamp: Stamp = {
      v,
      schema: this.options.schemaVersion,
      tables: Object.fromEntries([...this.specs.keys()].map((n) => [n, v])),
    }
    this.committed = new Map([...this.specs.keys()].map((n) => [n, new Map()]))
    for (const [name, list] of Object.entries(rows)) {
      const spec = this.spec(name)
      const map = this.committed.get(name)!
      for (const r of list as Row[]) map.set(String(r[spec.key]), copy(r))
    }
    const writes: Record<string, string | null> = {}
    for (const name of this.specs.keys()) Object.assign(writes, this.shardTexts(name, this.committed.get(name)!))
    for (const [k, text] of Object.entries(writes)) if (text !== null) this.storage.setItem(k, text)
    this.storage.setItem(STAMP_KEY, JSON.stringify(stamp))
    this.stamp = stamp
  }

  /** The spec of a table. @throws for a table this store does not hold */
  spec(name: string): TableSpec<Row> {
    const spec = this.specs.get(name)
    if (!spec) throw new Error(`unknown table ${name}`)
    return spec
  }

  /** Committed rows of a table (not copies: callers copy). */
  rowsOf(name: string): Map<string, Row> {
    return this.committed.get(name) ?? new Map()
  }

  /** Reloads the tables another tab changed since this store last read them. */
  private refreshFromStorage(): void {
    const stored = readStamp(this.storage)
    if (stored?.v === this.stamp.v) return
    recoverJournal(this.storage)
    const now = readStamp(this.storage)
    for (const name of this.specs.keys()) {
      if (!now || (now.tables[name] ?? 0) > this.stamp.v || now.v < this.stamp.v)
        this.committed.set(name, this.readTable(name))
    }
    this.stamp = now ?? { v: 0, schema: this.options.schemaVersion, tables: {} }
  }

  private readTable(name: string): Map<string, Row> {
    const map = new Map<string, Row>()
    const base = TABLE_PREFIX + name
    for (const k of this.storage.keys()) {
      if (k !== base && !k.startsWith(`${base}@`)) continue
      const text = this.storage.getItem(k)
      if (text) for (const [id, row] of Object.entries(JSON.parse(text) as Record<string, Row>)) map.set(id, row)
    }
    return map
  }

  /** Storage texts of a table's shards (`null` for a shard left empty), from `rows`. */
  private shardTexts(name: string, rows: Map<string, Row>, only?: Set<string>): Record<string, string | null> {
    const spec = this.spec(name)
    const shards = new Map<string, Record<string, Row>>()
    for (const [id, row] of rows) {
      const key = spec.shardOf ? `${TABLE_PREFIX}${name}@${spec.shardOf(row as never)}` : TABLE_PREFIX + name
      if (!shards.has(key)) shards.set(key, {})
      shards.get(key)![id] = row
    }
    const out: Record<string, string | null> = {}
    for (const key of only ?? shards.keys())
      out[key] = shards.has(key) ? JSON.stringify(shards.get(key)) : spec.shardOf ? null : '{}'
    return out
  }

  private shardKeyOf(name: string, row: Row): string {
    const spec = this.spec(name)
    return spec.shardOf ? `${TABLE_PREFIX}${name}@${spec.shardOf(row as never)}` : TABLE_PREFIX + name
  }

  /** Writes a transaction's changes: images, journal, keys, stamp; then clears the journal. */
  private commit(tx: InAppTransaction): void {
    const changedTables = [...tx.changes.entries()].filter(([, m]) => m.size > 0)
    if (changedTables.length === 0 && tx.imageWrites.size === 0) return
    const v = this.stamp.v + 1
    const next = new Map<string, Map<string, Row>>()
    const writes: Record<string, string | null> = {}
    for (const [name, changes] of changedTables) {
      const rows = new Map(this.rowsOf(name))
      const touched = new Set<string>()
      for (const [key, row] of changes) {
        const before = rows.get(key)
        if (before) touched.add(this.shardKeyOf(name, before))
        if (row) {
          rows.set(key, row)
          touched.add(this.shardKeyOf(name, row))
        } else rows.delete(key)
      }
      next.set(name, rows)
      Object.assign(writes, this.shardTexts(name, rows, touched))
    }
    const stamp: Stamp = { v, schema: this.options.schemaVersion, tables: { ...this.stamp.tables } }
    for (const [name] of changedTables) stamp.tables[name] = v
    const previous = Object.fromEntries(Object.keys(writes).map((k) => [k, this.storage.getItem(k)]))
    const imagesWritten: string[] = []
    try {
      for (const [id, base64] of tx.imageWrites) {
        if (base64 === null) continue
        this.storage.setItem(IMAGE_PREFIX + id, base64)
        imagesWritten.push(IMAGE_PREFIX + id)
      }
      this.storage.setItem(JOURNAL_KEY, JSON.stringify({ stamp, writes } satisfies Journal))
    } catch (e) {
      for (const k of imagesWritten) this.storage.removeItem(k)
      throw e
    }
    try {
      applyWrites(this.storage, writes, stamp)
    } catch (e) {
      // Did not fit after all: put back what was there, drop the journal and the new images.
      this.storage.removeItem(JOURNAL_KEY)
      for (const [k, text] of Object.entries(previous)) {
        if (text === null) this.storage.removeItem(k)
        else this.storage.setItem(k, text)
      }
      for (const k of imagesWritten) this.storage.removeItem(k)
      throw e
    }
    this.storage.removeItem(JOURNAL_KEY)
    for (const [name, rows] of next) this.committed.set(name, rows)
    this.stamp = stamp
    for (const [id, base64] of tx.imageWrites) if (base64 === null) this.storage.removeItem(IMAGE_PREFIX + id)
  }
}

/** The schema version of the tables in `storage`, or null when it holds none. */
export function storedTableSchema(storage: KeyValueStorage): number | null {
  return readStamp(storage)?.schema ?? null
}

function readStamp(storage: KeyValueStorage): Stamp | null {
  const text = storage.getItem(STAMP_KEY)
  return text ? (JSON.parse(text) as Stamp) : null
}

function applyWrites(storage: KeyValueStorage, writes: Record<string, string | null>, stamp: Stamp): void {
  for (const [k, text] of Object.entries(writes)) {
    if (text === null) storage.removeItem(k)
    else storage.setItem(k, text)
  }
  storage.setItem(STAMP_KEY, JSON.stringify(stamp))
}

/** Applies a journal left by a commit that was interrupted, then removes it. */
function recoverJournal(storage: KeyValueStorage): void {
  const text = storage.getItem(JOURNAL_KEY)
  if (!text) return
  const journal = JSON.parse(text) as Journal
  applyWrites(storage, journal.writes, journal.stamp)
  storage.removeItem(JOURNAL_KEY)
}

/** One transaction: changed rows and images kept aside until commit. */
class InAppTransaction implements Tables {
  /** table → key → new row (`null`: removed). */
  readonly changes = new Map<string, Map<string, Row | null>>()
  /** image id → base64 (`null`: removed). */
  readonly imageWrites = new Map<string, string | null>()
  private readonly tables = new Map<string, Table<Row>>()

  constructor(private readonly store: InAppStore) {}

  of<R extends object>(spec: TableSpec<R>): Table<R> {
    let t = this.tables.get(spec.name)
    if (!t) {
      t = new InAppTable(this.store.spec(spec.name), this.store.rowsOf(spec.name), this.changesOf(spec.name))
      this.tables.set(spec.name, t)
    }
    return t as unknown as Table<R>
  }

  readonly images: Images = {
    put: async (id, base64) => {
      this.imageWrites.set(id, base64)
    },
    get: async (id) =>
      this.imageWrites.has(id) ? this.imageWrites.get(id)! : this.store.storage.getItem(IMAGE_PREFIX + id),
    remove: async (id) => {
      this.imageWrites.set(id, null)
    },
  }

  private changesOf(name: string): Map<string, Row | null> {
    if (!this.changes.has(name)) this.changes.set(name, new Map())
    return this.changes.get(name)!
  }
}

class InAppTable implements Table<Row> {
  constructor(
    private readonly spec: TableSpec<Row>,
    private readonly committed: Map<string, Row>,
    private readonly changes: Map<string, Row | null>,
  ) {}

  private current(key: string): Row | undefined {
    if (this.changes.has(key)) return this.changes.get(key) ?? undefined
    return this.committed.get(key)
  }

  async get(key: string): Promise<Row | undefined> {
    return copy(this.current(key))
  }

  private matching(where: Where<Row>): Row[] {
    const out: Row[] = []
    const conds = Object.entries(where).filter(([, c]) => c !== undefined)
    const keys = new Set([...this.committed.keys(), ...this.changes.keys()])
    for (const key of keys) {
      const row = this.current(key)
      if (row && conds.every(([f, c]) => meets(row[f], c as never))) out.push(row)
    }
    return out
  }

  async find(query: Query<Row>): Promise<Row[]> {
    const rows = this.matching(query.where).sort((a, b) => compareRows(this.spec, query.order, a, b))
    const start = query.offset ?? 0
    return copy(rows.slice(start, query.limit === undefined ? undefined : start + query.limit))
  }

  async first(query: Omit<Query<Row>, 'limit' | 'offset'>): Promise<Row | undefined> {
    return (await this.find({ ...query, limit: 1 }))[0]
  }

  async count(where: Where<Row>): Promise<number> {
    return this.matching(where).length
  }

  async insert(row: Row): Promise<Row> {
    const key = String(row[this.spec.key])
    if (this.current(key)) throw new DuplicateKeyError(this.spec.name, key)
    const stored = copy(row)
    this.changes.set(key, stored)
    return copy(stored)
  }

  async update(key: string, patch: Partial<Row>): Promise<Row> {
    const before = this.current(key)
    if (!before) throw new Error(`no row ${key} in ${this.spec.name}`)
    const next: Row = { ...before }
    for (const [f, value] of Object.entries(patch)) {
      if (value === undefined) delete next[f]
      else next[f] = copy(value)
    }
    this.changes.set(key, next)
    return copy(next)
  }

  async remove(key: string): Promise<void> {
    if (this.current(key)) this.changes.set(key, null)
  }
}
