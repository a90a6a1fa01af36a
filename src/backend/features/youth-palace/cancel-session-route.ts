/**
 * A session cancelled by the palace (停课: weather, the teacher ill), by a worker of the course's community
 * before it starts: marked, so it has no roll call and no one is a no-show, and announced to every family
 * with a confirmed place. Make-up sessions are arranged and announced by the community; the fee is not
 * refunded here.
 */
import * as v from 'valibot'
import { formatDateCn, isDate } from '@/domain/shared/time'
import { SESSION_CANCEL_REASONS, SESSION_CANCEL_REASON_LABELS, formatInstantCn } from '@/domain/youth-palace/types'
import { conflict, unprocessable } from '@/backend/core/http'
import { route } from '@/backend/core/router'
import { myCoursesLink, sessionDates, sessionStartMs, workerCourse } from './access'

/** `POST /api/worker/youth-palace/courses/:id/cancel-session` — body `{ sessionDate, reason }`. */
export const cancelSessionRoute = route({
  method: 'POST',
  path: '/api/worker/youth-palace/courses/:id/cancel-session',
  access: 'worker',
  input: v.object({
    sessionDate: v.pipe(v.string('请选择哪一次课'), v.check(isDate, '日期格式不正确，如 2027-03-06')),
    reason: v.picklist(SESSION_CANCEL_REASONS, '请选择停课原因'),
  }),
  handler: async (ctx) => {
    const yp = ctx.tx.youthPalace
    const { course, term } = await workerCourse(ctx, ctx.params.id)
    const { sessionDate, reason } = ctx.body
    if (!sessionDates(course, term).includes(sessionDate))
      throw unprocessable('NOT_A_SESSION_DATE', `《${course.name}》在 ${formatDateCn(sessionDate)} 没有课`, {
        sessionDate: '这一天没有课',
      })
    const start = sessionStartMs(course, sessionDate)
    if (ctx.clock.now() >= start)
      throw unprocessable('SESSION_STARTED', `这节课已在 ${formatInstantCn(start)} 开始，开课后不能再停课`)
    const id = `${course.id}:${sessionDate}`
    if (await yp.cancellations.get(id)) throw conflict('ALREADY_CANCELLED', '这节课已经停课了')
    await yp.cancellations.insert({
      id,
      courseId: course.id,
      sessionDate,
      reason,
      cancelledBy: ctx.user.id,
      at: ctx.nowIso,
    })
    const roster = await yp.enrollmentsInStatus(course.id, 'confirmed')
    for (const e of roster) {
      const child = (await yp.children.get(e.childId))?.name ?? '孩子'
      await ctx.notify(
        e.parentId,
        '青少年宫停课通知',
        `${child}的《${course.name}》${formatInstantCn(start)} 的课因${SESSION_CANCEL_REASON_LABELS[reason]}停课，不用到场，不记未到课。补课时间由社区另行通知。`,
        myCoursesLink(e.childId),
      )
    }
    return { courseId: course.id, sessionDate, reason, told: roster.length }
  },
})
