/**
 * Drafts: long forms autosave per user and context (e.g. `care-card/apply:u-wang`) and come back after
 * the app is killed; submitting clears them. Persisted with zustand `persist`, keyed per user and, when
 * acting for someone (代办), per principal too. A draft is the person's data: logging out or deleting the
 * account clears them all (`clearPersonalData`).
 */
import { useCallback, useRef } from 'react'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { LOGOUT_CAUSES, registerStore } from './personal'
import * as v from 'valibot'
import { UNVERSIONED_TO_V1, validEntries, versioned } from './persisted'
import { useSession } from './session'

interface Draft {
  value: unknown
  savedAt: number
}
interface DraftState {
  drafts: Record<string, Draft>
  save(key: string, value: unknown): void
  clear(key: string): void
}

/** Saved drafts, version 1 (= the unversioned shape): draft key → value and when it was saved (ms). */
const DraftsV1 = v.object({
  drafts: validEntries(v.object({ value: v.unknown(), savedAt: v.number() }) as v.GenericSchema<unknown, Draft>),
})

export const useDrafts = create<DraftState>()(
  persist(
    (set) => ({
      drafts: {},
      save: (key, value) => set((s) => ({ drafts: { ...s.drafts, [key]: { value, savedAt: Date.now() } } })),
      clear: (key) =>
        set((s) => {
          const drafts = { ...s.drafts }
          delete drafts[key]
          return { drafts }
        }),
    }),
    versioned({
      name: 'mc:drafts',
      version: 1,
      schema: DraftsV1,
      migrations: { 0: UNVERSIONED_TO_V1 },
      partialize: (s) => ({ drafts: s.drafts }),
    }),
  ),
)

registerStore(useDrafts, { name: 'drafts', resetOn: LOGOUT_CAUSES, storageKey: 'mc:drafts' })

/**
 * The storage key of a draft: per user and context (`u-li:family-request`), and per principal when
 * acting for someone (`u-li@u-wang:care-card/apply:u-wang`), so a form filled for one person never
 * shows for another.
 */
export const draftKey = (userId: string, context: string, principalId?: string | null) =>
  principalId && principalId !== userId ? `${userId}@${principalId}:${context}` : `${userId}:${context}`

/**
 * A form's state that autosaves as a draft. Returns `{ value, update, clear, restored }`; `restored` is
 * true when the form opened with a draft from an earlier visit (the page can say "已恢复上次填写的内容"), and
 * stays false on a fresh form however much is typed.
 */
/** What `useDraft` gives a form. */
export interface DraftForm<T> {
  /** The form's values: the saved draft over `initial`. */
  value: T
  /**
   * Saves a change to some fields (kept across closing the page and restarting the app); a function gets
   * the latest saved value (for a change made after an await, when the render's value may be stale). A
   * change that brings the form back to `initial` forgets the draft.
   */
  update: (patch: Partial<T> | ((current: T) => Partial<T>)) => void
  /** Forgets the draft (after the form was sent). */
  clear: () => void
  /** Whether there was a draft when the form opened (to say "已恢复上次填写的内容"). */
  restored: boolean
}

export function useDraft<T extends object>(context: string, initial: T): DraftForm<T> {
  const userId = useSession((s) => s.me?.id ?? 'guest')
  const principalId = useSession((s) => s.actingFor?.userId)
  const key = draftKey(userId, context, principalId)
  const saved = useDrafts((s) => s.drafts[key]?.value as T | undefined)
  const value = saved ? { ...initial, ...saved } : initial
  const update = useCallback(
    (patch: Partial<T> | ((current: T) => Partial<T>)) => {
      const current = (useDrafts.getState().drafts[key]?.value as T | undefined) ?? initial
      const next = { ...current, ...(typeof patch === 'function' ? patch(current) : patch) }
      // A form changed back to how it started is no draft (nothing to restore, nothing kept).
      if (JSON.stringify(next) === JSON.stringify(initial)) useDrafts.getState().clear(key)
      else useDrafts.getState().save(key, next)
    },
    // `initial` is a new literal on every render and only fills in a missing draft: the first one will do.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- a stable `update` per draft key
    [key],
  )
  const clear = useCallback(() => useDrafts.getState().clear(key), [key])
  // Restored means "there was a draft when this form opened", not "something was typed just now".
  const opened = useRef<{ key: string; hadDraft: boolean } | null>(null)
  if (!opened.current || opened.current.key !== key)
    opened.current = { key, hadDraft: !!useDrafts.getState().drafts[key] }
  return { value, update, clear, restored: opened.current.hadDraft && !!saved }
}
