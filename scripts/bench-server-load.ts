/**
 * The load generator of `npm run bench:server`: `connections` closed loops over one undici pool on
 * 127.0.0.1, each sending the next request of a list as soon as its previous answer is read, until
 * `maxRequests` were sent, `maxMs` passed or the list ends. Latency is from sending to the last byte.
 * With `waitingRoom`, a 503 `WAITING_ROOM` carrying `Retry-After` is what the app does with it: wait that long (with
 * ±50% jitter) and send the same request again (same idempotency key), up to `maxAttempts` times.
 */
import { Pool } from 'undici'

export interface BenchRequest {
  method: 'GET' | 'POST'
  path: string
  headers?: Record<string, string>
  body?: unknown
}

export interface LoadOptions {
  connections: number
  maxRequests: number
  maxMs: number
  /** The i-th request, or null when there is none left. */
  request(i: number): BenchRequest | null
  /** Called with every final answer (e.g. to keep the id of what a booking created). */
  onResponse?(i: number, status: number, body: string): void
  /** Retry 503 + `Retry-After` answers as the app does (attempts in all, the first included). */
  waitingRoom?: { maxAttempts: number }
}

export interface LoadResult {
  requests: number
  /** Answers other than 2xx, and failed connections. */
  errors: number
  elapsedMs: number
  latenciesMs: number[]
  firstError?: string
  /** Final answers by status (0: no answer). */
  byStatus: Record<number, number>
  /** 503 + `Retry-After` answers that were retried (waitingRoom only). */
  turnedAway: number
  /** Sorted latencies of the answers other than 503 + `Retry-After` (the admitted requests). */
  admittedMs: number[]
  /** Sorted times from the first attempt to the final answer, waits included. */
  endToEndMs: number[]
}

/** Answers that do not come within this long count as errors (ms). */
const REQUEST_TIMEOUT_MS = 60_000

/** The value at quantile `q` (0–1) of sorted `xs`. */
export const quantile = (xs: readonly number[], q: number) =>
  xs.length ? xs[Math.min(xs.length - 1, Math.max(0, Math.ceil(q * xs.length) - 1))] : NaN

/** Runs one bounded load against `origin`. */
export async function runLoad(origin: string, opts: LoadOptions): Promise<LoadResult> {
  const pool = new Pool(origin, {
    connections: opts.connections,
    pipelining: 1,
    headersTimeout: REQUEST_TIMEOUT_MS,
    bodyTimeout: REQUEST_TIMEOUT_MS,
  })
  const latencies: number[] = []
  const admitted: number[] = []
  const endToEnd: number[] = []
  const byStatus: Record<number, number> = {}
  let turnedAway = 0
  let next = 0
  let errors = 0
  let firstError: string | undefined
  const start = performance.now()
  const deadline = start + opts.maxMs
  const send = async (r: BenchRequest) => {
    const t0 = performance.now()
    try {
      const res = await pool.request({
        method: r.method,
        path: r.path,
        headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
        body: r.body === undefined ? undefined : JSON.stringify(r.body),
      })
      const text = await res.body.text()
      const retryAfter =
        res.statusCode === 503 && text.includes('"WAITING_ROOM"') ? Number(res.headers['retry-after']) : NaN
      return { status: res.statusCode, text, ms: performance.now() - t0, retryAfter }
    } catch (e) {
      return { status: 0, text: String((e as Error).message), ms: performance.now() - t0, retryAfter: NaN }
    }
  }
  const worker = async () => {
    for (;;) {
      const i = next++
      if (i >= opts.maxRequests || performance.now() >= deadline) return
      const r = opts.request(i)
      if (!r) return
      const first = performance.now()
      let answer = await send(r)
      for (
        let attempt = 1;
        opts.waitingRoom && answer.retryAfter >= 0 && attempt < opts.waitingRoom.maxAttempts;
        attempt++
      ) {
        turnedAway++
        await new Promise((res) => setTimeout(res, answer.retryAfter * 1000 * (0.5 + Math.random())))
        answer = await send(r)
      }
      latencies.push(answer.ms)
      if (!(answer.retryAfter >= 0)) admitted.push(answer.ms)
      endToEnd.push(performance.now() - first)
      byStatus[answer.status] = (byStatus[answer.status] ?? 0) + 1
      if (answer.status === 0 || answer.status >= 300) {
        errors++
        firstError ??= answer.status ? `${answer.status} ${answer.text.slice(0, 200)}` : answer.text
      }
      opts.onResponse?.(i, answer.status, answer.text)
    }
  }
  await Promise.all(Array.from({ length: opts.connections }, worker))
  const elapsedMs = performance.now() - start
  await pool.close()
  for (const xs of [latencies, admitted, endToEnd]) xs.sort((a, b) => a - b)
  return {
    requests: latencies.length,
    errors,
    elapsedMs,
    latenciesMs: latencies,
    firstError,
    byStatus,
    turnedAway,
    admittedMs: admitted,
    endToEndMs: endToEnd,
  }
}
