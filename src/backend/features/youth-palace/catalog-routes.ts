/**
 * The youth palace catalogue for families: terms, courses (filter by child's age on the term start,
 * category, site, weekday), a course's detail with prices, and a course's publicly checkable lottery.
 */
import * as v from 'valibot'
import { checkAgeBand } from '@/domain/youth-palace/rules'
import { notFound } from '@/backend/core/http'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { courseOf, ownChild, termOf } from './access'
import type { YpChildRecord, YpCourseRecord } from './model'
import { courseDetailView, courseView, lotteryView, termView } from './views'

const optionalChild = async (ctx: RouteContext, childId: string | undefined): Promise<YpChildRecord | undefined> =>
  childId ? ownChild(ctx, childId) : undefined

/** Catalogue order: Monday first by the first session's weekday, then its start time, then the name. */
function catalogueOrder(a: YpCourseRecord, b: YpCourseRecord): number {
  const [x, y] = [a.sessions[0], b.sessions[0]]
  if (x.weekday !== y.weekday) return ((x.weekday + 6) % 7) - ((y.weekday + 6) % 7)
  return x.start.localeCompare(y.start) || a.name.localeCompare(b.name)
}

/** Catalogue routes under `/api/youth-palace`. */
export const catalogRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/youth-palace/terms',
    access: 'user',
    input: v.object({ communityId: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
    handler: async (ctx) => {
      const communityId = ctx.body.communityId || ctx.user.communityId
      const worker = ctx.user.role === 'worker' && ctx.user.communityId === communityId
      const terms = (await ctx.tx.youthPalace.termsOf(communityId)).filter((t) => t.status !== 'draft' || worker)
      return Promise.all(terms.map((t) => termView(ctx, t, ctx.user)))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/terms/:id/courses',
    access: 'user',
    input: v.object({
      childId: v.optional(v.pipe(v.string(), v.maxLength(64))),
      category: v.optional(v.pipe(v.string(), v.maxLength(20))),
      site: v.optional(v.pipe(v.string(), v.maxLength(40))),
      weekday: v.optional(v.pipe(v.string(), v.regex(/^[0-6]$/, '星期应为 0（周日）到 6（周六）'))),
    }),
    handler: async (ctx) => {
      const term = await termOf(ctx, ctx.params.id)
      const child = await optionalChild(ctx, ctx.body.childId)
      const { category, site, weekday } = ctx.body
      const courses = (await ctx.tx.youthPalace.coursesOfTerm(term.id))
        .filter((c) => !child || checkAgeBand(child, c, term).ok)
        .filter((c) => !category || c.category === category)
        .filter((c) => !site || c.site === site)
        .filter((c) => weekday === undefined || weekday === '' || c.sessions.some((s) => s.weekday === Number(weekday)))
        .sort(catalogueOrder)
      return Promise.all(courses.map((c) => courseView(ctx, c, term, child)))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/courses/:id',
    access: 'user',
    input: v.object({ childId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
    handler: async (ctx) => {
      const { course, term } = await courseOf(ctx, ctx.params.id)
      return courseDetailView(ctx, course, term, await optionalChild(ctx, ctx.body.childId))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/courses/:id/lottery',
    access: 'user',
    handler: async (ctx) => {
      const { course } = await courseOf(ctx, ctx.params.id)
      const dto = course.admission === 'lottery' ? await lotteryView(ctx, course) : null
      if (!dto)
        throw notFound(
          course.admission === 'lottery' ? '这门课的报名还没开始，抽签指纹尚未公布' : '这门课按报名先后录取，不抽签',
          'NO_LOTTERY',
        )
      return dto
    },
  }),
]
