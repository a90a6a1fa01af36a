/**
 * Applications and enrollments of the caller's children: apply (all of `checkApplication`), my courses,
 * confirm or decline a place, cancel within the rules (refund or no-show), per-session check-in codes.
 * Every refusal is a 422 with the domain's plain-Chinese message (409 when a first-come course is full).
 */
import * as v from 'valibot'
import { sha256Hex } from '@/domain/hash'
import { formatFen } from '@/domain/money'
import { checkApplication } from '@/domain/youthPalaceRules'
import { DEFAULT_YOUTH_SETTINGS, addHoursIso } from '@/domain/youthPalaceTypes'
import { confirmOffer } from '@/domain/youthPalaceWaitlist'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import type { YpEnrollmentRecord } from './model'
import {
  courseOf,
  enrollmentsInOrder,
  isResident,
  noShowsLastTerm,
  ownChild,
  ownEnrollment,
  promoteNext,
  randomHex,
  sessionDates,
} from './store'
import { enrollmentDto, feeForChild } from './views'
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
    throw unprocessable('OFFER_EXPIRED', '确认期限已过，名额已顺延给下一位候补。可以重新报名其他有空位的课程')
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
    handler: (ctx) => {
      const child = ownChild(ctx, ctx.body.childId)
      const { course, term } = courseOf(ctx, ctx.body.courseId)
      const { data } = ctx.db
      if (term.status === 'draft')
        throw unprocessable('REGISTRATION_NOT_OPEN', `${term.name}报名还没开始，请关注社区通知`)
      const verdict = checkApplication({
        child,
        course,
        term,
        now: ctx.nowIso,
        resident: isResident(ctx.user, term),
        noShowsLastTerm: noShowsLastTerm(data, ctx.user.id, term),
        enrollments: enrollmentsInOrder(data),
        courses: Object.values(data.ypCourses),
      })
      const waitlist = !verdict.ok && verdict.code === 'COURSE_FULL' && ctx.body.joinWaitlist
      if (!verdict.ok && !waitlist) {
        if (verdict.code === 'COURSE_FULL') throw conflict(verdict.code, verdict.message)
        throw unprocessable(verdict.code, verdict.message)
      }
      const fee = feeForChild(course, child)
      const id = newId('ype')
      const e: YpEnrollmentRecord = {
        id,
        childId: child.id,
        courseId: course.id,
        termId: term.id,
        parentId: ctx.user.id,
        source: 'apply',
        status: waitlist
          ? 'waitlisted'
          : course.admission === 'lottery'
            ? 'pending'
            : fee > 0
              ? 'admitted'
              : 'confirmed',
        appliedAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
        checkinSalt: randomHex(ctx.clock.now()),
      }
      if (waitlist) e.queuedAt = ctx.nowIso
      if (e.status === 'admitted') e.confirmBy = addHoursIso(ctx.nowIso, DEFAULT_YOUTH_SETTINGS.confirmWindowHours)
      if (e.status === 'confirmed') e.confirmedAt = ctx.nowIso
      ctx.db.write('ypEnrollments')[id] = e
      return enrollmentDto(ctx.db.data, e, ctx.nowIso)
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments',
    access: 'user',
    input: v.object({ childId: v.optional(v.pipe(v.string(), v.maxLength(64))) }),
    handler: (ctx) => {
      requirePrivacy(ctx)
      const child = ctx.body.childId ? ownChild(ctx, ctx.body.childId) : undefined
      return enrollmentsInOrder(ctx.db.data)
        .filter((e) => e.parentId === ctx.user.id && (!child || e.childId === child.id))
        .reverse()
        .map((e) => enrollmentDto(ctx.db.data, e, ctx.nowIso))
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments/:id',
    access: 'user',
    handler: (ctx) => enrollmentDto(ctx.db.data, ownEnrollment(ctx, ctx.params.id), ctx.nowIso),
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/confirm',
    access: 'user',
    handler: (ctx) => {
      const found = ownEnrollment(ctx, ctx.params.id)
      const { course } = courseOf(ctx, found.courseId)
      if (found.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '这个名额已经确认过了')
      confirmable(ctx, found)
      const fee = feeForChild(course, ctx.db.data.ypChildren[found.childId])
      if (fee > 0)
        throw unprocessable('PAYMENT_REQUIRED', `这门课需缴费 ${formatFen(fee)}，请先支付，支付成功后名额自动确认`)
      const e = ctx.db.write('ypEnrollments')[found.id]
      Object.assign(e, { status: 'confirmed', confirmedAt: ctx.nowIso, updatedAt: ctx.nowIso })
      return enrollmentDto(ctx.db.data, e, ctx.nowIso)
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/decline',
    access: 'user',
    handler: (ctx) => {
      const found = ownEnrollment(ctx, ctx.params.id)
      const { course } = courseOf(ctx, found.courseId)
      confirmable(ctx, found)
      const e = ctx.db.write('ypEnrollments')[found.id]
      Object.assign(e, { status: 'declined', updatedAt: ctx.nowIso })
      promoteNext(ctx, course)
      return enrollmentDto(ctx.db.data, e, ctx.nowIso)
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/cancel',
    access: 'user',
    handler: (ctx) => {
      const { enrollment: e, free, message, refundedFen } = withdrawEnrollment(ctx, ownEnrollment(ctx, ctx.params.id))
      return {
        enrollment: enrollmentDto(ctx.db.data, e, ctx.nowIso),
        free,
        refund: refundedFen > 0,
        refundedFen,
        message,
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments/:id/checkin-codes',
    access: 'user',
    handler: (ctx) => {
      const e = ownEnrollment(ctx, ctx.params.id)
      if (e.status !== 'confirmed') throw unprocessable('NOT_CONFIRMED', '名额确认（需缴费的课程支付成功）后才有签到码')
      const { course, term } = courseOf(ctx, e.courseId)
      const attendance = ctx.db.data.ypAttendance
      return sessionDates(course, term).flatMap((date) => {
        const [y, m, d] = date.split('-').map(Number)
        const weekday = new Date(Date.UTC(y, m - 1, d)).getUTCDay()
        const mark = attendance[`${e.id}:${date}`]
        return course.sessions
          .filter((s) => s.weekday === weekday)
          .map((s) => ({
            sessionDate: date,
            start: s.start,
            end: s.end,
            code: checkinCode(e, date),
            attendance: mark ? (mark.present ? ('present' as const) : ('absent' as const)) : null,
          }))
      })
    },
  }),
]
