/** Family links (代办) of the current user. */
import { create } from 'zustand'
import * as api from '../api'
import type { FamilyLinkDto } from '../domain/shared/contracts'
import { registerStore } from './personal'

interface FamilyState {
  links: FamilyLinkDto[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(): Promise<void>
  /** Applies one change from the server to the list. */
  upsert(link: FamilyLinkDto): void
}

export const useFamily = create<FamilyState>()((set) => ({
  links: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading', error: null })
    try {
      set({ links: await api.listFamilyLinks(), status: 'ready' })
    } catch (e) {
      set({ status: 'error', error: api.errorMessage(e) })
    }
  },
  upsert: (link) => set((s) => ({ links: [link, ...s.links.filter((l) => l.id !== link.id)] })),
}))

// The user's own links (they say whom the user may act for): kept while switching acting-for.
registerStore(useFamily, { name: 'family', resetOn: ['logout', 'account-deleted', 'session-ended'] })

/** Links where the user may act for someone (confirmed, user is the proxy). */
export const principalsOf = (links: FamilyLinkDto[]) =>
  links.filter((l) => l.status === 'confirmed' && l.viewerSide === 'proxy')
/** Requests waiting for the user's confirmation. */
export const pendingForMe = (links: FamilyLinkDto[]) =>
  links.filter((l) => l.status === 'pending' && l.viewerSide === 'principal')
