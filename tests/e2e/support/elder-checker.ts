/**
 * The elder-mode checker: measures, on the visible page, every visible text's font size and line height,
 * key headings' size, and every tappable element's box (MIIT age-friendly spec 2021; see domain.md §5).
 *
 * Tappable = native controls, Taro buttons/inputs, and anything with a control role or `data-tappable`.
 * Key heading = `.page-title` or `[aria-level="1"]`.
 */
import type { Page } from 'playwright-core'

export interface ElderRules {
  minTextPx: number
  minHeadingPx: number
  minLineHeight: number
  minTargetPx: number
}
/** Elder mode at a 375-px viewport: text ≥ 18, key headings ≥ 30, line height ≥ 1.3, targets ≥ 60 × 60. */
export const ELDER_RULES: ElderRules = { minTextPx: 18, minHeadingPx: 30, minLineHeight: 1.3, minTargetPx: 60 }
/** Normal mode: only targets ≥ 44 × 44 are required (text sizes are design choices there). */
export const NORMAL_RULES: ElderRules = { minTextPx: 0, minHeadingPx: 0, minLineHeight: 0, minTargetPx: 44 }

export interface ElderViolation {
  rule: 'text-size' | 'heading-size' | 'line-height' | 'target-size'
  text: string
  value: string
}

const TAPPABLE_SELECTOR =
  'button, a[href], input, textarea, select, taro-button-core, taro-switch-core, taro-checkbox-core, taro-radio-core, [role=button], [role=link], [role=switch], [role=checkbox], [role=radio], [role=tab], [role=option], [data-tappable]'

/** Measures the visible page (or `scope` selector) against `rules`; returns what fails and how much was checked. */
export async function checkElderMode(
  page: Page,
  rules: ElderRules = ELDER_RULES,
  scope?: string,
): Promise<{ violations: ElderViolation[]; texts: number; targets: number }> {
  return page.evaluate(
    ({ rules, scope, tappable }) => {
      const shown = (el: Element) => {
        const r = el.getBoundingClientRect()
        const s = getComputedStyle(el)
        return r.width > 0 && r.height > 0 && s.visibility !== 'hidden' && s.display !== 'none' && Number(s.opacity) > 0
      }
      const pages = [...document.querySelectorAll('.taro_page')].filter(shown)
      const root: Element = scope ? document.querySelector(scope)! : (pages[pages.length - 1] ?? document.body)
      const violations: { rule: string; text: string; value: string }[] = []
      const label = (el: Element) =>
        (
          el.textContent?.trim() ||
          el.getAttribute('aria-label') ||
          el.getAttribute('placeholder') ||
          el.closest('[aria-label]')?.getAttribute('aria-label') ||
          el.tagName
        )
          .trim()
          .slice(0, 30)
      let texts = 0
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement
        if (!el || !(n.textContent ?? '').trim() || !shown(el) || el.closest('[aria-hidden="true"]')) continue
        texts++
        const s = getComputedStyle(el)
        const size = parseFloat(s.fontSize)
        const lh = s.lineHeight === 'normal' ? 1.2 : parseFloat(s.lineHeight) / size
        if (size + 0.01 < rules.minTextPx) violations.push({ rule: 'text-size', text: label(el), value: `${size}px` })
        if (lh + 0.005 < rules.minLineHeight)
          violations.push({ rule: 'line-height', text: label(el), value: lh.toFixed(2) })
      }
      for (const h of root.querySelectorAll('.page-title, [aria-level="1"]')) {
        if (!shown(h)) continue
        const size = parseFloat(getComputedStyle(h).fontSize)
        if (size + 0.01 < rules.minHeadingPx)
          violations.push({ rule: 'heading-size', text: label(h), value: `${size}px` })
      }
      let targets = 0
      for (const t of root.querySelectorAll(tappable)) {
        if (!shown(t) || t.parentElement?.closest(tappable)) continue // count the outermost control only
        targets++
        const r = t.getBoundingClientRect()
        if (r.width + 0.5 < rules.minTargetPx || r.height + 0.5 < rules.minTargetPx) {
          violations.push({
            rule: 'target-size',
            text: label(t),
            value: `${Math.round(r.width)}×${Math.round(r.height)}`,
          })
        }
      }
      return { violations, texts, targets }
    },
    { rules, scope, tappable: TAPPABLE_SELECTOR },
  ) as Promise<{ violations: ElderViolation[]; texts: number; targets: number }>
}
