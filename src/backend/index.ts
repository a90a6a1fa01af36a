/**
 * The mocked backend: `createBackend({ storage })` gives a `Backend` whose `handle(request)` answers
 * `/api/...` requests from the route table. Transports: `createMockInterceptor` (in the app) and
 * `scripts/mock-server.ts` (Node HTTP, for tests of the HTTP path).
 */
import { Backend } from './core/backend'
import type { MockClock } from './core/clock'
import { authRoutes } from './routes/auth'
import { devRoutes } from './routes/dev'
import { familyRoutes } from './routes/family'
import { meRoutes } from './routes/me'
import { messageRoutes } from './routes/messages'
import { buildSeed } from './seed'
import { cancelCareOrdersOf } from './features/careCard/orders'
import { careCardRoutes } from './features/careCard/routes'
import { elevatorRoutes } from './features/elevator/routes'
import { oneThingRoutes } from './features/oneThing/routes'
import { youthPalaceRoutes } from './features/youthPalace/routes'
import { youthPalaceTodos } from './features/youthPalace/todos'
import { withdrawYouthPalaceOf } from './features/youthPalace/withdraw'
import { withWeChatLimits, type KeyValueStorage } from './storage/types'

export { Backend } from './core/backend'
export type { BackendRequest, BackendResponse, ErrorBody } from './core/http'

/** Every route of the backend. Feature modules append theirs here (and their account-deletion hooks and home to-dos). */
export const ROUTES = [
  ...authRoutes,
  ...meRoutes([withdrawYouthPalaceOf, cancelCareOrdersOf], [youthPalaceTodos]),
  ...familyRoutes,
  ...messageRoutes,
  ...devRoutes,
  ...careCardRoutes,
  ...youthPalaceRoutes,
  ...elevatorRoutes,
  ...oneThingRoutes,
]

/**
 * A backend over `storage` (wrapped with WeChat's 1 MB / 10 MB limits unless `limits: false`).
 * `clock` fixes mock time (tests); `devRoutes` (default true) serves the dev panel's routes.
 */
export function createBackend(opts: {
  storage: KeyValueStorage
  clock?: MockClock
  devRoutes?: boolean
  limits?: boolean
}): Backend {
  const storage = opts.limits === false ? opts.storage : withWeChatLimits(opts.storage)
  return new Backend({ storage, routes: ROUTES, seed: buildSeed, clock: opts.clock, devRoutes: opts.devRoutes ?? true })
}
