import type { Route } from '../../core/router'

/** Routes of the elevator feature. */
export const elevatorRoutes: Route[] = []
