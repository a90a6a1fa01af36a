/**
 * Shared helpers of the care-card routes: the route wrapper (lazy credit issuance/lapse before every
 * handler), recorded acts (who, for whom), messages to the elder and their proxy, lookups with access
 * checks, labels and paging. Rules: domain.md §1.
 */
import * as v from 'valibot'
import { CARE_GROUP_LABELS } from '@/domain/careCard'
import type { CareActKindDto, CareProofKindDto, CareServiceKindDto } from '@/domain/contracts/careCard'
import { parseResidentId } from '@/domain/residentId'
import { beijingDate } from '@/domain/time'
import { forbidden, notFound, unprocessable } from '@/backend/core/http'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { displayName } from '@/backend/routes/views'
import { refreshCard } from './ledger'
import type { CareAct, CareApplication, CareOrder } from './model'

/** Where messages about the card lead in the app. */
export const CARE_LINK = '/packages/care-card/pages/index/index'

/** Plain-Chinese labels of service kinds. */
export const KIND_LABELS: Readonly<Record<CareServiceKindDto, string>> = {
  meal: '助餐',
  bath: '助浴',
  clean: '助洁',
  walk: '助行',
  medical: '助医',
  emergency: '助急',
}

/** Plain-Chinese labels of proof kinds. */
export const PROOF_LABELS: Readonly<Record<CareProofKindDto, string>> = {
  household: '户口簿或居住证',
  subsistence: '低保证明',
  marginal: '低边证明',
  destitute: '特困证明',
  disabled: '失能评估结果',
  relationship: '代办人关系证明',
  other: '其他材料',
}

/** Titles of recorded acts. */
export const ACT_TITLES: Readonly<Record<CareActKindDto, string>> = {
  submitted: '提交申请',
  resubmitted: '修改后重新提交',
  community_approved: '社区初审通过',
  street_approved: '街道审核通过',
  rejected: '审核未通过',
  withdrawn: '撤回申请',
  booked: '预约服务',
  cancelled: '取消预约',
  delivered: '服务已完成',
  rated: '确认并评价',
  disputed: '提出异议',
  dispute_upheld: '异议成立，已退款',
  dispute_rejected: '异议未成立',
}

/** `低保、失能` style labels of groups. */
export const groupLabels = (groups: readonly string[]) =>
  groups.map((g) => CARE_GROUP_LABELS[g as keyof typeof CARE_GROUP_LABELS] ?? g)

/** Today's Beijing date `YYYY-MM-DD` in mock time. */
export const todayOf = (ctx: RouteContext) => beijingDate(ctx.nowIso)

/**
 * A resident route of the care card: access `user`, a confirmed family proxy may call it (`allowProxy`),
 * and the principal's card gets its due credit issued and ended years lapsed (lazy, mock time) before
 * the handler runs.
 */
export function careRoute<S extends v.GenericSchema = v.GenericSchema<unknown, undefined>>(
  def: Omit<Route<v.InferOutput<S>>, 'input' | 'access' | 'allowProxy'> & { input?: S },
): Route {
  const inner = def.handler
  return route<S>({
    ...def,
    access: 'user',
    allowProxy: true,
    handler: (ctx) => {
      refreshCard(ctx as RouteContext, ctx.principal.id)
      return inner(ctx)
    },
  })
}

/** A worker route of the care card (access `worker`; own community checked by the handler). */
export function workerRoute<S extends v.GenericSchema = v.GenericSchema<unknown, undefined>>(
  def: Omit<Route<v.InferOutput<S>>, 'input' | 'access' | 'allowProxy'> & { input?: S },
): Route {
  return route<S>({ ...def, access: 'worker' })
}

/**
 * Records an act by the caller on behalf of the principal (resident side): role `proxy` with the proxy
 * named when a family member acts for the elder, otherwise `applicant`.
 */
export function residentAct(ctx: RouteContext, kind: CareActKindDto, extra: Partial<CareAct> = {}): CareAct {
  const proxy = ctx.user.id !== ctx.principal.id
  return {
    kind,
    at: ctx.nowIso,
    actorId: ctx.user.id,
    actorName: displayName(ctx.user),
    role: proxy ? 'proxy' : 'applicant',
    ...(proxy ? { proxyId: ctx.user.id, proxyName: displayName(ctx.user) } : {}),
    ...extra,
  }
}

/** Records an act by the calling worker. */
export function workerAct(ctx: RouteContext, kind: CareActKindDto, extra: Partial<CareAct> = {}): CareAct {
  return { kind, at: ctx.nowIso, actorId: ctx.user.id, actorName: displayName(ctx.user), role: 'worker', ...extra }
}

/** Whether `proxyId` may still act for `principalId` (a confirmed, unrevoked family link). */
export function isLinkedProxy(ctx: RouteContext, proxyId: string, principalId: string): boolean {
  return Object.values(ctx.db.data.familyLinks).some(
    (l) => l.proxyId === proxyId && l.principalId === principalId && l.status === 'confirmed',
  )
}

/**
 * Messages the elder and their family proxies, each once: the record's proxy, the acting proxy and every
 * other family member with a confirmed link (they may act for the elder, e.g. confirm and rate). A proxy
 * whose link has been revoked is no longer told.
 */
export function notifyParties(
  ctx: RouteContext,
  holderId: string,
  proxyIds: (string | undefined)[],
  title: string,
  body: string,
): void {
  const to = new Set([holderId])
  const linked = Object.values(ctx.db.data.familyLinks)
    .filter((l) => l.principalId === holderId && l.status === 'confirmed')
    .map((l) => l.proxyId)
  for (const p of [...proxyIds, ctx.user.id !== ctx.principal.id ? ctx.user.id : undefined, ...linked]) {
    if (p && p !== holderId && isLinkedProxy(ctx, p, holderId)) to.add(p)
  }
  for (const id of to) ctx.notify(id, title, body, CARE_LINK)
}

/** Messages every worker of a community. */
export function notifyWorkers(ctx: RouteContext, communityId: string, title: string, body: string): void {
  for (const u of Object.values(ctx.db.data.users)) {
    if (u.role === 'worker' && u.communityId === communityId && !u.deletedAt) ctx.notify(u.id, title, body)
  }
}

/**
 * The principal's birth date from their real-name ID number (GB 11643-1999).
 * @throws 422 `REAL_NAME_REQUIRED` when the principal is not real-name bound
 */
export function birthDateOf(ctx: RouteContext, person: User): string {
  if (!person.realName) {
    const who = person.id === ctx.user.id ? '请先完成实名认证' : '这位家人还没有完成实名认证，请让家人先实名'
    throw unprocessable('REAL_NAME_REQUIRED', `${who}，再申请爱心卡`)
  }
  return parseResidentId(person.realName.idNumber, todayOf(ctx)).birthDate
}

/** The principal's application `id`. @throws 404 when missing or someone else's */
export function ownApplication(ctx: RouteContext, id: string): CareApplication {
  const app = ctx.db.data.careApplications[id]
  if (!app || app.applicantId !== ctx.principal.id) throw notFound('没有找到这份申请')
  return app
}

/** An application of the worker's community. @throws 404 missing, 403 `OTHER_COMMUNITY` */
export function communityApplication(ctx: RouteContext, id: string): CareApplication {
  const app = ctx.db.data.careApplications[id]
  if (!app) throw notFound('没有找到这份申请')
  if (app.communityId !== ctx.user.communityId) throw forbidden('只能办理本社区居民的爱心卡申请', 'OTHER_COMMUNITY')
  return app
}

/** The principal's order `id`. @throws 404 when missing or someone else's */
export function ownOrder(ctx: RouteContext, id: string): CareOrder {
  const order = ctx.db.data.careOrders[id]
  if (!order || order.holderId !== ctx.principal.id) throw notFound('没有找到这笔预约')
  return order
}

/** An order of the worker's community. @throws 404 missing, 403 `OTHER_COMMUNITY` */
export function communityOrder(ctx: RouteContext, id: string): CareOrder {
  const order = ctx.db.data.careOrders[id]
  if (!order) throw notFound('没有找到这笔预约')
  if (order.communityId !== ctx.user.communityId) throw forbidden('只能处理本社区的服务订单', 'OTHER_COMMUNITY')
  return order
}

/** Query schema of a page: `cursor` (offset) and `limit` (1–50, default 20). */
export const pageQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, '分页参数不正确'))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, '分页参数不正确'))),
})

/** One page of `list` from offset `cursor`; `nextCursor` null at the end. */
export function pageOf<T>(
  list: T[],
  q: { cursor?: string; limit?: string },
): { items: T[]; nextCursor: string | null } {
  const start = Number(q.cursor ?? 0)
  const limit = Math.min(50, Math.max(1, Number(q.limit ?? 20)))
  return {
    items: list.slice(start, start + limit),
    nextCursor: start + limit < list.length ? String(start + limit) : null,
  }
}
