/**
 * Routes of the Doorstep youth palace (家门口青少年宫, domain.md §2): children profiles, catalogue and
 * lottery results, applications and enrollments, mock WeChat Pay, and the worker side. Every handler
 * first runs the lazy time rules: `sweepOffers` (expired offers lapse, the next waitlisted are promoted)
 * and `remindDraws` (workers are told when a term's lottery courses wait for the draw).
 */
import type { Route } from '@/backend/core/router'
import { cancelSessionRoute } from './cancel-session-route'
import { catalogRoutes } from './catalog-routes'
import { childrenRoutes } from './children-routes'
import { remindDraws } from './draw-reminders'
import { enrollmentRoutes } from './enrollment-routes'
import { leaveRoutes } from './leave-routes'
import { paymentRoutes } from './payment-routes'
import { sweepOffers } from './waitlist'
import { workerRoutes } from './worker-routes'

/** Wraps a route so its handler starts with the lazy time rules (same transaction as the request). */
const withSweep = (r: Route): Route => ({
  ...r,
  handler: async (ctx) => {
    await sweepOffers(ctx)
    await remindDraws(ctx)
    return r.handler(ctx)
  },
})

/** Routes of the youthPalace feature. */
export const youthPalaceRoutes: Route[] = [
  ...childrenRoutes,
  ...catalogRoutes,
  ...enrollmentRoutes,
  ...leaveRoutes,
  ...paymentRoutes,
  ...workerRoutes,
  cancelSessionRoute,
].map(withSweep)
