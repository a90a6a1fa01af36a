/**
 * Leave (请假) for one session of a confirmed course, asked by the parent before the session starts: the
 * child is off that session's roll call, so the absence is never a no-show (3 in a term cost next term's
 * priority, domain.md §2). Once the session has started, leave is refused and the roll call decides.
 * Leave asked by mistake may be taken back (撤销请假) until the session starts.
 */
import * as v from 'valibot'
import type { YpLeaveDto } from '@/domain/youth-palace/contracts'
import { formatDateCn, isDate } from '@/domain/shared/time'
import { formatInstantCn } from '@/domain/youth-palace/types'
import { conflict, unprocessable } from '@/backend/core/http'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { courseOf, ownEnrollment, sessionDates, sessionStartMs } from './access'

const SESSION_DATE = v.object({
  sessionDate: v.pipe(v.string('请选择哪一次课'), v.check(isDate, '日期格式不正确，如 2027-03-06')),
})

/**
 * The parent's confirmed enrollment and its course, checked for a session on `sessionDate` not yet started.
 * @throws 404 (not the parent's), 422 `NOT_CONFIRMED`, `NOT_A_SESSION_DATE`, `SESSION_STARTED` (`what`: 请假 / 撤销请假)
 */
async function sessionAhead(ctx: RouteContext, enrollmentId: string, sessionDate: string, what: string) {
  const e = await ownEnrollment(ctx, enrollmentId)
  if (e.status !== 'confirmed') throw unprocessable('NOT_CONFIRMED', '名额确认（需缴费的课程支付成功）后才能请假')
  const { course, term } = await courseOf(ctx, e.courseId)
  if (!sessionDates(course, term).includes(sessionDate))
    throw unprocessable('NOT_A_SESSION_DATE', `《${course.name}》在 ${formatDateCn(sessionDate)} 没有课`, {
      sessionDate: '这一天没有课',
    })
  const start = sessionStartMs(course, sessionDate)
  if (ctx.clock.now() >= start)
    throw unprocessable(
      'SESSION_STARTED',
      what === '请假'
        ? `这节课已在 ${formatInstantCn(start)} 开始，开课后不能再请假。孩子没来的话会记一次未到课；如有特殊情况，请联系老师。`
        : `这节课已在 ${formatInstantCn(start)} 开始，请假不能再撤销`,
    )
  return { e, course }
}

/** Leave routes under `/api/youth-palace/enrollments/:id/leave`. */
export const leaveRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/leave',
    access: 'user',
    input: SESSION_DATE,
    handler: async (ctx): Promise<YpLeaveDto> => {
      const { sessionDate } = ctx.body
      const { e, course } = await sessionAhead(ctx, ctx.params.id, sessionDate, '请假')
      if (await ctx.tx.youthPalace.cancellations.get(`${course.id}:${sessionDate}`))
        throw unprocessable('SESSION_CANCELLED', '这节课已停课，不用请假，也不记未到课')
      const id = `${e.id}:${sessionDate}`
      if (await ctx.tx.youthPalace.leaves.get(id)) throw conflict('ALREADY_ON_LEAVE', '这节课已经请过假了')
      await ctx.tx.youthPalace.leaves.insert({
        id,
        enrollmentId: e.id,
        courseId: course.id,
        parentId: e.parentId,
        sessionDate,
        at: ctx.nowIso,
      })
      return { enrollmentId: e.id, sessionDate }
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/leave/undo',
    access: 'user',
    input: SESSION_DATE,
    handler: async (ctx): Promise<YpLeaveDto> => {
      const { sessionDate } = ctx.body
      const { e } = await sessionAhead(ctx, ctx.params.id, sessionDate, '撤销请假')
      const id = `${e.id}:${sessionDate}`
      if (!(await ctx.tx.youthPalace.leaves.get(id))) throw conflict('NOT_ON_LEAVE', '这节课没有请假，不用撤销')
      await ctx.tx.youthPalace.leaves.remove(id)
      return { enrollmentId: e.id, sessionDate }
    },
  }),
]
