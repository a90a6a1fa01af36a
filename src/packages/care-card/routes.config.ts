/**
 * Pages of this subpackage (registered in app.config.ts). Add a page here when you add its folder.
 * Worker pages live here too, under pages/worker*.
 */
export default [
  'pages/index/index',
  'pages/eligibility/index',
  'pages/apply/index',
  'pages/application/index',
  'pages/card/index',
  'pages/services/index',
  'pages/book/index',
  'pages/orders/index',
  'pages/order/index',
  'pages/worker/index',
  'pages/worker-review/index',
  'pages/worker-orders/index',
]
