/**
 * Applications and enrollments of the caller's children: apply (all of `checkApplication`), my courses,
 * confirm or decline a place, cancel within the rules (refund or no-show), per-session check-in codes.
 * Every refusal is a 422 with the domain's plain-Chinese message (409 when a first-come course is full).
 */
import * as v from 'valibot'
import { sha256Hex } from '@/domain/shared/hash'
import { formatFen } from '@/domain/shared/money'
import { checkApplication } from '@/domain/youth-palace/rules'
import { DEFAULT_YOUTH_SETTINGS, addHoursIso } from '@/domain/youth-palace/types'
import { confirmOffer } from '@/domain/youth-palace/waitlist'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId, randomSecret } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { rateSubject, ratingInput } from '@/backend/routes/ratings'
import { href } from '@/domain/routes'
import { COURSE_RATING_MIN_SESSIONS, courseRatable } from '@/domain/shared/ratings'
import { beijingDate } from '@/domain/shared/time'
import { requirePrivacy } from '@/backend/routes/me'
import {
  courseOf,
  isResident,
  lockedOwnEnrollment,
  myCoursesLink,
  noShowsLastTerm,
  ownChild,
  ownEnrollment,
  sessionDates,
  sessionStartMs,
  weekdayOf,
} from './access'
import { sendCommitment } from './lottery'
import type { YpEnrollmentRecord } from './model'
import { enrollmentView, feeForChild } from './views'
import { childNameOf, notifyApplied } from './notices'
import { promoteNext } from './waitlist'
import { withdrawEnrollment } from './withdraw'

/** The check-in payload of one session: `MCYP:<enrollmentId>:<sessionDate>:<8 hex of SHA-256(salt, id, date)>`. */
export function checkinCode(e: YpEnrollmentRecord, sessionDate: string): string {
  return `MCYP:${e.id}:${sessionDate}:${sha256Hex(e.checkinSalt, e.id, sessionDate).slice(0, 8)}`
}

/**
 * Passes when the enrollment is an admitted place still within its confirm-by time.
 * @throws HttpError 422 `OFFER_EXPIRED` (the domain's message, also for an offer the sweep already
 *   expired) or `NOT_AN_OFFER` when there is nothing to confirm
 */
export function confirmable(ctx: RouteContext, e: YpEnrollmentRecord): void {
  const probe = e.status === 'expired' ? { ...e, status: 'admitted' as const } : e
  const verdict = confirmOffer(probe, ctx.nowIso)
  if (!verdict.ok) throw unprocessable(verdict.code, verdict.message)
  if (e.status === 'expired')
    throw unprocessable(
      'OFFER_EXPIRED',
      '确认期限已过，名额已释放，有候补的会顺延给下一位。可以重新报名其他有空位的课程',
    )
}

/** Enrollment routes under `/api/youth-palace`. */
export const enrollmentRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/youth-palace/applications',
    access: 'user',
    input: v.object({
      childId: v.pipe(v.string('请选择孩子'), v.minLength(1, '请选择孩子'), v.maxLength(64)),
      courseId: v.pipe(v.string('请选择课程'), v.minLength(1, '请选择课程'), v.maxLength(64)),
      joinWaitlist: v.optional(v.boolean(), false),
    }),
    handler: async (ctx) => {
      const yp = ctx.tx.youthPalace
      const child = await ownChild(ctx, ctx.body.childId)
      // The course's lock: its seats are counted and taken one application at a time.
      const { course, term } = await courseOf(ctx, ctx.body.courseId, { lock: true })
      if (term.status === 'draft')
        throw unprocessable('REGISTRATION_NOT_OPEN', `${term.name}报名还没开始，请关注社区通知`)
      const childEnrollments = await yp.placesOfChild(child.id, term.id)
      const verdict = checkApplication({
        child,
        course,
        term,
        now: ctx.nowIso,
        resident: await isResident(ctx, ctx.user, term),
        noShowsLastTerm: await noShowsLastTerm(ctx, ctx.user.id, term),
        childEnrollments,
        childCourses: await yp.coursesByIds(childEnrollments.map((e) => e.courseId)),
        courseEnrollments: await yp.placesOfCourse(course.id),
      })
      const waitlist = !verdict.ok && verdict.code === 'COURSE_FULL' && ctx.body.joinWaitlist
      if (!verdict.ok && !waitlist) {
        if (verdict.code === 'COURSE_FULL') throw conflict(verdict.code, verdict.message)
        throw unprocessable(verdict.code, verdict.message)
      }
      const fee = feeForChild(course, child)
      const status = waitlist
        ? 'waitlisted'
        : course.admission === 'lottery'
          ? 'pending'
          : fee > 0
            ? 'admitted'
            : 'confirmed'
      const e: YpEnrollmentRecord = {
        id: newId('ype'),
        childId: child.id,
        courseId: course.id,
        termId: term.id,
        parentId: ctx.user.id,
        source: 'apply',
        status,
        appliedAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
        checkinSalt: randomSecret(),
        ...(waitlist ? { queuedAt: ctx.nowIso } : {}),
        ...(status === 'admitted'
          ? { confirmBy: addHoursIso(ctx.nowIso, DEFAULT_YOUTH_SETTINGS.confirmWindowHours) }
          : {}),
        ...(status === 'confirmed' ? { confirmedAt: ctx.nowIso } : {}),
      }
      await yp.enrollments.insert(e)
      // A lottery application's receipt is the commitment message itself (it says a draw follows).
      if (status === 'pending') await sendCommitment(ctx, course, e)
      else await notifyApplied(ctx, e, child.name, course.name)
      return enrollmentView(ctx, e)
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments',
    access: 'user',
    input: v.object({ childId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const yp = ctx.tx.youthPalace
      const list = ctx.body.childId
        ? await yp.enrollmentsOfChild((await ownChild(ctx, ctx.body.childId)).id)
        : await yp.enrollmentsOfParent(ctx.user.id)
      return Promise.all(list.map((e) => enrollmentView(ctx, e)))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments/:id',
    access: 'user',
    handler: async (ctx) => enrollmentView(ctx, await ownEnrollment(ctx, ctx.params.id)),
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/confirm',
    access: 'user',
    handler: async (ctx) => {
      const { enrollment: found, course } = await lockedOwnEnrollment(ctx, ctx.params.id)
      if (found.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '这个名额已经确认过了')
      confirmable(ctx, found)
      const fee = feeForChild(course, await ctx.tx.youthPalace.children.get(found.childId))
      if (fee > 0)
        throw unprocessable('PAYMENT_REQUIRED', `这门课需缴费 ${formatFen(fee)}，请先支付，支付成功后名额自动确认`)
      const confirmed = { status: 'confirmed' as const, confirmedAt: ctx.nowIso, updatedAt: ctx.nowIso }
      const e = await ctx.tx.youthPalace.enrollments.update(found.id, confirmed)
      await ctx.notify(
        e.parentId,
        '青少年宫名额已确认',
        `${await childNameOf(ctx, e.childId)}的《${course.name}》名额已确认。`,
        myCoursesLink(e.childId),
      )
      return enrollmentView(ctx, e)
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/decline',
    access: 'user',
    handler: async (ctx) => {
      const { enrollment: found, course } = await lockedOwnEnrollment(ctx, ctx.params.id)
      confirmable(ctx, found)
      const e = await ctx.tx.youthPalace.enrollments.update(found.id, { status: 'declined', updatedAt: ctx.nowIso })
      await promoteNext(ctx, course)
      return enrollmentView(ctx, e)
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/cancel',
    access: 'user',
    handler: async (ctx) => {
      const found = await ownEnrollment(ctx, ctx.params.id)
      const { enrollment: e, free, message, refundedFen } = await withdrawEnrollment(ctx, found)
      return { enrollment: await enrollmentView(ctx, e), free, refund: refundedFen > 0, refundedFen, message }
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments/:id/checkin-codes',
    access: 'user',
    handler: async (ctx) => {
      const e = await ownEnrollment(ctx, ctx.params.id)
      if (e.status !== 'confirmed') throw unprocessable('NOT_CONFIRMED', '名额确认（需缴费的课程支付成功）后才有签到码')
      const { course, term } = await courseOf(ctx, e.courseId)
      const marks = new Map((await ctx.tx.youthPalace.attendanceOf(e.id)).map((a) => [a.sessionDate, a]))
      const leave = new Set((await ctx.tx.youthPalace.leavesOf(e.id)).map((l) => l.sessionDate))
      const cancelled = new Set((await ctx.tx.youthPalace.cancellationsOf(course.id)).map((x) => x.sessionDate))
      return sessionDates(course, term).flatMap((date) => {
        const mark = marks.get(date)
        return course.sessions
          .filter((s) => s.weekday === weekdayOf(date))
          .map((s) => ({
            sessionDate: date,
            start: s.start,
            end: s.end,
            code: checkinCode(e, date),
            attendance: mark ? (mark.present ? ('present' as const) : ('absent' as const)) : null,
            onLeave: leave.has(date),
            cancelled: cancelled.has(date),
            canLeave: !leave.has(date) && !cancelled.has(date) && ctx.clock.now() < sessionStartMs(course, date),
            canUndoLeave: leave.has(date) && !cancelled.has(date) && ctx.clock.now() < sessionStartMs(course, date),
          }))
      })
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/rate',
    access: 'user',
    input: ratingInput,
    handler: async (ctx) => {
      const e = await ownEnrollment(ctx, ctx.params.id)
      if (e.status !== 'confirmed') throw conflict('NOT_ATTENDING', '孩子在读的课程才能评价')
      const yp = ctx.tx.youthPalace
      const course = (await yp.courses.get(e.courseId))!
      const term = await yp.terms.get(e.termId)
      const attended = (await yp.attendanceOf(e.id)).filter((a) => a.present).length
      if (!term || !courseRatable(e.status, attended, beijingDate(ctx.nowIso), term.endDate))
        throw conflict(
          'TOO_EARLY_TO_RATE',
          `孩子上满 ${COURSE_RATING_MIN_SESSIONS} 次课（现在 ${attended} 次）或学期结束后才能评价这门课`,
        )
      const child = await yp.children.get(e.childId)
      return rateSubject(ctx, {
        kind: 'course',
        subjectId: e.id,
        communityId: course.communityId,
        what: `青少年宫课程：${course.name}${child ? `（${child.name}）` : ''}`,
        link: href.youthPalace.myCourses(),
      })
    },
  }),
]
