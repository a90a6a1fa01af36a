import type { Browser } from 'playwright-core'
import { checkElderMode, launchBrowser, NORMAL_RULES, openPhone, pageErrors, screenshot, seriousA11yViolations, serveStatic, visiblePage, waitForRoute } from './support'

jest.setTimeout(60_000)

let browser: Browser
let server: Awaited<ReturnType<typeof serveStatic>>
beforeAll(async () => {
  server = await serveStatic()
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  await server?.close()
})

describe('H5 in Chromium: app shell', () => {
  it('shows home with the community and four service entries, with no serious a11y violations', async () => {
    const { context, page } = await openPhone(browser, server.url)
    const home = visiblePage(page)
    await home.getByText('总浦桥社区').waitFor()
    for (const name of ['爱心卡', '青少年宫', '加装电梯', '一件事']) {
      await home.getByRole('button', { name: new RegExp(name) }).waitFor()
    }
    expect(await seriousA11yViolations(page)).toEqual([])
    const measured = await checkElderMode(page, NORMAL_RULES)
    expect(measured.targets).toBeGreaterThanOrEqual(4)
    expect(measured.violations).toEqual([])
    await screenshot(page, 'home-normal')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('opens a service subpackage from home and comes back', async () => {
    const { context, page } = await openPhone(browser, server.url)
    await visiblePage(page).getByRole('button', { name: /加装电梯/ }).click()
    await waitForRoute(page, 'packages/elevator/pages/index/index')
    await visiblePage(page).getByText('该服务即将上线').waitFor()
    await page.goBack()
    await waitForRoute(page, 'pages/index/index')
    await visiblePage(page).getByText('总浦桥社区').waitFor({ timeout: 5000 })
    await context.close()
  })

  it('keyboard: Tab reaches a service entry and Enter opens it', async () => {
    const { context, page } = await openPhone(browser, server.url)
    const entry = visiblePage(page).getByRole('button', { name: /爱心卡/ })
    for (let i = 0; i < 10 && !(await entry.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab')
    await page.keyboard.press('Enter')
    await waitForRoute(page, 'packages/care-card/pages/index/index')
    await context.close()
  })
})

describe('the elder-mode checker', () => {
  it('reports small text, a small heading, tight line height and a small target', async () => {
    const page = await browser.newPage({ viewport: { width: 375, height: 667 } })
    await page.setContent(`<div id="s" style="font-size:14px;line-height:1.1">
      <div class="page-title" style="font-size:22px">标题</div><p>小字</p>
      <div role="button" style="width:40px;height:40px">按</div></div>`)
    const result = await checkElderMode(page, undefined, '#s')
    const rules = result.violations.map((v) => v.rule).sort()
    expect(rules).toEqual(expect.arrayContaining(['heading-size', 'line-height', 'target-size', 'text-size']))
    expect(result.targets).toBe(1)
    await page.close()
  })
})
