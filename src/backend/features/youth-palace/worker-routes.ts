/**
 * Community workers' side of the youth palace (own community only): create terms and courses, open
 * registration (publishes lottery commitments), close it once the window has ended, run the draw, see a
 * roster and take attendance (see `attendance-route.ts`). Mock time decides "today".
 */
import * as v from 'valibot'
import type { YpRosterEntryDto } from '@/domain/youth-palace/contracts'
import { beijingDate, isDate } from '@/domain/shared/time'
import { checkCloseRegistration } from '@/domain/youth-palace/rules'
import { COURSE_ADMISSIONS, WEEKDAYS } from '@/domain/youth-palace/types'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route } from '@/backend/core/router'
import { displayNames } from '@/backend/routes/views'
import { sessionDates, todayOf, workerCourse, workerTerm } from './access'
import { attendanceRoute } from './attendance-route'
import { resolveDrawReminders } from './draw-reminders'
import { notifyTermOpened } from './notices'
import { newLottery, publishCommitments, runDraw } from './lottery'
import type { YpCourseRecord, YpTermRecord } from './model'
import { courseDetailView, termView, workerTermView } from './views'

const dateSchema = (what: string) =>
  v.pipe(v.string(`请填写${what}`), v.check(isDate, `${what}格式不正确，如 2027-03-06`))
const timeSchema = v.pipe(
  v.string('请填写上课时间'),
  v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, '时间格式应为 时:分，如 09:00'),
)
const text = (what: string, max: number) =>
  v.pipe(v.string(`请填写${what}`), v.trim(), v.minLength(1, `请填写${what}`), v.maxLength(max, `${what}太长`))

/** Worker routes under `/api/worker/youth-palace`. */
export const workerRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/worker/youth-palace/terms',
    access: 'worker',
    handler: async (ctx) =>
      Promise.all((await ctx.tx.youthPalace.termsOf(ctx.user.communityId)).map((t) => workerTermView(ctx, t))),
  }),
  route({
    method: 'POST',
    path: '/api/worker/youth-palace/terms',
    access: 'worker',
    input: v.object({
      name: text('学期名称', 30),
      startDate: dateSchema('开课日期'),
      endDate: dateSchema('结课日期'),
      opensAt: dateSchema('报名开始日期'),
      closesAt: dateSchema('报名截止日期'),
    }),
    handler: async (ctx) => {
      const b = ctx.body
      if (b.opensAt > b.closesAt)
        throw unprocessable('INVALID_TERM_DATES', '报名开始日期不能晚于截止日期', { closesAt: '应不早于报名开始日期' })
      if (b.closesAt >= b.startDate)
        throw unprocessable('INVALID_TERM_DATES', '报名应在开课前截止，以便抽签和确认名额', {
          startDate: '应晚于报名截止日期',
        })
      if (b.startDate > b.endDate)
        throw unprocessable('INVALID_TERM_DATES', '结课日期不能早于开课日期', { endDate: '应不早于开课日期' })
      if (b.closesAt < todayOf(ctx))
        throw unprocessable('INVALID_TERM_DATES', '报名截止日期已经过去，请重新选择', { closesAt: '已经过去' })
      const id = newId('ypt')
      const term: YpTermRecord = {
        id,
        communityId: ctx.user.communityId,
        status: 'draft',
        createdBy: ctx.user.id,
        createdAt: ctx.nowIso,
        ...b,
      }
      await ctx.tx.youthPalace.terms.insert(term)
      return termView(ctx, term, ctx.user)
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/youth-palace/terms/:id/courses',
    access: 'worker',
    input: v.object({
      name: text('课程名称', 20),
      category: text('课程类别', 10),
      site: text('上课地点', 30),
      teacher: text('老师姓名', 20),
      description: v.optional(v.pipe(v.string(), v.maxLength(200, '课程介绍请控制在 200 字以内')), ''),
      ageMin: v.pipe(
        v.number('请填写最小年龄'),
        v.integer('年龄应为整数'),
        v.minValue(3, '青少年宫课程面向 3–14 岁'),
        v.maxValue(14, '青少年宫课程面向 3–14 岁'),
      ),
      ageMax: v.pipe(
        v.number('请填写最大年龄'),
        v.integer('年龄应为整数'),
        v.minValue(3, '青少年宫课程面向 3–14 岁'),
        v.maxValue(14, '青少年宫课程面向 3–14 岁'),
      ),
      capacity: v.pipe(
        v.number('请填写名额'),
        v.integer('名额应为整数'),
        v.minValue(1, '名额至少 1 个'),
        v.maxValue(30, '名额最多 30 个'),
      ),
      feeFen: v.pipe(
        v.number('请填写费用'),
        v.integer('费用应为整数分'),
        v.minValue(0, '费用不能为负'),
        v.maxValue(100_000, '青少年宫课程为公益低收费，每学期不超过 1000 元'),
      ),
      admission: v.picklist(COURSE_ADMISSIONS, '请选择录取方式'),
      sessions: v.pipe(
        v.array(v.object({ weekday: v.picklist(WEEKDAYS, '请选择星期'), start: timeSchema, end: timeSchema })),
        v.minLength(1, '请至少安排一次上课时间'),
        v.maxLength(3, '每周最多 3 次课'),
      ),
    }),
    handler: async (ctx) => {
      const term = await workerTerm(ctx, ctx.params.id, { lock: true })
      const b = ctx.body
      if (term.status === 'closed' || term.status === 'drawn')
        throw conflict('TERM_CLOSED', '这个学期的报名已经结束，不能再添加课程')
      if (b.ageMin > b.ageMax)
        throw unprocessable('INVALID_AGE_BAND', '最小年龄不能大于最大年龄', { ageMax: '应不小于最小年龄' })
      if (b.sessions.some((s) => s.start >= s.end))
        throw unprocessable('INVALID_SCHEDULE', '下课时间应晚于上课时间', { sessions: '下课时间应晚于上课时间' })
      const id = newId('ypc')
      const course: YpCourseRecord = {
        id,
        termId: term.id,
        communityId: term.communityId,
        createdBy: ctx.user.id,
        createdAt: ctx.nowIso,
        ...b,
        sessions: b.sessions.map((s) => ({ weekday: s.weekday, start: s.start, end: s.end })),
      }
      if (sessionDates(course, term).length === 0)
        throw unprocessable('NO_SESSIONS', '学期内没有这一天，请检查上课星期和学期日期')
      await ctx.tx.youthPalace.courses.insert(course)
      if (term.status === 'open' && course.admission === 'lottery') {
        await ctx.tx.youthPalace.lotteries.insert(newLottery(course, ctx.nowIso))
      }
      return courseDetailView(ctx, course, term)
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/youth-palace/terms/:id/open',
    access: 'worker',
    handler: async (ctx) => {
      const found = await workerTerm(ctx, ctx.params.id, { lock: true })
      if (found.status !== 'draft') throw conflict('TERM_NOT_DRAFT', '这个学期已经开放过报名')
      if (found.closesAt < todayOf(ctx)) throw unprocessable('WINDOW_PASSED', '报名截止日期已经过去，请新建学期')
      const term = await ctx.tx.youthPalace.terms.update(found.id, { status: 'open', openedAt: ctx.nowIso })
      await publishCommitments(ctx, term)
      await notifyTermOpened(ctx, term)
      return termView(ctx, term, ctx.user)
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/youth-palace/terms/:id/close',
    access: 'worker',
    handler: async (ctx) => {
      const found = await workerTerm(ctx, ctx.params.id, { lock: true })
      if (found.status !== 'open') throw conflict('TERM_NOT_OPEN', '只有报名中的学期可以关闭报名')
      const closable = checkCloseRegistration(found, ctx.nowIso)
      if (!closable.ok) throw unprocessable(closable.code, closable.message)
      const term = await ctx.tx.youthPalace.terms.update(found.id, { status: 'closed', closedAt: ctx.nowIso })
      return termView(ctx, term, ctx.user)
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/youth-palace/terms/:id/draw',
    access: 'worker',
    handler: async (ctx) => {
      const found = await workerTerm(ctx, ctx.params.id, { lock: true })
      if (found.status === 'drawn') throw conflict('ALREADY_DRAWN', '这个学期已经抽过签，结果不能重抽')
      if (found.status !== 'closed') throw conflict('TERM_NOT_CLOSED', '请先在报名截止后关闭报名，再抽签')
      const courses = await runDraw(ctx, found)
      const term = await ctx.tx.youthPalace.terms.update(found.id, { status: 'drawn', drawnAt: ctx.nowIso })
      await resolveDrawReminders(ctx, term)
      return { term: await termView(ctx, term, ctx.user), courses }
    },
  }),
  route({
    method: 'GET',
    path: '/api/worker/youth-palace/courses/:id/roster',
    access: 'worker',
    handler: async (ctx): Promise<YpRosterEntryDto[]> => {
      const yp = ctx.tx.youthPalace
      const { course } = await workerCourse(ctx, ctx.params.id)
      const marks = await yp.attendanceOfCourse(course.id)
      const enrollments = await yp.enrollmentsOfCourse(course.id)
      const leaves = new Map<string, string[]>()
      for (const e of enrollments.filter((x) => x.status === 'confirmed'))
        leaves.set(
          e.id,
          (await yp.leavesOf(e.id)).map((l) => l.sessionDate),
        )
      const children = new Map((await yp.childrenByIds(enrollments.map((e) => e.childId))).map((k) => [k.id, k.name]))
      const parents = await displayNames(
        ctx.tx.core,
        enrollments.map((e) => e.parentId),
      )
      return enrollments.map((e) => ({
        enrollmentId: e.id,
        childName: children.get(e.childId) ?? '（已注销）',
        parentName: parents.get(e.parentId)!,
        status: e.status,
        noShow: !!e.noShow,
        attendance: Object.fromEntries(
          marks.filter((a) => a.enrollmentId === e.id).map((a) => [a.sessionDate, a.present ? 'present' : 'absent']),
        ),
        markedOn: Object.fromEntries(
          marks.filter((a) => a.enrollmentId === e.id).map((a) => [a.sessionDate, beijingDate(a.markedAt)]),
        ),
        leave: leaves.get(e.id) ?? [],
      }))
    },
  }),
  attendanceRoute,
]
