import type { Route } from '../../core/router'

/** Routes of the careCard feature. */
export const careCardRoutes: Route[] = []
