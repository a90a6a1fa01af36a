/** Pages of the one-thing subpackage (一件事), worker pages under pages/worker*. See domain/shared/routes.ts. */
import { pagesUnder } from '../shared/routes'

const page = pagesUnder('packages/one-thing')

/** `event` is always a life event's id. */
export const oneThingRoutes = {
  index: page('pages/index/index'),
  questions: page<{ event: string }>('pages/questions/index'),
  checklist: page<{ event: string }>('pages/checklist/index'),
  bring: page<{ event: string }>('pages/bring/index'),
  /** `change` and `hall`: the appointment being moved and its hall. */
  appointment: page<{ event: string; change?: string; hall?: string }>('pages/appointment/index'),
  appointments: page('pages/appointments/index'),
  worker: page('pages/worker/index'),
}
