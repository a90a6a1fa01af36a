/**
 * Pages of this subpackage (registered in app.config.ts). Add a page here when you add its folder.
 * Worker pages live here too, under pages/worker*.
 */
export default [
  'pages/index/index',
  'pages/petition/index',
  'pages/start/index',
  'pages/ballot/index',
  'pages/cost/index',
  'pages/audit/index',
  'pages/objections/index',
  'pages/worker/index',
  'pages/worker-paper-ballot/index',
  'pages/worker-objections/index',
]
