/** The care card's counts for the worker hub: applications to review, services to deliver, disputes. */
import { href } from '@/domain/routes'
import { beijingDate } from '@/domain/shared/time'
import type { WorkerCountProvider } from '@/backend/core/router'
import { OPEN } from './applications'

/**
 * Applications waiting for review (community or street stage), booked services due today or earlier
 * (not yet delivered) and open disputes, in the workers' community.
 */
export const careCardWorkerCounts: WorkerCountProvider = async (ctx, communityId) => {
  const cc = ctx.tx.careCard
  const today = beijingDate(ctx.nowIso)
  const [apps, booked, disputed] = await Promise.all([
    cc.applicationsOfCommunity(communityId, OPEN),
    cc.ordersOfCommunity(communityId, 'booked'),
    cc.ordersOfCommunity(communityId, 'disputed'),
  ])
  return [
    { key: 'care-applications', label: '爱心卡：待审核的申请', count: apps.length, url: href.careCard.worker() },
    {
      key: 'care-orders-today',
      label: '爱心卡：今天要上门的服务（含逾期）',
      count: booked.filter((o) => o.startAt.slice(0, 10) <= today).length,
      url: href.careCard.workerOrders(),
    },
    { key: 'care-disputes', label: '爱心卡：待处理的异议', count: disputed.length, url: href.careCard.workerOrders() },
  ]
}
