/**
 * Issue 27 items 5 and 6 in Chromium at 375 px: the worker hub with its counts, the room verification
 * queue (one binding waiting) and the one-thing worker page, each checked with axe-core and the size
 * rules in normal and elder mode (support/audit.ts, with screenshots).
 */
import type { Page } from 'playwright-core'
import { expectAudited, loginAs, openPhone, pageErrors, visiblePage, waitForRoute, useBrowserSuite } from './support'

const app = useBrowserSuite(180_000)

const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route)
}
const audited = async (page: Page, where: string) => {
  await page.waitForTimeout(300)
  await expectAudited(page, where, 'new')
}

describe('H5 in Chromium: worker hub, room verification, one-thing worker page (issue 27)', () => {
  it('pass axe and the size rules in both modes', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-zhao')
    // A family member's binding waiting for the community.
    await page.evaluate(async () => {
      const b = (globalThis as any).__mcMockBackend()
      await b.arrange('room_bindings', [
        {
          id: 'u-li:r-zpq-3-1-202',
          userId: 'u-li',
          roomId: 'r-zpq-3-1-202',
          role: 'family',
          verified: false,
          boundAt: '2026-03-01T09:00:00+08:00',
        },
      ])
    })
    await go(page, 'packages/account/pages/worker/index')
    await visiblePage(page).locator('#count-room-bindings').waitFor()
    await audited(page, 'worker hub')
    await go(page, 'packages/account/pages/worker-rooms/index')
    await visiblePage(page).getByText('房产登记').first().waitFor()
    await audited(page, 'worker rooms')
    await go(page, 'packages/one-thing/pages/worker/index')
    await visiblePage(page).getByText('窗口').first().waitFor()
    await audited(page, 'one-thing worker')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
