/**
 * Keyboard only: one full journey per service driven with Tab, Enter and typing — no mouse —
 * including Taro's system dialog (src/ui/h5Dialogs.ts). While tabbing, focus must move in reading order
 * (down the page, left to right on a row) and every stop must have an accessible name.
 */
import type { Page } from 'playwright-core'
import { loginAs, openPhone, pageErrors, visiblePage, waitForRoute, useBrowserSuite } from './support'

const app = useBrowserSuite(240_000)

interface Stop {
  selector: boolean
  name: string
  top: number
  left: number
  inPage: boolean
  dialog: boolean
}

/** What has focus now: its accessible name, position on the page, and whether it matches `selector`. */
const focused = (page: Page, selector: string) =>
  page.evaluate((sel) => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return null
    const r = el.getBoundingClientRect()
    const labelled = el.getAttribute('aria-labelledby')
    const name = (
      el.getAttribute('aria-label') ||
      (labelled && document.getElementById(labelled)?.textContent) ||
      el.textContent ||
      (el as HTMLInputElement).placeholder ||
      ''
    ).trim()
    const shownPages = [...document.querySelectorAll('.taro_page')].filter(
      (p) => getComputedStyle(p).display !== 'none',
    )
    return {
      selector: !!el.closest(sel),
      name,
      top: r.top + window.scrollY + (shownPages[shownPages.length - 1]?.scrollTop ?? 0),
      left: r.left,
      inPage: !!shownPages[shownPages.length - 1]?.contains(el),
      dialog: !!el.closest('.taro__modal'),
    }
  }, selector) as Promise<Stop | null>

/**
 * Presses Tab until the element matching `selector` (or inside it) has focus, at most `max` times;
 * checks reading order and names on the way. Returns the stops passed.
 */
async function tabTo(page: Page, selector: string, max = 80): Promise<Stop[]> {
  const stops: Stop[] = []
  for (let i = 0; i < max; i++) {
    await page.keyboard.press('Tab')
    const now = await focused(page, selector)
    if (!now) continue
    stops.push(now)
    expect({ selector, stop: i, name: now.name.length > 0 }).toEqual({ selector, stop: i, name: true })
    if (now.selector) {
      // Reading order: within the page, each stop is below the previous one (or on the same row, to its right).
      const inPage = stops.filter((s) => s.inPage)
      for (let k = 1; k < inPage.length; k++) {
        const [a, b] = [inPage[k - 1], inPage[k]]
        const ok = b.top > a.top - 4 || (Math.abs(b.top - a.top) <= 4 && b.left >= a.left)
        expect({ from: a.name.slice(0, 20), to: b.name.slice(0, 20), ok }).toEqual({
          from: a.name.slice(0, 20),
          to: b.name.slice(0, 20),
          ok: true,
        })
      }
      return stops
    }
  }
  throw new Error(
    `Tab never reached ${selector} (${stops
      .slice(0, 12)
      .map((s) => s.name.slice(0, 12))
      .join(' → ')}…)`,
  )
}

/** Tabs to `selector` and activates it with Enter. */
async function activate(page: Page, selector: string): Promise<void> {
  await tabTo(page, selector)
  await page.keyboard.press('Enter')
}

/** Taro's dialog: focus is on its confirm button; Enter confirms. */
async function confirmDialog(page: Page): Promise<void> {
  const dialog = page.locator('.taro-modal__content:visible').last()
  await dialog.waitFor()
  expect(await dialog.getAttribute('role')).toBe('alertdialog')
  const onConfirm = await page.evaluate(() => !!document.activeElement?.classList.contains('taro-model__confirm'))
  expect(onConfirm).toBe(true)
  await page.keyboard.press('Enter')
  await dialog.waitFor({ state: 'hidden' })
}

const setClock = (page: Page, ms: number) =>
  page.evaluate((t) => (globalThis as any).__mcMockBackend().clock.set(t), ms)
const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}

describe('H5 in Chromium: keyboard only, one journey per service', () => {
  it('养老服务爱心卡: a card holder books 助餐 and confirms in the dialog', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-xs0')
    await activate(page, '#entry-care-card')
    await waitForRoute(page, 'packages/care-card/pages/index/index')
    await go(page, 'packages/care-card/pages/services/index')
    await visiblePage(page).getByText('助餐').first().waitFor()
    await activate(page, '#service-cs-xs-lunch') // 西山社区's lunch (u-xs0 lives in 西山)
    await waitForRoute(page, 'packages/care-card/pages/book/index')
    await visiblePage(page).getByRole('radio').first().waitFor()
    // The last day offered: the seed already books this holder's lunch for tomorrow, and whether today
    // still offers a slot depends on the time of day (a slot must be at least 1 hour ahead).
    const lastDay = await visiblePage(page).locator('#book-day [role=radio]').last().getAttribute('id')
    await activate(page, `[id="${lastDay}"]`)
    await visiblePage(page).locator('#book-slot [role=radio]').first().waitFor()
    await activate(page, '#book-slot [role=radio]')
    await activate(page, '#book-submit')
    await confirmDialog(page)
    await visiblePage(page).getByText('预约成功').waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('家门口青少年宫: a parent applies for 乒乓球 for 陈悦', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await activate(page, '#entry-youth-palace')
    await waitForRoute(page, 'packages/youth-palace/pages/index/index')
    await visiblePage(page).getByText('陈悦（9 岁）').waitFor()
    await activate(page, '#courses-for-ypk-chen-yue')
    await waitForRoute(page, 'packages/youth-palace/pages/courses/index')
    await visiblePage(page).locator('#course-ypc-table-tennis').waitFor()
    await activate(page, '#course-ypc-table-tennis')
    await waitForRoute(page, 'packages/youth-palace/pages/course/index')
    await visiblePage(page).getByText('施国栋').waitFor()
    await activate(page, '#apply-submit')
    await visiblePage(page).locator('#apply-result').getByText('已确认名额').waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('加装电梯: an owner votes 同意, signs with her typed name and confirms', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-xs7')
    await go(page, 'packages/elevator/pages/ballot/index?id=ep-xs-5-2')
    await visiblePage(page).getByText('您家需要分摊的费用').waitFor()
    await activate(page, '#choice-agree')
    await tabTo(page, '#sign-name')
    await page.keyboard.type('梁雪')
    await activate(page, '#ballot-submit')
    await confirmDialog(page)
    await visiblePage(page).getByText('表决已提交').waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('一件事: books a window appointment for the birth checklist', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-li')
    await setClock(page, Date.parse('2026-03-02T10:00:00+08:00'))
    await go(page, 'packages/one-thing/pages/appointment/index?event=newborn')
    await visiblePage(page).getByText('2026年3月7日（周六）').waitFor()
    await activate(page, '#day-2026-03-03')
    await visiblePage(page).locator('#slot-0900').waitFor()
    await activate(page, '#slot-0900')
    await activate(page, '#appointment-submit')
    await visiblePage(page).getByText('预约成功').waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
