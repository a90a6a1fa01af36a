// The statutory public holidays of one year as the law fixes them, before the State Council General Office
// (国务院办公厅) publishes that year's arrangement with its in-lieu rest days and make-up working days.
// Source: 全国年节及纪念日放假办法 art. 2, as revised by State Council Decree No. 795 (2024-11-10, in force
// 2025-01-01): 元旦 1 day (1 January); 春节 4 days (除夕 and 初一 to 初三, lunar); 清明 1 day (the 清明 solar
// term); 劳动节 2 days (1–2 May); 端午 1 day (lunar 5/5); 中秋 1 day (lunar 8/15); 国庆 3 days (1–3 October).
// Lunar dates and the solar term come from the maintained chinese-days library at build time only
// (scripts/gen-holiday-table.mjs); the app ships the generated table, never lunar calendar code.
const cd = require('chinese-days')

const pad = (n) => String(n).padStart(2, '0')
const shift = (iso, days) => new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10)
const lunar = (year, month, day) => cd.getSolarDateFromLunar(`${year}-${pad(month)}-${pad(day)}`).date

/**
 * The statutory holidays of `year` (Gregorian) with their names, sorted by date, as `YYYY-MM-DD`.
 * 除夕 is the day before the lunar new year (the last day of the 12th month, 29th or 30th).
 * @param {number} year 2025 or later (the 2024 revision)
 * @returns {{ date: string, name: string }[]}
 */
function statutoryHolidays(year) {
  if (!Number.isInteger(year) || year < 2025)
    throw new Error(`statutory holidays are derived from 2025 on (got ${year})`)
  const newYear = lunar(year, 1, 1)
  const days = [
    { date: `${year}-01-01`, name: '元旦' },
    ...[-1, 0, 1, 2].map((d) => ({ date: shift(newYear, d), name: '春节' })),
    { date: cd.getSolarTermDate(year, 4, 'pure_brightness'), name: '清明节' },
    { date: `${year}-05-01`, name: '劳动节' },
    { date: `${year}-05-02`, name: '劳动节' },
    { date: lunar(year, 5, 5), name: '端午节' },
    { date: lunar(year, 8, 15), name: '中秋节' },
    ...[1, 2, 3].map((d) => ({ date: `${year}-10-0${d}`, name: '国庆节' })),
  ]
  for (const d of days) if (!d.date.startsWith(`${year}-`)) throw new Error(`${d.name} ${d.date} falls outside ${year}`)
  return days.sort((a, b) => a.date.localeCompare(b.date))
}

module.exports = { statutoryHolidays }
