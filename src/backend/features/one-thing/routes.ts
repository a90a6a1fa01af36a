/**
 * Routes of the "one thing" feature (一件事, domain.md §4): saved progress with deadline reminders
 * (progress.ts) and window appointments at service halls (appointments.ts).
 */
import type { Route } from '@/backend/core/router'
import { appointmentRoutes } from './appointments'
import { progressRoutes } from './progress'
import { workerAppointmentRoutes } from './worker-routes'

/** Routes of the oneThing feature. */
export const oneThingRoutes: Route[] = [...progressRoutes, ...appointmentRoutes, ...workerAppointmentRoutes]
