/** Messages (notices): pages of the list, unread count, mark read. Not persisted (the server has them). */
import { create } from 'zustand'
import * as api from '../api'
import type { MessageDto } from '../domain/shared/contracts'
import { registerStore } from './personal'

interface MessagesState {
  items: MessageDto[]
  nextCursor: string | null
  unread: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  /** Why the first page did not load (the items already shown stay). */
  cause: unknown
  /** Whether the next page is on its way. */
  loadingMore: boolean
  /** Why the next page did not load: only that page is asked for again. */
  moreCause: unknown
  /** Whether the last unread count failed to load (home then says so instead of "nothing to do"). */
  unreadFailed: boolean
  load(): Promise<void>
  loadMore(): Promise<void>
  refreshUnread(): Promise<number>
  markRead(id: string): Promise<void>
  reset(): void
}

export const useMessages = create<MessagesState>()((set, get) => ({
  items: [],
  nextCursor: null,
  unread: 0,
  status: 'idle',
  cause: null,
  loadingMore: false,
  moreCause: null,
  unreadFailed: false,
  async load() {
    set({ status: 'loading', cause: null })
    try {
      const page = await api.listMessages()
      set({
        items: page.items,
        nextCursor: page.nextCursor,
        unread: page.unread,
        status: 'ready',
        moreCause: null,
      })
    } catch (e) {
      set({ status: 'error', cause: e ?? new Error('load failed') })
    }
  },
  async loadMore() {
    const cursor = get().nextCursor
    if (!cursor || get().loadingMore) return
    set({ loadingMore: true, moreCause: null })
    try {
      const page = await api.listMessages(cursor)
      // A reload of the first page meanwhile started the list again: this page no longer follows it.
      if (get().nextCursor !== cursor) return set({ loadingMore: false })
      set((s) => ({
        items: [...s.items, ...page.items],
        nextCursor: page.nextCursor,
        unread: page.unread,
        loadingMore: false,
      }))
    } catch (e) {
      set({ loadingMore: false, moreCause: e ?? new Error('load failed') })
    }
  },
  async refreshUnread() {
    try {
      const { unread } = await api.unreadCount()
      set({ unread, unreadFailed: false })
      return unread
    } catch {
      set({ unreadFailed: true })
      return get().unread
    }
  },
  async markRead(id) {
    const item = get().items.find((m) => m.id === id)
    if (!item || item.read) return
    set((s) => ({
      items: s.items.map((m) => (m.id === id ? { ...m, read: true } : m)),
      unread: Math.max(0, s.unread - 1),
    }))
    try {
      await api.markMessageRead(id)
    } catch {
      set((s) => ({ items: s.items.map((m) => (m.id === id ? { ...m, read: false } : m)), unread: s.unread + 1 }))
    }
  },
  reset: () =>
    set({
      items: [],
      nextCursor: null,
      unread: 0,
      status: 'idle',
      cause: null,
      loadingMore: false,
      moreCause: null,
      unreadFailed: false,
    }),
}))

// The user's own messages: kept while switching acting-for.
registerStore(useMessages, { name: 'messages', resetOn: ['logout', 'account-deleted', 'session-ended'] })
