/**
 * Family links for proxy handling (代办, domain.md §0): a proxy asks to act for a family member, who
 * confirms in the app — or a community worker confirms with a photo of a signed authorisation.
 * Either side may revoke. Only confirmed links let a proxy act (`x-acting-for`).
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { FAMILY_RELATIONSHIPS } from '@/domain/shared/values'
import { normalizeResidentId } from '@/domain/shared/residentId'
import { conflict, forbidden, notFound, unprocessable } from '../core/http'
import { newId } from '../core/ids'
import { route, type Route, type RouteContext } from '../core/router'
import type { FamilyLink } from '../model'
import { requirePrivacy } from './me'
import { attachPhoto, photoIdSchema } from './photos'
import { displayName, displayNames, familyLinkDto } from './views'

/** What the principal's request message is about: answered (or withdrawn), it is marked read. */
const requestRef = (linkId: string) => `family-link:${linkId}`

async function linkFor(ctx: RouteContext, id: string): Promise<FamilyLink> {
  const link = await ctx.tx.core.familyLinks.get(id, { lock: true })
  if (!link) throw notFound('没有找到这条代办关系')
  return link
}

/**
 * Whether the caller, neither its elder nor its worker, may revoke a worker-held link: a confirmed family
 * proxy of the elder, or a supervisor worker of the elder's community.
 */
async function mayRevokeWorkerLink(ctx: RouteContext, link: FamilyLink): Promise<boolean> {
  const { user, tx } = ctx
  if (user.role === 'worker' && user.supervisor)
    return (await tx.core.users.get(link.principalId))?.communityId === user.communityId
  return (await tx.core.confirmedProxiesOf(link.principalId)).includes(user.id)
}

export const familyRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/family-links',
    access: 'user',
    handler: async ({ tx, user, nowIso }) => {
      const own = await tx.core.linksOf(user.id)
      // A family proxy also sees (and may revoke) the worker-held links of the family member they act for.
      const theirs: FamilyLink[] = []
      for (const l of own)
        if (l.proxyId === user.id && l.status === 'confirmed' && l.kind !== 'worker')
          theirs.push(...(await tx.core.workerLinksOf(l.principalId)))
      return Promise.all([
        ...own.map((l) => familyLinkDto(tx.core, l, user.id, nowIso)),
        ...theirs.map((l) => familyLinkDto(tx.core, l, user.id, nowIso, true)),
      ])
    },
  }),
  route({
    method: 'POST',
    path: '/api/family-links',
    access: 'user',
    input: v.object({
      principalName: v.pipe(v.string(), v.trim(), v.minLength(2, '请填写家人姓名'), v.maxLength(20)),
      principalIdNumber: v.pipe(v.string(), v.maxLength(30)),
      relationship: v.picklist(FAMILY_RELATIONSHIPS, '请选择与家人的关系'),
    }),
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const { tx, user, body, nowIso } = ctx
      if (!user.idNumber) throw unprocessable('REAL_NAME_REQUIRED', '请先完成实名认证，再申请代办')
      const idNumber = normalizeResidentId(body.principalIdNumber)
      const found = await tx.core.userByIdNumber(idNumber)
      const principal = found && found.realName === body.principalName ? found : undefined
      if (!principal) {
        throw unprocessable(
          'PRINCIPAL_NOT_FOUND',
          '没有找到这位家人的实名账号。请让家人先登录并完成实名，或带授权书到社区办理。',
          {
            principalIdNumber: '没有找到这位家人的实名账号',
          },
        )
      }
      if (principal.id === user.id) throw unprocessable('SELF_LINK', '不能为自己申请代办')
      const open = (await tx.core.linksBetween(user.id, principal.id)).find(
        (l) => l.status === 'pending' || l.status === 'confirmed',
      )
      if (open)
        throw conflict(
          'LINK_EXISTS',
          open.status === 'pending' ? '已经发出申请，请等待家人确认' : '您已经可以为这位家人代办',
        )
      const id = newId('fl')
      const link: FamilyLink = {
        id,
        proxyId: user.id,
        principalId: principal.id,
        relationship: body.relationship,
        status: 'pending',
        requestedBy: user.id,
        requestedAt: nowIso,
      }
      await tx.core.familyLinks.insert(link)
      await ctx.notify(
        principal.id,
        '家人申请为您代办',
        `${displayName(user)}（${body.relationship}）申请为您代办社区事务。请在“我的 → 亲友代办”中确认或拒绝。`,
        href.me(),
        requestRef(id),
      )
      return familyLinkDto(tx.core, link, user.id)
    },
  }),
  route({
    method: 'POST',
    path: '/api/family-links/:id/confirm',
    access: 'user',
    handler: async (ctx) => {
      const link = await linkFor(ctx, ctx.params.id)
      if (link.principalId !== ctx.user.id) throw forbidden('只有被代办的本人可以确认')
      if (link.status !== 'pending') throw conflict('LINK_NOT_PENDING', '这条申请已经处理过了')
      const l = await ctx.tx.core.familyLinks.update(link.id, {
        status: 'confirmed',
        confirmedAt: ctx.nowIso,
        confirmedBy: 'principal',
      })
      await ctx.notify(l.proxyId, '代办申请已同意', `${displayName(ctx.user)}同意由您代办社区事务。`, href.me())
      await ctx.resolveMessages(l.principalId, requestRef(l.id))
      return familyLinkDto(ctx.tx.core, l, ctx.user.id)
    },
  }),
  route({
    method: 'POST',
    path: '/api/family-links/:id/decline',
    access: 'user',
    handler: async (ctx) => {
      const link = await linkFor(ctx, ctx.params.id)
      if (link.principalId !== ctx.user.id) throw forbidden('只有被代办的本人可以拒绝')
      if (link.status !== 'pending') throw conflict('LINK_NOT_PENDING', '这条申请已经处理过了')
      const l = await ctx.tx.core.familyLinks.update(link.id, {
        status: 'declined',
        closedAt: ctx.nowIso,
        closedBy: ctx.user.id,
      })
      await ctx.notify(l.proxyId, '代办申请未通过', `${displayName(ctx.user)}没有同意代办申请。`, href.me())
      await ctx.resolveMessages(l.principalId, requestRef(l.id))
      return familyLinkDto(ctx.tx.core, l, ctx.user.id)
    },
  }),
  route({
    method: 'POST',
    path: '/api/family-links/:id/revoke',
    access: 'user',
    handler: async (ctx) => {
      const link = await linkFor(ctx, ctx.params.id)
      const party = link.principalId === ctx.user.id || link.proxyId === ctx.user.id
      if (!party && !(link.kind === 'worker' && (await mayRevokeWorkerLink(ctx, link))))
        throw notFound('没有找到这条代办关系')
      if (link.status !== 'confirmed' && link.status !== 'pending')
        throw conflict('LINK_CLOSED', '这条代办关系已经结束')
      const l = await ctx.tx.core.familyLinks.update(link.id, {
        status: 'revoked',
        closedAt: ctx.nowIso,
        closedBy: ctx.user.id,
      })
      const by = ctx.user.role === 'worker' ? `社区工作人员 ${displayName(ctx.user)}` : displayName(ctx.user)
      if (l.kind === 'worker') {
        // The elder, the worker and the elder's family proxies are told, except whoever revoked it.
        const names = await displayNames(ctx.tx.core, [l.principalId, l.proxyId])
        const to = [l.principalId, l.proxyId, ...(await ctx.tx.core.confirmedProxiesOf(l.principalId))]
        for (const id of new Set(to))
          if (id !== ctx.user.id)
            await ctx.notify(
              id,
              '网格员代办授权已撤销',
              `${by}撤销了网格员 ${names.get(l.proxyId)} 为${names.get(l.principalId)}代办的授权，此后不能再代为办理。`,
              href.account.family(),
            )
      } else {
        const other = l.proxyId === ctx.user.id ? l.principalId : l.proxyId
        await ctx.notify(other, '代办关系已撤销', `${by}撤销了代办关系，此后不能再代为办理。`, href.me())
      }
      await ctx.resolveMessages(l.principalId, requestRef(l.id))
      return familyLinkDto(ctx.tx.core, l, ctx.user.id, ctx.nowIso)
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/family-links',
    access: 'worker',
    handler: async ({ tx, user, nowIso }) => {
      const pending = await tx.core.pendingLinks()
      const principals = new Map((await tx.core.usersByIds(pending.map((l) => l.principalId))).map((u) => [u.id, u]))
      const mine = pending.filter((l) => principals.get(l.principalId)?.communityId === user.communityId)
      return Promise.all(mine.map((l) => familyLinkDto(tx.core, l, user.id, nowIso)))
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/family-links/:id/confirm',
    access: 'worker',
    input: v.object({ authorizationPhotoId: photoIdSchema('请拍摄签字的授权书') }),
    handler: async (ctx) => {
      const { tx } = ctx
      const link = await linkFor(ctx, ctx.params.id)
      const principal = await tx.core.users.get(link.principalId)
      if (principal?.communityId !== ctx.user.communityId) throw forbidden('只能办理本社区居民的代办授权')
      if (link.status !== 'pending') throw conflict('LINK_NOT_PENDING', '这条申请已经处理过了')
      const imageId = await attachPhoto(
        ctx,
        ctx.body.authorizationPhotoId,
        `family-link:${link.id}`,
        'authorizationPhotoId',
      )
      const l = await tx.core.familyLinks.update(link.id, {
        status: 'confirmed',
        confirmedAt: ctx.nowIso,
        confirmedBy: ctx.user.id,
        authorizationImageId: imageId,
      })
      const names = await displayNames(tx.core, [l.principalId, l.proxyId])
      await ctx.notify(
        l.proxyId,
        '代办授权已由社区确认',
        `社区工作人员已核对授权书，您可以为${names.get(l.principalId)}代办。`,
        href.me(),
      )
      await ctx.notify(
        l.principalId,
        '代办授权已由社区确认',
        `社区工作人员已核对您签字的授权书，${names.get(l.proxyId)}可以为您代办。`,
        href.me(),
      )
      await ctx.resolveMessages(l.principalId, requestRef(l.id))
      return familyLinkDto(tx.core, l, ctx.user.id)
    },
  }),
]
