/** The youth palace's count for the worker hub: terms whose lottery courses wait for the draw. */
import { href } from '@/domain/routes'
import { drawDue } from '@/domain/youth-palace/rules'
import type { WorkerCountProvider } from '@/backend/core/router'
import { todayOf } from './access'

/** Terms of the community whose registration is over (or classes started) and not yet drawn (`drawDue`). */
export const youthPalaceWorkerCounts: WorkerCountProvider = async (ctx, communityId) => {
  const yp = ctx.tx.youthPalace
  let count = 0
  for (const t of await yp.termsAwaitingDraw(todayOf(ctx))) {
    if (t.communityId !== communityId) continue
    if (drawDue(t, await yp.lotteryCourseCount(t.id), ctx.nowIso)) count++
  }
  return [{ key: 'yp-draws', label: '青少年宫：待抽签的学期', count, url: href.youthPalace.worker() }]
}
