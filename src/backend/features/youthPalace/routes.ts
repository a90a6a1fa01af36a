import type { Route } from '../../core/router'

/** Routes of the youthPalace feature. */
export const youthPalaceRoutes: Route[] = []
