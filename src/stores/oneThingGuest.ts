/**
 * One-thing guide progress of someone not logged in (一件事 without an account): the answers and ticks
 * per life event, shared by the question, checklist and materials pages so that going from one to the
 * other keeps them. In memory only, for as long as the mini-program runs: nothing is written to
 * storage, because the answers (a birth date) are personal and the privacy notice may not have been
 * accepted. Logged in, progress is saved on the server instead (see the one-thing pages).
 */
import { create } from 'zustand'
import { ALL_CAUSES, registerStore } from './personal'
import { useSession } from './session'

/** A guest's progress of one event: question id → answer (`YYYY-MM-DD` for dates), ticked item ids. */
export interface GuestProgress {
  answers: Record<string, string>
  ticked: string[]
}

interface GuestProgressState {
  /** By event id. */
  byEvent: Record<string, GuestProgress>
  /** Replaces the progress of one event. */
  save(eventId: string, progress: GuestProgress): void
  /** Forgets everything (e.g. after logging in or out). */
  clear(): void
}

/** The in-memory store of guest progress (no `persist`: see the file comment). */
export const useGuestProgress = create<GuestProgressState>()((set) => ({
  byEvent: {},
  save: (eventId, progress) =>
    set((s) => ({
      byEvent: { ...s.byEvent, [eventId]: { answers: { ...progress.answers }, ticked: [...progress.ticked] } },
    })),
  clear: () => set({ byEvent: {} }),
}))

/** A guest's progress of one event, empty when none: `{ answers: {}, ticked: [] }`. */
export const guestProgressOf = (eventId: string): GuestProgress =>
  useGuestProgress.getState().byEvent[eventId] ?? { answers: {}, ticked: [] }

registerStore(useGuestProgress, { name: 'one-thing-guest', resetOn: ALL_CAUSES })

// A new session (logging in or out) starts the guides afresh: a guest's answers are not carried into an
// account, nor left for the next guest on a shared phone.
useSession.subscribe((s, prev) => {
  if (s.token !== prev.token) useGuestProgress.getState().clear()
})
