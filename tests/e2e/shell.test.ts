import type { Page } from 'playwright-core'
import fs from 'node:fs'
import path from 'node:path'
import {
  answerModal,
  checkElderMode,
  ELDER_RULES,
  loginAs,
  NORMAL_RULES,
  openPhone,
  pageErrors,
  screenshot,
  seededIdNumber,
  expectAudited,
  setElder,
  typeInto,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(120_000)

const DOCS = path.resolve(__dirname, '../../docs/screenshots')
const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route)
}
/** axe and the size rules in both modes, with a screenshot of each (support/audit.ts). */
const expectA11y = (page: Page, where: string) => expectAudited(page, where)

describe('H5 in Chromium: app shell', () => {
  it('logs in as a persona after the privacy notice; every shell page passes axe', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await visiblePage(page).getByText('隐私说明').first().waitFor()
    await expectA11y(page, 'login: privacy')
    await visiblePage(page).locator('#accept-privacy').click()
    await visiblePage(page).locator('#persona-u-zhao').waitFor()
    await expectA11y(page, 'login: personas')
    await visiblePage(page).locator('#persona-u-zhao').click()
    await waitForRoute(page, 'pages/index/index')
    await visiblePage(page).getByText('您好，赵敏').waitFor()
    await expectA11y(page, 'home')
    for (const route of [
      'pages/messages/index',
      'pages/me/index',
      'packages/account/pages/real-name/index',
      'packages/account/pages/rooms/index',
      'packages/account/pages/family/index',
      'packages/account/pages/privacy/index',
      'packages/settings/pages/export/index',
      'packages/account/pages/worker/index',
      'packages/settings/pages/dev/index',
    ]) {
      await go(page, route)
      await page.waitForTimeout(300)
      await expectA11y(page, route)
    }
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('binds real name and a room; errors are shown next to the field in words', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await go(page, 'pages/me/index')
    await visiblePage(page).locator('#go-real-name').click()
    await waitForRoute(page, 'packages/account/pages/real-name/index')
    const id = seededIdNumber('陈晓东')
    await typeInto(visiblePage(page).locator('#real-name-name'), '陈晓东')
    await typeInto(visiblePage(page).locator('#real-name-id'), id.slice(0, 17) + (id[17] === '1' ? '2' : '1'))
    await visiblePage(page).locator('#real-name-submit').click()
    await visiblePage(page).getByRole('alert').filter({ hasText: '校验码' }).waitFor()
    await typeInto(visiblePage(page).locator('#real-name-id'), id)
    await visiblePage(page).locator('#real-name-submit').click()
    await waitForRoute(page, 'pages/me/index')
    await visiblePage(page).getByText('已实名').waitFor()
    await visiblePage(page).locator('#go-rooms').click()
    await waitForRoute(page, 'packages/account/pages/rooms/index')
    await visiblePage(page).locator('#role-tenant').click()
    await visiblePage(page).getByRole('radio', { name: '总浦桥社区 3幢1单元 702' }).click()
    await visiblePage(page).locator('#bind-room-submit').click()
    await answerModal(page)
    await waitForRoute(page, 'pages/me/index')
    await visiblePage(page).getByText('租户 · 待社区核实').waitFor()
    await context.close()
  })

  it('a daughter asks to act for her mother, who confirms from her own account', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-li')
    await go(page, 'packages/account/pages/family/index')
    await typeInto(visiblePage(page).locator('#family-name'), '王秀英')
    await typeInto(visiblePage(page).locator('#family-id'), seededIdNumber('王秀英'))
    await visiblePage(page).locator('#family-submit').click()
    await answerModal(page)
    await visiblePage(page).getByText('待确认').waitFor()
    await loginAs(page, 'u-wang')
    await visiblePage(page).getByText('李红申请为您代办').click()
    await waitForRoute(page, 'packages/account/pages/family/index')
    await visiblePage(page).getByRole('button', { name: '同意', exact: true }).click()
    await answerModal(page)
    await visiblePage(page).getByText('已生效').waitFor()
    await loginAs(page, 'u-li')
    await go(page, 'pages/me/index')
    await visiblePage(page).locator('#act-for-u-wang').click()
    await visiblePage(page).getByText('正在为 王秀英 代办').first().waitFor()
    await context.close()
  })

  it('elder mode: big text and targets on home, me and a sub-page, kept after a reload; screenshots', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    const homeNormal = await checkElderMode(page, NORMAL_RULES)
    expect(homeNormal.violations).toEqual([])
    await screenshot(page, 'home-normal', DOCS)
    await go(page, 'pages/me/index')
    await screenshot(page, 'me-normal', DOCS)
    await go(page, 'pages/index/index')
    await setElder(page, true)
    const check = async (where: string) => {
      const r = await checkElderMode(page, ELDER_RULES)
      expect({ where, violations: r.violations }).toEqual({ where, violations: [] })
      expect(r.texts).toBeGreaterThan(3)
    }
    await check('home')
    await screenshot(page, 'home-elder', DOCS)
    await go(page, 'pages/me/index')
    await check('me')
    await screenshot(page, 'me-elder', DOCS)
    await go(page, 'packages/account/pages/family/index')
    await check('family (sub-page)')
    await page.reload()
    await waitForRoute(page, 'packages/account/pages/family/index')
    await page.waitForSelector('.taro_page .page.elder')
    await check('family after reload')
    expect(fs.existsSync(path.join(DOCS, 'home-elder.png'))).toBe(true)
    await context.close()
  })

  it('a link opened without a session: log in, land on that page, and back leads home with its tab bar', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/packages/care-card/pages/orders/index')
    await waitForRoute(page, 'pages/login/index')
    expect(decodeURIComponent(page.url())).toContain('redirect=/packages/care-card/pages/orders/index')
    const accept = visiblePage(page).locator('#accept-privacy')
    await accept.waitFor()
    await accept.click()
    await visiblePage(page).locator('#persona-u-xs0').click()
    await waitForRoute(page, 'packages/care-card/pages/orders/index')
    await visiblePage(page).getByText('我的预约').first().waitFor()
    await page.goBack()
    await waitForRoute(page, 'pages/index/index')
    await visiblePage(page).getByText('您好，').waitFor()
    await page.locator('.taro-tabbar__tabbar').waitFor({ state: 'visible' })
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})

describe('the elder-mode checker', () => {
  it('reports small text, a small heading, tight line height and a small target', async () => {
    const page = await app.browser.newPage({ viewport: { width: 375, height: 667 } })
    await page.setContent(`<div id="s" style="font-size:14px;line-height:1.1">
      <div class="page-title" style="font-size:22px">标题</div><p>小字</p>
      <div role="button" style="width:40px;height:40px">按</div></div>`)
    const result = await checkElderMode(page, undefined, '#s')
    expect(result.violations.map((v) => v.rule)).toEqual(
      expect.arrayContaining(['heading-size', 'line-height', 'target-size', 'text-size']),
    )
    expect(result.targets).toBe(1)
    await page.close()
  })
})
