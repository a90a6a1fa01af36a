/**
 * Working days (工作日) on the mainland China public-holiday calendar, as published each year by the
 * State Council General Office (国务院办公厅 节假日安排通知), via the maintained `chinese-days` library
 * (holiday data 2004–2026 in v1.5.7). Used for promises such as "5 个工作日".
 *
 * Bundle: `chinese-days` ships one bundle (no per-module entry); named imports are not tree-shaken,
 * about 24 KB minified. Keep this module out of the main package (import it from the one-thing
 * subpackage only).
 *
 * Time zones: the library parses `YYYY-MM-DD` as UTC but reads the device's local calendar, so on
 * devices west of UTC its own `isWorkday` reports the weekday of the previous day. We only ask it
 * whether a date is in its holiday / make-up-day table (that lookup is consistently shifted, hence
 * correct) and compute the weekday ourselves, so results do not depend on the device's time zone.
 */
import { getDayDetail } from 'chinese-days'
import { DomainError } from './errors'
import { DATE_FORMAT, isDate, parseDate } from './time'

const coveredYears = new Map<number, boolean>()

function assertDate(date: string): void {
  if (!isDate(date)) throw new DomainError('INVALID_DATE', `日期格式不正确：${String(date)}（应为 年-月-日，如 2026-03-01）`)
}

/** Whether the library's table lists this date as a holiday or make-up working day (its names contain a comma). */
function tableEntry(date: string): { work: boolean } | null {
  const detail = getDayDetail(date)
  return detail.name.includes(',') ? { work: detail.work } : null
}

/**
 * Whether the holiday calendar of `date`'s year is known to the library (New Year's Day, always a
 * public holiday, is listed). Outside these years `isWorkingDay` falls back to Monday–Friday, which
 * misses that year's holidays: show such results as estimates.
 * @throws DomainError `INVALID_DATE` for a malformed date
 */
export function isCalendarCovered(date: string): boolean {
  assertDate(date)
  const year = Number(date.slice(0, 4))
  let covered = coveredYears.get(year)
  if (covered === undefined) {
    const jan1 = tableEntry(`${year}-01-01`)
    covered = jan1 !== null && !jan1.work
    coveredYears.set(year, covered)
  }
  return covered
}

/**
 * Whether `date` (`YYYY-MM-DD`, Beijing) is a working day: a make-up working day (调休上班), or
 * Monday–Friday that is not a public holiday or in-lieu rest day.
 * @throws DomainError `INVALID_DATE` for a malformed date
 */
export function isWorkingDay(date: string): boolean {
  assertDate(date)
  const entry = tableEntry(date)
  if (entry) return entry.work
  const weekday = parseDate(date).day()
  return weekday >= 1 && weekday <= 5
}

function assertCount(n: number, what: string): void {
  if (!Number.isInteger(n) || n < 0 || n > 3660) throw new DomainError('INVALID_ARGUMENT', `${what}不正确：${n}（应为 0 到 3660 的整数）`)
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
