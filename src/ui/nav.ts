import Taro from '@tarojs/taro'

/** The tab pages (app.config.ts `tabBar.list`), as routes without a leading slash. */
export const TAB_ROUTES = ['pages/index/index', 'pages/messages/index', 'pages/me/index']
/** WeChat's page stack limit: `navigateTo` fails once this many pages are open. */
export const MAX_PAGES = 10

const routeOf = (url: string) => url.replace(/^\//, '').split('?')[0]

/** Whether `url` (`/pages/me/index?x=1` or a bare route) is a tab page. */
const isTabRoute = (url: string) => TAB_ROUTES.includes(routeOf(url))

/**
 * Opens a page from a link: a tab page with `switchTab`; any other with `navigateTo`, or with
 * `redirectTo` (replacing the top page) once the stack is full, so a chain of opens never fails.
 */
export function openPage(url: string): Promise<unknown> {
  if (isTabRoute(url)) return Taro.switchTab({ url })
  if (Taro.getCurrentPages().length >= MAX_PAGES) return Taro.redirectTo({ url })
  return Taro.navigateTo({ url })
}

/**
 * Leaves a page: back to the page that opened it, or — when it was opened on its own (a link, a
 * message, a shared card: nothing underneath) — to `fallbackUrl` (a tab page is switched to; any other
 * replaces this one), so a back button never does nothing.
 */
export function goBack(fallbackUrl = '/pages/index/index'): Promise<unknown> {
  if (Taro.getCurrentPages().length > 1) return Taro.navigateBack()
  return isTabRoute(fallbackUrl) ? Taro.switchTab({ url: fallbackUrl }) : Taro.redirectTo({ url: fallbackUrl })
}

/** Switches to the home tab. */
export const goHome = () => Taro.switchTab({ url: '/pages/index/index' })

/**
 * Whether the page now open is the only one on the stack and not a tab page (opened from a shared
 * link, a message or a scan): there is no way back, so the page offers one home. The login page is
 * its own start.
 */
export function isLonePage(): boolean {
  const pages = Taro.getCurrentPages()
  if (pages.length !== 1) return false
  const route = routeOf(String((pages[0] as { route?: string }).route ?? ''))
  return !!route && !isTabRoute(route) && route !== 'pages/login/index'
}
