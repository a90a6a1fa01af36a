/**
 * The session: token, the logged-in user (`me`), and whom a proxy is acting for. Persisted, so a
 * restart keeps the user logged in. Wires the API wrapper's token and acting-for headers.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { configureApi } from '../api/request'
import * as api from '../api'
import type { LoginResultDto, MeDto } from '../domain/shared/contracts'
import { clearPersonalData, registerStore } from './personal'
import * as v from 'valibot'
import { UNVERSIONED_TO_V1, versioned } from './persisted'

interface ActingFor {
  userId: string
  name: string
}

export interface SessionState {
  token: string | null
  /** How the person logged in: WeChat (then an expired session is renewed silently) or a demo persona. */
  loginMethod: 'wechat' | 'persona' | null
  me: MeDto | null
  /** Set when a proxy acts for a family member (confirmed link). */
  actingFor: ActingFor | null
  /** Whether the privacy notice was accepted on this device (before login). */
  privacyAcceptedOnDevice: boolean
  acceptPrivacyOnDevice(): void
  login(userId: string): Promise<MeDto>
  /** WeChat login (微信一键登录): `Taro.login`'s code to the server. */
  loginWithWechat(): Promise<MeDto>
  /**
   * After 401 `SESSION_EXPIRED` for `refusedToken`: a WeChat login again without asking; resolves to the
   * new token, or null (persona login, or it failed: the person is asked). One at a time.
   */
  relogin(refusedToken: string | null): Promise<string | null>
  logout(): Promise<void>
  refreshMe(): Promise<MeDto | null>
  setMe(me: MeDto): void
  /** Switches whom the user acts for (null: oneself); what was loaded for the previous person is cleared. */
  setActingFor(who: ActingFor | null): void
  /** Forgets the session locally after the server ended it (401): see `clearPersonalData('session-ended')`. */
  clear(): void
  /**
   * The server refused `refusedToken` (401). Ends the session unless a newer one is stored: on H5 another
   * tab may have logged out and in again meanwhile; then this tab drops what it loaded for the previous
   * person and takes the newer session instead of wiping it from the shared storage.
   */
  sessionRefused(refusedToken: string | null): Promise<void>
  /** Forgets the session and everything about the person after their account was deleted. */
  accountDeleted(): void
}

/**
 * The saved session, version 1 (= the unversioned shape). A damaged field falls back on its own: a
 * token without a readable `me` stays logged in (`refreshMe` reloads `me`).
 */
const SessionV1 = v.object({
  token: v.fallback(v.nullable(v.string()), null),
  loginMethod: v.optional(v.fallback(v.nullable(v.picklist(['wechat', 'persona'])), null)),
  me: v.fallback(v.nullable(v.looseObject({ id: v.string() })), null) as v.GenericSchema<unknown, MeDto | null>,
  actingFor: v.fallback(v.nullable(v.object({ userId: v.string(), name: v.string() })), null),
  privacyAcceptedOnDevice: v.fallback(v.boolean(), false),
})

/** The WeChat login under way after a refused session, shared by the requests refused meanwhile. */
let renewing: Promise<string | null> | null = null

export const useSession = create<SessionState>()(
  persist(
    (set, get) => {
      /** A login answered: the session is this person's (privacy accepted on the device carried over). */
      const started = async ({ token, me }: LoginResultDto, loginMethod: 'wechat' | 'persona') => {
        // Someone else than the last person: nothing loaded for them stays (a shared phone).
        const before = get().me?.id
        if (before && before !== me.id) clearPersonalData('session-ended', before)
        set({ token, me, actingFor: null, loginMethod })
        if (!me.privacyAccepted && get().privacyAcceptedOnDevice) {
          const updated = await api.acceptPrivacy()
          set({ me: updated })
          return updated
        }
        return me
      }
      return {
        token: null,
        loginMethod: null,
        me: null,
        actingFor: null,
        privacyAcceptedOnDevice: false,
        acceptPrivacyOnDevice: () => set({ privacyAcceptedOnDevice: true }),
        login: async (userId) => started(await api.mockLogin(userId), 'persona'),
        async loginWithWechat() {
          const { code } = await Taro.login()
          return started(await api.wechatLogin(code), 'wechat')
        },
        relogin(refusedToken) {
          if (get().loginMethod !== 'wechat') return Promise.resolve(null)
          // Several requests refused at once share one login.
          renewing ??= (async () => {
            const current = get().token
            if (current && current !== refusedToken) return current
            const { code } = await Taro.login()
            const { token, me } = await api.wechatLogin(code)
            set({ token, me })
            return token
          })()
            .catch(() => null)
            .finally(() => {
              renewing = null
            })
          return renewing
        },
        async logout() {
          const userId = get().me?.id ?? null
          try {
            await api.logout()
          } catch {
            /* the session ends locally anyway */
          }
          clearPersonalData('logout', userId)
        },
        async refreshMe() {
          if (!get().token) return null
          const me = await api.getMe()
          set({ me })
          return me
        },
        setMe: (me) => set({ me }),
        setActingFor: (actingFor) => {
          if (actingFor?.userId !== get().actingFor?.userId) clearPersonalData('acting-for', get().me?.id ?? null)
          set({ actingFor })
        },
        clear: () => clearPersonalData('session-ended', get().me?.id ?? null),
        async sessionRefused(refusedToken) {
          const before = get().me?.id ?? null
          await useSession.persist.rehydrate()
          const { token, me, actingFor, loginMethod } = get()
          clearPersonalData('session-ended', before)
          if (token && token !== refusedToken) set({ token, me, actingFor, loginMethod })
        },
        accountDeleted: () => clearPersonalData('account-deleted', get().me?.id ?? null),
      }
    },
    versioned({
      name: 'mc:session',
      version: 1,
      schema: SessionV1,
      migrations: { 0: UNVERSIONED_TO_V1 },
      partialize: (s) => ({
        token: s.token,
        // Left out until set: a session saved before WeChat login looks as it did.
        ...(s.loginMethod ? { loginMethod: s.loginMethod } : {}),
        me: s.me,
        actingFor: s.actingFor,
        privacyAcceptedOnDevice: s.privacyAcceptedOnDevice,
      }),
    }),
  ),
)

registerStore(useSession, {
  name: 'session',
  resetOn: ['logout', 'account-deleted', 'session-ended'],
  keep: {
    fields: ['privacyAcceptedOnDevice'],
    why: "whether the privacy notice was accepted on this device, before any login: no person's data",
  },
  storageKey: 'mc:session',
})

configureApi({
  getToken: () => useSession.getState().token,
  getActingFor: () => useSession.getState().actingFor?.userId ?? null,
  onUnauthorized: (refusedToken) => void useSession.getState().sessionRefused(refusedToken),
  relogin: (refusedToken) => useSession.getState().relogin(refusedToken),
})
