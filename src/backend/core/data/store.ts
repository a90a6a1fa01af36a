/**
 * The data-access interface shared by the in-app store and the SQL store: a request runs as one
 * transaction over typed tables; handlers reach them only through the features' repositories.
 */
import type { Query, TableSpec, Where } from './spec'

/** Operations on one table inside a transaction. Rows are copies: change them through `update`. */
export interface Table<R extends object> {
  /** The row with this key, or undefined. `lock`: hold it until the transaction ends (SQL `FOR UPDATE`). */
  get(key: string, opts?: { lock?: boolean }): Promise<R | undefined>
  /** Rows meeting `where`, in `order` (then by key), paged by `limit`/`offset`. */
  find(query: Query<R>): Promise<R[]>
  /** The first row of `find`, or undefined. */
  first(query: Omit<Query<R>, 'limit' | 'offset'>): Promise<R | undefined>
  /** How many rows meet `where`. */
  count(where: Where<R>): Promise<number>
  /** Adds a row. @throws `DuplicateKeyError` when the key exists */
  insert(row: R): Promise<R>
  /** Changes fields of the row with this key (`undefined` clears a field); returns the new row. @throws when missing */
  update(key: string, patch: Partial<R>): Promise<R>
  /** Removes the row with this key (nothing when missing). */
  remove(key: string): Promise<void>
}

/** Photos and other images (base64 text), stored apart from the rows. */
export interface Images {
  put(id: string, base64: string): Promise<void>
  get(id: string): Promise<string | null>
  /** Removed when the transaction commits. */
  remove(id: string): Promise<void>
}

/** One transaction's tables and images. */
export interface Tables {
  of<R extends object>(spec: TableSpec<R>): Table<R>
  readonly images: Images
}

/** Rows per table name, e.g. a seed. */
export type Rows = Record<string, object[]>

/** A store: the in-app one (Taro storage) or SQL (PostgreSQL / PGlite). */
export interface Store {
  /**
   * Runs `work` as one transaction: all of its changes or none. The SQL store retries it (a bounded
   * number of times) on a serialization failure or deadlock, so `work` must touch nothing but `tables`.
   */
  transaction<T>(work: (tables: Tables) => Promise<T>): Promise<T>
  /** Replaces every table's rows with `rows` (first start, demo reset). Images are removed. */
  reset(rows: Rows): Promise<void>
  /** Whether the store holds no data yet (first start). */
  isEmpty(): Promise<boolean>
}

/** Inserting a row whose key (or a unique lookup) already exists. */
export class DuplicateKeyError extends Error {
  constructor(
    readonly table: string,
    readonly key: string,
  ) {
    super(`duplicate key ${key} in ${table}`)
    this.name = 'DuplicateKeyError'
  }
}

/**
 * A conflict with a concurrent transaction that running the transaction again may resolve (e.g. two
 * requests with one idempotency key): the SQL store retries; the in-app store never meets one.
 */
export class RetryTransaction extends Error {
  constructor(reason: string) {
    super(reason)
    this.name = 'RetryTransaction'
  }
}

/** A transaction still conflicted after the store's retries: answer 503 and ask the client to retry later. */
export class BusyError extends Error {
  constructor() {
    super('too many concurrent changes; try again shortly')
    this.name = 'BusyError'
  }
}
