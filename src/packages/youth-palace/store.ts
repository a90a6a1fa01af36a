/** Youth palace state shared by the parent pages: the caller's children and the current term. */
import { create } from 'zustand'
import { errorMessage } from '@/api'
import { ALL_CAUSES, registerStore } from '@/stores/personal'
import { listYpChildren, listYpTerms } from '@/api/endpoints/youthPalace'
import type { YpChildDto, YpTermDto } from '@/domain/contracts/youthPalace'

interface YpState {
  children: YpChildDto[]
  terms: YpTermDto[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
  load(): Promise<void>
  /** Adds or replaces a child (after an add or an edit). */
  upsertChild(c: YpChildDto): void
  /** Drops a deleted child. */
  removeChild(id: string): void
}

/** The term families see first: open, else the newest closed/drawn one. */
export const currentTerm = (terms: YpTermDto[]): YpTermDto | null =>
  terms.find((t) => t.status === 'open') ?? terms.find((t) => t.status !== 'draft') ?? null

export const useYouthPalace = create<YpState>((set, get) => ({
  children: [],
  terms: [],
  status: 'idle',
  error: null,
  load: async () => {
    set({ status: get().status === 'ready' ? 'ready' : 'loading' })
    try {
      const [children, terms] = await Promise.all([listYpChildren(), listYpTerms()])
      set({ children, terms, status: 'ready', error: null })
    } catch (e) {
      set({ status: 'error', error: errorMessage(e) })
    }
  },
  upsertChild: (c) => {
    const children = get().children
    const at = children.findIndex((x) => x.id === c.id)
    set({ children: at < 0 ? [...children, c] : children.map((x) => (x.id === c.id ? c : x)) })
  },
  removeChild: (id) => set({ children: get().children.filter((x) => x.id !== id) }),
}))

// One family's children: never shown to the next person, nor while acting for someone else.
registerStore(useYouthPalace, { name: 'youth-palace', resetOn: ALL_CAUSES })
