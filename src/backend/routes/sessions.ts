/**
 * 登录设备: the caller's own login sessions, and ending one of them (退出该设备). Never for a proxy:
 * a person's devices are their own.
 */
import type { SessionDto } from '@/domain/shared/contracts'
import { notFound } from '../core/http'
import { route, type Route } from '../core/router'

export const sessionRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/me/sessions',
    access: 'user',
    handler: async ({ tx, user, sessionId, clock }): Promise<SessionDto[]> =>
      (await tx.core.sessionsOf(user.id))
        .filter((s) => Date.parse(s.expiresAt) > clock.now())
        .reverse()
        .map((s) => ({
          id: s.id,
          method: s.method,
          device: s.device ?? '',
          createdAt: s.createdAt,
          lastSeenAt: s.lastSeenAt,
          current: s.id === sessionId,
        })),
  }),
  route({
    method: 'DELETE',
    path: '/api/me/sessions/:id',
    access: 'user',
    handler: async ({ tx, user, params }) => {
      const session = await tx.core.sessions.get(params.id)
      if (!session || session.userId !== user.id)
        throw notFound('没有找到这台设备的登录，可能已经退出', 'NO_SUCH_SESSION')
      await tx.core.sessions.remove(session.id)
      return { ok: true }
    },
  }),
]
