import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { errorMessage } from '../api'
import type { TemplateKey } from '@/domain/shared/subscriptions'
import { askToSubscribe } from './subscribe'
import { useActionKeys } from './useActionKeys'

/** The question asked before an action runs (Taro.showModal); cancelling it stops quietly. */
export interface RowQuestion {
  title: string
  content: string
  confirmText?: string
  cancelText?: string
}

/** How one `run` goes, besides the request. */
export interface RowActionOptions<T> {
  /** Asked first; the action runs only when the person confirms. */
  confirm?: RowQuestion
  /** Where a failure is kept and shown (a row's id); the action's name by default. */
  row?: string
  /** The idempotency key's name when two actions share one `name` (one busy button); `name` by default. */
  key?: string
  /** After success, with the answer (a reload, a note…); awaited while the button still shows busy. */
  done?: (result: T) => unknown
  /** After success or failure (a reload: an answer lost on the way may hide a change that was made). */
  always?: () => unknown
  /** WeChat subscription messages the action will produce (as `useSubmission`'s `notices`). */
  notices?: TemplateKey[]
}

/**
 * One-tap actions on a page's rows (confirm, cancel, draw…): an optional confirmation (`Taro.showModal`),
 * `busy` (the running action's name, for its button's `loading`), one idempotency key per action kept
 * after a failure that may have been saved (`useActionKeys`), the failure kept per row for an
 * `ErrorNote` with its `cause`, and a double-run guard: while one action runs (or its question is
 * open), another tap does nothing. State is updated from the latest value, never from a closure
 * captured at render, so two rows failing one after the other both keep their failure.
 *
 *   const rows = useRowAction()
 *   rows.run(`cancel-${a.id}`, (key) => cancelAppointment(a.id, key), { row: a.id, confirm: {…}, always: load })
 *   <Button loading={rows.busy === `cancel-${a.id}`}> … {rows.failure(a.id) && <ErrorNote …/>}
 *
 * `run` resolves to the answer, or undefined when not confirmed, refused or failed.
 */
export function useRowAction() {
  const keys = useActionKeys()
  const running = useRef(false)
  const [busy, setBusy] = useState<string | null>(null)
  const [failures, setFailures] = useState<Record<string, unknown>>({})

  async function run<T>(
    name: string,
    send: (idempotencyKey: string) => Promise<T>,
    options: RowActionOptions<T> = {},
  ): Promise<T | undefined> {
    if (running.current) return undefined
    running.current = true
    const row = options.row ?? name
    const keyName = options.key ?? name
    const subscribed = askToSubscribe(...(options.notices ?? []))
    try {
      if (options.confirm && !(await Taro.showModal(options.confirm)).confirm) return undefined
      setBusy(name)
      setFailures((now) => without(now, row))
      await subscribed
      try {
        const result = await send(keys.keyFor(keyName))
        keys.settle(keyName)
        await options.done?.(result)
        return result
      } catch (e) {
        keys.settle(keyName, e)
        setFailures((now) => ({ ...now, [row]: e ?? new Error('action failed') }))
        return undefined
      } finally {
        setBusy(null)
        await options.always?.()
      }
    } finally {
      running.current = false
    }
  }

  return {
    /** The running action's name, or null. */
    busy,
    run,
    /** The failure kept for `row` as `{ text, cause }` for `ErrorNote`, or null. */
    failure: (row: string): { text: string; cause: unknown } | null =>
      row in failures ? { text: errorMessage(failures[row]), cause: failures[row] } : null,
    /** Forgets every kept failure (e.g. when the page switches to another list). */
    clearFailures: () => setFailures({}),
  }
}

const without = (all: Record<string, unknown>, row: string) => {
  if (!(row in all)) return all
  const rest = { ...all }
  delete rest[row]
  return rest
}
