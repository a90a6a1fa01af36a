/** The user's own data: profile, privacy consent, real-name binding, rooms, export, account deletion. */
import * as v from 'valibot'
import { href } from '@/domain/routes'
import { ROOM_ROLES } from '@/domain/shared/values'
import { normalizeResidentId, parseResidentId, residentIdCheckChar } from '@/domain/shared/residentId'
import { beijingDate, beijingIso } from '@/domain/shared/time'
import { conflict, forbidden, notFound, tooMany, unprocessable } from '../core/http'
import { newId } from '../core/ids'
import {
  route,
  type AccountDeletionHook,
  type ExportProvider,
  type Route,
  type RouteContext,
  type TodoProvider,
  type Tx,
} from '../core/router'
import type { User } from '../model'
import { exportOf } from './export'
import { communityDtoOf, meDto, roomBindingDto } from './views'

const HOUR = 3600_000
const MAX_FAILED_BINDINGS_PER_HOUR = 5

/** Personal data may be collected only after the privacy notice is accepted (PIPL). */
export function requirePrivacy(ctx: RouteContext) {
  if (!ctx.user.privacyAcceptedAt) throw forbidden('请先阅读并同意隐私说明', 'PRIVACY_NOT_ACCEPTED')
}

const nameSchema = v.pipe(
  v.string(),
  v.trim(),
  v.minLength(2, '请填写姓名'),
  v.maxLength(20, '姓名太长'),
  v.regex(/^[\u4e00-\u9fa5·]+$/, '请填写身份证上的中文姓名'),
)

/** What a feature erases of a deleted account (its personal records), run by `DELETE /api/me`. */
export type EraseHook = (ctx: RouteContext, userId: string) => Promise<void>

/**
 * Routes under `/api/me`. `onAccountDeleted`: the features' hooks run by `DELETE /api/me` before the
 * account's personal records are erased; `erase`: the features' erasure of their personal records;
 * `todos`: the features' to-dos for home; `exports`: the features' parts of the data export.
 */
export const meRoutes = (
  onAccountDeleted: AccountDeletionHook[] = [],
  erase: EraseHook[] = [],
  todos: TodoProvider[] = [],
  exports: ExportProvider[] = [],
): Route[] => [
  route({
    method: 'GET',
    path: '/api/me',
    access: 'user',
    handler: ({ tx, user, nowIso }) => meDto(tx.core, user, nowIso),
  }),
  route({
    method: 'GET',
    path: '/api/me/todos',
    access: 'user',
    handler: async (ctx) => {
      const lists = await Promise.all(todos.map((provider) => provider(ctx, ctx.user.id)))
      return lists.flat().sort((a, b) => a.dueAt.localeCompare(b.dueAt))
    },
  }),
  route({
    method: 'GET',
    path: '/api/principal',
    access: 'user',
    allowProxy: true,
    handler: ({ tx, principal, nowIso }) => meDto(tx.core, principal, nowIso),
  }),
  route({
    method: 'GET',
    path: '/api/community',
    access: 'user',
    handler: ({ tx, user }) => communityDtoOf(tx.core, user.communityId),
  }),
  route({
    method: 'POST',
    path: '/api/me/privacy',
    access: 'user',
    input: v.object({ accepted: v.literal(true, '需要同意隐私说明才能继续') }),
    handler: async ({ tx, user, nowIso }) =>
      meDto(tx.core, await tx.core.users.update(user.id, { privacyAcceptedAt: nowIso }), nowIso),
  }),
  route({
    method: 'POST',
    path: '/api/me/real-name',
    access: 'user',
    rateLimit: 'real-name',
    input: v.object({ name: nameSchema, idNumber: v.pipe(v.string(), v.maxLength(30, '身份证号码太长')) }),
    // The 实名核验 service, when there is one (production), asked before the transaction; a malformed
    // number is refused in the handler without asking. Unavailable: 503, not counted as a failure.
    outside: async (body, { realName }, caller) => {
      // Nothing goes to the service before the privacy notice is accepted (PIPL art. 23), nor twice.
      if (!realName || !caller?.privacyAcceptedAt || caller.realName) return undefined
      let idNumber: string
      try {
        idNumber = normalizeResidentId(body.idNumber)
      } catch {
        return undefined
      }
      const wellFormed = /^\d{17}[\dX]$/.test(idNumber) && residentIdCheckChar(idNumber.slice(0, 17)) === idNumber[17]
      return wellFormed ? realName.verify(body.name, idNumber) : undefined
    },
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const { tx, user, body, nowIso, clock } = ctx
      if (user.realName) throw conflict('ALREADY_VERIFIED', '您已经完成实名认证')
      const attemptsKey = `real-name:${user.id}`
      const recent = await tx.core.attemptsSince(attemptsKey, beijingIso(clock.now() - HOUR))
      if (recent >= MAX_FAILED_BINDINGS_PER_HOUR) throw tooMany('尝试次数太多，请 1 小时后再试，或到社区服务中心办理')
      const fail = (code: string, message: string, field: 'name' | 'idNumber') => {
        // Counted even though the request's other changes roll back.
        ctx.onFailure((t) =>
          t.core.attempts.insert({ id: newId('att'), key: attemptsKey, at: nowIso }).then(() => undefined),
        )
        return unprocessable(code, message, { [field]: message })
      }
      let idNumber: string
      try {
        idNumber = normalizeResidentId(body.idNumber)
        parseResidentId(idNumber, beijingDate(nowIso))
      } catch (e) {
        throw unprocessable('INVALID_RESIDENT_ID', (e as Error).message, { idNumber: (e as Error).message })
      }
      // With a 实名核验 service its verdict decides; without one (the demo), the population register.
      const person = await tx.core.populationRegister.get(idNumber)
      const verdict = ctx.outside as 'match' | 'mismatch' | undefined
      if (verdict ? verdict === 'mismatch' : !person || person.name !== body.name)
        throw fail('NOT_IN_REGISTER', '姓名与身份证号码不一致，请核对后再试', 'idNumber')
      if (await tx.core.userByIdNumber(idNumber))
        throw conflict('ID_ALREADY_BOUND', '该身份证号码已绑定其他微信账号，如有疑问请联系社区')
      const bound = await tx.core.users.update(user.id, {
        realName: body.name,
        idNumber,
        realNameBoundAt: nowIso,
        phone: person?.phone,
      })
      return meDto(tx.core, bound, nowIso)
    },
  }),
  route({
    method: 'GET',
    path: '/api/rooms',
    access: 'user',
    handler: async ({ tx, user }) => {
      const rooms = await tx.core.roomsOfCommunity(user.communityId)
      return Promise.all(
        rooms.map(async (r) => ({ roomId: r.id, label: await tx.core.roomLabel(r.id), floor: r.floor })),
      )
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/rooms',
    access: 'user',
    input: v.object({
      roomId: v.pipe(v.string(), v.maxLength(64)),
      role: v.optional(v.picklist(ROOM_ROLES), 'owner'),
    }),
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const { tx, user, body, nowIso } = ctx
      if (!user.idNumber) throw unprocessable('REAL_NAME_REQUIRED', '请先完成实名认证，再绑定房屋')
      const room = await tx.core.rooms.get(body.roomId)
      if (!room || room.communityId !== user.communityId) throw notFound('没有找到这个房屋', 'NO_SUCH_ROOM')
      // A binding the community rejected may be applied for again: it starts over, waiting.
      const earlier = await tx.core.roomBindings.get(`${user.id}:${room.id}`)
      if (earlier && !earlier.rejectedReason) throw conflict('ROOM_ALREADY_BOUND', '您已经绑定过这个房屋')
      if (earlier) await tx.core.roomBindings.remove(earlier.id)
      const record = await tx.core.propertyRegister.get(room.id)
      const isOwner = record?.ownerIdNumber === user.idNumber
      if (body.role === 'owner' && !isOwner) {
        throw unprocessable(
          'NOT_OWNER',
          '房产登记中这套房屋的业主不是您。如果您是租户或家属，请选择相应身份；如登记有误，请联系社区。',
          {
            roomId:
              '房产登记中这套房屋的业主不是您。如果您是租户或家属，请在“您的身份”中选择；如登记有误，请联系社区。',
          },
        )
      }
      const base = { id: `${user.id}:${room.id}`, userId: user.id, roomId: room.id, boundAt: nowIso }
      const binding = isOwner
        ? { ...base, role: 'owner' as const, area: record!.area, verified: true }
        : { ...base, role: body.role, verified: false }
      await tx.core.roomBindings.insert(binding)
      const label = await tx.core.roomLabel(room.id)
      await ctx.notify(
        user.id,
        '房屋已绑定',
        binding.verified
          ? `${label}已绑定，已按房产登记核验为业主，可以参加本楼的加装电梯表决。`
          : `${label}已绑定（${binding.role === 'tenant' ? '租户' : '家属'}），社区核验后可以代表本户办理相关事务。`,
        href.account.rooms(),
      )
      return roomBindingDto(tx.core, binding)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/me/rooms/:roomId',
    access: 'user',
    handler: async ({ tx, user, params }) => {
      const id = `${user.id}:${params.roomId}`
      if (!(await tx.core.roomBindings.get(id))) throw notFound('您没有绑定这个房屋')
      await tx.core.roomBindings.remove(id)
      return { ok: true }
    },
  }),
  route({
    method: 'GET',
    path: '/api/me/export',
    access: 'user',
    handler: (ctx) => exportOf(ctx, ctx.user.id, exports),
  }),
  route({
    method: 'DELETE',
    path: '/api/me',
    access: 'user',
    handler: async (ctx) => {
      const { tx, user, nowIso } = ctx
      const released: string[] = []
      for (const hook of onAccountDeleted) released.push(...(await hook(ctx, user.id)))
      await tx.core.users.update(user.id, {
        realName: undefined,
        idNumber: undefined,
        realNameBoundAt: undefined,
        phone: undefined,
        nickname: '已注销用户',
        persona: '已注销用户',
        privacyAcceptedAt: undefined,
        wechatOpenid: undefined,
        deletedAt: nowIso,
      })
      await eraseRecordsOf(tx, user)
      for (const hook of erase) await hook(ctx, user.id)
      return { ok: true, released }
    },
  }),
]

/**
 * Erases a deleted account's core personal records (PIPL art. 47): room bindings, sessions, family
 * links either way (with a signed authorisation photo), messages, reminders sent and message settings,
 * WeChat subscriptions and subscribe messages (the outbox), ratings of appointments and courses,
 * rate-limit counters, kept idempotent
 * responses (they hold copies of answers such as the profile). The features erase theirs with their
 * own hooks; records that other people or public funds rely on stay, under the now anonymous user id.
 */
async function eraseRecordsOf(tx: Tx, user: User): Promise<void> {
  const { core } = tx
  for (const b of await core.bindingsOf(user.id)) await core.roomBindings.remove(b.id)
  for (const s of await core.sessionsOf(user.id)) await core.sessions.remove(s.id)
  for (const l of await core.linksOf(user.id)) {
    if (l.authorizationImageId) await core.removeImage(l.authorizationImageId)
    await core.familyLinks.remove(l.id)
  }
  for (
    let page = await core.messagesOf(user.id, { offset: 0, limit: 200 });
    page.length;
    page = await core.messagesOf(user.id, { offset: 0, limit: 200 })
  ) {
    for (const m of page) await core.messages.remove(m.id)
  }
  for (const a of [...(await core.proxyActsForPrincipal(user.id)), ...(await core.proxyActsOfWorker(user.id, 10_000))])
    await core.proxyActs.remove(a.id)
  for (const r of await core.remindersSentTo(user.id)) await core.remindersSent.remove(r.id)
  if (await core.messageSettings.get(user.id)) await core.messageSettings.remove(user.id)
  for (const r of await core.ratingsOf(user.id)) await core.ratings.remove(r.id)
  for (const s of await core.subscriptionsOf(user.id)) await core.subscriptions.remove(s.id)
  for (const o of await core.outboxOf(user.id)) await core.outbox.remove(o.id)
  for (const a of await core.attemptsOfKey(`real-name:${user.id}`)) await core.attempts.remove(a.id)
  for (const r of await core.idempotencyOf(user.id)) await core.idempotency.remove(r.id)
}
