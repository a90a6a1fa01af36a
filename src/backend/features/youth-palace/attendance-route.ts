/**
 * Roll call of one session (worker, own community). Every confirmed child must be marked, present (a
 * scanned check-in code or a ticked enrollment id) or absent (ticked); nobody is marked absent by
 * default. An absence is a no-show of the family (3 in a term → no priority window next term, domain.md
 * §2) and its family is told. A child on leave for the session (asked before it started) needs no mark
 * and may not be marked absent (present if they came anyway). The marks may be corrected on the Beijing
 * date they were made, not after: a correction to present removes the no-show, so no-shows always follow
 * the final marks.
 */
import * as v from 'valibot'
import type { YpAttendanceInput, YpAttendanceResultDto } from '@/domain/youth-palace/contracts'
import { beijingDate, formatDateCn, isDate } from '@/domain/shared/time'
import { DEFAULT_YOUTH_SETTINGS } from '@/domain/youth-palace/types'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type RouteContext } from '@/backend/core/router'
import { YP_LINK, sessionDates, sessionStartMs, todayOf, workerCourse } from './access'
import { checkinCode } from './enrollment-routes'
import type { YpCourseRecord, YpEnrollmentRecord } from './model'

const CODE_RE = /^MCYP:([^:]+):(\d{4}-\d{2}-\d{2}):([0-9a-f]{8})$/

const ids = v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(64))), v.maxLength(60)), [])

/** Ref of the message telling a family about an absence (resolved when it is corrected). */
const absenceRef = (enrollmentId: string, sessionDate: string) => `yp-absent:${enrollmentId}:${sessionDate}`

/** Records an absence: the family's no-show, and a message saying so. */
async function recordAbsence(ctx: RouteContext, e: YpEnrollmentRecord, course: YpCourseRecord, sessionDate: string) {
  const yp = ctx.tx.youthPalace
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
    `${child}没有参加 ${formatDateCn(sessionDate)} 的《${course.name}》，记 1 次未到课。一学期满 ${DEFAULT_YOUTH_SETTINGS.noShowLimit} 次，下学期不享受优先报名。如有误，请当天联系老师更正。`,
    YP_LINK,
    absenceRef(e.id, sessionDate),
  )
}

/** Undoes an absence corrected to present the same day: the no-show goes, the family is told. */
async function withdrawAbsence(ctx: RouteContext, e: YpEnrollmentRecord, course: YpCourseRecord, sessionDate: string) {
  const yp = ctx.tx.youthPalace
  const noShow = await yp.absenceOf(e, sessionDate)
  if (noShow) await yp.noShows.remove(noShow.id)
  await ctx.resolveMessages(e.parentId, absenceRef(e.id, sessionDate))
  const child = (await yp.children.get(e.childId))?.name ?? '孩子'
  await ctx.notify(
    e.parentId,
    '青少年宫点名已更正',
    `${child}参加了 ${formatDateCn(sessionDate)} 的《${course.name}》，老师已把误记的未到课更正为到课，不记未到课。`,
    YP_LINK,
  )
}

/**
 * The marks of the body for the session's roster: enrollment id → present. 422 `INVALID_CHECKIN_CODE`
 * (said in words: not a check-in code, another course's, another day's, or forged),
 * `NOT_ON_ROSTER`, `CONFLICTING_MARKS` (one child both present and absent) or `UNMARKED` (a child left
 * without a mark, named).
 */
async function marksOf(
  ctx: RouteContext<Required<YpAttendanceInput>>,
  roster: YpEnrollmentRecord[],
  onLeave: Set<string>,
): Promise<Map<string, boolean>> {
  const { sessionDate } = ctx.body
  const marks = new Map<string, boolean>()
  const childName = async (id: string) => {
    const e = roster.find((x) => x.id === id)
    return (e && (await ctx.tx.youthPalace.children.get(e.childId))?.name) || '孩子'
  }
  const mark = async (id: string, present: boolean, field: string) => {
    if (!roster.some((e) => e.id === id))
      throw unprocessable('NOT_ON_ROSTER', '名单里没有这个孩子（只有已确认名额的孩子可以点名）', { [field]: id })
    if (marks.has(id) && marks.get(id) !== present)
      throw unprocessable('CONFLICTING_MARKS', `${await childName(id)}同时点了「到了」和「没到」，请只选一个`, {
        [field]: id,
      })
    if (!present && onLeave.has(id))
      throw unprocessable('ON_LEAVE', `${await childName(id)}这节课已请假，不记未到课，不用点「没到」`, { [field]: id })
    marks.set(id, present)
  }
  for (const code of ctx.body.codes) {
    const refuse = (why: string) => unprocessable('INVALID_CHECKIN_CODE', why, { codes: code })
    const match = CODE_RE.exec(code.trim())
    if (!match) throw refuse('这不是青少年宫的签到码，请让家长打开“签到码”页面重新出示')
    const e = roster.find((x) => x.id === match[1])
    if (!e) throw refuse('这是别的课程（或未确认名额）的签到码，不是本课程的，请核对')
    if (match[2] !== sessionDate)
      throw refuse(`这是 ${formatDateCn(match[2])} 那次课的签到码，不是 ${formatDateCn(sessionDate)} 这次课的`)
    if (checkinCode(e, sessionDate) !== code.trim()) throw refuse('签到码无效，请让家长刷新后重新出示')
    await mark(e.id, true, 'codes')
  }
  for (const id of ctx.body.presentEnrollmentIds) await mark(id, true, 'presentEnrollmentIds')
  for (const id of ctx.body.absentEnrollmentIds) await mark(id, false, 'absentEnrollmentIds')
  const unmarked = roster.filter((e) => !marks.has(e.id) && !onLeave.has(e.id))
  if (unmarked.length) {
    const names = await Promise.all(unmarked.map((e) => childName(e.id)))
    throw unprocessable(
      'UNMARKED',
      `还有 ${unmarked.length} 个孩子没有点名：${names.join('、')}。请为每个孩子选「到了」或「没到」，再提交`,
      { marks: names.join('、') },
    )
  }
  return marks
}

/**
 * `POST /api/worker/youth-palace/courses/:id/attendance` — body `{ sessionDate, codes?, presentEnrollmentIds?,
 * absentEnrollmentIds? }`: the first roll call of the session, or its correction on the day it was taken
 * (409 `ATTENDANCE_FINAL` on a later day). Answers who is present and absent now, and whose mark changed.
 */
export const attendanceRoute = route({
  method: 'POST',
  path: '/api/worker/youth-palace/courses/:id/attendance',
  access: 'worker',
  input: v.object({
    sessionDate: v.pipe(v.string('请选择上课日期'), v.check(isDate, '日期格式不正确，如 2027-03-06')),
    codes: v.optional(v.pipe(v.array(v.pipe(v.string(), v.maxLength(120))), v.maxLength(60)), []),
    presentEnrollmentIds: ids,
    absentEnrollmentIds: ids,
  }),
  handler: async (ctx): Promise<YpAttendanceResultDto> => {
    const yp = ctx.tx.youthPalace
    const { course, term } = await workerCourse(ctx, ctx.params.id)
    const { sessionDate } = ctx.body
    if (!sessionDates(course, term).includes(sessionDate))
      throw unprocessable(
        'NOT_A_SESSION_DATE',
        `《${course.name}》在 ${formatDateCn(sessionDate)} 没有课，请选择上课日期`,
        {
          sessionDate: '这一天没有课',
        },
      )
    if (await yp.cancellations.get(`${course.id}:${sessionDate}`))
      throw unprocessable('SESSION_CANCELLED', '这节课已停课，不用点名，也不记未到课')
    if (ctx.clock.now() < sessionStartMs(course, sessionDate))
      throw unprocessable('SESSION_NOT_STARTED', '这节课还没开始，开课后再点名')
    // The course's lock: one roll call per session at a time, even when two workers submit at once.
    await yp.courses.get(course.id, { lock: true })
    const earlier = new Map((await yp.attendanceOfSession(course.id, sessionDate)).map((a) => [a.enrollmentId, a]))
    const takenOn = [...earlier.values()].map((a) => beijingDate(a.markedAt)).sort()[0]
    if (takenOn && takenOn !== todayOf(ctx))
      throw conflict(
        'ATTENDANCE_FINAL',
        `这节课已在 ${formatDateCn(takenOn)} 点名。点名只能在当天更正，现在结果已确定，不能再改`,
      )
    const roster = await yp.enrollmentsInStatus(course.id, 'confirmed')
    const onLeave = new Set((await yp.leavesOfSession(course.id, sessionDate)).map((l) => l.enrollmentId))
    const marks = await marksOf(ctx, roster, onLeave)
    const corrected: string[] = []
    for (const e of roster) {
      const present = marks.get(e.id)
      // On leave and not marked present: off the roll call, no mark and no no-show.
      if (present === undefined) continue
      const before = earlier.get(e.id)
      if (before?.present === present) continue
      const mark = { present, markedBy: ctx.user.id, markedAt: ctx.nowIso }
      if (before) {
        await yp.attendance.update(before.id, mark)
        corrected.push(e.id)
      } else {
        const base = { id: `${e.id}:${sessionDate}`, enrollmentId: e.id, courseId: course.id, sessionDate }
        await yp.attendance.insert({ ...base, ...mark })
      }
      if (!present) await recordAbsence(ctx, e, course, sessionDate)
      else if (before) await withdrawAbsence(ctx, e, course, sessionDate)
    }
    return {
      courseId: course.id,
      sessionDate,
      present: roster.filter((e) => marks.get(e.id)).map((e) => e.id),
      absent: roster.filter((e) => marks.get(e.id) === false).map((e) => e.id),
      onLeave: roster.filter((e) => onLeave.has(e.id) && !marks.has(e.id)).map((e) => e.id),
      corrected,
    }
  },
})
