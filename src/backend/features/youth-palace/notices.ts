/**
 * Youth palace messages of a status change the family did not see happen on screen or will want to
 * find again: an application received (what comes next), a term opened for applications.
 */
import { href } from '@/domain/routes'
import { formatDateCn } from '@/domain/shared/time'
import { formatInstantCn } from '@/domain/youth-palace/types'
import type { RouteContext } from '@/backend/core/router'
import { myCoursesLink } from './access'
import type { YpEnrollmentRecord, YpTermRecord } from './model'

/** The child's name for a message (`孩子` when the profile was erased). */
export async function childNameOf(ctx: RouteContext, childId: string): Promise<string> {
  return (await ctx.tx.youthPalace.children.get(childId))?.name ?? '孩子'
}

/**
 * Tells the parent their first-come application `e` was received and what happens next (waitlisted,
 * admitted to pay, or confirmed). A lottery application is told by its commitment message instead.
 */
export async function notifyApplied(
  ctx: RouteContext,
  e: YpEnrollmentRecord,
  child: string,
  course: string,
): Promise<void> {
  const what = `${child}报名《${course}》`
  const [title, body] =
    e.status === 'waitlisted'
      ? ['已加入候补', `${what}已排入候补，有名额时按顺序通知您。`]
      : e.status === 'admitted'
        ? ['青少年宫报名成功，请缴费', `${what}已录取，请在 ${formatInstantCn(e.confirmBy ?? ctx.nowIso)} 前支付确认。`]
        : ['青少年宫名额已确认', `${what}成功，名额已确认。`]
  await ctx.notify(e.parentId, title, body, myCoursesLink(e.childId))
}

/** Tells every resident of the term's community that `term` is open for applications (the pages promise it). */
export async function notifyTermOpened(ctx: RouteContext, term: YpTermRecord): Promise<void> {
  const body = `${term.name}开始报名，${formatDateCn(term.closesAt)} 截止。`
  for (const u of await ctx.tx.core.residentsOf(term.communityId))
    await ctx.notify(u.id, '青少年宫开始报名', body, href.youthPalace.courses({ termId: term.id }))
}
