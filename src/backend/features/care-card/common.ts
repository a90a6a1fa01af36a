/**
 * Shared helpers of the care-card routes: the route wrapper (lazy credit issuance/lapse before every
 * handler), recorded acts (who, for whom), messages to the elder and their proxy, lookups with access
 * checks and labels. Rules: domain.md §1. Locks are taken in one order: an order, service or
 * application row first, then the card (`changeLedger`).
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { CARE_GROUP_LABELS } from '@/domain/care-card/eligibility'
import type { CareActKindDto } from '@/domain/care-card/contracts'
import { parseResidentId } from '@/domain/shared/residentId'
import { beijingDate } from '@/domain/shared/time'
import { forbidden, notFound, unprocessable } from '@/backend/core/http'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { displayName } from '@/backend/routes/views'
import { refreshCard } from './ledger'
import type { CareAct, CareApplication, CareCardRecord, CareOrder } from './model'

/** Where messages about the card lead in the app. */
const CARE_LINK = href.careCard.index()

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
    handler: async (ctx) => {
      await refreshCard(ctx as RouteContext, ctx.principal.id)
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
    ...(proxy && ctx.proxyKind === 'worker' ? { proxyIsWorker: true } : {}),
    ...extra,
  }
}

/**
 * Who acts for the elder in this request, as ledger lines record it (`actedBy`/`actorName`), and the
 * mark added to their notes (`由网格员 赵敏 代办`, `由 李红 代办`); undefined when the elder acts.
 */
export function actorOf(ctx: RouteContext): { id: string; name: string; mark: string } | undefined {
  if (ctx.user.id === ctx.principal.id) return undefined
  const name = ctx.proxyKind === 'worker' ? `网格员 ${displayName(ctx.user)}` : displayName(ctx.user)
  return { id: ctx.user.id, name, mark: `由${name}代办` }
}

/** Records an act by the calling worker. */
export function workerAct(ctx: RouteContext, kind: CareActKindDto, extra: Partial<CareAct> = {}): CareAct {
  return { kind, at: ctx.nowIso, actorId: ctx.user.id, actorName: displayName(ctx.user), role: 'worker', ...extra }
}

/** The id of the family proxy acting in this request, or `undefined` when the user acts for themselves. */
export const proxyOf = (ctx: RouteContext): string | undefined =>
  ctx.user.id !== ctx.principal.id ? ctx.user.id : undefined

/**
 * Messages the elder and their family proxies, each once: the record's proxy, the acting proxy and every
 * other family member with a confirmed link (they may act for the elder, e.g. confirm and rate). A proxy
 * whose link has been revoked is no longer told.
 */
export async function notifyParties(
  ctx: RouteContext,
  holderId: string,
  proxyIds: (string | undefined)[],
  title: string,
  body: string,
  link: string = CARE_LINK,
): Promise<void> {
  const linked = await ctx.tx.core.confirmedProxiesOf(holderId)
  const to = new Set([holderId])
  for (const p of [...proxyIds, proxyOf(ctx), ...linked]) if (p && linked.includes(p)) to.add(p)
  for (const id of to) await ctx.notify(id, title, body, link)
}

/** Messages every (live) worker of a community, linking to the care-card worker page (or `link`). */
export async function notifyWorkers(
  ctx: RouteContext,
  communityId: string,
  title: string,
  body: string,
  link: string = href.careCard.worker(),
): Promise<void> {
  for (const u of await ctx.tx.core.workersOf(communityId)) await ctx.notify(u.id, title, body, link)
}

/**
 * The principal's birth date from their real-name ID number (GB 11643-1999).
 * @throws 422 `REAL_NAME_REQUIRED` when the principal is not real-name bound
 */
export function birthDateOf(ctx: RouteContext, person: User): string {
  if (!person.realName || !person.idNumber) {
    const who = person.id === ctx.user.id ? '请先完成实名认证' : '这位家人还没有完成实名认证，请让家人先实名'
    throw unprocessable('REAL_NAME_REQUIRED', `${who}，再申请爱心卡`)
  }
  return parseResidentId(person.idNumber, todayOf(ctx)).birthDate
}

/** The principal's application `id` (`lock`: to change it). @throws 404 when missing or someone else's */
export async function ownApplication(ctx: RouteContext, id: string, lock = false): Promise<CareApplication> {
  const app = await ctx.tx.careCard.applications.get(id, { lock })
  if (!app || app.applicantId !== ctx.principal.id) throw notFound('没有找到这份申请')
  return app
}

/** An application of the worker's community (`lock`: to change it). @throws 404 missing, 403 `OTHER_COMMUNITY` */
export async function communityApplication(ctx: RouteContext, id: string, lock = false): Promise<CareApplication> {
  const app = await ctx.tx.careCard.applications.get(id, { lock })
  if (!app) throw notFound('没有找到这份申请')
  if (app.communityId !== ctx.user.communityId) throw forbidden('只能办理本社区居民的爱心卡申请', 'OTHER_COMMUNITY')
  return app
}

/** The principal's order `id` (`lock`: to change it). @throws 404 when missing or someone else's */
export async function ownOrder(ctx: RouteContext, id: string, lock = false): Promise<CareOrder> {
  const order = await ctx.tx.careCard.orders.get(id, { lock })
  if (!order || order.holderId !== ctx.principal.id) throw notFound('没有找到这笔预约')
  return order
}

/** An order of the worker's community (`lock`: to change it). @throws 404 missing, 403 `OTHER_COMMUNITY` */
export async function communityOrder(ctx: RouteContext, id: string, lock = false): Promise<CareOrder> {
  const order = await ctx.tx.careCard.orders.get(id, { lock })
  if (!order) throw notFound('没有找到这笔预约')
  if (order.communityId !== ctx.user.communityId) throw forbidden('只能处理本社区的服务订单', 'OTHER_COMMUNITY')
  return order
}

/** The principal's card. @throws 404 `NO_CARD` */
export async function ownCard(ctx: RouteContext): Promise<CareCardRecord> {
  const card = await ctx.tx.careCard.cardOf(ctx.principal.id)
  if (!card)
    throw notFound(
      '还没有爱心卡。已经申请的，审核通过后次月 1 日起就能预约；还没申请的，可以先查看是否符合条件。',
      'NO_CARD',
    )
  return card
}
