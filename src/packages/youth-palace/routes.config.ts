/**
 * Pages of this subpackage (registered in app.config.ts). Add a page here when you add its folder.
 * Worker pages live here too, under pages/worker*.
 */
export default [
  'pages/index/index',
  'pages/courses/index',
  'pages/course/index',
  'pages/lottery/index',
  'pages/my-courses/index',
  'pages/checkin/index',
  'pages/child/index',
  'pages/worker/index',
  'pages/worker-course/index',
  'pages/worker-attendance/index',
]
