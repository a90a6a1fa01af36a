/**
 * Care-card applications → wire shapes (`domain/care-card/contracts.ts`) with their progress timeline,
 * and the people views name. ID numbers are masked; names come from the recorded acts, or from the
 * people a view reads (`PeopleOf`), fetched once per answer (`peopleOf`). Orders and tasks: `order-views.ts`.
 */
import type {
  CareActDto,
  CareApplicationDto,
  CarePersonDto,
  CareStageDto,
  WorkerCareApplicationDto,
} from '@/domain/care-card/contracts'
import { ageOn, maskResidentId, parseResidentId } from '@/domain/shared/residentId'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import type { User } from '@/backend/model'
import { displayName } from '@/backend/routes/views'
import { CARE_PROOF_LABELS, type CareReviewStage } from '@/domain/care-card/kinds'
import { ACT_TITLES, groupLabels } from './common'
import type { CareAct, CareApplication } from './model'

/** The people a view names, by user id (ids missing here show as `未知用户`). */
export type PeopleOf = ReadonlyMap<string, User>

export const person = (people: PeopleOf, userId: string): CarePersonDto => ({
  userId,
  name: displayName(people.get(userId)),
})

/** The proxy of a recorded act, `worker: true` for a grid worker. */
const proxyDto = (a: CareAct): CarePersonDto | undefined =>
  a.proxyId ? { userId: a.proxyId, name: a.proxyName ?? '', ...(a.proxyIsWorker ? { worker: true } : {}) } : undefined

/**
 * The person who acted for the elder on a record, from its acts: `worker: true` when a grid worker did
 * (any of their acts on it says so).
 */
export const proxyPerson = (people: PeopleOf, proxyId: string, acts: readonly CareAct[]): CarePersonDto => ({
  ...person(people, proxyId),
  ...(acts.some((a) => a.proxyId === proxyId && a.proxyIsWorker) ? { worker: true } : {}),
})

/** A recorded act on the wire. */
export function actDto(a: CareAct): CareActDto {
  return {
    kind: a.kind,
    title: ACT_TITLES[a.kind],
    at: a.at,
    actor: { userId: a.actorId, name: a.actorName },
    role: a.role,
    proxy: proxyDto(a),
    stage: a.stage,
    note: a.note,
  }
}

const STATUS_TEXT: Record<CareApplication['status'], string> = {
  community_review: '社区初审中',
  street_review: '街道审核中',
  approved: '审核通过',
  rejected: '未通过，可修改后重新提交',
  withdrawn: '已撤回',
}

const stepOf = (a: CareAct | undefined): Pick<CareStageDto, 'at' | 'actor' | 'proxy' | 'note'> =>
  !a
    ? {}
    : {
        at: a.at,
        actor: { userId: a.actorId, name: a.actorName },
        proxy: proxyDto(a),
        note: a.note,
      }

/** The timeline of the current cycle: submitted → 社区初审 → 街道审核 → 生效 (from the 1st of next month). */
function stagesOf(app: CareApplication, today: string): CareStageDto[] {
  const acts = app.acts.filter((a) => a.cycle === app.cycle)
  const find = (kind: CareAct['kind'], stage?: string) =>
    acts.find((a) => a.kind === kind && (!stage || a.stage === stage))
  const submitted = find(app.cycle > 1 ? 'resubmitted' : 'submitted')
  const community = find('community_approved')
  const street = find('street_approved')
  const rejected = find('rejected')
  const withdrawn = find('withdrawn')
  const stateOf = (done: boolean, current: boolean, stage: CareReviewStage): CareStageDto['state'] =>
    done
      ? 'done'
      : rejected?.stage === stage
        ? 'rejected'
        : current
          ? withdrawn
            ? 'cancelled'
            : 'current'
          : withdrawn || rejected
            ? 'cancelled'
            : 'waiting'
  const communityCurrent = app.status === 'community_review' || (!!withdrawn && !community)
  const streetCurrent = app.status === 'street_review' || (!!withdrawn && !!community && !street)
  /** Under way (not withdrawn) past its due date: the applicant sees it is late and may chase it. */
  const late = (current: boolean, due?: string) => (current && !withdrawn && !!due && today > due ? true : undefined)
  return [
    { key: 'submitted', title: app.cycle > 1 ? '重新提交' : '提交申请', state: 'done', ...stepOf(submitted) },
    {
      key: 'community_review',
      title: '社区初审（5 个工作日内）',
      state: stateOf(!!community, communityCurrent, 'community'),
      dueDate: app.communityDueDate,
      overdue: late(app.status === 'community_review', app.communityDueDate),
      ...stepOf(
        community ??
          (rejected?.stage === 'community' ? rejected : withdrawn && communityCurrent ? withdrawn : undefined),
      ),
    },
    {
      key: 'street_review',
      title: '街道审核（5 个工作日内）',
      state: stateOf(!!street, streetCurrent, 'street'),
      dueDate: app.streetDueDate,
      overdue: late(app.status === 'street_review', app.streetDueDate),
      ...stepOf(
        street ?? (rejected?.stage === 'street' ? rejected : withdrawn && streetCurrent ? withdrawn : undefined),
      ),
    },
    {
      key: 'active',
      title: app.activeFrom ? `${formatDateCn(app.activeFrom)}起生效` : '次月 1 日起生效',
      state: app.activeFrom
        ? app.activeFrom <= today
          ? 'done'
          : 'waiting'
        : withdrawn || rejected
          ? 'cancelled'
          : 'waiting',
      dueDate: app.activeFrom,
      at: app.activeFrom && app.activeFrom <= today ? `${app.activeFrom}T00:00:00+08:00` : undefined,
    },
  ]
}

/** An application for its applicant or proxy; `people` holds its applicant and proxy. */
function applicationDto(
  people: PeopleOf,
  communityName: string,
  app: CareApplication,
  nowIso: string,
): CareApplicationDto {
  const rej = app.rejection
  return {
    id: app.id,
    applicant: person(people, app.applicantId),
    proxy: app.proxyId ? proxyPerson(people, app.proxyId, app.acts) : undefined,
    communityName,
    status: app.status,
    statusText: STATUS_TEXT[app.status],
    cycle: app.cycle,
    groups: [...app.groups],
    groupLabels: groupLabels(app.groups),
    proofs: app.proofs
      .filter((p) => p.cycle === app.cycle)
      .map((p) => ({ kind: p.kind, label: CARE_PROOF_LABELS[p.kind], imageId: p.imageId, cycle: p.cycle })),
    monthlyCreditFen: app.monthlyCreditFen,
    tierReason: app.tierReason,
    submittedAt: app.submittedAt,
    stages: stagesOf(app, beijingDate(nowIso)),
    history: app.acts.map(actDto),
    rejection: rej
      ? { stage: rej.stage, reason: rej.reason, at: rej.at, by: { userId: rej.byId, name: rej.byName } }
      : undefined,
    activeFrom: app.activeFrom,
    cardId: app.cardId,
  }
}

/** An application for a worker: adds the masked ID number, age, current due date and overdue flag. */
function workerApplicationDto(
  people: PeopleOf,
  communityName: string,
  app: CareApplication,
  nowIso: string,
): WorkerCareApplicationDto {
  const today = beijingDate(nowIso)
  const idNumber = people.get(app.applicantId)?.idNumber ?? ''
  const birth = idNumber ? parseResidentId(idNumber, today).birthDate : today
  const dueDate =
    app.status === 'community_review'
      ? app.communityDueDate
      : app.status === 'street_review'
        ? app.streetDueDate
        : undefined
  return {
    ...applicationDto(people, communityName, app, nowIso),
    applicantIdMasked: maskResidentId(idNumber),
    applicantAge: ageOn(birth, today),
    dueDate,
    overdue: !!dueDate && today > dueDate,
  }
}

/** The users with these ids (unknown ids left out), by id. */
export async function peopleOf(ctx: RouteContext, ids: readonly (string | undefined)[]): Promise<PeopleOf> {
  const users = await ctx.tx.core.usersByIds(ids.filter((id): id is string => !!id))
  return new Map(users.map((u) => [u.id, u]))
}

/** Applications on the wire (for a worker: with the applicant's masked ID number and age), in the order given. */
export async function applicationDtos(
  ctx: RouteContext,
  apps: readonly CareApplication[],
  forWorker = false,
): Promise<(CareApplicationDto | WorkerCareApplicationDto)[]> {
  const people = await peopleOf(
    ctx,
    apps.flatMap((a) => [a.applicantId, a.proxyId]),
  )
  const communities = new Map<string, string>()
  for (const id of new Set(apps.map((a) => a.communityId)))
    communities.set(id, (await ctx.tx.core.communities.get(id))?.name ?? '')
  const dto = forWorker ? workerApplicationDto : applicationDto
  return apps.map((a) => dto(people, communities.get(a.communityId) ?? '', a, ctx.nowIso))
}

/** One application on the wire, for its applicant or proxy. */
export async function applicationView(ctx: RouteContext, app: CareApplication): Promise<CareApplicationDto> {
  return (await applicationDtos(ctx, [app]))[0]
}

/** One application on the wire, for a worker. */
export async function workerApplicationView(
  ctx: RouteContext,
  app: CareApplication,
): Promise<WorkerCareApplicationDto> {
  return (await applicationDtos(ctx, [app], true))[0] as WorkerCareApplicationDto
}
