import { DomainError } from '@/domain/shared/errors'
import { statutoryRetirement, type RetirementCategory } from '@/domain/one-thing/retirement'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const age = (birth: string, category: RetirementCategory) => {
  const r = statutoryRetirement(birth, category)
  return `${r.ageYears}y${r.ageMonths}m ${r.retirementMonth} +${r.delayMonths}`
}

describe('statutoryRetirement (NPC Standing Committee decision of 2024-09-13)', () => {
  it.each([
    // men: 60 → 63, +1 month per 4 birth months from January 1965
    ['1964-12', 'male', '60y0m 2024-12 +0'],
    ['1965-01', 'male', '60y1m 2025-02 +1'],
    ['1965-04', 'male', '60y1m 2025-05 +1'],
    ['1965-05', 'male', '60y2m 2025-07 +2'],
    ['1965-08', 'male', '60y2m 2025-10 +2'],
    ['1965-09', 'male', '60y3m 2025-12 +3'],
    ['1970-12', 'male', '61y6m 2032-06 +18'],
    ['1976-08', 'male', '62y11m 2039-07 +35'],
    ['1976-09', 'male', '63y0m 2039-09 +36'],
    ['1990-06', 'male', '63y0m 2053-06 +36'],
    // women in cadre posts: 55 → 58, +1 month per 4 birth months from January 1970
    ['1969-12', 'female-cadre', '55y0m 2024-12 +0'],
    ['1970-01', 'female-cadre', '55y1m 2025-02 +1'],
    ['1970-04', 'female-cadre', '55y1m 2025-05 +1'],
    ['1970-05', 'female-cadre', '55y2m 2025-07 +2'],
    ['1981-08', 'female-cadre', '57y11m 2039-07 +35'],
    ['1981-09', 'female-cadre', '58y0m 2039-09 +36'],
    // other women: 50 → 55, +1 month per 2 birth months from January 1975
    ['1974-12', 'female-worker', '50y0m 2024-12 +0'],
    ['1975-01', 'female-worker', '50y1m 2025-02 +1'],
    ['1975-02', 'female-worker', '50y1m 2025-03 +1'],
    ['1975-03', 'female-worker', '50y2m 2025-05 +2'],
    ['1984-10', 'female-worker', '54y11m 2039-09 +59'],
    ['1984-11', 'female-worker', '55y0m 2039-11 +60'],
    ['1995-01', 'female-worker', '55y0m 2050-01 +60'],
  ] as const)('born %s (%s): %s', (birth, category, expected) => {
    expect(age(birth, category)).toBe(expected)
  })

  it('keeps the original ages for cohorts born long before the reform', () => {
    expect(age('1950-03', 'male')).toBe('60y0m 2010-03 +0')
    expect(age('1960-07', 'female-cadre')).toBe('55y0m 2015-07 +0')
    expect(age('1970-07', 'female-worker')).toBe('50y0m 2020-07 +0')
  })

  it('reaches each cap exactly at the documented cohort, never before, and the delay never decreases', () => {
    const caps: [RetirementCategory, string, number][] = [
      ['male', '1976-09', 36],
      ['female-cadre', '1981-09', 36],
      ['female-worker', '1984-11', 60],
    ]
    for (const [category, capMonth, cap] of caps) {
      let previous = 0
      for (let y = 1960; y <= 1990; y++) {
        for (let m = 1; m <= 12; m++) {
          const birth = `${y}-${String(m).padStart(2, '0')}`
          const { delayMonths } = statutoryRetirement(birth, category)
          expect(delayMonths).toBeGreaterThanOrEqual(previous)
          expect(delayMonths - previous).toBeLessThanOrEqual(1)
          expect(delayMonths === cap).toBe(birth >= capMonth)
          previous = delayMonths
        }
      }
    }
  })

  it.each(['1965-1', '1965-13', '1965-00', '65-01', '1965/01', '1965-01-01', '', '1865-01'])(
    'throws INVALID_BIRTH_MONTH for %p',
    (bad) => {
      expect(codeOf(() => statutoryRetirement(bad, 'male'))).toBe('INVALID_BIRTH_MONTH')
    },
  )

  it('throws INVALID_RETIREMENT_CATEGORY for an unknown category', () => {
    expect(codeOf(() => statutoryRetirement('1970-01', 'female' as RetirementCategory))).toBe(
      'INVALID_RETIREMENT_CATEGORY',
    )
    expect(codeOf(() => statutoryRetirement('1970-01', 'toString' as RetirementCategory))).toBe(
      'INVALID_RETIREMENT_CATEGORY',
    )
  })
})
