/** Notices for the user: a page at a time (newest first), unread count, mark read; 消息设置 (reminder kinds on/off). */
import * as v from 'valibot'
import { notFound } from '../core/http'
import { route, type Route, type Tx } from '../core/router'
import { messageDto } from './views'
import { REMINDER_KINDS } from '@/domain/shared/reminders'
import type { MessageSettingsDto } from '@/domain/shared/contracts'
import {
  MAX_BANKED_ACCEPTANCES,
  SUBSCRIBE_ANSWERS,
  TEMPLATE_KEYS,
  type SubscribeAnswer,
  type TemplateKey,
} from '@/domain/shared/subscriptions'

/** A user's message settings: every reminder kind, on unless they turned it off. */
async function settingsDto(tx: Tx, userId: string): Promise<MessageSettingsDto> {
  const muted = await tx.core.mutedKinds(userId)
  return {
    kinds: REMINDER_KINDS.map((kind) => ({ kind, on: !muted.includes(kind) })),
  }
}

/** A user's unused acceptances per template (0 for a template never accepted). */
async function subscriptionsDto(tx: Tx, userId: string) {
  const rows = await tx.core.subscriptionsOf(userId)
  return {
    templates: TEMPLATE_KEYS.map((template) => ({
      template,
      accepted: rows.find((r) => r.template === template)?.accepted ?? 0,
    })),
  }
}

export const messageRoutes: Route[] = [
  // What the person chose in WeChat's subscribe dialog (the app reports it after
  // `wx.requestSubscribeMessage` resolves): each 'accept' is one message of that template; 'ban'
  // (always refuse) drops those left; 'reject' keeps them.
  route({
    method: 'POST',
    path: '/api/me/subscriptions',
    access: 'user',
    input: v.object({
      results: v.record(
        v.picklist(TEMPLATE_KEYS, '没有这种消息通知'),
        v.picklist(SUBSCRIBE_ANSWERS, '订阅结果不正确'),
        '订阅结果不正确',
      ),
    }),
    handler: async ({ tx, user, body, nowIso }) => {
      const results = body.results as Partial<Record<TemplateKey, SubscribeAnswer>>
      for (const template of TEMPLATE_KEYS) {
        const answer = results[template]
        if (!answer) continue
        const id = `${user.id}:${template}`
        const had = await tx.core.subscriptions.get(id, { lock: true })
        const before = had?.accepted ?? 0
        const accepted =
          answer === 'accept' ? Math.min(MAX_BANKED_ACCEPTANCES, before + 1) : answer === 'ban' ? 0 : before
        const row = { id, userId: user.id, template, accepted, answer, updatedAt: nowIso }
        if (had) await tx.core.subscriptions.update(id, row)
        else await tx.core.subscriptions.insert(row)
      }
      return subscriptionsDto(tx, user.id)
    },
  }),
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
