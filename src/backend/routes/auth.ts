/** Mock WeChat login: list the seeded personas, log in as one, log out. */
import * as v from 'valibot'
import type { PersonaDto } from '@/domain/shared/contracts'
import { notFound } from '../core/http'
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
    path: '/api/auth/logout',
    access: 'user',
    handler: async ({ tx, sessionId }) => {
      if (sessionId) await tx.core.sessions.remove(sessionId)
      return { ok: true }
    },
  }),
]
