import { useRef, useState } from 'react'
import { ApiError, errorMessage, newIdempotencyKey } from '../api'
import { askToSubscribe, type SUBSCRIBE_TEMPLATES } from './subscribe'

/** Field name → plain-Chinese message. */
export type FieldErrors = Record<string, string>

/** How one `submit` goes, besides the check and the request. */
export interface SubmitOptions {
  /** WeChat subscription messages the action will produce (asked for inside this tap). */
  notices?: (keyof typeof SUBSCRIBE_TEMPLATES)[]
  /**
   * Asked once the local checks pass and before anything is sent (e.g. a `showModal` saying the
   * consequence); resolving false stops quietly.
   */
  confirm?: () => Promise<boolean>
  /** The form's name for a field the server names differently (`{ budgetFen: 'budget' }`). */
  fieldNames?: Record<string, string>
}

/**
 * One form's submission: local checks first, then an optional confirmation, then the request with an
 * idempotency key kept for this form (so a retry or double tap never creates two records; a new key
 * after success or refusal), `busy` while sending, errors next to fields (`ApiError.fields`) or for the
 * whole action (`failure`, with its `cause` for `ErrorNote`). `clearError(field)` forgets a field's
 * error once the person changes that field, so a corrected field no longer shows the old complaint.
 *
 *   const s = useSubmission()
 *   s.submit(() => ({ name: name ? '' : '请填写姓名' }), (key) => api.save(form, key), (saved) => …)
 */
export function useSubmission() {
  const key = useRef(newIdempotencyKey())
  const busyNow = useRef(false)
  const [busy, setBusy] = useState(false)
  const [errors, setErrors] = useState<FieldErrors>({})
  const [cause, setCause] = useState<unknown>(null)

  async function submit<T>(
    check: () => FieldErrors,
    send: (idempotencyKey: string) => Promise<T>,
    done: (result: T) => unknown,
    options: SubmitOptions | SubmitOptions['notices'] = {},
  ): Promise<void> {
    if (busyNow.current) return
    const opts: SubmitOptions = Array.isArray(options) ? { notices: options } : options
    askToSubscribe(...(opts.notices ?? []))
    const local = Object.fromEntries(Object.entries(check()).filter(([, msg]) => msg))
    setErrors(local)
    setCause(null)
    if (Object.keys(local).length) return
    busyNow.current = true
    try {
      if (opts.confirm && !(await opts.confirm())) return
      setBusy(true)
      const result = await send(key.current)
      key.current = newIdempotencyKey()
      await done(result)
    } catch (e) {
      if (e instanceof ApiError && !e.retryable) key.current = newIdempotencyKey()
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        const names = opts.fieldNames ?? {}
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([f, msg]) => [names[f] ?? f, msg])))
      } else setCause(e ?? new Error('submit failed'))
    } finally {
      busyNow.current = false
      setBusy(false)
    }
  }

  /** Forgets the error shown for `field` (call it when the person changes that field). */
  const clearError = (...fields: string[]) =>
    setErrors((now) =>
      fields.some((f) => now[f]) ? Object.fromEntries(Object.entries(now).filter(([f]) => !fields.includes(f))) : now,
    )

  /** Forgets the whole action's failure (call it when the person makes a new choice it no longer concerns). */
  const clearFailure = () => setCause(null)

  return {
    busy,
    errors,
    failure: cause ? errorMessage(cause) : null,
    cause,
    submit,
    clearError,
    clearFailure,
    setErrors,
  }
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
