/**
 * The SQL side of a table's sealed columns (`TableSpec.sealed`, ID numbers; PIPL arts. 28, 51): a
 * sealed field `idNumber` is stored encrypted in `id_number` (`PiiCipher.seal`) with its keyed hash in
 * `id_number_hash`. Rows are sealed on the way in and opened on the way out, and conditions on a sealed
 * field become conditions on its hash, so the repositories and routes see plain values as in-app and
 * never change. Only equality (a value, a list, null / not null) can be asked of a sealed field.
 */
import type { ColumnType, Cond, Order, TableSpec, Where } from '../backend/core/data/spec'
import type { PiiCipher } from './pii'

type Row = Record<string, unknown>

/** The field of a sealed field's hash: `idNumber` → `idNumberHash` (column `id_number_hash`). */
export const hashField = (field: string) => `${field}Hash`

/** The columns a table has in SQL: its spec's, plus a text hash column per sealed field. */
export function sqlColumns(spec: TableSpec<never>): Record<string, ColumnType> {
  const columns: Record<string, ColumnType> = { ...(spec.columns as Record<string, ColumnType>) }
  for (const f of spec.sealed ?? []) columns[hashField(f)] = 'text'
  return columns
}

/** A lookup's columns as SQL indexes them: a sealed field by its hash. */
export function sqlLookup(spec: TableSpec<never>, lookup: readonly string[]): string[] {
  const sealed = new Set<string>(spec.sealed ?? [])
  return lookup.map((f) => (sealed.has(f) ? hashField(f) : f))
}

/** Seals, opens and rewrites conditions for one table (a table without sealed fields passes through). */
export class SealedColumns {
  /** The spec the SQL text is written from: the hash columns added, a sealed key ordered by its hash. */
  readonly sqlSpec: TableSpec<Row>
  private readonly fields: readonly string[]

  constructor(
    readonly spec: TableSpec<Row>,
    private readonly cipher: PiiCipher,
  ) {
    this.fields = spec.sealed ?? []
    const key = this.fields.includes(spec.key) ? hashField(spec.key) : spec.key
    this.sqlSpec = { ...spec, key, columns: sqlColumns(spec as TableSpec<never>) }
  }

  /** Whether the table has sealed fields. */
  get any(): boolean {
    return this.fields.length > 0
  }

  /** A row or patch as stored: each sealed field present sealed, with its hash (both null when cleared). */
  seal(row: Row): Row {
    if (!this.any) return row
    const out = { ...row }
    for (const f of this.fields) {
      if (!(f in row)) continue
      const v = row[f]
      const empty = v === undefined || v === null
      out[f] = empty ? v : this.cipher.seal(String(v))
      out[hashField(f)] = empty ? v : this.cipher.hash(String(v))
    }
    return out
  }

  /** A row as read: each sealed field opened. @throws PiiSealError for a value this server cannot open */
  open(row: Row): Row {
    if (!this.any) return row
    const out = { ...row }
    for (const f of this.fields) if (typeof out[f] === 'string') out[f] = this.cipher.open(out[f] as string)
    return out
  }

  /**
   * Conditions with every sealed field's condition moved to its hash.
   * @throws Error for a range or order on a sealed field (its stored form has no order)
   */
  where(where: Where<Row>): Where<Row> {
    if (!this.any) return where
    const out: Record<string, unknown> = { ...where }
    for (const f of this.fields) {
      if (!(f in where)) continue
      const cond = where[f] as Cond<unknown> | undefined
      delete out[f]
      out[hashField(f)] = this.hashCond(f, cond)
    }
    return out as Where<Row>
  }

  private hashCond(field: string, cond: Cond<unknown> | undefined): unknown {
    if (cond === undefined || cond === null) return cond
    const h = (v: unknown) => this.cipher.hash(String(v))
    if (typeof cond !== 'object' || Array.isArray(cond)) return h(cond)
    if ('in' in cond) return { in: (cond.in as unknown[]).map(h) }
    if ('ne' in cond) return { ne: cond.ne === null ? null : h(cond.ne) }
    throw new Error(`${this.spec.name}.${field} is sealed: only equality conditions are possible`)
  }

  /** `order`, checked. @throws Error when it sorts by a sealed field */
  order(order: Order<Row>): Order<Row> {
    for (const [f] of order)
      if (this.fields.includes(f)) throw new Error(`${this.spec.name}.${f} is sealed: it cannot be sorted by`)
    return order
  }
}
