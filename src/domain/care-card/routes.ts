/** Pages of the care-card subpackage (爱心卡), worker pages under pages/worker*. See domain/shared/routes.ts. */
import { pagesUnder } from '../shared/routes'

const page = pagesUnder('packages/care-card')

export const careCardRoutes = {
  index: page('pages/index/index'),
  eligibility: page('pages/eligibility/index'),
  /** `resubmit`: the id of a rejected application to submit again. */
  apply: page<{ resubmit?: string }>('pages/apply/index'),
  application: page<{ id: string }>('pages/application/index'),
  card: page('pages/card/index'),
  services: page('pages/services/index'),
  /** `id`: the service to book. */
  book: page<{ id: string }>('pages/book/index'),
  orders: page('pages/orders/index'),
  order: page<{ id: string }>('pages/order/index'),
  worker: page('pages/worker/index'),
  /** `id`: the application to review. */
  workerReview: page<{ id: string }>('pages/worker-review/index'),
  workerOrders: page('pages/worker-orders/index'),
  /** Worker: find an elder, record their signed 代办 authorisation, act for them; the worker's 代办 log. */
  workerProxy: page('pages/worker-proxy/index'),
  /** Worker: key in a booking taken by phone (电话预约 · 96345) for the elder `elder` (user id). */
  workerPhone: page<{ elder: string }>('pages/worker-phone/index'),
}
