/**
 * Routes of the elderly-care service card (养老服务爱心卡, domain.md §1): resident side under
 * `/api/care-card` (a confirmed family proxy may act for the elder), worker side under
 * `/api/worker/care-card` (own community only).
 */
import type { Route } from '@/backend/core/router'
import { applicationRoutes } from './applications'
import { cardRoutes } from './card-routes'
import { fulfilmentRoutes } from './fulfilment'
import { orderRoutes } from './orders'
import { phoneOrderRoutes } from './phone-orders'
import { reviewRoutes } from './review'

/** Routes of the careCard feature. */
export const careCardRoutes: Route[] = [
  ...applicationRoutes,
  ...cardRoutes,
  ...orderRoutes,
  ...reviewRoutes,
  ...fulfilmentRoutes,
  ...phoneOrderRoutes,
]
