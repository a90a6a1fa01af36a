/**
 * One-thing reminders, to the person and every family member with a confirmed link: a window
 * appointment tomorrow (sent 09:00 the day before), and each legal deadline saved with a guide's
 * progress 7 days before it and on the day after it passed.
 */
import { href } from '@/domain/routes'
import { addDays, beijingDate } from '@/domain/shared/time'
import type { ReminderCandidate, ReminderProvider } from '@/backend/core/reminders'
import { appointmentText, dateCn } from './views'

const bj = (date: string, time = '09:00') => `${date}T${time}:00+08:00`

/** `appointment-tomorrow`, `legal-deadline-near` and `legal-deadline-passed`. */
export const oneThingReminders: ReminderProvider = async ({ tx, nowIso }) => {
  const today = beijingDate(nowIso)
  const tomorrow = addDays(today, 1)
  const out: ReminderCandidate[] = []
  const parties = async (userId: string) => [userId, ...(await tx.core.confirmedProxiesOf(userId))]
  for (const hall of await tx.oneThing.allHalls()) {
    for (const a of await tx.oneThing.bookedInWindow(hall.id, today, tomorrow)) {
      // Booked (or moved) after the reminder's time: the confirmation just told them.
      if (Date.parse(a.changedAt ?? a.bookedAt) >= Date.parse(bj(addDays(a.date, -1)))) continue
      for (const userId of await parties(a.userId))
        out.push({
          kind: 'appointment-tomorrow',
          ref: `${a.id}:${a.date}:${a.slot}`,
          userId,
          at: bj(addDays(a.date, -1)),
          until: bj(a.date, a.slot),
          title: '明天有窗口预约',
          body: `${a.eventName ? `「${a.eventName}」` : ''}明天办理：${appointmentText(hall, a)}。请带齐材料和本人身份证。`,
          link: href.oneThing.appointments(),
        })
    }
  }
  for (const p of await tx.oneThing.allProgress()) {
    for (const d of p.deadlines) {
      const ref = `${p.id}:${d.dueDate}:${d.label}`
      const link = href.oneThing.checklist({ event: p.eventId })
      const source = d.source ? `（${d.source}）` : ''
      for (const userId of await parties(p.userId)) {
        out.push({
          kind: 'legal-deadline-near',
          ref,
          userId,
          at: bj(addDays(d.dueDate, -7)),
          until: bj(d.dueDate, '21:00'),
          title: '办理期限还有 7 天',
          body: `${d.label}请在 ${dateCn(d.dueDate)} 前办理${source}。`,
          link,
        })
        out.push({
          kind: 'legal-deadline-passed',
          ref,
          userId,
          at: bj(addDays(d.dueDate, 1)),
          until: bj(addDays(d.dueDate, 1), '21:00'),
          title: '办理期限已过',
          body: `${d.label}的办理期限 ${dateCn(d.dueDate)} 已过，请尽快办理${source}。`,
          link,
        })
      }
    }
  }
  return out
}
