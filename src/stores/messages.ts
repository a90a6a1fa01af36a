/** Messages (notices): pages of the list, unread count, mark read. Not persisted (the server has them). */
import { create } from 'zustand'
import * as api from '../api'
import type { MessageDto } from '../domain/contracts'
import { registerStore } from './personal'

interface MessagesState {
  items: MessageDto[]
  nextCursor: string | null
  unread: number
  status: 'idle' | 'loading' | 'ready' | 'error'
  error: string | null
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
  error: null,
  unreadFailed: false,
  async load() {
    set({ status: 'loading', error: null })
    try {
      const page = await api.listMessages()
      set({ items: page.items, nextCursor: page.nextCursor, unread: page.unread, status: 'ready' })
    } catch (e) {
      set({ status: 'error', error: api.errorMessage(e) })
    }
  },
  async loadMore() {
    const cursor = get().nextCursor
    if (!cursor) return
    try {
      const page = await api.listMessages(cursor)
      set((s) => ({ items: [...s.items, ...page.items], nextCursor: page.nextCursor, unread: page.unread }))
    } catch (e) {
      set({ error: api.errorMessage(e) })
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
  reset: () => set({ items: [], nextCursor: null, unread: 0, status: 'idle', error: null, unreadFailed: false }),
}))

// The user's own messages: kept while switching acting-for.
registerStore(useMessages, { name: 'messages', resetOn: ['logout', 'account-deleted', 'session-ended'] })
