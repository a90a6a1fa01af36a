/**
 * Withdrawing an enrollment: the parent's own cancel, and every running enrollment of an account being
 * deleted (so a deleted family's seats go to the waitlist instead of staying held by nobody).
 */
import { formatFen } from '@/domain/money'
import { PLACE_HOLDING, SEAT_HOLDING } from '@/domain/youthPalaceTypes'
import { cancelEnrollment } from '@/domain/youthPalaceWaitlist'
import { newId } from '@/backend/core/ids'
import type { RouteContext } from '@/backend/core/router'
import type { YpEnrollmentRecord } from './model'
import { YP_LINK, courseOf, promoteNext } from './store'
import { paymentOf } from './views'

/**
 * Cancels `found` under `cancelEnrollment`'s rules: a paid seat cancelled in the free period is refunded
 * (payment `refunded`, the parent told), a late cancel of a seat records a no-show unless
 * `recordNoShow` is false, and a freed seat is offered to the course's waitlist.
 * @returns the domain's verdict (`free`, `message`) and the fen refunded (0 when none).
 * @throws DomainError `NOT_CANCELLABLE` when the enrollment has already ended.
 */
export function withdrawEnrollment(
  ctx: RouteContext,
  found: YpEnrollmentRecord,
  opts: { recordNoShow: boolean } = { recordNoShow: true },
) {
  const { course, term } = courseOf(ctx, found.courseId)
  const heldSeat = SEAT_HOLDING.includes(found.status)
  const result = cancelEnrollment(found, course, term, ctx.nowIso)
  const noShow = result.enrollment.noShow && opts.recordNoShow
  const e = ctx.db.write('ypEnrollments')[found.id]
  Object.assign(e, { status: 'cancelled', noShow, cancelledAt: ctx.nowIso, updatedAt: ctx.nowIso })
  let refundedFen = 0
  const paid = paymentOf(ctx.db.data, e.id)
  if (result.refund && paid?.status === 'paid') {
    const p = ctx.db.write('ypPayments')[paid.id]
    Object.assign(p, { status: 'refunded', refundedAt: ctx.nowIso, refundId: newId('refund') })
    refundedFen = p.amountFen
    ctx.notify(
      e.parentId,
      '青少年宫课程费用已退回',
      `《${course.name}》已取消，${formatFen(refundedFen)} 将原路退回微信支付（1–3 个工作日到账）。`,
      YP_LINK,
    )
  }
  if (noShow) {
    const id = newId('ypn')
    ctx.db.write('ypNoShows')[id] = {
      id,
      parentId: e.parentId,
      termId: e.termId,
      childId: e.childId,
      enrollmentId: e.id,
      reason: 'late-cancel',
      at: ctx.nowIso,
    }
  }
  if (heldSeat) promoteNext(ctx, course)
  return { enrollment: e, free: result.free, message: result.message, refundedFen }
}

/**
 * Account deletion: withdraws every running enrollment (pending, waitlisted, offered or confirmed) of
 * the parent `userId`, with the refund rules of a cancel and no no-show record; freed seats go to the
 * waitlist. Children's profiles are erased afterwards by the account deletion itself.
 * @returns one line per enrollment withdrawn, naming the course and any refund.
 */
export function withdrawYouthPalaceOf(ctx: RouteContext, userId: string): string[] {
  const running = Object.values(ctx.db.data.ypEnrollments).filter(
    (e) => e.parentId === userId && PLACE_HOLDING.includes(e.status),
  )
  return running.map((e) => {
    const { refundedFen } = withdrawEnrollment(ctx, ctx.db.data.ypEnrollments[e.id], { recordNoShow: false })
    const course = courseOf(ctx, e.courseId).course.name
    return `《${course}》的报名已取消${refundedFen > 0 ? `，${formatFen(refundedFen)} 将原路退回微信支付` : ''}`
  })
}
