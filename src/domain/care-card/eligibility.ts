/**
 * Elderly-care service card (养老服务爱心卡): who is eligible and for how much monthly credit.
 * Source: domain.md §1. POLICY (Zhejiang, province-wide from Nov 2022): people aged 60+ in a hardship
 * or preferential-care group and everyone aged 80+ get 100–500 yuan per month by group. PRODUCT: the
 * default tiers below (highest applicable wins; age in full years on the assessment date), kept in one
 * configurable `CarePolicy` so a community can change them. Pure: no I/O, "now" is always a parameter.
 */
import { DomainError } from '../shared/errors'
import { yuanText, assertPositiveFen } from '../shared/money'
import { ageOn } from '../shared/residentId'
import { formatDateCn, parseDate } from '../shared/time'

/**
 * Every registered group, in display order: 低保 subsistence, 低边 marginal (near-subsistence), 特困 destitute,
 * 失能 disabled/dependent. The one list: contracts, picklists and the group checkboxes derive from it.
 */
export const CARE_GROUPS = ['subsistence', 'marginal', 'destitute', 'disabled'] as const

/** One of `CARE_GROUPS`. */
export type CareGroup = (typeof CARE_GROUPS)[number]

/** Plain-Chinese names of the groups. */
export const CARE_GROUP_LABELS: Readonly<Record<CareGroup, string>> = {
  subsistence: '低保',
  marginal: '低边',
  destitute: '特困',
  disabled: '失能',
}

/**
 * One tier of monthly credit.
 * - `minAge`: full years on the assessment date, inclusive (≥);
 * - `anyOfGroups`: the applicant must be registered in at least one of these; omitted or empty = age alone;
 * - `monthlyCreditFen`: positive integer fen per month;
 * - `label`: the condition in plain Chinese, e.g. `年满 80 周岁`.
 */
export interface CareTier {
  id: string
  minAge: number
  anyOfGroups?: CareGroup[]
  monthlyCreditFen: number
  label: string
}

/**
 * A community's card policy: its tiers. Of all tiers an applicant meets, the one with the largest
 * `monthlyCreditFen` wins (on a tie, the earlier in the list). No tier met = not eligible.
 */
export interface CarePolicy {
  tiers: CareTier[]
}

/**
 * The default PRODUCT tiers (domain.md §1): 80+ → 100 yuan; 60+ with 低保/低边/特困 → 300 yuan;
 * 60+ and 失能, or 90+ → 500 yuan per month.
 */
export const DEFAULT_CARE_POLICY: CarePolicy = Object.freeze({
  tiers: Object.freeze(
    [
      { id: 'age80', minAge: 80, monthlyCreditFen: 10000, label: '年满 80 周岁' },
      {
        id: 'hardship60',
        minAge: 60,
        anyOfGroups: ['subsistence', 'marginal', 'destitute'],
        monthlyCreditFen: 30000,
        label: '年满 60 周岁且为低保、低边或特困对象',
      },
      {
        id: 'disabled60',
        minAge: 60,
        anyOfGroups: ['disabled'],
        monthlyCreditFen: 50000,
        label: '年满 60 周岁且经评估为失能',
      },
      { id: 'age90', minAge: 90, monthlyCreditFen: 50000, label: '年满 90 周岁' },
    ].map((t) => Object.freeze(t)),
  ) as CareTier[],
}) as CarePolicy

/** The applicant as the assessment sees them: birth date `YYYY-MM-DD` and registered groups. */
export interface CareApplicant {
  birthDate: string
  groups: CareGroup[]
}

/** Outcome of an assessment: credit in fen per month (0 when not eligible) and plain-Chinese reasons. */
export interface CareEligibility {
  eligible: boolean
  monthlyCreditFen: number
  reasons: string[]
}

/** `低保、低边或特困` */
const joinOr = (words: string[]) =>
  words.length <= 1 ? words.join('') : `${words.slice(0, -1).join('、')}或${words[words.length - 1]}`

const groupsText = (groups: CareGroup[]) => joinOr(groups.map((g) => CARE_GROUP_LABELS[g]))

function checkPolicy(policy: CarePolicy): void {
  if (!policy || !Array.isArray(policy.tiers))
    throw new DomainError('INVALID_CARE_POLICY', '爱心卡政策配置不正确：缺少档位')
  for (const t of policy.tiers) {
    assertPositiveFen(t.monthlyCreditFen, `档位“${t.label}”的每月额度`)
    if (!Number.isInteger(t.minAge) || t.minAge < 0) {
      throw new DomainError('INVALID_CARE_POLICY', `档位“${t.label}”的起始年龄不正确：${String(t.minAge)}`)
    }
  }
}

/** Validates the dates and groups and returns the age in full years on `date`. */
function ageFor(applicant: CareApplicant, date: string): number {
  const birth = parseDate(applicant.birthDate)
  const day = parseDate(date)
  if (birth.isAfter(day)) {
    throw new DomainError(
      'INVALID_BIRTH_DATE',
      `出生日期 ${formatDateCn(applicant.birthDate)}晚于评估日期 ${formatDateCn(date)}，请核对`,
    )
  }
  for (const g of applicant.groups ?? []) {
    if (!CARE_GROUPS.includes(g)) throw new DomainError('INVALID_CARE_GROUP', `未知的人群类别：${String(g)}`)
  }
  return ageOn(applicant.birthDate, date)
}

const meets = (tier: CareTier, age: number, groups: CareGroup[]) =>
  age >= tier.minAge && (!tier.anyOfGroups?.length || tier.anyOfGroups.some((g) => groups.includes(g)))

/** Tiers met, best first (largest credit; on a tie, policy order). */
function tiersMet(applicant: CareApplicant, date: string, policy: CarePolicy): { age: number; met: CareTier[] } {
  checkPolicy(policy)
  const age = ageFor(applicant, date)
  const groups = applicant.groups ?? []
  const met = policy.tiers
    .map((tier, index) => ({ tier, index }))
    .filter(({ tier }) => meets(tier, age, groups))
    .sort((a, b) => b.tier.monthlyCreditFen - a.tier.monthlyCreditFen || a.index - b.index)
    .map(({ tier }) => tier)
  return { age, met }
}

/**
 * The tier an applicant gets on `date` (the highest applicable), or `null` when none applies.
 * @param applicant birth date `YYYY-MM-DD` (Beijing calendar) and registered groups
 * @param date assessment date `YYYY-MM-DD` (Beijing calendar)
 * @param policy tiers (default `DEFAULT_CARE_POLICY`)
 * @throws DomainError `INVALID_DATE` (malformed date), `INVALID_BIRTH_DATE` (born after `date`),
 *   `INVALID_CARE_GROUP`, `INVALID_CARE_POLICY` / `INVALID_AMOUNT` (bad policy)
 */
export function tierOf(
  applicant: CareApplicant,
  date: string,
  policy: CarePolicy = DEFAULT_CARE_POLICY,
): CareTier | null {
  return tiersMet(applicant, date, policy).met[0] ?? null
}

/** Why not eligible, and what would qualify, in plain Chinese. */
function refusalReasons(age: number, policy: CarePolicy): string[] {
  if (!policy.tiers.length) return [`您今年 ${age} 岁，本社区暂未设置爱心卡档位，暂不符合条件。`]
  const ageOnly = policy.tiers.filter((t) => !t.anyOfGroups?.length).map((t) => t.minAge)
  const youngestAgeOnly = ageOnly.length ? Math.min(...ageOnly) : null
  const youngest = Math.min(...policy.tiers.map((t) => t.minAge))
  // Groups that would already qualify at this age, in display order.
  const wanted = CARE_GROUPS.filter((g) => policy.tiers.some((t) => age >= t.minAge && t.anyOfGroups?.includes(g)))
  const parts = [`您今年 ${age} 岁`]
  if (age < youngest) parts.push(`未满 ${youngest} 周岁`)
  else {
    if (youngestAgeOnly !== null) parts.push(`未满 ${youngestAgeOnly} 周岁`)
    if (wanted.length) parts.push(`也未登记${groupsText(wanted)}`)
  }
  const why = `${parts.join('，')}，暂不符合条件。`
  const would = `符合以下任一条件即可申请：${policy.tiers.map((t) => `${t.label}（每月 ${yuanText(t.monthlyCreditFen)} 元）`).join('；')}。`
  return [why, would]
}

/**
 * Assesses eligibility for the elderly-care service card on `date`.
 * Default tiers (domain.md §1 PRODUCT, under the Zhejiang POLICY from Nov 2022): age ≥ 80 → 10000 fen;
 * age ≥ 60 with subsistence, marginal or destitute → 30000; age ≥ 60 and disabled, or age ≥ 90 → 50000;
 * the highest applicable tier wins. Age is in full years on `date` (`ageOn`: a 29 Feb birthday counts
 * on 1 March in common years).
 * @param applicant `{ birthDate: 'YYYY-MM-DD', groups }`
 * @param date assessment date `YYYY-MM-DD` (Beijing calendar)
 * @param policy tiers (default `DEFAULT_CARE_POLICY`)
 * @returns `{ eligible, monthlyCreditFen (integer fen, 0 when not eligible), reasons (plain Chinese) }`;
 *   when eligible, `reasons[0]` is the winning tier, e.g. `年满 80 周岁，每月 100 元`
 * @throws DomainError `INVALID_DATE` (malformed `birthDate` or `date`), `INVALID_BIRTH_DATE` (birth after
 *   `date`), `INVALID_CARE_GROUP`, `INVALID_CARE_POLICY` / `INVALID_AMOUNT` (bad policy)
 */
export function assessCareCardEligibility(
  applicant: CareApplicant,
  date: string,
  policy: CarePolicy = DEFAULT_CARE_POLICY,
): CareEligibility {
  const { age, met } = tiersMet(applicant, date, policy)
  if (!met.length) return { eligible: false, monthlyCreditFen: 0, reasons: refusalReasons(age, policy) }
  const [best, ...others] = met
  const reasons = [`${best.label}，每月 ${yuanText(best.monthlyCreditFen)} 元`]
  if (others.length) reasons.push(`同时符合：${others.map((t) => t.label).join('；')}；按最高一档发放。`)
  return { eligible: true, monthlyCreditFen: best.monthlyCreditFen, reasons }
}
