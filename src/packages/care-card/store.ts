/**
 * Proof photos being gathered for an application, per person (principal). Kept in memory only: photos
 * are up to 270 KB of base64 each, too big for the persisted drafts (1 MB per storage key on WeChat);
 * the chosen groups are in the persisted draft (`useDraft('care-card/apply:<principal>')`).
 */
import { create } from 'zustand'
import { registerStore } from '@/stores/personal'

interface ProofState {
  photos: Record<string, Record<string, string>>
  set(principal: string, kind: string, photo: string): void
  remove(principal: string, kind: string): void
  clear(principal: string): void
}

export const useProofs = create<ProofState>()((set) => ({
  photos: {},
  set: (p, kind, photo) => set((s) => ({ photos: { ...s.photos, [p]: { ...s.photos[p], [kind]: photo } } })),
  remove: (p, kind) =>
    set((s) => {
      const mine = { ...s.photos[p] }
      delete mine[kind]
      return { photos: { ...s.photos, [p]: mine } }
    }),
  clear: (p) => set((s) => ({ photos: { ...s.photos, [p]: {} } })),
}))

// Keyed per principal, so kept while switching acting-for; gone when the session ends.
registerStore(useProofs, { name: 'care-card-proofs', resetOn: ['logout', 'account-deleted', 'session-ended'] })
