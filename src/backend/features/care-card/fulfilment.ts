/**
 * Worker side of services (domain.md §1 PRODUCT use): orders of the community to deliver, marking one
 * delivered (the hold is charged), disputes (upheld → refunded to the card, rejected → reason given) and
 * call-back tasks after bad ratings. Own community only; the elder and their proxy are told each step.
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { chargeHold, refundCharge } from '@/domain/care-card/ledger'
import { formatFen } from '@/domain/shared/money'
import { conflict, forbidden, notFound, unprocessable } from '@/backend/core/http'
import type { Route, RouteContext } from '@/backend/core/router'
import { communityOrder, notifyParties, workerAct, workerRoute } from './common'
import { changeLedger, refreshCard } from './ledger'
import type { CareDispute, CareOrder } from './model'
import { formatDateCn, formatDateTimeCn } from '@/domain/shared/time'
import { disputeUntil, orderDtos, orderView, taskDtos } from './order-views'
import { acceptedWindow, parseScanned } from './pay-code'

/** Worker routes for orders, disputes and call-back tasks. */
export const fulfilmentRoutes: Route[] = [
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/orders',
    input: v.object({ status: v.optional(v.picklist(['booked', 'delivered', 'disputed', 'all'], '筛选条件不正确')) }),
    handler: async (ctx) =>
      orderDtos(ctx, await ctx.tx.careCard.ordersOfCommunity(ctx.user.communityId, ctx.body.status ?? 'booked')),
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/orders/:id/deliver',
    handler: async (ctx) => deliverOrder(ctx, await communityOrder(ctx, ctx.params.id, true)),
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/orders/:id/pay-by-code',
    input: v.object({ code: v.pipe(v.string('请扫码或输入付款码'), v.maxLength(200, '付款码不对')) }),
    /**
     * Charges booking `:id` (booked, its time reached) with the code of the booking's own card, accepted
     * once and only in its window or the one before (a scan at the boundary). Reuses `deliverOrder`:
     * the hold is charged, the ledger line written and the elder told at once.
     * @throws 422 `CODE_WRONG` not a code / wrong digits, `CODE_OTHER_CARD` a QR code of another card,
     *   `CODE_EXPIRED`; 409 `CODE_USED`; and what `deliverOrder` throws (`NOT_BOOKED`, `NOT_STARTED`)
     */
    handler: async (ctx) => {
      const order = await communityOrder(ctx, ctx.params.id, true)
      const scanned = parseScanned(ctx.body.code)
      if (!scanned) throw unprocessable('CODE_WRONG', '付款码应为 8 位数字，请核对后重新输入')
      if (scanned.cardId && scanned.cardId !== order.cardId)
        throw unprocessable('CODE_OTHER_CARD', '这是另一张爱心卡的付款码，不是这笔预约的老人的，请核对')
      const card = await ctx.tx.careCard.cards.get(order.cardId, { lock: true })
      if (!card) throw conflict('NO_CARD', '没有找到这笔预约的爱心卡')
      const window = acceptedWindow(card, scanned.code, ctx.clock.now())
      const view = await deliverOrder(ctx, order, '扫码收款，')
      await ctx.tx.careCard.cards.update(card.id, { codeUsedWindow: window })
      return view
    },
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/orders/:id/dispute/resolve',
    input: v.object({
      decision: v.picklist(['upheld', 'rejected'], '请选择异议是否成立'),
      reason: v.pipe(
        v.string('请写明处理意见'),
        v.trim(),
        v.minLength(4, '请写明处理意见（至少 4 个字）'),
        v.maxLength(300, '处理意见请控制在 300 字以内'),
      ),
    }),
    handler: async (ctx) => {
      const order = await communityOrder(ctx, ctx.params.id, true)
      await refreshCard(ctx, order.holderId)
      if (order.disputeStatus !== 'open' || !order.dispute)
        throw conflict('NO_OPEN_DISPUTE', '这笔服务没有待处理的异议')
      const { decision, reason } = ctx.body
      const dispute: CareDispute = {
        ...order.dispute,
        resolvedAt: ctx.nowIso,
        resolvedById: ctx.user.id,
        resolution: reason,
      }
      if (decision === 'upheld') {
        const note = `异议成立，退回爱心卡：${reason}`
        await changeLedger(ctx, order.cardId, (entries) =>
          refundCharge(entries, { orderId: order.id, amountFen: order.priceFen, at: ctx.nowIso, note }),
        )
        dispute.refundFen = order.priceFen
      }
      const o = await ctx.tx.careCard.orders.update(order.id, {
        disputeStatus: decision,
        dispute,
        acts: [
          ...order.acts,
          workerAct(ctx, decision === 'upheld' ? 'dispute_upheld' : 'dispute_rejected', { note: reason }),
        ],
      })
      if (decision === 'upheld') {
        await notifyParties(
          ctx,
          o.holderId,
          [o.proxyId],
          '异议成立，已退款',
          `经核实异议成立：${reason}。${formatFen(o.priceFen)} 已退回爱心卡。`,
        )
      } else {
        await notifyParties(
          ctx,
          o.holderId,
          [o.proxyId],
          '异议处理结果',
          `经核实异议不成立：${reason}。如仍有疑问，请拨打 96345 或到社区服务中心反映。`,
        )
      }
      return orderView(ctx, o)
    },
  }),
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/tasks',
    input: v.object({ status: v.optional(v.picklist(['open', 'done', 'all'], '筛选条件不正确')) }),
    handler: async (ctx) => {
      const status = ctx.body.status ?? 'open'
      return taskDtos(ctx, await ctx.tx.careCard.tasksOf(ctx.user.communityId, status === 'all' ? undefined : status))
    },
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/tasks/:id/complete',
    input: v.object({
      outcome: v.pipe(
        v.string('请填写回访情况'),
        v.trim(),
        v.minLength(4, '请填写回访情况（至少 4 个字）'),
        v.maxLength(300, '回访情况请控制在 300 字以内'),
      ),
    }),
    handler: async (ctx) => {
      const task = await ctx.tx.careCard.tasks.get(ctx.params.id, { lock: true })
      if (!task) throw notFound('没有找到这个回访任务')
      if (task.communityId !== ctx.user.communityId) throw forbidden('只能处理本社区的回访任务', 'OTHER_COMMUNITY')
      if (task.status !== 'open') throw conflict('TASK_DONE', '这个回访任务已经完成了')
      const t = await ctx.tx.careCard.tasks.update(task.id, {
        status: 'done',
        doneAt: ctx.nowIso,
        doneById: ctx.user.id,
        outcome: ctx.body.outcome,
      })
      return (await taskDtos(ctx, [t]))[0]
    },
  }),
]

/**
 * Marks a booked `order` (locked by the caller) delivered once its time has come: the hold is charged
 * to the card, the act recorded (`via`, e.g. 扫码收款, prefixes its note) and the elder and proxies told.
 * The one charge path of a delivered service (deliver and pay-by-code).
 * @throws 409 `NOT_BOOKED` (cancelled or already delivered), 422 `NOT_STARTED` (before its time)
 */
async function deliverOrder(ctx: RouteContext, order: CareOrder, via = '') {
  await refreshCard(ctx, order.holderId)
  if (order.status !== 'booked')
    throw conflict(
      'NOT_BOOKED',
      order.status === 'cancelled' ? '这笔预约已经取消，不能标记完成' : '这笔服务已经标记完成了',
    )
  if (ctx.clock.now() < Date.parse(order.startAt))
    throw unprocessable(
      'NOT_STARTED',
      `服务时间 ${formatDateTimeCn(order.startAt)} 还没到，服务完成后再${via ? '收款' : '标记'}`,
    )
  await changeLedger(ctx, order.cardId, (entries) =>
    chargeHold(entries, { orderId: order.id, at: ctx.nowIso, amountFen: order.priceFen }),
  )
  const o = await ctx.tx.careCard.orders.update(order.id, {
    status: 'delivered',
    deliveredAt: ctx.nowIso,
    deliveredById: ctx.user.id,
    acts: [...order.acts, workerAct(ctx, 'delivered', { note: `${via}扣款 ${formatFen(order.priceFen)}` })],
  })
  await notifyParties(
    ctx,
    o.holderId,
    [o.proxyId],
    '服务已完成',
    `服务已完成，爱心卡扣款 ${formatFen(o.priceFen)}。请确认并评价；如有异议，可在 ${formatDateCn(disputeUntil(ctx.nowIso))} 前提出。`,
    href.careCard.order({ id: o.id }),
  )
  return orderView(ctx, o)
}
