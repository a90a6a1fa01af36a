/** Notices for the user: a page at a time (newest first), unread count, mark read. */
import * as v from 'valibot'
import { notFound } from '../core/http'
import { route, type Route } from '../core/router'
import { messageDto } from './views'

export const messageRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/messages',
    access: 'user',
    input: v.object({
      cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, '分页参数不正确'))),
      limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, '分页参数不正确'))),
    }),
    handler: async ({ tx, user, body }) => {
      const start = Number(body.cursor ?? 0)
      const limit = Math.min(50, Math.max(1, Number(body.limit ?? 20)))
      const [page, counts] = await Promise.all([
        tx.core.messagesOf(user.id, { offset: start, limit }),
        tx.core.messageCounts(user.id),
      ])
      return {
        items: page.map(messageDto),
        nextCursor: start + limit < counts.total ? String(start + limit) : null,
        unread: counts.unread,
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/messages/unread-count',
    access: 'user',
    handler: async ({ tx, user }) => ({ unread: (await tx.core.messageCounts(user.id)).unread }),
  }),
  route({
    method: 'POST',
    path: '/api/messages/:id/read',
    access: 'user',
    handler: async ({ tx, user, params, nowIso }) => {
      const m = await tx.core.messages.get(params.id)
      if (!m || m.userId !== user.id) throw notFound('没有找到这条消息')
      return messageDto(m.readAt ? m : await tx.core.messages.update(m.id, { readAt: nowIso }))
    },
  }),
]
