/**
 * Resident side of using the card (domain.md §1 PRODUCT use): the card home, services and slots, and
 * orders — booking holds the price, cancelling before the service time releases it, the elder or family
 * confirms and rates (5 levels; ≤ 2 creates a call-back task due within 1 day, as in Zhejiang's 好差评)
 * and may dispute within 7 days of delivery. A confirmed family proxy may do all of it.
 */
import * as v from 'valibot'
import { holdCredit, releaseHold } from '@/domain/careLedger'
import { formatFen } from '@/domain/money'
import { addDays, beijingIso, formatDateCn, formatDateTimeCn } from '@/domain/time'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import type { Route, RouteContext } from '@/backend/core/router'
import { displayName } from '@/backend/routes/views'
import {
  BOOKING_LEAD_MS,
  bookedCount,
  findService,
  parseSlotId,
  serviceDto,
  slotsOf,
  slotStart,
  SLOT_DAYS,
} from './catalog'
import {
  careRoute,
  KIND_LABELS,
  notifyParties,
  notifyWorkers,
  ownOrder,
  pageOf,
  pageQuery,
  residentAct,
  todayOf,
} from './common'
import { cardHome, cardOf, entriesOf, saveLedger } from './ledger'
import type { CareCardRecord, CareOrder, CareTask } from './model'
import { disputeUntil, orderDto } from './views'

/** Ratings at or below this create a call-back task. */
export const CALLBACK_MAX_STARS = 2
/** A call-back is due within this long of the rating (ms). */
export const CALLBACK_DUE_MS = 24 * 3600_000

/** The principal's card. @throws 404 `NO_CARD` */
function ownCard(ctx: RouteContext): CareCardRecord {
  const card = cardOf(ctx, ctx.principal.id)
  if (!card) throw notFound('还没有爱心卡。可以先查看是否符合条件，再提交申请。', 'NO_CARD')
  return card
}

/** Updates an order through the transaction and returns the writable record. */
const writeOrder = (ctx: RouteContext, id: string) => ctx.db.write('careOrders')[id]

/** Resident routes of the card home, services and orders (all allow a confirmed proxy). */
export const orderRoutes: Route[] = [
  careRoute({
    method: 'GET',
    path: '/api/care-card',
    input: pageQuery,
    handler: (ctx) => cardHome(ctx, ownCard(ctx), ctx.body),
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/services',
    handler: (ctx) =>
      Object.values(ctx.db.data.careProviders)
        .filter((p) => p.communityId === ctx.principal.communityId)
        .flatMap((p) => p.services.map((s) => serviceDto(p, s))),
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/services/:serviceId/slots',
    handler: (ctx) => {
      const found = findService(ctx.db.data, ctx.params.serviceId)
      if (!found || found.provider.communityId !== ctx.principal.communityId)
        throw notFound('没有找到这项服务', 'NO_SUCH_SERVICE')
      return slotsOf(ctx.db.data, found.service, ctx.clock.now())
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders',
    input: v.object({
      slotId: v.pipe(v.string('请选择服务时间'), v.minLength(1, '请选择服务时间'), v.maxLength(80, '服务时间不正确')),
    }),
    handler: (ctx) => {
      const card = ownCard(ctx)
      const today = todayOf(ctx)
      if (card.activeFrom > today)
        throw unprocessable('CARD_NOT_ACTIVE', `爱心卡 ${formatDateCn(card.activeFrom)}起生效，届时就可以预约服务了。`)
      const slot = parseSlotId(ctx.body.slotId)
      const found = slot && findService(ctx.db.data, slot.serviceId)
      if (
        !slot ||
        !found ||
        found.provider.communityId !== card.communityId ||
        !found.service.slotTimes.includes(slot.time)
      ) {
        throw notFound('没有找到这个服务时段，请重新选择', 'NO_SUCH_SLOT')
      }
      const { provider, service } = found
      const startAt = slotStart(slot.date, slot.time)
      if (Date.parse(startAt) < ctx.clock.now() + BOOKING_LEAD_MS)
        throw unprocessable('SLOT_PASSED', '这个时段已经过了或马上开始，请选择 1 小时以后的时段')
      if (slot.date > addDays(today, SLOT_DAYS)) throw unprocessable('SLOT_TOO_FAR', `只能预约 ${SLOT_DAYS} 天内的服务`)
      const mine = Object.values(ctx.db.data.careOrders).find(
        (o) => o.holderId === card.holderId && o.slotId === ctx.body.slotId && o.status !== 'cancelled',
      )
      if (mine) throw conflict('ALREADY_BOOKED', '这个时段已经预约过了，请在“我的预约”中查看')
      if (bookedCount(ctx.db.data, ctx.body.slotId) >= service.capacity)
        throw conflict('SLOT_FULL', '这个时段已经约满了，请选择其他时间')
      const id = newId('co')
      // Throws INSUFFICIENT_BALANCE (422, the domain's message) before anything is written.
      const entries = holdCredit(entriesOf(ctx, card.id), {
        orderId: id,
        amountFen: service.priceFen,
        at: ctx.nowIso,
        note: `预约${KIND_LABELS[service.kind]}：${service.name}（${provider.name}）`,
      })
      saveLedger(ctx, card.id, entries)
      const order: CareOrder = {
        id,
        cardId: card.id,
        holderId: card.holderId,
        communityId: card.communityId,
        providerId: provider.id,
        serviceId: service.id,
        priceFen: service.priceFen,
        slotId: ctx.body.slotId,
        startAt,
        status: 'booked',
        createdAt: ctx.nowIso,
        proxyId: ctx.user.id !== ctx.principal.id ? ctx.user.id : undefined,
        acts: [
          residentAct(ctx, 'booked', {
            note: `${service.name}，${formatDateTimeCn(startAt)}，冻结 ${formatFen(service.priceFen)}`,
          }),
        ],
      }
      ctx.db.write('careOrders')[id] = order
      notifyParties(
        ctx,
        order.holderId,
        [order.proxyId],
        '服务预约成功',
        `已预约${provider.name}的${service.name}，时间 ${formatDateTimeCn(startAt)}，爱心卡冻结 ${formatFen(service.priceFen)}，服务完成后扣款；服务开始前可以取消。`,
      )
      return orderDto(ctx.db.data, order, ctx.nowIso)
    },
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/orders',
    input: pageQuery,
    handler: (ctx) => {
      const list = Object.values(ctx.db.data.careOrders)
        .filter((o) => o.holderId === ctx.principal.id)
        .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
      const page = pageOf(list, ctx.body)
      return { items: page.items.map((o) => orderDto(ctx.db.data, o, ctx.nowIso)), nextCursor: page.nextCursor }
    },
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/orders/:id',
    handler: (ctx) => orderDto(ctx.db.data, ownOrder(ctx, ctx.params.id), ctx.nowIso),
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/cancel',
    handler: (ctx) => {
      const order = ownOrder(ctx, ctx.params.id)
      if (order.status !== 'booked')
        throw conflict(
          'NOT_CANCELLABLE',
          order.status === 'cancelled' ? '这笔预约已经取消了' : '服务已经完成，不能取消；如有问题可以提出异议',
        )
      if (ctx.clock.now() >= Date.parse(order.startAt))
        throw conflict('TOO_LATE_TO_CANCEL', '服务时间已到，不能再取消。如服务没有上门，请联系社区。')
      return orderDto(ctx.db.data, cancelOrder(ctx, order), ctx.nowIso)
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/rate',
    input: v.object({
      stars: v.pipe(
        v.number('请选择评价'),
        v.integer('请选择 1 到 5 星'),
        v.minValue(1, '请选择 1 到 5 星'),
        v.maxValue(5, '请选择 1 到 5 星'),
      ),
      comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '评价请控制在 200 字以内'))),
    }),
    handler: (ctx) => {
      const order = ownOrder(ctx, ctx.params.id)
      if (order.status === 'rated') throw conflict('ALREADY_RATED', '这次服务已经评价过了')
      if (order.status !== 'delivered') throw conflict('NOT_DELIVERED', '服务完成后才能确认和评价')
      const { stars, comment } = ctx.body
      const o = writeOrder(ctx, order.id)
      o.status = 'rated'
      o.rating = { stars, comment: comment || undefined, at: ctx.nowIso }
      o.acts.push(residentAct(ctx, 'rated', { note: `${stars} 星${comment ? `：${comment}` : ''}` }))
      if (stars <= CALLBACK_MAX_STARS) {
        const task: CareTask = {
          id: newId('ct'),
          kind: 'callback',
          orderId: o.id,
          communityId: o.communityId,
          holderId: o.holderId,
          stars,
          comment: comment || undefined,
          createdAt: ctx.nowIso,
          dueAt: beijingIso(ctx.clock.now() + CALLBACK_DUE_MS),
          status: 'open',
        }
        ctx.db.write('careTasks')[task.id] = task
        notifyWorkers(
          ctx,
          o.communityId,
          '差评回访待处理',
          `${displayName(ctx.db.data.users[o.holderId])}给了 ${stars} 星评价，请在 ${formatDateTimeCn(task.dueAt)} 前电话回访。`,
        )
      }
      return orderDto(ctx.db.data, o, ctx.nowIso)
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/dispute',
    input: v.object({
      reason: v.pipe(
        v.string('请写明异议'),
        v.trim(),
        v.minLength(5, '请写明异议内容（至少 5 个字）'),
        v.maxLength(300, '异议请控制在 300 字以内'),
      ),
    }),
    handler: (ctx) => {
      const order = ownOrder(ctx, ctx.params.id)
      if (order.status !== 'delivered' && order.status !== 'rated')
        throw conflict('NOT_DELIVERED', '服务完成后才能提出异议；未开始的服务可以直接取消')
      if (order.dispute) throw conflict('DISPUTE_EXISTS', '这笔服务已经提出过异议，请等待社区处理结果')
      const until = disputeUntil(order.deliveredAt!)
      if (todayOf(ctx) > until)
        throw unprocessable(
          'DISPUTE_WINDOW_CLOSED',
          `异议需在服务完成后 7 天内提出，截至 ${formatDateCn(until)}，已经超过期限。如有问题请联系社区。`,
        )
      const o = writeOrder(ctx, order.id)
      o.dispute = { reason: ctx.body.reason, openedAt: ctx.nowIso, status: 'open' }
      o.acts.push(residentAct(ctx, 'disputed', { note: ctx.body.reason }))
      notifyParties(ctx, o.holderId, [o.proxyId], '异议已提交', '社区工作人员会核实后处理，成立的将全额退回爱心卡。')
      notifyWorkers(
        ctx,
        o.communityId,
        '服务异议待处理',
        `${displayName(ctx.db.data.users[o.holderId])}对一笔服务提出异议：${ctx.body.reason}`,
      )
      return orderDto(ctx.db.data, o, ctx.nowIso)
    },
  }),
]

/** Cancels a booked order: its hold is released to the card, the act recorded, holder and proxy told. */
function cancelOrder(ctx: RouteContext, order: CareOrder): CareOrder {
  saveLedger(
    ctx,
    order.cardId,
    releaseHold(entriesOf(ctx, order.cardId), { orderId: order.id, at: ctx.nowIso, amountFen: order.priceFen }),
  )
  const o = writeOrder(ctx, order.id)
  o.status = 'cancelled'
  o.acts.push(residentAct(ctx, 'cancelled', { note: `解冻 ${formatFen(o.priceFen)}` }))
  notifyParties(
    ctx,
    o.holderId,
    [o.proxyId],
    '服务预约已取消',
    `预约已取消，冻结的 ${formatFen(o.priceFen)} 已退回爱心卡。`,
  )
  return o
}

/**
 * Account deletion: cancels the holder `userId`'s booked orders that have not started (holds released,
 * slots freed for others). Orders already under way or delivered stay for the worker to settle.
 * @returns one line per booking cancelled, with its time and the amount unfrozen.
 */
export function cancelCareOrdersOf(ctx: RouteContext, userId: string): string[] {
  const now = ctx.clock.now()
  const booked = Object.values(ctx.db.data.careOrders).filter(
    (o) => o.holderId === userId && o.status === 'booked' && Date.parse(o.startAt) > now,
  )
  return booked.map((o) => {
    cancelOrder(ctx, o)
    const service = findService(ctx.db.data, o.serviceId)?.service.name ?? '服务'
    return `${o.startAt.slice(5, 7).replace(/^0/, '')}月${o.startAt.slice(8, 10).replace(/^0/, '')}日 ${o.startAt.slice(11, 16)} 的${service}预约已取消，冻结的 ${formatFen(o.priceFen)} 已解冻`
  })
}
