/** Mock WeChat login: list the seeded personas, log in as one, log out. */
import * as v from 'valibot'
import type { PersonaDto } from '@/domain/contracts/core'
import { newToken } from '../core/ids'
import { notFound } from '../core/http'
import { route, type Route } from '../core/router'
import { displayName, meDto } from './views'

export const authRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/auth/personas',
    access: 'public',
    handler: ({ db }): PersonaDto[] =>
      Object.values(db.data.users)
        .filter((u) => !u.deletedAt)
        .sort((a, b) => a.rank - b.rank)
        .map((u) => ({
          userId: u.id,
          displayName: displayName(u),
          persona: u.persona,
          communityId: u.communityId,
          communityName: db.data.communities[u.communityId]?.name ?? '',
          role: u.role,
        })),
  }),
  route({
    method: 'POST',
    path: '/api/auth/mock-login',
    access: 'public',
    input: v.object({ userId: v.pipe(v.string(), v.minLength(1), v.maxLength(64)) }),
    handler: ({ db, body, nowIso }) => {
      const user = db.data.users[body.userId]
      if (!user || user.deletedAt) throw notFound('没有这个账号', 'NO_SUCH_USER')
      const token = newToken()
      db.write('sessions')[token] = { token, userId: user.id, createdAt: nowIso }
      return { token, me: meDto(db.data, user, nowIso) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/auth/logout',
    access: 'user',
    handler: ({ db, token }) => {
      if (token) delete db.write('sessions')[token]
      return { ok: true }
    },
  }),
]
