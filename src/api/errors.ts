/**
 * The one error type the app's requests throw. `status` 0 means the request never got an answer
 * (network, timeout). `code` is the backend's (e.g. `INVALID_RESIDENT_ID`) or `NETWORK`/`TIMEOUT`;
 * `message` is plain Chinese ready to show; `fields` maps form fields to their messages.
 */
export class ApiError extends Error {
  constructor(readonly status: number, readonly code: string, message: string, readonly fields: Record<string, string> = {}) {
    super(message)
    this.name = 'ApiError'
  }

  /** Whether trying again may help (no answer, or the server was briefly unavailable). */
  get retryable(): boolean {
    return this.status === 0 || this.status === 429 || this.status === 502 || this.status === 503 || this.status === 504
  }
}

/** Plain-Chinese text for any thrown value, for showing next to an action. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError) return e.message
  return '出了点问题，请稍后再试'
}
