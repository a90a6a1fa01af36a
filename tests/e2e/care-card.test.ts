import type { Page } from 'playwright-core'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import {
  answerModal,
  checkElderMode,
  ELDER_RULES,
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
import { beijing, firstOfNextMonth } from '../shared/beijing'

const app = useBrowserSuite(240_000)

const CC = 'packages/care-card/pages'
const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}
/** axe and the size rules in both modes, with a screenshot of each (support/audit.ts). */
const expectA11y = (page: Page, where: string) => expectAudited(page, where, 'care-card')
const expectElder = async (page: Page, where: string) => {
  const { violations } = await checkElderMode(page, ELDER_RULES)
  expect({ where, violations }).toEqual({ where, violations: [] })
}
const setClock = (page: Page, ms: number) =>
  page.evaluate((t) => (globalThis as any).__mcMockBackend().clock.set(t), ms)
const nowOf = (page: Page) => page.evaluate(() => (globalThis as any).__mcMockBackend().clock.now() as number)

/** A small JPEG made by the browser's canvas, written to a temp file for the file chooser. */
async function jpegFile(page: Page): Promise<string> {
  const b64 = await page.evaluate(() => {
    const c = document.createElement('canvas')
    c.width = 64
    c.height = 48
    const g = c.getContext('2d')!
    g.fillStyle = '#c0392b'
    g.fillRect(0, 0, 64, 48)
    g.fillStyle = '#ffffff'
    g.fillRect(8, 8, 30, 20)
    return c.toDataURL('image/jpeg', 0.8).split(',')[1]
  })
  const file = path.join(os.tmpdir(), `care-card-proof-${process.pid}.jpg`)
  fs.writeFileSync(file, Buffer.from(b64, 'base64'))
  return file
}

describe('H5 in Chromium: care card', () => {
  it('the elder checks eligibility and applies; the worker approves; her card home; every page passes axe and elder mode', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    const photo = await jpegFile(page)
    page.on('filechooser', (fc) => {
      fc.setFiles(photo).catch(() => {})
    })
    const shots: string[] = []

    // Resident: hub (no card), eligibility, apply.
    await loginAs(page, 'u-wang')
    await go(page, `${CC}/index/index`)
    await visiblePage(page).getByText('还没有爱心卡', { exact: false }).waitFor()
    await expectA11y(page, 'hub: no card')
    await visiblePage(page).locator('#go-eligibility').click()
    await waitForRoute(page, `${CC}/eligibility/index`)
    await visiblePage(page).locator('#groups-subsistence').click()
    expect(await visiblePage(page).locator('#groups-subsistence').getAttribute('aria-checked')).toBe('true')
    await visiblePage(page).locator('#groups-subsistence').click()
    await visiblePage(page).locator('#eligibility-check').click()
    await visiblePage(page).locator('#eligibility-amount').filter({ hasText: '¥100.00' }).waitFor()
    await expectA11y(page, 'eligibility')
    await visiblePage(page).locator('#eligibility-apply').click()
    await waitForRoute(page, `${CC}/apply/index`)
    await expectA11y(page, 'apply')
    shots.push(await screenshot(page, 'care-card-apply'))
    await visiblePage(page).locator('#proof-household').click()
    await visiblePage(page).locator('#proof-row-household').getByText('已拍摄').waitFor()
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).getByText('已提交，社区将在 5 个工作日内初审').waitFor()
    await expectA11y(page, 'apply: result')
    await visiblePage(page).locator('#apply-view').click()
    await waitForRoute(page, `${CC}/application/index`)
    await visiblePage(page).getByText('社区初审中').first().waitFor()
    const appRoute = await page.evaluate(() => location.hash.replace(/^#\/?/, ''))
    await expectA11y(page, 'application')

    // Worker approves both stages in the UI.
    await loginAs(page, 'u-zhao')
    await go(page, `${CC}/worker/index`)
    await visiblePage(page)
      .getByRole('link', { name: /王秀英/ })
      .waitFor()
    await expectA11y(page, 'worker queue')
    await visiblePage(page)
      .getByRole('link', { name: /王秀英/ })
      .click()
    await waitForRoute(page, `${CC}/worker-review/index`)
    const reviewRoute = await page.evaluate(() => location.hash.replace(/^#\/?/, ''))
    await expectA11y(page, 'worker review')
    await visiblePage(page).locator('#review-approve').click()
    await answerModal(page, '确认通过')
    await visiblePage(page).locator('#review-next-stage').click()
    await visiblePage(page).locator('#review-approve').click()
    await answerModal(page, '确认通过')
    await visiblePage(page).getByText('审核通过', { exact: false }).first().waitFor()
    await go(page, `${CC}/worker-orders/index`)
    await expectA11y(page, 'worker orders')

    // The 1st of next month: the card is active.
    const activeFrom = firstOfNextMonth(await nowOf(page))
    await loginAs(page, 'u-wang')
    await setClock(page, beijing(activeFrom, '08:00'))
    await go(page, `${CC}/index/index`)
    await visiblePage(page).locator('#balance').filter({ hasText: '¥100.00' }).waitFor()
    await expectA11y(page, 'hub: card')
    shots.push(await screenshot(page, 'care-card-home'))
    await go(page, `${CC}/card/index`)
    await visiblePage(page).locator('#pay-code img').waitFor()
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.taro_page #pay-code img')].some((i) => i.getAttribute('alt') === '付款码'),
    )
    await expectA11y(page, 'card')
    await go(page, `${CC}/services/index`)
    await visiblePage(page).getByText('助餐').first().waitFor()
    await expectA11y(page, 'services')
    await visiblePage(page).locator('#service-cs-zpq-lunch').click()
    await waitForRoute(page, `${CC}/book/index`)
    await visiblePage(page).getByRole('radio').first().click()
    await visiblePage(page)
      .getByRole('radio', { name: /^11:00/ })
      .click()
    await expectA11y(page, 'book')
    await visiblePage(page).locator('#book-submit').click()
    await page.locator('.taro__modal[data-mc-ready]').waitFor({ state: 'attached' })
    await page.locator('.taro-modal__content:visible .taro-model__confirm').last().click()
    await visiblePage(page).getByText('预约成功').waitFor()
    await visiblePage(page).locator('#book-orders').click()
    await waitForRoute(page, `${CC}/orders/index`)
    await visiblePage(page).getByText('已预约').first().waitFor()
    await expectA11y(page, 'orders')
    await visiblePage(page).getByRole('link').first().click()
    await waitForRoute(page, `${CC}/order/index`)
    const orderRoute = await page.evaluate(() => location.hash.replace(/^#\/?/, ''))
    await visiblePage(page).locator('#order-cancel').waitFor()
    await expectA11y(page, 'order')

    // Elder mode on every resident page.
    await go(page, 'pages/me/index')
    await setElder(page, true)
    for (const r of [
      `${CC}/index/index`,
      `${CC}/eligibility/index`,
      `${CC}/apply/index`,
      appRoute,
      `${CC}/card/index`,
      `${CC}/services/index`,
      `${CC}/book/index?id=cs-zpq-lunch`,
      `${CC}/orders/index`,
      orderRoute,
    ]) {
      await go(page, r)
      await page.waitForTimeout(400)
      await expectElder(page, r)
      if (r === `${CC}/index/index`) shots.push(await screenshot(page, 'care-card-home-elder'))
      if (r === `${CC}/apply/index`) shots.push(await screenshot(page, 'care-card-apply-elder'))
    }
    // Elder mode on the worker pages.
    await loginAs(page, 'u-zhao')
    await go(page, 'pages/me/index')
    await setElder(page, true)
    for (const r of [`${CC}/worker/index`, reviewRoute, `${CC}/worker-orders/index`]) {
      await go(page, r)
      await page.waitForTimeout(400)
      await expectElder(page, r)
    }
    expect(pageErrors(page)).toEqual([])
    expect(shots.length).toBe(4)
    await context.close()
  })
})
