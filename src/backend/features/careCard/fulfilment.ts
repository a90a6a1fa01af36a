/**
 * Worker side of services (domain.md §1 PRODUCT use): orders of the community to deliver, marking one
 * delivered (the hold is charged), disputes (upheld → refunded to the card, rejected → reason given) and
 * call-back tasks after bad ratings. Own community only; the elder and their proxy are told each step.
 */
import * as v from 'valibot'
import { chargeHold, refundCharge } from '@/domain/careLedger'
import { formatFen } from '@/domain/money'
import { conflict, forbidden, notFound, unprocessable } from '@/backend/core/http'
import type { Route, RouteContext } from '@/backend/core/router'
import { communityOrder, notifyParties, workerAct, workerRoute } from './common'
import { entriesOf, refreshCard, saveLedger } from './ledger'
import { disputeUntil, orderDto, taskDto } from './views'
import { formatDateCn, formatDateTimeCn } from '@/domain/time'

const writeOrder = (ctx: RouteContext, id: string) => ctx.db.write('careOrders')[id]

/** Worker routes for orders, disputes and call-back tasks. */
export const fulfilmentRoutes: Route[] = [
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/orders',
    input: v.object({ status: v.optional(v.picklist(['booked', 'delivered', 'disputed', 'all'], '筛选条件不正确')) }),
    handler: (ctx) => {
      const status = ctx.body.status ?? 'booked'
      return Object.values(ctx.db.data.careOrders)
        .filter((o) => o.communityId === ctx.user.communityId)
        .filter(
          (o) =>
            status === 'all' ||
            (status === 'disputed'
              ? o.dispute?.status === 'open'
              : status === 'delivered'
                ? o.status === 'delivered' || o.status === 'rated'
                : o.status === status),
        )
        .sort((a, b) => a.startAt.localeCompare(b.startAt) || a.id.localeCompare(b.id))
        .map((o) => orderDto(ctx.db.data, o, ctx.nowIso))
    },
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/orders/:id/deliver',
    handler: (ctx) => {
      const order = communityOrder(ctx, ctx.params.id)
      refreshCard(ctx, order.holderId)
      if (order.status !== 'booked')
        throw conflict(
          'NOT_BOOKED',
          order.status === 'cancelled' ? '这笔预约已经取消，不能标记完成' : '这笔服务已经标记完成了',
        )
      if (ctx.clock.now() < Date.parse(order.startAt))
        throw unprocessable('NOT_STARTED', `服务时间 ${formatDateTimeCn(order.startAt)} 还没到，服务完成后再标记`)
      saveLedger(
        ctx,
        order.cardId,
        chargeHold(entriesOf(ctx, order.cardId), { orderId: order.id, at: ctx.nowIso, amountFen: order.priceFen }),
      )
      const o = writeOrder(ctx, order.id)
      o.status = 'delivered'
      o.deliveredAt = ctx.nowIso
      o.deliveredById = ctx.user.id
      o.acts.push(workerAct(ctx, 'delivered', { note: `扣款 ${formatFen(o.priceFen)}` }))
      notifyParties(
        ctx,
        o.holderId,
        [o.proxyId],
        '服务已完成',
        `服务已完成，爱心卡扣款 ${formatFen(o.priceFen)}。请确认并评价；如有异议，可在 ${formatDateCn(disputeUntil(o.deliveredAt))} 前提出。`,
      )
      return orderDto(ctx.db.data, o, ctx.nowIso)
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
    handler: (ctx) => {
      const order = communityOrder(ctx, ctx.params.id)
      refreshCard(ctx, order.holderId)
      if (order.dispute?.status !== 'open') throw conflict('NO_OPEN_DISPUTE', '这笔服务没有待处理的异议')
      const { decision, reason } = ctx.body
      const o = writeOrder(ctx, order.id)
      const d = o.dispute!
      Object.assign(d, { status: decision, resolvedAt: ctx.nowIso, resolvedById: ctx.user.id, resolution: reason })
      if (decision === 'upheld') {
        saveLedger(
          ctx,
          o.cardId,
          refundCharge(entriesOf(ctx, o.cardId), {
            orderId: o.id,
            amountFen: o.priceFen,
            at: ctx.nowIso,
            note: `异议成立，退回爱心卡：${reason}`,
          }),
        )
        d.refundFen = o.priceFen
        o.acts.push(workerAct(ctx, 'dispute_upheld', { note: reason }))
        notifyParties(
          ctx,
          o.holderId,
          [o.proxyId],
          '异议成立，已退款',
          `经核实异议成立：${reason}。${formatFen(o.priceFen)} 已退回爱心卡。`,
        )
      } else {
        o.acts.push(workerAct(ctx, 'dispute_rejected', { note: reason }))
        notifyParties(
          ctx,
          o.holderId,
          [o.proxyId],
          '异议处理结果',
          `经核实异议不成立：${reason}。如仍有疑问，请拨打 96345 或到社区服务中心反映。`,
        )
      }
      return orderDto(ctx.db.data, o, ctx.nowIso)
    },
  }),
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/tasks',
    input: v.object({ status: v.optional(v.picklist(['open', 'done', 'all'], '筛选条件不正确')) }),
    handler: (ctx) => {
      const status = ctx.body.status ?? 'open'
      return Object.values(ctx.db.data.careTasks)
        .filter((t) => t.communityId === ctx.user.communityId && (status === 'all' || t.status === status))
        .sort((a, b) => a.dueAt.localeCompare(b.dueAt))
        .map((t) => taskDto(ctx.db.data, t, ctx.nowIso))
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
    handler: (ctx) => {
      const task = ctx.db.data.careTasks[ctx.params.id]
      if (!task) throw notFound('没有找到这个回访任务')
      if (task.communityId !== ctx.user.communityId) throw forbidden('只能处理本社区的回访任务', 'OTHER_COMMUNITY')
      if (task.status !== 'open') throw conflict('TASK_DONE', '这个回访任务已经完成了')
      const t = ctx.db.write('careTasks')[task.id]
      Object.assign(t, { status: 'done', doneAt: ctx.nowIso, doneById: ctx.user.id, outcome: ctx.body.outcome })
      return taskDto(ctx.db.data, t, ctx.nowIso)
    },
  }),
]
