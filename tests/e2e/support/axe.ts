/** axe-core in the page, scoped to the visible Taro page. */
import fs from 'node:fs'
import type { Page } from 'playwright-core'

const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8')

/** One axe finding, trimmed to what a test message needs. */
export interface AxeFinding {
  id: string
  impact: string | null
  help: string
  targets: string[]
}

/**
 * Runs axe on the visible page (or on the element `scope` selects, e.g. Taro's H5 navigation bar outside
 * the page); returns violations of impact `serious` or `critical`.
 */
export async function seriousA11yViolations(page: Page, scope?: string): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE })
  const violations = await page.evaluate(async (scope) => {
    const pages = [...document.querySelectorAll('.taro_page')].filter(
      (p) => (p as HTMLElement).offsetParent !== null || getComputedStyle(p).display !== 'none',
    )
    const context = (scope && document.querySelector(scope)) || pages[pages.length - 1] || document
    const axe = (
      window as unknown as {
        axe: {
          run: (
            c: unknown,
            o: unknown,
          ) => Promise<{
            violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[]
          }>
        }
      }
    ).axe
    const result = await axe.run(context, { resultTypes: ['violations'] })
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    }))
  }, scope)
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')
}
