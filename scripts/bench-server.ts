/**
 * `npm run bench:server`: the shared server under load (not part of `npm test`). For each size (about
 * 1,000 and 100,000 records: `scaledRows` plus the bench's card holders, services and sessions) and
 * each store — PostgreSQL (a throwaway cluster from the machine's binaries, fsync and
 * synchronous_commit at their defaults), PGlite in a folder, and the old design's file server
 * (bench/file-server, the baseline) — it starts the server, then measures, with `--connections`
 * closed loops each bounded in count and time: reading a petition, the message list, booking a
 * care-card service, cancelling those bookings and an elevator ballot (keyed writes: every write has
 * its own idempotency key), and on the SQL stores a bare Fastify route doing one INSERT through the
 * same driver (the floor). Prints one table and writes it into bench/results/server.md (between its
 * markers; the rest of that file is kept). Every server is stopped by its pid at the end, on error
 * and on Ctrl-C.
 *
 * Options: `--quick` (2 s per route instead of 8), `--seconds N`, `--connections N` (10),
 * `--sizes 1k,100k`, `--stores postgres,pglite,file`, `--no-write` (print only), `--profile` (PostgreSQL
 * at 100k unless told otherwise; servers under `--cpu-prof`, SQL statements counted per request;
 * prints where the time goes instead of the table).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { beijingIso } from '@/domain/shared/time'
import { postgresDriver } from '@/server/drivers'
import { benchData, v2Storage, type BenchPlan } from './bench-server-data'
import { quantile, runLoad, type BenchRequest, type LoadResult } from './bench-server-load'
import {
  fail,
  freePort,
  startNode,
  startPostgres,
  stopPostgres,
  tmp,
  type Postgres,
  type Server,
} from './bench-server-procs'

const root = path.resolve(__dirname, '..')
const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined)
const profile = args.includes('--profile')
const quick = args.includes('--quick')
const seconds = Number(opt('seconds') ?? (quick ? 2 : 8))
const connections = Number(opt('connections') ?? 10)
const SIZES: Record<string, number> = { '1k': 1_000, '100k': 100_000 }
const sizes = (opt('sizes') ?? (profile ? '100k' : '1k,100k')).split(',')
const stores = (opt('stores') ?? (profile ? 'postgres' : 'postgres,pglite,file')).split(',') as StoreKind[]
const resultsFile = path.join(root, 'bench/results/server.md')
const MAX_REQUESTS = 50_000
const WARM_UP = { requests: 30, ms: Math.min(2000, seconds * 500) }

type StoreKind = 'postgres' | 'pglite' | 'file'
const STORE_NAMES: Record<StoreKind, string> = { postgres: 'PostgreSQL', pglite: 'PGlite', file: 'file (old)' }
type RouteKey = 'petition' | 'messages' | 'book' | 'cancel' | 'ballot' | 'floor'
const ROUTES: Record<RouteKey, { label: string; write: boolean }> = {
  petition: { label: 'GET petition', write: false },
  messages: { label: 'GET message list', write: false },
  book: { label: 'POST care-card booking', write: true },
  cancel: { label: 'POST cancel booking', write: true },
  ballot: { label: 'POST elevator ballot', write: true },
  floor: { label: 'bare INSERT (floor)', write: true },
}

interface Row {
  route: RouteKey
  store: StoreKind
  size: string
  result: LoadResult
}

// ---------------------------------------------------------------------------------------------------
// The routes under load.

interface Session {
  plan: BenchPlan
  /** Next booking of the plan (each used once per database). */
  bookingCursor: number
  booked: { id: string; token: string }[]
  cancelCursor: number
  ballots: number
  keys: number
}

const auth = (token: string, route: RouteKey, key?: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  'x-bench-route': route,
  ...(key ? { 'idempotency-key': key } : {}),
})

/** The request list and answer handler of a route, over the session's plan. */
function routeLoad(route: RouteKey, s: Session): Pick<Parameters<typeof runLoad>[1], 'request' | 'onResponse'> {
  const { voters, readers, bookings } = s.plan
  const key = () => `bench-${route}-${s.keys++}`
  switch (route) {
    case 'petition':
      return {
        request: (i) => {
          const v = voters[i % voters.length]
          return { method: 'GET', path: `/api/elevator/petitions/${v.petitionId}`, headers: auth(v.token, route) }
        },
      }
    case 'messages':
      return {
        request: (i) => ({ method: 'GET', path: '/api/messages', headers: auth(readers[i % readers.length], route) }),
      }
    case 'book': {
      const tokens = new Map<number, string>()
      return {
        request: (i) => {
          const b = bookings[s.bookingCursor++]
          if (!b) return null
          tokens.set(i, b.token)
          return {
            method: 'POST',
            path: '/api/care-card/orders',
            headers: auth(b.token, route, key()),
            body: { slotId: b.slotId },
          }
        },
        onResponse: (i, status, body) => {
          if (status === 200) s.booked.push({ id: (JSON.parse(body) as { id: string }).id, token: tokens.get(i)! })
        },
      }
    }
    case 'cancel':
      return {
        request: () => {
          const b = s.booked[s.cancelCursor++]
          return b
            ? { method: 'POST', path: `/api/care-card/orders/${b.id}/cancel`, headers: auth(b.token, route, key()) }
            : null
        },
      }
    case 'ballot':
      return {
        request: () => {
          const n = s.ballots++
          const v = voters[n % voters.length]
          const choice = Math.floor(n / voters.length) % 2 ? 'oppose' : 'agree'
          return {
            method: 'POST',
            path: `/api/elevator/petitions/${v.petitionId}/ballots`,
            headers: auth(v.token, route, key()),
            body: { householdId: v.householdId, choice, signature: { kind: 'typed-name', name: v.name } },
          }
        },
      }
    case 'floor':
      return {
        request: (i): BenchRequest => ({
          method: 'POST',
          path: '/bench/insert',
          headers: { 'x-bench-route': route },
          body: { i },
        }),
      }
  }
}

/** Warms a server up, then measures each route on it. */
async function measure(server: Server, store: StoreKind, size: string, plan: BenchPlan): Promise<Row[]> {
  const s: Session = { plan, bookingCursor: 0, booked: [], cancelCursor: 0, ballots: 0, keys: 0 }
  const routes = (Object.keys(ROUTES) as RouteKey[]).filter((r) => r !== 'floor' || store !== 'file')
  for (const route of routes) {
    const r = await runLoad(server.origin, {
      connections,
      maxRequests: WARM_UP.requests,
      maxMs: WARM_UP.ms,
      ...routeLoad(route, s),
    })
    if (r.errors === r.requests) throw new Error(`${STORE_NAMES[store]} ${size} warm-up ${route}: ${r.firstError}`)
    if (r.errors) console.log(`  (warm-up ${route}: ${r.errors} of ${r.requests} failed, first: ${r.firstError})`)
  }
  const rows: Row[] = []
  for (const route of routes) {
    if (profile) await fetch(`${server.origin}/bench/stats/reset`, { method: 'POST' })
    const result = await runLoad(server.origin, {
      connections,
      maxRequests: MAX_REQUESTS,
      maxMs: seconds * 1000,
      ...routeLoad(route, s),
    })
    rows.push({ route, store, size, result })
    console.log(`  ${line({ route, store, size, result })}`)
    const unexpected = server
      .takeStderr()
      .split(/\n(?=unexpected: )/)
      .filter((e) => e.startsWith('unexpected: '))
    if (unexpected.length) {
      const first = unexpected[0].split('\n').slice(0, 6).join('\n      ')
      console.log(`    ${unexpected.length} unexpected errors in the server (answered 500); the first:\n      ${first}`)
    }
    if (profile) await printStats(server.origin, route)
  }
  return rows
}

// ---------------------------------------------------------------------------------------------------
// Output.

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2))
/** Successful (2xx) answers per second. */
const rps = (r: LoadResult) => ((r.requests - r.errors) / r.elapsedMs) * 1000
const p50 = (r: LoadResult) => quantile(r.latenciesMs, 0.5)
const p99 = (r: LoadResult) => quantile(r.latenciesMs, 0.99)

function line(row: Row): string {
  const r = row.result
  return [
    ROUTES[row.route].label.padEnd(24),
    STORE_NAMES[row.store].padEnd(11),
    row.size.padStart(5),
    `${rps(r).toFixed(1).padStart(8)} ok/s`,
    `p50 ${ms(p50(r)).padStart(6)} ms`,
    `p99 ${ms(p99(r)).padStart(6)} ms`,
    `${r.errors} errors / ${r.requests}`,
    r.firstError ? `first: ${r.firstError}` : '',
  ].join('  ')
}

function table(rows: Row[]): string {
  const out = [
    '| route | store | records | ok/s | p50 ms | p99 ms | errors | requests |',
    '| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: |',
  ]
  const order = (Object.keys(ROUTES) as RouteKey[]).flatMap((route) =>
    (['postgres', 'pglite', 'file'] as StoreKind[]).flatMap((store) =>
      sizes.map((size) => rows.find((r) => r.route === route && r.store === store && r.size === size)),
    ),
  )
  for (const row of order) {
    if (!row) continue
    const r = row.result
    out.push(
      `| ${ROUTES[row.route].label} | ${STORE_NAMES[row.store]} | ${row.size} | ${rps(r).toFixed(1)} | ${ms(p50(r))} | ${ms(p99(r))} | ${r.errors} | ${r.requests} |`,
    )
  }
  return out.join('\n')
}

/** The aims of issue 21, with the figures of this run. */
function aims(rows: Row[]): string {
  const get = (route: RouteKey, store: StoreKind, size: string) =>
    rows.find((r) => r.route === route && r.store === store && r.size === size)?.result
  const out: string[] = []
  const writes: RouteKey[] = ['book', 'cancel', 'ballot']
  if (sizes.includes('100k')) {
    const ratios = writes.flatMap((w) => {
      const pg = get(w, 'postgres', '100k')
      const file = get(w, 'file', '100k')
      return pg && file ? [`${ROUTES[w].label} ${(rps(pg) / rps(file)).toFixed(1)}×`] : []
    })
    const met = writes.every((w) => {
      const pg = get(w, 'postgres', '100k')
      const file = get(w, 'file', '100k')
      return pg && file && rps(pg) >= 25 * rps(file)
    })
    if (ratios.length)
      out.push(
        `- At 100k records keyed writes on PostgreSQL ≥ 25× the file server: **${met ? 'met' : 'missed'}** (${ratios.join(', ')}).`,
      )
  }
  if (sizes.includes('1k') && sizes.includes('100k')) {
    for (const store of ['postgres', 'pglite', 'file'] as StoreKind[]) {
      const parts = (Object.keys(ROUTES) as RouteKey[]).flatMap((route) => {
        const a = get(route, store, '1k')
        const b = get(route, store, '100k')
        return a && b ? [{ route, ratio: p50(b) / p50(a) }] : []
      })
      if (!parts.length) continue
      const met = parts.every((p) => p.ratio <= 1.5)
      out.push(
        `- p50 at 100k within 1.5× of 1k, ${STORE_NAMES[store]}${store === 'file' ? ' (the old design, for comparison; not an aim)' : ''}: **${met ? 'met' : 'missed'}** (${parts.map((p) => `${ROUTES[p.route].label} ${p.ratio.toFixed(2)}×`).join(', ')}).`,
      )
    }
  }
  for (const store of ['postgres', 'pglite'] as StoreKind[]) {
    for (const size of sizes) {
      const floor = get('floor', store, size)
      if (!floor) continue
      const parts = writes.flatMap((w) => {
        const r = get(w, store, size)
        return r
          ? [
              `${ROUTES[w].label} ${(rps(floor) / rps(r)).toFixed(1)}× fewer ok/s, p50 ${(p50(r) / p50(floor)).toFixed(1)}×`,
            ]
          : []
      })
      out.push(`- Ratio to the bare INSERT, ${STORE_NAMES[store]} ${size}: ${parts.join('; ')}.`)
    }
  }
  return out.join('\n')
}

/** Replaces the part of `file` between `<!-- name:begin -->` and `<!-- name:end -->` (appends it if missing). */
function writeSection(file: string, name: string, text: string): void {
  const begin = `<!-- ${name}:begin -->`
  const end = `<!-- ${name}:end -->`
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Shared server benchmark\n'
  const block = `${begin}\n${text.trim()}\n${end}`
  const i = old.indexOf(begin)
  const j = old.indexOf(end)
  const next = i >= 0 && j > i ? old.slice(0, i) + block + old.slice(j + end.length) : `${old.trimEnd()}\n\n${block}\n`
  fs.mkdirSync(path.dirname(file), { recursive: true })
  fs.writeFileSync(file, next)
}

// ---------------------------------------------------------------------------------------------------
// Profile mode: statements per request and the servers' CPU profiles.

async function printStats(origin: string, route: RouteKey): Promise<void> {
  type Counts = {
    requests: number
    statements: number
    transactions: number
    dbMs: number
    serverMs: number
    texts: Record<string, { n: number; ms: number }>
  }
  const stats = (await (await fetch(`${origin}/bench/stats`)).json()) as Record<string, Counts>
  const c = stats[route]
  const f = stats.decideFault
  if (!c?.requests) return
  const per = (x: number, n = c.requests) => (x / n).toFixed(2)
  const fault = f?.requests
    ? `; before it, decideFault: ${per(f.statements, f.requests)} statements, ${per(f.transactions, f.requests)} transactions, ${per(f.dbMs, f.requests)} ms in the database`
    : ''
  profileLines.push(
    `${ROUTES[route].label}: per request ${per(c.statements)} statements in ${per(c.transactions)} transactions, ${per(c.dbMs)} ms in the database of ${per(c.serverMs)} ms in the server${fault}`,
  )
  console.log(`    ${profileLines.at(-1)}`)
  const texts = Object.entries(c.texts)
    .sort((a, b) => b[1].n - a[1].n)
    .slice(0, 12)
    .map(([t, x]) => `      ${per(x.n)} × ${per(x.ms / x.n, 1)} ms  ${t}`)
  profileLines.push(texts.join('\n'))
  console.log(profileLines.at(-1))
}
const profileLines: string[] = []

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }[]
  startTime: number
  endTime: number
  samples: number[]
}

/** Where a function lives, for grouping: a package, a folder of ours, Node itself, or V8's pseudo-frames. */
function placeOf(url: string, fn: string): string {
  if (!url) return fn.startsWith('(') ? fn : '(native)'
  const nm = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)
  if (nm) return nm[1]
  if (url.startsWith('node:')) return 'node'
  const ours = /\/(src\/[^/]+\/[^/]+|scripts)\//.exec(url)
  return ours ? ours[1] : url
}

function summariseProfile(file: string, label: string): string {
  const p = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile
  const tick = (p.endTime - p.startTime) / 1000 / p.samples.length
  const byPlace = new Map<string, number>()
  const byFn = new Map<string, number>()
  let busy = 0
  for (const n of p.nodes) {
    const t = (n.hitCount ?? 0) * tick
    if (!t || n.callFrame.functionName === '(idle)') continue
    busy += t
    const place = placeOf(n.callFrame.url, n.callFrame.functionName)
    byPlace.set(place, (byPlace.get(place) ?? 0) + t)
    const fn = `${n.callFrame.functionName || '(anonymous)'} ${place}:${n.callFrame.lineNumber + 1}`
    byFn.set(fn, (byFn.get(fn) ?? 0) + t)
  }
  const top = (m: Map<string, number>, n: number) =>
    [...m.entries()]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([k, v]) => `  ${((v / busy) * 100).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n')
  return [
    `${label}: ${(busy / 1000).toFixed(1)} s of CPU in ${((p.endTime - p.startTime) / 1e6).toFixed(1)} s (self time):`,
    'by place:',
    top(byPlace, 14),
    'by function:',
    top(byFn, 16),
  ].join('\n')
}

/** PostgreSQL's log: errors by message, reason and statement (serialization failures, deadlocks…). */
function profileLog(file: string): string {
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : ''
  const found = new Map<string, number>()
  const entries = text.split(/\n(?=\S+ \S+ \S+ \[\d+\] )/)
  for (const e of entries) {
    const m = /ERROR:\s+(.*)/.exec(e)
    if (!m) continue
    const reason = /DETAIL:\s+(.*)/.exec(e)?.[1] ?? ''
    const statement = (/STATEMENT:\s+([\s\S]*)/.exec(e)?.[1] ?? '')
      .replace(/\s+/g, ' ')
      .replace(/^SELECT .*? FROM/, 'SELECT … FROM')
      .slice(0, 100)
    const k = `${m[1]} | ${reason} | ${statement}`
    found.set(k, (found.get(k) ?? 0) + 1)
  }
  const top = [...found.entries()].sort((a, b) => b[1] - a[1]).slice(0, 15)
  return `PostgreSQL log: ${[...found.values()].reduce((a, b) => a + b, 0)} errors\n${top.map(([k, n]) => `  ${n} × ${k}`).join('\n')}`
}

// ---------------------------------------------------------------------------------------------------

/** The cluster of this run (PostgreSQL stores only). */
let postgres: Postgres | null = null

async function startStore(store: StoreKind, size: string, rowsFile: string, v2File: string): Promise<Server> {
  const port = await freePort()
  const profDir = path.join(tmp, 'profiles', `${store}-${size}`)
  const nodeFlags = profile ? ['--cpu-prof', `--cpu-prof-dir=${profDir}`] : []
  if (store === 'file') {
    return startNode(
      [...nodeFlags, 'bench/file-server/server.cjs', '--port', String(port), '--data', v2File],
      /listening on (http:\/\/\S+)/,
      120_000,
    )
  }
  let db: string
  if (store === 'postgres') {
    const name = `bench_${size}_${Date.now()}`
    const admin = await postgresDriver(postgres!.url, { max: 1 })
    await admin.withConnection((c) => c.query(`CREATE DATABASE ${name}`))
    await admin.close()
    const u = new URL(postgres!.url)
    u.pathname = `/${name}`
    db = u.toString()
  } else {
    db = path.join(tmp, `pglite-${size}`, 'pg')
    fs.mkdirSync(db, { recursive: true })
  }
  const blobs = path.join(tmp, `blobs-${store}-${size}`)
  return startNode(
    [
      ...nodeFlags,
      '--import',
      'tsx',
      'scripts/bench-server-app.ts',
      '--store',
      store,
      '--db',
      db,
      '--blobs',
      blobs,
      '--rows',
      rowsFile,
      '--port',
      String(port),
      ...(profile ? ['--count-sql'] : []),
    ],
    /ready (http:\/\/\S+)/,
    600_000,
  )
}

async function main(): Promise<void> {
  const started = Date.now()
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, Node ${process.version}`
  console.log(`Shared server benchmark ${new Date().toISOString()} — ${machine}`)
  console.log(
    `${connections} connections per load, ${seconds} s or ${MAX_REQUESTS} requests per route (after a warm-up of ${WARM_UP.requests} requests or ${WARM_UP.ms} ms)`,
  )
  let pgInfo = ''
  if (stores.includes('postgres')) {
    postgres = await startPostgres()
    const admin = await postgresDriver(postgres.url, { max: 1 })
    const settings = await admin.withConnection(
      async (c) =>
        (
          await c.query(
            `SELECT name, setting FROM pg_settings WHERE name IN ('server_version', 'fsync', 'synchronous_commit', 'full_page_writes', 'wal_sync_method', 'shared_buffers', 'max_connections') ORDER BY name`,
          )
        ).rows,
    )
    await admin.close()
    pgInfo = settings.map((s) => `${s.name}=${s.setting}`).join(', ')
    console.log(`PostgreSQL: ${pgInfo}`)
  }
  const rows: Row[] = []
  for (const size of sizes) {
    const records = SIZES[size]
    if (!records) throw new Error(`unknown size ${size} (${Object.keys(SIZES).join(', ')})`)
    const { rows: data, plan } = benchData(records, beijingIso(Date.now()))
    const count = Object.values(data).reduce((n, r) => n + r.length, 0)
    const rowsFile = path.join(tmp, `rows-${size}.json`)
    const v2File = path.join(tmp, `file-${size}.json`)
    fs.writeFileSync(rowsFile, JSON.stringify(data))
    if (stores.includes('file')) fs.writeFileSync(v2File, JSON.stringify(v2Storage(data)))
    const fileSize = stores.includes('file')
      ? `, old data file ${(fs.statSync(v2File).size / 2 ** 20).toFixed(1)} MiB`
      : ''
    console.log(`\n${size}: ${count} rows${fileSize}`)
    for (const store of stores) {
      const t = Date.now()
      const server = await startStore(store, size, rowsFile, v2File)
      console.log(` ${STORE_NAMES[store]} (pid ${server.pid}) ready in ${((Date.now() - t) / 1000).toFixed(1)} s`)
      try {
        rows.push(...(await measure(server, store, size, plan)))
      } finally {
        await server.stop()
      }
      if (profile) {
        const dir = path.join(tmp, 'profiles', `${store}-${size}`)
        // The server's main thread (tsx's loader thread writes a small profile of its own).
        const files = (fs.existsSync(dir) ? fs.readdirSync(dir) : []).map((f) => path.join(dir, f))
        const main = files.sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]
        if (main) {
          profileLines.push(summariseProfile(main, `${STORE_NAMES[store]} ${size} server CPU profile`))
          console.log(profileLines.at(-1))
        }
      }
    }
  }
  const header = [
    `Run ${new Date().toISOString()} in ${((Date.now() - started) / 60_000).toFixed(1)} min on a ${os.cpus().length}-core machine (${machine}; the load generator, the server and PostgreSQL share it).`,
    `${connections} connections per load; each route ${seconds} s or ${MAX_REQUESTS} requests after a warm-up. Latency (of every answer) from sending to the last byte; ok/s counts 2xx answers only; errors are other answers (503 BUSY: a transaction still conflicting after its retries) and failed connections.`,
    pgInfo ? `PostgreSQL: ${pgInfo} (durability at its defaults).` : '',
  ]
    .filter(Boolean)
    .join('\n')
  const text = `${header}\n\n${table(rows)}\n\n${aims(rows)}`
  console.log(`\n${text}`)
  if (postgres && profile) {
    const lines = profileLog(path.join(postgres.dir, 'postgres.log'))
    profileLines.push(lines)
    console.log(lines)
  }
  if (profile) {
    if (!args.includes('--no-write'))
      writeSection(resultsFile, 'bench:profile', `${header}\n\n\`\`\`\n${profileLines.join('\n')}\n\`\`\``)
  } else if (!args.includes('--no-write')) writeSection(resultsFile, 'bench:table', text)
  await stopPostgres()
}

main().catch(fail)
