/**
 * Driving Debian's Chromium with playwright-core for the H5 build: launch, phone viewport, the visible
 * Taro page (Taro keeps pages you left in the DOM, hidden), typing into Taro inputs, screenshots.
 */
import fs from 'node:fs'
import path from 'node:path'
import { chromium, type Browser, type BrowserContext, type Locator, type Page } from 'playwright-core'

const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium'
export const ARTIFACTS = path.resolve(__dirname, '../../.artifacts')
/** A phone: 375 × 667 CSS px, 2× pixels, touch. */
export const PHONE = {
  viewport: { width: 375, height: 667 },
  deviceScaleFactor: 2,
  isMobile: true,
  hasTouch: true,
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

/** Launches headless Chromium with the flags this machine needs (no background networking). */
export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium not found at ${CHROMIUM}. Install it with: sudo apt-get update && sudo apt-get install -y chromium`,
    )
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  })
}

/**
 * CPU slow-down factor for every test page (`E2E_CPU_THROTTLE=4` runs the app four times slower), to
 * shake out tests that race the app's rendering; 1 (off) by default.
 */
const CPU_THROTTLE = Math.max(1, Number(process.env.E2E_CPU_THROTTLE) || 1)

/** A fresh phone-sized context and page (empty storage), opened at `baseUrl` + `hashPath`. */
export async function openPhone(
  browser: Browser,
  baseUrl: string,
  hashPath = '/pages/index/index',
): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext(PHONE)
  const page = await context.newPage()
  if (CPU_THROTTLE > 1)
    await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate: CPU_THROTTLE })
  page.on('pageerror', (e) => {
    ;(page as Page & { errors?: Error[] }).errors?.push(e)
  })
  ;(page as Page & { errors?: Error[] }).errors = []
  await page.goto(`${baseUrl}/#${hashPath}`)
  await visiblePage(page).waitFor({ state: 'visible' })
  return { context, page }
}

/** Uncaught errors the page threw so far. */
export const pageErrors = (page: Page): Error[] => (page as Page & { errors?: Error[] }).errors ?? []

/** The Taro page currently shown (hidden pages stay in the DOM). */
export function visiblePage(page: Page): Locator {
  return page.locator('.taro_page:visible').last()
}

/**
 * Waits until the route (hash) is `route` and its page is shown. Taro's H5 router hides the previous
 * page on a timer, so going back within a few ms of arriving can leave the page below hidden; a
 * short pause after arrival keeps tests as slow as a person.
 */
export async function waitForRoute(page: Page, route: string): Promise<void> {
  await page.waitForFunction((r) => location.hash.replace(/^#\/?/, '').split('?')[0] === r.replace(/^\//, ''), route)
  await visiblePage(page).waitFor({ state: 'visible' })
  await page.waitForTimeout(300)
}

/**
 * Types into a Taro Input/Textarea (the real `<input>` sits inside Taro's custom element, which renders
 * it a moment after the element itself appears: wait for it rather than fall back to the element).
 */
export async function typeInto(target: Locator, text: string): Promise<void> {
  await target.waitFor()
  const native = await target.evaluate((el) => el.matches('input, textarea, [contenteditable]'))
  const field = native ? target : target.locator('input, textarea').first()
  await field.fill('')
  await field.pressSequentially(text)
  await field.blur()
}

/** Saves a phone screenshot to tests/.artifacts/screenshots/<name>.png (and returns the path). */
export async function screenshot(page: Page, name: string, dir = path.join(ARTIFACTS, 'screenshots')): Promise<string> {
  fs.mkdirSync(dir, { recursive: true })
  const file = path.join(dir, `${name}.png`)
  await page.screenshot({ path: file })
  return file
}
