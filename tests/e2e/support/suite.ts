/**
 * One browser and one static server per test file: `const app = useBrowserSuite()` registers
 * beforeAll/afterAll; use `app.browser` and `app.url` inside tests.
 */
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { serveStatic } from './server'

export interface BrowserSuite {
  readonly browser: Browser
  readonly url: string
}

export function useBrowserSuite(timeoutMs = 180_000): BrowserSuite {
  jest.setTimeout(timeoutMs)
  // One retry, logged: Taro's H5 router hides pages on timers and a slow CI machine occasionally loses
  // that race; a real failure fails twice. The log keeps every retried failure visible.
  jest.retryTimes(1, { logErrorsBeforeRetry: true })
  let browser: Browser | undefined
  let server: Awaited<ReturnType<typeof serveStatic>> | undefined
  beforeAll(async () => {
    server = await serveStatic()
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })
  return {
    get browser() {
      if (!browser) throw new Error('browser not started')
      return browser
    },
    get url() {
      if (!server) throw new Error('server not started')
      return server.url
    },
  }
}
