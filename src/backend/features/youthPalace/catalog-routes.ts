/**
 * The youth palace catalogue for families: terms, courses (filter by child's age on the term start,
 * category, site, weekday), a course's detail with prices, and a course's publicly checkable lottery.
 */
import * as v from 'valibot'
import { checkAgeBand } from '@/domain/youthPalaceRules'
import { notFound } from '@/backend/core/http'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import type { YpChildRecord } from './model'
import { courseOf, ownChild, termOf } from './store'
import { courseDetailDto, courseDto, lotteryDto, termDto } from './views'

const optionalChild = (ctx: RouteContext, childId: string | undefined): YpChildRecord | undefined =>
  childId ? ownChild(ctx, childId) : undefined

/** Catalogue routes under `/api/youth-palace`. */
export const catalogRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/youth-palace/terms',
    access: 'user',
    input: v.object({ communityId: v.optional(v.pipe(v.string(), v.maxLength(40))) }),
    handler: (ctx) => {
      const communityId = ctx.body.communityId || ctx.user.communityId
      const worker = ctx.user.role === 'worker' && ctx.user.communityId === communityId
      return Object.values(ctx.db.data.ypTerms)
        .filter((t) => t.communityId === communityId && (t.status !== 'draft' || worker))
        .sort((a, b) => b.startDate.localeCompare(a.startDate))
        .map((t) => termDto(ctx.db.data, t, ctx.user, ctx.nowIso))
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
    handler: (ctx) => {
      const term = termOf(ctx, ctx.params.id)
      const child = optionalChild(ctx, ctx.body.childId)
      const { category, site, weekday } = ctx.body
      return Object.values(ctx.db.data.ypCourses)
        .filter((c) => c.termId === term.id)
        .filter((c) => !child || checkAgeBand(child, c, term).ok)
        .filter((c) => !category || c.category === category)
        .filter((c) => !site || c.site === site)
        .filter((c) => weekday === undefined || weekday === '' || c.sessions.some((s) => s.weekday === Number(weekday)))
        .sort((a, b) =>
          a.sessions[0].weekday === b.sessions[0].weekday
            ? a.sessions[0].start.localeCompare(b.sessions[0].start) || a.name.localeCompare(b.name)
            : ((a.sessions[0].weekday + 6) % 7) - ((b.sessions[0].weekday + 6) % 7),
        )
        .map((c) => courseDto(ctx.db.data, c, term, ctx.nowIso, child))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/courses/:id',
    access: 'user',
    input: v.object({ childId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
    handler: (ctx) => {
      const { course, term } = courseOf(ctx, ctx.params.id)
      return courseDetailDto(ctx.db.data, course, term, ctx.nowIso, optionalChild(ctx, ctx.body.childId))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/courses/:id/lottery',
    access: 'user',
    handler: (ctx) => {
      const { course } = courseOf(ctx, ctx.params.id)
      const dto = course.admission === 'lottery' ? lotteryDto(ctx.db.data, course.id, ctx.user.id) : null
      if (!dto)
        throw notFound(
          course.admission === 'lottery' ? '这门课的报名还没开始，抽签指纹尚未公布' : '这门课按报名先后录取，不抽签',
          'NO_LOTTERY',
        )
      return dto
    },
  }),
]
