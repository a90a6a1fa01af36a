/**
 * Business time is Beijing time (Asia/Shanghai, UTC+8, no daylight saving since 1991), whatever the
 * device's time zone. Dates are ISO strings (`YYYY-MM-DD`, or instants `YYYY-MM-DDTHH:mm:ss+08:00`),
 * always parsed with an explicit format: never `new Date('YYYY-MM-DD HH:mm')`, which iOS rejects.
 * A fixed +08:00 offset is used instead of the Intl time-zone database, which some WeChat engines lack.
 */
import dayjs, { type Dayjs } from 'dayjs'
import customParseFormat from 'dayjs/plugin/customParseFormat'
import utc from 'dayjs/plugin/utc'
import { DomainError } from './errors'

dayjs.extend(utc)
dayjs.extend(customParseFormat)

/** Beijing's offset from UTC in minutes. */
const BEIJING_OFFSET_MINUTES = 8 * 60
/** Calendar date format. */
export const DATE_FORMAT = 'YYYY-MM-DD'

/** The string forms an instant may take: a calendar date, or ISO 8601 with `Z` or `±HH:mm`. */
const ISO_INSTANT =
  /^\d{4}-\d{2}-\d{2}(T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d))?$/

/**
 * An instant (epoch ms, Date, or an ISO string: `YYYY-MM-DD` or `YYYY-MM-DDTHH:mm[:ss[.sss]]` with `Z`
 * or `±HH:mm`) seen in Beijing time. Other strings (`2026-03-01 10:00`, `2026/3/1`, no offset) are
 * refused rather than left to the engine's loose parsing.
 * @throws DomainError `INVALID_DATE`
 */
export function inBeijing(instant: number | Date | string): Dayjs {
  const d =
    typeof instant === 'string'
      ? ISO_INSTANT.test(instant) && isDate(instant.slice(0, 10))
        ? dayjs.utc(instant)
        : dayjs.utc('invalid')
      : dayjs(instant)
  if (!d.isValid()) throw new DomainError('INVALID_DATE', `时间格式不正确：${String(instant)}`)
  return d.utcOffset(BEIJING_OFFSET_MINUTES)
}

/** The Beijing calendar date (`YYYY-MM-DD`) of an instant. */
export function beijingDate(instant: number | Date | string): string {
  return inBeijing(instant).format(DATE_FORMAT)
}

/** An instant as an ISO string with the +08:00 offset, e.g. `2026-03-01T09:30:00+08:00`. */
export function beijingIso(instant: number | Date | string): string {
  return inBeijing(instant).format('YYYY-MM-DDTHH:mm:ssZ')
}

/**
 * Parses a calendar date `YYYY-MM-DD` strictly (no 2023-02-30, no other shapes) as midnight in Beijing.
 * Throws `DomainError('INVALID_DATE')` otherwise.
 */
export function parseDate(date: string): Dayjs {
  const d = typeof date === 'string' ? dayjs.utc(date, DATE_FORMAT, true) : dayjs.utc('invalid')
  if (!d.isValid())
    throw new DomainError('INVALID_DATE', `日期格式不正确：${String(date)}（应为 年-月-日，如 2026-03-01）`)
  // Midnight Beijing of that calendar day.
  return d.subtract(BEIJING_OFFSET_MINUTES, 'minute').utcOffset(BEIJING_OFFSET_MINUTES)
}

/** Whether `date` is a real calendar date in `YYYY-MM-DD` form. */
export function isDate(date: string): boolean {
  return typeof date === 'string' && dayjs.utc(date, DATE_FORMAT, true).isValid()
}

/** Adds whole days to a calendar date (`YYYY-MM-DD` → `YYYY-MM-DD`). */
export function addDays(date: string, days: number): string {
  return parseDate(date).add(days, 'day').format(DATE_FORMAT)
}

const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

/** A calendar date for people: `2026年3月1日（周日）`. */
export function formatDateCn(date: string): string {
  const d = parseDate(date)
  return `${d.year()}年${d.month() + 1}月${d.date()}日（${WEEKDAYS[d.day()]}）`
}

/**
 * An instant for people, in Beijing time: `2026年3月5日（周四）14:30` (24-hour). Accepts what
 * `inBeijing` accepts. @throws DomainError `INVALID_DATE`
 */
export function formatDateTimeCn(instant: number | Date | string): string {
  const iso = beijingIso(instant)
  return `${formatDateCn(iso.slice(0, 10))} ${iso.slice(11, 16)}`
}

/** A month for people: `2026-03` → `2026年3月`. @throws DomainError `INVALID_DATE` */
export function formatMonthCn(month: string): string {
  const d = parseDate(`${month}-01`)
  return `${d.year()}年${d.month() + 1}月`
}
