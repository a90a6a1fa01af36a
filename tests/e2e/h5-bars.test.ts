/**
 * The bars Taro draws around the page on H5, in Chromium at 375 px (issue 16): a navigation bar like
 * WeChat's (title, 返回 following `goBack`), elder-sized in elder mode; the elder tab bar at least 60 px
 * tall with whole labels, whatever order the stylesheets load in.
 */
import type { Page } from 'playwright-core'
import {
  backendRows,
  expectAudited,
  loginAs,
  openPhone,
  pageErrors,
  screenshot,
  setElder,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(240_000)
const YP = 'packages/youth-palace/pages'

/** Opens `route` as the only page, as a shared link or a reload does. */
const openAlone = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await page.reload()
  await waitForRoute(page, route.split('?')[0])
}
/** Taro's navigation bar (outside the page) and its back control. */
const navBar = (page: Page) => page.locator('#taro-navigation-bar')
const navBack = (page: Page) => navBar(page).getByRole('button', { name: '返回' })
const box = async (page: Page, selector: string) => (await page.locator(selector).boundingBox())!

describe('H5 in Chromium: the bars around the page', () => {
  it("a navigation bar like WeChat's: the page title, and 返回 that goes back, or on a page opened on its own to the page it names or home", async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    // The login page is its own start: a title, no way back.
    await navBar(page).getByText('登录', { exact: true }).waitFor()
    expect(await navBack(page).isVisible()).toBe(false)
    await loginAs(page, 'u-chen')
    // A tab page: the title in WeChat's colours (app.config window), no back control.
    await navBar(page).getByText('现代社区', { exact: true }).waitFor()
    expect(
      await navBar(page).evaluate((el) => [getComputedStyle(el).backgroundColor, getComputedStyle(el).color]),
    ).toEqual(['rgb(26, 95, 180)', 'rgb(255, 255, 255)'])
    expect(await navBack(page).isVisible()).toBe(false)
    await screenshot(page, 'bars-nav-home-normal')
    // A page opened from home: its title, and 返回 back to home.
    await visiblePage(page).locator('#entry-youth-palace').click()
    await waitForRoute(page, `${YP}/index/index`)
    await navBar(page).getByText('青少年宫', { exact: true }).waitFor()
    await screenshot(page, 'bars-nav-youth-palace-normal')
    expect((await box(page, '#taro-navigation-bar .taro-navigation-bar-back')).height).toBeGreaterThanOrEqual(44)
    await navBack(page).click()
    await waitForRoute(page, 'pages/index/index')
    await navBar(page).getByText('现代社区', { exact: true }).waitFor()
    // By keyboard too.
    await visiblePage(page).locator('#entry-youth-palace').click()
    await waitForRoute(page, `${YP}/index/index`)
    await navBack(page).focus()
    await page.keyboard.press('Enter')
    await waitForRoute(page, 'pages/index/index')
    // Opened on its own: the child's page goes to the youth palace (the page it names), 我的课程 home.
    await openAlone(page, `${YP}/child/index?id=ypk-chen-le`)
    await navBar(page).getByText('青少年宫 · 孩子资料', { exact: true }).waitFor()
    await navBack(page).click()
    await waitForRoute(page, `${YP}/index/index`)
    await openAlone(page, `${YP}/my-courses/index`)
    await navBack(page).waitFor()
    await navBack(page).click()
    await waitForRoute(page, 'pages/index/index')
    // Elder mode: the bar and its control elder-sized (the audit measures the bar on every page).
    await setElder(page, true)
    await visiblePage(page).locator('#entry-youth-palace').click()
    await waitForRoute(page, `${YP}/index/index`)
    const back = await box(page, '#taro-navigation-bar .taro-navigation-bar-back')
    expect(Math.min(back.width, back.height)).toBeGreaterThanOrEqual(60)
    expect(
      await navBar(page)
        .locator('.taro-navigation-bar-title')
        .evaluate((el) => parseFloat(getComputedStyle(el).fontSize)),
    ).toBeGreaterThanOrEqual(18)
    await expectAudited(page, 'youth-palace index', 'bars')
    await screenshot(page, 'bars-nav-youth-palace-elder')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it("elder tab bar: at least 60 px tall with whole 18 px labels, also when Taro's styles load after ours (the dev server)", async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    // The dev server injects Taro's component styles (`:root { --taro-tabbar-height: 50px }`) after ours.
    await page.evaluate(() => {
      for (const s of [...document.head.querySelectorAll('style')])
        if (s.textContent?.includes('--taro-tabbar-height')) document.head.appendChild(s)
    })
    await setElder(page, true)
    const bar = await box(page, '.taro-tabbar__tabbar')
    expect(bar.height).toBeGreaterThanOrEqual(60)
    for (const label of await page.locator('.weui-tabbar__label').all()) {
      const b = (await label.boundingBox())!
      expect(b.y + b.height).toBeLessThanOrEqual(bar.y + bar.height + 0.5)
      expect(b.y + b.height).toBeLessThanOrEqual(667 + 0.5)
    }
    await expectAudited(page, 'home dev style order', 'bars')
    await screenshot(page, 'bars-tabbar-elder')
    await context.close()
  })
  it('the unread badge on 消息: shows the count after new messages, goes once they are read', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    const be = (fn: string, ...args: unknown[]) =>
      page.evaluate(([f, a]) => (globalThis as any).__mcMockBackend()[f as string](...(a as unknown[])), [fn, args])
    for (const m of await backendRows<{ id: string; readAt?: string }>(page, 'messages', { userId: 'u-wang' }))
      if (!m.readAt) await be('tamper', 'messages', m.id, { readAt: '2026-01-01T08:00:00+08:00' })
    const tab = (label: string) => page.locator('.weui-tabbar__label', { hasText: label }).click()
    const badge = page.locator('.taro-tabbar__tabbar .weui-badge:visible')
    await tab('我的')
    await waitForRoute(page, 'pages/me/index')
    await expect(badge.count()).resolves.toBe(0)
    const now = (await page.evaluate(() => (globalThis as any).__mcMockBackend().clock.now())) as number
    const at = new Date(now + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
    await be('arrange', 'messages', [
      {
        id: 'msg-badge-1',
        userId: 'u-wang',
        title: '爱心卡申请已提交',
        body: '社区将在 5 个工作日内初审',
        createdAt: at,
      },
      { id: 'msg-badge-2', userId: 'u-wang', title: '服务预约成功', body: '明天 11:30 助餐', createdAt: at },
    ])
    await tab('首页')
    await waitForRoute(page, 'pages/index/index')
    await badge.filter({ hasText: '2' }).waitFor()
    await screenshot(page, 'bars-tabbar-unread')
    await tab('消息')
    await waitForRoute(page, 'pages/messages/index')
    await visiblePage(page).locator('#message-msg-badge-1').click()
    await badge.filter({ hasText: '1' }).waitFor()
    await visiblePage(page).locator('#message-msg-badge-2').click()
    await badge.waitFor({ state: 'detached' }).catch(() => badge.waitFor({ state: 'hidden' }))
    await expect(badge.count()).resolves.toBe(0)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
