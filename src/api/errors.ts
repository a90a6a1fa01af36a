/**
 * The one error type the app's requests throw. `status` 0 means the request never got an answer
 * (network, timeout). `code` is the backend's (e.g. `INVALID_RESIDENT_ID`) or `NETWORK`/`TIMEOUT`;
 * `message` is plain Chinese ready to show; `fields` maps form fields to their messages.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields: Record<string, string> = {},
    /** `WAITING_ROOM` only: the wait the server asked for before the next attempt (s). */
    readonly retryAfterS?: number,
  ) {
    super(message)
    this.name = 'ApiError'
  }

  /** Whether trying again may help (no answer, or the server was briefly unavailable). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
  }
}

/**
 * Whether a "重试" button makes sense after this failure: the request got no answer (network, timeout),
 * the server failed (5xx) or was busy (429). A refusal (any other 4xx: 403, 404, 409, 422…) would only be
 * refused again, so it gets no retry; nor does 401 (the person has to log in). A failure that is not an
 * `ApiError` (e.g. no photo chosen) may be tried again.
 */
export function canRetry(e: unknown): boolean {
  if (!(e instanceof ApiError)) return true
  return e.status === 0 || e.status === 429 || e.status >= 500
}

/** Plain-Chinese text for any thrown value, for showing next to an action. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出了点问题，请稍后再试'
}
