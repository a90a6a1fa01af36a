/**
 * Children profiles of the caller (家长的孩子资料): name, birth date, hardship flag with an optional proof
 * photo (stored as an image, the record keeps its id). Only the parent sees or changes them; the privacy
 * notice must be accepted first (children's data is personal data of minors, PIPL art. 31). Names and
 * birth dates follow `youthPalaceChildren.ts`; while a child still holds or seeks a place in a course the
 * birth date is locked (it decides the age band) and the profile cannot be deleted.
 */
import * as v from 'valibot'
import { beijingDate, isDate } from '@/domain/shared/time'
import { checkChildBirthDate, checkChildName, normalizeChildName } from '@/domain/youth-palace/children'
import type { Refusal } from '@/domain/youth-palace/types'
import { conflict, photoBodyLimit, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { ownChild } from './access'
import type { YpChildRecord } from './model'
import { activeCourseNames, childView } from './views'

const MAX_IMAGE_BASE64 = Math.ceil((200 * 1024 * 4) / 3) + 4 // ≤ 200 KB image
/** Most live profiles per parent (PRODUCT). */
const MAX_CHILDREN = 6

const nameSchema = v.pipe(
  v.string('请填写孩子的姓名'),
  v.transform(normalizeChildName),
  v.check(
    (n) => checkChildName(n).ok,
    (issue) => (checkChildName(String(issue.input)) as Refusal).message,
  ),
)
const birthSchema = v.pipe(v.string('请选择孩子的出生日期'), v.check(isDate, '出生日期格式不正确，如 2018-05-01'))
const photoSchema = v.pipe(
  v.string(),
  v.minLength(8, '请拍摄证明材料'),
  v.maxLength(MAX_IMAGE_BASE64, '照片太大，请重新拍摄（不超过 200 KB）'),
  v.regex(/^[A-Za-z0-9+/=]+$/, '照片格式不正确'),
)

/** Refuses (422 `INVALID_BIRTH_DATE`) a birth date in the future or outside the ages the palace serves. */
function checkBirthDate(ctx: RouteContext, birthDate: string): void {
  const verdict = checkChildBirthDate(birthDate, beijingDate(ctx.nowIso))
  if (!verdict.ok) throw unprocessable(verdict.code, verdict.message, { birthDate: verdict.message })
}

/** The child's courses still holding or seeking a place, as `《A》《B》` (empty when none). */
async function activeCoursesCn(ctx: RouteContext, childId: string): Promise<string> {
  return (await activeCourseNames(ctx, childId)).map((name) => `《${name}》`).join('')
}

/** Refuses (409 `CHILD_EXISTS`) a second profile of the same name and birth date among the parent's live children. */
function checkNotDuplicate(mine: YpChildRecord[], name: string, birthDate: string, exceptId?: string): void {
  const twin = mine.find((c) => c.id !== exceptId && c.name === name && c.birthDate === birthDate)
  if (twin) throw conflict('CHILD_EXISTS', `已经有一个叫${name}、出生日期相同的孩子了，无需重复添加`)
}

/** Stores a proof photo as an image; returns its id. */
async function putProof(ctx: RouteContext, base64: string): Promise<string> {
  const id = newId('img')
  await ctx.tx.core.images.put(id, base64)
  return id
}

/** Children profile routes under `/api/youth-palace/children`. */
export const childrenRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/youth-palace/children',
    access: 'user',
    handler: async (ctx) => {
      requirePrivacy(ctx)
      return Promise.all((await ctx.tx.youthPalace.childrenOf(ctx.user.id)).map((c) => childView(ctx, c)))
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/children',
    bodyLimit: photoBodyLimit(1),
    access: 'user',
    input: v.object({
      name: nameSchema,
      birthDate: birthSchema,
      hardship: v.optional(v.boolean(), false),
      hardshipProofPhoto: v.optional(photoSchema),
    }),
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const { body, nowIso } = ctx
      checkBirthDate(ctx, body.birthDate)
      const mine = await ctx.tx.youthPalace.childrenOf(ctx.user.id)
      checkNotDuplicate(mine, body.name, body.birthDate)
      if (mine.length >= MAX_CHILDREN)
        throw unprocessable('TOO_MANY_CHILDREN', '每位家长最多添加 6 个孩子。如有特殊情况请联系社区')
      const child: YpChildRecord = {
        id: newId('ypk'),
        parentId: ctx.user.id,
        name: body.name,
        birthDate: body.birthDate,
        hardship: body.hardship,
        createdAt: nowIso,
        updatedAt: nowIso,
        ...(body.hardshipProofPhoto ? { hardshipProofImageId: await putProof(ctx, body.hardshipProofPhoto) } : {}),
      }
      await ctx.tx.youthPalace.children.insert(child)
      return childView(ctx, child)
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/children/:id',
    access: 'user',
    handler: async (ctx) => childView(ctx, await ownChild(ctx, ctx.params.id)),
  }),
  route({
    method: 'PATCH',
    path: '/api/youth-palace/children/:id',
    bodyLimit: photoBodyLimit(1),
    access: 'user',
    input: v.object({
      name: v.optional(nameSchema),
      birthDate: v.optional(birthSchema),
      hardship: v.optional(v.boolean()),
      hardshipProofPhoto: v.optional(photoSchema),
      removeHardshipProof: v.optional(v.boolean()),
    }),
    handler: async (ctx) => {
      const found = await ownChild(ctx, ctx.params.id)
      const { body } = ctx
      if (body.birthDate !== undefined && body.birthDate !== found.birthDate) {
        checkBirthDate(ctx, body.birthDate)
        const courses = await activeCoursesCn(ctx, found.id)
        if (courses) {
          throw conflict(
            'CHILD_HAS_ENROLLMENTS',
            `${found.name}已报名${courses}，出生日期决定能报哪个年龄段的课程，报名期间不能修改。` +
              '如果填错了，请先在“我的课程”里取消报名再修改，或联系社区核对',
          )
        }
      }
      const mine = await ctx.tx.youthPalace.childrenOf(ctx.user.id)
      checkNotDuplicate(mine, body.name ?? found.name, body.birthDate ?? found.birthDate, found.id)
      const patch: Partial<YpChildRecord> = { updatedAt: ctx.nowIso }
      if (body.name !== undefined) patch.name = body.name
      if (body.birthDate !== undefined) patch.birthDate = body.birthDate
      if (body.hardship !== undefined) patch.hardship = body.hardship
      const oldProof = found.hardshipProofImageId
      if (body.removeHardshipProof) patch.hardshipProofImageId = undefined
      if (body.hardshipProofPhoto) patch.hardshipProofImageId = await putProof(ctx, body.hardshipProofPhoto)
      // A replaced or removed proof photo is deleted, not left behind.
      if (oldProof && 'hardshipProofImageId' in patch) await ctx.tx.core.images.remove(oldProof)
      return childView(ctx, await ctx.tx.youthPalace.children.update(found.id, patch))
    },
  }),
  route({
    method: 'DELETE',
    path: '/api/youth-palace/children/:id',
    access: 'user',
    handler: async (ctx) => {
      const found = await ownChild(ctx, ctx.params.id)
      const courses = await activeCoursesCn(ctx, found.id)
      if (courses) {
        throw conflict(
          'CHILD_HAS_ENROLLMENTS',
          `${found.name}还有${courses}的报名没有结束，资料暂时不能删除。` +
            '请先在“我的课程”里取消这些报名，再删除资料',
        )
      }
      if (found.hardshipProofImageId) await ctx.tx.core.images.remove(found.hardshipProofImageId)
      const erased = { deletedAt: ctx.nowIso, updatedAt: ctx.nowIso, hardshipProofImageId: undefined }
      await ctx.tx.youthPalace.children.update(found.id, erased)
      return { ok: true }
    },
  }),
]
