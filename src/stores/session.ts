/**
 * The session: token, the logged-in user (`me`), and whom a proxy is acting for. Persisted, so a
 * restart keeps the user logged in. Wires the API wrapper's token and acting-for headers.
 */
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { configureApi } from '../api/request'
import * as api from '../api'
import type { MeDto } from '../domain/contracts'
import { persistStorage } from './storage'

interface ActingFor {
  userId: string
  name: string
}

export interface SessionState {
  token: string | null
  me: MeDto | null
  /** Set when a proxy acts for a family member (confirmed link). */
  actingFor: ActingFor | null
  /** Whether the privacy notice was accepted on this device (before login). */
  privacyAcceptedOnDevice: boolean
  acceptPrivacyOnDevice(): void
  login(userId: string): Promise<MeDto>
  logout(): Promise<void>
  refreshMe(): Promise<MeDto | null>
  setMe(me: MeDto): void
  setActingFor(who: ActingFor | null): void
  /** Forgets the session locally (after a 401 or account deletion). */
  clear(): void
}

export const useSession = create<SessionState>()(
  persist(
    (set, get) => ({
      token: null,
      me: null,
      actingFor: null,
      privacyAcceptedOnDevice: false,
      acceptPrivacyOnDevice: () => set({ privacyAcceptedOnDevice: true }),
      async login(userId) {
        const { token, me } = await api.mockLogin(userId)
        set({ token, me, actingFor: null })
        if (!me.privacyAccepted && get().privacyAcceptedOnDevice) {
          const updated = await api.acceptPrivacy()
          set({ me: updated })
          return updated
        }
        return me
      },
      async logout() {
        try {
          await api.logout()
        } catch {
          /* the session ends locally anyway */
        }
        get().clear()
      },
      async refreshMe() {
        if (!get().token) return null
        const me = await api.getMe()
        set({ me })
        return me
      },
      setMe: (me) => set({ me }),
      setActingFor: (actingFor) => set({ actingFor }),
      clear: () => set({ token: null, me: null, actingFor: null }),
    }),
    {
      name: 'mc:session',
      storage: persistStorage,
      partialize: (s) => ({
        token: s.token,
        me: s.me,
        actingFor: s.actingFor,
        privacyAcceptedOnDevice: s.privacyAcceptedOnDevice,
      }),
    },
  ),
)

configureApi({
  getToken: () => useSession.getState().token,
  getActingFor: () => useSession.getState().actingFor?.userId ?? null,
  onUnauthorized: () => useSession.getState().clear(),
})
