/**
 * Elevator vote routes: the caller's flats with their cost share (shown before signing), casting or
 * changing an e-signed ballot (Civil Code art. 278; changeable until the deadline, latest counts), the
 * live meter (four exact ratios against 2/3 and 3/4), the whole unit's cost table, and the published
 * hash-chained log with a verify endpoint for the receipts the app keeps.
 */
import { finalBallots, verifyChain } from '@/domain/auditLog'
import { meterOf } from '@/domain/elevator'
import type {
  ElevatorCostTableDto,
  ElevatorMeterDto,
  ElevatorMyHouseholdsDto,
  ElevatorVerifyDto,
} from '@/domain/contracts/elevator'
import { unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { petitionOr404, requireHouseholdOwner, requireVotingOpen, viewerOf } from './access'
import { latestEntry, recordBallot } from './ballots'
import { householdsOf, unitLabel } from './households'
import { finalTally, settle } from './lifecycle'
import { ballotInput, pageQuery, verifyInput } from './schemas'
import { auditEntryDto, compensationDto, planDto, shareRows } from './views'

const RULE =
  '分摊金额 = 净费用（工程预算 − 补助）× 本户（楼层系数 × 专有面积）÷ 全单元合计；楼层系数：1–2 层 0，3 层 0.7，4 层 0.8，5 层 0.9，6 层 1.0，7 层 1.1，8 层 1.2，9 层及以上 1.3；按分取整，尾差按最大余数分配，合计正好等于净费用。'

/** Vote routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const voteRoutes: Route[] = [
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/my-households',
    access: 'user',
    allowProxy: true,
    handler: (ctx): ElevatorMyHouseholdsDto => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p)
      const log = ctx.db.data.elevatorAuditLogs[p.id] ?? []
      const rows = shareRows(ctx.db.data, p).filter((r) => viewer.rooms.includes(r.householdId))
      return {
        petitionId: p.id,
        votingOpen: p.status === 'voting' && ctx.clock.now() <= Date.parse(p.votingDeadline),
        votingDeadline: p.votingDeadline,
        netCostFen: planDto(p).netCostFen,
        households: rows.map((r) => {
          const e = latestEntry(log, r.householdId)
          return {
            ...r,
            ballot: e ? { choice: e.choice, at: e.at, channel: e.channel, seq: e.seq, hash: e.hash } : null,
          }
        }),
        note:
          rows.length > 1
            ? `您名下本单元有 ${rows.length} 户：依法按一人计算人数，各户面积分别计入；一次表决同时记录到各户。`
            : '一户一票，截止前可以改票，以截止时最后一次为准。',
        signerName: ctx.principal.realName?.name ?? null,
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/ballots',
    access: 'user',
    allowProxy: true,
    input: ballotInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      const { householdId, choice, signature } = ctx.body
      requireHouseholdOwner(ctx, p, householdId)
      requirePrivacy(ctx)
      requireVotingOpen(ctx, p)
      let signatureImageId: string | undefined
      if (signature.kind === 'typed-name') {
        if (signature.name !== ctx.principal.realName!.name) {
          throw unprocessable('SIGNATURE_NAME_MISMATCH', '输入的姓名与实名认证的业主姓名不一致，请输入业主本人的姓名', {
            'signature.name': '与业主实名不一致',
          })
        }
      } else {
        signatureImageId = newId('img')
        ctx.db.putImage(signatureImageId, signature.image)
      }
      return recordBallot(ctx, p, {
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
    handler: (ctx): ElevatorMeterDto => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      viewerOf(ctx, p)
      const tally = finalTally(ctx.db.data, p)
      const final = p.status !== 'forming' && p.status !== 'voting'
      return {
        petitionId: p.id,
        asOf: ctx.nowIso,
        final,
        votingDeadline: p.votingDeadline,
        households: householdsOf(ctx.db.data, p.unitId).length,
        ballots: finalBallots(ctx.db.data.elevatorAuditLogs[p.id] ?? [], p.votingDeadline).length,
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
    handler: (ctx): ElevatorCostTableDto => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p)
      const log = ctx.db.data.elevatorAuditLogs[p.id] ?? []
      // Workers see each household's current ballot (to enter paper ballots knowingly); owners do not here.
      const rows = shareRows(ctx.db.data, p).map((r) => {
        if (viewer.role !== 'worker') return r
        const last = latestEntry(log, r.householdId)
        return { ...r, ballot: last ? { channel: last.channel, choice: last.choice, at: last.at } : null }
      })
      return {
        petitionId: p.id,
        unitLabel: unitLabel(ctx.db.data, p.unitId),
        plan: planDto(p),
        rows,
        totalShareFen: rows.reduce((s, r) => s + r.shareFen, 0),
        totalMaintenanceFen: rows.reduce((s, r) => s + r.maintenanceShareFen, 0),
        totalArea: rows.reduce((s, r) => s + Math.round(r.area * 100), 0) / 100,
        compensation: compensationDto(ctx.db.data, p),
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
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      viewerOf(ctx, p)
      const log = ctx.db.data.elevatorAuditLogs[p.id] ?? []
      const start = Number(ctx.body.cursor ?? 0)
      const limit = Math.min(100, Math.max(1, Number(ctx.body.limit ?? 20)))
      const last = log[log.length - 1]
      return {
        items: log.slice(start, start + limit).map((e) => auditEntryDto(ctx.db.data, p.id, e)),
        nextCursor: start + limit < log.length ? String(start + limit) : null,
        total: log.length,
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
    handler: (ctx): ElevatorVerifyDto => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      viewerOf(ctx, p)
      const log = ctx.db.data.elevatorAuditLogs[p.id] ?? []
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
