/**
 * Ratings of window appointments and courses (好差评, `domain/shared/ratings.ts`): the features' rate
 * routes check that the thing may be rated and call {@link rateSubject}; here are the person's list,
 * the community worker's follow-up list (overdue ones flagged) and the worker's written answer, after
 * which the resident is told and may rate once more.
 */
import * as v from 'valibot'
import { href } from '@/domain/routes'
import {
  FOLLOW_UP_MAX_STARS,
  FOLLOW_UP_PROMISE,
  followUpDueAt,
  type RatingDto,
  type RatingKind,
} from '@/domain/shared/ratings'
import { formatDateTimeCn } from '@/domain/shared/time'
import { conflict, notFound } from '../core/http'
import { route, type Route, type RouteContext } from '../core/router'
import type { Rating } from '../model'
import { displayNames } from './views'

/** The body of a rate route: 1–5 stars and an optional comment (as the care card's). */
export const ratingInput = v.object({
  stars: v.pipe(
    v.number('请选择评价'),
    v.integer('请选择 1 到 5 星'),
    v.minValue(1, '请选择 1 到 5 星'),
    v.maxValue(5, '请选择 1 到 5 星'),
  ),
  comment: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '评价请控制在 200 字以内'))),
})

/** A rating as the resident and the worker see it, at `nowMs`. */
function ratingDto(r: Rating, nowMs: number, residentName?: string): RatingDto {
  return {
    id: r.id,
    kind: r.kind,
    subjectId: r.subjectId,
    what: r.what,
    stars: r.stars,
    ...(r.comment ? { comment: r.comment } : {}),
    ratedAt: r.ratedAt,
    followUp: {
      status: r.followUpStatus,
      ...(r.followUpDueAt ? { dueAt: r.followUpDueAt } : {}),
      // Open past its deadline, or answered after it.
      overdue: !!r.followUpDueAt && (r.followUpAt ? Date.parse(r.followUpAt) : nowMs) > Date.parse(r.followUpDueAt),
      ...(r.followUpAnswer ? { answer: r.followUpAnswer } : {}),
      ...(r.followUpAt ? { answeredAt: r.followUpAt } : {}),
    },
    ...(r.reStars
      ? { reRating: { stars: r.reStars, ...(r.reComment ? { comment: r.reComment } : {}), at: r.reRatedAt! } }
      : {}),
    canReRate: r.followUpStatus === 'answered' && !r.reStars,
    ...(residentName ? { residentName } : {}),
  }
}

/**
 * Rates a thing for `ctx.principal` (the feature has checked it may be rated): the first rating, or the
 * one re-rating once a follow-up was answered. A first rating of ≤ 2 stars opens a follow-up due by the
 * end of the next working day and tells the community's workers. Returns the rating and what to tell
 * the resident.
 * @throws 409 `ALREADY_RATED` when rated and no re-rating is open now
 */
export async function rateSubject(
  ctx: RouteContext<{ stars: number; comment?: string }>,
  subject: { kind: RatingKind; subjectId: string; communityId: string; what: string; link: string },
): Promise<{ rating: RatingDto; notice: string }> {
  const { tx, principal, user, nowIso, body } = ctx
  const id = `${subject.kind}:${subject.subjectId}`
  const comment = body.comment || undefined
  const old = await tx.core.ratings.get(id, { lock: true })
  if (old) {
    if (old.followUpStatus !== 'answered' || old.reStars)
      throw conflict(
        'ALREADY_RATED',
        old.followUpStatus === 'open' ? '已经评价过了。社区答复后，您可以再评价一次' : '已经评价过了',
      )
    const r = await tx.core.ratings.update(id, { reStars: body.stars, reComment: comment, reRatedAt: nowIso })
    return { rating: ratingDto(r, ctx.clock.now()), notice: '谢谢您再次评价！' }
  }
  const low = body.stars <= FOLLOW_UP_MAX_STARS
  const r: Rating = {
    id,
    ...subject,
    userId: principal.id,
    ...(principal.id !== user.id ? { proxyId: user.id } : {}),
    stars: body.stars,
    ...(comment ? { comment } : {}),
    ratedAt: nowIso,
    followUpStatus: low ? 'open' : 'none',
    ...(low ? { followUpDueAt: followUpDueAt(nowIso) } : {}),
  }
  await tx.core.ratings.insert(r)
  if (low) {
    const name = (await displayNames(tx.core, [principal.id])).get(principal.id)
    for (const w of await tx.core.workersOf(subject.communityId))
      await ctx.notify(
        w.id,
        '差评回访待处理',
        `${name}给「${subject.what}」${body.stars} 星评价，请在 ${formatDateTimeCn(r.followUpDueAt!)} 前答复。`,
        href.settings.followUps(),
        `rating:${id}`,
      )
  }
  return {
    rating: ratingDto(r, ctx.clock.now()),
    notice: low ? `谢谢您的评价。${FOLLOW_UP_PROMISE}。` : '谢谢您的评价！',
  }
}

export const ratingRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/me/ratings',
    access: 'user',
    allowProxy: true,
    handler: async (ctx) => (await ctx.tx.core.ratingsOf(ctx.principal.id)).map((r) => ratingDto(r, ctx.clock.now())),
  }),
  route({
    method: 'GET',
    path: '/api/worker/ratings',
    access: 'worker',
    handler: async (ctx) => {
      const { tx, user } = ctx
      const open = await tx.core.followUpsOf(user.communityId, 'open')
      const answered = (await tx.core.followUpsOf(user.communityId, 'answered')).reverse().slice(0, 20)
      const names = await displayNames(
        tx.core,
        [...open, ...answered].map((r) => r.userId),
      )
      const now = ctx.clock.now()
      return {
        open: open.map((r) => ratingDto(r, now, names.get(r.userId))),
        answered: answered.map((r) => ratingDto(r, now, names.get(r.userId))),
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/worker/ratings/:id/answer',
    access: 'worker',
    input: v.object({
      text: v.pipe(
        v.string('请填写答复'),
        v.trim(),
        v.minLength(2, '请填写答复：回访了解到的情况和处理办法'),
        v.maxLength(500, '答复请控制在 500 字以内'),
      ),
    }),
    handler: async (ctx) => {
      const { tx, user, nowIso } = ctx
      const r = await tx.core.ratings.get(ctx.params.id, { lock: true })
      if (!r || r.communityId !== user.communityId) throw notFound('没有找到这条回访')
      if (r.followUpStatus !== 'open') throw conflict('ALREADY_ANSWERED', '这条回访已经答复过了')
      const done = await tx.core.ratings.update(r.id, {
        followUpStatus: 'answered',
        followUpAnswer: ctx.body.text,
        followUpById: user.id,
        followUpAt: nowIso,
      })
      for (const id of [r.userId, ...(r.proxyId ? [r.proxyId] : [])])
        await ctx.notify(
          id,
          '差评回访已答复',
          `社区对「${r.what}」的答复：${ctx.body.text}。您可以再评价一次。`,
          r.link,
          `rating:${r.id}`,
        )
      for (const w of await tx.core.workersOf(r.communityId)) await ctx.resolveMessages(w.id, `rating:${r.id}`)
      return ratingDto(done, ctx.clock.now())
    },
  }),
]
