/**
 * Shared helpers of the one-thing pages: today's date (mock time in mock mode), the event from the
 * route, and saving progress with the legal deadlines computed from the answers.
 */
import { newIdempotencyKey } from '@/api'
import { saveOneThingProgress } from '@/api/endpoints/one-thing'
import type { OneThingProgressDto } from '@/domain/one-thing/contracts'
import { computeDeadlines, effectiveAnswers, type LifeEvent, type Question } from '@/domain/one-thing/guides'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { serverNow } from '@/ui/serverNow'

/**
 * Today in Beijing (`YYYY-MM-DD`). In mock mode the server's mock clock decides, so mock time moves the
 * countdowns; otherwise (or when that fails) the phone's clock (`serverNow`, src/ui/serverNow.ts).
 */
export async function fetchToday(): Promise<string> {
  return beijingDate(await serverNow())
}

/** Days left in words: `还有 12 天`, `就是今天`, `已超过 3 天`. */
export const daysLeftText = (n: number) => (n > 0 ? `还有 ${n} 天` : n === 0 ? '就是今天' : `已超过 ${-n} 天`)

/** The short legal source for reminders (≤ 60 characters): the law and article, e.g. `户口登记条例第七条`. */
function shortSource(source: string): string {
  const m = /《(?:中华人民共和国)?([^》]+)》(第[^：:]+条)/.exec(source)
  return (m ? `${m[1]}${m[2]}` : source).slice(0, 60)
}

/**
 * Saves the answers and ticks of one event, with the legal deadlines computed from the answers
 * (the backend sends one reminder message per new deadline).
 */
export function saveProgress(
  event: LifeEvent,
  answers: Record<string, string | undefined>,
  ticked: string[],
  today: string,
  key = newIdempotencyKey(),
): Promise<OneThingProgressDto> {
  const kept = effectiveAnswers(event, answers)
  let deadlines: { label: string; dueDate: string; source?: string }[] = []
  try {
    deadlines = computeDeadlines(event, kept, today)
      .slice(0, 5)
      .map((d) => ({ label: d.label, dueDate: d.dueDate, source: shortSource(d.source) }))
  } catch {
    deadlines = []
  }
  return saveOneThingProgress(event.id, { answers: kept, ticked, deadlines }, key)
}

/** Where an item is done, in words. */
export const CHANNEL_CN = { online: '线上', window: '窗口' } as const

/** `YYYY-MM` or `YYYY-MM-DD` → the first of that month, `YYYY-MM-01` (how month answers are stored). */
export const monthStart = (value: string): string => `${value.slice(0, 7)}-01`

/** `YYYY-MM` or `YYYY-MM-DD` → `1965年5月`. */
function monthCn(value: string): string {
  const [y, m] = value.split('-').map(Number)
  return `${y}年${m}月`
}

/** A date answer in words: `2026年3月1日（周日）`, or `1965年5月` when only the month is asked. */
export const dateAnswerText = (value: string, byMonth: boolean): string =>
  byMonth ? monthCn(value) : formatDateCn(value)

/** An answer in words: the option's label, or the date as 2026年3月1日（周日） (1965年5月 for a month question). */
export function answerText(q: Question, value: string): string {
  if (q.kind === 'date') return dateAnswerText(value, q.precision === 'month')
  return q.options?.find((o) => o.value === value)?.label ?? value
}
