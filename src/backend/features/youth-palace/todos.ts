/**
 * Home to-dos of the youth palace: a place offered to a child (from the waitlist, or drawn in the
 * lottery) that the parent must confirm, and pay for when it has a fee, before `confirmBy`; after that it
 * goes to the next family on the waitlist (domain.md §2: a promoted family has 24 h to confirm).
 */
import type { TodoDto } from '@/domain/shared/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatInstantCn } from '@/domain/youth-palace/types'
import type { RouteContext } from '@/backend/core/router'
import { myCoursesLink } from './access'
import { feeForChild } from './views'

/** The user's offers waiting to be confirmed, deadline not yet passed, soonest first (read-only). */
export async function youthPalaceTodos(ctx: RouteContext, userId: string): Promise<TodoDto[]> {
  const yp = ctx.tx.youthPalace
  const offers = await yp.openOffersOf(userId, ctx.nowIso)
  if (!offers.length) return []
  const children = new Map((await yp.childrenByIds(offers.map((e) => e.childId))).map((c) => [c.id, c]))
  const courses = new Map((await yp.coursesByIds(offers.map((e) => e.courseId))).map((c) => [c.id, c]))
  return offers.map((e) => {
    const child = children.get(e.childId)
    const course = courses.get(e.courseId)
    const fee = course ? feeForChild(course, child) : 0
    const how = e.source === 'waitlist' ? '候补到' : e.source === 'draw' ? '抽中' : '获得'
    return {
      id: `yp-offer:${e.id}`,
      title: `${child?.name ?? '孩子'}${how}《${course?.name ?? '课程'}》的名额`,
      note: `请在 ${formatInstantCn(e.confirmBy!)} 前确认${fee > 0 ? `并缴费 ${formatFen(fee)}` : ''}，逾期名额顺延给下一位`,
      link: myCoursesLink(e.childId),
      dueAt: e.confirmBy!,
    }
  })
}
