/**
 * Elevator reminders 2 days before a vote closes: each owner whose household has not voted yet, and
 * the starter and co-initiators with how many households they have not yet reached (Civil Code
 * art. 278: the double thresholds count every owner, so each missing household matters).
 */
import { formatDateTimeCn } from '@/domain/shared/time'
import type { ReminderCandidate, ReminderProvider } from '@/backend/core/reminders'
import { unitOf } from './households'
import { petitionLink } from './lifecycle'

const DAY = 24 * 3600_000

/** `vote-closing` for owners not yet voted, `vote-unreached` for the initiators. */
export const elevatorReminders: ReminderProvider = async ({ tx }) => {
  const out: ReminderCandidate[] = []
  for (const p of await tx.elevator.votingPetitions()) {
    const unit = await unitOf(tx.core, p.unitId)
    const missing = []
    for (const f of unit.flats) if (!(await tx.elevator.ballotOf(p.id, f.room.id))) missing.push(f)
    if (!missing.length) continue
    const base = {
      ref: p.id,
      at: new Date(Date.parse(p.votingDeadline) - 2 * DAY).toISOString(),
      until: p.votingDeadline,
      link: petitionLink(p.id),
    }
    const closes = formatDateTimeCn(p.votingDeadline)
    for (const userId of new Set(missing.flatMap((f) => (f.owner ? [f.owner.id] : []))))
      out.push({
        ...base,
        kind: 'vote-closing',
        userId,
        title: '加装电梯表决快截止了',
        body: `${unit.label}表决 ${closes} 截止，您家还没有表决。`,
      })
    const initiators = [p.starterId, ...(await tx.elevator.coInitiatorsOf(p.id)).map((c) => c.userId)]
    for (const userId of new Set(initiators))
      out.push({
        ...base,
        kind: 'vote-unreached',
        userId,
        title: '还有住户没有表决',
        body: `${unit.label}表决 ${closes} 截止，还有 ${missing.length} 户没有表决。`,
      })
  }
  return out
}
