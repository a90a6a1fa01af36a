/**
 * The real-name verifier over HTTP, with the shape of a government 实名核验 (二要素核验) service:
 * `POST {REAL_NAME_API_URL}` with `Authorization: Bearer {REAL_NAME_API_KEY}` and JSON
 * `{ "name": "…", "idNumber": "…" }`; it answers 200 `{ "result": "match" | "mismatch" }`. Anything else
 * (another status, another body, no answer in 5 s) is "unavailable": 503, not counted as a failed
 * attempt. A vendor with another wire format needs an adapter of this size.
 */
import { HttpError } from '../backend/core/http'
import type { RealNameVerifier } from '../backend/core/services'

/** Where and with which key the server asks (`REAL_NAME_API_URL`, `REAL_NAME_API_KEY`). */
export interface RealNameConfig {
  url: string
  apiKey: string
  /** Milliseconds before giving up (default 5 s). */
  timeoutMs?: number
}

const unavailable = () =>
  new HttpError(503, 'REAL_NAME_UNAVAILABLE', '实名核验服务暂时无法使用，请稍后再试（这次不计入尝试次数）')

/** The verifier over HTTP. Never logs the name, the ID number or the key. */
export function realNameVerifier(config: RealNameConfig): RealNameVerifier {
  return {
    async verify(name, idNumber) {
      let body: { result?: unknown }
      try {
        const res = await fetch(config.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${config.apiKey}` },
          body: JSON.stringify({ name, idNumber }),
          signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
        })
        if (res.status !== 200) throw unavailable()
        body = (await res.json()) as typeof body
      } catch {
        throw unavailable()
      }
      if (body.result === 'match' || body.result === 'mismatch') return body.result
      throw unavailable()
    },
  }
}
