/**
 * Youth palace state shared by the parent pages: the caller's children and the terms. Each list loads
 * and fails on its own (a page shows the one that arrived; 重试 reloads only the one that failed), and
 * keeps what it had when a reload fails.
 */
import { create } from 'zustand'
import { ALL_CAUSES, registerStore } from '@/stores/personal'
import { listYpChildren, listYpTerms } from '@/api/endpoints/youth-palace'
import type { YpChildDto, YpTermDto } from '@/domain/youth-palace/contracts'

/** How one list stands: `loaded` once an answer came; `cause` is the last failure (null while loading). */
export interface YpSlice {
  loaded: boolean
  loading: boolean
  cause: unknown
}

const IDLE: YpSlice = { loaded: false, loading: false, cause: null }

interface YpState {
  children: YpChildDto[]
  terms: YpTermDto[]
  childrenState: YpSlice
  termsState: YpSlice
  /** Loads both lists, each on its own. */
  load(): Promise<void>
  loadChildren(): Promise<void>
  loadTerms(): Promise<void>
  /** Adds or replaces a child (after an add or an edit). */
  upsertChild(c: YpChildDto): void
  /** Drops a deleted child. */
  removeChild(id: string): void
}

/** The term families see first: open, else the newest closed/drawn one. */
export const currentTerm = (terms: YpTermDto[]): YpTermDto | null =>
  terms.find((t) => t.status === 'open') ?? terms.find((t) => t.status !== 'draft') ?? null

export const useYouthPalace = create<YpState>((set, get) => {
  /** Loads one list into `key`, its state into `stateKey`; an answer older than a newer load is dropped. */
  const seq = { children: 0, terms: 0 }
  async function loadList<K extends 'children' | 'terms'>(key: K, fetch: () => Promise<YpState[K]>): Promise<void> {
    const stateKey = key === 'children' ? 'childrenState' : 'termsState'
    const n = ++seq[key]
    set({ [stateKey]: { ...get()[stateKey], loading: true, cause: null } } as Partial<YpState>)
    try {
      const value = await fetch()
      if (n === seq[key]) set({ [key]: value, [stateKey]: { loaded: true, loading: false, cause: null } })
    } catch (e) {
      if (n === seq[key])
        set({ [stateKey]: { ...get()[stateKey], loading: false, cause: e ?? new Error('load failed') } })
    }
  }
  return {
    children: [],
    terms: [],
    childrenState: IDLE,
    termsState: IDLE,
    load: async () => {
      // Neither rejects: each list records its own failure.
      await Promise.all([get().loadChildren(), get().loadTerms()])
    },
    loadChildren: () => loadList('children', listYpChildren),
    loadTerms: () => loadList('terms', listYpTerms),
    upsertChild: (c) => {
      const children = get().children
      const at = children.findIndex((x) => x.id === c.id)
      set({ children: at < 0 ? [...children, c] : children.map((x) => (x.id === c.id ? c : x)) })
    },
    removeChild: (id) => set({ children: get().children.filter((x) => x.id !== id) }),
  }
})

/** One list as a page part (see `Part` in src/ui): `data` is null until it first loads. */
function asPart<T>(data: T, state: YpSlice, reload: () => Promise<void>) {
  return {
    data: state.loaded ? data : null,
    cause: state.cause,
    loading: state.loading || (!state.loaded && !state.cause),
    reload,
  }
}

/** The caller's children as a page part. */
export function useYpChildren() {
  const children = useYouthPalace((s) => s.children)
  const state = useYouthPalace((s) => s.childrenState)
  const reload = useYouthPalace((s) => s.loadChildren)
  return asPart(children, state, reload)
}

/** The terms as a page part. */
export function useYpTerms() {
  const terms = useYouthPalace((s) => s.terms)
  const state = useYouthPalace((s) => s.termsState)
  const reload = useYouthPalace((s) => s.loadTerms)
  return asPart(terms, state, reload)
}

// One family's children: never shown to the next person, nor while acting for someone else.
registerStore(useYouthPalace, { name: 'youth-palace', resetOn: ALL_CAUSES })
