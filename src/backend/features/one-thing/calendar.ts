/**
 * When window appointments can be made (PRODUCT): from tomorrow up to {@link BOOKING_DAYS_AHEAD}
 * calendar days ahead (Beijing, mock time), on working days of the State Council holiday calendar
 * (`isWorkingDay`: no public holidays, yes on make-up working days 调休上班). A year whose arrangement
 * is not yet published is served on its statutory holidays alone (`calendarStatus` 'provisional'), with
 * a notice that the hall's own notice decides; only a year beyond the table is refused.
 */
import { addDays, beijingDate, parseDate } from '@/domain/shared/time'
import { calendarStatus, isWorkingDay } from '@/domain/shared/workingDays'
import { unprocessable } from '@/backend/core/http'
import type { HallClosedReasonDto } from '@/domain/one-thing/contracts'

/** The furthest bookable day, in calendar days after today (PRODUCT). */
const BOOKING_DAYS_AHEAD = 14

/** The message shown for a public holiday, in plain Chinese. */
const HOLIDAY_MESSAGE = '该日是法定节假日，不办理业务，请选择其他日期'

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
 * The notice for days whose year has no published holiday arrangement (调休) yet, or `undefined` when
 * every day's calendar is published: the whole explanation for a booking window, or (`brief`) one
 * sentence for a booked appointment.
 * @param dates `YYYY-MM-DD` (valid)
 */
export function provisionalCalendarNote(dates: string[], brief = false): string | undefined {
  const years = [...new Set(dates.filter((d) => calendarStatus(d) === 'provisional').map((d) => d.slice(0, 4)))]
  if (years.length === 0) return undefined
  const unpublished = `${years.join('、')} 年的放假调休安排国务院还没有公布`
  return brief
    ? `${unpublished}，如这天有变动，以服务中心的通知为准。`
    : `${unpublished}。这里先按法定节假日（元旦、春节、清明、劳动节、端午、中秋、国庆）安排，其余周一到周五都可以预约；如有调休变动，以服务中心的通知为准。`
}

/**
 * Why `date` takes no appointments, or `null` on a working day. A provisional year counts its statutory
 * holidays only (see `calendarStatus`); a year beyond the holiday table is refused.
 * @param date `YYYY-MM-DD` (valid)
 */
export function dayClosure(date: string): DayClosure | null {
  if (calendarStatus(date) === 'none') {
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
