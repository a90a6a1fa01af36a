import { useRef, useState } from 'react'
import { ApiError, errorMessage, newIdempotencyKey } from '../api'
import { askToSubscribe, type SUBSCRIBE_TEMPLATES } from './subscribe'

/** Field name → plain-Chinese message. */
export type FieldErrors = Record<string, string>

/**
 * One form's submission: local checks first, then the request with an idempotency key kept for this
 * form (so a retry or double tap never creates two records; a new key after success or refusal),
 * `busy` while sending, errors next to fields (`ApiError.fields`) or for the whole action.
 *
 *   const s = useSubmission()
 *   s.submit(() => ({ name: name ? '' : '请填写姓名' }), (key) => api.save(form, key), (saved) => …)
 */
export function useSubmission() {
  const key = useRef(newIdempotencyKey())
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<string | null>(null)

  /** `notices`: WeChat subscription messages the action will produce (asked for inside this tap). */
  async function submit<T>(check: () => FieldErrors, send: (idempotencyKey: string) => Promise<T>, done: (result: T) => unknown, notices: (keyof typeof SUBSCRIBE_TEMPLATES)[] = []): Promise<void> {
    if (busy) return
    askToSubscribe(...notices)
    const local = Object.fromEntries(Object.entries(check()).filter(([, msg]) => msg))
    setErrors(local)
    setFailure(null)
    if (Object.keys(local).length) return
    setBusy(true)
    try {
      const result = await send(key.current)
      key.current = newIdempotencyKey()
      await done(result)
    } catch (e) {
      if (e instanceof ApiError && !e.retryable) key.current = newIdempotencyKey()
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields)
      else setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return { busy, errors, failure, submit }
}

/** The message for an ID number that does not pass GB 11643-1999, or '' when it does. */
export function idNumberProblem(parse: (id: string) => unknown, id: string): string {
  try {
    parse(id)
    return ''
  } catch (e) {
    return (e as Error).message
  }
}
