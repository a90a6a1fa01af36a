/**
 * Scheduled reminders (issue 26 item 2): the kinds a person can turn off in 我的 → 消息设置, and when a
 * reminder may go out — never at night (21:00–08:00 Beijing): one due in the night is held to 08:00,
 * unless what it reminds of would pass before then, when it goes out at 20:00 the evening before.
 */

/** Every kind of scheduled reminder, in the order 消息设置 lists them (labels: `reminder-labels.ts`). */
export const REMINDER_KINDS = [
  'yp-offer-expiring',
  'vote-closing',
  'vote-unreached',
  'appointment-tomorrow',
  'legal-deadline-near',
  'legal-deadline-passed',
  'care-credit-arrived',
  'care-credit-lapsing',
  'service-unrated',
] as const

/** One of `REMINDER_KINDS`. */
export type ReminderKind = (typeof REMINDER_KINDS)[number]

const HOUR = 3600_000
/** Beijing is UTC+8 all year. */
const OFFSET = 8 * HOUR
const QUIET_FROM = 21
const QUIET_UNTIL = 8
const EVENING = 20

/** The Beijing hour (0–23) of an instant (epoch ms). */
const beijingHour = (ms: number) => new Date(ms + OFFSET).getUTCHours()

/** Whether an instant (epoch ms) falls in the quiet hours, 21:00–08:00 Beijing. */
export function isQuietHour(ms: number): boolean {
  const h = beijingHour(ms)
  return h >= QUIET_FROM || h < QUIET_UNTIL
}

/** Epoch ms of `hour`:00 Beijing on the Beijing day of `ms` plus `dayShift` days. */
function beijingHourOn(ms: number, hour: number, dayShift = 0): number {
  const day = Math.floor((ms + OFFSET) / (24 * HOUR)) + dayShift
  return day * 24 * HOUR - OFFSET + hour * HOUR
}

/**
 * When a reminder meant for `atMs` (epoch ms) may go out: `atMs` itself by day; in the night, 08:00 the
 * next morning — or, when `deadlineMs` (what it reminds of) falls before that morning, 20:00 the evening
 * before (the last daytime hour before the night began).
 */
export function reminderSendTime(atMs: number, deadlineMs?: number): number {
  if (!isQuietHour(atMs)) return atMs
  const afterMidnight = beijingHour(atMs) < QUIET_UNTIL
  const morning = beijingHourOn(atMs, QUIET_UNTIL, afterMidnight ? 0 : 1)
  if (deadlineMs === undefined || deadlineMs > morning) return morning
  return beijingHourOn(atMs, EVENING, afterMidnight ? -1 : 0)
}
