/**
 * Working days (工作日) on the mainland China public-holiday calendar, as published each year by the
 * State Council General Office (国务院办公厅 节假日安排通知). The calendar is the maintained
 * `chinese-days` library's (holiday data 2004–2026 in v1.5.7), shipped as the table it generates
 * (`holidayTable.ts`, ~5 KB) rather than the library itself (~24 KB minified in every package that
 * imports it, mostly lunar calendar and solar terms). Used for promises such as "5 个工作日".
 *
 * For the ten years after the last published arrangement the table holds provisional rows: the statutory
 * holidays of 全国年节及纪念日放假办法 (2024 revision) only, so a year without its notice yet is still
 * served (Monday–Friday minus those days) rather than refused; its in-lieu days are unknown until the
 * notice, usually published in November of the year before.
 *
 * Time zones: the weekday is computed from the date itself, so results do not depend on the device's
 * time zone (the library's own `isWorkday` shifts by a day west of UTC).
 */
import { DomainError } from './errors'
import { HOLIDAY_TABLE } from './holidayTable'
import { DATE_FORMAT, isDate, parseDate } from './time'

const yearSets = new Map<number, { rest: Set<string>; work: Set<string> } | null>()

/** The year's rest and make-up working days as sets of `MMDD`, or null when the table lacks the year. */
function yearOf(year: number): { rest: Set<string>; work: Set<string> } | null {
  if (!yearSets.has(year)) {
    const row = HOLIDAY_TABLE[year]
    yearSets.set(
      year,
      row ? { rest: new Set(row.rest.split(',')), work: new Set(row.work.split(',').filter(Boolean)) } : null,
    )
  }
  return yearSets.get(year) ?? null
}

function assertDate(date: string): void {
  if (!isDate(date))
    throw new DomainError('INVALID_DATE', `日期格式不正确：${String(date)}（应为 年-月-日，如 2026-03-01）`)
}

/** Whether the table lists this date as a rest day or a make-up working day (null: an ordinary day). */
function tableEntry(date: string): { work: boolean } | null {
  const sets = yearOf(Number(date.slice(0, 4)))
  const mmdd = date.slice(5, 7) + date.slice(8, 10)
  if (!sets) return null
  if (sets.work.has(mmdd)) return { work: true }
  return sets.rest.has(mmdd) ? { work: false } : null
}

/**
 * How well the holiday calendar of `date`'s year is known:
 * - `published`: the State Council's arrangement, in-lieu rest days and make-up working days included;
 * - `provisional`: the statutory holidays only (the arrangement is not yet published; 调休 unknown);
 * - `none`: not in the table at all; `isWorkingDay` falls back to Monday–Friday.
 * @throws DomainError `INVALID_DATE` for a malformed date
 */
export function calendarStatus(date: string): 'published' | 'provisional' | 'none' {
  assertDate(date)
  const row = HOLIDAY_TABLE[Number(date.slice(0, 4))]
  if (!row) return 'none'
  return row.provisional ? 'provisional' : 'published'
}

/**
 * Whether `date` (`YYYY-MM-DD`, Beijing) is a working day: a make-up working day (调休上班), or
 * Monday–Friday that is not a public holiday or in-lieu rest day. In a provisional year (see
 * {@link calendarStatus}) only the statutory holidays are known, so the answer is Monday–Friday minus them.
 * @throws DomainError `INVALID_DATE` for a malformed date
 */
export function isWorkingDay(date: string): boolean {
  assertDate(date)
  const entry = tableEntry(date)
  if (entry) return entry.work
  const weekday = parseDate(date).day()
  return weekday >= 1 && weekday <= 5
}

/**
 * Whether `date` (`YYYY-MM-DD`, Beijing) is a day off of a public holiday (法定节假日及调休放假): a rest day
 * of the State Council's arrangement, weekends inside a holiday stretch included (e.g. every day of the
 * Spring Festival week). Ordinary weekends are not; in a provisional year only the statutory days are known.
 * Weekly classes do not meet on these days.
 * @throws DomainError `INVALID_DATE` for a malformed date
 */
export function isPublicHoliday(date: string): boolean {
  assertDate(date)
  return tableEntry(date)?.work === false
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 3660)
    throw new DomainError('INVALID_ARGUMENT', `${what}不正确：${n}（应为 0 到 3660 的整数）`)
}

/**
 * The first `count` working days on or after `from` (inclusive: `from` itself when it is one), e.g.
 * the days offered for a window appointment.
 * @param from `YYYY-MM-DD`; @param count integer 0–3660
 * @returns `YYYY-MM-DD` dates in ascending order
 * @throws DomainError `INVALID_DATE`, `INVALID_ARGUMENT`
 */
export function nextWorkingDays(from: string, count: number): string[] {
  assertDate(from)
  assertCount(count, '天数')
  const out: string[] = []
  let day = parseDate(from)
  while (out.length < count) {
    const iso = day.format(DATE_FORMAT)
    if (isWorkingDay(iso)) out.push(iso)
    day = day.add(1, 'day')
  }
  return out
}

/**
 * The date `n` working days after `date`, not counting `date` itself: a promise of "5 个工作日" for an
 * application made on `date` ends on `addWorkingDays(date, 5)`. `n = 0` returns `date` unchanged.
 * @param date `YYYY-MM-DD`; @param n integer 0–3660
 * @throws DomainError `INVALID_DATE`, `INVALID_ARGUMENT`
 */
export function addWorkingDays(date: string, n: number): string {
  assertDate(date)
  assertCount(n, '工作日天数')
  let day = parseDate(date)
  let left = n
  while (left > 0) {
    day = day.add(1, 'day')
    if (isWorkingDay(day.format(DATE_FORMAT))) left--
  }
  return day.format(DATE_FORMAT)
}
