/**
 * Withdrawal of a petition by its initiators (issue 28): the starter or a confirmed co-initiator may
 * withdraw it before the vote ends, with a reason. The petition becomes `withdrawn` — no result, never
 * shown as a failed vote — the unit is free for a new petition, and every household that voted and
 * every member of the retrofit group is told.
 */
import { formatDateTimeCn } from '@/domain/shared/time'
import { conflict, forbidden } from '@/backend/core/http'
import { route, type Route } from '@/backend/core/router'
import { petitionAndUnit, viewerOf } from './access'
import { flatOf } from './households'
import { petitionLink, settle } from './lifecycle'
import { withdrawInput } from './schemas'
import { nameOf, petitionDto } from './views'

/** Withdrawal routes (see the file header). */
export const withdrawRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/withdraw',
    access: 'user',
    input: withdrawInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      const viewer = viewerOf(ctx, p, unit)
      const group = await ctx.tx.elevator.coInitiatorsOf(p.id)
      const isInitiator = p.starterId === ctx.user.id || group.some((c) => c.userId === ctx.user.id && c.confirmedAt)
      if (viewer.role !== 'owner' || !isInitiator)
        throw forbidden('只有发起人或已确认的联合发起人可以撤回申请', 'NOT_INITIATOR')
      if (p.status === 'withdrawn') throw conflict('ALREADY_WITHDRAWN', '这份申请已经撤回了')
      if ((p.status !== 'forming' && p.status !== 'voting') || ctx.clock.now() > Date.parse(p.votingDeadline)) {
        throw conflict('CANNOT_WITHDRAW', '表决已经截止，结果以截止时的表决为准，不能再撤回')
      }
      const { reason } = ctx.body
      const stored = await ctx.tx.elevator.petitions.update(p.id, {
        status: 'withdrawn',
        withdrawnAt: ctx.nowIso,
        withdrawnBy: ctx.user.id,
        withdrawReason: reason,
      })
      // Who is told: the owners of every household that voted, and the whole retrofit group.
      const told = new Set<string>([p.starterId, ...group.map((c) => c.userId)])
      for (const e of await ctx.tx.elevator.logOf(p.id)) {
        const owner = flatOf(unit, e.householdId)?.owner
        if (owner) told.add(owner.id)
      }
      told.delete(ctx.user.id)
      const body = `${unit.label}加装电梯申请已由${nameOf(ctx.user) ?? '发起人'}于 ${formatDateTimeCn(ctx.nowIso)} 撤回，表决停止，已投的票不再计算结果（这不是表决未通过）。撤回原因：${reason}`
      for (const id of told) await ctx.notify(id, '加装电梯申请已撤回', body, petitionLink(p.id))
      return petitionDto(ctx.tx, stored, unit, viewer, ctx.clock.now())
    },
  }),
]
