/**
 * Saved progress of "one thing" guides (一件事, domain.md §4, PRODUCT "progress is saved"): per user
 * and life event, the answers (question id → value) and the ticked item ids, kept on the server so
 * they survive restarts and other devices. Deadlines the client computed from the content
 * (`computeDeadlines`, LAW deadlines only) are stored with the progress, and each new
 * (label, due date) sends the user one reminder message. A birth or death date after today is refused
 * (422 `DATE_IN_FUTURE`, domain `PAST_ONLY_DATES`).
 */
import * as v from 'valibot'
import { futureDateErrors } from '@/domain/one-thing/guides'
import { beijingDate, isDate } from '@/domain/shared/time'
import { conflict, unprocessable } from '@/backend/core/http'
import { route, type Route } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import type { OneThingProgress, StoredDeadline } from './model'
import {
  dateCn,
  notifyOwner,
  pathId,
  progressDto,
  progressKey,
  progressSummaryDto,
  proxyOf,
  safeId,
  SAFE_ID,
} from './views'

/** Size caps per saved event (PRODUCT; keeps the collection well under WeChat's 1 MB per key). */
const PROGRESS_LIMITS = { answers: 30, ticked: 60, deadlines: 5, eventsPerUser: 30, remindedKept: 20 } as const

// eslint-disable-next-line no-control-regex -- control characters are what it refuses
const TEXT = /^[^\u0000-\u001f\u007f<>]+$/

const progressInput = v.object({
  answers: v.pipe(
    v.record(
      v.pipe(v.string(), v.regex(SAFE_ID, '问题编号格式不正确')),
      v.pipe(v.string('回答格式不正确'), v.regex(SAFE_ID, '回答格式不正确')),
    ),
    v.check((r) => Object.keys(r).length <= PROGRESS_LIMITS.answers, `回答最多 ${PROGRESS_LIMITS.answers} 项`),
  ),
  ticked: v.pipe(
    v.array(safeId('事项编号')),
    v.maxLength(PROGRESS_LIMITS.ticked, `已办事项最多 ${PROGRESS_LIMITS.ticked} 项`),
  ),
  deadlines: v.optional(
    v.pipe(
      v.array(
        v.object({
          label: v.pipe(
            v.string('请填写期限名称'),
            v.trim(),
            v.minLength(1, '请填写期限名称'),
            v.maxLength(40, '期限名称太长'),
            v.regex(TEXT, '期限名称含有不支持的字符'),
          ),
          dueDate: v.pipe(v.string('日期格式不正确'), v.check(isDate, '日期格式不正确（应为 年-月-日）')),
          source: v.optional(
            v.pipe(v.string(), v.trim(), v.maxLength(60, '依据太长'), v.regex(TEXT, '依据含有不支持的字符')),
          ),
        }),
      ),
      v.maxLength(PROGRESS_LIMITS.deadlines, `办理期限最多 ${PROGRESS_LIMITS.deadlines} 项`),
    ),
    [],
  ),
  baseVersion: v.optional(
    v.pipe(v.number('版本号格式不正确'), v.integer('版本号格式不正确'), v.minValue(0, '版本号格式不正确')),
  ),
})

/** The reminder text: `出生登记请在 2026年3月31日 前办理（户口登记条例第七条）`, or an overdue notice. */
function reminderText(d: { label: string; dueDate: string; source?: string }, today: string): string {
  const source = d.source ? `（${d.source}）` : ''
  if (d.dueDate < today) return `${d.label}的办理期限 ${dateCn(d.dueDate)} 已过，请尽快办理${source}`
  return `${d.label}请在 ${dateCn(d.dueDate)} 前办理${source}`
}

/** Routes of saved progress: list, read, replace (with deadline reminders) and clear, per event id. */
export const progressRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/one-thing/progress',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      const today = beijingDate(ctx.clock.now())
      return (await ctx.tx.oneThing.progressOf(ctx.principal.id)).map((p) => progressSummaryDto(p, today))
    },
  }),
  route({
    method: 'GET',
    path: '/api/one-thing/progress/:eventId',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      const eventId = pathId(ctx, 'eventId', '事项编号')
      return progressDto(eventId, await ctx.tx.oneThing.progress.get(progressKey(ctx.principal.id, eventId)))
    },
  }),
  route({
    method: 'PUT',
    path: '/api/one-thing/progress/:eventId',
    access: 'user',
    allowProxy: true,
    input: progressInput,
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const eventId = pathId(ctx, 'eventId', '事项编号')
      const { body, nowIso, tx } = ctx
      const key = progressKey(ctx.principal.id, eventId)
      const old = await tx.oneThing.progress.get(key, { lock: true })
      if (body.baseVersion !== undefined && body.baseVersion !== (old?.version ?? 0)) {
        throw conflict('PROGRESS_CHANGED', '这件事的办理进度已在其他设备上更新，请刷新后再修改')
      }
      const today = beijingDate(ctx.clock.now())
      // A birth or death date cannot be after today (domain PAST_ONLY_DATES).
      const lateDates = futureDateErrors(eventId, body.answers, today)
      const late = Object.keys(lateDates)
      if (late.length) {
        throw unprocessable(
          'DATE_IN_FUTURE',
          lateDates[late[0]],
          Object.fromEntries(late.map((q) => [`answers.${q}`, lateDates[q]])),
        )
      }
      if (!old && (await tx.oneThing.progressCount(ctx.principal.id)) >= PROGRESS_LIMITS.eventsPerUser) {
        throw unprocessable(
          'TOO_MANY_EVENTS',
          `最多同时保存 ${PROGRESS_LIMITS.eventsPerUser} 件事的进度，请先清空已办完的事项`,
        )
      }
      const reminded = [...(old?.reminded ?? [])]
      const deadlines: StoredDeadline[] = []
      for (const d of body.deadlines) {
        const dedupe = `${d.dueDate}|${d.label}`
        if (deadlines.some((x) => `${x.dueDate}|${x.label}` === dedupe)) continue
        const before = old?.deadlines.find((x) => `${x.dueDate}|${x.label}` === dedupe)
        let remindedAt = before?.remindedAt ?? nowIso
        if (!reminded.includes(dedupe)) {
          await notifyOwner(ctx, '办理期限提醒', reminderText(d, today))
          reminded.push(dedupe)
          remindedAt = nowIso
        }
        deadlines.push({ label: d.label, dueDate: d.dueDate, ...(d.source ? { source: d.source } : {}), remindedAt })
      }
      const record: OneThingProgress = {
        id: key,
        userId: ctx.principal.id,
        eventId,
        answers: { ...body.answers },
        ticked: [...new Set(body.ticked)],
        deadlines: deadlines.sort((a, b) => a.dueDate.localeCompare(b.dueDate)),
        reminded: reminded.slice(-PROGRESS_LIMITS.remindedKept),
        version: (old?.version ?? 0) + 1,
        createdAt: old?.createdAt ?? nowIso,
        updatedAt: nowIso,
        proxyId: proxyOf(ctx),
      }
      if (!record.proxyId) delete record.proxyId
      if (old) await tx.oneThing.progress.update(key, { ...record, proxyId: record.proxyId })
      else await tx.oneThing.progress.insert(record)
      return progressDto(eventId, record)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/one-thing/progress/:eventId',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => {
      const eventId = pathId(ctx, 'eventId', '事项编号')
      await ctx.tx.oneThing.progress.remove(progressKey(ctx.principal.id, eventId))
      return progressDto(eventId, undefined)
    },
  }),
]
