import { useRef, useState } from 'react'
import { ApiError, errorMessage } from '../api'
import type { TemplateKey } from '@/domain/shared/subscriptions'
import { askToSubscribe } from './subscribe'
import { useActionKeys } from './useActionKeys'

/** Field name → plain-Chinese message. */
export type FieldErrors = Record<string, string>

/** How one `submit` goes, besides the check and the request. */
export interface SubmitOptions {
  /**
   * WeChat subscription messages the action will produce: asked for at the very start of the tap
   * (WeChat requires the tap), and the choice saved before the request is sent.
   */
  notices?: TemplateKey[]
  /**
   * Asked once the local checks pass and before anything is sent (e.g. a `showModal` saying the
   * consequence); resolving false stops quietly.
   */
  confirm?: () => Promise<boolean>
  /** The form's name for a field the server names differently (`{ budgetFen: 'budget' }`). */
  fieldNames?: Record<string, string>
  /**
   * Which of the form's actions this is (`approve` / `reject`), when one form sends more than one: each
   * keeps its own idempotency key, so a retried 通过 is never replayed as 不通过. One action by default.
   */
  action?: string
  /** After a failure, with what was thrown (the key rule and the shown errors already applied). */
  failed?: (error: unknown) => unknown
}

/**
 * One form's submission: local checks first, then an optional confirmation, then the request with an
 * idempotency key kept for this form — per `action` when it has several — by `useRowAction`'s rule
 * (`useActionKeys`: the same key again after a failure that may have been saved, `ApiError.retryable`,
 * so a retry or double tap never creates two records; a new key after success or a refusal; `startOver()`
 * when the person picks another child, session… that the kept key must not be replayed for), `busy`
 * while sending, errors next to fields (`ApiError.fields`) or for the whole action (`failure`, with its
 * `cause` for `ErrorNote`). `clearError(field)` forgets a field's error once the person changes that
 * field, so a corrected field no longer shows the old complaint.
 *
 *   const s = useSubmission()
 *   s.submit(() => ({ name: name ? '' : '请填写姓名' }), (key) => api.save(form, key), (saved) => …)
 */
export function useSubmission() {
  const keys = useActionKeys()
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
    const action = opts.action ?? 'submit'
    const subscribed = askToSubscribe(...(opts.notices ?? []))
    const local = Object.fromEntries(Object.entries(check()).filter(([, msg]) => msg))
    setErrors(local)
    setCause(null)
    if (Object.keys(local).length) return
    busyNow.current = true
    try {
      if (opts.confirm && !(await opts.confirm())) return
      setBusy(true)
      await subscribed
      let result: T
      try {
        result = await send(keys.keyFor(action))
        keys.settle(action)
      } catch (e) {
        keys.settle(action, e ?? new Error('submit failed'))
        throw e
      }
      await done(result)
    } catch (e) {
      if (e instanceof ApiError && Object.keys(e.fields).length) {
        const names = opts.fieldNames ?? {}
        setErrors(Object.fromEntries(Object.entries(e.fields).map(([f, msg]) => [names[f] ?? f, msg])))
      } else setCause(e ?? new Error('submit failed'))
      await opts.failed?.(e)
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

  /**
   * A new start (the person picked another child, session…): new keys for every action, so nothing kept
   * from a failed try is replayed for the new choice, and no error or failure left on screen.
   */
  const startOver = () => {
    keys.forgetAll()
    setErrors({})
    setCause(null)
  }

  return {
    busy,
    errors,
    failure: cause ? errorMessage(cause) : null,
    cause,
    submit,
    clearError,
    clearFailure,
    startOver,
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
