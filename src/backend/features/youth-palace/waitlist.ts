/**
 * The waitlist steps of the domain (`youthPalaceWaitlist.ts`) applied to the tables: a freed seat is
 * offered to the next waitlisted family, and the lazy time rule run at the start of every youth palace
 * handler lets lapsed offers expire and promotes the next. Callers hold the course's lock.
 */
import { DEFAULT_YOUTH_SETTINGS, formatInstantCn } from '@/domain/youth-palace/types'
import { expireOffers, promoteFromWaitlist, type WaitlistStep } from '@/domain/youth-palace/waitlist'
import type { RouteContext } from '@/backend/core/router'
import { myCoursesLink } from './access'
import type { YpCourseRecord } from './model'

/** The child's name for a message (`孩子` when the profile was erased). */
async function childName(ctx: RouteContext, childId: string): Promise<string> {
  return (await ctx.tx.youthPalace.children.get(childId))?.name ?? '孩子'
}

/** Writes a waitlist step (expiries, then promotions) and tells each family. */
async function applyStep(ctx: RouteContext, course: YpCourseRecord, step: WaitlistStep): Promise<void> {
  const { enrollments } = ctx.tx.youthPalace
  for (const x of step.expired) {
    const e = await enrollments.update(x.id, { status: 'expired', updatedAt: ctx.nowIso })
    const by = formatInstantCn(e.confirmBy ?? ctx.nowIso)
    await ctx.notify(
      e.parentId,
      '青少年宫名额已过期',
      `${await childName(ctx, e.childId)}的《${course.name}》名额没有在 ${by} 前确认，已经释放，有候补的会顺延给下一位。`,
      myCoursesLink(e.childId),
    )
  }
  for (const x of step.promoted) {
    const e = await enrollments.update(x.id, {
      status: 'admitted',
      confirmBy: x.confirmBy,
      source: 'waitlist',
      updatedAt: ctx.nowIso,
    })
    const fee = course.feeFen > 0 ? '并支付费用' : ''
    const hours = DEFAULT_YOUTH_SETTINGS.confirmWindowHours
    await ctx.notify(
      e.parentId,
      '候补到名额了',
      `${await childName(ctx, e.childId)}候补的《${course.name}》有名额了。` +
        `请在 ${formatInstantCn(x.confirmBy!)} 前确认${fee}（有 ${hours} 小时），逾期名额将顺延给下一位。`,
      myCoursesLink(e.childId),
    )
  }
}

/** After a seat of `course` (locked by the caller) is freed: offers it to the next waitlisted families (FIFO, 24 h). */
export async function promoteNext(ctx: RouteContext, course: YpCourseRecord): Promise<void> {
  const places = await ctx.tx.youthPalace.placesOfCourse(course.id)
  await applyStep(ctx, course, promoteFromWaitlist(course, places, ctx.nowIso))
}

/**
 * Lazy time rule, run at the start of every youth palace handler: offers whose `confirmBy` has passed
 * (mock time) expire and the next waitlisted families are promoted, one locked course at a time.
 */
export async function sweepOffers(ctx: RouteContext): Promise<void> {
  const yp = ctx.tx.youthPalace
  const due = new Set((await yp.lapsedOffers(ctx.nowIso)).map((e) => e.courseId))
  for (const courseId of due) {
    const course = await yp.courses.get(courseId, { lock: true })
    if (course) await applyStep(ctx, course, expireOffers(course, await yp.placesOfCourse(course.id), ctx.nowIso))
  }
}
