/**
 * The load generator of `npm run bench:server`: `connections` closed loops over one undici pool on
 * 127.0.0.1, each sending the next request of a list as soon as its previous answer is read, until
 * `maxRequests` were sent, `maxMs` passed or the list ends. Latency is from sending to the last byte.
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
  /** Called with every answer (e.g. to keep the id of what a booking created). */
  onResponse?(i: number, status: number, body: string): void
}

export interface LoadResult {
  requests: number
  /** Answers other than 2xx, and failed connections. */
  errors: number
  elapsedMs: number
  latenciesMs: number[]
  firstError?: string
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
  let next = 0
  let errors = 0
  let firstError: string | undefined
  const start = performance.now()
  const deadline = start + opts.maxMs
  const worker = async () => {
    for (;;) {
      const i = next++
      if (i >= opts.maxRequests || performance.now() >= deadline) return
      const r = opts.request(i)
      if (!r) return
      const t0 = performance.now()
      try {
        const res = await pool.request({
          method: r.method,
          path: r.path,
          headers: { ...(r.body === undefined ? {} : { 'content-type': 'application/json' }), ...r.headers },
          body: r.body === undefined ? undefined : JSON.stringify(r.body),
        })
        const text = await res.body.text()
        latencies.push(performance.now() - t0)
        if (res.statusCode >= 300) {
          errors++
          firstError ??= `${res.statusCode} ${text.slice(0, 200)}`
        }
        opts.onResponse?.(i, res.statusCode, text)
      } catch (e) {
        latencies.push(performance.now() - t0)
        errors++
        firstError ??= String((e as Error).message)
      }
    }
  }
  await Promise.all(Array.from({ length: opts.connections }, worker))
  const elapsedMs = performance.now() - start
  await pool.close()
  latencies.sort((a, b) => a - b)
  return { requests: latencies.length, errors, elapsedMs, latenciesMs: latencies, firstError }
}
