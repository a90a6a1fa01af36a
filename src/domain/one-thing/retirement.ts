/**
 * Statutory retirement age under the NPC Standing Committee decision of 2024-09-13 on gradually raising
 * the statutory retirement age (全国人大常委会关于实施渐进式延迟法定退休年龄的决定, from 2025-01-01,
 * over 15 years), domain.md §4 (LAW). Voluntary earlier or later retirement (弹性退休, up to 3 years,
 * with conditions) exists but is not computed here.
 */
import { DomainError } from '../shared/errors'

/** `male`: men; `female-cadre`: women in cadre (管理、技术) posts; `female-worker`: other women. In display order. */
export const RETIREMENT_CATEGORIES = ['male', 'female-cadre', 'female-worker'] as const
/** One of `RETIREMENT_CATEGORIES`. */
export type RetirementCategory = (typeof RETIREMENT_CATEGORIES)[number]

/** Plain-Chinese labels of the categories, for choice questions. */
export const RETIREMENT_CATEGORY_LABELS: Record<RetirementCategory, string> = {
  male: '男职工',
  'female-cadre': '女干部（管理、技术岗位）',
  'female-worker': '女职工（其他岗位）',
}

/**
 * The reform rule per category: original age in years, first affected birth month, birth months per
 * extra month of age, and the cap on extra months. Caps are reached exactly at the documented cohorts:
 * men and women cadres born September 1976 / September 1981 (140 birth months after the first cohort,
 * ⌊140 / 4⌋ + 1 = 36); other women born November 1984 (118 months, ⌊118 / 2⌋ + 1 = 60).
 */
const RULES: Record<
  RetirementCategory,
  { baseYears: number; firstYear: number; monthsPerStep: number; maxDelay: number }
> = {
  male: { baseYears: 60, firstYear: 1965, monthsPerStep: 4, maxDelay: 36 },
  'female-cadre': { baseYears: 55, firstYear: 1970, monthsPerStep: 4, maxDelay: 36 },
  'female-worker': { baseYears: 50, firstYear: 1975, monthsPerStep: 2, maxDelay: 60 },
}

/** The statutory retirement age and month for one birth month. */
export interface StatutoryRetirement {
  /** Full years of the retirement age, e.g. 60 for 60 years 1 month. */
  ageYears: number
  /** Remaining months of the retirement age (0–11). */
  ageMonths: number
  /** Birth month + retirement age, `YYYY-MM`. */
  retirementMonth: string
  /** Months added by the reform (0 for earlier cohorts; at most 36, or 60 for other women). */
  delayMonths: number
}

const pad2 = (n: number) => String(n).padStart(2, '0')

/**
 * Statutory retirement age and month for a birth month and category (NPC Standing Committee decision
 * of 2024-09-13): men 60 → 63 from births in January 1965, +1 month per 4 birth months, capped at 63;
 * women cadres 55 → 58 from January 1970, +1 month per 4 birth months, capped at 58; other women
 * 50 → 55 from January 1975, +1 month per 2 birth months, capped at 55. Earlier cohorts keep 60/55/50.
 * Example: a man born 1965-01 retires at 60 y 1 m, in 2025-02.
 * @param birthMonth `YYYY-MM` (years 1900–2099)
 * @throws DomainError `INVALID_BIRTH_MONTH` for another shape or an impossible month,
 *   `INVALID_RETIREMENT_CATEGORY` for an unknown category
 */
export function statutoryRetirement(birthMonth: string, category: RetirementCategory): StatutoryRetirement {
  const match = typeof birthMonth === 'string' ? /^(19|20)(\d{2})-(0[1-9]|1[0-2])$/.exec(birthMonth) : null
  if (!match)
    throw new DomainError('INVALID_BIRTH_MONTH', `出生年月格式不正确：${String(birthMonth)}（应为 年-月，如 1965-05）`)
  const rule = Object.prototype.hasOwnProperty.call(RULES, category) ? RULES[category] : undefined
  if (!rule) throw new DomainError('INVALID_RETIREMENT_CATEGORY', `人员类别不正确：${String(category)}`)
  const year = Number(match[1] + match[2])
  const month = Number(match[3])
  const sinceFirst = (year - rule.firstYear) * 12 + (month - 1)
  const delayMonths = sinceFirst < 0 ? 0 : Math.min(rule.maxDelay, Math.floor(sinceFirst / rule.monthsPerStep) + 1)
  const ageInMonths = rule.baseYears * 12 + delayMonths
  const total = year * 12 + (month - 1) + ageInMonths
  return {
    ageYears: Math.floor(ageInMonths / 12),
    ageMonths: ageInMonths % 12,
    retirementMonth: `${Math.floor(total / 12)}-${pad2((total % 12) + 1)}`,
    delayMonths,
  }
}
