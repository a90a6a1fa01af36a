/**
 * Jest setup for the WeChat harness tests: after each test, fails it when any page it drove broke a
 * rendering budget (perf.ts); after each file, appends the per-page figures to `$WEAPP_PERF_OUT`
 * when set (used by `npm run bench`).
 */
import { takeViolations, writeFigures } from './perf'

afterEach(() => {
  expect(takeViolations()).toEqual([])
})

afterAll(() => {
  if (process.env.WEAPP_PERF_OUT) writeFigures(process.env.WEAPP_PERF_OUT)
})
