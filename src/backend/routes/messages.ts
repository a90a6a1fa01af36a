/** Notices for the user: a page at a time (newest first), unread count, mark read. */
import * as v from 'valibot'
import { notFound } from '../core/http'
import { route, type Route } from '../core/router'
import type { Message } from '../model'
import { messageDto } from './views'

const mine = (all: Record<string, Message>, userId: string) =>
  Object.values(all)
    .filter((m) => m.userId === userId)
    .sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))

export const messageRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/messages',
    access: 'user',
    input: v.object({
      cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, '分页参数不正确'))),
      limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, '分页参数不正确'))),
    }),
    handler: ({ db, user, body }) => {
      const list = mine(db.data.messages, user.id)
      const start = Number(body.cursor ?? 0)
      const limit = Math.min(50, Math.max(1, Number(body.limit ?? 20)))
      const items = list.slice(start, start + limit).map(messageDto)
      return {
        items,
        nextCursor: start + limit < list.length ? String(start + limit) : null,
        unread: list.filter((m) => !m.readAt).length,
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/messages/unread-count',
    access: 'user',
    handler: ({ db, user }) => ({ unread: mine(db.data.messages, user.id).filter((m) => !m.readAt).length }),
  }),
  route({
    method: 'POST',
    path: '/api/messages/:id/read',
    access: 'user',
    handler: ({ db, user, params, nowIso }) => {
      const m = db.data.messages[params.id]
      if (!m || m.userId !== user.id) throw notFound('没有找到这条消息')
      if (!m.readAt) db.write('messages')[m.id].readAt = nowIso
      return messageDto(db.data.messages[m.id])
    },
  }),
]
