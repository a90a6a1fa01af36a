import { clampDate, daysInMonth, stepDate } from '@/ui/dateSteps'

const ANY = ['1900-01-01', '2099-12-31'] as const

describe('stepDate: the elder-mode date steppers', () => {
  it('moves by a day across month and year ends', () => {
    expect(stepDate('2026-02-28', 'day', 1, ...ANY)).toBe('2026-03-01')
    expect(stepDate('2024-02-28', 'day', 1, ...ANY)).toBe('2024-02-29')
    expect(stepDate('2026-01-01', 'day', -1, ...ANY)).toBe('2025-12-31')
  })

  it('moves by months and years, keeping the day where the month has it, else its last day', () => {
    expect(stepDate('2026-01-31', 'month', 1, ...ANY)).toBe('2026-02-28')
    expect(stepDate('2026-12-15', 'month', 1, ...ANY)).toBe('2027-01-15')
    expect(stepDate('2026-01-15', 'month', -1, ...ANY)).toBe('2025-12-15')
    expect(stepDate('2024-02-29', 'year', 1, ...ANY)).toBe('2025-02-28')
    expect(stepDate('1966-01-01', 'year', -10, ...ANY)).toBe('1956-01-01')
  })

  it('never leaves min…max: a step past an end stops at it', () => {
    expect(stepDate('2026-03-02', 'day', 1, '1900-01-01', '2026-03-02')).toBe('2026-03-02')
    expect(stepDate('2026-02-20', 'month', 1, '1900-01-01', '2026-03-02')).toBe('2026-03-02')
    expect(stepDate('2012-05-01', 'year', -10, '2011-03-03', '2024-03-02')).toBe('2011-03-03')
  })

  it("works whatever the phone's time zone (no local midnight involved)", () => {
    expect(stepDate('2026-03-29', 'day', 1, ...ANY)).toBe('2026-03-30')
    expect(daysInMonth(2026, 2)).toBe(28)
    expect(daysInMonth(2000, 2)).toBe(29)
    expect(clampDate('2030-01-01', '2000-01-01', '2026-03-02')).toBe('2026-03-02')
  })
})
