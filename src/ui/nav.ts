/**
 * The one place that moves between pages (a test fails on any other `Taro.navigateTo/redirectTo/
 * switchTab/reLaunch/navigateBack`). Every function takes an `Href` from the route table
 * (`href.careCard.order({ id })`, `@/domain/routes`), so a link always names a registered page.
 */
import Taro from '@tarojs/taro'
import { href, pathOf, toHref, type Href } from '@/domain/routes'

export { href, toHref, type Href } from '@/domain/routes'

/** The tab pages (app.config.ts `tabBar.list`), as routes without a leading slash. */
export const TAB_ROUTES = [href.home.path, href.messages.path, href.me.path]
/** WeChat's page stack limit: `navigateTo` fails once this many pages are open. */
export const MAX_PAGES = 10

/** Whether `url` (href.me({ x: '1' }) or a bare route) is a tab page. */
const isTabRoute = (url: string) => TAB_ROUTES.includes(pathOf(url))

/**
 * Opens a page from a link: a tab page with `switchTab`; any other with `navigateTo`, or with
 * `redirectTo` (replacing the top page) once the stack is full, so a chain of opens never fails.
 */
export function openPage(url: Href): Promise<unknown> {
  if (isTabRoute(url)) return Taro.switchTab({ url })
  if (Taro.getCurrentPages().length >= MAX_PAGES) return Taro.redirectTo({ url })
  return Taro.navigateTo({ url })
}

/**
 * Opens a link that came as data (a message's or to-do's `link` from the backend): as `openPage` when
 * it names a page of this app (`toHref`); otherwise fails (rejects) like an unknown page would.
 */
export function openLink(link: string): Promise<unknown> {
  const to = toHref(link)
  return to ? openPage(to) : Promise.reject(new Error(`不是本应用的页面：${link}`))
}

/**
 * Replaces the page on screen with `url` (a step that must not be gone back to: a sent form, a wrong
 * turn); a tab page is switched to.
 */
export function replacePage(url: Href): Promise<unknown> {
  return isTabRoute(url) ? Taro.switchTab({ url }) : Taro.redirectTo({ url })
}

/** Closes every page and opens `url` alone (logging out, the login page). */
export function restartAt(url: Href): Promise<unknown> {
  return Taro.reLaunch({ url })
}

/**
 * Leaves a page: back to the page that opened it, or — when it was opened on its own (a link, a
 * message, a shared card: nothing underneath) — to `fallbackUrl` (a tab page is switched to; any other
 * replaces this one), so a back button never does nothing.
 */
export function goBack(fallbackUrl: Href = href.home()): Promise<unknown> {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return replacePage(fallbackUrl)
}

/** Switches to the home tab. */
export const goHome = (): Promise<unknown> => Taro.switchTab({ url: href.home() })

/**
 * Whether the page now open is the only one on the stack and not a tab page (opened from a shared
 * link, a message or a scan): there is no way back, so the page offers one home. The login page is
 * its own start.
 */
export function isLonePage(): boolean {
  const pages = Taro.getCurrentPages()
  if (pages.length !== 1) return false
  const route = pathOf(String((pages[0] as { route?: string }).route ?? ''))
  return !!route && !isTabRoute(route) && route !== href.login.path
}
