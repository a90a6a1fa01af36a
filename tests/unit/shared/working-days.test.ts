import { execFileSync } from 'child_process'
import { mkdtempSync, rmSync } from 'fs'
import { tmpdir } from 'os'
import { join } from 'path'
import cd from 'chinese-days'
import fc from 'fast-check'
import { version as chineseDaysVersion } from 'chinese-days/package.json'
import { DomainError } from '@/domain/shared/errors'
import { HOLIDAY_TABLE, HOLIDAY_TABLE_SOURCE } from '@/domain/shared/holidayTable'
import { addDays } from '@/domain/shared/time'
import {
  addWorkingDays,
  calendarStatus,
  isPublicHoliday,
  isWorkingDay,
  nextWorkingDays,
} from '@/domain/shared/workingDays'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}

describe('isWorkingDay (State Council holiday calendar via chinese-days)', () => {
  it('2025 National Day and Mid-Autumn: 10-01..10-08 off, Sunday 09-28 and Saturday 10-11 are make-up working days', () => {
    for (let d = 1; d <= 8; d++) expect(isWorkingDay(`2025-10-0${d}`)).toBe(false)
    expect(isWorkingDay('2025-09-28')).toBe(true) // Sunday
    expect(isWorkingDay('2025-10-11')).toBe(true) // Saturday
    expect(isWorkingDay('2025-09-27')).toBe(false) // ordinary Saturday
    expect(isWorkingDay('2025-10-09')).toBe(true)
    expect(isWorkingDay('2025-10-12')).toBe(false) // ordinary Sunday
  })

  it('2026 Spring Festival: 02-15..02-23 off, Saturdays 02-14 and 02-28 worked', () => {
    expect(isWorkingDay('2026-02-14')).toBe(true)
    expect(isWorkingDay('2026-02-16')).toBe(false)
    expect(isWorkingDay('2026-02-23')).toBe(false) // Monday, in lieu
    expect(isWorkingDay('2026-02-24')).toBe(true)
    expect(isWorkingDay('2026-02-28')).toBe(true)
  })

  it('plain weeks: Monday–Friday work, weekends rest', () => {
    expect(isWorkingDay('2025-11-14')).toBe(true) // Friday
    expect(isWorkingDay('2025-11-15')).toBe(false)
    expect(isWorkingDay('2025-11-16')).toBe(false)
  })

  it('throws INVALID_DATE for malformed dates', () => {
    expect(codeOf(() => isWorkingDay('2025-10-1'))).toBe('INVALID_DATE')
    expect(codeOf(() => isWorkingDay('2025-02-29'))).toBe('INVALID_DATE')
  })
})

describe('isPublicHoliday', () => {
  it('every day of the 2026 Spring Festival stretch, weekends inside it too; not ordinary weekends or make-up days', () => {
    for (let d = 15; d <= 23; d++) expect(isPublicHoliday(`2026-02-${d}`)).toBe(true)
    expect(isPublicHoliday('2026-02-14')).toBe(false) // Saturday, a make-up working day
    expect(isPublicHoliday('2026-02-28')).toBe(false) // Saturday, a make-up working day
    expect(isPublicHoliday('2026-03-07')).toBe(false) // ordinary Saturday
    expect(isPublicHoliday('2026-03-09')).toBe(false) // ordinary Monday
    expect(isPublicHoliday('2027-02-06')).toBe(true) // provisional year: the statutory days are known
    expect(codeOf(() => isPublicHoliday('2026-2-1'))).toBe('INVALID_DATE')
  })
})

describe('addWorkingDays', () => {
  it('counts working days after the start day, skipping the holiday and counting the make-up day', () => {
    // Applied on Friday 2025-09-26: 09-28 (Sun, make-up), 09-29, 09-30, then 10-09, 10-10.
    expect(addWorkingDays('2025-09-26', 5)).toBe('2025-10-10')
    // Applied on 2025-09-30: 10-09, 10-10, 10-11 (Sat, make-up), 10-13, 10-14.
    expect(addWorkingDays('2025-09-30', 5)).toBe('2025-10-14')
    expect(addWorkingDays('2025-10-03', 1)).toBe('2025-10-09')
  })

  it('property: the result is a working day with exactly n working days after the start up to it', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2500 }), fc.integer({ min: 1, max: 15 }), (offset, n) => {
        const start = addDays('2019-01-01', offset)
        const due = addWorkingDays(start, n)
        expect(isWorkingDay(due)).toBe(true)
        expect(nextWorkingDays(addDays(start, 1), n)[n - 1]).toBe(due)
      }),
      { numRuns: 200 },
    )
  })

  it('returns the date itself for 0 and rejects negative or fractional counts', () => {
    expect(addWorkingDays('2025-10-03', 0)).toBe('2025-10-03')
    expect(codeOf(() => addWorkingDays('2025-10-03', -1))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => addWorkingDays('2025-10-03', 1.5))).toBe('INVALID_ARGUMENT')
    expect(codeOf(() => addWorkingDays('2025/10/03', 1))).toBe('INVALID_DATE')
  })
})

describe('nextWorkingDays', () => {
  it('lists working days from the start day inclusive', () => {
    expect(nextWorkingDays('2025-09-26', 4)).toEqual(['2025-09-26', '2025-09-28', '2025-09-29', '2025-09-30'])
    expect(nextWorkingDays('2025-10-01', 3)).toEqual(['2025-10-09', '2025-10-10', '2025-10-11'])
    expect(nextWorkingDays('2025-10-01', 0)).toEqual([])
  })
})

describe('calendar coverage', () => {
  it('knows the published calendars of 2004–2026, provisional statutory holidays for 2027–2036, nothing after', () => {
    expect(calendarStatus('2004-06-01')).toBe('published')
    expect(calendarStatus('2026-12-31')).toBe('published')
    expect(calendarStatus('2003-06-01')).toBe('none')
    expect(calendarStatus('2027-01-01')).toBe('provisional')
    expect(calendarStatus('2036-12-31')).toBe('provisional')
    expect(calendarStatus('2037-01-01')).toBe('none')
    expect(isWorkingDay('2037-01-01')).toBe(true) // a Thursday beyond the table: Monday–Friday fallback
  })

  it('gives the same answers on a device west of UTC (the library alone would shift weekdays)', () => {
    // Jest cannot change the running time zone: bundle the module with esbuild (a Taro dependency) and run it
    // in Los Angeles.
    const root = join(__dirname, '../../..')
    const dir = mkdtempSync(join(tmpdir(), 'working-days-'))
    const out = join(dir, 'wd.js')
    const esbuild = join(root, 'node_modules/.bin/esbuild')
    execFileSync(esbuild, [
      join(root, 'src/domain/shared/workingDays.ts'),
      '--bundle',
      '--platform=node',
      '--format=cjs',
      `--outfile=${out}`,
      '--log-level=error',
    ])
    const script = `const wd = require(${JSON.stringify(out)});
      const cd = require('chinese-days');
      console.log(JSON.stringify({ offset: new Date(2025, 9, 13).getTimezoneOffset(), lib: cd.isWorkday('2025-10-13'),
        days: ['2025-10-08', '2025-10-11', '2025-10-12', '2025-10-13'].map(wd.isWorkingDay), due: wd.addWorkingDays('2025-09-26', 5) }))`
    const env = { ...process.env, TZ: 'America/Los_Angeles', NODE_PATH: join(root, 'node_modules') }
    const result = JSON.parse(execFileSync(process.execPath, ['-e', script], { env, encoding: 'utf8' }))
    rmSync(dir, { recursive: true, force: true })
    expect(result.offset).toBeGreaterThan(0)
    expect(result.lib).toBe(false) // the library's own answer for Monday 2025-10-13 there: wrong
    expect(result.days).toEqual([false, true, false, true])
    expect(result.due).toBe('2025-10-10')
  })
})

describe('holiday table generated from chinese-days (scripts/gen-holiday-table.mjs)', () => {
  /** The library's answer the way the app used it before shipping the table: its table entry, else Mon–Fri. */
  const libraryWorkingDay = (iso: string) => {
    const detail = cd.getDayDetail(iso)
    if (detail.name.includes(',')) return detail.work
    const weekday = new Date(`${iso}T00:00:00Z`).getUTCDay()
    return weekday >= 1 && weekday <= 5
  }

  it('agrees with the library on every day from 2003 to 2026 (the published years)', () => {
    const disagreements: string[] = []
    let checked = 0
    for (let d = new Date(Date.UTC(2003, 0, 1)); d.getUTCFullYear() <= 2026; d.setUTCDate(d.getUTCDate() + 1)) {
      const iso = d.toISOString().slice(0, 10)
      checked++
      if (isWorkingDay(iso) !== libraryWorkingDay(iso)) disagreements.push(iso)
    }
    expect(checked).toBe(8766)
    expect(disagreements).toEqual([])
  })

  it('names the library version it was generated from (re-run the script after an upgrade)', () => {
    expect(HOLIDAY_TABLE_SOURCE).toBe(`chinese-days ${chineseDaysVersion}`)
  })

  it('marks as published exactly the years whose New Year the library lists', () => {
    for (let year = 2000; year <= 2030; year++) {
      const listed = cd.getDayDetail(`${year}-01-01`).name.includes(',')
      expect([year, calendarStatus(`${year}-06-01`) === 'published']).toEqual([year, listed])
    }
  })
})

describe('provisional years: the statutory holidays of 全国年节及纪念日放假办法 (2024 revision)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { statutoryHolidays } = require('../../../scripts/statutory-holidays.cjs') as {
    statutoryHolidays(year: number): { date: string; name: string }[]
  }
  const restOf = (year: number) =>
    HOLIDAY_TABLE[year].rest.split(',').map((mmdd) => `${year}-${mmdd.slice(0, 2)}-${mmdd.slice(2)}`)

  it('2027: 元旦 and 春节 (除夕 2027-02-05 to 02-08) are closed, the first Monday of the year is open', () => {
    expect(isWorkingDay('2027-01-01')).toBe(false) // Friday, 元旦
    expect(isWorkingDay('2027-01-04')).toBe(true) // Monday
    expect(['2027-02-05', '2027-02-06', '2027-02-07', '2027-02-08'].map(isWorkingDay)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(isWorkingDay('2027-02-09')).toBe(true) // Tuesday after 初三: open until the notice says otherwise
    expect(isWorkingDay('2027-02-04')).toBe(true) // Thursday before 除夕
    expect(['2027-04-05', '2027-06-09', '2027-09-15', '2027-10-01'].map(isWorkingDay)).toEqual([
      false,
      false,
      false,
      false,
    ])
    expect(isWorkingDay('2027-01-02')).toBe(false) // a Saturday: no make-up working days are known
  })

  it('the law-derived days of 2025 and 2026 are all rest days in the published arrangements (the derivation is right)', () => {
    for (const year of [2025, 2026]) {
      const published = new Set(restOf(year))
      const missing = statutoryHolidays(year).filter((d) => !published.has(d.date))
      expect([year, missing]).toEqual([year, []])
      expect(statutoryHolidays(year)).toHaveLength(13)
    }
  })

  it('each provisional row is the statutory days of its year and nothing else, for ten years', () => {
    const years = Object.entries(HOLIDAY_TABLE)
      .filter(([, row]) => row.provisional)
      .map(([y]) => Number(y))
    expect(years).toEqual([2027, 2028, 2029, 2030, 2031, 2032, 2033, 2034, 2035, 2036])
    for (const year of years) {
      expect(HOLIDAY_TABLE[year].work).toBe('')
      expect([year, restOf(year)]).toEqual([year, [...new Set(statutoryHolidays(year).map((d) => d.date))]])
    }
  })

  it('the published table still wins for the years it covers (2026 keeps its in-lieu days)', () => {
    expect(calendarStatus('2026-02-23')).toBe('published')
    expect(isWorkingDay('2026-02-23')).toBe(false) // Monday in lieu, not a statutory day
    expect(isWorkingDay('2026-02-14')).toBe(true) // Saturday make-up working day
  })
})
