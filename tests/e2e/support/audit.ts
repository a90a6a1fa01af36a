/**
 * One call per page reached in a journey: checks the visible page in BOTH modes — axe-core (no serious
 * or critical violations) and the size rules (elder: text ≥ 18 px, headings ≥ 30 px, line height ≥ 1.3,
 * targets ≥ 60 × 60; normal: targets ≥ 44 × 44) — and saves a screenshot of each mode, then restores the
 * mode the journey was in. Elder mode is switched through the H5 test build's hook
 * (`window.__mcTest.setElderMode`, TARO_APP_TEST builds only), as the user's own switch would.
 * The bars Taro draws outside the page (navigation bar, tab bar) are measured by the same rules, and
 * must be at least a target tall with their labels whole; in elder mode every date control of the page
 * is opened and what opens is checked too (screenshot `<name>-elder-<id>-open.png`). No attribute may
 * read "undefined" (a prop passed through unset: `id="undefined"`), and images sit centred in their box.
 *
 * Screenshots go to `$SCREENSHOTS_DIR` (`npm run screenshots` sets docs/screenshots) or
 * tests/.artifacts/screenshots, as `<name>-normal.png` / `<name>-elder.png` (full page, 375 CSS px wide).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { seriousA11yViolations } from './axe'
import { ARTIFACTS, visiblePage } from './browser'
import { checkElderMode, ELDER_RULES, NORMAL_RULES, type ElderRules } from './elder-checker'

/**
 * A file-name-safe page name: `packages/care-card/pages/book/index?id=x` → `care-card-book`,
 * `login: privacy` → `login-privacy`.
 */
function pageName(where: string): string {
  return (
    where
      .split('?')[0]
      .replace(/^packages\//, '')
      .replace(/(^|\/)pages\//g, '$1')
      .replace(/\/index$/, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-|-$/g, '')
      .toLowerCase() || 'page'
  )
}

/** Every page name audited in this process (a test can assert its journey covered its pages). */
const auditedPages = new Set<string>()

const isElder = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    return !!shown[shown.length - 1]?.querySelector('.page.elder')
  })

async function setMode(page: Page, elder: boolean): Promise<void> {
  await page.evaluate((on) => {
    const hook = (window as unknown as { __mcTest?: { setElderMode(on: boolean): void } }).__mcTest
    if (!hook) throw new Error('No test hook: audit pages in the H5 test build (npm run build:h5:test)')
    hook.setElderMode(on)
  }, elder)
  await page.waitForFunction((on) => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    return !!shown[shown.length - 1]?.querySelector('.page.elder') === on
  }, elder)
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))))
}

/** A screenshot of the whole shown page: Taro's H5 page scrolls inside the window, so grow the window to fit. */
async function shootWhole(page: Page, file: string): Promise<void> {
  const size = page.viewportSize() ?? { width: 375, height: 667 }
  const height = await page.evaluate(() =>
    Math.max(
      document.documentElement.scrollHeight,
      ...[...document.querySelectorAll<HTMLElement>('.taro_page')]
        .filter((p) => getComputedStyle(p).display !== 'none')
        .map((p) => p.scrollHeight),
    ),
  )
  if (height > size.height) await page.setViewportSize({ width: size.width, height: Math.min(height, 6000) })
  await page.screenshot({ path: file, scale: 'css' })
  if (height > size.height) await page.setViewportSize(size)
}

/** Attributes of the visible page that read "undefined" or "null": a prop passed through unset. */
const unsetAttributes = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    const root = shown[shown.length - 1] ?? document.body
    return [...root.querySelectorAll('*')]
      .flatMap((el) =>
        [...el.attributes]
          .filter((a) => a.value === 'undefined' || a.value === 'null')
          .map(
            (a) => `<${el.tagName.toLowerCase()} class="${el.getAttribute('class') ?? ''}"> has ${a.name}="${a.value}"`,
          ),
      )
      .slice(0, 10)
  })

/**
 * Images of the visible page drawn narrower than their box (Taro's H5 `aspectFit` puts the picture at the
 * box's left edge) and not centred in it, e.g. a QR code beside the middle of its card.
 */
const offCentreImages = (page: Page) =>
  page.evaluate(() => {
    const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none')
    const root = shown[shown.length - 1] ?? document.body
    return [...root.querySelectorAll('taro-image-core')].flatMap((host) => {
      const img = host.querySelector('img')
      const [b, i] = [host.getBoundingClientRect(), img?.getBoundingClientRect()]
      if (!i || i.width === 0 || b.width === 0) return []
      const off = Math.abs(i.left + i.width / 2 - (b.left + b.width / 2))
      return off > 1 ? [`image #${host.id || '?'} ${Math.round(off)}px off the centre of its box`] : []
    })
  })

/** The bars Taro's H5 router draws outside the page: the navigation bar (top) and the tab bar (bottom). */
const BARS = [
  ['navigation bar', '#taro-navigation-bar'],
  ['tab bar', '.taro-tabbar__tabbar'],
] as const

/**
 * The bars on screen, by the page's rules: axe, text and target sizes, at least a target tall; tab bar
 * labels (≥ 12 px in normal mode) whole and inside the bar and the screen.
 */
async function auditBars(page: Page, rules: ElderRules): Promise<string[]> {
  const problems: string[] = []
  for (const [what, selector] of BARS) {
    const box = await page.evaluate((sel) => {
      const el = document.querySelector(sel)
      const r = el?.getBoundingClientRect()
      return el && r && r.height > 0 && getComputedStyle(el).display !== 'none' ? { height: r.height } : null
    }, selector)
    if (!box) continue
    for (const f of await seriousA11yViolations(page, selector))
      problems.push(`${what} axe ${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')}`)
    for (const v of (await checkElderMode(page, rules, selector)).violations)
      problems.push(`${what} ${v.rule} ${v.value}: "${v.text}"`)
    if (box.height + 0.5 < rules.minTargetPx) problems.push(`${what} ${Math.round(box.height)}px tall`)
  }
  const labels = await page.evaluate(() => {
    const bar = document.querySelector('.taro-tabbar__tabbar')?.getBoundingClientRect()
    return [...document.querySelectorAll<HTMLElement>('.weui-tabbar__label')]
      .filter((l) => l.offsetParent !== null)
      .map((l) => {
        const r = l.getBoundingClientRect()
        const inside =
          !!bar &&
          r.top >= bar.top - 0.5 &&
          r.bottom <= bar.bottom + 0.5 &&
          r.left >= -0.5 &&
          r.right <= window.innerWidth + 0.5 &&
          r.bottom <= window.innerHeight + 0.5
        return {
          text: l.textContent ?? '',
          px: parseFloat(getComputedStyle(l).fontSize),
          whole: inside && l.scrollWidth <= l.clientWidth + 1 && l.scrollHeight <= l.clientHeight + 1,
        }
      })
  })
  for (const l of labels) {
    if (l.px + 0.01 < Math.max(rules.minTextPx, 12)) problems.push(`tab bar label ${l.px}px: "${l.text}"`)
    if (!l.whole) problems.push(`tab bar label cut off: "${l.text}"`)
  }
  return problems
}

/**
 * Elder mode: opens each date control of the page in turn (DateField rows, and any Taro Picker, whose
 * stock H5 wheel is not elder-sized), checks what opened with axe and the elder rules, saves a screenshot
 * of it, and closes it again. The stock wheel opens outside the page (an overlay on the body).
 */
async function auditDateControls(page: Page, name: string, dir: string): Promise<string[]> {
  const problems: string[] = []
  const controls = visiblePage(page).locator('[data-date-field], taro-picker-core')
  const count = await controls.count()
  for (let i = 0; i < count; i++) {
    const control = controls.nth(i)
    if (!(await control.isVisible())) continue
    const id = (await control.getAttribute('id')) || `date-${i}`
    const stock = await control.evaluate((el) => el.tagName === 'TARO-PICKER-CORE')
    await control.click()
    const opened = stock ? page.locator('.weui-picker:visible').last() : visiblePage(page).locator(`#${id}-panel`)
    await opened.waitFor({ timeout: 3000 }).catch(() => {})
    if (!(await opened.isVisible())) {
      problems.push(`date control #${id} opens nothing`)
      continue
    }
    await page.waitForTimeout(400) // the wheel slides up
    if (stock) {
      problems.push(`date control #${id} opens Taro's stock picker wheel, which ignores elder mode`)
      await opened.evaluate((el) => el.setAttribute('data-audit-open', ''))
    }
    const scope = stock ? '[data-audit-open]' : undefined
    for (const f of await seriousA11yViolations(page, scope))
      problems.push(`#${id} open: axe ${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')}`)
    for (const v of (await checkElderMode(page, ELDER_RULES, scope)).violations)
      problems.push(`#${id} open: ${v.rule} ${v.value}: "${v.text}"`)
    await shootWhole(page, path.join(dir, `${name}-elder-${id}-open.png`))
    if (stock) await opened.evaluate((el) => el.removeAttribute('data-audit-open'))
    await (stock ? opened.locator('.weui-picker__action').first() : visiblePage(page).locator(`#${id}-cancel`)).click()
    await opened.waitFor({ state: 'hidden' })
  }
  return problems
}

/**
 * Audits the visible page in normal and elder mode; returns the problems found, in words (empty when
 * all is well). `where` (and a `prefix` such as the feature) names the screenshots through `pageName`
 * (care-card-apply-elder.png).
 */
async function auditPage(page: Page, where: string, prefix = ''): Promise<string[]> {
  const base = pageName(where)
  const name = prefix && !base.startsWith(prefix) ? `${prefix}-${base}` : base
  const started = await isElder(page)
  const problems: string[] = []
  const dir = process.env.SCREENSHOTS_DIR
    ? path.resolve(process.env.SCREENSHOTS_DIR)
    : path.join(ARTIFACTS, 'screenshots')
  fs.mkdirSync(dir, { recursive: true })
  for (const elder of [started, !started]) {
    const mode = elder ? 'elder' : 'normal'
    await setMode(page, elder)
    for (const f of await seriousA11yViolations(page))
      problems.push(`${name} [${mode}] axe ${f.id} (${f.impact}): ${f.help} — ${f.targets.join(', ')}`)
    const sizes = await checkElderMode(page, elder ? ELDER_RULES : NORMAL_RULES)
    for (const v of sizes.violations) problems.push(`${name} [${mode}] ${v.rule} ${v.value}: "${v.text}"`)
    if (sizes.texts === 0) problems.push(`${name} [${mode}] shows no text`)
    for (const p of await unsetAttributes(page)) problems.push(`${name} [${mode}] ${p}`)
    for (const p of await offCentreImages(page)) problems.push(`${name} [${mode}] ${p}`)
    for (const p of await auditBars(page, elder ? ELDER_RULES : NORMAL_RULES)) problems.push(`${name} [${mode}] ${p}`)
    await shootWhole(page, path.join(dir, `${name}-${mode}.png`))
    if (elder) for (const p of await auditDateControls(page, name, dir)) problems.push(`${name} [${mode}] ${p}`)
  }
  await setMode(page, started)
  auditedPages.add(name)
  return problems
}

/** Audits the shown page in both modes (see `auditPage`) and fails the test with the problems found. */
export async function expectAudited(page: Page, where: string, prefix = ''): Promise<void> {
  expect({ where, problems: await auditPage(page, where, prefix) }).toEqual({ where, problems: [] })
}
