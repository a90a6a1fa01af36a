/**
 * Prints a draft `CREATE TABLE` for each table spec (`npx tsx scripts/sql-draft.ts [table…]`), as a
 * starting point for a new numbered migration in src/server/migrations: required fields of the row type
 * are NOT NULL (read from the TypeScript types); add foreign keys, unique constraints and checks by
 * hand. tests/unit/server/schema.test.ts checks the migrations against the specs.
 */
import path from 'node:path'
import ts from 'typescript'
import type { ColumnType, TableSpec } from '@/backend/core/data/spec'
import { TABLES } from '@/backend'
import { ident, snake, SQL_TYPES } from '@/server/sql'

/** `{ tableName: { field: optional } }` from every `table<Row>({ name: '…' })` call in src/backend. */
function optionality(): Record<string, Record<string, boolean>> {
  const root = path.resolve(__dirname, '..')
  const config = ts.parseJsonConfigFileContent(
    ts.readConfigFile(path.join(root, 'tsconfig.json'), ts.sys.readFile).config,
    ts.sys,
    root,
  )
  const program = ts.createProgram(
    config.fileNames.filter((f) => f.includes('src/backend')),
    config.options,
  )
  const checker = program.getTypeChecker()
  const out: Record<string, Record<string, boolean>> = {}
  for (const sf of program.getSourceFiles()) {
    if (!sf.fileName.includes('src/backend')) continue
    const visit = (node: ts.Node) => {
      if (ts.isCallExpression(node) && node.expression.getText(sf) === 'table' && node.typeArguments?.length === 1) {
        const arg = node.arguments[0]
        const nameProp = ts.isObjectLiteralExpression(arg)
          ? arg.properties.find((p) => ts.isPropertyAssignment(p) && p.name.getText(sf) === 'name')
          : undefined
        const name =
          nameProp && ts.isPropertyAssignment(nameProp) && ts.isStringLiteral(nameProp.initializer)
            ? nameProp.initializer.text
            : null
        if (name) {
          const type = checker.getTypeFromTypeNode(node.typeArguments[0])
          out[name] = Object.fromEntries(
            type.getProperties().map((p) => [p.name, (p.flags & ts.SymbolFlags.Optional) !== 0]),
          )
        }
      }
      ts.forEachChild(node, visit)
    }
    visit(sf)
  }
  return out
}

const only = process.argv.slice(2)
const optional = optionality()
for (const spec of TABLES as unknown as TableSpec<Record<string, unknown>>[]) {
  if (only.length && !only.includes(spec.name)) continue
  const cols = Object.entries(spec.columns as Record<string, ColumnType>).map(([f, t]) => {
    const type = t === 'text' ? 'text COLLATE "C"' : SQL_TYPES[t]
    const rest = f === spec.key ? ' PRIMARY KEY' : optional[spec.name]?.[f] === false ? ' NOT NULL' : ''
    return `  ${snake(f)} ${type}${rest}`
  })
  console.log(`CREATE TABLE ${spec.name} (\n${cols.join(',\n')}\n);`)
  for (const l of spec.lookups)
    console.log(
      `CREATE INDEX ${spec.name}_by_${l.map(snake).join('_')} ON ${spec.name} (${l.map((f) => snake(f)).join(', ')});`,
    )
  console.log()
}
void ident
