/**
 * Commit and reveal for lottery courses (domain.md §2 PRODUCT "lottery fairness"): when a term opens,
 * each lottery course gets `createCommitment(secret)`; after the window closes the worker's draw reveals
 * the secret, derives `lotterySeed(secret, courseId, applicationIds)` and ranks with `drawWithPriority`
 * (residents keeping priority first). Courses not over-subscribed admit everyone without a draw.
 */
import type { YpDrawSummaryDto } from '@/domain/youth-palace/contracts'
import {
  commitmentMessage,
  createCommitment,
  drawWithPriority,
  lotterySeed,
  type LotteryApplication,
} from '@/domain/youth-palace/lottery'
import { href } from '@/domain/routes'
import { hasResidentPriority } from '@/domain/youth-palace/rules'
import { DEFAULT_YOUTH_SETTINGS, addHoursIso, formatInstantCn } from '@/domain/youth-palace/types'
import type { RouteContext } from '@/backend/core/router'
import { isResident, myCoursesLink } from './access'
import { randomSecret } from '@/backend/core/ids'
import type { YpCourseRecord, YpEnrollmentRecord, YpLotteryRecord, YpTermRecord } from './model'

/**
 * A fresh lottery record for a course: secret from `randomSecret` (WebCrypto on the server; hashed
 * `Math.random` draws in the embedded demo, whose data never leaves the phone), commitment = SHA-256 of
 * the secret, published before the draw.
 */
export function newLottery(course: YpCourseRecord, nowIso: string): YpLotteryRecord {
  const secret = randomSecret()
  return {
    courseId: course.id,
    termId: course.termId,
    commitment: createCommitment(secret),
    secret,
    committedAt: nowIso,
  }
}

/** Publishes a commitment for every lottery course of the term that has none yet. */
export async function publishCommitments(ctx: RouteContext, term: YpTermRecord): Promise<void> {
  const yp = ctx.tx.youthPalace
  for (const c of await yp.lotteryCoursesOf(term.id)) {
    if (!(await yp.lotteries.get(c.id))) await yp.lotteries.insert(newLottery(c, ctx.nowIso))
  }
}

/**
 * Hands the parent of a new application to a lottery course the course's commitment by message, before
 * the draw: the phone's re-check after the draw compares the reveal with this message, so a commitment
 * changed on the server afterwards is caught. Publishes the course's commitment when it has none yet.
 */
export async function sendCommitment(ctx: RouteContext, course: YpCourseRecord, e: YpEnrollmentRecord): Promise<void> {
  const yp = ctx.tx.youthPalace
  const lottery = (await yp.lotteries.get(course.id)) ?? (await yp.lotteries.insert(newLottery(course, ctx.nowIso)))
  await ctx.notify(
    e.parentId,
    '青少年宫抽签指纹',
    commitmentMessage(await childName(ctx, e.childId), course.name, lottery.commitment),
    href.youthPalace.lottery({ id: course.id }),
  )
}

/**
 * Each pending application's draw entry, in the order given: `resident` = the family lives in the
 * term's community (a verified room there) and had fewer than 3 no-shows in the term before.
 */
async function lotteryEntries(
  ctx: RouteContext,
  pending: YpEnrollmentRecord[],
  term: YpTermRecord,
): Promise<LotteryApplication[]> {
  const previous = await ctx.tx.youthPalace.termBefore(term.communityId, term.startDate)
  const parents = new Map((await ctx.tx.core.usersByIds(pending.map((e) => e.parentId))).map((u) => [u.id, u]))
  const entries: LotteryApplication[] = []
  for (const e of pending) {
    const noShows = previous ? await ctx.tx.youthPalace.noShowCount(e.parentId, previous.id) : 0
    entries.push({
      id: e.id,
      resident: (await isResident(ctx, parents.get(e.parentId), term)) && hasResidentPriority(noShows),
    })
  }
  return entries
}

/** The child's name for a message (`孩子` when the profile was erased). */
async function childName(ctx: RouteContext, childId: string): Promise<string> {
  return (await ctx.tx.youthPalace.children.get(childId))?.name ?? '孩子'
}

/**
 * Draws one lottery course (locked) of a closed term. Over-subscribed: ranked by the seeded draw; the
 * first `capacity` become `admitted` (24 h to confirm, and pay when there is a fee), the rest
 * `waitlisted` in draw order. Otherwise everyone is admitted. Families are told either way.
 */
async function drawCourse(
  ctx: RouteContext,
  course: YpCourseRecord,
  term: YpTermRecord,
  confirmBy: string,
): Promise<YpDrawSummaryDto['courses'][number]> {
  const yp = ctx.tx.youthPalace
  const lottery = (await yp.lotteries.get(course.id)) ?? (await yp.lotteries.insert(newLottery(course, ctx.nowIso)))
  const pending = await yp.enrollmentsInStatus(course.id, 'pending')
  const ids = pending.map((e) => e.id)
  const applications = await lotteryEntries(ctx, pending, term)
  const drawn = pending.length > course.capacity
  const seed = lotterySeed(lottery.secret, course.id, ids)
  const result = drawWithPriority(applications, course.capacity, seed)
  await yp.lotteries.update(course.id, {
    revealedAt: ctx.nowIso,
    drawn,
    seed,
    seats: course.capacity,
    applications,
    order: result.order,
    admitted: result.admitted,
    waitlist: result.waitlist,
  })
  const byId = new Map(pending.map((e) => [e.id, e]))
  const fee = course.feeFen > 0 ? '并支付费用' : ''
  for (const id of result.admitted) {
    const e = byId.get(id)!
    await yp.enrollments.update(id, { status: 'admitted', source: 'draw', confirmBy, updatedAt: ctx.nowIso })
    await ctx.notify(
      e.parentId,
      drawn ? '青少年宫抽签：中签' : '青少年宫报名成功',
      `${await childName(ctx, e.childId)}报名的《${course.name}》${drawn ? '已中签' : '报名人数未超过名额，全部录取'}。请在 ${formatInstantCn(confirmBy)} 前确认${fee}。`,
      myCoursesLink(e.childId),
    )
  }
  for (const [rank, id] of result.waitlist.entries()) {
    const e = byId.get(id)!
    await yp.enrollments.update(id, {
      status: 'waitlisted',
      source: 'draw',
      queuedAt: ctx.nowIso,
      queueRank: rank,
      updatedAt: ctx.nowIso,
    })
    await ctx.notify(
      e.parentId,
      '青少年宫抽签：候补',
      `${await childName(ctx, e.childId)}报名的《${course.name}》未中签，候补第 ${rank + 1} 位。有人放弃时按顺序通知您，抽签结果可在课程页核对。`,
      myCoursesLink(e.childId),
    )
  }
  return {
    courseId: course.id,
    courseName: course.name,
    applicants: pending.length,
    seats: course.capacity,
    drawn,
    admitted: result.admitted.length,
    waitlisted: result.waitlist.length,
  }
}

/** Draws every lottery course of a closed term, each with its course locked; returns what each draw decided. */
export async function runDraw(ctx: RouteContext, term: YpTermRecord): Promise<YpDrawSummaryDto['courses']> {
  const confirmBy = addHoursIso(ctx.nowIso, DEFAULT_YOUTH_SETTINGS.confirmWindowHours)
  const summary: YpDrawSummaryDto['courses'] = []
  for (const c of await ctx.tx.youthPalace.lotteryCoursesOf(term.id)) {
    const course = (await ctx.tx.youthPalace.courses.get(c.id, { lock: true })) ?? c
    summary.push(await drawCourse(ctx, course, term, confirmBy))
  }
  return summary
}
