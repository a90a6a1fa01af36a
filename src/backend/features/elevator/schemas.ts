/** valibot schemas of the elevator routes' bodies and queries, with plain-Chinese messages. */
import * as v from 'valibot'
import {
  PROJECT_STAGES,
  REACH_CHANNELS,
  RECORDED_MEDIATION_STAGES,
  VOTE_CHOICES,
  WORKER_BALLOT_CHANNELS,
} from '@/domain/elevator/values'
import { isDate } from '@/domain/shared/time'
import { photoIdSchema } from '@/backend/routes/photos'
import {
  BUDGET_TOO_HIGH_TEXT,
  MAX_ELEVATOR_BUDGET_FEN,
  meaningfulLength,
  OBJECTION_MIN_CHARS,
} from '@/domain/elevator/rules'

const id = (message: string) => v.pipe(v.string(message), v.minLength(1, message), v.maxLength(64, message))
const fen = (label: string) =>
  v.pipe(
    v.number(`请填写${label}`),
    v.integer(`${label}必须是整数分`),
    v.minValue(0, `${label}不能为负数`),
    v.maxValue(1e11, `${label}过大`),
  )

/** A photo or handwritten signature, by the id `POST /api/photos` answered. */
const imageSchema = photoIdSchema

const choice = v.picklist(VOTE_CHOICES, '请选择同意、反对或弃权')

/** `POST /api/elevator/petitions`. Amounts in fen; the deadline an ISO instant with offset. */
export const petitionInput = v.object({
  roomId: id('请选择您在本单元的房屋'),
  coInitiatorRoomIds: v.pipe(
    v.array(id('房号不正确'), '请选择联合发起人'),
    v.minLength(2, '加装电梯工作小组为 3 到 5 人：请邀请 2 到 4 位本单元业主作为联合发起人'),
    v.maxLength(4, '加装电梯工作小组为 3 到 5 人：联合发起人最多 4 位'),
  ),
  elevatorPosition: v.pipe(
    v.string('请填写电梯位置'),
    v.trim(),
    v.minLength(2, '请填写电梯位置，如“单元北侧楼梯间外”'),
    v.maxLength(100, '电梯位置说明请控制在 100 字以内'),
  ),
  budgetFen: v.pipe(fen('工程预算'), v.maxValue(MAX_ELEVATOR_BUDGET_FEN, BUDGET_TOO_HIGH_TEXT)),
  subsidiesFen: fen('补助金额'),
  yearlyMaintenanceFen: fen('每年维护费用'),
  votingDeadline: v.pipe(
    v.string('请选择表决截止时间'),
    v.regex(
      /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/,
      '截止时间格式不正确，如 2026-03-20T20:00:00+08:00',
    ),
  ),
})

/** `POST …/ballots`: the flat, the choice and the e-signature (handwritten image or typed real name). */
export const ballotInput = v.object({
  householdId: id('请选择表决的房屋'),
  choice,
  signature: v.variant(
    'kind',
    [
      v.object({ kind: v.literal('handwritten'), photoId: imageSchema('请手写签名') }),
      v.object({
        kind: v.literal('typed-name'),
        name: v.pipe(
          v.string('请输入您的姓名'),
          v.trim(),
          v.minLength(2, '请输入您的姓名'),
          v.maxLength(20, '姓名太长'),
        ),
      }),
    ],
    '请签名：手写签名或输入本人姓名',
  ),
})

/**
 * Worker's `POST …/paper-ballots`: channel, choice and a photo of the signed form (required);
 * `replaceExisting` to replace a household's earlier ballot (refused without it).
 */
export const paperBallotInput = v.object({
  householdId: id('请选择房屋'),
  channel: v.picklist(WORKER_BALLOT_CHANNELS, '请选择纸质表决或上门表决'),
  choice,
  photoId: imageSchema('请拍摄业主签字的表决票'),
  replaceExisting: v.optional(v.boolean('替换选项不正确'), false),
})

/** `PUT …/compensation`: a negotiated compensation line for low floors (fen, terms). */
export const compensationInput = v.object({
  amountFen: v.pipe(
    v.number('请填写补偿金额'),
    v.integer('补偿金额必须是整数分'),
    v.minValue(1, '补偿金额必须大于 0'),
    v.maxValue(1e11, '补偿金额过大'),
  ),
  text: v.pipe(
    v.string('请填写补偿说明'),
    v.trim(),
    v.minLength(4, '请写明补偿对象和方式，如“1、2 楼每户补偿 3000 元”'),
    v.maxLength(300, '补偿说明请控制在 300 字以内'),
  ),
})

const objectionText = v.pipe(
  v.string('请填写异议内容'),
  v.trim(),
  v.check(
    (t) => meaningfulLength(t) >= OBJECTION_MIN_CHARS,
    `异议内容至少 ${OBJECTION_MIN_CHARS} 个字（表情和符号不算），请写明理由`,
  ),
  v.maxLength(1000, '异议内容请控制在 1000 字以内'),
)

/** Owner's `POST …/objections` during publicity: their flat, the text (≥ 10 characters), an optional photo. */
export const objectionInput = v.object({
  householdId: id('请选择您的房屋'),
  text: objectionText,
  photoId: v.optional(imageSchema('照片格式不正确')),
})

/** Worker's `POST …/paper-objections`: the objecting flat, the text and a photo of the signed paper (required). */
export const paperObjectionInput = v.object({
  householdId: id('请选择提出异议的房屋'),
  text: objectionText,
  photoId: imageSchema('请拍摄业主签字的书面异议'),
})

/** Worker's `POST …/mediation`: the stage reached and what happened. */
export const mediationInput = v.object({
  stage: v.picklist(RECORDED_MEDIATION_STAGES, '请选择调解、社区街道协调或已解决'),
  note: v.pipe(
    v.string('请填写处理情况'),
    v.trim(),
    v.minLength(4, '请写明处理情况'),
    v.maxLength(500, '处理情况请控制在 500 字以内'),
  ),
})

/** `GET …/audit-log?cursor&limit`: index into the log (0-based) and page size (≤ 100). */
export const pageQuery = v.object({
  cursor: v.optional(v.pipe(v.string(), v.regex(/^\d{1,6}$/, '分页参数不正确'))),
  limit: v.optional(v.pipe(v.string(), v.regex(/^\d{1,3}$/, '分页参数不正确'))),
})

/** `POST …/audit-log/verify`: the receipts the app kept (seq ≥ 1, 64 hex). */
export const verifyInput = v.object({
  receipts: v.optional(
    v.pipe(
      v.array(
        v.object({
          seq: v.pipe(v.number('回执序号不正确'), v.integer('回执序号不正确'), v.minValue(1, '回执序号不正确')),
          hash: v.pipe(v.string('回执不正确'), v.regex(/^[0-9a-f]{64}$/, '回执格式不正确')),
        }),
      ),
      v.maxLength(200, '一次最多核验 200 张回执'),
    ),
    [],
  ),
})

/** `POST /api/elevator/worker/petitions/:id/reach`: how a household was told; `date` `YYYY-MM-DD`. */
export const reachInput = v.object({
  householdId: id('请选择房号'),
  channel: v.picklist(REACH_CHANNELS, '请选择告知方式：应用内消息、短信、挂号信、张贴告知单或当面告知'),
  date: v.pipe(v.string('请选择告知日期'), v.isoDate('告知日期格式应为 年-月-日'), v.check(isDate, '没有这一天')),
  note: v.optional(v.pipe(v.string(), v.trim(), v.maxLength(100, '备注请控制在 100 字以内'))),
})

/** `POST /api/elevator/petitions/:id/withdraw`: the reason, in the initiator's words (5–200 characters). */
export const withdrawInput = v.object({
  reason: v.pipe(
    v.string('请填写撤回原因'),
    v.trim(),
    v.minLength(5, '请用至少 5 个字说明撤回原因，表决过的业主都会看到'),
    v.maxLength(200, '撤回原因请控制在 200 字以内'),
  ),
})

/** `POST /api/elevator/worker/petitions/:id/stages`: a project stage, its day (`YYYY-MM-DD`) and a note. */
export const stageInput = v.object({
  stage: v.picklist(PROJECT_STAGES, '请选择工程阶段'),
  date: v.pipe(v.string('请选择日期'), v.isoDate('日期格式应为 年-月-日'), v.check(isDate, '没有这一天')),
  note: v.pipe(
    v.string('请填写说明'),
    v.trim(),
    v.minLength(2, '请简要说明，如“规划、住建部门联合审查通过”'),
    v.maxLength(200, '说明请控制在 200 字以内'),
  ),
})
