import type { Page } from 'playwright-core'
import path from 'node:path'
import {
  answerModal,
  ARTIFACTS,
  checkElderMode,
  ELDER_RULES,
  loginAs,
  NORMAL_RULES,
  openPhone,
  pageErrors,
  expectAudited,
  setElder,
  typeInto,
  visiblePage,
  waitForRoute,
  useBrowserSuite,
} from './support'

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const ROOT = 'packages/one-thing/pages'
const SHOTS = path.join(ARTIFACTS, 'screenshots')

const app = useBrowserSuite(180_000)

/** A stand-in for the browser's speech synthesis that records what it was asked to say. */
const SPEECH_STUB = () => {
  const w = window as any
  w.__spoken = []
  w.SpeechSynthesisUtterance = class {
    text: string
    lang = ''
    rate = 1
    onend: unknown = null
    onerror: unknown = null
    constructor(t: string) {
      this.text = t
    }
  }
  Object.defineProperty(window, 'speechSynthesis', {
    configurable: true,
    writable: true,
    value: {
      speaking: false,
      getVoices: () => [{ lang: 'zh-CN', name: '中文' }],
      speak: (u: { text: string; lang: string }) => {
        w.__spoken.push({ text: u.text, lang: u.lang })
      },
      cancel: () => {},
    },
  })
}

/** Answers a question like a person: one tap, then the time the page takes to settle on the next one. */
const answer = async (page: Page, id: string) => {
  await visiblePage(page).locator(`#${id}`).click()
  await page.waitForTimeout(500)
}
const setClock = (page: Page) => page.evaluate((ms) => (globalThis as any).__mcMockBackend().clock.set(ms), NOW)
const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route.split('?')[0])
}
/** axe and the size rules in both modes, with a screenshot of each (support/audit.ts). */
const expectA11y = (page: Page, where: string) => expectAudited(page, where, 'one-thing')
/** A screenshot of the whole page (Taro's H5 page scrolls inside the window: grow the window to fit it). */
async function shoot(page: Page, name: string) {
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll('.taro_page')].map((e) => (e as HTMLElement).scrollHeight),
    ),
  )
  await page.setViewportSize({ width: 375, height: Math.min(height + 40, 6000) })
  await page.waitForTimeout(200)
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`) })
  // The same in phone-screen parts, easier to look at.
  for (let y = 0, i = 1; y < height; y += 667, i++) {
    await page.screenshot({
      path: path.join(SHOTS, `${name}-part${i}.png`),
      clip: { x: 0, y, width: 375, height: Math.min(667, height + 40 - y) },
    })
  }
  await page.setViewportSize({ width: 375, height: 667 })
}

async function start(): Promise<{ page: Page; close: () => Promise<void> }> {
  const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
  await page.addInitScript(SPEECH_STUB)
  await loginAs(page, 'u-li')
  await setClock(page)
  return { page, close: () => context.close() }
}

describe('H5 in Chromium: 一件事', () => {
  it('search by synonym, questions, tick, read aloud, reload keeps progress', async () => {
    const { page, close } = await start()
    await go(page, `${ROOT}/index/index`)
    await visiblePage(page).locator('#one-thing-search input').waitFor()
    await typeInto(visiblePage(page).locator('#one-thing-search'), '生孩子')
    await visiblePage(page).locator('#result-newborn').click()
    await waitForRoute(page, `${ROOT}/questions/index`)
    await visiblePage(page).getByText('宝宝是哪天出生的').waitFor()
    // Open the date picker and confirm its date (today by mock time), then go on.
    await visiblePage(page).locator('.date-field-row').click()
    await page.locator('.weui-picker__action:visible').last().click()
    await answer(page, 'q-next')
    await answer(page, 'q-parents-married')
    await answer(page, 'q-localHukou-yes')
    await answer(page, 'q-motherInsured-yes')
    await visiblePage(page).getByText('问题都回答好了').waitFor()
    await expectA11y(page, 'questions: summary')
    await visiblePage(page).locator('#go-checklist').click()
    await waitForRoute(page, `${ROOT}/checklist/index`)
    await visiblePage(page).getByText('新生儿户口登记（上户口）').waitFor()
    await visiblePage(page).getByText('2026年4月2日', { exact: false }).first().waitFor()
    const tick = visiblePage(page).getByRole('checkbox', { name: /领取《出生医学证明》/ })
    expect(await tick.getAttribute('aria-checked')).toBe('false')
    await tick.click()
    await visiblePage(page)
      .getByText(/已办 1 项/)
      .waitFor()
    await visiblePage(page)
      .getByText(/进度已保存/)
      .waitFor()
    expect(await tick.getAttribute('aria-checked')).toBe('true')

    await visiblePage(page).getByRole('button', { name: '朗读办事清单' }).click()
    const spoken = await page.evaluate(() => (window as any).__spoken as { text: string; lang: string }[])
    expect(spoken).toHaveLength(1)
    expect(spoken[0].lang).toBe('zh-CN')
    expect(spoken[0].text).toContain('出生一件事办事清单')
    expect(spoken[0].text).toContain('新生儿户口登记（上户口）')
    expect(spoken[0].text).toContain('领取《出生医学证明》，已办')

    await page.reload()
    await waitForRoute(page, `${ROOT}/checklist/index`)
    await visiblePage(page)
      .getByText(/已办 1 项/)
      .waitFor()
    expect(
      await visiblePage(page)
        .getByRole('checkbox', { name: /领取《出生医学证明》/ })
        .getAttribute('aria-checked'),
    ).toBe('true')
    expect(pageErrors(page)).toEqual([])
    await close()
  })

  it('books and cancels a window appointment', async () => {
    const { page, close } = await start()
    await go(page, `${ROOT}/appointment/index?event=newborn`)
    await visiblePage(page).getByText('2026年3月7日（周六）').waitFor()
    await visiblePage(page).locator('#day-2026-03-03').click()
    await visiblePage(page).locator('#slot-0900').click()
    await visiblePage(page).locator('#appointment-submit').click()
    await visiblePage(page).getByText('预约成功').waitFor()
    await expectA11y(page, 'appointment: done')
    await visiblePage(page).locator('#done-appointments').click()
    await waitForRoute(page, `${ROOT}/appointments/index`)
    await visiblePage(page).getByText('2026年3月3日（周二） 09:00–10:00').waitFor()
    await visiblePage(page).getByRole('button', { name: '取消预约' }).click()
    await answerModal(page, '确定取消')
    await visiblePage(page).getByText('已取消', { exact: true }).waitFor()
    await visiblePage(page).getByText('没有待办理的预约', { exact: false }).waitFor()
    expect(pageErrors(page)).toEqual([])
    await close()
  })

  it('every page passes axe, and the elder-mode rules in elder mode', async () => {
    const { page, close } = await start()
    const pages = [
      `${ROOT}/index/index`,
      `${ROOT}/questions/index?event=newborn`,
      `${ROOT}/checklist/index?event=newborn`,
      `${ROOT}/bring/index?event=newborn`,
      `${ROOT}/appointment/index?event=newborn`,
      `${ROOT}/appointments/index`,
      `${ROOT}/worker/index`,
    ]
    // Answer the newborn questions quickly so the later pages are full.
    await go(page, pages[1])
    await answer(page, 'q-next')
    await answer(page, 'q-parents-married')
    await answer(page, 'q-localHukou-no')
    await answer(page, 'q-motherInsured-yes')
    await visiblePage(page).getByText('问题都回答好了').waitFor()
    for (const elder of [false, true]) {
      if (elder) {
        await go(page, 'pages/me/index')
        await setElder(page, true)
      }
      for (const route of pages) {
        await go(page, route)
        await page.waitForTimeout(600)
        if (route.includes('appointment/')) {
          await visiblePage(page).locator('#day-2026-03-03').click()
          await page.waitForTimeout(200)
        }
        if (!elder) await expectA11y(page, route) // both modes
        const { violations } = await checkElderMode(page, elder ? ELDER_RULES : NORMAL_RULES)
        expect({ route, elder, violations }).toEqual({ route, elder, violations: [] })
        if (route.includes('checklist') || route.includes('appointment/'))
          await shoot(page, `one-thing-${route.split('/')[3]}-${elder ? 'elder' : 'normal'}`)
      }
    }
    expect(pageErrors(page)).toEqual([])
    await close()
  })
})
