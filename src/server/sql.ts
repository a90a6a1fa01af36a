/**
 * SQL text for the table layer (`src/backend/core/data/spec.ts`): column names (camelCase fields →
 * snake_case columns), typed parameters, and SELECT expressions that return every value in the same
 * shape as the in-app store (instants as ISO strings with +08:00, dates `YYYY-MM-DD`, numbers as
 * numbers), whatever the driver. PostgreSQL 15 features only; the session time zone does not matter.
 * Text columns are `COLLATE "C"`, so comparisons and order are by code point, as in the in-app store.
 */
import type { ColumnType, Cond, Order, Query, TableSpec, Where } from '../backend/core/data/spec'

/** `careOrders` → `care_orders`. */
export const snake = (field: string) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`)
/** A quoted identifier. */
export const ident = (name: string) => `"${name.replace(/"/g, '""')}"`

/** The SQL type of each column type (for casts of parameters). */
export const SQL_TYPES: Record<ColumnType, string> = {
  text: 'text',
  integer: 'integer',
  bigint: 'bigint',
  numeric: 'numeric',
  boolean: 'boolean',
  timestamptz: 'timestamptz',
  date: 'date',
  jsonb: 'jsonb',
}

/** The SELECT expression of a column, returning the in-app store's shape. */
function selectExpr(field: string, type: ColumnType): string {
  const c = ident(snake(field))
  switch (type) {
    case 'timestamptz':
      return `to_char((${c} AT TIME ZONE 'UTC') + interval '8 hours', 'YYYY-MM-DD"T"HH24:MI:SS') || '+08:00' AS ${ident(field)}`
    case 'date':
      return `to_char(${c}, 'YYYY-MM-DD') AS ${ident(field)}`
    case 'numeric':
    case 'bigint':
      return `${c}::float8 AS ${ident(field)}`
    default:
      return `${c} AS ${ident(field)}`
  }
}

/** A parameter's value as the driver sends it (JSON text for jsonb). */
function paramValue(type: ColumnType, value: unknown): unknown {
  if (value === undefined || value === null) return null
  return type === 'jsonb' ? JSON.stringify(value) : value
}

/** Collects parameters and hands out `$n::type` placeholders. */
export class Params {
  readonly values: unknown[] = []
  add(type: ColumnType, value: unknown): string {
    this.values.push(paramValue(type, value))
    return `$${this.values.length}::${SQL_TYPES[type]}`
  }
  addArray(type: ColumnType, values: readonly unknown[]): string {
    this.values.push(values.map((v) => paramValue(type, v)))
    return `$${this.values.length}::${SQL_TYPES[type]}[]`
  }
}

/** The WHERE clause (without the keyword; `TRUE` when empty) of `where` over `spec`. */
export function whereSql<R extends object>(spec: TableSpec<R>, where: Where<R>, p: Params): string {
  const parts: string[] = []
  for (const [field, cond] of Object.entries(where) as [string, Cond<unknown> | undefined][]) {
    if (cond === undefined) continue
    const type = (spec.columns as Record<string, ColumnType>)[field]
    if (!type) throw new Error(`no column ${field} in ${spec.name}`)
    const c = ident(snake(field))
    if (cond === null) parts.push(`${c} IS NULL`)
    else if (typeof cond !== 'object' || Array.isArray(cond)) parts.push(`${c} = ${p.add(type, cond)}`)
    else if ('in' in cond) {
      const list = cond.in as readonly unknown[]
      parts.push(list.length ? `${c} = ANY(${p.addArray(type, list)})` : 'FALSE')
    } else if ('ne' in cond) {
      parts.push(cond.ne === null ? `${c} IS NOT NULL` : `${c} IS NOT NULL AND ${c} <> ${p.add(type, cond.ne)}`)
    } else {
      const r = cond as { gt?: unknown; gte?: unknown; lt?: unknown; lte?: unknown }
      if (r.gt === undefined && r.gte === undefined && r.lt === undefined && r.lte === undefined) {
        parts.push(`${c} = ${p.add(type, cond)}`)
        continue
      }
      if (r.gt != null) parts.push(`${c} > ${p.add(type, r.gt)}`)
      if (r.gte != null) parts.push(`${c} >= ${p.add(type, r.gte)}`)
      if (r.lt != null) parts.push(`${c} < ${p.add(type, r.lt)}`)
      if (r.lte != null) parts.push(`${c} <= ${p.add(type, r.lte)}`)
    }
  }
  return parts.length ? parts.join(' AND ') : 'TRUE'
}

/**
 * The ORDER BY list: `order` then the key ascending (nulls last ascending, first descending, as in-app).
 * Text columns are declared `COLLATE "C"` in the migrations, so text sorts by code point as in-app.
 */
function orderSql<R extends object>(spec: TableSpec<R>, order: Order<R>): string {
  const keys = order.some(([f]) => f === spec.key) ? order : [...order, [spec.key, 'asc'] as const]
  return keys.map(([f, dir]) => `${ident(snake(f))} ${dir === 'asc' ? 'ASC' : 'DESC'}`).join(', ')
}

/** The column list of a SELECT returning rows in the in-app shape. */
export function selectList<R extends object>(spec: TableSpec<R>): string {
  return Object.entries(spec.columns as Record<string, ColumnType>)
    .map(([f, t]) => selectExpr(f, t))
    .join(', ')
}

/**
 * `SELECT … FROM t WHERE … ORDER BY … LIMIT … OFFSET … [FOR UPDATE]` over `spec`'s columns; `select`:
 * the spec whose columns are returned (default `spec`; the SQL spec of a table with sealed fields has
 * hash columns the rows do not return).
 */
export function selectSql<R extends object>(
  spec: TableSpec<R>,
  q: Query<R>,
  p: Params,
  select: TableSpec<R> = spec,
): string {
  let text = `SELECT ${selectList(select)} FROM ${ident(spec.name)} WHERE ${whereSql(spec, q.where, p)} ORDER BY ${orderSql(spec, q.order)}`
  if (q.limit !== undefined) text += ` LIMIT ${Math.max(0, Math.floor(q.limit))}`
  if (q.offset) text += ` OFFSET ${Math.max(0, Math.floor(q.offset))}`
  if (q.lock) text += ' FOR UPDATE'
  return text
}

/** A row as read: null columns dropped (the in-app store omits unset fields). */
export function rowOf<R>(raw: Record<string, unknown>): R {
  const out: Record<string, unknown> = {}
  for (const [k, v] of Object.entries(raw)) if (v !== null && v !== undefined) out[k] = v
  return out as R
}
