/**
 * The printable result sheet (issue 28): once the result is published (or the petition withdrawn), the
 * tally by area and headcount against the Civil Code art. 278 thresholds, each household's final ballot
 * and how it was told, the ballot chain's head hash and the publicity window. Before that, 409
 * `RESULT_NOT_PUBLISHED` (saying why when the result is held for households not yet told).
 */
import { finalBallots } from '@/domain/elevator/auditLog'
import type { ElevatorResultSheetDto } from '@/domain/elevator/contracts-sheet'
import { meterOf } from '@/domain/elevator/rules'
import { REACH_CHANNEL_LABELS } from '@/domain/elevator/values'
import { formatDateCn } from '@/domain/shared/time'
import { conflict } from '@/backend/core/http'
import { route, type Route } from '@/backend/core/router'
import { petitionAndUnit, viewerOf } from './access'
import { finalTally, settle } from './lifecycle'
import { heldText, unreachedHouseholds } from './reach'
import { petitionDto, resultSummary } from './views'

/** Result sheet route (see the file header). */
export const sheetRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/result-sheet',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorResultSheetDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p, unit)
      const withdrawn = p.status === 'withdrawn'
      if (!withdrawn && !p.resultTally) {
        const missing = (await unreachedHouseholds(ctx.tx, p, unit)).length
        const why = missing > 0 && ctx.clock.now() > Date.parse(p.votingDeadline) ? heldText(missing) : ''
        throw conflict('RESULT_NOT_PUBLISHED', why || '表决结果公布后才能打印结果单')
      }
      const dto = await petitionDto(ctx.tx, p, unit, viewer, ctx.clock.now())
      const tally = p.resultTally ?? (await finalTally(ctx.tx, p, unit)).tally
      const log = await ctx.tx.elevator.logOf(p.id)
      const ballots = new Map(finalBallots(log, p.votingDeadline).map((b) => [b.householdId, b] as const))
      const channels = new Map(log.map((e) => [e.householdId, e.channel] as const))
      const reach = await ctx.tx.elevator.reachOf(p.id)
      const last = log[log.length - 1]
      return {
        petitionId: p.id,
        unitLabel: unit.label,
        status: p.status,
        statusText: dto.statusText,
        verdict: withdrawn ? '已撤回' : tally.approved ? '表决通过' : '表决未通过',
        summary: withdrawn ? '发起人在表决截止前撤回了申请，表决停止，不产生表决结果。' : resultSummary(tally),
        votingDeadline: p.votingDeadline,
        tally,
        meter: meterOf(tally, { closed: !withdrawn }),
        households: unit.flats.map((f) => ({
          roomName: f.room.name,
          floor: f.room.floor,
          area: f.record.area,
          choice: ballots.get(f.room.id)?.choice ?? null,
          ballotChannel: ballots.has(f.room.id) ? (channels.get(f.room.id) ?? null) : null,
          reach: reach
            .filter((r) => r.householdId === f.room.id)
            .map((r) => `${REACH_CHANNEL_LABELS[r.channel]} ${formatDateCn(r.toldOn)}`),
        })),
        head: last ? { seq: last.seq, hash: last.hash } : null,
        publicity: dto.publicity ? { startsAt: dto.publicity.startsAt, endsAt: dto.publicity.endsAt } : null,
        withdrawal: dto.withdrawal,
        asOf: ctx.nowIso,
      }
    },
  }),
]
