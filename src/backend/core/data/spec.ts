/**
 * Tables of the backend's data, declared once and used by every store: the in-app store (rows in memory,
 * persisted to Taro storage) and the SQL store (PostgreSQL or PGlite, `src/server`). A row is a flat
 * record whose fields are the table's columns; value objects never queried (acts, proofs…) are `jsonb`.
 * Conventions: money integer fen (`integer`/`bigint`), instants ISO with +08:00 (`timestamptz`),
 * calendar dates `YYYY-MM-DD` (`date`), optional fields are nullable columns.
 */

/**
 * A column's type, as PostgreSQL declares it. `numeric` holds decimal figures such as areas in m²
 * (read back as numbers); `bigint` epoch milliseconds.
 */
export type ColumnType = 'text' | 'integer' | 'bigint' | 'numeric' | 'boolean' | 'timestamptz' | 'date' | 'jsonb'

/** The string keys of a row type. */
export type Field<R> = keyof R & string

/**
 * One table. `lookups` lists the equality columns of every lookup a route makes (each is backed by an
 * index in the SQL migrations; `tests/unit/backend/tables.test.ts` checks that every query uses one).
 */
export interface TableSpec<R extends object = Record<string, unknown>> {
  /** snake_case name, the SQL table's. */
  readonly name: string
  /** The primary key column (a text id). */
  readonly key: Field<R>
  /** Every field of the row and its column type. */
  readonly columns: { readonly [K in Field<R>]-?: ColumnType }
  /** Equality columns of the lookups routes make (a leading subset of an index). */
  readonly lookups: readonly (readonly Field<R>[])[]
  /**
   * Text columns holding ID numbers (sensitive personal information, PIPL art. 28). The SQL store keeps
   * them encrypted, with a keyed hash in a `<column>_hash` column that equality conditions, the key and
   * unique constraints use (art. 51; `src/server/sealed-columns.ts`); they can be compared only for
   * equality, never ordered or ranged. The in-app store keeps them as they are (the phone owner's data).
   */
  readonly sealed?: readonly Field<R>[]
  /**
   * In-app store only: rows go under one storage key per shard (e.g. per day for idempotency records),
   * so that no single key grows without bound under WeChat's 1 MB per key.
   */
  readonly shardOf?: (row: R) => string
}

/** Declares a table (an identity function that checks the spec against the row type). */
export function table<R extends object>(spec: TableSpec<R>): TableSpec<R> {
  return spec
}

/** A condition on one column: a value (equality; `null` for "is null"), a list, a range or "not equal". */
export type Cond<V> = V | null | { readonly in: readonly V[] } | { readonly ne: V | null } | Range<V>
/** A range: any of `gt`, `gte`, `lt`, `lte` (ISO strings compare by time, text by code unit). */
export interface Range<V> {
  readonly gt?: V
  readonly gte?: V
  readonly lt?: V
  readonly lte?: V
}

/** Conditions on a row's columns, all of which must hold. */
export type Where<R> = { readonly [K in keyof R]?: Cond<NonNullable<R[K]>> }

/** Sort keys, first to last; the primary key is always appended last, so every order is total. */
export type Order<R> = readonly (readonly [Field<R>, 'asc' | 'desc'])[]

/** A query: conditions, order, paging, and `lock` (SQL `FOR UPDATE`) for rows about to be changed. */
export interface Query<R> {
  readonly where: Where<R>
  readonly order: Order<R>
  readonly limit?: number
  readonly offset?: number
  readonly lock?: boolean
}

/** Whether `value` meets `cond` (the in-app store's evaluation; the SQL store writes the same in SQL). */
export function meets<V>(value: V | null | undefined, cond: Cond<V>): boolean {
  const v = value ?? null
  if (cond === null) return v === null
  if (typeof cond === 'object' && !Array.isArray(cond)) {
    if ('in' in cond) return v !== null && (cond.in as unknown[]).includes(v)
    if ('ne' in cond) return cond.ne === null ? v !== null : v !== null && v !== cond.ne
    const r = cond as Range<V>
    if (r.gt === undefined && r.gte === undefined && r.lt === undefined && r.lte === undefined)
      return v !== null && isEqual(v, cond)
    if (v === null) return false
    const { gt, gte, lt, lte } = r
    return (gt == null || v > gt) && (gte == null || v >= gte) && (lt == null || v < lt) && (lte == null || v <= lte)
  }
  return v === cond
}

/** Whether a condition is an equality on a value (it can use an index's equality part). */
export function isEquality(cond: unknown): boolean {
  return cond === null || typeof cond !== 'object' || Array.isArray(cond) || 'in' in (cond as object)
}

function isEqual(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b)
}

/** Compares two rows by `order` then by the key (ascending): < 0, 0 or > 0. Nulls sort last ascending. */
export function compareRows<R extends object>(spec: TableSpec<R>, order: Order<R>, a: R, b: R): number {
  for (const [field, dir] of [...order, [spec.key, 'asc'] as const]) {
    const x = a[field] as unknown
    const y = b[field] as unknown
    if (x === y) continue
    const sign = dir === 'asc' ? 1 : -1
    if (x == null) return sign
    if (y == null) return -sign
    if (x < y) return -sign
    if (x > y) return sign
  }
  return 0
}
