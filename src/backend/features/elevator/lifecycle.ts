/**
 * Time-based rules of the elevator petition, applied lazily at the start of every elevator handler
 * (backend guide: read the clock when a request comes in):
 * - `forming` past the deadline → `lapsed` (the group never completed);
 * - `voting` past the deadline → the vote closes by itself: the final ballots (latest entry per flat at
 *   or before the deadline, whatever the channel) are tallied under Civil Code art. 278 and the result is
 *   published, dated the deadline, with a message to every owner of the unit; approved → `publicity`
 *   for 10 days (domain note §3, PRODUCT), else `rejected` — held while a household has no record of
 *   how it was told (`reach.ts`);
 * - `publicity` past its end → `mediation` (negotiation) when real-name written objections were filed
 *   (Hangzhou Order No. 324), else `concluded`.
 * Transitions are dated by the rule (deadline, publicity end), not by the request, so a transition undone
 * by a failing request's rollback is redone identically by the next one.
 */
import { href } from '@/domain/routes'
import { finalBallots } from '@/domain/elevator/auditLog'
import { DomainError } from '@/domain/shared/errors'
import { tallyVotes, type VoteTally } from '@/domain/elevator/rules'
import { beijingDate, beijingIso, formatDateCn } from '@/domain/shared/time'
import type { RouteContext, Tx } from '@/backend/core/router'
import { householdsOf, ownerUserIds, unitLabel, unitOf, type UnitView } from './households'
import type { ElevatorMediationStep, ElevatorPetition } from './model'
import { unreachedHouseholds } from './reach'
import { resultSummary } from './views'

/** Publicity period after an approved vote, in days (domain note §3, PRODUCT). */
const PUBLICITY_DAYS = 10
const DAY_MS = 24 * 3600_000

/** A message's link to a petition's own page (`/packages/elevator/pages/petition/index?id=…`). */
export const petitionLink = (petitionId: string): string => href.elevator.petition({ id: petitionId })

/** Tells every owner of the petition's unit who has an account. */
export async function notifyOwners(
  ctx: RouteContext,
  p: ElevatorPetition,
  unit: UnitView,
  title: string,
  body: string,
): Promise<void> {
  for (const id of ownerUserIds(unit)) await ctx.notify(id, title, body, petitionLink(p.id))
}

/**
 * The tally of the final ballots at the deadline, from the petition's whole log (it must verify).
 * @throws DomainError `TAMPERED_LOG` for a broken log (nothing is counted from it)
 */
export async function finalTally(
  tx: Tx,
  p: ElevatorPetition,
  unit: UnitView,
): Promise<{ tally: VoteTally; ballots: number }> {
  const ballots = finalBallots(await tx.elevator.logOf(p.id), p.votingDeadline)
  return { tally: tallyVotes(householdsOf(unit), ballots), ballots: ballots.length }
}

async function closeVote(ctx: RouteContext, p: ElevatorPetition): Promise<void> {
  const unit = await unitOf(ctx.tx.core, p.unitId)
  // Every household must have a record of how it was told (issue 28): until then the vote is closed to
  // ballots (the deadline passed) but the result is held; the meter says how many are missing.
  if ((await unreachedHouseholds(ctx.tx, p, unit)).length > 0) return
  let tally: VoteTally
  try {
    tally = (await finalTally(ctx.tx, p, unit)).tally
  } catch (e) {
    // A broken log is never counted (auditLog `finalBallots`): the vote stays closed to ballots
    // (the deadline passed) but unpublished until the log is restored; the meter reports TAMPERED_LOG.
    if (e instanceof DomainError) return
    throw e
  }
  const closed = `${unit.label}加装电梯表决已于 ${formatDateCn(beijingDate(p.votingDeadline))}截止。${resultSummary(tally)}。`
  if (tally.approved) {
    const endsAt = beijingIso(Date.parse(p.votingDeadline) + PUBLICITY_DAYS * DAY_MS)
    await ctx.tx.elevator.petitions.update(p.id, {
      status: 'publicity',
      resultTally: tally,
      resultPublishedAt: p.votingDeadline,
      publicityStartsAt: p.votingDeadline,
      publicityEndsAt: endsAt,
    })
    await notifyOwners(
      ctx,
      p,
      unit,
      '加装电梯表决结果公布：通过',
      `${closed}现进入 ${PUBLICITY_DAYS} 天公示期，到 ${formatDateCn(beijingDate(endsAt))}为止，如有异议请在公示期内实名书面提出。`,
    )
  } else {
    await ctx.tx.elevator.petitions.update(p.id, {
      status: 'rejected',
      resultTally: tally,
      resultPublishedAt: p.votingDeadline,
    })
    await notifyOwners(ctx, p, unit, '加装电梯表决结果公布：未通过', `${closed}如仍有意愿，可重新发起。`)
  }
}

async function endPublicity(ctx: RouteContext, p: ElevatorPetition): Promise<void> {
  const at = p.publicityEndsAt!
  const objections = await ctx.tx.elevator.objectionCount(p.id)
  const unit = await unitOf(ctx.tx.core, p.unitId)
  const step = (s: Pick<ElevatorMediationStep, 'stage' | 'note'>): ElevatorMediationStep => ({
    id: `${p.id}:1`,
    petitionId: p.id,
    seq: 1,
    by: 'system',
    at,
    ...s,
  })
  if (objections > 0) {
    await ctx.tx.elevator.petitions.update(p.id, { status: 'mediation', mediationStage: 'negotiation' })
    await ctx.tx.elevator.mediationSteps.insert(
      step({ stage: 'negotiation', note: `公示期内收到 ${objections} 份实名书面异议，进入协商` }),
    )
    await notifyOwners(
      ctx,
      p,
      unit,
      '加装电梯公示期结束：进入协商',
      `${unit.label}公示期内收到 ${objections} 份实名书面异议，社区将组织协商，必要时调解或由社区、街道协调。`,
    )
  } else {
    await ctx.tx.elevator.petitions.update(p.id, { status: 'concluded', mediationStage: 'resolved' })
    await ctx.tx.elevator.mediationSteps.insert(step({ stage: 'resolved', note: '公示期满，未收到实名书面异议' }))
    await notifyOwners(
      ctx,
      p,
      unit,
      '加装电梯公示期结束：无异议',
      `${unit.label}公示期满，未收到实名书面异议，可进入联合审查等后续环节。`,
    )
  }
}

/**
 * Applies every time-based transition due now (see the file header), each on the locked petition row.
 * Call first in each elevator handler.
 */
export async function settle(ctx: RouteContext): Promise<void> {
  const now = ctx.clock.now()
  const { elevator } = ctx.tx
  // `nowIso` is `now` to the second, and deadlines are whole seconds: the queries find every due
  // petition (and a few due within this second, re-checked to the millisecond).
  for (const due of await elevator.deadlinesDue(ctx.nowIso)) {
    const p = await elevator.petitions.get(due.id, { lock: true })
    if (!p || now <= Date.parse(p.votingDeadline)) continue
    if (p.status === 'forming') {
      await elevator.petitions.update(p.id, { status: 'lapsed' })
      const label = await unitLabel(ctx.tx.core, p.unitId)
      await ctx.notify(
        p.starterId,
        '加装电梯申请已失效',
        `截止时间前联合发起人未全部确认，${label}这次加装电梯申请已失效，可以重新发起。`,
        petitionLink(p.id),
      )
    } else if (p.status === 'voting') await closeVote(ctx, p)
  }
  for (const due of await elevator.publicityDue(ctx.nowIso)) {
    const p = await elevator.petitions.get(due.id, { lock: true })
    if (p?.status !== 'publicity' || !p.publicityEndsAt || now < Date.parse(p.publicityEndsAt)) continue
    await endPublicity(ctx, p)
  }
}
