/**
 * Stored elevator records → wire shapes (`src/domain/elevator/contracts.ts`). Names of other owners
 * are not shown to owners (flats are), except the retrofit group's and in the audit log; deleted
 * accounts show no name (`null`).
 */
import { allocateCost, type VoteTally } from '@/domain/elevator/rules'
import type { AuditEntry } from '@/domain/elevator/auditLog'
import { APPROVAL_TEXT, PARTICIPATION_TEXT } from '@/domain/elevator/thresholds'
import { MEDIATION_STAGE_LABELS, PROJECT_STAGE_LABELS } from '@/domain/elevator/values'
import { beijingDate } from '@/domain/shared/time'
import type {
  ElevatorAuditEntryDto,
  ElevatorCompensationDto,
  ElevatorPetitionDto,
  ElevatorPetitionStatusDto,
  ElevatorPlanDto,
  ElevatorResultDto,
  ElevatorShareRowDto,
  ElevatorWithdrawalDto,
} from '@/domain/elevator/contracts'
import type { Tx } from '@/backend/core/router'
import type { User } from '@/backend/model'
import type { Viewer } from './access'
import { coefficientOf, householdsOf, roomName, type UnitView } from './households'
import type { ElevatorBallotSignature, ElevatorCoInitiator, ElevatorLogEntry, ElevatorPetition } from './model'

const STATUS_TEXT: Record<ElevatorPetitionStatusDto, string> = {
  forming: '等待联合发起人确认',
  voting: '表决进行中',
  publicity: '表决通过，公示中',
  mediation: '公示期有异议，协商调解中',
  concluded: '已办结',
  rejected: '表决未通过',
  cancelled: '已取消（联合发起人未同意）',
  lapsed: '已失效（截止前未完成发起确认）',
  withdrawn: '已撤回',
}

/** A person's name for the wire: `null` for deleted or unknown accounts (their records stay, without the name). */
export function nameOf(u: User | undefined): string | null {
  return !u || u.deletedAt ? null : (u.realName ?? u.nickname)
}

/** The wire names (`nameOf`) of users by id. */
async function namesOf(tx: Tx, ids: readonly string[]): Promise<Map<string, string | null>> {
  const users = new Map((await tx.core.usersByIds(ids)).map((u) => [u.id, u]))
  return new Map(ids.map((id) => [id, nameOf(users.get(id))]))
}

/** The plan with its net cost (fen). */
export function planDto(p: ElevatorPetition): ElevatorPlanDto {
  return {
    elevatorPosition: p.elevatorPosition,
    budgetFen: p.budgetFen,
    subsidiesFen: p.subsidiesFen,
    netCostFen: p.budgetFen - p.subsidiesFen,
    yearlyMaintenanceFen: p.yearlyMaintenanceFen,
  }
}

/** A one-line plain-Chinese result, e.g. `参与 8/10 人、… ㎡；同意 7 人、… ㎡：表决通过`. */
export function resultSummary(t: VoteTally): string {
  const verdict = t.approved
    ? '表决通过'
    : t.quorumMet
      ? `同意未达参与者的 ${APPROVAL_TEXT}，未通过`
      : `参与未达 ${PARTICIPATION_TEXT}，未通过`
  return `参与 ${t.participatingOwners}/${t.totalOwners} 人、${t.participatingArea}/${t.totalArea} ㎡；同意 ${t.agreeOwners} 人、${t.agreeArea} ㎡：${verdict}`
}

/** The published result, or null before the vote closed. */
function resultDto(p: ElevatorPetition): ElevatorResultDto | null {
  const t = p.resultTally
  if (!t || !p.resultPublishedAt) return null
  const publishedAt = p.resultPublishedAt
  const publishedDate = beijingDate(publishedAt)
  return {
    approved: t.approved,
    quorumMet: t.quorumMet,
    tally: t,
    publishedAt,
    publishedDate,
    summary: resultSummary(t),
  }
}

/** The compensation line for low floors, if recorded (shown beside the cost table, not part of the shares). */
export async function compensationDto(tx: Tx, p: ElevatorPetition): Promise<ElevatorCompensationDto | null> {
  if (p.compensationFen == null || !p.compensationText || !p.compensationBy || !p.compensationAt) return null
  const [by] = await tx.core.usersByIds([p.compensationBy])
  const { compensationFen: amountFen, compensationText: text, compensationAt: recordedAt } = p
  return { amountFen, text, recordedByName: nameOf(by), recordedAt }
}

/** The withdrawal of a withdrawn petition, else null. */
export async function withdrawalDto(tx: Tx, p: ElevatorPetition): Promise<ElevatorWithdrawalDto | null> {
  if (p.status !== 'withdrawn' || !p.withdrawnAt || !p.withdrawnBy) return null
  const [by] = await tx.core.usersByIds([p.withdrawnBy])
  return { at: p.withdrawnAt, reason: p.withdrawReason ?? '', byName: nameOf(by) }
}

/** A petition of `unit` for an owner or worker viewer; `nowMs` decides what is open now. */
export async function petitionDto(
  tx: Tx,
  p: ElevatorPetition,
  unit: UnitView,
  viewer: Viewer,
  nowMs: number,
): Promise<ElevatorPetitionDto> {
  const [coInitiators, steps, objections, objected] = await Promise.all([
    tx.elevator.coInitiatorsOf(p.id),
    tx.elevator.mediationStepsOf(p.id),
    tx.elevator.objectionCount(p.id),
    tx.elevator.objectionOf(p.id, viewer.rooms),
  ])
  const names = await namesOf(tx, [p.starterId, ...coInitiators.map((c) => c.userId), ...steps.map((s) => s.by)])
  const publicityOpen = p.status === 'publicity' && !!p.publicityEndsAt && nowMs < Date.parse(p.publicityEndsAt)
  const isOwner = viewer.role === 'owner'
  const pending = (c: ElevatorCoInitiator) => !c.confirmedAt && !c.declinedAt
  return {
    id: p.id,
    unitId: p.unitId,
    unitLabel: unit.label,
    status: p.status,
    statusText: STATUS_TEXT[p.status],
    starter: { name: names.get(p.starterId) ?? null, roomName: roomName(unit, p.starterRoomId) },
    coInitiators: coInitiators.map((c) => ({
      roomName: roomName(unit, c.roomId),
      name: names.get(c.userId) ?? null,
      status: c.confirmedAt ? 'confirmed' : c.declinedAt ? 'declined' : 'pending',
    })),
    plan: planDto(p),
    votingDeadline: p.votingDeadline,
    createdAt: p.createdAt,
    openedAt: p.openedAt ?? null,
    result: resultDto(p),
    publicity:
      p.publicityStartsAt && p.publicityEndsAt
        ? { startsAt: p.publicityStartsAt, endsAt: p.publicityEndsAt, open: publicityOpen, objections }
        : null,
    mediation: p.mediationStage
      ? {
          stage: p.mediationStage,
          stageText: MEDIATION_STAGE_LABELS[p.mediationStage],
          steps: steps.map((s) => ({
            stage: s.stage,
            note: s.note,
            by: s.by,
            at: s.at,
            stageText: MEDIATION_STAGE_LABELS[s.stage],
            byName: s.by === 'system' ? '系统' : (names.get(s.by) ?? '已注销用户'),
          })),
        }
      : null,
    compensation: await compensationDto(tx, p),
    withdrawal: await withdrawalDto(tx, p),
    stages: (await tx.elevator.stagesOf(p.id)).map((s) => ({
      stage: s.stage,
      stageText: PROJECT_STAGE_LABELS[s.stage],
      date: s.happenedOn,
      note: s.note,
    })),
    viewer: {
      role: viewer.role,
      isStarter: viewer.user.id === p.starterId,
      mustConfirm: p.status === 'forming' && coInitiators.some((c) => c.userId === viewer.user.id && pending(c)),
      canVote: isOwner && p.status === 'voting' && nowMs <= Date.parse(p.votingDeadline),
      // One written objection per household: not again once one of the viewer's flats has filed one.
      canObject: isOwner && publicityOpen && !objected,
      canWithdraw:
        (p.status === 'forming' || p.status === 'voting') &&
        nowMs <= Date.parse(p.votingDeadline) &&
        (viewer.user.id === p.starterId || coInitiators.some((c) => c.userId === viewer.user.id && c.confirmedAt)),
    },
  }
}

/**
 * Every flat's share of the net cost and of yearly maintenance (fen), by `allocateCost` (share ∝ floor
 * coefficient × area; largest remainder, sums exact). Sorted by room id.
 */
export function shareRows(unit: UnitView, p: ElevatorPetition): ElevatorShareRowDto[] {
  const households = householdsOf(unit)
  const shares = allocateCost(p.budgetFen - p.subsidiesFen, households)
  const maintenance = allocateCost(p.yearlyMaintenanceFen, households)
  return unit.flats.map(({ room, record }) => ({
    householdId: room.id,
    roomName: room.name,
    floor: room.floor,
    area: record.area,
    coefficient: coefficientOf(room.floor),
    shareFen: shares[room.id],
    maintenanceShareFen: maintenance[room.id],
  }))
}

/** A stored log row as the hashed entry (`auditLog.AuditEntry`): no petition id, no empty photo ref. */
export function entryOf(row: ElevatorLogEntry): AuditEntry {
  const { id: _id, petitionId: _p, photoRef, ...rest } = row
  return photoRef == null ? rest : { ...rest, photoRef }
}

/**
 * Log entries of one petition for publication: who acted (no name for deleted accounts) and in what
 * role (from the entry's signature record; without one, a worker's entry is the worker's).
 */
export async function auditEntryDtos(
  tx: Tx,
  unit: UnitView,
  petitionId: string,
  rows: ElevatorLogEntry[],
): Promise<ElevatorAuditEntryDto[]> {
  const signatures = await tx.elevator.signaturesOf(
    petitionId,
    rows.map((e) => e.seq),
  )
  const sigs = new Map<number, ElevatorBallotSignature>(signatures.map((s) => [s.seq, s]))
  const users = new Map((await tx.core.usersByIds(rows.map((e) => e.actor))).map((u) => [u.id, u]))
  return rows.map((row) => ({
    ...entryOf(row),
    roomName: roomName(unit, row.householdId),
    actorName: nameOf(users.get(row.actor)),
    actorRole: sigs.get(row.seq)?.actorRole ?? (users.get(row.actor)?.role === 'worker' ? 'worker' : 'owner'),
  }))
}
