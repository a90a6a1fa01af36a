/**
 * Per-user settings on this device, persisted: elder mode. The user's own choice always wins; until
 * they choose, elder mode follows WeChat's font scale (`fontSizeScaleFactor` ≥ 1.3, WeChat only).
 * Settings are keyed by user id so personas never share them.
 */
import Taro from '@tarojs/taro'
import { create } from 'zustand'
import { persist } from 'zustand/middleware'
import { registerStore } from './personal'
import * as v from 'valibot'
import { UNVERSIONED_TO_V1, validEntries, versioned } from './persisted'
import { useSession } from './session'

/** Font scale at which WeChat's care mode suggests elder mode (iOS care mode ≈ 1.4×). */
const ELDER_FONT_SCALE = 1.3
/** Age from which the app offers elder mode. */
const ELDER_OFFER_AGE = 70

interface SettingsState {
  /** userId (or 'guest') → explicit elder-mode choice. */
  elder: Record<string, boolean>
  /** userId → the 70+ offer was answered. */
  offerAnswered: Record<string, boolean>
  setElder(userId: string, on: boolean): void
  answerOffer(userId: string): void
}

/** Saved settings, version 1 (= the unversioned shape): per-user choices; a damaged entry is dropped. */
const SettingsV1 = v.object({ elder: validEntries(v.boolean()), offerAnswered: validEntries(v.boolean()) })

export const useSettings = create<SettingsState>()(
  persist(
    (set) => ({
      elder: {},
      offerAnswered: {},
      setElder: (userId, on) => set((s) => ({ elder: { ...s.elder, [userId]: on } })),
      answerOffer: (userId) => set((s) => ({ offerAnswered: { ...s.offerAnswered, [userId]: true } })),
    }),
    versioned({
      name: 'mc:settings',
      version: 1,
      schema: SettingsV1,
      migrations: { 0: UNVERSIONED_TO_V1 },
      partialize: (s) => ({ elder: s.elder, offerAnswered: s.offerAnswered }),
    }),
  ),
)

registerStore(useSettings, {
  name: 'settings',
  resetOn: [],
  keep: {
    fields: ['elder', 'offerAnswered'],
    why: 'elder mode is a setting of this device per user (so an 85-year-old need not switch it on after each login); it holds no data another person sees',
  },
  // A deleted account's choices go with it.
  clear: (cause, userId) => {
    if (cause !== 'account-deleted' || !userId) return
    useSettings.setState((s) => {
      const { [userId]: _elder, ...elder } = s.elder
      const { [userId]: _offer, ...offerAnswered } = s.offerAnswered
      return { elder, offerAnswered }
    })
  },
  storageKey: 'mc:settings',
})

/** WeChat's font scale, or 1 where there is none (H5). */
function systemFontScale(): number {
  if (process.env.TARO_ENV !== 'weapp') return 1
  try {
    return Number((Taro.getAppBaseInfo() as { fontSizeScaleFactor?: number }).fontSizeScaleFactor) || 1
  } catch {
    return 1
  }
}

const userKey = () => useSession.getState().me?.id ?? 'guest'

/** Whether elder mode is on for the current user (choice, else the system font scale). */
export function isElderMode(choice: boolean | undefined, fontScale = systemFontScale()): boolean {
  return choice ?? fontScale >= ELDER_FONT_SCALE
}

/** React hook: elder mode on/off for the current user. */
export function useElderMode(): boolean {
  const id = useSession((s) => s.me?.id ?? 'guest')
  const choice = useSettings((s) => s.elder[id])
  return isElderMode(choice)
}

/** Switches elder mode for the current user. */
export function setElderMode(on: boolean): void {
  useSettings.getState().setElder(userKey(), on)
}

/** Whether to offer elder mode now: a bound resident aged 70+, who has not chosen nor answered the offer. */
export function useElderOffer(): boolean {
  const me = useSession((s) => s.me)
  const s = useSettings()
  if (!me || me.age == null || me.age < ELDER_OFFER_AGE) return false
  return s.elder[me.id] === undefined && !s.offerAnswered[me.id]
}
