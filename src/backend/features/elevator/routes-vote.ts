/**
 * Elevator vote routes: the caller's flats with their cost share (shown before signing), casting or
 * changing an e-signed ballot (Civil Code art. 278; changeable until the deadline, latest counts), the
 * live meter (four exact ratios against the thresholds), the whole unit's cost table, and the published
 * hash-chained log with a verify endpoint for the receipts the app keeps.
 */
import { verifyChain } from '@/domain/elevator/auditLog'
import { meterOf } from '@/domain/elevator/rules'
import type {
  ElevatorAuditPageDto,
  ElevatorCostTableDto,
  ElevatorMeterDto,
  ElevatorMyHouseholdsDto,
  ElevatorVerifyDto,
} from '@/domain/elevator/contracts'
import { unprocessable } from '@/backend/core/http'
import { attachPhoto } from '@/backend/routes/photos'
import { route, type Route } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { petitionAndUnit, requireHouseholdOwner, requireVotingOpen, viewerOf } from './access'
import { recordBallot } from './ballots'
import { roomName, sameOwnerFlats } from './households'
import { finalTally, settle } from './lifecycle'
import { heldText, unreachedHouseholds } from './reach'
import { ballotInput, pageQuery, verifyInput } from './schemas'
import { auditEntryDtos, compensationDto, planDto, shareRows, withdrawalDto } from './views'

const RULE =
  '分摊金额 = 净费用（工程预算 − 补助）× 本户（楼层系数 × 专有面积）÷ 全单元合计；楼层系数：1–2 层 0，3 层 0.7，4 层 0.8，5 层 0.9，6 层 1.0，7 层 1.1，8 层 1.2，9 层及以上 1.3；按分取整，尾差按最大余数分配，合计正好等于净费用。'

/** Vote routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const voteRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/my-households',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorMyHouseholdsDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p, unit)
      const rows = shareRows(unit, p).filter((r) => viewer.rooms.includes(r.householdId))
      const households = []
      for (const r of rows) {
        const e = await ctx.tx.elevator.ballotOf(p.id, r.householdId)
        const ballot = e ? { choice: e.choice, at: e.at, channel: e.channel, seq: e.seq, hash: e.hash } : null
        households.push({ ...r, ballot })
      }
      return {
        petitionId: p.id,
        votingOpen: p.status === 'voting' && ctx.clock.now() <= Date.parse(p.votingDeadline),
        votingDeadline: p.votingDeadline,
        netCostFen: planDto(p).netCostFen,
        households,
        note:
          rows.length > 1
            ? `您名下本单元有 ${rows.length} 户：依法按一人计算人数，各户面积分别计入；一次表决同时记录到各户。`
            : '一户一票，截止前可以改票，以截止时最后一次为准。',
        signerName: ctx.principal.realName ?? null,
        withdrawal: await withdrawalDto(ctx.tx, p),
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/ballots',
    access: 'user',
    allowProxy: true,
    input: ballotInput,
    handler: async (ctx) => {
      await settle(ctx)
      // Locked: parallel ballots on one petition append one after the other (no forked chain).
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      const { householdId, choice, signature } = ctx.body
      requireHouseholdOwner(ctx, unit, householdId)
      requirePrivacy(ctx)
      requireVotingOpen(ctx, p)
      let signatureImageId: string | undefined
      if (signature.kind === 'typed-name') {
        if (signature.name !== ctx.principal.realName) {
          throw unprocessable('SIGNATURE_NAME_MISMATCH', '输入的姓名与实名认证的业主姓名不一致，请输入业主本人的姓名', {
            'signature.name': '与业主实名不一致',
          })
        }
      } else {
        const ref = `elevator-ballot:${p.id}:${householdId}:${ctx.nowIso}`
        signatureImageId = await attachPhoto(ctx, signature.photoId, ref, 'signature.photoId')
      }
      return recordBallot(ctx, p, unit, {
        householdId,
        choice,
        channel: 'app',
        signatureKind: signature.kind,
        signatureImageId,
        actorRole: ctx.user.id !== ctx.principal.id ? 'proxy' : 'owner',
      })
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/meter',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorMeterDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      viewerOf(ctx, p, unit)
      const { tally, ballots } = await finalTally(ctx.tx, p, unit)
      // A withdrawn petition has no result: its tally is as it stood, never final (not a failed vote).
      const final = p.status !== 'forming' && p.status !== 'voting' && p.status !== 'withdrawn'
      const due = p.status === 'voting' && ctx.clock.now() > Date.parse(p.votingDeadline)
      const missing = due ? (await unreachedHouseholds(ctx.tx, p, unit)).length : 0
      return {
        resultHeld: missing > 0 ? heldText(missing) : null,
        withdrawal: await withdrawalDto(ctx.tx, p),
        petitionId: p.id,
        asOf: ctx.nowIso,
        final,
        votingDeadline: p.votingDeadline,
        households: unit.flats.length,
        ballots,
        tally,
        meter: meterOf(tally, { closed: final }),
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/cost-table',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorCostTableDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p, unit)
      // Workers see each household's current ballot (to enter paper ballots knowingly); owners do not here.
      const rows = []
      for (const r of shareRows(unit, p)) {
        if (viewer.role !== 'worker') {
          rows.push(r)
          continue
        }
        const last = await ctx.tx.elevator.ballotOf(p.id, r.householdId)
        rows.push({
          ...r,
          ballot: last ? { channel: last.channel, choice: last.choice, at: last.at } : null,
          ownerRooms: sameOwnerFlats(unit, r.householdId).map((id) => roomName(unit, id)),
        })
      }
      return {
        petitionId: p.id,
        unitLabel: unit.label,
        plan: planDto(p),
        rows,
        totalShareFen: rows.reduce((s, r) => s + r.shareFen, 0),
        totalMaintenanceFen: rows.reduce((s, r) => s + r.maintenanceShareFen, 0),
        totalArea: rows.reduce((s, r) => s + Math.round(r.area * 100), 0) / 100,
        compensation: await compensationDto(ctx.tx, p),
        rule: RULE,
      }
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/audit-log',
    access: 'user',
    allowProxy: true,
    input: pageQuery,
    handler: async (ctx): Promise<ElevatorAuditPageDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      viewerOf(ctx, p, unit)
      const start = Number(ctx.body.cursor ?? 0)
      const limit = Math.min(100, Math.max(1, Number(ctx.body.limit ?? 20)))
      const [page, total, last] = await Promise.all([
        ctx.tx.elevator.logPage(p.id, start, limit),
        ctx.tx.elevator.logLength(p.id),
        ctx.tx.elevator.lastEntryOf(p.id),
      ])
      return {
        items: await auditEntryDtos(ctx.tx, unit, p.id, page),
        nextCursor: start + limit < total ? String(start + limit) : null,
        total,
        head: last ? { seq: last.seq, hash: last.hash } : null,
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/audit-log/verify',
    access: 'user',
    allowProxy: true,
    input: verifyInput,
    handler: async (ctx): Promise<ElevatorVerifyDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      viewerOf(ctx, p, unit)
      const log = await ctx.tx.elevator.logOf(p.id)
      const check = verifyChain(log, ctx.body.receipts)
      const last = log[log.length - 1]
      const why = {
        edited: '内容被改动',
        deleted: '记录缺失',
        reordered: '顺序被打乱',
        'receipt-mismatch': '与您保存的回执不一致',
      }
      return {
        check,
        entries: log.length,
        head: last ? { seq: last.seq, hash: last.hash } : null,
        message: check.ok
          ? `核验通过：共 ${log.length} 条表决记录完整，${ctx.body.receipts.length ? `您的 ${ctx.body.receipts.length} 张回执均一致` : '未提交回执'}。`
          : `核验未通过：第 ${check.brokenAt} 条${why[check.reason]}。请保存回执截图并联系社区或街道。`,
      }
    },
  }),
]
