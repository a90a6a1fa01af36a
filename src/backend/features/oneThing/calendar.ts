/**
 * When window appointments can be made (PRODUCT): from tomorrow up to {@link BOOKING_DAYS_AHEAD}
 * calendar days ahead (Beijing, mock time), on working days of the State Council holiday calendar
 * (`isWorkingDay`: no public holidays, yes on make-up working days 调休上班). A year the calendar
 * library does not cover is refused rather than guessed, since its holidays are unknown.
 */
import { addDays, beijingDate, parseDate } from '@/domain/time'
import { isCalendarCovered, isWorkingDay } from '@/domain/workingDays'
import { unprocessable } from '@/backend/core/http'
import type { HallClosedReasonDto } from '@/domain/contracts/oneThing'

/** The furthest bookable day, in calendar days after today (PRODUCT). */
export const BOOKING_DAYS_AHEAD = 14

/** The message shown for a public holiday (plain Chinese, as in the issue). */
export const HOLIDAY_MESSAGE = '该日是法定节假日，不办理业务，请选择其他日期'

/** Why a day is closed, with the code used when a booking on it is refused. */
export interface DayClosure {
  reason: HallClosedReasonDto
  code: string
  message: string
}

/** Today, the first and the last bookable dates (`YYYY-MM-DD`, Beijing) at instant `nowMs`. */
export function bookingWindow(nowMs: number): { today: string; from: string; to: string } {
  const today = beijingDate(nowMs)
  return { today, from: addDays(today, 1), to: addDays(today, BOOKING_DAYS_AHEAD) }
}

const weekday = (date: string) => parseDate(date).day()
const isWeekday = (date: string) => weekday(date) >= 1 && weekday(date) <= 5

/**
 * Whether a non-working day belongs to a public-holiday break: a Monday–Friday rest day, or a
 * Saturday/Sunday next to one (the Friday before or the Monday after is a rest day), e.g. 2025-10-04.
 * The domain has no "is public holiday" function, so this is derived from `isWorkingDay`.
 */
function isHolidayBreak(date: string): boolean {
  if (isWeekday(date)) return true
  const friday = addDays(date, weekday(date) === 6 ? -1 : -2)
  const monday = addDays(date, weekday(date) === 6 ? 2 : 1)
  return !isWorkingDay(friday) || !isWorkingDay(monday)
}

/**
 * Why `date` takes no appointments, or `null` on a working day of a covered year.
 * @param date `YYYY-MM-DD` (valid)
 */
export function dayClosure(date: string): DayClosure | null {
  if (!isCalendarCovered(date)) {
    return {
      reason: 'CALENDAR_NOT_COVERED',
      code: 'CALENDAR_NOT_COVERED',
      message: `${date.slice(0, 4)} 年的法定节假日安排还没有收录，暂时无法确认该日是否办公，请选择其他日期，或打电话向服务中心咨询`,
    }
  }
  if (isWorkingDay(date)) return null
  return isHolidayBreak(date)
    ? { reason: 'HOLIDAY', code: 'HOLIDAY', message: HOLIDAY_MESSAGE }
    : { reason: 'WEEKEND', code: 'NOT_WORKING_DAY', message: '该日是周末休息日，不办理业务，请选择其他日期' }
}

/**
 * Refuses a date that cannot be booked at `nowMs`.
 * @throws HttpError 422 `DATE_PAST` (today or earlier), `DATE_TOO_FAR` (beyond 14 days),
 *   `CALENDAR_NOT_COVERED`, `HOLIDAY`, `NOT_WORKING_DAY`
 */
export function assertBookableDate(date: string, nowMs: number): void {
  const { today, to } = bookingWindow(nowMs)
  if (date < today) throw unprocessable('DATE_PAST', '这一天已经过去了，请选择明天及以后的日期', { date: '日期已过' })
  if (date === today) throw unprocessable('DATE_PAST', '当天不能预约，请选择明天及以后的日期', { date: '当天不能预约' })
  if (date > to) {
    const [, m, d] = to.split('-').map(Number)
    throw unprocessable(
      'DATE_TOO_FAR',
      `最多只能预约 ${BOOKING_DAYS_AHEAD} 天以内的时段（最晚 ${m}月${d}日），请选择更早的日期`,
      { date: '超出可预约范围' },
    )
  }
  const closed = dayClosure(date)
  if (closed) throw unprocessable(closed.code, closed.message, { date: closed.message })
}
