/**
 * Issue 16 ("Fix what a new user met") in Chromium, where a person met it: an ID number pasted with
 * spaces, the storage-full notice of the H5 build, and the 代办 switch on the care-card home.
 */
import type { Page } from 'playwright-core'
import {
  loginAs,
  openPhone,
  pageErrors,
  screenshot,
  seededIdNumber,
  setElder,
  useBrowserSuite,
  visiblePage,
  waitForRoute,
} from './support'

const app = useBrowserSuite(120_000)

const go = async (page: Page, route: string) => {
  await page.evaluate((r) => {
    location.hash = `#/${r}`
  }, route)
  await waitForRoute(page, route)
}

/** Pastes `text` into the field's input at once, as the system's paste does (the input's maxlength applies). */
async function paste(page: Page, fieldId: string, text: string) {
  const input = visiblePage(page).locator(`#${fieldId} input`)
  await input.click()
  await input.fill('')
  await page.keyboard.insertText(text)
  await input.blur()
}

describe('H5 in Chromium: what a new user met (issue 16)', () => {
  it('an ID number pasted with spaces ("330211 1944 0315 0121") is kept whole and binds (item 6)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await go(page, 'pages/me/index')
    await visiblePage(page).locator('#go-real-name').click()
    await waitForRoute(page, 'packages/account/pages/real-name/index')
    const id = seededIdNumber('陈晓东')
    await paste(page, 'real-name-name', '陈晓东')
    await paste(page, 'real-name-id', `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}`)
    // The field shows the number without its spaces (given a moment to settle).
    const input = visiblePage(page).locator('#real-name-id input')
    for (let i = 0; i < 20 && (await input.inputValue()) !== id; i++) await page.waitForTimeout(100)
    expect(await input.inputValue()).toBe(id)
    await screenshot(page, 'issue16-real-name-pasted')
    await visiblePage(page).locator('#real-name-submit').click()
    await waitForRoute(page, 'pages/me/index')
    await visiblePage(page).getByText('已实名').waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })

  it("storage full in the browser: the notice says to clear this site's data in the browser, not WeChat's storage settings (item 10)", async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-chen')
    await setElder(page, true)
    await go(page, 'packages/account/pages/real-name/index')
    // Fill the site's storage to the brim.
    await page.evaluate(() => {
      let chunk = 'x'.repeat(512 * 1024)
      for (let i = 0; chunk.length > 0; i++) {
        try {
          localStorage.setItem(`junk-${i}`, chunk)
        } catch {
          chunk = chunk.slice(0, Math.floor(chunk.length / 2))
        }
      }
    })
    // Typing autosaves a draft, which no longer fits.
    await paste(page, 'real-name-name', '陈晓东')
    const modal = page.locator('.taro-modal__content:visible').last()
    await modal.waitFor()
    const text = await modal.innerText()
    expect(text).toContain('浏览器设置里清理本网站的数据')
    expect(text).not.toContain('微信“设置')
    await page.waitForTimeout(800)
    await screenshot(page, 'issue16-storage-full-elder')
    await page.evaluate(() => {
      for (const k of Object.keys(localStorage)) if (k.startsWith('junk-')) localStorage.removeItem(k)
    })
    await context.close()
  })

  it('the care-card home offers the 代办 switch to someone with a confirmed link, and switches (item 9)', async () => {
    const { context, page } = await openPhone(app.browser, app.url, '/pages/login/index')
    await loginAs(page, 'u-li')
    // 马建华 confirmed that 李红 may act for him.
    await page.evaluate(async () => {
      const be = (globalThis as any).__mcMockBackend()
      const now = new Date(be.clock.now() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
      await be.arrange('family_links', [
        {
          id: 'fl-e2e',
          proxyId: 'u-li',
          principalId: 'u-xs0',
          relationship: '子女',
          status: 'confirmed',
          requestedBy: 'u-li',
          requestedAt: now,
          confirmedAt: now,
          confirmedBy: 'principal',
        },
      ])
    })
    await go(page, 'packages/care-card/pages/index/index')
    await visiblePage(page).locator('#acting-for-u-xs0').click()
    await visiblePage(page).getByText('马建华的爱心卡').first().waitFor()
    await visiblePage(page).getByText('正在为 马建华 代办').first().waitFor()
    await visiblePage(page).locator('#balance').waitFor()
    await visiblePage(page).locator('#acting-for-self').click()
    await visiblePage(page).getByText('我的爱心卡').first().waitFor()
    expect(pageErrors(page)).toEqual([])
    await context.close()
  })
})
