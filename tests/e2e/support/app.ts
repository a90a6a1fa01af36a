/**
 * App-level helpers for browser journeys: log in as a persona, answer Taro's H5 modal, read seeded ID
 * numbers and the mocked backend's rows.
 */
import type { Page } from 'playwright-core'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { visiblePage, waitForRoute } from './browser'

/** The seeded ID number of a person by name (the register is fictional). */
export const seededIdNumber = (name: string) => idNumberOf(PEOPLE.find((p) => p.name === name)!)

/**
 * The rows of a table of the app's mocked backend, read inside the page (`Backend.inspect`): by the
 * table's SQL name (e.g. `yp_enrollments`), in key order, meeting `where` (e.g. `{ parentId: 'u-chen' }`).
 */
export const backendRows = <R = any>(page: Page, table: string, where: Record<string, unknown> = {}): Promise<R[]> =>
  page.evaluate(async ([t, w]) => (globalThis as any).__mcMockBackend().inspect(t, w), [table, where] as const)

/** From any page: goes to login (after logout if needed), accepts the privacy notice, picks the persona. */
export async function loginAs(page: Page, userId: string): Promise<void> {
  await page.evaluate(() => {
    localStorage.removeItem('mc:session')
  })
  await page.goto(page.url().replace(/#.*$/, '#/pages/login/index'))
  await page.reload()
  await waitForRoute(page, 'pages/login/index')
  // The privacy notice or the persona list, whichever the page shows once rendered (not a count taken
  // before it renders: that raced the first render and then waited for personas that never came).
  const accept = visiblePage(page).locator('#accept-privacy')
  const persona = visiblePage(page).locator(`#persona-${userId}`)
  await accept.or(persona).first().waitFor()
  if (await accept.isVisible()) await accept.click()
  await persona.click()
  await waitForRoute(page, 'pages/index/index')
  await visiblePage(page).getByText('您好，').waitFor()
}

/** Clicks a button of Taro's H5 modal (showModal) by its text (a button only: the title may say the same). */
export async function answerModal(page: Page, text = '确定'): Promise<void> {
  const modal = page.locator('.taro-modal__content:visible').last()
  await modal.waitFor()
  // Buttons ignore clicks for a moment after opening (a double tap's second tap, src/ui/h5Dialogs.ts).
  await page.locator('.taro__modal[data-mc-ready]').waitFor({ state: 'attached' })
  await modal.locator('.taro-model__btn').getByText(text, { exact: true }).click()
  await modal.waitFor({ state: 'hidden' })
}

/** Turns elder mode on or off with the switch on home or me. */
export async function setElder(page: Page, on: boolean): Promise<void> {
  const sw = visiblePage(page).locator('[role=switch]').filter({ hasText: '长辈模式' }).first()
  if ((await sw.getAttribute('aria-checked')) !== String(on)) await sw.click()
  await page.waitForFunction((want) => !!document.querySelector('.taro_page .page.elder') === want, on)
}
