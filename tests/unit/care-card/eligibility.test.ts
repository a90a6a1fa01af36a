import fc from 'fast-check'
import {
  assessCareCardEligibility,
  CARE_GROUPS,
  DEFAULT_CARE_POLICY,
  tierOf,
  type CareGroup,
  type CarePolicy,
} from '@/domain/care-card/eligibility'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const assess = (birthDate: string, date: string, groups: CareGroup[] = [], policy?: CarePolicy) =>
  assessCareCardEligibility({ birthDate, groups }, date, policy)
const credit = (birthDate: string, date: string, groups: CareGroup[] = []) =>
  assess(birthDate, date, groups).monthlyCreditFen

describe('default tiers (domain.md §1, Zhejiang policy from Nov 2022)', () => {
  it('80th birthday: not eligible the day before, 100 yuan a month from the day', () => {
    expect(assess('1946-03-01', '2026-02-28')).toMatchObject({ eligible: false, monthlyCreditFen: 0 })
    expect(assess('1946-03-01', '2026-03-01')).toEqual({
      eligible: true,
      monthlyCreditFen: 10000,
      reasons: ['年满 80 周岁，每月 100 元'],
    })
  })

  it.each<CareGroup>(['subsistence', 'marginal', 'destitute'])(
    '60th birthday in a hardship group (%s): 300 yuan from the day',
    (group) => {
      expect(credit('1966-03-01', '2026-02-28', [group])).toBe(0)
      expect(credit('1966-03-01', '2026-03-01', [group])).toBe(30000)
      expect(assess('1966-03-01', '2026-03-01', [group]).reasons[0]).toBe(
        '年满 60 周岁且为低保、低边或特困对象，每月 300 元',
      )
    },
  )

  it('60th birthday and disabled: 500 yuan from the day', () => {
    expect(credit('1966-03-01', '2026-02-28', ['disabled'])).toBe(0)
    expect(credit('1966-03-01', '2026-03-01', ['disabled'])).toBe(50000)
  })

  it('90th birthday: 100 yuan the day before, 500 yuan from the day', () => {
    expect(credit('1936-03-01', '2026-02-28')).toBe(10000)
    const r = assess('1936-03-01', '2026-03-01')
    expect(r).toMatchObject({ eligible: true, monthlyCreditFen: 50000 })
    expect(r.reasons[0]).toBe('年满 90 周岁，每月 500 元')
  })

  it('a group alone does not qualify before 60', () => {
    for (const g of CARE_GROUPS) expect(credit('1970-01-01', '2026-03-01', [g])).toBe(0)
  })

  it('the highest applicable tier wins, and the reasons say so', () => {
    expect(credit('1941-01-01', '2026-03-01', ['subsistence'])).toBe(30000) // 85 + 低保: 300 beats 100
    expect(credit('1941-01-01', '2026-03-01', ['disabled', 'marginal'])).toBe(50000)
    expect(credit('1931-01-01', '2026-03-01', ['destitute'])).toBe(50000) // 95 + 特困: 500 beats 300
    const r = assess('1941-01-01', '2026-03-01', ['subsistence'])
    expect(r.reasons).toEqual([
      '年满 60 周岁且为低保、低边或特困对象，每月 300 元',
      '同时符合：年满 80 周岁；按最高一档发放。',
    ])
  })

  it('says in plain words why not, and what would qualify', () => {
    const r = assess('1961-01-01', '2026-03-01')
    expect(r).toMatchObject({ eligible: false, monthlyCreditFen: 0 })
    expect(r.reasons[0]).toBe('您今年 65 岁，未满 80 周岁，也未登记低保、低边、特困或失能，暂不符合条件。')
    expect(r.reasons[1]).toContain('年满 80 周岁（每月 100 元）')
    expect(r.reasons[1]).toContain('年满 60 周岁且经评估为失能（每月 500 元）')
    expect(assess('1970-01-01', '2026-03-01', ['disabled']).reasons[0]).toBe(
      '您今年 56 岁，未满 60 周岁，暂不符合条件。',
    )
  })
})

describe('29 February birthdays (full years, ageOn)', () => {
  it('turn 80 on 1 March in a common year', () => {
    expect(credit('1944-02-29', '2024-02-28')).toBe(0) // 79 on the eve of a leap-day birthday
    expect(credit('1944-02-29', '2024-02-29')).toBe(10000)
    expect(credit('1948-02-29', '2028-02-28')).toBe(0)
    expect(credit('1948-02-29', '2028-02-29')).toBe(10000)
  })

  it('in a common year the birthday counts on 1 March, not 28 February', () => {
    expect(credit('1936-02-29', '2026-02-28')).toBe(10000) // still 89
    expect(credit('1936-02-29', '2026-03-01')).toBe(50000) // 90
  })
})

describe('a community can change the tiers (CarePolicy)', () => {
  const policy: CarePolicy = {
    tiers: [
      { id: 'age70', minAge: 70, monthlyCreditFen: 5000, label: '年满 70 周岁' },
      {
        id: 'hardship60',
        minAge: 60,
        anyOfGroups: ['subsistence'],
        monthlyCreditFen: 20050,
        label: '年满 60 周岁且为低保对象',
      },
    ],
  }

  it('uses the custom tiers and amounts', () => {
    expect(assess('1956-03-01', '2026-03-01', [], policy)).toMatchObject({
      eligible: true,
      monthlyCreditFen: 5000,
      reasons: ['年满 70 周岁，每月 50 元'],
    })
    expect(assess('1966-03-01', '2026-03-01', ['subsistence'], policy).reasons[0]).toBe(
      '年满 60 周岁且为低保对象，每月 200.50 元',
    )
    expect(assess('1966-03-01', '2026-03-01', ['disabled'], policy).reasons[0]).toBe(
      '您今年 60 岁，未满 70 周岁，也未登记低保，暂不符合条件。',
    )
  })

  it('on equal credit, the earlier tier in the list is named', () => {
    const tie: CarePolicy = {
      tiers: [
        { id: 'a', minAge: 60, monthlyCreditFen: 100, label: 'A' },
        { id: 'b', minAge: 60, monthlyCreditFen: 100, label: 'B' },
      ],
    }
    expect(tierOf({ birthDate: '1950-01-01', groups: [] }, '2026-01-01', tie)?.id).toBe('a')
  })

  it('refuses a tier with a non-integer or zero credit', () => {
    const broken: CarePolicy = { tiers: [{ id: 'x', minAge: 60, monthlyCreditFen: 100.5, label: 'X' }] }
    expect(codeOf(() => assess('1950-01-01', '2026-01-01', [], broken))).toBe('INVALID_AMOUNT')
  })

  it('the default policy cannot be changed by accident', () => {
    expect(Object.isFrozen(DEFAULT_CARE_POLICY)).toBe(true)
    expect(Object.isFrozen(DEFAULT_CARE_POLICY.tiers[0])).toBe(true)
  })
})

describe('tierOf', () => {
  it('names the winning tier, or null', () => {
    expect(tierOf({ birthDate: '1936-03-01', groups: [] }, '2026-03-01')?.label).toBe('年满 90 周岁')
    expect(tierOf({ birthDate: '1966-03-01', groups: [] }, '2026-03-01')).toBeNull()
  })
})

describe('malformed input throws DomainError', () => {
  it.each([
    ['1946-3-1', '2026-03-01'],
    ['1946-02-30', '2026-03-01'],
    ['', '2026-03-01'],
    ['1946-03-01', '2026/03/01'],
    ['1946-03-01', '2026-03-01T10:00:00+08:00'],
    ['1946-03-01', '2025-02-29'],
  ])('birth %p, date %p → INVALID_DATE', (birthDate, date) => {
    expect(() => assess(birthDate, date)).toThrow(DomainError)
    expect(codeOf(() => assess(birthDate, date))).toBe('INVALID_DATE')
  })

  it('refuses a birth date after the assessment date; born that day is age 0', () => {
    expect(codeOf(() => assess('2026-03-02', '2026-03-01'))).toBe('INVALID_BIRTH_DATE')
    expect(assess('2026-03-01', '2026-03-01').eligible).toBe(false)
  })

  it('refuses an unknown group', () => {
    expect(codeOf(() => assess('1940-01-01', '2026-03-01', ['rich' as CareGroup]))).toBe('INVALID_CARE_GROUP')
  })
})

describe('properties', () => {
  const day = fc
    .integer({ min: 0, max: 365 * 110 })
    .map((n) => new Date(Date.UTC(1920, 0, 1) + n * 86400000).toISOString().slice(0, 10))
  const groups = fc.subarray([...CARE_GROUPS])

  it('credit is one of the tiers, eligible iff credit > 0, and never falls with age or more groups', () => {
    fc.assert(
      fc.property(day, day, groups, groups, (a, b, g1, g2) => {
        const [birth, date] = a <= b ? [a, b] : [b, a]
        const r = assess(birth, date, g1)
        expect([0, 10000, 30000, 50000]).toContain(r.monthlyCreditFen)
        expect(r.eligible).toBe(r.monthlyCreditFen > 0)
        expect(r.reasons.length).toBeGreaterThan(0)
        expect(credit(birth, date, [...new Set([...g1, ...g2])])).toBeGreaterThanOrEqual(r.monthlyCreditFen)
        expect(credit(birth, '2030-01-01', g1)).toBeGreaterThanOrEqual(r.monthlyCreditFen)
      }),
    )
  })
})
