/**
 * Resident side of orders (domain.md §1 PRODUCT use): booking holds the price, cancelling before the
 * service time releases it, the elder or family confirms and rates (5 levels; ≤ 2 creates a call-back
 * task due within 1 day, as in Zhejiang's 好差评) and may dispute within 7 days of delivery. A confirmed
 * family proxy may do all of it. Account deletion cancels the bookings not yet started.
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { holdCredit, releaseHold } from '@/domain/care-card/ledger'
import { formatFen } from '@/domain/shared/money'
import { addDays, beijingIso, formatDateCn, formatDateTimeCn } from '@/domain/shared/time'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import type { AccountDeletionHook, Route, RouteContext } from '@/backend/core/router'
import { displayName } from '@/backend/routes/views'
import { BOOKING_LEAD_MS, findService, parseSlotId, slotStart, SLOT_DAYS } from './catalog'
import {
  actorOf,
  careRoute,
  notifyParties,
  notifyWorkers,
  ownCard,
  ownOrder,
  proxyOf,
  residentAct,
  todayOf,
} from './common'
import { CARE_SERVICE_KIND_LABELS } from '@/domain/care-card/kinds'
import { changeLedger } from './ledger'
import type { CareOrder, CareTask } from './model'
import { pageBounds, pageQuery } from './paging'
import { disputeUntil, orderDtos, orderView } from './order-views'

/** Ratings at or below this create a call-back task. */
const CALLBACK_MAX_STARS = 2
/** A call-back is due within this long of the rating (ms). */
const CALLBACK_DUE_MS = 24 * 3600_000

/** Resident routes of orders (all allow a confirmed proxy). */
export const orderRoutes: Route[] = [
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders',
    input: v.object({
      slotId: v.pipe(v.string('请选择服务时间'), v.minLength(1, '请选择服务时间'), v.maxLength(80, '服务时间不正确')),
    }),
    workerProxyAct: '预约服务',
    handler: async (ctx) => orderView(ctx, await bookSlot(ctx, ctx.body.slotId)),
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/orders',
    input: pageQuery,
    handler: async (ctx) => {
      const { offset, limit } = pageBounds(ctx.body)
      const list = await ctx.tx.careCard.ordersOf(ctx.principal.id, { offset, limit: limit + 1 })
      return {
        items: await orderDtos(ctx, list.slice(0, limit)),
        nextCursor: list.length > limit ? String(offset + limit) : null,
      }
    },
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/orders/:id',
    handler: async (ctx) => orderView(ctx, await ownOrder(ctx, ctx.params.id)),
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/cancel',
    workerProxyAct: '取消预约',
    handler: async (ctx) => {
      const order = await ownOrder(ctx, ctx.params.id, true)
      if (order.status !== 'booked')
        throw conflict(
          'NOT_CANCELLABLE',
          order.status === 'cancelled' ? '这笔预约已经取消了' : '服务已经完成，不能取消；如有问题可以提出异议',
        )
      if (ctx.clock.now() >= Date.parse(order.startAt))
        throw conflict('TOO_LATE_TO_CANCEL', '服务时间已到，不能再取消。如服务没有上门，请联系社区。')
      return orderView(ctx, await cancelOrder(ctx, order))
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/rate',
    workerProxyAct: '确认并评价',
    input: v.object({
      stars: v.pipe(
        v.number('请选择评价'),
        v.integer('请选择 1 到 5 星'),
        v.minValue(1, '请选择 1 到 5 星'),
        v.maxValue(5, '请选择 1 到 5 星'),
      ),
      comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '评价请控制在 200 字以内'))),
    }),
    handler: async (ctx) => {
      const order = await ownOrder(ctx, ctx.params.id, true)
      if (order.status === 'rated') throw conflict('ALREADY_RATED', '这次服务已经评价过了')
      if (order.status !== 'delivered') throw conflict('NOT_DELIVERED', '服务完成后才能确认和评价')
      const { stars, comment } = ctx.body
      const o = await ctx.tx.careCard.orders.update(order.id, {
        status: 'rated',
        rating: { stars, ...(comment ? { comment } : {}), at: ctx.nowIso },
        acts: [...order.acts, residentAct(ctx, 'rated', { note: `${stars} 星${comment ? `：${comment}` : ''}` })],
      })
      if (stars <= CALLBACK_MAX_STARS) {
        const task: CareTask = {
          id: newId('ct'),
          kind: 'callback',
          orderId: o.id,
          communityId: o.communityId,
          holderId: o.holderId,
          stars,
          ...(comment ? { comment } : {}),
          createdAt: ctx.nowIso,
          dueAt: beijingIso(ctx.clock.now() + CALLBACK_DUE_MS),
          status: 'open',
        }
        await ctx.tx.careCard.tasks.insert(task)
        const holder = displayName(await ctx.tx.core.users.get(o.holderId))
        await notifyWorkers(
          ctx,
          o.communityId,
          '差评回访待处理',
          `${holder}给了 ${stars} 星评价，请在 ${formatDateTimeCn(task.dueAt)} 前电话回访。`,
        )
      }
      return orderView(ctx, o)
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/orders/:id/dispute',
    workerProxyAct: '提出异议',
    input: v.object({
      reason: v.pipe(
        v.string('请写明异议'),
        v.trim(),
        v.minLength(5, '请写明异议内容（至少 5 个字）'),
        v.maxLength(300, '异议请控制在 300 字以内'),
      ),
    }),
    handler: async (ctx) => {
      const order = await ownOrder(ctx, ctx.params.id, true)
      if (order.status !== 'delivered' && order.status !== 'rated')
        throw conflict('NOT_DELIVERED', '服务完成后才能提出异议；未开始的服务可以直接取消')
      if (order.disputeStatus) throw conflict('DISPUTE_EXISTS', '这笔服务已经提出过异议，请等待社区处理结果')
      const until = disputeUntil(order.deliveredAt!)
      if (todayOf(ctx) > until)
        throw unprocessable(
          'DISPUTE_WINDOW_CLOSED',
          `异议需在服务完成后 7 天内提出，截至 ${formatDateCn(until)}，已经超过期限。如有问题请联系社区。`,
        )
      const o = await ctx.tx.careCard.orders.update(order.id, {
        disputeStatus: 'open',
        dispute: { reason: ctx.body.reason, openedAt: ctx.nowIso },
        acts: [...order.acts, residentAct(ctx, 'disputed', { note: ctx.body.reason })],
      })
      await notifyParties(
        ctx,
        o.holderId,
        [o.proxyId],
        '异议已提交',
        '社区工作人员会核实后处理，成立的将全额退回爱心卡。',
      )
      const holder = displayName(await ctx.tx.core.users.get(o.holderId))
      await notifyWorkers(ctx, o.communityId, '服务异议待处理', `${holder}对一笔服务提出异议：${ctx.body.reason}`)
      return orderView(ctx, o)
    },
  }),
]

/**
 * Books slot `slotId` on the principal's card — the one booking path of the app and of phone orders
 * (`phone`: keyed in by a worker, channel 电话预约 · 96345, the caller's phone kept): the card must be
 * active, the slot in the card's community, at least 1 hour ahead and within the booking days, not
 * already booked by the elder, not full; the price is held on the card (the ledger line names who acted
 * for the elder). The elder and their family proxies are told.
 * @throws 404 `NO_SUCH_SLOT`, 409 `ALREADY_BOOKED` / `SLOT_FULL`, 422 `CARD_NOT_ACTIVE` / `SLOT_PASSED` /
 * `SLOT_TOO_FAR` / `INSUFFICIENT_BALANCE`, 404 `NO_CARD`
 */
export async function bookSlot(ctx: RouteContext, slotId: string, phone?: { callerPhone: string }): Promise<CareOrder> {
  const card = await ownCard(ctx)
  const today = todayOf(ctx)
  if (card.activeFrom > today)
    throw unprocessable('CARD_NOT_ACTIVE', `爱心卡 ${formatDateCn(card.activeFrom)}起生效，届时就可以预约服务了。`)
  const slot = parseSlotId(slotId)
  // The service is locked: its slots are booked one at a time (capacity).
  const found = slot ? await findService(ctx, slot.serviceId, true) : undefined
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
  if (await ctx.tx.careCard.holderOrderInSlot(card.holderId, slotId))
    throw conflict('ALREADY_BOOKED', '这个时段已经预约过了，请在“我的预约”中查看')
  if ((await ctx.tx.careCard.placesTaken(slotId)) >= service.capacity)
    throw conflict('SLOT_FULL', '这个时段已经约满了，请选择其他时间')
  const id = newId('co')
  // Throws INSUFFICIENT_BALANCE (422, the domain's message) before anything is written.
  const actor = actorOf(ctx)
  const by = [phone ? '电话预约 · 96345' : '', actor?.mark ?? ''].filter(Boolean).join('，')
  const note = `预约${CARE_SERVICE_KIND_LABELS[service.kind]}：${service.name}（${provider.name}）${by ? `（${by}）` : ''}`
  await changeLedger(
    ctx,
    card.id,
    (entries) => holdCredit(entries, { orderId: id, amountFen: service.priceFen, at: ctx.nowIso, note }),
    actor,
  )
  const order: CareOrder = {
    id,
    cardId: card.id,
    holderId: card.holderId,
    communityId: card.communityId,
    providerId: provider.id,
    serviceId: service.id,
    priceFen: service.priceFen,
    slotId: slotId,
    startAt,
    status: 'booked',
    createdAt: ctx.nowIso,
    ...(proxyOf(ctx) ? { proxyId: proxyOf(ctx) } : {}),
    ...(phone ? { channel: 'phone' as const, callerPhone: phone.callerPhone } : {}),
    acts: [
      residentAct(ctx, 'booked', {
        note: `${service.name}，${formatDateTimeCn(startAt)}，冻结 ${formatFen(service.priceFen)}${phone ? `（电话预约 · 96345，来电 ${phone.callerPhone}）` : ''}`,
      }),
    ],
  }
  await ctx.tx.careCard.orders.insert(order)
  await notifyParties(
    ctx,
    order.holderId,
    [order.proxyId],
    '服务预约成功',
    `已预约${provider.name}的${service.name}，时间 ${formatDateTimeCn(startAt)}，爱心卡冻结 ${formatFen(service.priceFen)}，服务完成后扣款；服务开始前可以取消。`,
    href.careCard.order({ id: order.id }),
  )
  return order
}

/**
 * Cancels a booked order (locked by the caller): its hold is released to the card, the act recorded,
 * holder and proxy told.
 */
async function cancelOrder(ctx: RouteContext, order: CareOrder): Promise<CareOrder> {
  await changeLedger(
    ctx,
    order.cardId,
    (entries) => releaseHold(entries, { orderId: order.id, at: ctx.nowIso, amountFen: order.priceFen }),
    actorOf(ctx),
  )
  const o = await ctx.tx.careCard.orders.update(order.id, {
    status: 'cancelled',
    acts: [...order.acts, residentAct(ctx, 'cancelled', { note: `解冻 ${formatFen(order.priceFen)}` })],
  })
  await notifyParties(
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
export const cancelCareOrdersOf: AccountDeletionHook = async (ctx, userId) => {
  const lines: string[] = []
  for (const booked of await ctx.tx.careCard.bookedOrdersOf(userId, ctx.nowIso)) {
    const o = await ctx.tx.careCard.orders.get(booked.id, { lock: true })
    if (!o || o.status !== 'booked') continue
    await cancelOrder(ctx, o)
    const service = (await ctx.tx.careCard.services.get(o.serviceId))?.name ?? '服务'
    lines.push(
      `${o.startAt.slice(5, 7).replace(/^0/, '')}月${o.startAt.slice(8, 10).replace(/^0/, '')}日 ${o.startAt.slice(11, 16)} 的${service}预约已取消，冻结的 ${formatFen(o.priceFen)} 已解冻`,
    )
  }
  return lines
}
