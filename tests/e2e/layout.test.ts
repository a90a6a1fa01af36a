/**
 * Layout rules, in Chromium at 375 px: the check-in QR code is centred in its card (Taro's H5 aspectFit
 * would put it beside the middle), and no element says `id="undefined"` (a Section, Button or Cell
 * without an id).
 */
import type { Page } from 'playwright-core'
import { backendRows, loginAs, openPhone, visiblePage, waitForRoute, useBrowserSuite } from './support'

const app = useBrowserSuite(180_000)
const YP = 'packages/youth-palace/pages'

const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}

describe('H5 in Chromium: layout', () => {
  it('the check-in QR code is centred in its card, in normal and elder mode', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await go(page, `${YP}/course/index?id=ypc-chinese-dance&childId=ypk-chen-le`)
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).locator('#apply-result').waitFor()
    const dance = (await backendRows<{ id: string; courseId: string; parentId: string }>(page, 'yp_enrollments')).find(
      (e) => e.courseId === 'ypc-chinese-dance' && e.parentId === 'u-chen',
    )!
    await go(page, `${YP}/my-courses/index`)
    await visiblePage(page).locator(`#checkin-${dance.id}`).click()
    await waitForRoute(page, `${YP}/checkin/index`)
    await page.waitForFunction(() => !!document.querySelector('#checkin-qr img[alt]'))
    for (const elder of [false, true]) {
      if (elder) await page.evaluate(() => (window as any).__mcTest.setElderMode(true))
      await page.waitForTimeout(300)
      const card = (await visiblePage(page).locator('#checkin-current').boundingBox())!
      const qr = (await visiblePage(page).locator('#checkin-qr img').boundingBox())!
      expect({ elder, offCentre: Math.round(Math.abs(qr.x + qr.width / 2 - (card.x + card.width / 2))) }).toEqual({
        elder,
        offCentre: 0,
      })
      expect(qr.width).toBeGreaterThan(200)
      await visiblePage(page)
        .locator('#checkin-current')
        .screenshot({
          path: `${__dirname}/../.artifacts/screenshots/layout-checkin-qr-${elder ? 'elder' : 'normal'}.png`,
        })
    }
    await context.close()
  })

  it('no element says id="undefined" (a Section, Button or Cell without an id)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    expect(await visiblePage(page).locator('[id="undefined"]').count()).toBe(0)
    await visiblePage(page).locator('#entry-youth-palace').click()
    await waitForRoute(page, `${YP}/index/index`)
    await visiblePage(page)
      .getByText(/陈乐（\d+ 岁）/)
      .waitFor()
    expect(await visiblePage(page).locator('[id="undefined"]').count()).toBe(0)
    await context.close()
  })
})
