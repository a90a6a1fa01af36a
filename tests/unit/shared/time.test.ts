import { addDays, beijingDate, beijingIso, formatDateCn, isDate, parseDate } from '@/domain/shared/time'
import { DomainError } from '@/domain/shared/errors'

describe('Beijing business time', () => {
  it('gives the Beijing date of an instant whatever the machine time zone', () => {
    // 2026-02-28 16:30 UTC is already 1 March 00:30 in Beijing.
    expect(beijingDate(Date.UTC(2026, 1, 28, 16, 30))).toBe('2026-03-01')
    expect(beijingDate(Date.UTC(2026, 1, 28, 15, 59))).toBe('2026-02-28')
    expect(beijingDate('2026-02-28T16:30:00Z')).toBe('2026-03-01')
  })

  it('formats instants with the +08:00 offset', () => {
    expect(beijingIso(Date.UTC(2026, 0, 1, 0, 0, 0))).toBe('2026-01-01T08:00:00+08:00')
  })

  it('parses calendar dates strictly as Beijing midnight', () => {
    expect(parseDate('2024-02-29').toISOString()).toBe('2024-02-28T16:00:00.000Z')
    expect(isDate('2023-02-29')).toBe(false)
    expect(isDate('2026-3-1')).toBe(false)
    expect(isDate('2026-03-01 10:00')).toBe(false)
    expect(() => parseDate('2026/03/01')).toThrow(DomainError)
  })

  it('adds days across month ends and leap days', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29')
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01')
    expect(addDays('2026-12-31', 1)).toBe('2027-01-01')
  })

  it('writes dates the way people read them', () => {
    expect(formatDateCn('2026-03-01')).toBe('2026年3月1日（周日）')
  })

  it('runs under the time zone this test process was given', () => {
    // The test script runs this suite under TZ=UTC and TZ=Asia/Shanghai; results above must not change.
    expect(['UTC', 'Asia/Shanghai', undefined]).toContain(process.env.TZ)
  })
})
