/**
 * Pages of the settings subpackage (registered in app.config.ts): the demo panel (mock time, faults,
 * reset) and the personal data export, opened from 我的. Kept out of the main package, which holds the
 * tab pages and what a launch needs.
 */
export default ['pages/dev/index', 'pages/export/index']
