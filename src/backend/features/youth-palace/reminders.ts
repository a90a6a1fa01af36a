/**
 * Youth palace reminders: an offered place (from the waitlist, the draw or first come) that the family
 * has not confirmed 4 hours before its confirm-by time (domain.md §2: 24 h to confirm, then it goes to
 * the next family).
 */
import { formatInstantCn } from '@/domain/youth-palace/types'
import type { ReminderCandidate, ReminderProvider } from '@/backend/core/reminders'
import { myCoursesLink } from './access'

const HOUR = 3600_000

/** `yp-offer-expiring` for every open offer, meant for 4 hours before its confirm-by time. */
export const youthPalaceReminders: ReminderProvider = async ({ tx, nowIso }) => {
  const yp = tx.youthPalace
  const offers = await yp.allOpenOffers(nowIso)
  if (!offers.length) return []
  const children = new Map((await yp.childrenByIds(offers.map((e) => e.childId))).map((c) => [c.id, c.name]))
  const courses = new Map((await yp.coursesByIds(offers.map((e) => e.courseId))).map((c) => [c.id, c.name]))
  return offers.map((e): ReminderCandidate => ({
    kind: 'yp-offer-expiring',
    ref: e.id,
    userId: e.parentId,
    at: new Date(Date.parse(e.confirmBy!) - 4 * HOUR).toISOString(),
    until: e.confirmBy!,
    title: '青少年宫名额快到期了',
    body:
      `${children.get(e.childId) ?? '孩子'}的《${courses.get(e.courseId) ?? '课程'}》名额请在 ` +
      `${formatInstantCn(e.confirmBy!)} 前确认，逾期将顺延给下一位。`,
    link: myCoursesLink(e.childId),
  }))
}
