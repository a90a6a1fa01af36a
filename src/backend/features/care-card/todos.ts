/**
 * Home to-dos of the care card: a delivered service to confirm and rate (or dispute) while its 7-day
 * dispute window is open (domain.md §1).
 */
import { href } from '@/domain/routes'
import type { TodoDto } from '@/domain/shared/contracts'
import { formatDateCn } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { disputeUntil } from './order-views'

/** The holder's delivered services not rated, window not yet closed, soonest end first (read-only). */
export async function careCardTodos(ctx: RouteContext, userId: string): Promise<TodoDto[]> {
  const out: TodoDto[] = []
  for (const o of await ctx.tx.careCard.unratedOfHolder(userId)) {
    if (!o.deliveredAt) continue
    const until = disputeUntil(o.deliveredAt)
    const dueAt = `${until}T23:59:59+08:00`
    if (dueAt <= ctx.nowIso) continue
    out.push({
      id: `care-rate:${o.id}`,
      title: '评价已完成的服务',
      note: `请在 ${formatDateCn(until)} 前确认评价；如有异议也在此前提出`,
      link: href.careCard.order({ id: o.id }),
      dueAt,
    })
  }
  return out
}
