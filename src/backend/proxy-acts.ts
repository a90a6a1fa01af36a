/**
 * A grid worker acting for an elder (issue 27): each act goes into the worker's own log (`proxy_acts`)
 * and the elder, and each of the elder's confirmed family proxies, is told in a message.
 */
import { href } from '@/domain/routes'
import { beijingDate, formatDateTimeCn } from '@/domain/shared/time'
import { newId } from './core/ids'
import { insertMessage } from './core/notifier'
import type { FamilyLink, User } from './model'
import type { CoreRepository } from './repository'
import { displayName } from './routes/views'

/** How a worker is named on the elder's records and messages: `网格员 赵敏`. */
export const workerLabel = (worker: User | undefined) => `网格员 ${displayName(worker)}`

/**
 * Records that `worker` did `what` (in words, e.g. `预约服务：助餐`) for `principal` at `nowIso`, under
 * `link` (unset for a phone order), and messages the elder and their family proxies (title 网格员为您代办).
 * `oncePerDay`: nothing when the same worker already did the same for the same elder that Beijing day
 * (a look such as 查询爱心卡资格, which a page repeats each time it opens).
 */
export async function recordWorkerAct(
  core: CoreRepository,
  worker: User,
  principal: User,
  what: string,
  link: FamilyLink | undefined,
  nowIso: string,
  opts: { oncePerDay?: boolean } = {},
): Promise<void> {
  if (opts.oncePerDay) {
    const day = beijingDate(nowIso)
    const done = await core.proxyActsForPrincipal(principal.id)
    if (done.some((a) => a.workerId === worker.id && a.what === what && beijingDate(a.at) === day)) return
  }
  await core.proxyActs.insert({
    id: newId('pa'),
    workerId: worker.id,
    principalId: principal.id,
    ...(link ? { linkId: link.id } : {}),
    what,
    at: nowIso,
  })
  const when = formatDateTimeCn(nowIso)
  const revoke = link ? '不再需要代办时，可在“我的 → 亲友代办”中撤销授权。' : ''
  await insertMessage(
    core,
    {
      userId: principal.id,
      title: '网格员为您代办',
      body: `${workerLabel(worker)}于 ${when} 为您办理：${what}。如有疑问请联系社区。${revoke}`,
      link: href.account.family(),
    },
    nowIso,
  )
  for (const id of await core.confirmedProxiesOf(principal.id))
    await insertMessage(
      core,
      {
        userId: id,
        title: '网格员为家人代办',
        body: `${workerLabel(worker)}于 ${when} 为${displayName(principal)}办理：${what}。${revoke}`,
        link: href.account.family(),
      },
      nowIso,
    )
}
