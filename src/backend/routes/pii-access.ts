/**
 * The log of a worker opening a resident's personal data (PIPL 个人信息保护法 art. 45: the resident may
 * see and copy what is held about them, and who handled it; `GET /api/me/export` lists it). Written in
 * the request's own transaction by the routes a worker uses to open an application or fetch its photos,
 * so a request that fails logs nothing and one that answers cannot skip it.
 */
import { newId } from '../core/ids'
import type { RouteContext } from '../core/router'
import type { PiiAccess } from '../model'
import { displayName } from './views'

/**
 * Records that the calling worker opened `what` of `residentId` (`kind` and `subjectId`: the
 * application's or photo's id; `what`: its plain-Chinese name for the export, e.g. "爱心卡申请").
 * Nothing is recorded when a worker opens their own.
 */
export async function logPiiAccess(
  ctx: RouteContext,
  residentId: string,
  kind: PiiAccess['kind'],
  subjectId: string,
  what: string,
): Promise<void> {
  if (residentId === ctx.user.id) return
  await ctx.tx.core.piiAccessLog.insert({
    id: newId('pal'),
    workerId: ctx.user.id,
    workerName: displayName(ctx.user),
    residentId,
    kind,
    subjectId,
    what,
    at: ctx.nowIso,
  })
}
