/**
 * Care-card orders and call-back tasks → wire shapes (`domain/care-card/contracts.ts`), with what the
 * viewer may still do; services, providers and people read once per answer.
 */
import type { CareOrderDto, CareTaskDto } from '@/domain/care-card/contracts'
import { addDays, beijingDate } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { CARE_SERVICE_KIND_LABELS } from '@/domain/care-card/kinds'
import type { CareOrder, CareProvider, CareService, CareTask } from './model'
import { actDto, peopleOf, person, proxyPerson, type PeopleOf } from './views'

/** Days after delivery during which a dispute may be opened (domain.md §1: disputes within 7 days). */
const DISPUTE_DAYS = 7

const ORDER_TEXT: Record<CareOrder['status'], string> = {
  booked: '已预约',
  cancelled: '已取消',
  delivered: '服务已完成，待确认评价',
  rated: '已评价',
}

/** Last day a dispute may be opened for an order delivered on `deliveredAt`. */
export const disputeUntil = (deliveredAt: string) => addDays(beijingDate(deliveredAt), DISPUTE_DAYS)

/** What an order's view reads besides the order: its service and provider, and its holder and deliverer. */
interface OrderRefs {
  service?: CareService
  provider?: CareProvider
  people: PeopleOf
}

/** An order on the wire, with what the viewer may still do (cancel before the service time, rate, dispute). */
function orderDto({ service, provider, people }: OrderRefs, o: CareOrder, nowIso: string): CareOrderDto {
  const until = o.deliveredAt ? disputeUntil(o.deliveredAt) : undefined
  const d = o.dispute
  return {
    id: o.id,
    cardId: o.cardId,
    holder: person(people, o.holderId),
    service: {
      id: o.serviceId,
      kind: service?.kind ?? 'meal',
      kindLabel: CARE_SERVICE_KIND_LABELS[service?.kind ?? 'meal'],
      name: service?.name ?? '',
      providerName: provider?.name ?? '',
      unit: service?.unit ?? '次',
    },
    priceFen: o.priceFen,
    slotId: o.slotId,
    startAt: o.startAt,
    status: o.status,
    statusText: o.disputeStatus === 'open' ? '异议处理中' : ORDER_TEXT[o.status],
    createdAt: o.createdAt,
    deliveredAt: o.deliveredAt,
    bookedBy: o.proxyId ? proxyPerson(people, o.proxyId, o.acts) : undefined,
    channel: o.channel ?? 'app',
    ...(o.callerPhone ? { callerPhone: o.callerPhone } : {}),
    deliveredBy: o.deliveredById ? person(people, o.deliveredById) : undefined,
    rating: o.rating ? { ...o.rating } : undefined,
    dispute:
      d && o.disputeStatus
        ? {
            reason: d.reason,
            openedAt: d.openedAt,
            status: o.disputeStatus,
            resolvedAt: d.resolvedAt,
            resolution: d.resolution,
            refundFen: d.refundFen,
          }
        : undefined,
    disputeUntil: until,
    canCancel: o.status === 'booked' && nowIso < o.startAt,
    canRate: o.status === 'delivered',
    canDispute: (o.status === 'delivered' || o.status === 'rated') && !d && !!until && beijingDate(nowIso) <= until,
    history: o.acts.map(actDto),
  }
}

/** A call-back task on the wire; `people` holds its holder and the worker who did it. */
function taskDto(people: PeopleOf, t: CareTask, nowIso: string): CareTaskDto {
  return {
    id: t.id,
    kind: t.kind,
    orderId: t.orderId,
    holder: person(people, t.holderId),
    phone: people.get(t.holderId)?.phone,
    stars: t.stars,
    comment: t.comment,
    createdAt: t.createdAt,
    dueAt: t.dueAt,
    overdue: t.status === 'open' && nowIso > t.dueAt,
    status: t.status,
    doneAt: t.doneAt,
    doneBy: t.doneById ? person(people, t.doneById) : undefined,
    outcome: t.outcome,
  }
}

/** Orders on the wire, in the order given (services, providers and people read once each). */
export async function orderDtos(ctx: RouteContext, orders: readonly CareOrder[]): Promise<CareOrderDto[]> {
  const repo = ctx.tx.careCard
  const people = await peopleOf(
    ctx,
    orders.flatMap((o) => [o.holderId, o.proxyId, o.deliveredById]),
  )
  const services = new Map<string, CareService | undefined>()
  const providers = new Map<string, CareProvider | undefined>()
  for (const o of orders) {
    if (!services.has(o.serviceId)) services.set(o.serviceId, await repo.services.get(o.serviceId))
    if (!providers.has(o.providerId)) providers.set(o.providerId, await repo.providers.get(o.providerId))
  }
  return orders.map((o) =>
    orderDto({ service: services.get(o.serviceId), provider: providers.get(o.providerId), people }, o, ctx.nowIso),
  )
}

/** One order on the wire. */
export async function orderView(ctx: RouteContext, order: CareOrder): Promise<CareOrderDto> {
  return (await orderDtos(ctx, [order]))[0]
}

/** Call-back tasks on the wire, in the order given. */
export async function taskDtos(ctx: RouteContext, tasks: readonly CareTask[]): Promise<CareTaskDto[]> {
  const people = await peopleOf(
    ctx,
    tasks.flatMap((t) => [t.holderId, t.doneById]),
  )
  return tasks.map((t) => taskDto(people, t, ctx.nowIso))
}
