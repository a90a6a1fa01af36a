/**
 * The route table: every page of the app as a typed link builder, e.g. `href.careCard.order({ id })`
 * → `/packages/care-card/pages/order/index?id=…` (parameters encoded). The UI opens them through
 * `@/ui/nav` (openPage, goBack, …); the backend puts them into messages and to-dos; app.config.ts
 * registers exactly these pages. A new page: one line in its feature's `routes.ts` (or
 * `shared/routes.ts` for the main package) beside its folder.
 */
import { careCardRoutes } from './care-card/routes'
import { elevatorRoutes } from './elevator/routes'
import { oneThingRoutes } from './one-thing/routes'
import { accountRoutes, mainRoutes, settingsRoutes, type Href, type Route } from './shared/routes'
import { youthPalaceRoutes } from './youth-palace/routes'

export type { Href } from './shared/routes'

/** Every page: the main package's at the top level, each subpackage's under its name. */
export const href = {
  ...mainRoutes,
  account: accountRoutes,
  careCard: careCardRoutes,
  youthPalace: youthPalaceRoutes,
  elevator: elevatorRoutes,
  oneThing: oneThingRoutes,
  settings: settingsRoutes,
}

/** Every route of `href`, main package first, in declaration order. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- routes of any parameter shape
export const ALL_ROUTES: Route<any>[] = [
  ...Object.values(mainRoutes),
  ...[accountRoutes, careCardRoutes, youthPalaceRoutes, elevatorRoutes, oneThingRoutes, settingsRoutes].flatMap((r) =>
    Object.values(r),
  ),
]

/** The registered page of a link (`/pages/me/index?x=1` or a bare route), without slash or query. */
export const pathOf = (url: string) => url.replace(/^\//, '').split('?')[0]

/**
 * A link from elsewhere (a message's or to-do's `link`, a login `redirect`, a shared path) as an `Href`
 * when it opens a page of this app (leading slash added); null when it names no registered page.
 */
export function toHref(url: string): Href | null {
  const path = pathOf(url)
  if (!ALL_ROUTES.some((r) => r.path === path)) return null
  return (url.startsWith('/') ? url : `/${url}`) as Href
}
