/**
 * Scans build output for code that must not ship in the app: server-only code (PostgreSQL drivers,
 * PGlite, Fastify, SQL text, migrations) in any WeChat or H5 bundle, and the embedded backend's own code
 * in the WeChat main package.
 */
import fs from 'node:fs'
import path from 'node:path'

/** Every `.js` file under `dir` (relative paths, `/`-separated). */
export function jsFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true })
    .map((f) => String(f).split(path.sep).join('/'))
    .filter((f) => f.endsWith('.js'))
}

/** Marks of server-only code: the packages' own identifiers and SQL statements. */
const SERVER_ONLY: [string, RegExp][] = [
  ['pg driver', /\bpg-protocol\b|\bpg-pool\b|\bpgpass\b|require\(["']pg["']\)/],
  ['PGlite', /@electric-sql\/pglite|\bPGlite\b/],
  ['Fastify', /\bfastify\b/i],
  ['SQL DDL', /\b(CREATE|ALTER|DROP)\s+(TABLE|INDEX|EXTENSION|SCHEMA)\b/i],
  ['SQL DML', /\bINSERT\s+INTO\b|\bSELECT\s+[\w*",.\s()]+?\s+FROM\s+\w+|\bUPDATE\s+\w+\s+SET\b|\bDELETE\s+FROM\b/],
  ['migration file', /\bmigrations\/\d{3}/],
]

/** The names of the server-only marks found in `text` (empty when clean). */
export function serverOnlyMarks(text: string): string[] {
  return SERVER_ONLY.filter(([, re]) => re.test(text)).map(([name]) => name)
}

/** `{ file: marks }` for every `.js` file under `dir` with a server-only mark. */
export function scanForServerCode(dir: string): Record<string, string[]> {
  const found: Record<string, string[]> = {}
  for (const f of jsFiles(dir)) {
    const marks = serverOnlyMarks(fs.readFileSync(path.join(dir, f), 'utf8'))
    if (marks.length) found[f] = marks
  }
  return found
}
