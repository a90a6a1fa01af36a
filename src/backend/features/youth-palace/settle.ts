/**
 * Settling course-fee payments from what WeChat Pay says — its verified notification or the server's
 * own query, never the app's word. One path for every source, so a notification arriving twice, late
 * (after a query settled it) or out of order changes nothing the second time:
 * - `settlePaid`: the order is paid (once per payment; WeChat's transaction id kept). The place is
 *   confirmed and the parent told (青少年宫缴费成功); money that arrives for a place no longer open
 *   (lapsed, declined, cancelled, or already paid by another order) is refunded at once and the parent told.
 * - `askRefund` marks a paid payment `refunding` (our refund number `R<order no>`) and, after the
 *   request's commit, asks WeChat Pay for it; `settleRefund` (its notification or query) marks it `refunded`.
 */
import { formatFen } from '@/domain/shared/money'
import type { RouteContext, Tx } from '@/backend/core/router'
import type { Services } from '@/backend/core/services'
import { myCoursesLink } from './access'
import type { YpPaymentRecord } from './model'

/** What settling needs: the transaction and now (a route's context, or a transaction after a commit). */
interface Settling {
  tx: Tx
  nowIso: string
}

/** Our refund number of a payment: `R` + the order number (stable on retry, so WeChat Pay refunds once). */
const refundNoOf = (p: YpPaymentRecord) => `R${p.outTradeNo}`.slice(0, 64)

/**
 * Records that WeChat Pay says `paymentId` is paid (transaction `transactionId`; `amountFen` when known).
 * @returns 'settled' the first time; 'already' when it was settled before (nothing changes)
 */
export async function settlePaid(
  ctx: RouteContext,
  paymentId: string,
  transactionId: string,
): Promise<'settled' | 'already'> {
  const yp = ctx.tx.youthPalace
  const found = await yp.payments.get(paymentId)
  if (!found) return 'already'
  const e0 = await yp.enrollments.get(found.enrollmentId)
  // The course's row is the lock of its seats and of its enrollments' changes.
  const course = e0 ? await yp.courses.get(e0.courseId, { lock: true }) : undefined
  const p = (await yp.payments.get(paymentId))!
  if (p.status !== 'created') return 'already'
  const e = (await yp.enrollments.get(p.enrollmentId))!
  const paid = await yp.payments.update(p.id, { status: 'paid', paidAt: ctx.nowIso, transactionId })
  const courseName = course?.name ?? '课程'
  const child = (await yp.children.get(e.childId))?.name ?? '孩子'
  const inTime = !e.confirmBy || Date.parse(p.createdAt) <= Date.parse(e.confirmBy)
  if (e.status === 'admitted' && inTime) {
    await yp.enrollments.update(e.id, {
      status: 'confirmed',
      confirmedAt: ctx.nowIso,
      updatedAt: ctx.nowIso,
      paymentId: p.id,
    })
    await ctx.notify(
      e.parentId,
      '青少年宫缴费成功',
      `已收到${child}《${courseName}》的费用 ${formatFen(p.amountFen)}，名额已确认。`,
      myCoursesLink(e.childId),
    )
    return 'settled'
  }
  await askRefund(ctx, paid)
  await ctx.notify(
    e.parentId,
    '青少年宫缴费将退回',
    `${child}《${courseName}》的名额在付款到账前已不再保留，收到的 ${formatFen(p.amountFen)} 将原路退回微信支付（1–3 个工作日到账）。`,
    myCoursesLink(e.childId),
  )
  return 'settled'
}

/**
 * Marks a paid payment `refunding` and asks WeChat Pay for the refund after the commit (a failure there
 * is retried by the payment's query, `GET …/enrollments/:id/payment`).
 */
export async function askRefund(ctx: RouteContext, p: YpPaymentRecord): Promise<YpPaymentRecord> {
  const outRefundNo = p.outRefundNo ?? refundNoOf(p)
  const r = await ctx.tx.youthPalace.payments.update(p.id, {
    status: 'refunding',
    outRefundNo,
    refundRequestedAt: ctx.nowIso,
  })
  ctx.afterCommit((services, run) => sendRefund(services, run, r, ctx.nowIso))
  return r
}

/** Asks WeChat Pay for `p`'s refund (idempotent on its refund number); settles it when it succeeded at once. */
async function sendRefund(
  services: Services,
  run: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>,
  p: YpPaymentRecord,
  nowIso: string,
): Promise<void> {
  if (!services.pay || !p.outRefundNo) return
  const r = await services.pay.refund(refundRequestOf(p))
  if (r.state === 'success') await run((tx) => settleRefund({ tx, nowIso }, p.outRefundNo!, r.refundId))
}

/** The refund request of a `refunding` payment: all of it, under its stable refund number. */
export function refundRequestOf(p: YpPaymentRecord) {
  return {
    outTradeNo: p.outTradeNo,
    outRefundNo: p.outRefundNo ?? refundNoOf(p),
    totalFen: p.amountFen,
    refundFen: p.amountFen,
    reason: '青少年宫课程费用退回',
  }
}

/**
 * Records that WeChat Pay refunded `outRefundNo`.
 * @returns 'settled' the first time; 'already' when it was settled before or is unknown (nothing changes)
 */
export async function settleRefund(
  s: Settling,
  outRefundNo: string,
  refundId?: string,
): Promise<'settled' | 'already'> {
  const yp = s.tx.youthPalace
  const p = await yp.payments.first({ where: { outRefundNo }, order: [] })
  if (!p || p.status !== 'refunding') return 'already'
  const e = await yp.enrollments.get(p.enrollmentId)
  if (e) await yp.courses.get(e.courseId, { lock: true })
  const now = (await yp.payments.get(p.id))!
  if (now.status !== 'refunding') return 'already'
  // The parent was told when the refund was asked (将原路退回); the payment's status shows it refunded now.
  await yp.payments.update(p.id, { status: 'refunded', refundedAt: s.nowIso, refundId: refundId || p.refundId })
  return 'settled'
}
