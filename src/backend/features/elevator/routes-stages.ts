/**
 * The project's stages after an approved vote (issue 28; Hangzhou Order No. 324: joint review → pipe
 * relocation → construction, then acceptance and the subsidy): a community worker records each stage's
 * day and a note; every owner sees them on the petition page, and every owner of the unit with an
 * account is messaged when a stage is first recorded (a correction is saved without a new message).
 */
import { PROJECT_STAGE_LABELS } from '@/domain/elevator/values'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { conflict, unprocessable } from '@/backend/core/http'
import { route, type Route } from '@/backend/core/router'
import { petitionAndUnit, requireWorkerOf } from './access'
import { notifyOwners, settle } from './lifecycle'
import { stageInput } from './schemas'
import { petitionDto } from './views'

/** Stage routes (see the file header). */
export const stageRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/stages',
    access: 'worker',
    input: stageInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      requireWorkerOf(ctx, p)
      if (p.status !== 'concluded') {
        throw conflict('NOT_APPROVED_YET', '表决通过且公示期结束（异议已处理完毕）后，才能记录设计审查、施工等工程进度')
      }
      const { stage, date, note } = ctx.body
      if (date > beijingDate(ctx.nowIso))
        throw unprocessable('BAD_STAGE_DATE', '日期不能晚于今天', { date: '不能晚于今天' })
      const id = `${p.id}:${stage}`
      const row = { happenedOn: date, note, by: ctx.user.id, recordedAt: ctx.nowIso }
      const earlier = await ctx.tx.elevator.stages.get(id)
      if (earlier) await ctx.tx.elevator.stages.update(id, row)
      else {
        await ctx.tx.elevator.stages.insert({ id, petitionId: p.id, stage, ...row })
        await notifyOwners(
          ctx,
          p,
          unit,
          `加装电梯进度：${PROJECT_STAGE_LABELS[stage]}`,
          `${unit.label}加装电梯工程进度更新：${formatDateCn(date)}，${PROJECT_STAGE_LABELS[stage]}。${note}`,
        )
      }
      const worker = { role: 'worker' as const, user: ctx.user, rooms: [] }
      return petitionDto(ctx.tx, p, unit, worker, ctx.clock.now())
    },
  }),
]
