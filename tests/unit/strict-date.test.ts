/**
 * The tests run with a strict `Date` (tests/doubles/strict-date.ts, installed by tests/doubles/setup.ts):
 * only full ISO 8601 strings parse, as on the strictest WeChat engine (iOS), so code that leans on an
 * engine's loose parsing fails here instead of on a phone.
 */
import { isStrictIso, makeStrictDate } from '../doubles/strict-date'
import { beijingDate, beijingIso, inBeijing } from '@/domain/shared/time'
import { DomainError } from '@/domain/shared/errors'

const invalid = (d: Date) => Number.isNaN(d.getTime())

describe('the strict Date the tests run with', () => {
  it('is installed: `new Date("2026-03-01 10:00")` is an Invalid Date, as on iOS', () => {
    expect(invalid(new Date('2026-03-01 10:00'))).toBe(true)
    expect(Date.parse('2026-03-01 10:00')).toBeNaN()
  })

  it('refuses every string that is not full ISO 8601 with a real date', () => {
    for (const text of [
      '2026/3/1',
      '2026/03/01 10:00',
      '2026-3-1',
      'March 1, 2026',
      '2026-03-01T10:00',
      '2026-03-01T10:00:00',
      '2026-03-01T10:00+0800',
      '2026-02-30',
      '2026-02-29T10:00:00Z',
      '2026-03-01T24:00:00Z',
      '20260301',
      '',
      ' 2026-03-01',
    ]) {
      expect([text, Date.parse(text)]).toEqual([text, NaN])
      expect([text, invalid(new Date(text))]).toEqual([text, true])
    }
  })

  it('parses full ISO dates and instants to the right epoch milliseconds', () => {
    expect(Date.parse('2026-03-01')).toBe(Date.UTC(2026, 2, 1))
    expect(new Date('2026-03-01T10:00+08:00').getTime()).toBe(Date.UTC(2026, 2, 1, 2))
    expect(new Date('2026-03-01T10:00:30Z').getTime()).toBe(Date.UTC(2026, 2, 1, 10, 0, 30))
    expect(Date.parse('2026-03-01T10:00:30.250-05:00')).toBe(Date.UTC(2026, 2, 1, 15, 0, 30, 250))
    expect(Date.parse('2024-02-29T00:00:00Z')).toBe(Date.UTC(2024, 1, 29))
  })

  it('keeps the numeric, parts, copy and no-argument forms, and `Date()` as a function', () => {
    const ms = Date.UTC(2026, 2, 1, 2)
    expect(new Date(ms).toISOString()).toBe('2026-03-01T02:00:00.000Z')
    expect(new Date(new Date(ms)).getTime()).toBe(ms)
    expect(new Date(2026, 2, 1).getDate()).toBe(1)
    expect(Math.abs(new Date().getTime() - Date.now())).toBeLessThan(1000)
    expect(typeof (Date as unknown as () => string)()).toBe('string')
    expect(new Date(ms)).toBeInstanceOf(Date)
    expect(Object.prototype.toString.call(new Date(ms))).toBe('[object Date]')
  })

  it("can be built on another realm's Date (the WeChat harness gives its vm context one)", () => {
    const Strict = makeStrictDate(Date)
    expect(Strict.parse('2026-03-01 10:00')).toBeNaN()
    expect(new Strict('2026-03-01T10:00:00+08:00').getTime()).toBe(Date.UTC(2026, 2, 1, 2))
    expect(isStrictIso('2026-03-01T10:00:00+08:00')).toBe(true)
    expect(isStrictIso('2026-03-01 10:00')).toBe(false)
  })

  it('business time refuses loose strings too, whatever the engine would make of them', () => {
    expect(() => inBeijing('2026-03-01 10:00')).toThrow(DomainError)
    expect(() => beijingDate('2026/3/1')).toThrow(DomainError)
    expect(() => beijingIso('2026-03-01T10:00:00')).toThrow(DomainError)
    expect(beijingDate('2026-02-28T16:30:00Z')).toBe('2026-03-01')
    expect(beijingIso('2026-03-01')).toBe('2026-03-01T08:00:00+08:00')
  })
})
