/** @jest-environment node */
/**
 * The same journeys on the three stores answer the same, body for body: the in-app backend, the server
 * on PGlite and the server on PostgreSQL each run the busy day (every feature's main writes, as
 * residents, proxies and workers) and then every GET route for six personas. Ids and tokens come from
 * one counter restarted for each store, so the answers can be compared as they are. Runs with the SQL
 * transports (`MC_SQL=1`; PostgreSQL when `MC_PG_URL` is set).
 */
import { ROUTES } from '@/backend'
import type { Method } from '@/backend/core/http'
import { useIdSource } from '@/backend/core/ids'
import { inProcess, overSql, type CallOptions, type Client } from '../backend/client'
import { busyDay } from '../backend/journeys'
import { describeSql, PG_URL } from './databases'

jest.setTimeout(300_000)

/** Path parameters of the GET sweep, from the seed and the busy day. */
const PARAMS: Record<string, string[]> = {
  applications: ['ca-seed-xs0'],
  orders: ['co-seed-1', 'co-seed-2'],
  services: ['cs-zpq-lunch'],
  children: ['ypk-chen-yue'],
  courses: ['ypc-calligraphy', 'ypc-pottery'],
  terms: ['ypt-zpq-2026-spring'],
  petitions: ['ep-xs-5-2'],
  progress: ['after-death', 'newborn'],
  halls: ['hall-zh-district'],
}

/** One answer of the journeys: who asked what, and the status and body (compared as values). */
interface Answer {
  request: string
  status: number
  body: unknown
}

/** Every answer of the journeys, in order. */
async function run(make: () => Promise<Client>): Promise<Answer[]> {
  let n = 0
  useIdSource(() => (++n).toString(16).padStart(32, '0'))
  const c = await make()
  const answers: Answer[] = []
  const tokens: Record<string, string> = {}
  const call = async (userId: string, method: Method, url: string, opts: CallOptions = {}) => {
    tokens[userId] ??= await c.login(userId)
    const r = await c.call(method, url, { token: tokens[userId], ...opts })
    answers.push({
      request: `${userId}${opts.actingFor ? `→${opts.actingFor}` : ''} ${method} ${url}`,
      status: r.status,
      body: JSON.parse(JSON.stringify(r.body ?? null)),
    })
    return r
  }
  try {
    await busyDay(c, async (userId, method, url, opts) => {
      const r = await call(userId, method, url, opts)
      if (r.status !== 200)
        throw new Error(`${c.name}: ${userId} ${method} ${url} answered ${r.status} ${JSON.stringify(r.body)}`)
      return r.body
    })
    for (const userId of ['u-wang', 'u-li', 'u-zhao', 'u-sun', 'u-chen', 'u-xs0']) {
      for (const route of ROUTES.filter((r) => r.method === 'GET' && r.access !== 'dev')) {
        let urls = ['']
        const parts = route.path.split('/').filter(Boolean)
        for (const [i, part] of parts.entries()) {
          const values = part.startsWith(':') ? (PARAMS[parts[i - 1]] ?? []) : [part]
          urls = urls.flatMap((u) => values.map((v) => `${u}/${v}`))
        }
        for (const url of urls) await call(userId, 'GET', url)
      }
    }
  } finally {
    useIdSource(null)
    await c.close()
  }
  return answers
}

/** A value with its object keys sorted (jsonb keeps keys in its own order; the order carries no meaning). */
function sortKeys(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(sortKeys)
  if (v && typeof v === 'object')
    return Object.fromEntries(
      Object.keys(v)
        .sort()
        .map((k) => [k, sortKeys((v as Record<string, unknown>)[k])]),
    )
  return v
}

/**
 * An answer as compared: the export's workers' openings (`pii_access_log`, written by GETs) without their
 * ids, which come from the test's counting id source and so depend on how many ids each store drew
 * before (the in-app store draws some the SQL store does not); everything else as it is.
 */
function comparable(a: Answer): unknown {
  const body = a.body as { tables?: { pii_access_log?: Record<string, unknown>[] } } | undefined
  if (!a.request.endsWith('GET /api/me/export') || !body?.tables?.pii_access_log) return sortKeys(a)
  const log = body.tables.pii_access_log.map(({ id: _id, ...rest }) => rest)
  return sortKeys({ ...a, body: { ...body, tables: { ...body.tables, pii_access_log: log } } })
}

describeSql('the three stores answer alike (differential)', () => {
  it('in-app, PGlite and PostgreSQL give the same answers, body for body', async () => {
    const inApp = await run(() => inProcess())
    const pglite = await run(() => overSql('pglite'))
    expect(inApp.length).toBeGreaterThan(250)
    const same = (a: Answer, i: number) => JSON.stringify(comparable(a)) === JSON.stringify(comparable(inApp[i]))
    const differing = (other: Answer[]) => other.filter((a, i) => !same(a, i))
    expect(differing(pglite).map((a) => a.request)).toEqual([])
    expect(pglite.map(comparable)).toEqual(inApp.map(comparable))
    if (PG_URL) expect((await run(() => overSql('postgres'))).map(comparable)).toEqual(inApp.map(comparable))
  })
})
