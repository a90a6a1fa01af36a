/** Mock-time helpers shared by the WeChat-harness and browser journeys (Beijing wall time, UTC+8). */

/** Beijing wall time (`YYYY-MM-DD`, `HH:mm`) as epoch ms. */
export const beijing = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

/** First day of the month after `ms` (Beijing), as `YYYY-MM-DD`. */
export function firstOfNextMonth(ms: number): string {
  const d = new Date(ms + 8 * 3600_000)
  const y = d.getUTCFullYear()
  const m = d.getUTCMonth() + 1
  return m === 12 ? `${y + 1}-01-01` : `${y}-${String(m + 1).padStart(2, '0')}-01`
}
