/**
 * Weak-network journeys in the WeChat harness: turn the embedded backend's
 * seeded fault schedule on, record which fault each request met, and act as a person would while a step
 * is not done (wait, tap 重试, submit again), checking that the page always says what is happening.
 */
import type { MiniProgram } from './mini-program'
import { walk } from './tree'

/**
 * The schedule: each request has a 30 % chance of each failing kind (timeout, 503, saved-but-the-answer-
 * lost) and takes 2 s more. Seeded, so every run meets the same faults in the same order.
 */
const FAULTS = {
  enabled: true,
  seed: 42,
  rate: 0.3,
  latencyMs: 2000,
  kinds: ['latency', 'timeout', 'server-error', 'lost-response'],
}
/**
 * Virtual time (ms) for one round of an action: three attempts of 2 s latency + a 10 s timeout, plus the
 * wrapper's back-off (0.4 s + 0.8 s), with room for a follow-up load.
 */
const ROUND = 45_000
/** How many times a person taps 重试 (or submits again) before the test gives up. */
const MAX_TRIES = 15

/**
 * A journey's seed by name, from `seeds`, unless `FAULT_SEEDS` (JSON, e.g. `'{"draw":7}'`) overrides it
 * to try other schedules.
 */
export const seedsFrom =
  <K extends string>(seeds: Record<K, number>) =>
  (k: K): number =>
    (JSON.parse(process.env.FAULT_SEEDS ?? '{}') as Partial<Record<K, number>>)[k] ?? seeds[k]

/** One request and the fault it met (`method` is '?' when it never reached the handler). */
export interface Hit {
  method: string
  url: string
  kind: string
}

/**
 * Turns the fault schedule on (restarting it from `seed`) and records which fault each request met:
 * timeouts and 503s never reach the handler; the others are matched to the handled request by URL.
 * `loseFirst`: the first write (non-GET) to a URL matching it is saved but its answer lost, whatever the
 * schedule says — the case a retry with a new idempotency key would turn into two records — so a
 * journey meets it however its requests shift.
 */
export function faultsOn(mp: MiniProgram, seed: number, loseFirst?: RegExp): Hit[] {
  type Backend = {
    decideFault(path?: string): Promise<{ kind: string | null; delayMs: number }>
    handle(req: { method: string; url: string }): unknown
    configureFaults(c: object): Promise<void>
  }
  const backend = mp.backend() as unknown as Backend
  // Queued before any later request's transaction, so no await is needed.
  void backend.configureFaults({ ...FAULTS, seed })
  const hits: Hit[] = []
  const reaching = new Map<string, string[]>()
  let lost = !loseFirst
  const decide = backend.decideFault.bind(backend)
  backend.decideFault = async (path = '') => {
    const d = await decide(path)
    const kind = d.kind ?? 'ok'
    if (kind === 'timeout' || kind === 'server-error') hits.push({ method: '?', url: path, kind })
    else reaching.set(path, [...(reaching.get(path) ?? []), kind])
    return d
  }
  const handle = backend.handle.bind(backend)
  backend.handle = (req) => {
    const scheduled = reaching.get(req.url)?.shift() ?? 'ok'
    if (!lost && req.method !== 'GET' && loseFirst!.test(req.url)) {
      // Saved, then the answer is lost on the way back, as the interceptor does for 'lost-response'.
      lost = true
      hits.push({ method: req.method, url: req.url, kind: 'lost-response' })
      return Promise.resolve(handle(req)).then(() => {
        throw { errMsg: 'request:fail network connection lost' }
      })
    }
    hits.push({ method: req.method, url: req.url, kind: scheduled })
    return handle(req)
  }
  return hits
}

/** Faults met: at least one, and the write under test (URL matching `write`) saved once while its answer was lost. */
export function expectFaultsMet(hits: Hit[], write: RegExp): void {
  expect(hits.filter((h) => h.kind !== 'ok').length).toBeGreaterThan(0)
  expect(
    hits.filter((h) => h.method !== 'GET' && h.method !== '?' && write.test(h.url) && h.kind === 'lost-response')
      .length,
  ).toBeGreaterThan(0)
}

/** Titles of every toast shown so far. */
const toasts = (mp: MiniProgram): string[] =>
  mp.calls.filter((c) => c.api === 'showToast').map((c) => String((c.args as { title?: string }).title ?? ''))
/** The "网络不稳，正在重试（第 N 次）…" toasts shown while the API wrapper retried. */
export const retryToasts = (mp: MiniProgram): string[] =>
  toasts(mp).filter((t) => /^网络不稳，正在重试（第 \d 次）…$/.test(t))

/** What the person sees while a journey step is not done: a loading state or a failure with its reason. */
const EXPLAINED = /⚠ .{4,}|正在加载|请稍候|正在保存/

/**
 * Lets the step run; while `done()` is false, checks the page says what is happening and acts as a
 * person would: taps 重试 when an ErrorNote offers it, otherwise `again()` (e.g. submit again).
 * Returns how many times the person had to act. Throws when the page is silent or after `MAX_TRIES`.
 */
export async function persist(
  mp: MiniProgram,
  what: string,
  done: () => boolean | Promise<boolean>,
  again?: () => Promise<void>,
): Promise<number> {
  for (let tries = 0; ; tries++) {
    await mp.settle(ROUND)
    if (await done()) return tries
    const text = mp.page.text()
    if (!EXPLAINED.test(text))
      throw new Error(`${what}: not done and the page does not say why: ${text.slice(0, 1500)}`)
    if (tries >= MAX_TRIES) throw new Error(`${what}: not done after ${MAX_TRIES} tries: ${text.slice(0, 1500)}`)
    if (mp.page.has(/^重试$/)) await mp.page.tap(/^重试$/)
    else if (again) await again()
  }
}

/**
 * The rows of `table` (its SQL name) in the embedded backend meeting `where`, in key order: what a
 * journey saved, read as the backend stores it (`Backend.inspect`).
 */
export const rowsOf = <R = any>(mp: MiniProgram, table: string, where?: Record<string, unknown>): Promise<R[]> =>
  mp.backend().inspect<R>(table, where)

/** The row of `table` whose `id` is `id` (undefined when there is none). */
export const rowOf = async <R = any>(mp: MiniProgram, table: string, id: string): Promise<R | undefined> =>
  (await rowsOf<R>(mp, table, { id }))[0]

/** The value shown in an input (by the Field's id or the input's own). */
export function inputValue(mp: MiniProgram, id: string): string {
  const node = mp.page.get(id)
  const input = ['input', 'textarea'].includes(node.tag)
    ? node
    : walk(node).find((n) => ['input', 'textarea'].includes(n.tag))!
  return String(input.attrs.value ?? '')
}

/** Ids on the page starting with `prefix`. */
export const idsStarting = (mp: MiniProgram, prefix: string): string[] =>
  walk(mp.page.root)
    .map((n) => n.id ?? '')
    .filter((id) => id.startsWith(prefix))

/**
 * Calls the embedded backend directly as `userId` (a fresh mock login), bypassing the app and the fault
 * schedule: for setting up what other people did before the journey under test. Throws on a non-2xx answer.
 */
export async function callAs(
  mp: MiniProgram,
  userId: string,
  method: string,
  url: string,
  body?: unknown,
): Promise<any> {
  const backend = mp.backend() as unknown as {
    handle(req: {
      method: string
      url: string
      headers: Record<string, string>
      body?: unknown
    }): Promise<{ status: number; body: any }>
  }
  const json = { 'content-type': 'application/json' }
  const login = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: json, body: { userId } })
  if (login.status !== 200) throw new Error(`login ${userId}: ${login.status} ${JSON.stringify(login.body)}`)
  const res = await backend.handle({
    method,
    url,
    headers: { ...json, authorization: `Bearer ${login.body.token}` },
    body,
  })
  if (res.status >= 300) throw new Error(`${method} ${url} as ${userId}: ${res.status} ${JSON.stringify(res.body)}`)
  return res.body
}
