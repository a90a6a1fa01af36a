/** The elevator's counts for the worker hub: petitions open for paper ballots, objections to handle. */
import { href } from '@/domain/routes'
import type { WorkerCountProvider } from '@/backend/core/router'

/**
 * Petitions of the community in the vote (paper and door-to-door ballots can be entered: the worker
 * page's 录入纸质 / 上门表决票) and written objections of petitions in publicity or mediation (not yet
 * settled). Read-only: a vote whose deadline passed but is not yet settled still counts until the next
 * elevator request settles it.
 */
export const elevatorWorkerCounts: WorkerCountProvider = async (ctx, communityId) => {
  const petitions = await ctx.tx.elevator.petitionsOfCommunity(communityId)
  const voting = petitions.filter((p) => p.status === 'voting' && ctx.clock.now() <= Date.parse(p.votingDeadline))
  let objections = 0
  for (const p of petitions) {
    if (p.status === 'publicity' || p.status === 'mediation') objections += await ctx.tx.elevator.objectionCount(p.id)
  }
  const url = href.elevator.worker()
  return [
    { key: 'elevator-paper-ballots', label: '加装电梯：表决中（可录入纸质票）', count: voting.length, url },
    { key: 'elevator-objections', label: '加装电梯：待处理的书面异议', count: objections, url },
  ]
}
