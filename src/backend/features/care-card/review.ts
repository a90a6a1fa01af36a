/**
 * Worker side of applications (domain.md §1 PRODUCT application): the community's queue with materials,
 * a proof photo's content, and the two review stages — 社区初审 then 街道审核 (in the mock the same worker
 * persona may record the street stage; it is recorded as 街道审核) — each approving or rejecting with a
 * reason. Street approval issues the card, active from the 1st of next month. Own community only.
 */
import * as v from 'valibot'
import { assessCareCardEligibility } from '@/domain/care-card/eligibility'
import type { WorkerCareApplicationDto } from '@/domain/care-card/contracts'
import { yuanText } from '@/domain/shared/money'
import { parseResidentId } from '@/domain/shared/residentId'
import { addWorkingDays } from '@/domain/shared/workingDays'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import type { Route, RouteContext } from '@/backend/core/router'
import { logPiiAccess } from '@/backend/routes/pii-access'
import { displayName } from '@/backend/routes/views'
import { OPEN, REVIEW_WORKING_DAYS } from './applications'
import { communityApplication, notifyParties, todayOf, workerAct, workerRoute } from './common'
import { CARE_PROOF_LABELS, CARE_REVIEW_STAGE_LABELS, CARE_REVIEW_STAGES } from '@/domain/care-card/kinds'
import type { CareAct, CareApplication, CareCardRecord } from './model'
import { formatDateCn } from '@/domain/shared/time'
import { applicationDtos, workerApplicationView } from './views'

/** `YYYY-MM-01` of the month after `date` (`YYYY-MM-DD`). */
function firstOfNextMonth(date: string): string {
  let [y, m] = date.split('-').map(Number)
  m += 1
  if (m > 12) {
    m = 1
    y += 1
  }
  return `${y}-${String(m).padStart(2, '0')}-01`
}

/**
 * Creates the card of an approved application (one per person), active from the 1st of next month; its
 * ledger starts empty. @throws 409 `CARD_EXISTS`, 422 `REAL_NAME_REQUIRED`
 */
async function issueCard(ctx: RouteContext, app: CareApplication): Promise<CareCardRecord> {
  if (await ctx.tx.careCard.cardOf(app.applicantId))
    throw conflict('CARD_EXISTS', '这位居民已经有爱心卡了，每人只能办理一张')
  const holder = await ctx.tx.core.users.get(app.applicantId)
  if (!holder?.realName || !holder.idNumber || holder.deletedAt)
    throw unprocessable('REAL_NAME_REQUIRED', '申请人的实名信息已失效，无法发卡')
  const card: CareCardRecord = {
    id: newId('cc'),
    holderId: app.applicantId,
    communityId: app.communityId,
    applicationId: app.id,
    birthDate: parseResidentId(holder.idNumber, todayOf(ctx)).birthDate,
    groups: [...app.groups],
    activeFrom: firstOfNextMonth(todayOf(ctx)),
    codeSecret: newId('code'),
    createdAt: ctx.nowIso,
  }
  return ctx.tx.careCard.cards.insert(card)
}

const reviewInput = v.object({
  stage: v.picklist(CARE_REVIEW_STAGES, '请选择审核阶段'),
  decision: v.picklist(['approve', 'reject'], '请选择通过或不通过'),
  reason: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(200, '原因请控制在 200 字以内'))),
})

/** Worker routes for applications. */
export const reviewRoutes: Route[] = [
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/applications',
    input: v.object({ status: v.optional(v.picklist(['open', 'all'], '筛选条件不正确')) }),
    handler: async (ctx) => {
      const apps = await ctx.tx.careCard.applicationsOfCommunity(
        ctx.user.communityId,
        ctx.body.status === 'all' ? undefined : OPEN,
      )
      // Oldest submission first from the repository; the earliest due date first here (stable).
      return ((await applicationDtos(ctx, apps, true)) as WorkerCareApplicationDto[]).sort((a, b) =>
        (a.dueDate ?? '9999').localeCompare(b.dueDate ?? '9999'),
      )
    },
  }),
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/applications/:id',
    handler: async (ctx) => {
      const app = await communityApplication(ctx, ctx.params.id)
      await logPiiAccess(ctx, app.applicantId, 'application', app.id, '爱心卡申请')
      return workerApplicationView(ctx, app)
    },
  }),
  workerRoute({
    method: 'GET',
    path: '/api/worker/care-card/applications/:id/images/:imageId',
    handler: async (ctx) => {
      const app = await communityApplication(ctx, ctx.params.id)
      const proof = app.proofs.find((p) => p.imageId === ctx.params.imageId)
      const base64 = proof ? await ctx.tx.core.images.get(proof.imageId) : null
      if (!proof || base64 === null) throw notFound('没有找到这张材料照片', 'NO_SUCH_IMAGE')
      await logPiiAccess(
        ctx,
        app.applicantId,
        'photo',
        proof.imageId,
        `爱心卡申请材料照片：${CARE_PROOF_LABELS[proof.kind]}`,
      )
      return { imageId: proof.imageId, base64 }
    },
  }),
  workerRoute({
    method: 'POST',
    path: '/api/worker/care-card/applications/:id/review',
    input: reviewInput,
    handler: async (ctx) => {
      const app = await communityApplication(ctx, ctx.params.id, true)
      const { stage, decision } = ctx.body
      const stageName = CARE_REVIEW_STAGE_LABELS[stage]
      if (app.status !== `${stage}_review`) {
        const now =
          app.status === 'community_review' ? '社区初审' : app.status === 'street_review' ? '街道审核' : '审核已结束'
        throw conflict('STAGE_MISMATCH', `这份申请当前处于“${now}”，不能进行${stageName}。请刷新后再试。`)
      }
      const name = displayName(await ctx.tx.core.users.get(app.applicantId))
      const update = (patch: Partial<CareApplication>, act: CareAct) =>
        ctx.tx.careCard.applications.update(app.id, { ...patch, acts: [...app.acts, act] })
      let a: CareApplication
      if (decision === 'reject') {
        const reason = ctx.body.reason ?? ''
        if (reason.length < 4)
          throw unprocessable('REASON_REQUIRED', '请写明不通过的原因和需要补充的材料（至少 4 个字）', {
            reason: '请写明原因',
          })
        const rejection = { stage, reason, at: ctx.nowIso, byId: ctx.user.id, byName: displayName(ctx.user) }
        a = await update(
          { status: 'rejected', rejection },
          workerAct(ctx, 'rejected', { stage, note: reason, cycle: app.cycle }),
        )
        await notifyParties(
          ctx,
          a.applicantId,
          [a.proxyId],
          '爱心卡申请未通过',
          `${name}的爱心卡申请${stageName}未通过：${reason}。请按要求修改或补充材料后重新提交。`,
        )
      } else if (stage === 'community') {
        const streetDueDate = addWorkingDays(todayOf(ctx), REVIEW_WORKING_DAYS)
        a = await update(
          { status: 'street_review', streetDueDate },
          workerAct(ctx, 'community_approved', { stage, note: ctx.body.reason, cycle: app.cycle }),
        )
        await notifyParties(
          ctx,
          a.applicantId,
          [a.proxyId],
          '爱心卡申请通过社区初审',
          `${name}的爱心卡申请已通过社区初审，正在街道审核，预计 ${formatDateCn(streetDueDate)} 前完成。`,
        )
      } else {
        const card = await issueCard(ctx, app)
        const credit = assessCareCardEligibility({ birthDate: card.birthDate, groups: card.groups }, card.activeFrom)
        const act = workerAct(ctx, 'street_approved', {
          stage,
          note: ctx.body.reason ?? '街道审核（由社区工作人员录入）',
          cycle: app.cycle,
        })
        a = await update({ status: 'approved', activeFrom: card.activeFrom, cardId: card.id }, act)
        await notifyParties(
          ctx,
          a.applicantId,
          [a.proxyId],
          '爱心卡审核通过',
          `${name}的养老服务爱心卡已审核通过，${formatDateCn(card.activeFrom)}起生效，每月 1 日发放 ${yuanText(credit.monthlyCreditFen)} 元服务额度，当年未用完的额度 12 月 31 日到期。`,
        )
      }
      return workerApplicationView(ctx, a)
    },
  }),
]
