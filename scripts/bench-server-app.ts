/**
 * One server of `npm run bench:server`, started (and stopped by its pid) by it, one per store and size:
 * the shared server's own stack (`createSqlBackend` + `buildApp`, as `npm run server` composes them)
 * over PGlite in a folder or over PostgreSQL, seeded from a JSON file of rows; plus the floor route
 * `POST /bench/insert`, one INSERT through the same driver (pg pool or PGlite), nothing else.
 *
 *   node --import tsx scripts/bench-server-app.ts --store pglite|postgres --db <folder|url> --blobs <folder>
 *     [--rows <file>] [--port <n>] [--count-sql] [--processes <n>] [--waiting-room] [--rate-limits]
 *
 * With `--processes n` (PostgreSQL only) n workers of node:cluster share the port (the primary hands out
 * connections round-robin and prints `ready` once every worker listens; seed with `--rows` only when
 * n is 1). `--waiting-room`: the production waiting room (`src/server/waiting-room.ts`), with
 * `--max-pool-wait-ms <n>` its threshold on the connection queue's wait instead of the default.
 * `--rate-limits`: the production limit on writes per user (in the database); the per-IP limits are left
 * out, as every request of a load comes from 127.0.0.1.
 *
 * With `--count-sql`, statements, transactions and time in the database are counted per request (by
 * the `x-bench-route` header; `decideFault` apart) and served at `GET /bench/stats`. Prints `ready <url>`.
 * Errors that the server would answer with a bare 500 (neither an HTTP, domain, busy nor duplicate-key
 * error) are written to stderr, which the shared server itself does not log.
 */
import { AsyncLocalStorage } from 'node:async_hooks'
import cluster from 'node:cluster'
import { randomUUID } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { TABLES } from '@/backend'
import { DEFAULT_RATE_LIMITS } from '@/backend/core/rate-limits'
import { buildApp } from '@/server/app'
import { createSqlBackend } from '@/server/backend'
import { fileBlobStore, memoryBlobStore } from '@/server/blobs'
import { pgliteDriver, postgresDriver, type SqlDriver } from '@/server/drivers'
import { migrate } from '@/server/migrate'
import { SqlStore } from '@/server/sql-store'
import type { WaitingRoomOptions } from '@/server/waiting-room'

interface Counts {
  requests: number
  statements: number
  transactions: number
  dbMs: number
  serverMs: number
  /** Statements by text (numbers and quoted names blanked), with their count and time. */
  texts: Record<string, { n: number; ms: number }>
}

const arg = (name: string) => {
  const i = process.argv.indexOf(`--${name}`)
  return i > 0 ? process.argv[i + 1] : undefined
}

const counts = new Map<string, Counts>()
const current = new AsyncLocalStorage<Counts>()
const countsOf = (key: string) => {
  let c = counts.get(key)
  if (!c) counts.set(key, (c = { requests: 0, statements: 0, transactions: 0, dbMs: 0, serverMs: 0, texts: {} }))
  return c
}

/** A statement's text, short: the select list elided, to tell statements apart in the stats. */
const shortText = (text: string) =>
  text
    .replace(/^SELECT .*? FROM/, 'SELECT … FROM')
    .replace(/ RETURNING .*$/, ' RETURNING …')
    .replace(/\(("[a-z_]+", )+"[a-z_]+"\) VALUES \((\$\d+::\w+(\[\])?, )+\$\d+::\w+(\[\])?\)/, '(…) VALUES (…)')
    .slice(0, 160)

/** The waiting room on `driver`'s connection queue, with `--max-pool-wait-ms` when given. */
function waitingRoomOptions(driver: SqlDriver): WaitingRoomOptions {
  const maxPoolWaitMs = arg('max-pool-wait-ms')
  return {
    poolWaiting: () => driver.waiting(),
    poolWaitMs: () => driver.oldestWaitMs(),
    ...(maxPoolWaitMs ? { maxPoolWaitMs: Number(maxPoolWaitMs) } : {}),
  }
}

/** The driver with every statement counted and timed against the request it runs for. */
function counting(driver: SqlDriver): SqlDriver {
  return {
    kind: driver.kind,
    close: () => driver.close(),
    waiting: () => driver.waiting(),
    oldestWaitMs: () => driver.oldestWaitMs(),
    withConnection: (work) =>
      driver.withConnection((c) =>
        work({
          exec: (script) => c.exec(script),
          query: async (text, params) => {
            const t0 = performance.now()
            try {
              return await c.query(text, params)
            } finally {
              const into = current.getStore()
              if (into) {
                const took = performance.now() - t0
                into.statements++
                into.dbMs += took
                if (text.startsWith('BEGIN')) into.transactions++
                const t = (into.texts[shortText(text)] ??= { n: 0, ms: 0 })
                t.n++
                t.ms += took
              }
            }
          },
        }),
      ),
  }
}

async function main(): Promise<void> {
  const store = arg('store')
  const db = arg('db')
  const rowsFile = arg('rows')
  const port = Number(arg('port') ?? 0)
  const countSql = process.argv.includes('--count-sql')
  if ((store !== 'pglite' && store !== 'postgres') || !db) throw new Error('--store pglite|postgres --db <folder|url>')
  const raw = store === 'postgres' ? await postgresDriver(db) : await pgliteDriver(db)
  await migrate(raw)
  if (rowsFile) {
    const rows = JSON.parse(fs.readFileSync(rowsFile, 'utf8'))
    await new SqlStore(raw, TABLES, memoryBlobStore()).reset(rows)
    await raw.withConnection(async (c) => {
      await c.query('VACUUM ANALYZE')
      await c.query('CHECKPOINT')
    })
  }
  // Cluster workers start together: IF NOT EXISTS still races in PostgreSQL's catalog (23505), harmlessly.
  await raw
    .withConnection((c) =>
      c.query(
        'CREATE TABLE IF NOT EXISTS bench_floor (id text PRIMARY KEY, at timestamptz NOT NULL, body jsonb NOT NULL)',
      ),
    )
    .catch((e: { code?: string }) => {
      if (e.code !== '23505') throw e
    })
  const driver = countSql ? counting(raw) : raw
  const blobs = fileBlobStore(arg('blobs') ?? path.join(db, 'blobs'))
  const backend = await createSqlBackend({
    driver,
    blobs,
    ...(process.argv.includes('--rate-limits')
      ? { rateLimits: { writesPerUser: DEFAULT_RATE_LIMITS.writesPerUser } }
      : {}),
  })
  const transaction = backend.store.transaction.bind(backend.store)
  backend.store.transaction = async (work) => {
    try {
      return await transaction(work)
    } catch (e) {
      const code = (e as { code?: unknown }).code
      const known = typeof code === 'string' && /^[A-Z_]+$/.test(code)
      if (!known && !['HttpError', 'BusyError', 'DuplicateKeyError'].includes((e as Error).name))
        console.error(
          `unexpected: ${(e as Error).stack ?? String(e)} ${typeof code === 'string' ? `(code ${code})` : ''}`,
        )
      throw e
    }
  }
  if (countSql) {
    const handle = backend.handle.bind(backend)
    const decideFault = backend.decideFault.bind(backend)
    backend.handle = (req) => current.run(countsOf(req.headers['x-bench-route'] ?? req.url), () => handle(req))
    backend.decideFault = (url) => {
      const c = countsOf('decideFault')
      c.requests++
      return current.run(c, () => decideFault(url))
    }
  }
  const app = buildApp(backend, process.argv.includes('--waiting-room') ? { waitingRoom: waitingRoomOptions(raw) } : {})
  app.post('/bench/insert', async (req) => {
    await driver.withConnection((c) =>
      current.run(countsOf('floor'), () =>
        c.query('INSERT INTO bench_floor (id, at, body) VALUES ($1, $2::timestamptz, $3::jsonb)', [
          randomUUID(),
          new Date().toISOString(),
          JSON.stringify(req.body ?? {}),
        ]),
      ),
    )
    return { ok: true }
  })
  if (countSql) {
    app.addHook('onResponse', async (req, reply) => {
      const route = req.headers['x-bench-route']
      if (typeof route !== 'string') return
      const c = countsOf(route)
      c.requests++
      c.serverMs += reply.elapsedTime
    })
    app.get('/bench/stats', async () => Object.fromEntries(counts))
    app.post('/bench/stats/reset', async () => {
      counts.clear()
      return { ok: true }
    })
  }
  const url = await app.listen({ port, host: '127.0.0.1' })
  if (cluster.isWorker) process.send?.({ ready: url })
  else console.log(`ready ${url}`)
  const stop = async () => {
    await app.close()
    await raw.close()
    process.exit(0)
  }
  process.on('SIGTERM', () => void stop())
  process.on('SIGINT', () => void stop())
}

/** The cluster's primary: forks the workers, prints `ready` once all listen, stops them on SIGTERM. */
function primary(n: number): void {
  let listening = 0
  let url = ''
  for (let i = 0; i < n; i++) {
    const w = cluster.fork()
    w.process.stdout?.pipe(process.stdout)
    w.on('message', (m: { ready?: string }) => {
      if (!m.ready) return
      url = m.ready
      if (++listening === n) console.log(`ready ${url}`)
    })
  }
  cluster.on('exit', (w, code) => {
    if (!stopping && code !== 0) {
      console.error(`worker ${w.process.pid} exited with ${code}`)
      process.exit(1)
    }
    if (Object.keys(cluster.workers ?? {}).length === 0) process.exit(0)
  })
  let stopping = false
  const stop = () => {
    stopping = true
    for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGTERM')
  }
  process.on('SIGTERM', stop)
  process.on('SIGINT', stop)
}

const processes = Number(arg('processes') ?? 1)
if (processes > 1 && cluster.isPrimary) primary(processes)
else
  main().catch((e) => {
    console.error(e)
    process.exit(1)
  })
