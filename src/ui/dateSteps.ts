/**
 * Calendar arithmetic for the elder-mode date steppers (`DateField`): whole dates `YYYY-MM-DD`, no time
 * and no time zone, so the phone's zone cannot shift a day.
 */

/** What one stepper button moves. */
export type DateUnit = 'year' | 'month' | 'day'

const pad = (n: number, width = 2) => String(n).padStart(width, '0')

/** Days in month `m` (1–12) of year `y`. */
export const daysInMonth = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate()

/**
 * `date` (`YYYY-MM-DD`) moved by `delta` years, months or days, kept within `min`…`max` (both
 * `YYYY-MM-DD`, inclusive). A year or month step keeps the day of the month where that month has it and
 * otherwise takes the month's last day (2024-02-29 plus a year is 2025-02-28).
 */
export function stepDate(date: string, unit: DateUnit, delta: number, min: string, max: string): string {
  const [y, m, d] = date.split('-').map(Number)
  let next: string
  if (unit === 'day') {
    const t = new Date(Date.UTC(y, m - 1, d + delta))
    next = `${pad(t.getUTCFullYear(), 4)}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}`
  } else {
    const months = y * 12 + (m - 1) + (unit === 'year' ? delta * 12 : delta)
    const ny = Math.floor(months / 12)
    const nm = months - ny * 12 + 1
    next = `${pad(ny, 4)}-${pad(nm)}-${pad(Math.min(d, daysInMonth(ny, nm)))}`
  }
  return clampDate(next, min, max)
}

/** `date` kept within `min`…`max` (all `YYYY-MM-DD`; the strings compare as dates). */
export const clampDate = (date: string, min: string, max: string) => (date < min ? min : date > max ? max : date)
