/**
 * One call per page reached in a journey: checks the visible page in BOTH modes — axe-core (no serious
 * or critical violations) and the size rules (elder: text ≥ 18 px, headings ≥ 30 px, line height ≥ 1.3,
 * targets ≥ 60 × 60; normal: targets ≥ 44 × 44) — and saves a screenshot of each mode, then restores the
 * mode the journey was in. Elder mode is switched through the H5 test build's hook
 * (`window.__mcTest.setElderMode`, TARO_APP_TEST builds only), as the user's own switch would.
 *
 * Screenshots go to `$SCREENSHOTS_DIR` (`npm run screenshots` sets docs/screenshots) or
 * tests/.artifacts/screenshots, as `<name>-normal.png` / `<name>-elder.png` (full page, 375 CSS px wide).
 */
import fs from 'node:fs'
import path from 'node:path'
import type { Page } from 'playwright-core'
import { seriousA11yViolations } from './axe'
import { ARTIFACTS } from './browser'
import { checkElderMode, ELDER_RULES, NORMAL_RULES } from './elder-checker'

/**
 * A file-name-safe page name: `packages/care-card/pages/book/index?id=x` → `care-card-book`,
 * `login: privacy` → `login-privacy`.
 */
export function pageName(where: string): string {
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
export const auditedPages = new Set<string>()

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

/**
 * Audits the visible page in normal and elder mode; returns the problems found, in words (empty when
 * all is well). `where` (and a `prefix` such as the feature) names the screenshots through `pageName` (care-card-apply-elder.png).
 */
export async function auditPage(page: Page, where: string, prefix = ''): Promise<string[]> {
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
    // The H5 tab bar sits outside the page: its labels follow the same text rule.
    const tabSizes = await page.evaluate(() =>
      [...document.querySelectorAll('.weui-tabbar__label')]
        .filter((l) => (l as HTMLElement).offsetParent !== null)
        .map((l) => parseFloat(getComputedStyle(l).fontSize)),
    )
    for (const px of tabSizes)
      if (px + 0.01 < (elder ? ELDER_RULES.minTextPx : 12)) problems.push(`${name} [${mode}] tab bar label ${px}px`)
    await shootWhole(page, path.join(dir, `${name}-${mode}.png`))
  }
  await setMode(page, started)
  auditedPages.add(name)
  return problems
}

/** Audits the shown page in both modes (see `auditPage`) and fails the test with the problems found. */
export async function expectAudited(page: Page, where: string, prefix = ''): Promise<void> {
  expect({ where, problems: await auditPage(page, where, prefix) }).toEqual({ where, problems: [] })
}
