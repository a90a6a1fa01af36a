/**
 * Prints a draft `CREATE TABLE` for each table spec (`npx tsx scripts/sql-draft.ts [table…]`), as a
 * starting point for a new numbered migration in src/server/migrations: add the foreign keys, unique
 * constraints and checks by hand. tests/unit/server/schema.test.ts checks migrations against the specs.
 */
import type { ColumnType, TableSpec } from '../src/backend/core/data/spec'
import { TABLES } from '../src/backend'
import { ident, snake, SQL_TYPES } from '../src/server/sql'

const only = process.argv.slice(2)
for (const spec of TABLES as unknown as TableSpec<Record<string, unknown>>[]) {
  if (only.length && !only.includes(spec.name)) continue
  const cols = Object.entries(spec.columns as Record<string, ColumnType>).map(([f, t]) => {
    const type = t === 'text' ? 'text COLLATE "C"' : SQL_TYPES[t]
    return `  ${ident(snake(f))} ${type}${f === spec.key ? ' PRIMARY KEY' : ''}`
  })
  console.log(`CREATE TABLE ${ident(spec.name)} (\n${cols.join(',\n')}\n);`)
  spec.lookups.forEach((l, i) => console.log(`CREATE INDEX ${spec.name}_by_${l.map(snake).join('_')} ON ${ident(spec.name)} (${l.map((f) => ident(snake(f))).join(', ')});${i < 0 ? '' : ''}`))
  console.log()
}
