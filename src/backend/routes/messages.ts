/** Notices for the user: a page at a time (newest first), unread count, mark read; 消息设置 (reminder kinds on/off). */
import * as v from 'valibot'
import { notFound } from '../core/http'
import { route, type Route, type Tx } from '../core/router'
import { messageDto } from './views'
import { REMINDER_KINDS } from '@/domain/shared/reminders'
import type { MessageSettingsDto } from '@/domain/shared/contracts'

/** A user's message settings: every reminder kind, on unless they turned it off. */
async function settingsDto(tx: Tx, userId: string): Promise<MessageSettingsDto> {
  const muted = await tx.core.mutedKinds(userId)
  return {
    kinds: REMINDER_KINDS.map((kind) => ({ kind, on: !muted.includes(kind) })),
  }
}

export const messageRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/me/message-settings',
    access: 'user',
    handler: async ({ tx, user }) => settingsDto(tx, user.id),
  }),
  route({
    method: 'PUT',
    path: '/api/me/message-settings',
    access: 'user',
    input: v.object({
      muted: v.pipe(v.array(v.picklist(REMINDER_KINDS, '没有这种提醒')), v.maxLength(REMINDER_KINDS.length)),
    }),
    handler: async ({ tx, user, body, nowIso }) => {
      const row = { userId: user.id, muted: [...new Set(body.muted)], updatedAt: nowIso }
      if (await tx.core.messageSettings.get(user.id, { lock: true })) await tx.core.messageSettings.update(user.id, row)
      else await tx.core.messageSettings.insert(row)
      return settingsDto(tx, user.id)
    },
  }),
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
