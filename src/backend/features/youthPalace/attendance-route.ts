/**
 * Attendance of one session (worker, own community): children present are given by scanned check-in
 * codes and/or ticked enrollment ids; every other confirmed child is marked absent and their family gets
 * a no-show (3 in a term → no priority window next term, domain.md §2). Each session is taken once.
 */
import * as v from 'valibot'
import { formatDateCn, isDate } from '@/domain/time'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route } from '@/backend/core/router'
import { YP_LINK, sessionDates, weekdayOf, workerCourse } from './access'
import { checkinCode } from './enrollment-routes'

const CODE_RE = /^MCYP:([^:]+):(\d{4}-\d{2}-\d{2}):([0-9a-f]{8})$/

/** `POST /api/worker/youth-palace/courses/:id/attendance` — body `{ sessionDate, codes?, presentEnrollmentIds? }`. */
export const attendanceRoute = route({
  method: 'POST',
  path: '/api/worker/youth-palace/courses/:id/attendance',
  access: 'worker',
  input: v.object({
    sessionDate: v.pipe(v.string('请选择上课日期'), v.check(isDate, '日期格式不正确，如 2027-03-06')),
    codes: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(120))), v.maxLength(60)), []),
    presentEnrollmentIds: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(60)), []),
  }),
  handler: async (ctx) => {
    const yp = ctx.tx.youthPalace
    const { course, term } = await workerCourse(ctx, ctx.params.id)
    const { sessionDate } = ctx.body
    if (!sessionDates(course, term).includes(sessionDate))
      throw unprocessable(
        'NOT_A_SESSION_DATE',
        `《${course.name}》在 ${formatDateCn(sessionDate)}没有课，请选择上课日期`,
        {
          sessionDate: '这一天没有课',
        },
      )
    const start = course.sessions
      .filter((s) => s.weekday === weekdayOf(sessionDate))
      .map((s) => s.start)
      .sort()[0]
    if (ctx.clock.now() < Date.parse(`${sessionDate}T${start}:00+08:00`))
      throw unprocessable('SESSION_NOT_STARTED', '这节课还没开始，开课后再点名')
    // The course's lock: one roll call per session, even when two workers submit at once.
    await yp.courses.get(course.id, { lock: true })
    if (await yp.attendanceTaken(course.id, sessionDate)) throw conflict('ATTENDANCE_TAKEN', '这节课已经点过名了')
    const roster = await yp.enrollmentsInStatus(course.id, 'confirmed')
    const present = new Set<string>()
    for (const code of ctx.body.codes) {
      const match = CODE_RE.exec(code.trim())
      const e = match ? roster.find((x) => x.id === match[1]) : undefined
      if (!match || !e || match[2] !== sessionDate || checkinCode(e, sessionDate) !== code.trim()) {
        throw unprocessable('INVALID_CHECKIN_CODE', '签到码无效：不是本课程本节课的签到码，请让家长刷新后重新出示', {
          codes: code,
        })
      }
      present.add(e.id)
    }
    for (const id of ctx.body.presentEnrollmentIds) {
      if (!roster.some((e) => e.id === id))
        throw unprocessable('NOT_ON_ROSTER', '名单里没有这个孩子（只有已确认名额的孩子可以签到）', {
          presentEnrollmentIds: id,
        })
      present.add(id)
    }
    const absent: string[] = []
    for (const e of roster) {
      const isPresent = present.has(e.id)
      await yp.attendance.insert({
        id: `${e.id}:${sessionDate}`,
        enrollmentId: e.id,
        courseId: course.id,
        sessionDate,
        present: isPresent,
        markedBy: ctx.user.id,
        markedAt: ctx.nowIso,
      })
      if (isPresent) continue
      absent.push(e.id)
      await yp.noShows.insert({
        id: newId('ypn'),
        parentId: e.parentId,
        termId: e.termId,
        childId: e.childId,
        enrollmentId: e.id,
        sessionDate,
        reason: 'absent',
        at: ctx.nowIso,
      })
      const child = (await yp.children.get(e.childId))?.name ?? '孩子'
      await ctx.notify(
        e.parentId,
        '青少年宫课程未到课',
        `${child}没有参加 ${formatDateCn(sessionDate)}的《${course.name}》，记 1 次未到课。一学期满 3 次，下学期不享受优先报名。如有误请联系老师。`,
        YP_LINK,
      )
    }
    return {
      courseId: course.id,
      sessionDate,
      present: roster.filter((e) => present.has(e.id)).map((e) => e.id),
      absent,
    }
  },
})
