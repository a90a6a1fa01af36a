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

  /**
   * Whether trying again may help: the request got no answer (network, timeout), the server failed (any
   * 5xx) or was busy (429). The one rule for the app's 重试 (`canRetry`), for keeping an idempotency key
   * for the next try (the failure may have been saved: `useSubmission`, `useRowAction`) and, narrowed by
   * `retriesByItself`, for the request wrapper's own retries. A refusal (any other 4xx: 403, 404, 409,
   * 422…) would only be refused again, nor does 401 help (the person has to log in).
   */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status >= 500
  }

  /**
   * Whether the request wrapper tries again by itself, at once with back-off: only a passing failure
   * (no answer, 502/503/504 from a gateway or a restarting server). A 500 is a fault that answers the
   * same again, and a 429 asks to slow down: both are left to the person's 重试.
   */
  get retriesByItself(): boolean {
    return this.status === 0 || (this.status >= 502 && this.status <= 504)
  }
}

/**
 * Whether a "重试" button makes sense after this failure: `ApiError.retryable`, the one rule. A failure
 * that is not an `ApiError` (e.g. no photo chosen) may be tried again.
 */
export function canRetry(e: unknown): boolean {
  return !(e instanceof ApiError) || e.retryable
}

/** Plain-Chinese text for any thrown value, for showing next to an action. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出了点问题，请稍后再试'
}
