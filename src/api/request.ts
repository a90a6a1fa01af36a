/**
 * The single request wrapper: every endpoint goes through `apiRequest`, which adds the auth token,
 * the acting-for header (proxy), an idempotency key on every write (kept across retries, so a retry
 * or a double tap never creates two records), a timeout, retries with back-off on transport failures
 * and 5xx, and turns any failure into a typed `ApiError`. The server's waiting room (503 `WAITING_ROOM`
 * with `Retry-After`, when it is saturated at a peak such as a registration opening) is waited out: the
 * app says 排队中 with the wait, then sends the same request again with the same idempotency key (nothing
 * is doubled, and the form keeps what the person chose), up to `MAX_QUEUE_WAITS` times. A 503 `BUSY` (a
 * conflict still failing after the server's retries) stays an ordinary retryable failure.
 */
import Taro from '@tarojs/taro'
import { ApiError } from './errors'

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface ApiConfig {
  /** '' in mock mode (the interceptor answers `/api/...`); a server URL otherwise. */
  baseUrl: string
  getToken(): string | null
  /** The user id of the person being acted for, or null. */
  getActingFor(): string | null
  /** Called on a 401 (session expired) with the token the refused request carried (null: none). */
  onUnauthorized(refusedToken: string | null): void
  /**
   * On 401 `SESSION_EXPIRED`: logs in again without asking when it can (WeChat login), resolving to the
   * new token, with which the request is sent again (same idempotency key and body); null when it
   * cannot (persona login: the person is asked to log in, `onUnauthorized`).
   */
  relogin(refusedToken: string | null): Promise<string | null>
}

const config: ApiConfig = {
  baseUrl: process.env.TARO_APP_API_BASE || '',
  getToken: () => null,
  getActingFor: () => null,
  onUnauthorized: () => {},
  relogin: async () => null,
}

/**
 * Wires the wrapper to the session store (stores → api; api never imports stores). Called from one
 * place, `stores/session.ts`; tests call it to stand in for a session.
 */
export function configureApi(patch: Partial<ApiConfig>): void {
  Object.assign(config, patch)
}

type RetryListener = (attempt: number, error: ApiError) => void
const retryListeners = new Set<RetryListener>()

/**
 * Tells `listener` before every automatic retry of any request (attempt 1, 2…), besides the request's
 * own `onRetry`: the app shows "网络不稳，正在重试" with it, so a slow answer is never silent. Returns a
 * function that stops telling it.
 */
export function onApiRetry(listener: RetryListener): () => void {
  retryListeners.add(listener)
  return () => retryListeners.delete(listener)
}

let keySeq = 0
/** A fresh idempotency key. Keep one per user action (form submission) and reuse it on retry. */
export function newIdempotencyKey(): string {
  keySeq = (keySeq + 1) % 1e6
  return `${Date.now().toString(36)}-${Math.floor(Math.random() * 1e9).toString(36)}-${keySeq.toString(36)}`
}

export interface RequestOptions {
  method?: Method
  /** Path under the API, e.g. `/api/me`. */
  path: string
  query?: Record<string, string | number | undefined>
  body?: unknown
  /** Defaults to a new key per call for writes; pass one to make a user action idempotent across calls. */
  idempotencyKey?: string
  /** Milliseconds before giving up on one attempt (default: 6 s for a GET, 10 s otherwise; see below). */
  timeoutMs?: number
  /** Extra attempts after a retryable failure (default 2; a write's retries carry its one idempotency key). */
  retries?: number
  /** Told before each retry (attempt 1, 2…), so the UI can say "正在重试". */
  onRetry?: (attempt: number, error: ApiError) => void
  /**
   * The user's own data even while acting for someone (messages, family links, to-dos): sent without
   * the acting-for header, so it is not refused as an act for the principal.
   */
  asSelf?: boolean
}

/**
 * One attempt of a read gives up after 6 s: an answer that has not come by then on a phone network is
 * usually lost, and a fresh attempt (two are made automatically) is quicker than waiting longer. A
 * GET's worst case is then about 3 × 6 s + 1.2 s of back-off before the page says it failed.
 */
const READ_TIMEOUT_MS = 6_000
/**
 * A write may do more work on the server, and each attempt that times out leaves the person unsure
 * whether it was saved (the idempotency key makes the retry safe, not quick): it gets 10 s.
 */
const WRITE_TIMEOUT_MS = 10_000
/** Pause before automatic retry n (1, 2): 0.4 s, then 0.8 s. */
const backOffMs = (attempt: number) => 400 * attempt
/** Waits in the waiting room before giving up (at the server's 2 s each, about a minute). */
const MAX_QUEUE_WAITS = 30
/** Longest wait the app accepts from one `Retry-After` (s): a larger value is cut to this. */
const MAX_QUEUE_WAIT_S = 30

/** Seconds of a `Retry-After` header (any case) given in seconds, or null. */
function retryAfterOf(header: unknown): number | null {
  if (!header || typeof header !== 'object') return null
  const entry = Object.entries(header).find(([k]) => k.toLowerCase() === 'retry-after')
  const n = entry ? Number(entry[1]) : NaN
  return Number.isFinite(n) && n >= 0 ? Math.min(n, MAX_QUEUE_WAIT_S) : null
}

const waitMs = (ms: number) => new Promise<void>((r) => setTimeout(r, ms))

function toQuery(query: RequestOptions['query']): string {
  const pairs = Object.entries(query ?? {}).filter(([, val]) => val !== undefined && val !== '')
  return pairs.length
    ? `?${pairs.map(([k, val]) => `${encodeURIComponent(k)}=${encodeURIComponent(String(val))}`).join('&')}`
    : ''
}

function fromResponse(status: number, data: unknown): ApiError {
  const body = (data && typeof data === 'object' ? data : {}) as {
    code?: string
    message?: string
    fields?: Record<string, string>
  }
  const fallback = status >= 500 ? '服务暂时出了点问题，请稍后再试' : '操作没有成功，请稍后再试'
  return new ApiError(status, body.code ?? `HTTP_${status}`, body.message ?? fallback, body.fields ?? {})
}

function fromTransport(e: unknown): ApiError {
  const msg = String((e as { errMsg?: string })?.errMsg ?? (e as Error)?.message ?? e)
  if (/timeout|超时/i.test(msg))
    return new ApiError(0, 'TIMEOUT', '网络较慢，请求超时了，请稍后重试。填写过的内容不会丢。')
  return new ApiError(0, 'NETWORK', '网络不太稳定，没有连上服务，请检查网络后重试。填写过的内容不会丢。')
}

/** Sends one API request; resolves with the JSON body of a 2xx answer, otherwise throws `ApiError`. */
export async function apiRequest<T>(opts: RequestOptions): Promise<T> {
  const method = opts.method ?? 'GET'
  const write = method !== 'GET'
  const key = write ? (opts.idempotencyKey ?? newIdempotencyKey()) : undefined
  const retries = opts.retries ?? 2
  const header: Record<string, string> = { 'content-type': 'application/json' }
  const token = config.getToken()
  if (token) header.authorization = `Bearer ${token}`
  const actingFor = opts.asSelf ? null : config.getActingFor()
  if (actingFor) header['x-acting-for'] = actingFor
  if (key) header['idempotency-key'] = key
  let queueWaits = 0
  let renewed = false
  for (let attempt = 0; ; attempt++) {
    let error: ApiError
    try {
      const res = await Taro.request({
        url: config.baseUrl + opts.path + toQuery(opts.query),
        method,
        data: write ? (opts.body ?? {}) : undefined,
        header,
        timeout: opts.timeoutMs ?? (write ? WRITE_TIMEOUT_MS : READ_TIMEOUT_MS),
        dataType: 'json',
      })
      if (res.statusCode >= 200 && res.statusCode < 300) return res.data as T
      error = fromResponse(res.statusCode, res.data)
      if (res.statusCode === 401 && error.code === 'SESSION_EXPIRED' && !renewed) {
        // Logged in again without asking: the same request again, same key and body, once.
        renewed = true
        const fresh = await config.relogin(header.authorization?.slice(7) ?? token).catch(() => null)
        if (fresh) {
          header.authorization = `Bearer ${fresh}`
          attempt--
          continue
        }
      }
      if (res.statusCode === 401) config.onUnauthorized(token)
      const waitS = res.statusCode === 503 && error.code === 'WAITING_ROOM' ? retryAfterOf(res.header) : null
      if (waitS !== null && queueWaits < MAX_QUEUE_WAITS) {
        // The waiting room: not a failed attempt. Same request, same key, after the wait (±25%, so the
        // phones turned away together do not all come back in the same instant).
        queueWaits++
        attempt--
        const queued = new ApiError(503, 'WAITING_ROOM', error.message, {}, waitS)
        opts.onRetry?.(queueWaits, queued)
        for (const listener of retryListeners) listener(queueWaits, queued)
        await waitMs(waitS * 1000 * (0.75 + Math.random() / 2))
        continue
      }
    } catch (e) {
      error = e instanceof ApiError ? e : fromTransport(e)
    }
    if (!error.retriesByItself || attempt >= retries) throw error
    opts.onRetry?.(attempt + 1, error)
    for (const listener of retryListeners) listener(attempt + 1, error)
    await waitMs(backOffMs(attempt + 1))
  }
}
