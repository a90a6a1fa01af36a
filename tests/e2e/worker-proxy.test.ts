/**
 * Issue 27 in Chromium at 375 px: the grid worker's 为老人代办 page (found elder, the authorisation form)
 * and the 电话预约 page, each checked with axe-core and the size rules in normal and elder mode
 * (support/audit.ts, with screenshots).
 */
import type { Page } from 'playwright-core'
import {
  expectAudited,
  loginAs,
  openPhone,
  pageErrors,
  seededIdNumber,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(180_000)

const go = async (page: Page, route: string, query = '') => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, `${route}${query}`)
  await waitForRoute(page, route)
}

describe('H5 in Chromium: the worker acting for an elder (issue 27)', () => {
  it('为老人代办 and 电话预约 pass axe and the size rules in both modes', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-zhao')
    await go(page, 'packages/care-card/pages/worker-proxy/index')
    const v = visiblePage(page)
    await v.getByText('找到老人').first().waitFor()
    await v.locator('#proxy-name input').fill('王秀英')
    await v.locator('#proxy-id input').fill(seededIdNumber('王秀英'))
    await v.locator('#proxy-find').click()
    await v
      .getByText(/王秀英（\d+ 岁）/)
      .first()
      .waitFor()
    await page.waitForTimeout(300)
    await expectAudited(page, 'worker proxy', 'new')
    await go(page, 'packages/care-card/pages/worker-phone/index', '?elder=u-wang')
    await visiblePage(page).getByText('录入电话预约').first().waitFor()
    await page.waitForTimeout(300)
    await expectAudited(page, 'worker phone order', 'new')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
