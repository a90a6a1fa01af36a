/**
 * Commit and reveal for lottery courses (domain.md §2 PRODUCT "lottery fairness"): when a term opens,
 * each lottery course gets `createCommitment(secret)`; after the window closes the worker's draw reveals
 * the secret, derives `lotterySeed(secret, courseId, applicationIds)` and ranks with `drawWithPriority`
 * (residents keeping priority first). Courses not over-subscribed admit everyone without a draw.
 */
import type { YpDrawSummaryDto } from '@/domain/contracts/youthPalace'
import { createCommitment, drawWithPriority, lotterySeed, type LotteryApplication } from '@/domain/youthPalace'
import { DEFAULT_YOUTH_SETTINGS, addHoursIso, formatInstantCn } from '@/domain/youthPalaceTypes'
import type { RouteContext } from '@/backend/core/router'
import type { Collections } from '@/backend/model'
import type { YpCourseRecord, YpLotteryRecord, YpTermRecord } from './model'
import { enrollmentsInOrder, hasPriority, myCoursesLink, randomHex } from './store'

/**
 * A fresh lottery record for a course: secret from `randomHex` (mock randomness: a real backend uses a
 * CSPRNG and keeps the secret off the client), commitment = SHA-256 of the secret.
 */
export function newLottery(course: YpCourseRecord, nowIso: string, nowMs: number): YpLotteryRecord {
  const secret = randomHex(nowMs)
  return {
    courseId: course.id,
    termId: course.termId,
    commitment: createCommitment(secret),
    secret,
    committedAt: nowIso,
  }
}

/** Publishes a commitment for every lottery course of the term that has none yet. */
export function publishCommitments(ctx: RouteContext, term: YpTermRecord): void {
  const lotteries = ctx.db.write('ypLotteries')
  for (const c of Object.values(ctx.db.data.ypCourses)) {
    if (c.termId === term.id && c.admission === 'lottery' && !lotteries[c.id])
      lotteries[c.id] = newLottery(c, ctx.nowIso, ctx.clock.now())
  }
}

/** Each pending application's draw entry: `resident` = the family keeps resident priority. */
export function lotteryEntries(data: Collections, ids: string[], term: YpTermRecord): LotteryApplication[] {
  return ids.map((id) => ({ id, resident: hasPriority(data, data.users[data.ypEnrollments[id].parentId], term) }))
}

/**
 * Draws every lottery course of a closed term. Over-subscribed: ranked by the seeded draw; the first
 * `capacity` become `admitted` (24 h to confirm, and pay when there is a fee), the rest `waitlisted`
 * in draw order. Others: everyone admitted. Families are told either way.
 */
export function runDraw(ctx: RouteContext, term: YpTermRecord): YpDrawSummaryDto['courses'] {
  const { data } = ctx.db
  const lotteries = ctx.db.write('ypLotteries')
  const store = ctx.db.write('ypEnrollments')
  const confirmBy = addHoursIso(ctx.nowIso, DEFAULT_YOUTH_SETTINGS.confirmWindowHours)
  const summary: YpDrawSummaryDto['courses'] = []
  const courses = Object.values(data.ypCourses).filter((c) => c.termId === term.id && c.admission === 'lottery')
  for (const course of courses) {
    const lottery = (lotteries[course.id] ??= newLottery(course, ctx.nowIso, ctx.clock.now()))
    const pending = enrollmentsInOrder(data)
      .filter((e) => e.courseId === course.id && e.status === 'pending')
      .map((e) => e.id)
    const applications = lotteryEntries(data, pending, term)
    const drawn = pending.length > course.capacity
    const seed = lotterySeed(lottery.secret, course.id, pending)
    const result = drawWithPriority(applications, course.capacity, seed)
    Object.assign(lottery, {
      revealedAt: ctx.nowIso,
      drawn,
      seed,
      seats: course.capacity,
      applications,
      order: result.order,
      admitted: result.admitted,
      waitlist: result.waitlist,
    })
    result.admitted.forEach((id) => {
      Object.assign(store[id], { status: 'admitted', source: 'draw', confirmBy, updatedAt: ctx.nowIso })
      const fee = course.feeFen > 0 ? '并支付费用' : ''
      ctx.notify(
        store[id].parentId,
        drawn ? '青少年宫抽签：中签' : '青少年宫报名成功',
        `${data.ypChildren[store[id].childId]?.name ?? '孩子'}报名的《${course.name}》${drawn ? '已中签' : '报名人数未超过名额，全部录取'}。请在 ${formatInstantCn(confirmBy)} 前确认${fee}。`,
        myCoursesLink(store[id].childId),
      )
    })
    result.waitlist.forEach((id, rank) => {
      Object.assign(store[id], {
        status: 'waitlisted',
        source: 'draw',
        queuedAt: ctx.nowIso,
        queueRank: rank,
        updatedAt: ctx.nowIso,
      })
      ctx.notify(
        store[id].parentId,
        '青少年宫抽签：候补',
        `${data.ypChildren[store[id].childId]?.name ?? '孩子'}报名的《${course.name}》未中签，候补第 ${rank + 1} 位。有人放弃时按顺序通知您，抽签结果可在课程页核对。`,
        myCoursesLink(store[id].childId),
      )
    })
    summary.push({
      courseId: course.id,
      courseName: course.name,
      applicants: pending.length,
      seats: course.capacity,
      drawn,
      admitted: result.admitted.length,
      waitlisted: result.waitlist.length,
    })
  }
  return summary
}
