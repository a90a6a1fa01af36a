/** The user's own data: profile, privacy consent, real-name binding, rooms, export, account deletion. */
import * as v from 'valibot'
import { maskResidentId, normalizeResidentId, parseResidentId } from '@/domain/residentId'
import { beijingDate, formatDateCn } from '@/domain/time'
import { conflict, forbidden, notFound, tooMany, unprocessable } from '../core/http'
import type { Database } from '../core/db'
import { route, type AccountDeletionHook, type Route, type RouteContext, type TodoProvider } from '../core/router'
import { communityDto, displayName, meDto, roomBindingDto, roomLabel } from './views'

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

/**
 * Routes under `/api/me`. `onAccountDeleted`: the features' hooks run by `DELETE /api/me` before the
 * account's personal records are erased; `todos`: the features' to-dos for home.
 */
export const meRoutes = (onAccountDeleted: AccountDeletionHook[] = [], todos: TodoProvider[] = []): Route[] => [
  route({
    method: 'GET',
    path: '/api/me',
    access: 'user',
    handler: ({ db, user, nowIso }) => meDto(db.data, user, nowIso),
  }),
  route({
    method: 'GET',
    path: '/api/me/todos',
    access: 'user',
    handler: (ctx) =>
      todos.flatMap((provider) => provider(ctx, ctx.user.id)).sort((a, b) => a.dueAt.localeCompare(b.dueAt)),
  }),
  route({
    method: 'GET',
    path: '/api/principal',
    access: 'user',
    allowProxy: true,
    handler: ({ db, principal, nowIso }) => meDto(db.data, principal, nowIso),
  }),
  route({
    method: 'GET',
    path: '/api/community',
    access: 'user',
    handler: ({ db, user }) => communityDto(db.data, user.communityId),
  }),
  route({
    method: 'POST',
    path: '/api/me/privacy',
    access: 'user',
    input: v.object({ accepted: v.literal(true, '需要同意隐私说明才能继续') }),
    handler: ({ db, user, nowIso }) => {
      db.write('users')[user.id].privacyAcceptedAt = nowIso
      return meDto(db.data, db.data.users[user.id], nowIso)
    },
  }),
  route({
    method: 'POST',
    path: '/api/me/real-name',
    access: 'user',
    input: v.object({ name: nameSchema, idNumber: v.pipe(v.string(), v.maxLength(30, '身份证号码太长')) }),
    handler: (ctx) => {
      requirePrivacy(ctx)
      const { db, user, body, nowIso, clock } = ctx
      if (user.realName) throw conflict('ALREADY_VERIFIED', '您已经完成实名认证')
      const attemptsKey = `real-name:${user.id}`
      const recent = (db.data.attempts[attemptsKey] ?? []).filter((t) => t > clock.now() - HOUR)
      if (recent.length >= MAX_FAILED_BINDINGS_PER_HOUR)
        throw tooMany('尝试次数太多，请 1 小时后再试，或到社区服务中心办理')
      const fail = (code: string, message: string, field: 'name' | 'idNumber') => {
        // Count the failure even though the request's other changes roll back.
        db.data.attempts[attemptsKey] = [...recent, clock.now()]
        db.write('attempts')
        return unprocessable(code, message, { [field]: message })
      }
      let idNumber: string
      try {
        idNumber = normalizeResidentId(body.idNumber)
        parseResidentId(idNumber, beijingDate(nowIso))
      } catch (e) {
        throw unprocessable('INVALID_RESIDENT_ID', (e as Error).message, { idNumber: (e as Error).message })
      }
      const person = db.data.populationRegister[idNumber]
      if (!person || person.name !== body.name)
        throw fail('NOT_IN_REGISTER', '姓名与身份证号码不一致，请核对后再试', 'idNumber')
      const holder = Object.values(db.data.users).find((u) => u.realName?.idNumber === idNumber && !u.deletedAt)
      if (holder) throw conflict('ID_ALREADY_BOUND', '该身份证号码已绑定其他微信账号，如有疑问请联系社区')
      const users = db.write('users')
      users[user.id].realName = { name: person.name, idNumber, boundAt: nowIso }
      users[user.id].phone = person.phone
      return meDto(db.data, users[user.id], nowIso)
    },
  }),
  route({
    method: 'GET',
    path: '/api/rooms',
    access: 'user',
    handler: ({ db, user }) =>
      Object.values(db.data.rooms)
        .filter((r) => r.communityId === user.communityId)
        .map((r) => ({ roomId: r.id, label: roomLabel(db.data, r.id), floor: r.floor })),
  }),
  route({
    method: 'POST',
    path: '/api/me/rooms',
    access: 'user',
    input: v.object({
      roomId: v.pipe(v.string(), v.maxLength(64)),
      role: v.optional(v.picklist(['owner', 'tenant', 'family']), 'owner'),
    }),
    handler: (ctx) => {
      requirePrivacy(ctx)
      const { db, user, body, nowIso } = ctx
      if (!user.realName) throw unprocessable('REAL_NAME_REQUIRED', '请先完成实名认证，再绑定房屋')
      const room = db.data.rooms[body.roomId]
      if (!room || room.communityId !== user.communityId) throw notFound('没有找到这个房屋', 'NO_SUCH_ROOM')
      if (user.rooms.some((r) => r.roomId === room.id)) throw conflict('ROOM_ALREADY_BOUND', '您已经绑定过这个房屋')
      const record = db.data.propertyRegister[room.id]
      const isOwner = record?.ownerIdNumber === user.realName.idNumber
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
      const binding = isOwner
        ? { roomId: room.id, role: 'owner' as const, area: record.area, verified: true, boundAt: nowIso }
        : { roomId: room.id, role: body.role, verified: false, boundAt: nowIso }
      db.write('users')[user.id].rooms.push(binding)
      return roomBindingDto(db.data, binding)
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/me/rooms/:roomId',
    access: 'user',
    handler: ({ db, user, params }) => {
      const u = db.write('users')[user.id]
      if (!u.rooms.some((r) => r.roomId === params.roomId)) throw notFound('您没有绑定这个房屋')
      u.rooms = u.rooms.filter((r) => r.roomId !== params.roomId)
      return { ok: true }
    },
  }),
  route({
    method: 'GET',
    path: '/api/me/export',
    access: 'user',
    handler: ({ db, user, nowIso }) => {
      const links = Object.values(db.data.familyLinks).filter((l) => l.proxyId === user.id || l.principalId === user.id)
      const lines = [
        `现代社区 个人数据导出 · ${formatDateCn(beijingDate(nowIso))}`,
        `姓名：${displayName(user)}`,
        `身份证号码：${user.realName ? user.realName.idNumber : '未实名'}`,
        `手机号码：${user.phone ?? '未登记'}`,
        `所在社区：${db.data.communities[user.communityId]?.name}`,
        `隐私说明：${user.privacyAcceptedAt ? `已于 ${user.privacyAcceptedAt.slice(0, 10)} 同意` : '未同意'}`,
        `绑定房屋：${user.rooms.map((r) => `${roomLabel(db.data, r.roomId)}（${r.role === 'owner' ? `业主，${r.area} ㎡` : r.role === 'tenant' ? '租户' : '家属'}）`).join('；') || '无'}`,
        `亲友代办：${links.map((l) => `${l.proxyId === user.id ? `代 ${displayName(db.data.users[l.principalId])} 办理` : `${displayName(db.data.users[l.proxyId])} 代我办理`}（${l.status}）`).join('；') || '无'}`,
        `消息：${Object.values(db.data.messages).filter((m) => m.userId === user.id).length} 条`,
      ]
      return { text: lines.join('\n'), idNumberMasked: user.realName ? maskResidentId(user.realName.idNumber) : null }
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/me',
    access: 'user',
    handler: (ctx) => {
      const { db, user, nowIso } = ctx
      const released = onAccountDeleted.flatMap((hook) => hook(ctx, user.id))
      const u = db.write('users')[user.id]
      u.realName = undefined
      u.phone = undefined
      u.nickname = '已注销用户'
      u.persona = '已注销用户'
      u.rooms = []
      u.privacyAcceptedAt = undefined
      u.deletedAt = nowIso
      eraseRecordsOf(db, user.id)
      return { ok: true, released }
    },
  }),
]

/**
 * Erases a deleted account's personal records (PIPL art. 47): sessions, family links either way (with a
 * signed authorisation photo), messages, rate-limit counters, kept idempotent responses (they hold
 * copies of answers such as the profile), children's profiles (with hardship proof photos), one-thing
 * progress and window appointments (freeing the slot). Records that other people or public funds rely
 * on stay, under the now anonymous user id and without ID numbers: care-card applications, cards,
 * ledgers and orders, youth-palace enrollments, elevator ballots in the hash-chained log. (The features'
 * deletion hooks have already withdrawn running enrollments and cancelled bookings not yet started.)
 */
function eraseRecordsOf(db: Database, userId: string): void {
  const drop = <T>(
    name: Parameters<Database['write']>[0],
    mine: (record: T, key: string) => boolean,
    onDrop?: (record: T) => void,
  ) => {
    const all = db.data[name] as unknown as Record<string, T>
    const keys = Object.keys(all).filter((k) => mine(all[k], k))
    if (!keys.length) return
    const store = db.write(name) as unknown as Record<string, T>
    for (const k of keys) {
      onDrop?.(store[k])
      delete store[k]
    }
  }
  const removePhoto = (id?: string) => {
    if (id) db.removeImage(id)
  }
  drop<{ userId: string }>('sessions', (s) => s.userId === userId)
  drop<{ proxyId: string; principalId: string; authorizationImageId?: string }>(
    'familyLinks',
    (l) => l.proxyId === userId || l.principalId === userId,
    (l) => removePhoto(l.authorizationImageId),
  )
  drop<{ userId: string }>('messages', (m) => m.userId === userId)
  drop('attempts', (_a, k) => k.endsWith(`:${userId}`))
  drop('idempotency', (_r, k) => k.startsWith(`${userId}:`))
  drop<{ parentId: string; hardshipProofImageId?: string }>(
    'ypChildren',
    (k) => k.parentId === userId,
    (k) => removePhoto(k.hardshipProofImageId),
  )
  drop<{ userId: string }>('oneThingProgress', (p) => p.userId === userId)
  drop<{ userId: string }>('oneThingAppointments', (a) => a.userId === userId)
}
