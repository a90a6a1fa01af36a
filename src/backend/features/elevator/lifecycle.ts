/**
 * Time-based rules of the elevator petition, applied lazily at the start of every elevator handler
 * (backend guide: read the clock when a request comes in):
 * - `forming` past the deadline → `lapsed` (the group never completed);
 * - `voting` past the deadline → the vote closes by itself: the final ballots (latest entry per flat at
 *   or before the deadline, whatever the channel) are tallied under Civil Code art. 278 and the result is
 *   published, dated the deadline, with a message to every owner of the unit; approved → `publicity`
 *   for 10 days (domain note §3, PRODUCT), else `rejected`;
 * - `publicity` past its end → `mediation` (negotiation) when real-name written objections were filed
 *   (Hangzhou Order No. 324), else `concluded`.
 * Transitions are dated by the rule (deadline, publicity end), not by the request, so a transition undone
 * by a failing request's rollback is redone identically by the next one.
 */
import { finalBallots } from '@/domain/auditLog'
import { DomainError } from '@/domain/errors'
import { tallyVotes } from '@/domain/elevator'
import { beijingDate, beijingIso, formatDateCn } from '@/domain/time'
import type { RouteContext } from '@/backend/core/router'
import type { Collections } from '@/backend/model'
import { householdsOf, unitLabel, unitOwnerUserIds } from './households'
import type { ElevatorPetition } from './model'

/** Publicity period after an approved vote, in days (domain note §3, PRODUCT). */
export const PUBLICITY_DAYS = 10
const DAY_MS = 24 * 3600_000

/** A message's link to a petition's own page (`/packages/elevator/pages/petition/index?id=…`). */
export const petitionLink = (petitionId: string): string =>
  `/packages/elevator/pages/petition/index?id=${encodeURIComponent(petitionId)}`

/** Tells every owner of the petition's unit who has an account. */
export function notifyOwners(ctx: RouteContext, p: ElevatorPetition, title: string, body: string): void {
  for (const id of unitOwnerUserIds(ctx.db.data, p.unitId)) ctx.notify(id, title, body, petitionLink(p.id))
}

/** The final tally at the deadline (throws `DomainError` `TAMPERED_LOG` for a broken log). */
export function finalTally(data: Collections, p: ElevatorPetition) {
  return tallyVotes(householdsOf(data, p.unitId), finalBallots(data.elevatorAuditLogs[p.id] ?? [], p.votingDeadline))
}

/** A one-line plain-Chinese result, e.g. `参与 8/10 户、… ㎡；同意 7/8 户…：通过`. */
export function resultSummary(r: NonNullable<ElevatorPetition['result']>): string {
  const t = r.tally
  const verdict = r.approved ? '表决通过' : r.quorumMet ? '同意未达参与者的 3/4，未通过' : '参与未达 2/3，未通过'
  return `参与 ${t.participatingOwners}/${t.totalOwners} 人、${t.participatingArea}/${t.totalArea} ㎡；同意 ${t.agreeOwners} 人、${t.agreeArea} ㎡：${verdict}`
}

function closeVote(ctx: RouteContext, id: string): void {
  const p = ctx.db.write('elevatorPetitions')[id]
  let tally
  try {
    tally = finalTally(ctx.db.data, p)
  } catch (e) {
    // A broken log is never counted (auditLog `finalBallots`): the vote stays closed to ballots
    // (the deadline passed) but unpublished until the log is restored; the meter reports TAMPERED_LOG.
    if (e instanceof DomainError) return
    throw e
  }
  const deadlineMs = Date.parse(p.votingDeadline)
  p.result = { approved: tally.approved, quorumMet: tally.quorumMet, tally, publishedAt: p.votingDeadline }
  const label = unitLabel(ctx.db.data, p.unitId)
  if (tally.approved) {
    p.status = 'publicity'
    p.publicity = { startsAt: p.votingDeadline, endsAt: beijingIso(deadlineMs + PUBLICITY_DAYS * DAY_MS) }
    notifyOwners(
      ctx,
      p,
      '加装电梯表决结果公布：通过',
      `${label}加装电梯表决已于 ${formatDateCn(beijingDate(p.votingDeadline))}截止。${resultSummary(p.result)}。现进入 ${PUBLICITY_DAYS} 天公示期，到 ${formatDateCn(beijingDate(p.publicity.endsAt))}为止，如有异议请在公示期内实名书面提出。`,
    )
  } else {
    p.status = 'rejected'
    notifyOwners(
      ctx,
      p,
      '加装电梯表决结果公布：未通过',
      `${label}加装电梯表决已于 ${formatDateCn(beijingDate(p.votingDeadline))}截止。${resultSummary(p.result)}。如仍有意愿，可重新发起。`,
    )
  }
}

function endPublicity(ctx: RouteContext, id: string): void {
  const p = ctx.db.write('elevatorPetitions')[id]
  const at = p.publicity!.endsAt
  const objections = Object.values(ctx.db.data.elevatorObjections).filter((o) => o.petitionId === p.id)
  const label = unitLabel(ctx.db.data, p.unitId)
  if (objections.length > 0) {
    p.status = 'mediation'
    p.mediation = {
      stage: 'negotiation',
      steps: [
        { stage: 'negotiation', note: `公示期内收到 ${objections.length} 份实名书面异议，进入协商`, by: 'system', at },
      ],
    }
    notifyOwners(
      ctx,
      p,
      '加装电梯公示期结束：进入协商',
      `${label}公示期内收到 ${objections.length} 份实名书面异议，社区将组织协商，必要时调解或由社区、街道协调。`,
    )
  } else {
    p.status = 'concluded'
    p.mediation = {
      stage: 'resolved',
      steps: [{ stage: 'resolved', note: '公示期满，未收到实名书面异议', by: 'system', at }],
    }
    notifyOwners(
      ctx,
      p,
      '加装电梯公示期结束：无异议',
      `${label}公示期满，未收到实名书面异议，可进入联合审查等后续环节。`,
    )
  }
}

/** Applies every time-based transition due now (see the file header). Call first in each elevator handler. */
export function settle(ctx: RouteContext): void {
  const now = ctx.clock.now()
  for (const id of Object.keys(ctx.db.data.elevatorPetitions)) {
    const p = ctx.db.data.elevatorPetitions[id]
    if (p.status === 'forming' && now > Date.parse(p.votingDeadline)) {
      ctx.db.write('elevatorPetitions')[id].status = 'lapsed'
      ctx.notify(
        p.starterId,
        '加装电梯申请已失效',
        `截止时间前联合发起人未全部确认，${unitLabel(ctx.db.data, p.unitId)}这次加装电梯申请已失效，可以重新发起。`,
        petitionLink(p.id),
      )
      continue
    }
    if (p.status === 'voting' && now > Date.parse(p.votingDeadline)) closeVote(ctx, id)
    const q = ctx.db.data.elevatorPetitions[id]
    if (q.status === 'publicity' && q.publicity && now >= Date.parse(q.publicity.endsAt)) endPublicity(ctx, id)
  }
}
