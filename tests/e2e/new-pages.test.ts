/**
 * The pages added on 2026-12-07 in Chromium at 375 px: 登录设备 and 消息设置 (settings), the elevator worker's
 * 告知记录 and 工程进度 pages and the printable result sheet, each checked with axe-core and the size rules in
 * normal and elder mode (support/audit.ts, with screenshots). The result sheet must print whole: under print
 * media no box around its last row clips it (it was once cut after one page by an inner scroll box), and
 * Chromium's PDF of it has as many pages as its height needs.
 */
import type { Page } from 'playwright-core'
import {
  backendRows,
  expectAudited,
  loginAs,
  openPhone,
  pageErrors,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(180_000)

const PETITION = 'ep-xs-5-2'
const go = async (page: Page, route: string, query = '') => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, `${route}${query}`)
  await waitForRoute(page, route)
}
const audited = async (page: Page, where: string) => {
  await page.waitForTimeout(300)
  await expectAudited(page, where, 'new')
}

describe('H5 in Chromium: pages added for issues 24, 26 and 28', () => {
  it('登录设备 and 消息设置 pass axe and the size rules in both modes', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await go(page, 'packages/settings/pages/devices/index')
    await visiblePage(page).getByText('本机').first().waitFor()
    await audited(page, 'devices')
    await go(page, 'packages/settings/pages/messages/index')
    await visiblePage(page).locator('[role=switch]').first().waitFor()
    await audited(page, 'message settings')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('the worker’s 告知记录 and 工程进度 pages pass axe and the size rules in both modes', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-sun')
    await go(page, 'packages/elevator/pages/worker-reach/index', `?id=${PETITION}`)
    await visiblePage(page).getByText('告知').first().waitFor()
    await audited(page, 'worker reach')
    await go(page, 'packages/elevator/pages/worker-stages/index', `?id=${PETITION}`)
    await page.waitForTimeout(500)
    await audited(page, 'worker stages')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('the result sheet passes axe in both modes and prints whole', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-xs7')
    // The deadline passes: the result is published (the seed has told every household).
    const [p] = await backendRows<{ votingDeadline: string }>(page, 'elevator_petitions', { id: PETITION })
    await page.evaluate(
      (t) => (globalThis as any).__mcMockBackend().clock.set(t),
      Date.parse(p.votingDeadline) + 3600_000,
    )
    await go(page, 'packages/elevator/pages/result-sheet/index', `?id=${PETITION}`)
    const rows = visiblePage(page).locator('.sheet-table-row')
    await rows.first().waitFor()
    const count = await rows.count()
    expect(count).toBeGreaterThan(5)
    await audited(page, 'result sheet')

    await page.emulateMedia({ media: 'print' })
    // Under print media no box around the last row clips its overflow: Blink prints such a box as one piece,
    // cut at the end of the first page.
    const clipping = await page.evaluate(() => {
      const sheets = [...document.querySelectorAll('#sheet')].filter((e) => (e as HTMLElement).offsetParent !== null)
      const rowsOf = sheets[0]?.querySelectorAll('.sheet-table-row')
      const last = rowsOf?.[rowsOf.length - 1] as HTMLElement | undefined
      if (!last) return ['no last row']
      const out: string[] = []
      for (let e = last.parentElement; e && e !== document.documentElement; e = e.parentElement)
        if (getComputedStyle(e).overflowY !== 'visible') out.push(`${e.tagName.toLowerCase()}.${e.className}`)
      return out
    })
    expect(clipping).toEqual([])
    // Laid out at A4's width (794 CSS px), the sheet needs `needed` pages of 1123 px; the PDF has them all.
    await page.setViewportSize({ width: 794, height: 1123 })
    const height = await page.evaluate(() => document.documentElement.scrollHeight)
    const pdf = await page.pdf({ format: 'A4', printBackground: true })
    const pages = Number(/\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0)
    const needed = Math.floor(height / 1123) + 1
    console.log(`result sheet: ${count} households, ${height} px at A4 width in print media, ${pages} PDF page(s)`)
    expect(needed).toBeGreaterThan(1)
    expect(pages).toBeGreaterThanOrEqual(needed - 1)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
