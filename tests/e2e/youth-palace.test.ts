import type { Page } from 'playwright-core'
import {
  answerModal, checkElderMode, ELDER_RULES, loginAs, openPhone, pageErrors, screenshot, seriousA11yViolations, setElder, typeInto, visiblePage, waitForRoute, useBrowserSuite,
} from './support'

const app = useBrowserSuite(180_000)

const YP = 'packages/youth-palace/pages'
const TERM = 'ypt-zpq-spring'
const go = async (page: Page, route: string, query = '') => {
  await page.evaluate((r) => { location.hash = `#/${r}` }, `${route}${query}`)
  await waitForRoute(page, route)
}
/** Elder mode (already on) and axe on the shown page. */
const checkPage = async (page: Page, where: string) => {
  await page.waitForTimeout(400)
  const elder = await checkElderMode(page, ELDER_RULES)
  expect({ where, violations: elder.violations }).toEqual({ where, violations: [] })
  const axe = await seriousA11yViolations(page)
  expect({ where, violations: axe }).toEqual({ where, violations: [] })
}
const setClock = (page: Page, ms: number) => page.evaluate((t) => (globalThis as any).__mcMockBackend().clock.set(t), ms)
const backendData = (page: Page) => page.evaluate(() => (globalThis as any).__mcMockBackend().db.data) as Promise<any>

describe('H5 in Chromium: youth palace', () => {
  it('a parent adds a child, filters courses, applies and sees the course in my courses', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await visiblePage(page).locator('#entry-youth-palace').click()
    await waitForRoute(page, `${YP}/index/index`)
    await visiblePage(page).getByText('陈乐（5 岁）').waitFor()
    await visiblePage(page).getByText('陈悦（9 岁）').waitFor()
    // Add a child: name and a birth date from the date picker.
    await visiblePage(page).locator('#add-child').click()
    await typeInto(visiblePage(page).locator('#child-name'), '陈小天')
    await visiblePage(page).locator('#child-birth').getByRole('button').click()
    await page.locator('.weui-picker__action:visible', { hasText: '确定' }).click()
    await visiblePage(page).locator('#child-submit').click()
    await visiblePage(page).getByText(/已添加 陈小天/).waitFor()
    // Courses for 陈悦: only those a 9-year-old fits; filter by category.
    await visiblePage(page).locator('#courses-for-ypk-chen-yue').click()
    await waitForRoute(page, `${YP}/courses/index`)
    await visiblePage(page).locator('#course-ypc-calligraphy').waitFor()
    expect(await visiblePage(page).locator('#course-ypc-chinese-dance').count()).toBe(0)
    await visiblePage(page).locator('#more-filters').click()
    const sport = visiblePage(page).getByRole('button', { name: '体育' })
    await sport.click()
    await expect(sport.getAttribute('aria-pressed')).resolves.toBe('true')
    await visiblePage(page).locator('#course-ypc-calligraphy').waitFor({ state: 'detached' })
    await visiblePage(page).locator('#course-ypc-table-tennis').click()
    await waitForRoute(page, `${YP}/course/index`)
    await visiblePage(page).getByText('施国栋').waitFor()
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).locator('#apply-result').getByText('已确认名额').waitFor()
    await visiblePage(page).locator('#apply-go-mine').click()
    await waitForRoute(page, `${YP}/my-courses/index`)
    await visiblePage(page).getByText('乒乓球').waitFor()
    await visiblePage(page).getByText('已确认名额').first().waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('every youth-palace page passes the elder-mode check and axe; screenshots of courses and the lottery', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    // Normal-mode screenshots first.
    await go(page, `${YP}/courses/index`, `?termId=${TERM}`)
    await visiblePage(page).locator('#course-ypc-pottery').waitFor()
    await screenshot(page, 'youth-palace-courses')
    await go(page, 'pages/index/index')
    await setElder(page, true)

    await go(page, `${YP}/index/index`)
    await visiblePage(page).getByText('陈乐（5 岁）').waitFor()
    await checkPage(page, 'index')
    await visiblePage(page).locator('#add-child').click()
    await checkPage(page, 'index: add child form')
    await go(page, `${YP}/courses/index`, `?termId=${TERM}&childId=ypk-chen-le`)
    await visiblePage(page).locator('#course-ypc-chinese-dance').waitFor()
    await checkPage(page, 'courses')
    await screenshot(page, 'youth-palace-courses-elder')
    await go(page, `${YP}/course/index`, '?id=ypc-chinese-dance&childId=ypk-chen-le')
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).locator('#apply-result').waitFor()
    await checkPage(page, 'course: applied')
    await go(page, `${YP}/course/index`, '?id=ypc-pottery&childId=ypk-chen-yue')
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).locator('#apply-result').waitFor()
    await go(page, `${YP}/course/index`, '?id=ypc-taekwondo&childId=ypk-chen-yue')
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).getByRole('alert').filter({ hasText: '时间冲突' }).waitFor()
    await checkPage(page, 'course: refusal')
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('承诺指纹').waitFor()
    await checkPage(page, 'lottery: committed')
    await go(page, `${YP}/my-courses/index`)
    await visiblePage(page).getByText('陶艺小班').waitFor()
    await checkPage(page, 'my-courses')
    const dance = Object.values((await backendData(page)).ypEnrollments as Record<string, any>).find((e) => e.courseId === 'ypc-chinese-dance' && e.parentId === 'u-chen')
    await visiblePage(page).locator(`#checkin-${dance.id}`).click()
    await waitForRoute(page, `${YP}/checkin/index`)
    await visiblePage(page).getByRole('img', { name: /签到二维码/ }).first().waitFor()
    await page.waitForFunction(() => !!document.querySelector('#checkin-qr img[alt]'))
    await checkPage(page, 'checkin')

    // Worker: close after the window and draw; course form and attendance.
    const closesAt = (await backendData(page)).ypTerms[TERM].closesAt as string
    const drawMs = Date.parse(`${closesAt}T10:00:00+08:00`) + 24 * 3600_000
    await loginAs(page, 'u-zhao')
    await setElder(page, true)
    await setClock(page, drawMs)
    await go(page, `${YP}/worker/index`)
    await visiblePage(page).locator(`#close-${TERM}`).waitFor()
    await checkPage(page, 'worker')
    await visiblePage(page).locator(`#close-${TERM}`).click()
    await answerModal(page)
    await visiblePage(page).locator(`#draw-${TERM}`).click()
    await answerModal(page)
    await visiblePage(page).locator('#draw-summary').waitFor()
    await checkPage(page, 'worker: drawn')
    await visiblePage(page).locator('#new-term').click()
    await checkPage(page, 'worker: new term form')
    await go(page, `${YP}/worker-attendance/index`, '?id=ypc-pottery')
    await visiblePage(page).locator('#roster').waitFor()
    await checkPage(page, 'worker-attendance')
    const other = (await backendData(page)).ypTerms
    const draft = Object.values(other as Record<string, any>).find((t) => t.status === 'draft' || t.status === 'drawn')
    await go(page, `${YP}/worker-course/index`, `?termId=${draft.id}`)
    await visiblePage(page).locator('#course-submit').waitFor()
    await checkPage(page, 'worker-course')

    // Parent: the drawn lottery, re-checked in the app.
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await setClock(page, drawMs + 3600_000)
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('已核对：结果与公布的承诺一致').waitFor()
    await checkPage(page, 'lottery: drawn')
    await screenshot(page, 'youth-palace-lottery-elder')
    await go(page, `${YP}/my-courses/index`, '?childId=ypk-chen-yue')
    await visiblePage(page).getByText('陶艺小班').waitFor()
    await checkPage(page, 'my-courses: after draw')
    await screenshot(page, 'youth-palace-my-courses-elder')
    await go(page, 'pages/index/index')
    await setElder(page, false)
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('已核对：结果与公布的承诺一致').waitFor()
    await screenshot(page, 'youth-palace-lottery')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
