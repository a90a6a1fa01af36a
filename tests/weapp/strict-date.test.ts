/**
 * The compiled app runs in the harness with a strict `Date` (tests/doubles/strict-date.ts): only full
 * ISO 8601 strings parse, as on iOS, so every WeChat journey would fail on loose date parsing.
 */
import { MiniProgram } from './harness'

describe('WeChat harness: strict Date inside the app', () => {
  it('rejects `YYYY-MM-DD HH:mm` and other loose strings, keeps ISO and numbers', async () => {
    const mp = await MiniProgram.launch()
    expect(mp.evaluate("Date.parse('2026-03-01 10:00')")).toBeNaN()
    expect(mp.evaluate("isNaN(new Date('2026/3/1').getTime())")).toBe(true)
    expect(mp.evaluate("new Date('2026-03-01T10:00:00+08:00').getTime()")).toBe(Date.UTC(2026, 2, 1, 2))
    expect(mp.evaluate('new Date(0).toISOString()')).toBe('1970-01-01T00:00:00.000Z')
    expect(mp.evaluate('Object.prototype.toString.call(new Date(0)) + (new Date(0) instanceof Date)')).toBe(
      '[object Date]true',
    )
    expect(mp.errors).toEqual([])
  })
})
