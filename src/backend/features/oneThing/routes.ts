import type { Route } from '../../core/router'

/** Routes of the oneThing feature. */
export const oneThingRoutes: Route[] = []
