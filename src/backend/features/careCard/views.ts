/**
 * Care-card records → wire shapes (`domain/contracts/careCard.ts`): applications with their progress
 * timeline, orders, tasks. ID numbers are masked; names come from the recorded acts.
 */
import type {
  CareActDto,
  CareApplicationDto,
  CareOrderDto,
  CarePersonDto,
  CareStageDto,
  CareTaskDto,
  WorkerCareApplicationDto,
} from '@/domain/contracts/careCard'
import { ageOn, maskResidentId, parseResidentId } from '@/domain/residentId'
import { addDays, beijingDate, formatDateCn } from '@/domain/time'
import type { Collections } from '@/backend/model'
import { displayName } from '@/backend/routes/views'
import { ACT_TITLES, groupLabels, KIND_LABELS, PROOF_LABELS } from './common'
import type { CareAct, CareApplication, CareOrder, CareTask } from './model'

/** Days after delivery during which a dispute may be opened (domain.md §1: disputes within 7 days). */
export const DISPUTE_DAYS = 7

const person = (data: Collections, userId: string): CarePersonDto => ({ userId, name: displayName(data.users[userId]) })

/** A recorded act on the wire. */
export function actDto(a: CareAct): CareActDto {
  return {
    kind: a.kind,
    title: ACT_TITLES[a.kind],
    at: a.at,
    actor: { userId: a.actorId, name: a.actorName },
    role: a.role,
    proxy: a.proxyId ? { userId: a.proxyId, name: a.proxyName ?? '' } : undefined,
    stage: a.stage,
    note: a.note,
  }
}

const STATUS_TEXT: Record<CareApplication['status'], string> = {
  community_review: '社区初审中',
  street_review: '街道审核中',
  approved: '审核通过',
  rejected: '未通过，可修改后重新提交',
  withdrawn: '已撤回',
}

const stepOf = (a: CareAct | undefined): Pick<CareStageDto, 'at' | 'actor' | 'proxy' | 'note'> =>
  !a
    ? {}
    : {
        at: a.at,
        actor: { userId: a.actorId, name: a.actorName },
        proxy: a.proxyId ? { userId: a.proxyId, name: a.proxyName ?? '' } : undefined,
        note: a.note,
      }

/** The timeline of the current cycle: submitted → 社区初审 → 街道审核 → 生效 (from the 1st of next month). */
function stagesOf(app: CareApplication, today: string): CareStageDto[] {
  const acts = app.acts.filter((a) => a.cycle === app.cycle)
  const find = (kind: CareAct['kind'], stage?: string) =>
    acts.find((a) => a.kind === kind && (!stage || a.stage === stage))
  const submitted = find(app.cycle > 1 ? 'resubmitted' : 'submitted')
  const community = find('community_approved')
  const street = find('street_approved')
  const rejected = find('rejected')
  const withdrawn = find('withdrawn')
  const stateOf = (done: boolean, current: boolean, stage: 'community' | 'street'): CareStageDto['state'] =>
    done
      ? 'done'
      : rejected?.stage === stage
        ? 'rejected'
        : current
          ? withdrawn
            ? 'cancelled'
            : 'current'
          : withdrawn || rejected
            ? 'cancelled'
            : 'waiting'
  const communityCurrent = app.status === 'community_review' || (!!withdrawn && !community)
  const streetCurrent = app.status === 'street_review' || (!!withdrawn && !!community && !street)
  return [
    { key: 'submitted', title: app.cycle > 1 ? '重新提交' : '提交申请', state: 'done', ...stepOf(submitted) },
    {
      key: 'community_review',
      title: '社区初审（5 个工作日内）',
      state: stateOf(!!community, communityCurrent, 'community'),
      dueDate: app.communityDueDate,
      ...stepOf(
        community ??
          (rejected?.stage === 'community' ? rejected : withdrawn && communityCurrent ? withdrawn : undefined),
      ),
    },
    {
      key: 'street_review',
      title: '街道审核（5 个工作日内）',
      state: stateOf(!!street, streetCurrent, 'street'),
      dueDate: app.streetDueDate,
      ...stepOf(
        street ?? (rejected?.stage === 'street' ? rejected : withdrawn && streetCurrent ? withdrawn : undefined),
      ),
    },
    {
      key: 'active',
      title: app.activeFrom ? `${formatDateCn(app.activeFrom)}起生效` : '次月 1 日起生效',
      state: app.activeFrom
        ? app.activeFrom <= today
          ? 'done'
          : 'waiting'
        : withdrawn || rejected
          ? 'cancelled'
          : 'waiting',
      dueDate: app.activeFrom,
      at: app.activeFrom && app.activeFrom <= today ? `${app.activeFrom}T00:00:00+08:00` : undefined,
    },
  ]
}

/** An application for its applicant or proxy. */
export function applicationDto(data: Collections, app: CareApplication, nowIso: string): CareApplicationDto {
  const rej = app.rejection
  return {
    id: app.id,
    applicant: person(data, app.applicantId),
    proxy: app.proxyId ? person(data, app.proxyId) : undefined,
    communityName: data.communities[app.communityId]?.name ?? '',
    status: app.status,
    statusText: STATUS_TEXT[app.status],
    cycle: app.cycle,
    groups: [...app.groups],
    groupLabels: groupLabels(app.groups),
    proofs: app.proofs
      .filter((p) => p.cycle === app.cycle)
      .map((p) => ({ kind: p.kind, label: PROOF_LABELS[p.kind], imageId: p.imageId, cycle: p.cycle })),
    monthlyCreditFen: app.monthlyCreditFen,
    tierReason: app.tierReason,
    submittedAt: app.submittedAt,
    stages: stagesOf(app, beijingDate(nowIso)),
    history: app.acts.map(actDto),
    rejection: rej
      ? { stage: rej.stage, reason: rej.reason, at: rej.at, by: { userId: rej.byId, name: rej.byName } }
      : undefined,
    activeFrom: app.activeFrom,
    cardId: app.cardId,
  }
}

/** An application for a worker: adds the masked ID number, age, current due date and overdue flag. */
export function workerApplicationDto(
  data: Collections,
  app: CareApplication,
  nowIso: string,
): WorkerCareApplicationDto {
  const u = data.users[app.applicantId]
  const today = beijingDate(nowIso)
  const idNumber = u?.realName?.idNumber ?? ''
  const birth = idNumber ? parseResidentId(idNumber, today).birthDate : today
  const dueDate =
    app.status === 'community_review'
      ? app.communityDueDate
      : app.status === 'street_review'
        ? app.streetDueDate
        : undefined
  return {
    ...applicationDto(data, app, nowIso),
    applicantIdMasked: maskResidentId(idNumber),
    applicantAge: ageOn(birth, today),
    dueDate,
    overdue: !!dueDate && today > dueDate,
  }
}

const ORDER_TEXT: Record<CareOrder['status'], string> = {
  booked: '已预约',
  cancelled: '已取消',
  delivered: '服务已完成，待确认评价',
  rated: '已评价',
}

/** Last day a dispute may be opened for an order delivered on `deliveredAt`. */
export const disputeUntil = (deliveredAt: string) => addDays(beijingDate(deliveredAt), DISPUTE_DAYS)

/** An order on the wire, with what the viewer may still do (cancel before the service time, rate, dispute). */
export function orderDto(data: Collections, o: CareOrder, nowIso: string): CareOrderDto {
  const provider = data.careProviders[o.providerId]
  const service = provider?.services.find((s) => s.id === o.serviceId)
  const until = o.deliveredAt ? disputeUntil(o.deliveredAt) : undefined
  const d = o.dispute
  return {
    id: o.id,
    cardId: o.cardId,
    holder: person(data, o.holderId),
    service: {
      id: o.serviceId,
      kind: service?.kind ?? 'meal',
      kindLabel: KIND_LABELS[service?.kind ?? 'meal'],
      name: service?.name ?? '',
      providerName: provider?.name ?? '',
      unit: service?.unit ?? '次',
    },
    priceFen: o.priceFen,
    slotId: o.slotId,
    startAt: o.startAt,
    status: o.status,
    statusText: d?.status === 'open' ? '异议处理中' : ORDER_TEXT[o.status],
    createdAt: o.createdAt,
    bookedBy: o.proxyId ? person(data, o.proxyId) : undefined,
    deliveredAt: o.deliveredAt,
    deliveredBy: o.deliveredById ? person(data, o.deliveredById) : undefined,
    rating: o.rating ? { ...o.rating } : undefined,
    dispute: d
      ? {
          reason: d.reason,
          openedAt: d.openedAt,
          status: d.status,
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

/** A call-back task on the wire. */
export function taskDto(data: Collections, t: CareTask, nowIso: string): CareTaskDto {
  return {
    id: t.id,
    kind: t.kind,
    orderId: t.orderId,
    holder: person(data, t.holderId),
    phone: data.users[t.holderId]?.phone,
    stars: t.stars,
    comment: t.comment,
    createdAt: t.createdAt,
    dueAt: t.dueAt,
    overdue: t.status === 'open' && nowIso > t.dueAt,
    status: t.status,
    doneAt: t.doneAt,
    doneBy: t.doneById ? person(data, t.doneById) : undefined,
    outcome: t.outcome,
  }
}
