/**
 * `npm run load -- <scenario> [options]`: a district under load (not part of `npm test`). Starts a
 * throwaway PostgreSQL (scripts/test-postgres.mjs), writes a generated district into a template database
 * (`districtRows`, as `npm run seed:district`), and for each process count copies the template to a fresh
 * database, starts the server there (scripts/bench-server-app.ts: the shared server's own stack, node:cluster
 * for several processes, on 127.0.0.1), runs the scenario with `--connections` closed loops (each bounded
 * in count and time), stops the server by its pid and checks the database (`load-invariants.ts`).
 *
 * Scenarios:
 * - `registration-opening`: every parent reads the course list, then applies for each child to up to two
 *   courses of the age band, most to the popular few (first-come and lottery; half join the waitlist
 *   when a first-come course is full).
 * - `vote-deadline`: the owners of the units in vote read their petition and cast a ballot, up to three
 *   rounds (a later ballot replaces the earlier one in the tally, the log keeps both).
 * - `care-daily`: card holders book lunch and dinner over the coming week (about 60% of the meals).
 * - `messages`: every account reads its message list.
 *
 * Options: `--communities N` (10), `--residents M` (20000), `--processes 1,2` (a list: one run each),
 * `--connections N` (64), `--seconds N` (60, per run), `--max-requests N` (100000), `--waiting-room`
 * (`--max-pool-wait-ms N`: its threshold on the connection queue's wait, default the server's own, 100)
 * (the server's waiting room on; the load retries its 503s as the app does), `--rate-limits` (the
 * per-user write limit on, in the database). Every answer other than 2xx, 409/422 (refusals the person
 * sees, e.g. 课程已满) and the waiting room's 503 counts as an error.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { addDays, beijingDate, beijingIso } from '@/domain/shared/time'
import { postgresDriver } from '@/server/drivers'
import { quantile, runLoad, type BenchRequest, type LoadResult } from './bench-server-load'
import { fail, freePort, startNode, startPostgres, stopPostgres } from './bench-server-procs'
import { checkAccounting, checkInvariants, countRows, type InvariantResult } from './load-invariants'
import { districtRows, tableSizes, writeRows, type DistrictPlan } from './seed-district'
import { BOOKING_LEAD_MS, SLOT_DAYS, slotStart } from '@/backend/features/care-card/catalog'

const SCENARIOS = ['registration-opening', 'vote-deadline', 'care-daily', 'messages'] as const
type Scenario = (typeof SCENARIOS)[number]
const args = process.argv.slice(2)
const opt = (name: string) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : undefined)
const scenario = args[0] as Scenario
const communities = Number(opt('communities') ?? 10)
const residents = Number(opt('residents') ?? 20_000)
const processCounts = (opt('processes') ?? '1').split(',').map(Number)
const connections = Number(opt('connections') ?? 64)
const seconds = Number(opt('seconds') ?? 60)
const maxRequests = Number(opt('max-requests') ?? 100_000)
const waitingRoom = args.includes('--waiting-room')
const maxPoolWaitMs = opt('max-pool-wait-ms')
const rateLimits = args.includes('--rate-limits')
/** Attempts of one request in the waiting room before the load gives it up (the app keeps trying). */
const WAITING_ROOM_ATTEMPTS = 30

/** The accounting table of a scenario's writes. */
const WRITES: Partial<Record<Scenario, 'yp_enrollments' | 'care_orders' | 'elevator_log'>> = {
  'registration-opening': 'yp_enrollments',
  'care-daily': 'care_orders',
  'vote-deadline': 'elevator_log',
}

/** Picks from `xs` with weights falling by rank (the first few are the popular ones). */
function popular<T>(xs: readonly T[], rand: () => number): T {
  const weights = xs.map((_, i) => 1 / (i + 1))
  let r = rand() * weights.reduce((a, b) => a + b, 0)
  for (let i = 0; i < xs.length; i++) if ((r -= weights[i]) <= 0) return xs[i]
  return xs[xs.length - 1]
}

/** Deterministic shuffle (mulberry32) so every run of a scenario sends the same requests. */
function shuffled<T>(xs: readonly T[], seed = 7): T[] {
  let a = seed
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = Math.imul(a ^ (a >>> 15), a | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
  const out = [...xs]
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1))
    ;[out[i], out[j]] = [out[j], out[i]]
  }
  return out
}

interface Planned extends BenchRequest {
  kind: 'read' | 'write'
}

const auth = (token: string, key?: string): Record<string, string> => ({
  authorization: `Bearer ${token}`,
  ...(key ? { 'idempotency-key': key } : {}),
})

/** The scenario's requests, in order; `extra` makes the follow-ups (a cancel after a booking). */
function requestsOf(s: Scenario, plan: DistrictPlan, nowIso: string): Planned[] {
  let seq = 0
  const key = () => `load-${s}-${seq++}`
  const out: Planned[] = []
  let r = 1
  const rand = () => ((r = (r * 16807) % 2147483647) - 1) / 2147483646
  if (s === 'registration-opening') {
    const termOf = new Map(plan.terms.map((t) => [t.replace('ypt-d', 'c-d'), t]))
    for (const p of shuffled(plan.parents)) {
      out.push({
        kind: 'read',
        method: 'GET',
        path: `/api/youth-palace/terms/${termOf.get(p.communityId)}/courses`,
        headers: auth(p.token),
      })
      for (const child of p.children) {
        const fits = plan.courses.filter(
          (c) => c.communityId === p.communityId && child.age >= c.ageMin && child.age <= c.ageMax,
        )
        const chosen = new Set<string>()
        for (let k = 0; k < 2 && chosen.size < fits.length; k++) {
          let c = popular(fits, rand)
          while (chosen.has(c.id)) c = fits[(fits.indexOf(c) + 1) % fits.length]
          chosen.add(c.id)
          out.push({
            kind: 'write',
            method: 'POST',
            path: '/api/youth-palace/applications',
            headers: auth(p.token, key()),
            body: { childId: child.id, courseId: c.id, joinWaitlist: rand() < 0.5 },
          })
        }
      }
    }
  } else if (s === 'vote-deadline') {
    for (let round = 0; round < 3; round++)
      for (const v of shuffled(plan.voters, round + 1)) {
        if (round && rand() < 0.5) continue
        out.push({
          kind: 'read',
          method: 'GET',
          path: `/api/elevator/petitions/${v.petitionId}`,
          headers: auth(v.token),
        })
        out.push({
          kind: 'write',
          method: 'POST',
          path: `/api/elevator/petitions/${v.petitionId}/ballots`,
          headers: auth(v.token, key()),
          body: {
            householdId: v.householdId,
            choice: rand() < 0.7 ? 'agree' : 'oppose',
            signature: { kind: 'typed-name', name: v.name },
          },
        })
      }
  } else if (s === 'care-daily') {
    const today = beijingDate(nowIso)
    const earliest = Date.parse(nowIso) + BOOKING_LEAD_MS + 10 * 60_000
    for (let d = 0; d <= SLOT_DAYS; d++)
      for (const h of shuffled(plan.holders, d + 1))
        for (const service of plan.services.filter((x) => x.communityId === h.communityId)) {
          const date = addDays(today, d)
          for (const time of service.slotTimes) {
            if (Date.parse(slotStart(date, time)) < earliest || rand() < 0.4) continue
            out.push({
              kind: 'write',
              method: 'POST',
              path: '/api/care-card/orders',
              headers: auth(h.token, key()),
              body: { slotId: `${service.id}@${date}T${time}` },
            })
          }
        }
  } else {
    for (const token of shuffled(plan.readers))
      out.push({ kind: 'read', method: 'GET', path: '/api/messages', headers: auth(token) })
  }
  return out
}

/** CPU seconds (user + system) used so far by `roots` and every descendant still running (Linux /proc). */
function cpuOfTree(roots: number[]): number {
  const stat = new Map<number, { ppid: number; ticks: number }>()
  for (const d of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(d)) continue
    try {
      const text = fs.readFileSync(`/proc/${d}/stat`, 'utf8')
      const f = text.slice(text.lastIndexOf(')') + 2).split(' ')
      stat.set(Number(d), { ppid: Number(f[1]), ticks: Number(f[11]) + Number(f[12]) })
    } catch {
      // gone meanwhile
    }
  }
  const inTree = new Set(roots)
  for (let grew = true; grew;) {
    grew = false
    for (const [pid, x] of stat)
      if (!inTree.has(pid) && inTree.has(x.ppid)) {
        inTree.add(pid)
        grew = true
      }
  }
  let ticks = 0
  for (const pid of inTree) ticks += stat.get(pid)?.ticks ?? 0
  return ticks / 100
}

/** The postmaster's pid of the cluster in `dir`. */
const postmasterOf = (dir: string) =>
  Number(fs.readFileSync(path.join(dir, 'data', 'postmaster.pid'), 'utf8').split('\n')[0])

interface Run {
  /** CPU seconds during the measured load: the server processes, PostgreSQL (all its backends). */
  cpu: { server: number; postgres: number }
  processes: number
  result: LoadResult
  reads: LoadResult['byStatus']
  writes: LoadResult['byStatus']
  checks: InvariantResult[]
  planned: number
}

const ms = (x: number) => (Number.isNaN(x) ? '–' : x >= 100 ? x.toFixed(0) : x.toFixed(1))
/** Answers that are not errors: 2xx, a refusal the person reads (409, 422), the waiting room's 503. */
const isError = (status: number) => !(status < 300 || status === 409 || status === 422)

async function runOnce(
  templateUrl: string,
  adminUrl: string,
  pgDir: string,
  plan: DistrictPlan,
  nowIso: string,
  processes: number,
): Promise<Run> {
  const name = `load_${processes}p_${Date.now()}`
  const admin = await postgresDriver(adminUrl, { max: 1 })
  await admin.withConnection((c) => c.query(`CREATE DATABASE ${name} TEMPLATE district`))
  await admin.close()
  const u = new URL(templateUrl)
  u.pathname = `/${name}`
  const url = u.toString()
  const db = await postgresDriver(url, { max: 2 })
  const table = WRITES[scenario]
  const before = table ? await countRows(db, table) : 0
  const port = await freePort()
  const server = await startNode(
    [
      '--import',
      'tsx',
      'scripts/bench-server-app.ts',
      '--store',
      'postgres',
      '--db',
      url,
      '--blobs',
      `${os.tmpdir()}/mc-load-blobs-${name}`,
      '--port',
      String(port),
      '--processes',
      String(processes),
      ...(waitingRoom ? ['--waiting-room'] : []),
      ...(waitingRoom && maxPoolWaitMs ? ['--max-pool-wait-ms', maxPoolWaitMs] : []),
      ...(rateLimits ? ['--rate-limits'] : []),
    ],
    /ready (http:\/\/\S+)/,
    120_000,
  )
  const requests = requestsOf(scenario, plan, nowIso)
  const okIds: string[] = []
  const statusByKind = { read: {} as Record<number, number>, write: {} as Record<number, number> }
  let okWrites = 0
  try {
    // Warm-up: a few reads (JIT, connection pools), not counted.
    await runLoad(server.origin, {
      connections: Math.min(connections, 16),
      maxRequests: 200,
      maxMs: 5000,
      request: (i) => ({ method: 'GET', path: '/api/messages', headers: auth(plan.readers[i % plan.readers.length]) }),
    })
    const cpu0 = { server: cpuOfTree([server.pid]), postgres: cpuOfTree([postmasterOf(pgDir)]) }
    const result = await runLoad(server.origin, {
      connections,
      maxRequests,
      maxMs: seconds * 1000,
      request: (i) => requests[i] ?? null,
      ...(waitingRoom ? { waitingRoom: { maxAttempts: WAITING_ROOM_ATTEMPTS } } : {}),
      onResponse: (i, status, body) => {
        const k = requests[i].kind
        statusByKind[k][status] = (statusByKind[k][status] ?? 0) + 1
        if (k === 'write' && status >= 200 && status < 300) {
          okWrites++
          const id = (JSON.parse(body) as { id?: unknown }).id
          if (typeof id === 'string' && table !== 'elevator_log') okIds.push(id)
        }
      },
    })
    const cpu = {
      server: cpuOfTree([server.pid]) - cpu0.server,
      postgres: cpuOfTree([postmasterOf(pgDir)]) - cpu0.postgres,
    }
    const unexpected = server
      .takeStderr()
      .split('\n')
      .filter((l) => l.startsWith('unexpected: '))
    if (unexpected.length) console.log(`  ${unexpected.length} unexpected server errors; the first: ${unexpected[0]}`)
    await server.stop()
    const checks = [
      ...(await checkInvariants(db)),
      ...(table ? await checkAccounting(db, table, okIds, okWrites, before) : []),
    ]
    return {
      processes,
      cpu,
      result,
      reads: statusByKind.read,
      writes: statusByKind.write,
      checks,
      planned: requests.length,
    }
  } finally {
    await server.stop()
    await db.close()
  }
}

function report(run: Run): string {
  const r = run.result
  const ok = Object.entries(r.byStatus).reduce((n, [s, c]) => n + (Number(s) < 300 ? c : 0), 0)
  const errors = Object.entries(r.byStatus).reduce(
    (n, [s, c]) => n + (isError(Number(s)) && Number(s) !== 503 ? c : 0),
    0,
  )
  const waited = r.byStatus[503] ?? 0
  const broken = run.checks.filter((c) => c.violations)
  const statuses = (x: Record<number, number>) =>
    Object.entries(x)
      .map(([s, c]) => `${s}×${c}`)
      .join(' ')
  return [
    `${run.processes} process${run.processes > 1 ? 'es' : ''}: ${r.requests} of ${run.planned} planned requests in ${(r.elapsedMs / 1000).toFixed(1)} s = ${((r.requests / r.elapsedMs) * 1000).toFixed(0)} answers/s (${((ok / r.elapsedMs) * 1000).toFixed(0)} 2xx/s)`,
    `  admitted latency p50 ${ms(quantile(r.admittedMs, 0.5))} ms, p95 ${ms(quantile(r.admittedMs, 0.95))} ms, p99 ${ms(quantile(r.admittedMs, 0.99))} ms, max ${ms(r.admittedMs.at(-1) ?? NaN)} ms; end to end (waits included) p99 ${ms(quantile(r.endToEndMs, 0.99))} ms`,
    `  reads ${statuses(run.reads) || '–'}; writes ${statuses(run.writes) || '–'}`,
    `  errors ${errors} (${((errors / Math.max(1, r.requests)) * 100).toFixed(2)}%)${r.firstError && errors ? `, first: ${r.firstError}` : ''}; waiting room: ${r.turnedAway} turned away and retried, ${waited} still waiting at the end`,
    `  CPU per answer: server ${((run.cpu.server / Math.max(1, r.requests)) * 1000).toFixed(1)} ms, PostgreSQL ${((run.cpu.postgres / Math.max(1, r.requests)) * 1000).toFixed(1)} ms (${run.cpu.server.toFixed(1)} s + ${run.cpu.postgres.toFixed(1)} s in ${(r.elapsedMs / 1000).toFixed(1)} s; the machine's load average ${os.loadavg()[0].toFixed(1)})`,
    broken.length
      ? `  INVARIANTS BROKEN: ${broken.map((c) => `${c.name}: ${c.violations} ${JSON.stringify(c.examples)}`).join('; ')}`
      : `  invariants: all ${run.checks.length} hold (${run.checks.map((c) => c.name).join(', ')})`,
  ].join('\n')
}

async function main(): Promise<void> {
  if (!SCENARIOS.includes(scenario)) throw new Error(`npm run load -- <${SCENARIOS.join('|')}> [options]`)
  const nowIso = beijingIso(Date.now())
  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}`
  console.log(
    `load ${scenario} ${new Date().toISOString()} on ${machine} (the load generator, the server and PostgreSQL share it)`,
  )
  console.log(
    `${connections} connections, at most ${seconds} s and ${maxRequests} requests a run; waiting room ${waitingRoom ? `on${maxPoolWaitMs ? ` (pool wait over ${maxPoolWaitMs} ms)` : ''}` : 'off'}, rate limits ${rateLimits ? 'on' : 'off'}`,
  )
  let t = Date.now()
  const { rows, plan } = districtRows({ communities, residents, nowIso })
  const { total } = tableSizes(rows)
  console.log(
    `district: ${communities} communities, ${residents} residents, ${total} rows (${plan.parents.length} parents, ${plan.voters.length} voters, ${plan.holders.length} card holders)`,
  )
  const pg = await startPostgres()
  const admin = await postgresDriver(pg.url, { max: 1 })
  await admin.withConnection((c) => c.query('CREATE DATABASE district'))
  await admin.close()
  const u = new URL(pg.url)
  u.pathname = '/district'
  await writeRows(u.toString(), rows)
  console.log(`seeded PostgreSQL in ${((Date.now() - t) / 1000).toFixed(1)} s`)
  const runs: Run[] = []
  for (const n of processCounts) {
    t = Date.now()
    const run = await runOnce(u.toString(), pg.url, pg.dir, plan, nowIso, n)
    runs.push(run)
    console.log(report(run))
  }
  if (runs.length > 1) {
    const rate = (x: Run) => x.result.requests / x.result.elapsedMs
    console.log(
      `throughput ${runs.map((x) => `${x.processes}p ${(rate(x) * 1000).toFixed(0)}/s`).join(', ')}: ${runs
        .slice(1)
        .map((x) => `${x.processes}p/${runs[0].processes}p = ${(rate(x) / rate(runs[0])).toFixed(2)}×`)
        .join(', ')}`,
    )
  }
  await stopPostgres()
  if (runs.some((x) => x.checks.some((c) => c.violations))) process.exitCode = 2
}

main().catch(fail)
