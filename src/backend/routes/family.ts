/**
 * Family links for proxy handling (代办, domain.md §0): a proxy asks to act for a family member, who
 * confirms in the app — or a community worker confirms with a photo of a signed authorisation.
 * Either side may revoke. Only confirmed links let a proxy act (`x-acting-for`).
 */
import { href } from '@/domain/routes'
import * as v from 'valibot'
import { FAMILY_RELATIONSHIPS } from '@/domain/shared/values'
import { normalizeResidentId } from '@/domain/shared/residentId'
import { conflict, forbidden, notFound, photoBodyLimit, unprocessable } from '../core/http'
import { newId } from '../core/ids'
import { route, type Route, type RouteContext } from '../core/router'
import type { FamilyLink } from '../model'
import { requirePrivacy } from './me'
import { displayName, displayNames, familyLinkDto } from './views'

const MAX_IMAGE_BASE64 = Math.ceil((200 * 1024 * 4) / 3) + 4 // ≤ 200 KB image

/** What the principal's request message is about: answered (or withdrawn), it is marked read. */
const requestRef = (linkId: string) => `family-link:${linkId}`

async function linkFor(ctx: RouteContext, id: string): Promise<FamilyLink> {
  const link = await ctx.tx.core.familyLinks.get(id, { lock: true })
  if (!link) throw notFound('没有找到这条代办关系')
  return link
}

export const familyRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/family-links',
    access: 'user',
    handler: async ({ tx, user }) =>
      Promise.all((await tx.core.linksOf(user.id)).map((l) => familyLinkDto(tx.core, l, user.id))),
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
      if (link.principalId !== ctx.user.id && link.proxyId !== ctx.user.id) throw notFound('没有找到这条代办关系')
      if (link.status !== 'confirmed' && link.status !== 'pending')
        throw conflict('LINK_CLOSED', '这条代办关系已经结束')
      const l = await ctx.tx.core.familyLinks.update(link.id, {
        status: 'revoked',
        closedAt: ctx.nowIso,
        closedBy: ctx.user.id,
      })
      const other = l.proxyId === ctx.user.id ? l.principalId : l.proxyId
      await ctx.notify(
        other,
        '代办关系已撤销',
        `${displayName(ctx.user)}撤销了代办关系，此后不能再代为办理。`,
        href.me(),
      )
      await ctx.resolveMessages(l.principalId, requestRef(l.id))
      return familyLinkDto(ctx.tx.core, l, ctx.user.id)
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/family-links',
    access: 'worker',
    handler: async ({ tx, user }) => {
      const pending = await tx.core.pendingLinks()
      const principals = new Map((await tx.core.usersByIds(pending.map((l) => l.principalId))).map((u) => [u.id, u]))
      const mine = pending.filter((l) => principals.get(l.principalId)?.communityId === user.communityId)
      return Promise.all(mine.map((l) => familyLinkDto(tx.core, l, user.id)))
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/family-links/:id/confirm',
    bodyLimit: photoBodyLimit(1),
    access: 'worker',
    input: v.object({
      authorizationPhoto: v.pipe(
        v.string(),
        v.minLength(8, '请拍摄签字的授权书'),
        v.maxLength(MAX_IMAGE_BASE64, '照片太大，请重新拍摄（不超过 200 KB）'),
        v.regex(/^[A-Za-z0-9+/=]+$/, '照片格式不正确'),
      ),
    }),
    handler: async (ctx) => {
      const { tx } = ctx
      const link = await linkFor(ctx, ctx.params.id)
      const principal = await tx.core.users.get(link.principalId)
      if (principal?.communityId !== ctx.user.communityId) throw forbidden('只能办理本社区居民的代办授权')
      if (link.status !== 'pending') throw conflict('LINK_NOT_PENDING', '这条申请已经处理过了')
      const imageId = newId('img')
      await tx.core.images.put(imageId, ctx.body.authorizationPhoto)
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
