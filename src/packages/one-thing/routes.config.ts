/**
 * Pages of this subpackage (registered in app.config.ts). Add a page here when you add its folder.
 * Worker pages live here too, under pages/worker*.
 */
export default [
  'pages/index/index',
  'pages/questions/index',
  'pages/checklist/index',
  'pages/bring/index',
  'pages/appointment/index',
  'pages/appointments/index',
  'pages/worker/index',
]
