/**
 * Home to-dos of "one thing": a window appointment still ahead, and each legal deadline saved with a
 * guide's progress until the day after it passed.
 */
import { href } from '@/domain/routes'
import type { TodoDto } from '@/domain/shared/contracts'
import { addDays, beijingDate, beijingIso } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { dateCn, instantOf } from './views'

/** The user's appointments ahead and deadlines not long past (read-only). */
export async function oneThingTodos(ctx: RouteContext, userId: string): Promise<TodoDto[]> {
  const today = beijingDate(ctx.nowIso)
  const nowMs = ctx.clock.now()
  const out: TodoDto[] = []
  for (const a of await ctx.tx.oneThing.appointmentsOf(userId)) {
    const at = instantOf(a.date, a.slot)
    if (a.status !== 'booked' || a.doneAt || at <= nowMs) continue
    out.push({
      id: `ot-appointment:${a.id}`,
      title: `${a.eventName ? `「${a.eventName}」` : ''}窗口预约`,
      note: `${dateCn(a.date)} ${a.slot} 到窗口办理，请带齐材料`,
      link: href.oneThing.appointments(),
      dueAt: beijingIso(at),
    })
  }
  for (const p of await ctx.tx.oneThing.progressOf(userId)) {
    for (const d of p.deadlines) {
      if (addDays(d.dueDate, 1) < today) continue
      out.push({
        id: `ot-deadline:${p.eventId}:${d.dueDate}:${d.label}`,
        title: d.label,
        note: d.dueDate < today ? `期限 ${dateCn(d.dueDate)} 已过，请尽快办理` : `请在 ${dateCn(d.dueDate)} 前办理`,
        link: href.oneThing.checklist({ event: p.eventId }),
        dueAt: `${d.dueDate}T23:59:59+08:00`,
      })
    }
  }
  return out
}
