import { useRef } from 'react'
import { ApiError, newIdempotencyKey } from '../api'

/**
 * Idempotency keys for a page's one-tap actions (confirm, cancel, draw… on a row), one per action name
 * such as `confirm-<id>`: the same key is sent again when the person taps again after a failure that may
 * have been saved (no answer, 5xx, 429), so the backend replays its first answer instead of acting twice;
 * a fresh key after success or a refusal (4xx). `useSubmission` does the same for a form.
 *
 *   const keys = useActionKeys()
 *   try { await api.cancel(id, keys.keyFor(`cancel-${id}`)); keys.settle(`cancel-${id}`) }
 *   catch (e) { keys.settle(`cancel-${id}`, e) }
 */
export function useActionKeys() {
  const keys = useRef<Record<string, string>>({})
  return {
    /** The key for `action`: the one kept from a failed try, or a new one. */
    keyFor: (action: string): string => (keys.current[action] ??= newIdempotencyKey()),
    /** Called after a try: forgets the key unless `error` is a failure that may have been saved. */
    settle: (action: string, error?: unknown): void => {
      if (!error || (error instanceof ApiError && !error.retryable)) delete keys.current[action]
    },
    /** Forgets every kept key (a new start: the next try of each action gets a new one). */
    forgetAll: (): void => {
      keys.current = {}
    },
  }
}
