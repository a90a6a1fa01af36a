import type { Page } from 'playwright-core'
import { formatInstantCn } from '@/domain/youth-palace/types'
import {
  answerModal,
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

const YP = 'packages/youth-palace/pages'
const HOUR = 3600_000
const go = async (page: Page, route: string, query = '') => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, `${route}${query}`)
  await waitForRoute(page, route)
}
/**
 * Waits until the shown page has rendered what it loaded: no loading skeleton, no busy button, every
 * Taro input rendered with its accessible name (Field sets it once the custom element has drawn its
 * `<input>`), rather than a fixed pause that a slow machine could outrun.
 */
const settled = (page: Page) =>
  page.waitForFunction(() => {
    const shown = [...document.querySelectorAll<HTMLElement>('.taro_page')]
      .filter((p) => p.getClientRects().length > 0)
      .pop()
    if (!shown || shown.querySelector('.skeleton, [aria-busy="true"]')) return false
    return [...shown.querySelectorAll('taro-input-core, taro-textarea-core')].every((el) =>
      el.querySelector('input[aria-label], textarea[aria-label]'),
    )
  })
/** axe and the size rules on the shown page, in both modes, with screenshots (support/audit.ts). */
const checkPage = async (page: Page, where: string) => {
  await settled(page)
  await expectAudited(page, where, 'youth-palace')
}
const setClock = (page: Page, ms: number) =>
  page.evaluate((t) => (globalThis as any).__mcMockBackend().clock.set(t), ms)
/** The seeded open term (its id names the season it starts in, so it depends on today's date). */
const openTerm = async (page: Page): Promise<string> =>
  (await backendRows<{ id: string; status: string }>(page, 'yp_terms')).find((t) => t.status === 'open')!.id
const rowOf = async (page: Page, table: string, id: string): Promise<any> => (await backendRows(page, table, { id }))[0]

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
    await visiblePage(page)
      .getByText(/已添加 陈小天/)
      .waitFor()
    // Courses for 陈悦: only those a 9-year-old fits; filter by category.
    await visiblePage(page).locator('#courses-for-ypk-chen-yue').click()
    await waitForRoute(page, `${YP}/courses/index`)
    await visiblePage(page).locator('#course-ypc-calligraphy').waitFor()
    expect(await visiblePage(page).locator('#course-ypc-chinese-dance').count()).toBe(0)
    await visiblePage(page).locator('#more-filters').click()
    const sport = visiblePage(page).getByRole('button', { name: '体育' })
    await sport.click()
    // The pressed state comes with the next render: wait for it instead of reading it at once.
    await visiblePage(page).locator('[aria-pressed="true"]', { hasText: '体育' }).waitFor()
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
    const TERM = await openTerm(page)
    // Normal-mode screenshots first.
    await go(page, `${YP}/courses/index`, `?termId=${TERM}`)
    await visiblePage(page).locator('#course-ypc-pottery').waitFor()
    await screenshot(page, 'youth-palace-courses')
    await go(page, `${YP}/index/index`)
    await visiblePage(page).locator('#edit-child-ypk-chen-le').waitFor()
    await screenshot(page, 'youth-palace-index')
    await go(page, 'pages/index/index')
    await setElder(page, true)

    await go(page, `${YP}/index/index`)
    await visiblePage(page).getByText('陈乐（5 岁）').waitFor()
    await checkPage(page, 'index')
    await visiblePage(page).locator('#add-child').click()
    await checkPage(page, 'index: add child form')
    await go(page, `${YP}/child/index`, '?id=ypk-chen-le')
    await visiblePage(page).locator('#child-delete').waitFor()
    await checkPage(page, 'child')
    await screenshot(page, 'youth-palace-child-elder')
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
    await go(page, `${YP}/child/index`, '?id=ypk-chen-le')
    await visiblePage(page).locator('#child-delete-why').waitFor()
    await checkPage(page, 'child: has a course')
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('承诺指纹').waitFor()
    await checkPage(page, 'lottery: committed')
    await go(page, `${YP}/my-courses/index`)
    await visiblePage(page).getByText('陶艺小班').waitFor()
    await checkPage(page, 'my-courses')
    const dance = (await backendRows(page, 'yp_enrollments')).find(
      (e) => e.courseId === 'ypc-chinese-dance' && e.parentId === 'u-chen',
    )
    await visiblePage(page).locator(`#checkin-${dance.id}`).click()
    await waitForRoute(page, `${YP}/checkin/index`)
    await visiblePage(page)
      .getByRole('img', { name: /签到二维码/ })
      .first()
      .waitFor()
    await page.waitForFunction(() => !!document.querySelector('#checkin-qr img[alt]'))
    await checkPage(page, 'checkin')

    // Worker: close after the window and draw; course form and attendance.
    const closesAt = (await rowOf(page, 'yp_terms', TERM)).closesAt as string
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
    const other = await backendRows(page, 'yp_terms')
    const draft = other.find((t) => t.status === 'draft' || t.status === 'drawn')
    await go(page, `${YP}/worker-course/index`, `?termId=${draft.id}`)
    await visiblePage(page).locator('#course-submit').waitFor()
    await checkPage(page, 'worker-course')

    // Parent: the drawn lottery, re-checked in the app.
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await setClock(page, drawMs + 3600_000)
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('已核对：结果与您报名后在消息里收到的指纹一致').waitFor()
    await checkPage(page, 'lottery: drawn')
    await screenshot(page, 'youth-palace-lottery-elder')
    await go(page, `${YP}/my-courses/index`, '?childId=ypk-chen-yue')
    await visiblePage(page).getByText('陶艺小班').waitFor()
    await checkPage(page, 'my-courses: after draw')
    await screenshot(page, 'youth-palace-my-courses-elder')
    await go(page, 'pages/index/index')
    await setElder(page, false)
    await go(page, `${YP}/lottery/index`, '?id=ypc-pottery')
    await visiblePage(page).getByText('已核对：结果与您报名后在消息里收到的指纹一致').waitFor()
    await screenshot(page, 'youth-palace-lottery')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('a full course: 陈悦 joins the waitlist, a free cancellation promotes her; in elder mode she sees the time left and pays to confirm', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await go(page, `${YP}/course/index`, '?id=ypc-model-aircraft&childId=ypk-chen-yue')
    await visiblePage(page).getByText('共 2 个，已满').waitFor()
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page)
      .getByRole('alert')
      .filter({ hasText: '《航模小班》的 2 个名额已满。可以加入候补' })
      .waitFor()
    await checkPage(page, 'course: full, waitlist offered')
    await visiblePage(page).locator('#apply-waitlist').click()
    await visiblePage(page).locator('#apply-result').getByText('您排在候补第 1 位').waitFor()
    await go(page, `${YP}/my-courses/index`, '?childId=ypk-chen-yue')
    await visiblePage(page).getByText('候补第 1 位（下一个就是您）').waitFor()
    await checkPage(page, 'my-courses: waitlisted')

    // 郑丽华 cancels her daughter's paid seat in time: a free cancellation, refunded.
    await loginAs(page, 'u-zheng')
    await go(page, `${YP}/my-courses/index`)
    await visiblePage(page).locator('#cancel-ype-seed-aircraft-zheng-kx').click()
    await answerModal(page, '确定取消')
    await visiblePage(page).getByText('已取消《航模小班》，费用将原路退回').waitFor()
    const enrollments = await backendRows(page, 'yp_enrollments')
    const cancelledAt = Date.parse(enrollments.find((e) => e.id === 'ype-seed-aircraft-zheng-kx').cancelledAt)
    const offer = enrollments.find((e) => e.courseId === 'ypc-model-aircraft' && e.childId === 'ypk-chen-yue')
    expect(offer).toMatchObject({ status: 'admitted', source: 'waitlist' })

    // Two hours later: the message and my courses say by when to confirm and how long is left.
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await setClock(page, cancelledAt + 2 * HOUR - 30_000)
    await go(page, 'pages/messages/index')
    await visiblePage(page).getByText('候补到名额了').click()
    await visiblePage(page)
      .getByText(`请在 ${formatInstantCn(offer.confirmBy)} 前确认并支付费用（有 24 小时）`)
      .waitFor()
    await visiblePage(page).getByRole('button', { name: '去办理' }).click()
    await waitForRoute(page, `${YP}/my-courses/index`)
    await visiblePage(page).getByText('候补递补到您').waitFor()
    await expect(visiblePage(page).locator(`#deadline-${offer.id}`).textContent()).resolves.toBe(
      `请在 ${formatInstantCn(offer.confirmBy)} 前确认（还剩 22 小时），过期名额会给下一位候补。`,
    )
    await checkPage(page, 'my-courses: waitlist offer')
    await screenshot(page, 'youth-palace-offer-elder')
    await visiblePage(page).locator(`#confirm-${offer.id}`).click()
    await answerModal(page, '模拟支付')
    await visiblePage(page).getByText('已支付 ¥60.00，陈悦的《航模小班》名额已确认').waitFor()
    await visiblePage(page).locator(`#checkin-${offer.id}`).waitFor()
    expect((await rowOf(page, 'yp_enrollments', offer.id)).status).toBe('confirmed')
    await checkPage(page, 'my-courses: confirmed')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('paying: 支付确认中 while the server waits for WeChat Pay, then the place confirms itself (normal and elder mode)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    // 陈乐 is admitted to 创意绘画 (¥80); the demo's mock WeChat Pay holds back its answer for a while.
    const id = await page.evaluate(async () => {
      const b = (globalThis as any).__mcMockBackend()
      const h = async (method: string, url: string, body: unknown, token?: string) =>
        (
          await b.handle({
            method,
            url,
            headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
            body,
          })
        ).body
      const token = (await h('POST', '/api/auth/mock-login', { userId: 'u-chen' })).token
      await h('POST', '/api/me/privacy', { accepted: true }, token)
      const e = await h(
        'POST',
        '/api/youth-palace/applications',
        { childId: 'ypk-chen-le', courseId: 'ypc-drawing' },
        token,
      )
      const pay = b.services.pay
      ;(globalThis as any).__payQuery = pay.query
      pay.query = async () => ({ state: 'pending' })
      return e.id as string
    })
    await go(page, `${YP}/my-courses/index`, '?childId=ypk-chen-le')
    await visiblePage(page).locator(`#confirm-${id}`).click()
    await answerModal(page, '模拟支付')
    await visiblePage(page).getByText('支付确认中，请稍候…').waitFor()
    expect((await rowOf(page, 'yp_enrollments', id)).status).toBe('admitted')
    await expectAudited(page, 'my-courses: paying', 'youth-palace')
    // WeChat Pay answers: the next ask confirms the place.
    await page.evaluate(() => {
      const b = (globalThis as any).__mcMockBackend()
      b.services.pay.query = (globalThis as any).__payQuery
    })
    await visiblePage(page).getByText('已支付 ¥80.00，陈乐的《创意绘画》名额已确认').waitFor()
    expect((await rowOf(page, 'yp_enrollments', id)).status).toBe('confirmed')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('a parent edits a child (checked, draft kept, date picker), cannot delete a child with a course, deletes one after confirming', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await go(page, `${YP}/index/index`)
    await visiblePage(page).locator('#edit-child-ypk-chen-le').click()
    await waitForRoute(page, `${YP}/child/index`)
    await visiblePage(page).getByRole('heading', { name: '陈乐的资料' }).waitFor()
    await typeInto(visiblePage(page).locator('#child-name'), '乐乐😀')
    await visiblePage(page).locator('#child-save').click()
    await visiblePage(page).getByRole('alert').filter({ hasText: '姓名里不能有表情符号' }).waitFor()
    await typeInto(visiblePage(page).locator('#child-name'), '陈乐乐')
    // The birth date picker opens on the saved date; cancelling keeps it.
    await visiblePage(page).locator('#child-birth').getByRole('button').click()
    await page.locator('.weui-picker__action:visible', { hasText: '取消' }).click()
    expect((await rowOf(page, 'yp_children', 'ypk-chen-le')).name).toBe('陈乐')

    // Leave and come back: the unsaved edit is still there.
    await go(page, `${YP}/index/index`)
    await visiblePage(page).getByText('陈乐（5 岁）').waitFor()
    await go(page, `${YP}/child/index`, '?id=ypk-chen-le')
    await visiblePage(page).getByText('已恢复您上次没有保存的修改').waitFor()
    await expect(visiblePage(page).locator('#child-name input').inputValue()).resolves.toBe('陈乐乐')
    await visiblePage(page).locator('#child-save').click()
    await visiblePage(page).locator('#child-result').getByText('已保存陈乐乐的资料').waitFor()
    expect((await rowOf(page, 'yp_children', 'ypk-chen-le')).name).toBe('陈乐乐')

    // 陈悦 holds a course: the page says what to cancel first and offers no delete button.
    await go(page, `${YP}/course/index`, '?id=ypc-calligraphy&childId=ypk-chen-yue')
    await visiblePage(page).locator('#apply-submit').click()
    await visiblePage(page).locator('#apply-result').getByText('已确认名额').waitFor()
    await go(page, `${YP}/child/index`, '?id=ypk-chen-yue')
    await visiblePage(page)
      .getByText('陈悦还有《书法》的报名没有结束，资料暂时不能删除。请先在“我的课程”里取消这些报名，再删除资料。')
      .waitFor()
    expect(await visiblePage(page).locator('#child-delete').count()).toBe(0)
    expect(await visiblePage(page).locator('#child-birth').count()).toBe(0)

    // 陈乐乐 has none: deleting asks first; "先不删" keeps the profile.
    await go(page, `${YP}/child/index`, '?id=ypk-chen-le')
    await visiblePage(page).locator('#child-delete').click()
    await answerModal(page, '先不删')
    expect((await rowOf(page, 'yp_children', 'ypk-chen-le')).deletedAt).toBeUndefined()
    await visiblePage(page).locator('#child-delete').click()
    await answerModal(page, '确定删除')
    await visiblePage(page).locator('#child-result').getByText('已删除陈乐乐的资料').waitFor()
    expect((await rowOf(page, 'yp_children', 'ypk-chen-le')).deletedAt).toBeTruthy()
    await go(page, `${YP}/index/index`)
    await visiblePage(page).getByText('陈悦（9 岁）').waitFor()
    expect(await visiblePage(page).getByText('陈乐乐').count()).toBe(0)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
