import Taro from '@tarojs/taro'
import { pathOf } from '@/domain/routes'
import { goHome, href, openPage, restartAt, TAB_ROUTES, toHref, type Href } from './nav'

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
function loginUrl(back = currentPageUrl()): Href {
  const page = toHref(back)
  return page && !page.startsWith(`/${href.login.path}`) ? href.login({ redirect: page }) : href.login()
}

/** Sends the person to the login page; after logging in they come back to the page they were on. */
export function goToLogin(): void {
  restartAt(loginUrl())
}

/**
 * Resolves once a page of `path` is on top (at most ~3 s). On H5 a navigation resolves before its page
 * is made, and a second navigation meanwhile is taken for the first (Taro's router keeps one pending
 * method): home came up without its tab bar and the page asked for never opened. WeChat's own
 * navigation resolves once the page is shown, so there it returns at once (and the build drops it).
 */
async function shown(path: string): Promise<void> {
  if (process.env.TARO_ENV !== 'h5') return
  for (let i = 0; i < 60; i++) {
    const pages = Taro.getCurrentPages()
    if (`/${pages[pages.length - 1]?.route ?? ''}`.replace(/^\/+/, '/') === path) return
    await new Promise((r) => setTimeout(r, 50))
  }
}

/**
 * After login: back to `redirect` (from `loginUrl`) with home underneath it, so "back" leads home;
 * home when there is none.
 */
export async function returnAfterLogin(redirect: string | undefined): Promise<void> {
  const back = toHref(redirect ? decodeURIComponent(redirect) : '')
  const path = back?.split('?')[0]
  if (!back || path === href.login()) {
    await goHome()
    return
  }
  if (TAB_ROUTES.includes(pathOf(back))) {
    await openPage(toHref(path!)!)
    return
  }
  await goHome()
  await shown(href.home())
  await openPage(back)
}

/** Phone call with a confirmation fallback on H5 (where makePhoneCall opens tel:). */
export function call(phoneNumber: string): void {
  Taro.makePhoneCall({ phoneNumber }).catch(() => {})
}

/** Masks a phone number for display: 138****5678. */
export const maskPhone = (p: string) => (p.length === 11 ? `${p.slice(0, 3)}****${p.slice(7)}` : p)
