/**
 * Elder mode, double taps and read-aloud, in Chromium at 375 px: the hotline button on one line, elder
 * mode for Taro's dialogs, a double tap on a dialog button or a one-thing answer counted once, 朗读
 * without a Chinese voice, and screenshots of those pages (normal and elder mode).
 */
import type { Page } from 'playwright-core'
import {
  answerModal,
  loginAs,
  openPhone,
  pageErrors,
  screenshot,
  setElder,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const app = useBrowserSuite(180_000)
const ONE = 'packages/one-thing/pages'
/** How long the questions page ignores taps after an answer (src/packages/one-thing/pages/questions). */
const ANSWER_SETTLE_MS = 450

const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}

/** The number of line boxes the text of `selector` (on the visible page) takes. */
const linesOf = (page: Page, selector: string) =>
  visiblePage(page)
    .locator(selector)
    .first()
    .evaluate((el) => {
      const range = document.createRange()
      range.selectNodeContents(el)
      return new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top))).size
    })

describe('H5 in Chromium: elder mode, double taps and read-aloud', () => {
  it('"养老热线 96345" stays on one line at 375 px, in normal and elder mode', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    await visiblePage(page).locator('#call-hotline').scrollIntoViewIfNeeded()
    expect(await linesOf(page, '#call-hotline')).toBe(1)
    await screenshot(page, 'trial-home-hotline-normal')
    await setElder(page, true)
    await visiblePage(page).locator('#call-hotline').scrollIntoViewIfNeeded()
    expect(await linesOf(page, '#call-hotline')).toBe(1)
    const fits = await visiblePage(page)
      .locator('#call-hotline')
      .evaluate((el) => el.scrollWidth <= el.clientWidth + 1)
    expect(fits).toBe(true)
    await screenshot(page, 'trial-home-hotline-elder')
    await context.close()
  })

  it("elder mode reaches Taro's system dialogs: title, text and buttons ≥ 18 px, buttons ≥ 60 px tall", async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    const sizes = async () => {
      await visiblePage(page).locator('#reset-demo').click()
      const modal = page.locator('.taro-modal__content:visible').last()
      await modal.waitFor()
      return modal.evaluate((el) => {
        const px = (sel: string) => parseFloat(getComputedStyle(el.querySelector(sel)!).fontSize)
        const buttons = [...el.querySelectorAll('.taro-model__btn')].filter(
          (b) => (b as HTMLElement).offsetParent !== null,
        ) as HTMLElement[]
        return {
          title: px('.taro-modal__title'),
          text: px('.taro-modal__text'),
          button: px('.taro-model__btn'),
          buttonHeight: Math.min(...buttons.map((b) => b.getBoundingClientRect().height)),
        }
      })
    }
    await go(page, 'packages/settings/pages/dev/index')
    const normal = await sizes()
    await screenshot(page, 'trial-modal-normal')
    await answerModal(page, '取消')
    expect(normal.text).toBeLessThan(18)
    await go(page, 'pages/index/index')
    await setElder(page, true)
    await go(page, 'packages/settings/pages/dev/index')
    const elder = await sizes()
    await screenshot(page, 'trial-modal-elder')
    expect(elder.title).toBeGreaterThanOrEqual(18)
    expect(elder.text).toBeGreaterThanOrEqual(18)
    expect(elder.button).toBeGreaterThanOrEqual(18)
    expect(elder.buttonHeight).toBeGreaterThanOrEqual(60)
    await answerModal(page, '取消')
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('a double tap on a button that opens a dialog does not answer it: the second tap, landing on 确定, is ignored', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    await go(page, 'packages/settings/pages/dev/index')
    const modal = page.locator('.taro-modal__content:visible').last()
    // First tap opens 重置演示数据's dialog; the second, a moment later, lands where 确定 now is.
    await visiblePage(page).locator('#reset-demo').click()
    await modal.waitFor()
    await modal.locator('.taro-model__confirm').dispatchEvent('click', { detail: 1 })
    await page.waitForTimeout(600)
    expect(await modal.isVisible()).toBe(true)
    // Once the dialog has been open a moment, a deliberate tap works.
    await answerModal(page, '取消')
    expect(await page.locator('.taro-modal__content:visible').count()).toBe(0)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('one-thing questions: the second tap of a double tap does not answer the next question (also logged out)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, `/${ONE}/questions/index?event=resale-home`)
    await visiblePage(page).locator('#q-sellerMortgage-yes').waitFor()
    await visiblePage(page).getByText('您还没有登录，也可以看办事指南').waitFor()
    await screenshot(page, 'trial-questions-guest-normal')
    const first = Date.now()
    await visiblePage(page).locator('#q-sellerMortgage-yes').click()
    // The finger lands again where the next question's first option now is, as fast as a double tap.
    const next = visiblePage(page).locator('[id^="q-buyerLoan-"][role=radio]').first()
    await next.click({ timeout: 2000 })
    const gap = Date.now() - first
    expect(gap).toBeLessThan(ANSWER_SETTLE_MS)
    await page.waitForTimeout(ANSWER_SETTLE_MS + 200)
    expect(await visiblePage(page).locator('[id^="q-buyerLoan-"][aria-checked=true]').count()).toBe(0)
    await visiblePage(page).getByText('第 2 个问题', { exact: false }).waitFor()
    // A deliberate tap after the question settled counts.
    await next.click()
    await visiblePage(page).getByText('第 3 个问题', { exact: false }).waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it('朗读 without a Chinese voice says 这部手机暂时不能朗读 and says nothing', async () => {
    const { context, page } = await openPhone(app.browser, app.url, `/${ONE}/checklist/index?event=newborn`)
    await page.addInitScript(() => {
      const w = window as any
      w.__spoken = []
      w.SpeechSynthesisUtterance = class {
        text: string
        constructor(t: string) {
          this.text = t
        }
      }
      Object.defineProperty(window, 'speechSynthesis', {
        configurable: true,
        writable: true,
        value: {
          getVoices: () => [{ lang: 'en-US', name: 'English' }],
          speak: (u: { text: string }) => w.__spoken.push(u.text),
          cancel: () => {},
        },
      })
    })
    await page.reload()
    await waitForRoute(page, `${ONE}/checklist/index`)
    await visiblePage(page).getByRole('button', { name: '朗读办事清单' }).click()
    await page.locator('.taro__toast').getByText('这部手机暂时不能朗读').waitFor()
    await screenshot(page, 'trial-read-aloud-no-voice')
    expect(await page.evaluate(() => (window as any).__spoken.length)).toBe(0)
    await context.close()
  })

  it('screenshots of the changed pages, normal and elder mode', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await visiblePage(page).locator('#guides-without-login').waitFor()
    await screenshot(page, 'trial-login-privacy')
    await loginAs(page, 'u-li')
    const shots: [string, string][] = [
      ['packages/account/pages/rooms/index', 'rooms'],
      ['packages/care-card/pages/apply/index', 'care-apply'],
      [`${ONE}/index/index`, 'one-thing-home'],
      ['packages/settings/pages/dev/index', 'dev'],
    ]
    for (const elder of [false, true]) {
      if (elder) {
        await go(page, 'pages/index/index')
        await setElder(page, true)
      }
      for (const [route, name] of shots) {
        await go(page, route)
        await page.waitForTimeout(400)
        await screenshot(page, `trial-${name}-${elder ? 'elder' : 'normal'}`)
      }
    }
    // The rooms refusal next to the room, then gone when another role is chosen.
    await go(page, 'packages/account/pages/rooms/index')
    await visiblePage(page).locator('#room-r-zpq-3-1-202').click()
    await visiblePage(page).locator('#bind-room-submit').click()
    await visiblePage(page).getByText('业主不是您', { exact: false }).waitFor()
    await screenshot(page, 'trial-rooms-refusal-elder')
    await visiblePage(page).locator('#role-family').click()
    await visiblePage(page).getByText('业主不是您', { exact: false }).waitFor({ state: 'detached' })
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
  it('home in elder mode: the first three to-dos are within the first screen, above the tab bar', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-wang')
    // Three legal deadlines ahead, saved with the newborn guide.
    const now = (await page.evaluate(() => (globalThis as any).__mcMockBackend().clock.now())) as number
    const day = (n: number) => new Date(now + 8 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10)
    const iso = new Date(now + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
    const row = {
      id: 'u-wang:newborn',
      userId: 'u-wang',
      eventId: 'newborn',
      answers: {},
      ticked: [],
      deadlines: [
        { label: '医保参保', dueDate: day(5), remindedAt: iso },
        { label: '出生登记', dueDate: day(10), remindedAt: iso },
        { label: '申领生育津贴', dueDate: day(20), remindedAt: iso },
      ],
      reminded: [],
      version: 1,
      createdAt: iso,
      updatedAt: iso,
    }
    await page.evaluate((r) => (globalThis as any).__mcMockBackend().arrange('one_thing_progress', [r]), row)
    await setElder(page, true)
    await page.reload()
    await waitForRoute(page, 'pages/index/index')
    const todos = visiblePage(page).locator('[id^=todo-ot-deadline]')
    await todos.nth(2).waitFor()
    const bar = (await page.locator('.taro-tabbar__tabbar').boundingBox())!
    const bottoms: number[] = []
    for (let i = 0; i < 3; i++) {
      const b = (await todos.nth(i).boundingBox())!
      bottoms.push(Math.round(b.y + b.height))
    }
    console.log(`elder home: to-do bottoms ${bottoms.join(', ')}; tab bar top ${Math.round(bar.y)}`)
    await screenshot(page, 'home-todos-elder')
    for (const b of bottoms) expect(b).toBeLessThanOrEqual(bar.y + 0.5)
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
