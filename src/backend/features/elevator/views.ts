/**
 * Stored elevator records → wire shapes (`src/domain/contracts/elevator.ts`). Names of other owners
 * are not shown to owners (flats are), except the retrofit group's and in the audit log; deleted
 * accounts show no name (`null`).
 */
import { allocateCost } from '@/domain/elevator'
import type { AuditEntry } from '@/domain/auditLog'
import { beijingDate } from '@/domain/time'
import type {
  ElevatorAuditEntryDto,
  ElevatorCompensationDto,
  ElevatorMediationStageDto,
  ElevatorPetitionDto,
  ElevatorPetitionStatusDto,
  ElevatorPlanDto,
  ElevatorShareRowDto,
} from '@/domain/contracts/elevator'
import type { Collections, User } from '@/backend/model'
import type { Viewer } from './access'
import { coefficientOf, householdsOf, roomName, unitLabel, unitRooms } from './households'
import { resultSummary } from './lifecycle'
import type { ElevatorPetition } from './model'

const STATUS_TEXT: Record<ElevatorPetitionStatusDto, string> = {
  forming: '等待联合发起人确认',
  voting: '表决进行中',
  publicity: '表决通过，公示中',
  mediation: '公示期有异议，协商调解中',
  concluded: '已办结',
  rejected: '表决未通过',
  cancelled: '已取消（联合发起人未同意）',
  lapsed: '已失效（截止前未完成发起确认）',
}

/** Plain-Chinese names of the dispute stages (Hangzhou Order No. 324). */
export const STAGE_TEXT: Record<ElevatorMediationStageDto, string> = {
  negotiation: '协商',
  mediation: '调解',
  coordination: '社区、街道协调',
  resolved: '已解决',
}

/** A person's name for the wire: `null` for deleted or unknown accounts (their records stay, without the name). */
export function nameOf(u: User | undefined): string | null {
  return !u || u.deletedAt ? null : (u.realName?.name ?? u.nickname)
}

/** The plan with its net cost (fen). */
export function planDto(p: ElevatorPetition): ElevatorPlanDto {
  return { ...p.plan, netCostFen: p.plan.budgetFen - p.plan.subsidiesFen }
}

/** The compensation line for low floors, if recorded (shown beside the cost table, not part of the shares). */
export function compensationDto(data: Collections, p: ElevatorPetition): ElevatorCompensationDto | null {
  const c = p.compensation
  return c
    ? {
        amountFen: c.amountFen,
        text: c.text,
        recordedByName: nameOf(data.users[c.recordedBy]),
        recordedAt: c.recordedAt,
      }
    : null
}

/** A petition for an owner or worker viewer; `nowMs` decides what is open now. */
export function petitionDto(
  data: Collections,
  p: ElevatorPetition,
  viewer: Viewer,
  nowMs: number,
): ElevatorPetitionDto {
  const objections = Object.values(data.elevatorObjections).filter((o) => o.petitionId === p.id).length
  const publicityOpen = p.status === 'publicity' && !!p.publicity && nowMs < Date.parse(p.publicity.endsAt)
  const isOwner = viewer.role === 'owner'
  return {
    id: p.id,
    unitId: p.unitId,
    unitLabel: unitLabel(data, p.unitId),
    status: p.status,
    statusText: STATUS_TEXT[p.status],
    starter: { name: nameOf(data.users[p.starterId]), roomName: roomName(data, p.starterRoomId) },
    coInitiators: p.coInitiators.map((c) => ({
      roomName: roomName(data, c.roomId),
      name: nameOf(data.users[c.userId]),
      status: c.confirmedAt ? 'confirmed' : c.declinedAt ? 'declined' : 'pending',
    })),
    plan: planDto(p),
    votingDeadline: p.votingDeadline,
    createdAt: p.createdAt,
    openedAt: p.openedAt ?? null,
    result: p.result
      ? { ...p.result, publishedDate: beijingDate(p.result.publishedAt), summary: resultSummary(p.result) }
      : null,
    publicity: p.publicity ? { ...p.publicity, open: publicityOpen, objections } : null,
    mediation: p.mediation
      ? {
          stage: p.mediation.stage,
          stageText: STAGE_TEXT[p.mediation.stage],
          steps: p.mediation.steps.map((s) => ({
            ...s,
            stageText: STAGE_TEXT[s.stage],
            byName: s.by === 'system' ? '系统' : (nameOf(data.users[s.by]) ?? '已注销用户'),
          })),
        }
      : null,
    compensation: compensationDto(data, p),
    viewer: {
      role: viewer.role,
      isStarter: viewer.user.id === p.starterId,
      mustConfirm:
        p.status === 'forming' &&
        p.coInitiators.some((c) => c.userId === viewer.user.id && !c.confirmedAt && !c.declinedAt),
      canVote: isOwner && p.status === 'voting' && nowMs <= Date.parse(p.votingDeadline),
      // One written objection per household: not again once one of the viewer's flats has filed one.
      canObject:
        isOwner &&
        publicityOpen &&
        !Object.values(data.elevatorObjections).some(
          (o) => o.petitionId === p.id && viewer.rooms.includes(o.householdId),
        ),
    },
  }
}

/**
 * Every flat's share of the net cost and of yearly maintenance (fen), by `allocateCost` (share ∝ floor
 * coefficient × area; largest remainder, sums exact). Sorted by room id.
 */
export function shareRows(data: Collections, p: ElevatorPetition): ElevatorShareRowDto[] {
  const households = householdsOf(data, p.unitId)
  const shares = allocateCost(p.plan.budgetFen - p.plan.subsidiesFen, households)
  const maintenance = allocateCost(p.plan.yearlyMaintenanceFen, households)
  return unitRooms(data, p.unitId).map((r) => ({
    householdId: r.id,
    roomName: r.name,
    floor: r.floor,
    area: data.propertyRegister[r.id].area,
    coefficient: coefficientOf(r.floor),
    shareFen: shares[r.id],
    maintenanceShareFen: maintenance[r.id],
  }))
}

/** One audit-log entry of petition `petitionId` for publication: who acted (no name for deleted accounts) and in what role. */
export function auditEntryDto(data: Collections, petitionId: string, e: AuditEntry): ElevatorAuditEntryDto {
  const sig = data.elevatorSignatures[`${petitionId}:${e.seq}`]
  return {
    ...e,
    roomName: roomName(data, e.householdId),
    actorName: nameOf(data.users[e.actor]),
    actorRole: sig?.actorRole ?? (data.users[e.actor]?.role === 'worker' ? 'worker' : 'owner'),
  }
}
