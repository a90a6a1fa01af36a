/**
 * Date and month questions in elder mode, in Chromium at 375 px (issue 16): big year/month/day steppers
 * (src/ui/DateField.tsx) instead of Taro's stock H5 wheel (12 px text, 19 px buttons), within the dates
 * allowed. The page audit opens every date control in elder mode and checks what opens.
 */
import type { Page } from 'playwright-core'
import { addDays, beijingDate, formatDateCn } from '@/domain/shared/time'
import { childBirthDateRange } from '@/domain/youth-palace/children'
import { stepDate } from '@/ui/dateSteps'
import {
  backendRows,
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

const app = useBrowserSuite(240_000)
const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const YP = 'packages/youth-palace/pages'
const ONE = 'packages/one-thing/pages'

const setClock = (page: Page) => page.evaluate((ms) => (globalThis as any).__mcMockBackend().clock.set(ms), NOW)
const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}
const audit = (page: Page, where: string) => expectAudited(page, where, 'dates')
/** The open steppers' date, as shown in words. */
const panelDate = (page: Page, id: string) => visiblePage(page).locator(`#${id}-panel [role=status]`).innerText()
const tap = async (page: Page, id: string, times = 1) => {
  for (let i = 0; i < times; i++) await visiblePage(page).locator(`#${id}`).click()
}

describe('H5 in Chromium: date questions in elder mode', () => {
  it("elder mode: the child's birth date is set with big steppers within the ages served, never the stock wheel", async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await go(page, `${YP}/index/index`)
    await visiblePage(page)
      .getByText(/陈乐（\d+ 岁）/)
      .waitFor()
    await visiblePage(page).locator('#add-child').click()
    // The audit opens every date control of the page in elder mode and checks what opens.
    await audit(page, 'youth-palace add child')
    await typeInto(visiblePage(page).locator('#child-name'), '陈小天')
    await visiblePage(page).locator('#child-birth').click()
    expect(await page.locator('.weui-picker:visible').count()).toBe(0)
    // The form's today is the phone's (src/packages/youth-palace/pages/index); a profile is for ages 2–14.
    const today = beijingDate(Date.now())
    const { earliest, latest } = childBirthDateRange(today)
    const step = (date: string, unit: 'year' | 'month' | 'day', delta: number) =>
      stepDate(date, unit, delta, earliest, latest)
    const start = addDays(today, -6 * 365)
    expect(await panelDate(page, 'child-birth')).toBe(formatDateCn(start))
    await tap(page, 'child-birth-year-earlier', 2)
    await tap(page, 'child-birth-month-later')
    await tap(page, 'child-birth-day-earlier', 3)
    expect(await panelDate(page, 'child-birth')).toBe(
      formatDateCn(step(step(step(start, 'year', -2), 'month', 1), 'day', -3)),
    )
    // Past the youngest age allowed: it stops there and says so.
    await tap(page, 'child-birth-decade-later')
    expect(await panelDate(page, 'child-birth')).toBe(formatDateCn(latest))
    await visiblePage(page)
      .getByText(`最晚只能选到 ${formatDateCn(latest)}`)
      .waitFor()
    await screenshot(page, 'dates-child-birth-elder-steppers')
    await tap(page, 'child-birth-year-earlier', 5)
    const chosen = step(latest, 'year', -5)
    await tap(page, 'child-birth-ok')
    await visiblePage(page).locator('#child-birth-panel').waitFor({ state: 'detached' })
    await visiblePage(page)
      .getByText(`出生日期 ${formatDateCn(chosen)}，点这里修改`)
      .waitFor()
    await visiblePage(page).locator('#child-submit').click()
    await visiblePage(page)
      .getByText(/已添加 陈小天/)
      .waitFor()
    const tian = (await backendRows<{ name: string; birthDate: string }>(page, 'yp_children')).find(
      (c) => c.name === '陈小天',
    )
    expect(tian?.birthDate).toBe(chosen)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('elder mode: 亲人是哪天去世的 ends at today, and the retirement birth month steps by month and ten years', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-li')
    await setClock(page)
    await setElder(page, true)
    await go(page, `${ONE}/questions/index?event=after-death`)
    await visiblePage(page).getByText('亲人是哪天去世的？').waitFor()
    await audit(page, 'one-thing death date')
    await visiblePage(page).locator('#q-date').click()
    expect(await panelDate(page, 'q-date')).toBe('2026年3月2日（周一）')
    await tap(page, 'q-date-day-later')
    expect(await panelDate(page, 'q-date')).toBe('2026年3月2日（周一）')
    await visiblePage(page).getByText('最晚只能选到 2026年3月2日（周一）').waitFor()
    await tap(page, 'q-date-day-earlier', 3)
    await tap(page, 'q-date-ok')
    await visiblePage(page).getByText('确定：2026年2月27日（周五）').waitFor()
    await tap(page, 'q-next')
    await visiblePage(page).locator('#q-date').waitFor({ state: 'detached' })

    await go(page, `${ONE}/questions/index?event=retirement`)
    await tap(page, 'q-category-male')
    await visiblePage(page).getByText('您的出生日期是哪年哪月').waitFor()
    await audit(page, 'one-thing birth month')
    await visiblePage(page).locator('#q-date').click()
    // Months only: no day row; it opens near the cohorts retiring now.
    expect(await visiblePage(page).locator('#q-date-day-earlier').count()).toBe(0)
    expect(await panelDate(page, 'q-date')).toBe('1966年1月')
    await tap(page, 'q-date-decade-earlier')
    await tap(page, 'q-date-month-later', 4)
    expect(await panelDate(page, 'q-date')).toBe('1956年5月')
    await screenshot(page, 'dates-birth-month-elder-steppers')
    await tap(page, 'q-date-ok')
    await visiblePage(page).getByText('确定：1956年5月').waitFor()
    await tap(page, 'q-next')
    await visiblePage(page).getByText('1956年5月').first().waitFor()
    const progress = (
      await backendRows<{ eventId: string; answers: Record<string, string> }>(page, 'one_thing_progress')
    ).find((p) => p.eventId === 'retirement')
    expect(progress?.answers.birthDate).toBe('1956-05-01')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
