import Taro, { useDidShow } from '@tarojs/taro'
import { useSession } from '../stores/session'

/** Sends a logged-out visitor to the login page whenever a page that needs a user is shown. */
export function useRequireLogin(): void {
  useDidShow(() => {
    if (!useSession.getState().token) Taro.reLaunch({ url: '/pages/login/index' })
  })
}

/** Phone call with a confirmation fallback on H5 (where makePhoneCall opens tel:). */
export function call(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {})
}

/** Masks a phone number for display: 138****5678. */
export const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : p)
