/**
 * Withdrawing an enrollment: the parent's own cancel, and every running enrollment of an account being
 * deleted (so a deleted family's seats go to the waitlist instead of staying held by nobody).
 */
import { formatFen } from '@/domain/shared/money'
import { SEAT_HOLDING } from '@/domain/youth-palace/types'
import { cancelEnrollment } from '@/domain/youth-palace/waitlist'
import { newId } from '@/backend/core/ids'
import type { RouteContext } from '@/backend/core/router'
import { YP_LINK, courseOf } from './access'
import type { YpEnrollmentRecord } from './model'
import { askRefund } from './settle'
import { promoteNext } from './waitlist'

/** What a withdrawal did: the cancelled enrollment, the domain's verdict, and the fen refunded (0 when none). */
export interface Withdrawal {
  enrollment: YpEnrollmentRecord
  free: boolean
  message: string
  refundedFen: number
}

/**
 * Cancels `found` under `cancelEnrollment`'s rules, with its course locked: a paid seat cancelled in the
 * free period is refunded (payment `refunding` until WeChat Pay says it is done, the parent told), a late
 * cancel of a seat records a no-show unless `recordNoShow` is false, and a freed seat is offered to the
 * course's waitlist.
 * @throws DomainError `NOT_CANCELLABLE` when the enrollment has already ended; HttpError 404 `NO_SUCH_COURSE`
 */
export async function withdrawEnrollment(
  ctx: RouteContext,
  found: YpEnrollmentRecord,
  opts: { recordNoShow: boolean } = { recordNoShow: true },
): Promise<Withdrawal> {
  const yp = ctx.tx.youthPalace
  const { course, term } = await courseOf(ctx, found.courseId, { lock: true })
  const current = (await yp.enrollments.get(found.id)) ?? found
  const heldSeat = SEAT_HOLDING.includes(current.status)
  const result = cancelEnrollment(current, course, term, ctx.nowIso)
  const noShow = !!result.enrollment.noShow && opts.recordNoShow
  const e = await yp.enrollments.update(current.id, {
    status: 'cancelled',
    noShow,
    cancelledAt: ctx.nowIso,
    updatedAt: ctx.nowIso,
  })
  let refundedFen = 0
  const paid = await yp.latestPaymentOf(e.id)
  if (result.refund && paid?.status === 'paid') {
    // Asked of WeChat Pay after the commit; settled by its refund notification or query.
    const p = await askRefund(ctx, paid)
    refundedFen = p.amountFen
    await ctx.notify(
      e.parentId,
      '青少年宫课程费用已退回',
      `《${course.name}》已取消，${formatFen(refundedFen)} 将原路退回微信支付（1–3 个工作日到账）。`,
      YP_LINK,
    )
  }
  if (noShow) {
    await yp.noShows.insert({
      id: newId('ypn'),
      parentId: e.parentId,
      termId: e.termId,
      childId: e.childId,
      enrollmentId: e.id,
      reason: 'late-cancel',
      at: ctx.nowIso,
    })
  }
  if (heldSeat) await promoteNext(ctx, course)
  return { enrollment: e, free: result.free, message: result.message, refundedFen }
}

/**
 * Account deletion: withdraws every running enrollment (pending, waitlisted, offered or confirmed) of
 * the parent `userId`, with the refund rules of a cancel and no no-show record; freed seats go to the
 * waitlist. Children's profiles are erased afterwards (the feature's `erase`).
 * @returns one plain-Chinese line per enrollment withdrawn, naming the course and any refund.
 */
export async function withdrawYouthPalaceOf(ctx: RouteContext, userId: string): Promise<string[]> {
  const lines: string[] = []
  for (const e of await ctx.tx.youthPalace.placesOfParent(userId)) {
    const { refundedFen } = await withdrawEnrollment(ctx, e, { recordNoShow: false })
    const course = (await ctx.tx.youthPalace.courses.get(e.courseId))?.name ?? '课程'
    lines.push(`《${course}》的报名已取消${refundedFen > 0 ? `，${formatFen(refundedFen)} 将原路退回微信支付` : ''}`)
  }
  return lines
}
