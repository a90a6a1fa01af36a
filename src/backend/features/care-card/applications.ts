/**
 * Applying for the card (domain.md §1 PRODUCT application): by the elder or a confirmed family proxy
 * (代办, recorded on the application and every act), with declared groups and proof photos; one card per
 * person; withdraw while under review; after a rejection, correct and resubmit on the same application
 * (a new review cycle with new due dates).
 */
import * as v from 'valibot'
import { assessCareCardEligibility, CARE_GROUPS, tierOf, type CareGroup } from '@/domain/care-card/eligibility'
import { CARE_PROOF_KINDS, CARE_PROOF_LABELS } from '@/domain/care-card/kinds'
import type { CareApplicationInput } from '@/domain/care-card/contracts'
import { ageOn } from '@/domain/shared/residentId'
import { addWorkingDays } from '@/domain/shared/workingDays'
import { conflict, unprocessable } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import type { Route, RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import { attachPhoto, photoIdSchema } from '@/backend/routes/photos'
import { displayName } from '@/backend/routes/views'
import {
  birthDateOf,
  careRoute,
  groupLabels,
  notifyParties,
  notifyWorkers,
  ownApplication,
  proxyOf,
  residentAct,
  todayOf,
} from './common'
import type { CareApplication, CareProof } from './model'
import { formatDateCn } from '@/domain/shared/time'
import { applicationDtos, applicationView } from './views'

/** Working days promised per review stage (domain.md §1: ≤ 5 working days each). */
export const REVIEW_WORKING_DAYS = 5

/** Body of an application or resubmission (`CareApplicationInput`). */
const applicationInput = v.object({
  groups: v.pipe(
    v.array(v.picklist(CARE_GROUPS, '人群类别不正确'), '请选择人群类别'),
    v.maxLength(CARE_GROUPS.length, '人群类别太多'),
  ),
  proofs: v.pipe(
    v.array(
      v.object({
        kind: v.picklist(CARE_PROOF_KINDS, '请选择材料类型'),
        photoId: photoIdSchema('请拍摄证明材料'),
      }),
      '请上传证明材料',
    ),
    v.minLength(1, '请上传证明材料：户口簿或居住证'),
    v.maxLength(8, '最多上传 8 张照片'),
  ),
})

/** Statuses of an application under review. */
export const OPEN: readonly CareApplication['status'][] = ['community_review', 'street_review']

/**
 * One card per person, one open application: locks the person (their applications are made one at a
 * time) and checks. @throws 409 `CARD_EXISTS` / `APPLICATION_OPEN`
 */
async function assertNoCardOrOpen(ctx: RouteContext, personId: string, exceptId?: string): Promise<void> {
  const name = displayName(await ctx.tx.core.users.get(personId, { lock: true }))
  if (await ctx.tx.careCard.cardOf(personId))
    throw conflict('CARD_EXISTS', `${name}已经有爱心卡了，每人只能办理一张，不需要再申请。`)
  const open = (await ctx.tx.careCard.applicationsIn(personId, OPEN)).find((a) => a.id !== exceptId)
  if (open) {
    throw conflict(
      'APPLICATION_OPEN',
      `${name}已有一份正在审核的爱心卡申请（${open.status === 'community_review' ? '社区初审中' : '街道审核中'}），请等待审核结果，不需要重复申请。`,
    )
  }
}

/**
 * Checks eligibility today and the materials: a household register or residence permit, and a proof
 * for every declared group. @throws 422 `NOT_ELIGIBLE` (the domain's reasons), `PROOF_REQUIRED`
 */
function checkApplication(ctx: RouteContext, body: CareApplicationInput) {
  const birthDate = birthDateOf(ctx, ctx.principal)
  const groups = [...new Set(body.groups)] as CareGroup[]
  const result = assessCareCardEligibility({ birthDate, groups }, todayOf(ctx))
  if (!result.eligible) throw unprocessable('NOT_ELIGIBLE', result.reasons.join(''))
  const kinds = new Set(body.proofs.map((p) => p.kind))
  const missing = (['household', ...groups] as const).filter((k) => !kinds.has(k))
  if (missing.length) {
    const text = missing.map((k) => CARE_PROOF_LABELS[k]).join('、')
    throw unprocessable('PROOF_REQUIRED', `还缺少证明材料：${text}。请拍照上传后再提交。`, { proofs: `请上传${text}` })
  }
  return { groups, result, tier: tierOf({ birthDate, groups }, todayOf(ctx)) }
}

/**
 * Attaches the uploaded proof photos to application `appId` (their ids are the images' ids) for review
 * cycle `cycle`. @throws as `attachPhoto`
 */
async function storeProofs(
  ctx: RouteContext,
  appId: string,
  proofs: CareApplicationInput['proofs'],
  cycle: number,
): Promise<CareProof[]> {
  const out: CareProof[] = []
  for (const [i, p] of proofs.entries()) {
    const imageId = await attachPhoto(ctx, p.photoId, `care-application:${appId}`, `proofs.${i}.photoId`)
    out.push({ kind: p.kind, imageId, cycle })
  }
  return out
}

/** Messages after a (re)submission: the elder and proxy get a receipt; the community's workers a task. */
async function announce(ctx: RouteContext, app: CareApplication, again: boolean): Promise<void> {
  const name = displayName(ctx.principal)
  await notifyParties(
    ctx,
    app.applicantId,
    [app.proxyId],
    again ? '爱心卡申请已重新提交' : '爱心卡申请已提交',
    `${name}的养老服务爱心卡申请已提交，社区将在 ${formatDateCn(app.communityDueDate)} 前完成初审，之后由街道审核（5 个工作日内），通过后次月 1 日起生效。`,
  )
  await notifyWorkers(
    ctx,
    app.communityId,
    '新的爱心卡申请待初审',
    `${name}的爱心卡申请${again ? '（修改后重新提交）' : ''}待社区初审，请在 ${formatDateCn(app.communityDueDate)} 前处理。`,
  )
}

const groupsQuery = v.object({
  groups: v.optional(
    v.pipe(
      v.string(),
      v.regex(
        /^((subsistence|marginal|destitute|disabled)(,(subsistence|marginal|destitute|disabled))*)?$/,
        '人群类别不正确',
      ),
    ),
  ),
})

/** Resident routes: eligibility, apply, list, detail, withdraw, resubmit (all allow a confirmed proxy). */
export const applicationRoutes: Route[] = [
  careRoute({
    method: 'GET',
    path: '/api/care-card/eligibility',
    workerProxyAct: '查询爱心卡资格',
    input: groupsQuery,
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const birthDate = birthDateOf(ctx, ctx.principal)
      const groups = [...new Set((ctx.body.groups ?? '').split(',').filter(Boolean))] as CareGroup[]
      const today = todayOf(ctx)
      const r = assessCareCardEligibility({ birthDate, groups }, today)
      const tier = tierOf({ birthDate, groups }, today)
      return {
        ...r,
        tier: tier ? { id: tier.id, label: tier.label } : null,
        age: ageOn(birthDate, today),
        assessedOn: today,
        groups,
      }
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/applications',
    workerProxyAct: '提交爱心卡申请',
    input: applicationInput,
    handler: async (ctx) => {
      requirePrivacy(ctx)
      birthDateOf(ctx, ctx.principal)
      await assertNoCardOrOpen(ctx, ctx.principal.id)
      const { groups, result } = checkApplication(ctx, ctx.body)
      const today = todayOf(ctx)
      const id = newId('ca')
      const app: CareApplication = {
        id,
        applicantId: ctx.principal.id,
        communityId: ctx.principal.communityId,
        groups,
        proofs: await storeProofs(ctx, id, ctx.body.proofs, 1),
        status: 'community_review',
        cycle: 1,
        monthlyCreditFen: result.monthlyCreditFen,
        tierReason: result.reasons[0],
        submittedAt: ctx.nowIso,
        communityDueDate: addWorkingDays(today, REVIEW_WORKING_DAYS),
        acts: [
          residentAct(ctx, 'submitted', {
            cycle: 1,
            note: groups.length ? `申报：${groupLabels(groups).join('、')}` : undefined,
          }),
        ],
        createdAt: ctx.nowIso,
        ...(proxyOf(ctx) ? { proxyId: proxyOf(ctx) } : {}),
      }
      await ctx.tx.careCard.applications.insert(app)
      await announce(ctx, app, false)
      return applicationView(ctx, app)
    },
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/applications',
    handler: async (ctx) => applicationDtos(ctx, await ctx.tx.careCard.applicationsOf(ctx.principal.id)),
  }),
  careRoute({
    method: 'GET',
    path: '/api/care-card/applications/:id',
    handler: async (ctx) => applicationView(ctx, await ownApplication(ctx, ctx.params.id)),
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/applications/:id/withdraw',
    workerProxyAct: '撤回爱心卡申请',
    handler: async (ctx) => {
      const app = await ownApplication(ctx, ctx.params.id, true)
      if (!OPEN.includes(app.status)) throw conflict('NOT_UNDER_REVIEW', '这份申请已经不在审核中，不能撤回')
      const a = await ctx.tx.careCard.applications.update(app.id, {
        status: 'withdrawn',
        acts: [...app.acts, residentAct(ctx, 'withdrawn', { cycle: app.cycle })],
      })
      await notifyParties(
        ctx,
        a.applicantId,
        [a.proxyId],
        '爱心卡申请已撤回',
        `${displayName(ctx.principal)}的爱心卡申请已撤回。需要时可以重新申请。`,
      )
      return applicationView(ctx, a)
    },
  }),
  careRoute({
    method: 'POST',
    path: '/api/care-card/applications/:id/resubmit',
    workerProxyAct: '修改后重新提交爱心卡申请',
    input: applicationInput,
    handler: async (ctx) => {
      requirePrivacy(ctx)
      const app = await ownApplication(ctx, ctx.params.id, true)
      if (app.status !== 'rejected') throw conflict('NOT_REJECTED', '只有未通过的申请可以修改后重新提交')
      await assertNoCardOrOpen(ctx, ctx.principal.id, app.id)
      const { groups, result } = checkApplication(ctx, ctx.body)
      const cycle = app.cycle + 1
      const a = await ctx.tx.careCard.applications.update(app.id, {
        status: 'community_review',
        cycle,
        groups,
        monthlyCreditFen: result.monthlyCreditFen,
        tierReason: result.reasons[0],
        submittedAt: ctx.nowIso,
        communityDueDate: addWorkingDays(todayOf(ctx), REVIEW_WORKING_DAYS),
        streetDueDate: undefined,
        rejection: undefined,
        proofs: [...app.proofs, ...(await storeProofs(ctx, app.id, ctx.body.proofs, cycle))],
        acts: [
          ...app.acts,
          residentAct(ctx, 'resubmitted', {
            cycle,
            note: groups.length ? `申报：${groupLabels(groups).join('、')}` : undefined,
          }),
        ],
      })
      await announce(ctx, a, true)
      return applicationView(ctx, a)
    },
  }),
]
