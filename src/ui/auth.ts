import Taro from '@tarojs/taro'

const LOGIN = '/pages/login/index'
const HOME = '/pages/index/index'
/** The tab pages (switchTab only). */
const TABS = ['/pages/index/index', '/pages/messages/index', '/pages/me/index']

/**
 * The page on screen as a URL to come back to: path and query, without Taro's own parameters
 * (`$taroTimestamp`, `stamp`). Empty when there is no page (tests, app start).
 */
function currentPageUrl(): string {
  const router = Taro.getCurrentInstance()?.router
  if (!router?.path) return ''
  const path = `/${String(router.path).split('?')[0].replace(/^\//, '')}`
  const query = Object.entries(router.params ?? {})
    .filter(([k, v]) => !k.startsWith('$') && k !== 'stamp' && v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&')
  return query ? `${path}?${query}` : path
}

/** The login page's URL, remembering `back` (a page of this app) to return to after login. */
function loginUrl(back = currentPageUrl()): string {
  return back && back.split('?')[0] !== LOGIN && /^\/(pages|packages)\//.test(back)
    ? `${LOGIN}?redirect=${encodeURIComponent(back)}`
    : LOGIN
}

/** Sends the person to the login page; after logging in they come back to the page they were on. */
export function goToLogin(): void {
  Taro.reLaunch({ url: loginUrl() })
}

/**
 * After login: back to `redirect` (from `loginUrl`) with home underneath it, so "back" leads home;
 * home when there is none.
 */
export async function returnAfterLogin(redirect: string | undefined): Promise<void> {
  const back = redirect ? decodeURIComponent(redirect) : ''
  const path = back.split('?')[0]
  if (!back || path === LOGIN || !/^\/(pages|packages)\//.test(back)) {
    await Taro.switchTab({ url: HOME })
    return
  }
  if (TABS.includes(path)) {
    await Taro.switchTab({ url: path })
    return
  }
  await Taro.switchTab({ url: HOME })
  await Taro.navigateTo({ url: back })
}

/** Phone call with a confirmation fallback on H5 (where makePhoneCall opens tel:). */
export function call(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {})
}

/** Masks a phone number for display: 138****5678. */
export const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : p)
