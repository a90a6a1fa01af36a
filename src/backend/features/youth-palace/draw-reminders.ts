/**
 * Reminders to a community's workers that a term's lottery courses wait for the draw (lazy time rule,
 * run at the start of every youth palace request): one message when the registration window is over,
 * one more when classes begin and the term is still not drawn. Each carries the ref `yp-draw:<term id>`,
 * so the draw marks them read wherever it was run.
 */
import { href } from '@/domain/routes'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { drawDue } from '@/domain/youth-palace/rules'
import type { RouteContext } from '@/backend/core/router'
import { todayOf } from './access'
import type { YpTermRecord } from './model'

/** Link of the worker's youth palace page, where registration is closed and the draw run. */
const WORKER_LINK = href.youthPalace.worker()

/** Ref of a term's draw reminders (`resolveMessages` once it is drawn). */
const drawReminderRef = (termId: string) => `yp-draw:${termId}`

/** Whether the term's workers still need the reminder for `due` (each stage once). */
const reminderDue = (t: YpTermRecord, due: 'ended' | 'started') =>
  !t.drawRemindedAt || (due === 'started' && beijingDate(t.drawRemindedAt) < t.startDate)

/** Sends the reminders that are due (see the file header); the term is locked before it is marked reminded. */
export async function remindDraws(ctx: RouteContext): Promise<void> {
  const yp = ctx.tx.youthPalace
  const today = todayOf(ctx)
  for (const found of await yp.termsAwaitingDraw(today)) {
    // Already told for the stage it is in: skip before counting its courses (this runs on every request).
    if (!reminderDue(found, today >= found.startDate ? 'started' : 'ended')) continue
    const lotteryCourses = await yp.lotteryCourseCount(found.id)
    const due = drawDue(found, lotteryCourses, ctx.nowIso)
    if (!due || !reminderDue(found, due)) continue
    const term = await yp.terms.get(found.id, { lock: true })
    if (!term || drawDue(term, lotteryCourses, ctx.nowIso) !== due || !reminderDue(term, due)) continue
    const [title, body] =
      due === 'ended'
        ? [
            '青少年宫待抽签',
            `${term.name}的报名已于 ${formatDateCn(term.closesAt)} 截止，${lotteryCourses} 门抽签课程等您关闭报名并抽签，报名的家庭在等结果。`,
          ]
        : [
            '青少年宫已开课，还没有抽签',
            `${term.name}已于 ${formatDateCn(term.startDate)} 开课，${lotteryCourses} 门抽签课程还没有抽签，报名的家庭还不知道能不能上课。请尽快关闭报名并抽签。`,
          ]
    for (const w of await ctx.tx.core.workersOf(term.communityId)) {
      await ctx.notify(w.id, title, body, WORKER_LINK, drawReminderRef(term.id))
    }
    await yp.terms.update(term.id, { drawRemindedAt: ctx.nowIso })
  }
}

/** Marks the term's draw reminders read for every worker of its community (the draw is done). */
export async function resolveDrawReminders(ctx: RouteContext, term: YpTermRecord): Promise<void> {
  for (const w of await ctx.tx.core.workersOf(term.communityId)) {
    await ctx.resolveMessages(w.id, drawReminderRef(term.id))
  }
}
