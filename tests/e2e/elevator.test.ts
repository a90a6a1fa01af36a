/**
 * Elevator retrofit petition and vote in Chromium: an owner of 西山社区 5幢2单元 (402 梁雪,
 * no ballot yet) votes, sees the meter move and the receipt, and the audit page says 记录完整; every
 * elevator page (resident and worker) passes the elder-mode rules and axe in elder mode.
 */
import type { Page } from 'playwright-core'
import {
  answerModal,
  expectAudited,
  loginAs,
  openPhone,
  pageErrors,
  screenshot,
  setElder,
  typeInto,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(180_000)

const PETITION = 'ep-xs-5-2'
const P = 'packages/elevator/pages'
const go = async (page: Page, route: string, query = '') => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, `${route}${query}`)
  await waitForRoute(page, route)
}
/** axe and the size rules on the page shown now, in both modes, with screenshots (support/audit.ts). */
const checkPage = async (page: Page, where: string) => {
  await page.waitForTimeout(300)
  await expectAudited(page, where, 'elevator')
}

describe('H5 in Chromium: elevator petition and vote', () => {
  it('an owner votes, sees the meter and the receipt, and the audit page says 记录完整 (elder mode, every resident page checked)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-xs7')
    await go(page, `${P}/petition/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('还差 2 户参与 / 93.29 ㎡').waitFor()
    await screenshot(page, 'elevator-petition-normal')
    await go(page, `${P}/ballot/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('您家需要分摊的费用').waitFor()
    await screenshot(page, 'elevator-ballot-normal')

    await go(page, 'pages/index/index')
    await setElder(page, true)
    await go(page, `${P}/index/index`)
    await visiblePage(page).getByText('表决进行中').first().waitFor()
    await checkPage(page, 'elevator home')
    await visiblePage(page).locator(`#petition-${PETITION}`).click()
    await waitForRoute(page, `${P}/petition/index`)
    await visiblePage(page).getByText('还差 2 户参与 / 93.29 ㎡').waitFor()
    await screenshot(page, 'elevator-petition-elder')
    await visiblePage(page).locator('#go-audit').scrollIntoViewIfNeeded()
    await screenshot(page, 'elevator-petition-elder-bottom')
    await checkPage(page, 'petition')

    await visiblePage(page).locator('#go-ballot').first().click()
    await waitForRoute(page, `${P}/ballot/index`)
    await visiblePage(page).getByText('您家需要分摊的费用').waitFor()
    await screenshot(page, 'elevator-ballot-elder')
    await visiblePage(page).locator('#ballot-submit').scrollIntoViewIfNeeded()
    await screenshot(page, 'elevator-ballot-elder-form')
    await checkPage(page, 'ballot')
    await visiblePage(page).locator('#choice-agree').click()
    await typeInto(visiblePage(page).locator('#sign-name'), '梁雪')
    await visiblePage(page).locator('#ballot-submit').click()
    await answerModal(page, '确认提交')
    await visiblePage(page).getByText('表决已提交').waitFor()
    await visiblePage(page)
      .getByText(/^校验码 [0-9a-f]{4} [0-9a-f]{4}$/)
      .first()
      .waitFor()
    await screenshot(page, 'elevator-receipt-elder')
    await visiblePage(page).getByText('查看完整校验码').first().click()
    await visiblePage(page)
      .getByText(/校验码 [0-9a-f]{64}/)
      .first()
      .waitFor()
    await checkPage(page, 'ballot result')

    await visiblePage(page).locator('#result-audit').click()
    await waitForRoute(page, `${P}/audit/index`)
    await visiblePage(page).getByText('本机保存了您的 1 张回执', { exact: false }).waitFor()
    await visiblePage(page).locator('#verify-submit').click()
    await visiblePage(page).getByText('本机核验：记录完整', { exact: false }).waitFor()
    await checkPage(page, 'audit')

    await go(page, `${P}/petition/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('还差 1 户参与 / 33.19 ㎡').waitFor()
    await visiblePage(page).getByText('已表决 6 / 10 户', { exact: false }).waitFor()

    await go(page, `${P}/cost/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('合计 ¥280,000.00', { exact: false }).waitFor()
    await checkPage(page, 'cost table')
    await go(page, `${P}/objections/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('现在不在公示期', { exact: false }).waitFor()
    await checkPage(page, 'objections')
    await go(page, `${P}/start/index`, '?unitId=u-xs-5-2')
    await visiblePage(page).locator('#start-submit').waitFor()
    await checkPage(page, 'start petition')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('the worker pages pass the elder-mode rules and axe', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-sun')
    await setElder(page, true)
    await go(page, `${P}/worker/index`)
    await visiblePage(page).locator(`#paper-${PETITION}`).waitFor()
    await checkPage(page, 'worker home')
    await visiblePage(page).locator(`#paper-${PETITION}`).click()
    await waitForRoute(page, `${P}/worker-paper-ballot/index`)
    await visiblePage(page).locator('#paper-submit').waitFor()
    await checkPage(page, 'worker paper ballot')
    await go(page, `${P}/worker-objections/index`, `?id=${PETITION}`)
    await visiblePage(page).getByText('书面异议（0 份）').waitFor()
    await checkPage(page, 'worker objections')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
