/**
 * Home to-dos of the elevator retrofit: an invitation to co-initiate to confirm or decline, and a vote
 * not yet cast for a flat the user owns, both before the petition's voting deadline.
 */
import type { TodoDto } from '@/domain/shared/contracts'
import { formatDateTimeCn } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { ownedFlats, roomsOwnedBy, unitOf } from './households'
import { petitionLink } from './lifecycle'

/** The user's invitations and ballots waiting, per unit where they own a flat (read-only). */
export async function elevatorTodos(ctx: RouteContext, userId: string): Promise<TodoDto[]> {
  const user = await ctx.tx.core.users.get(userId)
  if (!user) return []
  const out: TodoDto[] = []
  const unitIds = new Set((await roomsOwnedBy(ctx.tx.core, user)).map((r) => r.unitId))
  for (const unitId of unitIds) {
    const p = await ctx.tx.elevator.activePetitionOf(unitId)
    if (!p || p.votingDeadline <= ctx.nowIso) continue
    const by = `${formatDateTimeCn(p.votingDeadline)} 前`
    const base = { link: petitionLink(p.id), dueAt: p.votingDeadline }
    if (p.status === 'forming') {
      const mine = (await ctx.tx.elevator.coInitiatorsOf(p.id)).find((c) => c.userId === userId)
      if (mine && !mine.confirmedAt && !mine.declinedAt)
        out.push({
          ...base,
          id: `el-invite:${p.id}`,
          title: '确认是否作为加装电梯联合发起人',
          note: `请在 ${by}确认或拒绝`,
        })
    }
    if (p.status === 'voting') {
      const unit = await unitOf(ctx.tx.core, unitId)
      const flats = ownedFlats(unit, user)
      const open = []
      for (const f of flats) if (!(await ctx.tx.elevator.ballotOf(p.id, f))) open.push(f)
      if (open.length)
        out.push({ ...base, id: `el-vote:${p.id}`, title: `${unit.label}加装电梯表决`, note: `请在 ${by}签名表决` })
    }
  }
  return out
}
