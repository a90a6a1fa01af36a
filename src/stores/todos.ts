/**
 * Home's to-dos with a deadline (e.g. 陈悦候补到《航模小班》的名额, to confirm within 24 hours), from
 * `/api/me/todos`. Not persisted (the server has them); the user's own, kept while acting for someone.
 */
import { create } from 'zustand'
import * as api from '../api'
import type { TodoDto } from '../domain/shared/contracts'
import { registerStore } from './personal'

interface TodosState {
  items: TodoDto[]
  status: 'idle' | 'loading' | 'ready' | 'error'
  load(): Promise<void>
}

export const useTodos = create<TodosState>()((set) => ({
  items: [],
  status: 'idle',
  async load() {
    set({ status: 'loading' })
    try {
      set({ items: await api.listTodos(), status: 'ready' })
    } catch {
      set({ status: 'error' })
    }
  },
}))

registerStore(useTodos, { name: 'todos', resetOn: ['logout', 'account-deleted', 'session-ended'] })
