/**
 * Routes: the pages of the mini-program as typed link builders. Each feature declares its pages in
 * `domain/<feature>/routes.ts` with `pagesUnder`; the main package's and the account and settings
 * subpackages' are here. `domain/routes.ts` gathers them into `href` (every link in the app and in backend messages),
 * and app.config.ts registers exactly those pages — so a page exists iff it has an href.
 *
 * Pure data and functions, no imports: app.config.ts loads this through Taro's config loader, which
 * resolves relative imports only.
 */

/** Query parameters of a page: names to string values; an absent or empty value is left out of the URL. */
type Params = Record<string, string | undefined>

/**
 * A link to a page of this app: `/pages/me/index` or `/packages/<name>/pages/<page>/index?a=1`, with
 * encoded parameters. Only made by a route (`href.careCard.order({ id })`) or checked by `toHref`.
 */
export type Href = string & { readonly __href: unique symbol }

/**
 * One page: called with its parameters it gives the page's `Href`. `path` is the page as WeChat
 * registers it (`packages/care-card/pages/order/index`, no leading slash), `root` its subpackage
 * (`packages/care-card`; null in the main package) and `page` the path inside it (`pages/order/index`).
 */
export interface Route<P extends Params = Record<string, never>> {
  (...params: Record<string, never> extends P ? [params?: P] : [params: P]): Href
  readonly path: string
  readonly root: string | null
  readonly page: string
}

/** `?a=1&b=x%20y` from the given parameters, in the given order, leaving out absent and empty ones. */
function query(params: Params | undefined): string {
  const q = Object.entries(params ?? {})
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k}=${encodeURIComponent(v as string)}`)
    .join('&')
  return q ? `?${q}` : ''
}

/**
 * A page maker for one package: `pagesUnder('packages/care-card')` gives `page<{ id: string }>('pages/order/index')`;
 * `pagesUnder(null)` for the main package. The type parameter lists the page's query parameters (`?` for optional).
 */
export function pagesUnder(root: string | null) {
  return <P extends Params = Record<string, never>>(page: string): Route<P> => {
    const path = root ? `${root}/${page}` : page
    const build = (params?: P) => `/${path}${query(params)}` as Href
    return Object.assign(build, { path, root, page }) as unknown as Route<P>
  }
}

const main = pagesUnder(null)

/** The main package: the tab pages and what a launch needs. The first page is the one WeChat opens. */
export const mainRoutes = {
  home: main('pages/index/index'),
  messages: main('pages/messages/index'),
  me: main('pages/me/index'),
  /** `redirect`: an encoded `Href` to return to after logging in. */
  login: main<{ redirect?: string }>('pages/login/index'),
}

const account = pagesUnder('packages/account')

/**
 * The account subpackage: pages opened now and then from home and 我的 (preloaded from both) — real-name
 * check, rooms, family proxies, the privacy notice — and the community worker's home.
 */
export const accountRoutes = {
  realName: account('pages/real-name/index'),
  rooms: account('pages/rooms/index'),
  family: account('pages/family/index'),
  privacy: account('pages/privacy/index'),
  worker: account('pages/worker/index'),
  workerRooms: account('pages/worker-rooms/index'),
}

const settings = pagesUnder('packages/settings')

/** The settings subpackage: the demo panel (mock time, faults, reset), the data export, 登录设备, 差评回访. */
export const settingsRoutes = {
  dev: settings('pages/dev/index'),
  export: settings('pages/export/index'),
  messages: settings('pages/messages/index'),
  devices: settings('pages/devices/index'),
  /** The community worker's follow-ups of low ratings of appointments and courses (差评回访). */
  followUps: settings('pages/follow-ups/index'),
}
