/**
 * Logging in and out: WeChat login (a `wx.login` code exchanged at WeChat's `jscode2session` for the
 * openid, outside the transaction; the account is made at the first login) and, in demo mode only,
 * the persona login (list the seeded personas, log in as one).
 */
import * as v from 'valibot'
import type { PersonaDto } from '@/domain/shared/contracts'
import { HttpError, notFound } from '../core/http'
import { newId } from '../core/ids'
import { route, type Route } from '../core/router'
import { openSession } from '../sessions'
import { displayName, meDto } from './views'

export const authRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/auth/personas',
    access: 'public',
    demoOnly: true,
    handler: async ({ tx }): Promise<PersonaDto[]> => {
      const users = await tx.core.personas()
      const communities = new Map(
        (
          await Promise.all([...new Set(users.map((u) => u.communityId))].map((id) => tx.core.communities.get(id)))
        ).flatMap((c) => (c ? [[c.id, c.name] as const] : [])),
      )
      return users.map((u) => ({
        userId: u.id,
        displayName: displayName(u),
        persona: u.persona,
        communityId: u.communityId,
        communityName: communities.get(u.communityId) ?? '',
        role: u.role,
      }))
    },
  }),
  route({
    method: 'POST',
    path: '/api/auth/mock-login',
    access: 'public',
    demoOnly: true,
    rateLimit: 'login',
    input: v.object({ userId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
    handler: async ({ tx, body, nowIso, clock, device }) => {
      const user = await tx.core.users.get(body.userId)
      if (!user || user.deletedAt) throw notFound('没有这个账号', 'NO_SUCH_USER')
      const token = await openSession(tx.core, user.id, 'persona', device, clock.now())
      return { token, me: await meDto(tx.core, user, nowIso) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/auth/wechat-login',
    access: 'public',
    rateLimit: 'login',
    input: v.object({ code: v.pipe(v.string(), v.minLength(1), v.maxLength(128)) }),
    outside: async (body, { wechat }) => {
      if (!wechat) throw new HttpError(503, 'WECHAT_UNAVAILABLE', '微信登录暂时无法使用，请稍后再试')
      return wechat.codeToSession(body.code)
    },
    handler: async ({ tx, outside, nowIso, clock, device }) => {
      const { openid } = outside as { openid: string }
      let user = await tx.core.userByWechatOpenid(openid)
      if (!user) {
        const community = await tx.core.firstCommunity()
        if (!community) throw new HttpError(503, 'NO_COMMUNITY', '社区服务还没有开通，请稍后再试')
        user = {
          id: newId('u'),
          nickname: '微信用户',
          persona: '',
          rank: NOT_A_PERSONA,
          communityId: community.id,
          role: 'resident',
          createdAt: nowIso,
          wechatOpenid: openid,
        }
        await tx.core.users.insert(user)
      }
      const token = await openSession(tx.core, user.id, 'wechat', device, clock.now())
      return { token, me: await meDto(tx.core, user, nowIso) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/auth/logout',
    access: 'user',
    handler: async ({ tx, sessionId }) => {
      if (sessionId) await tx.core.sessions.remove(sessionId)
      return { ok: true }
    },
  }),
]

/** Rank of accounts made by WeChat login: past the personas listed on the demo's login page. */
const NOT_A_PERSONA = 1_000_000
