/**
 * Children profiles of the caller (家长的孩子资料): name, birth date, hardship flag with an optional proof
 * photo (stored as an image, the record keeps its id). Only the parent sees or changes them; the privacy
 * notice must be accepted first (children's data is personal data of minors, PIPL art. 31).
 */
import * as v from 'valibot'
import { ageOn } from '../../../domain/residentId'
import { beijingDate, isDate } from '../../../domain/time'
import { PLACE_HOLDING } from '../../../domain/youthPalaceTypes'
import { conflict, unprocessable } from '../../core/http'
import { newId } from '../../core/ids'
import { route, type Route, type RouteContext } from '../../core/router'
import { requirePrivacy } from '../../routes/me'
import type { YpChildRecord } from './model'
import { ownChild } from './store'
import { childDto } from './views'

const MAX_IMAGE_BASE64 = Math.ceil((200 * 1024 * 4) / 3) + 4 // ≤ 200 KB image

const nameSchema = v.pipe(v.string('请填写孩子姓名'), v.trim(), v.minLength(2, '请填写孩子姓名'), v.maxLength(20, '姓名太长'),
  v.regex(/^[\u4e00-\u9fa5·]+$/, '请填写孩子的中文姓名'))
const birthSchema = v.pipe(v.string('请填写出生日期'), v.check(isDate, '出生日期格式不正确，如 2018-05-01'))
const photoSchema = v.pipe(v.string(), v.minLength(8, '请拍摄证明材料'), v.maxLength(MAX_IMAGE_BASE64, '照片太大，请重新拍摄（不超过 200 KB）'),
  v.regex(/^[A-Za-z0-9+/=]+$/, '照片格式不正确'))

/** Refuses a birth date in the future or a child 18 or older today. */
function checkBirthDate(ctx: RouteContext, birthDate: string): void {
  const today = beijingDate(ctx.nowIso)
  if (birthDate > today) throw unprocessable('INVALID_BIRTH_DATE', '出生日期不能晚于今天', { birthDate: '出生日期不能晚于今天' })
  if (ageOn(birthDate, today) >= 18) throw unprocessable('INVALID_BIRTH_DATE', '青少年宫只为 18 岁以下的孩子开课，请核对出生日期', { birthDate: '请核对出生日期' })
}

const holdsPlaces = (ctx: RouteContext, childId: string) =>
  Object.values(ctx.db.data.ypEnrollments).some((e) => e.childId === childId && PLACE_HOLDING.includes(e.status))

/** Children profile routes under `/api/youth-palace/children`. */
export const childrenRoutes: Route[] = [
  route({
    method: 'GET', path: '/api/youth-palace/children', access: 'user',
    handler: (ctx) => {
      requirePrivacy(ctx)
      return Object.values(ctx.db.data.ypChildren)
        .filter((c) => c.parentId === ctx.user.id && !c.deletedAt)
        .sort((a, b) => a.birthDate.localeCompare(b.birthDate))
        .map((c) => childDto(c, ctx.nowIso))
    },
  }),
  route({
    method: 'POST', path: '/api/youth-palace/children', access: 'user',
    input: v.object({ name: nameSchema, birthDate: birthSchema, hardship: v.optional(v.boolean(), false), hardshipProofPhoto: v.optional(photoSchema) }),
    handler: (ctx) => {
      requirePrivacy(ctx)
      const { body, nowIso } = ctx
      checkBirthDate(ctx, body.birthDate)
      const mine = Object.values(ctx.db.data.ypChildren).filter((c) => c.parentId === ctx.user.id && !c.deletedAt)
      if (mine.some((c) => c.name === body.name && c.birthDate === body.birthDate)) throw conflict('CHILD_EXISTS', '已经添加过这个孩子，无需重复添加')
      if (mine.length >= 6) throw unprocessable('TOO_MANY_CHILDREN', '每位家长最多添加 6 个孩子。如有特殊情况请联系社区')
      const id = newId('ypk')
      const child: YpChildRecord = { id, parentId: ctx.user.id, name: body.name, birthDate: body.birthDate, hardship: body.hardship, createdAt: nowIso, updatedAt: nowIso }
      if (body.hardshipProofPhoto) {
        child.hardshipProofImageId = newId('img')
        ctx.db.putImage(child.hardshipProofImageId, body.hardshipProofPhoto)
      }
      ctx.db.write('ypChildren')[id] = child
      return childDto(child, nowIso)
    },
  }),
  route({
    method: 'GET', path: '/api/youth-palace/children/:id', access: 'user',
    handler: (ctx) => childDto(ownChild(ctx, ctx.params.id), ctx.nowIso),
  }),
  route({
    method: 'PATCH', path: '/api/youth-palace/children/:id', access: 'user',
    input: v.object({
      name: v.optional(nameSchema), birthDate: v.optional(birthSchema), hardship: v.optional(v.boolean()),
      hardshipProofPhoto: v.optional(photoSchema), removeHardshipProof: v.optional(v.boolean()),
    }),
    handler: (ctx) => {
      const found = ownChild(ctx, ctx.params.id)
      const { body } = ctx
      if (body.birthDate !== undefined && body.birthDate !== found.birthDate) {
        checkBirthDate(ctx, body.birthDate)
        if (holdsPlaces(ctx, found.id)) throw conflict('CHILD_HAS_ENROLLMENTS', '孩子已有报名，出生日期会影响年龄段，不能修改。请先取消报名，或联系社区核对')
      }
      const child = ctx.db.write('ypChildren')[found.id]
      if (body.name !== undefined) child.name = body.name
      if (body.birthDate !== undefined) child.birthDate = body.birthDate
      if (body.hardship !== undefined) child.hardship = body.hardship
      if (body.removeHardshipProof) delete child.hardshipProofImageId
      if (body.hardshipProofPhoto) {
        child.hardshipProofImageId = newId('img')
        ctx.db.putImage(child.hardshipProofImageId, body.hardshipProofPhoto)
      }
      child.updatedAt = ctx.nowIso
      return childDto(child, ctx.nowIso)
    },
  }),
  route({
    method: 'DELETE', path: '/api/youth-palace/children/:id', access: 'user',
    handler: (ctx) => {
      const found = ownChild(ctx, ctx.params.id)
      if (holdsPlaces(ctx, found.id)) throw conflict('CHILD_HAS_ENROLLMENTS', '孩子还有进行中的报名，请先在“我的报名”里取消，再删除资料')
      const child = ctx.db.write('ypChildren')[found.id]
      child.deletedAt = ctx.nowIso
      child.updatedAt = ctx.nowIso
      delete child.hardshipProofImageId
      return { ok: true }
    },
  }),
]
