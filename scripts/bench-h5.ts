/**
 * H5 cold-load timings for the benchmark: median of N cold loads (new browser context, HTTP cache off,
 * 4× CPU throttling) in headless Chromium on 127.0.0.1: first contentful paint and the moment the
 * page's main content is visible (its `.page` shown, no loading skeleton, text on screen).
 */
import type { Browser } from 'playwright-core'
import { PHONE, launchBrowser } from '../tests/e2e/support/browser'
import { loginAs } from '../tests/e2e/support/app'
import { serveStatic } from '../tests/e2e/support/server'

/** One timed page: `label`, its hash route, and the text that must be on screen when its main content is. */
export interface H5Target {
  label: string
  route: string
  minText?: number
}

/** Medians in ms for one page. */
export interface H5Timing {
  label: string
  fcpMs: number
  mainMs: number
  runs: number
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

/** Runs in the page before any script: records when the main content first shows. */
const MAIN_CONTENT_PROBE = `(() => {
  const minText = Number(window.__benchMinText || 20)
  let seen = false
  const check = () => {
    if (seen) return
    const pages = [...document.querySelectorAll('.taro_page')].filter((p) => p.offsetParent !== null || getComputedStyle(p).display !== 'none')
    const top = pages[pages.length - 1]
    const root = top && top.querySelector('.page')
    if (!root || root.querySelector('.skeleton')) return
    if ((root.innerText || '').trim().length < minText) return
    seen = true
    // Two frames later the content has been painted.
    requestAnimationFrame(() => requestAnimationFrame(() => { window.__mainAt = performance.now() }))
  }
  new MutationObserver(check).observe(document, { childList: true, subtree: true, characterData: true, attributes: true })
  const tick = () => { check(); if (!seen) requestAnimationFrame(tick) }
  requestAnimationFrame(tick)
})()`

async function coldLoad(
  browser: Browser,
  url: string,
  storage: Record<string, string>,
  minText: number,
): Promise<{ fcp: number; main: number }> {
  const context = await browser.newContext(PHONE)
  await context.addInitScript(
    ({ entries, min }) => {
      if (!sessionStorage.getItem('bench:restored')) {
        for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v)
        sessionStorage.setItem('bench:restored', '1')
      }
      ;(window as unknown as { __benchMinText: number }).__benchMinText = min
    },
    { entries: storage, min: minText },
  )
  await context.addInitScript(MAIN_CONTENT_PROBE)
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })
  await page.goto(url)
  await page.waitForFunction(() => (window as unknown as { __mainAt?: number }).__mainAt, undefined, {
    timeout: 60_000,
    polling: 100,
  })
  const result = await page.evaluate(() => ({
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    main: (window as unknown as { __mainAt: number }).__mainAt,
  }))
  await context.close()
  return result
}

/**
 * Times `targets` in the H5 build at `dir` (logged in as `userId` when given: the storage of one warm-up
 * login is restored in each cold context) and returns medians of `runs` loads.
 */
export async function timeH5(
  dir: string,
  targets: H5Target[],
  opts: { runs: number; userId?: string },
): Promise<H5Timing[]> {
  const server = await serveStatic(dir)
  const browser = await launchBrowser()
  try {
    let storage: Record<string, string> = {}
    if (opts.userId) {
      const context = await browser.newContext(PHONE)
      const page = await context.newPage()
      await page.goto(`${server.url}/#/pages/login/index`)
      await loginAs(page, opts.userId)
      storage = await page.evaluate(() =>
        Object.fromEntries(Object.keys(localStorage).map((k) => [k, localStorage.getItem(k)!])),
      )
      await context.close()
    }
    const out: H5Timing[] = []
    for (const t of targets) {
      const fcp: number[] = []
      const main: number[] = []
      for (let i = 0; i < opts.runs; i++) {
        const r = await coldLoad(browser, `${server.url}/#/${t.route}`, storage, t.minText ?? 20)
        fcp.push(r.fcp)
        main.push(r.main)
      }
      out.push({ label: t.label, fcpMs: median(fcp), mainMs: median(main), runs: opts.runs })
    }
    return out
  } finally {
    await browser.close()
    await server.close()
  }
}
