/**
 * A grid worker as 代办 for a registered elder (issue 27): the worker finds the elder of their own
 * community (name and ID number, as on the elder's ID card), records the elder's consent — a photo of
 * the signed authorisation, its scope (the care-card service) and its end date (at most 1 year) — and
 * may then act for the elder through the routes of that scope (`x-acting-for`, as a family proxy does;
 * `core/backend.ts` checks scope, end date and community on every request). Each act is logged for the
 * worker (`GET /api/worker/proxy-log`) and told to the elder and their family proxies (`proxy-acts.ts`).
 * Revoked by the elder, a family proxy of the elder or a supervisor worker of the community
 * (`POST /api/family-links/:id/revoke`).
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import type { ProxyActDto, WorkerElderDto } from '@/domain/shared/contracts'
import { ageOn, maskResidentId, normalizeResidentId, parseResidentId } from '@/domain/shared/residentId'
import { addDays, beijingDate, formatDateCn, isDate } from '@/domain/shared/time'
import { conflict, notFound, unprocessable } from '../core/http'
import { newId } from '../core/ids'
import { route, type Route, type RouteContext } from '../core/router'
import type { FamilyLink, User } from '../model'
import { workerLabel } from '../proxy-acts'
import { attachPhoto, photoIdSchema } from './photos'
import { displayName, displayNames, familyLinkDto, PROXY_SCOPES } from './views'

/** The longest a worker-held authorisation may run: 1 year from the day it is recorded. */
const MAX_DAYS = 365

/**
 * The elder `principalId` of the worker's own community.
 * @throws 404 for an unknown id and for another community's resident alike (an id tells a worker nothing
 *   of who lives elsewhere)
 */
async function elderOf(ctx: RouteContext, principalId: string): Promise<User> {
  const elder = await ctx.tx.core.users.get(principalId)
  if (!elder || elder.deletedAt || elder.communityId !== ctx.user.communityId) throw notFound('没有找到这位居民')
  return elder
}

/** An elder as the worker finds them: masked ID number, age, and the worker-held links for them. */
async function elderDto(ctx: RouteContext, elder: User): Promise<WorkerElderDto> {
  const birthDate = elder.idNumber ? parseResidentId(elder.idNumber, beijingDate(ctx.nowIso)).birthDate : undefined
  return {
    userId: elder.id,
    name: displayName(elder),
    idNumberMasked: elder.idNumber ? maskResidentId(elder.idNumber) : '',
    age: birthDate ? ageOn(birthDate, beijingDate(ctx.nowIso)) : null,
    links: await Promise.all(
      (await ctx.tx.core.workerLinksOf(elder.id)).map((l) =>
        familyLinkDto(ctx.tx.core, l, ctx.user.id, ctx.nowIso, !!ctx.user.supervisor),
      ),
    ),
  }
}

export const workerProxyRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/worker/elders/find',
    access: 'worker',
    input: v.object({
      name: v.pipe(v.string('请填写老人姓名'), v.trim(), v.minLength(2, '请填写老人姓名'), v.maxLength(20)),
      idNumber: v.pipe(v.string('请填写老人身份证号'), v.maxLength(30)),
    }),
    handler: async (ctx) => {
      const found = await ctx.tx.core.userByIdNumber(normalizeResidentId(ctx.body.idNumber))
      // Another community's resident is "not found" too: a worker learns nothing of who lives elsewhere.
      if (!found || found.realName !== ctx.body.name || found.deletedAt || found.communityId !== ctx.user.communityId)
        throw unprocessable(
          'ELDER_NOT_FOUND',
          '没有找到这位老人的实名账号。请核对姓名和身份证号；老人还没有注册的，请先帮老人登录并完成实名。',
          { idNumber: '没有找到这位老人的实名账号' },
        )
      return elderDto(ctx, await elderOf(ctx, found.id))
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/elders/:id',
    access: 'worker',
    handler: async (ctx) => elderDto(ctx, await elderOf(ctx, ctx.params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/worker/proxy-links',
    access: 'worker',
    input: v.object({
      principalId: v.pipe(v.string('请先找到老人'), v.minLength(1, '请先找到老人'), v.maxLength(64)),
      scope: v.picklist(Object.keys(PROXY_SCOPES) as (keyof typeof PROXY_SCOPES)[], '请选择代办范围'),
      endsOn: v.pipe(v.string('请选择授权截止日期'), v.check(isDate, '请选择授权截止日期')),
      authorizationPhotoId: photoIdSchema('请拍摄老人签字的授权书'),
    }),
    handler: async (ctx) => {
      const { tx, user, body, nowIso } = ctx
      const elder = await elderOf(ctx, body.principalId)
      if (elder.id === user.id) throw unprocessable('SELF_LINK', '不能为自己登记代办')
      if (elder.role !== 'resident' || !elder.idNumber)
        throw unprocessable('REAL_NAME_REQUIRED', '这位居民还没有完成实名认证，请先帮老人完成实名')
      const today = beijingDate(nowIso)
      const last = addDays(today, MAX_DAYS)
      if (body.endsOn < today || body.endsOn > last)
        throw unprocessable('BAD_END_DATE', `授权截止日期须在今天到 ${formatDateCn(last)}之间（最长 1 年）`, {
          endsOn: `请选择今天到 ${formatDateCn(last)}之间的日期`,
        })
      for (const open of await tx.core.linksBetween(user.id, elder.id)) {
        if (open.status !== 'confirmed' && open.status !== 'pending') continue
        const expired = open.kind === 'worker' && !!open.endsOn && open.endsOn < today
        if (!expired)
          throw conflict(
            'LINK_EXISTS',
            `您已经可以为${displayName(elder)}代办，授权到 ${formatDateCn(open.endsOn ?? today)}`,
          )
        // An expired authorisation is closed when a new one replaces it.
        await tx.core.familyLinks.update(open.id, { status: 'revoked', closedAt: nowIso, closedBy: user.id })
      }
      const id = newId('fl')
      const imageId = await attachPhoto(ctx, body.authorizationPhotoId, `family-link:${id}`, 'authorizationPhotoId')
      const link: FamilyLink = {
        id,
        kind: 'worker',
        scope: body.scope,
        endsOn: body.endsOn,
        proxyId: user.id,
        principalId: elder.id,
        relationship: '网格员',
        status: 'confirmed',
        requestedBy: user.id,
        requestedAt: nowIso,
        confirmedAt: nowIso,
        confirmedBy: user.id,
        authorizationImageId: imageId,
      }
      await tx.core.familyLinks.insert(link)
      const what = `${workerLabel(user)}已登记您签字的代办授权，可以为您办理${PROXY_SCOPES[body.scope]}，到 ${formatDateCn(body.endsOn)}为止。每次代办都会通知您；不需要时可在“我的 → 亲友代办”中撤销。`
      await ctx.notify(elder.id, '网格员代办授权已登记', what, href.account.family())
      for (const p of await tx.core.confirmedProxiesOf(elder.id))
        await ctx.notify(
          p,
          '网格员代办授权已登记',
          `${workerLabel(user)}已登记${displayName(elder)}签字的代办授权（${PROXY_SCOPES[body.scope]}），到 ${formatDateCn(body.endsOn)}为止。您可以在“我的 → 亲友代办”中撤销。`,
          href.account.family(),
        )
      return familyLinkDto(tx.core, link, user.id, nowIso)
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/proxy-links',
    access: 'worker',
    handler: async (ctx) => {
      const { tx, user } = ctx
      // A supervisor sees every worker-held link of the community; a grid worker their own.
      const links = user.supervisor
        ? await tx.core.workerLinksOfCommunity(user.communityId)
        : (await tx.core.linksOf(user.id)).filter((l) => l.kind === 'worker' && l.proxyId === user.id)
      return Promise.all(links.map((l) => familyLinkDto(tx.core, l, user.id, ctx.nowIso, !!user.supervisor)))
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/proxy-log',
    access: 'worker',
    handler: async (ctx): Promise<ProxyActDto[]> => {
      const acts = await ctx.tx.core.proxyActsOfWorker(ctx.user.id)
      const names = await displayNames(
        ctx.tx.core,
        acts.map((a) => a.principalId),
      )
      return acts.map((a) => ({
        id: a.id,
        elder: { userId: a.principalId, name: names.get(a.principalId) ?? '未知用户' },
        what: a.what,
        at: a.at,
        channel: a.linkId ? 'proxy' : 'phone',
      }))
    },
  }),
]
