/**
 * Elevator routes around the community worker and the publicity period: paper and door-to-door
 * ballots (always recorded as such, with who entered them and a photo of the signed form), real-name
 * written objections during the 10-day publicity (in the app by owners, or on paper recorded by a
 * worker), and the dispute steps after it (negotiation → mediation → community/street coordination →
 * resolved; Hangzhou Order No. 324). Workers act only in their own community.
 */
import type {
  ElevatorMediationStageDto,
  ElevatorObjectionDto,
  ElevatorObjectionListDto,
} from '@/domain/contracts/elevator'
import { conflict } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import {
  petitionOr404,
  requireHouseholdOwner,
  requireUnitHousehold,
  requireVotingOpen,
  requireWorkerOf,
  viewerOf,
} from './access'
import { CHANNEL_TEXT, CHOICE_TEXT, latestEntry, recordBallot } from './ballots'
import { ownerOfRoom, roomName, sameOwnerFlats, unitLabel } from './households'
import { petitionLink, settle } from './lifecycle'
import type { ElevatorObjection, ElevatorPetition } from './model'
import { mediationInput, objectionInput, paperBallotInput, paperObjectionInput } from './schemas'
import { nameOf, petitionDto, STAGE_TEXT } from './views'

const STAGES: ElevatorMediationStageDto[] = ['negotiation', 'mediation', 'coordination', 'resolved']

/** Objections are accepted only while publicity runs (409 `NOT_IN_PUBLICITY` before, `PUBLICITY_CLOSED` after). */
function requirePublicityOpen(ctx: RouteContext, p: ElevatorPetition): void {
  if (!p.publicity) throw conflict('NOT_IN_PUBLICITY', '现在不在公示期：只有表决通过后的 10 天公示期内可以提出书面异议')
  if (p.status !== 'publicity' || ctx.clock.now() >= Date.parse(p.publicity.endsAt)) {
    throw conflict('PUBLICITY_CLOSED', '公示期已经结束，不能再提出异议。如有争议，请联系社区协商调解。')
  }
}

function saveObjection(
  ctx: RouteContext,
  p: ElevatorPetition,
  householdId: string,
  channel: ElevatorObjection['channel'],
  text: string,
  photo?: string,
): ElevatorObjection {
  // One written objection per household: a second is refused, naming the first.
  const earlier = Object.values(ctx.db.data.elevatorObjections).find(
    (o) => o.petitionId === p.id && o.householdId === householdId,
  )
  if (earlier) {
    const at = `${Number(earlier.filedAt.slice(5, 7))}月${Number(earlier.filedAt.slice(8, 10))}日 ${earlier.filedAt.slice(11, 16)}`
    throw conflict(
      'OBJECTION_EXISTS',
      `${roomName(ctx.db.data, householdId)} 已于 ${at} 提出过书面异议，每户一份。如需补充，请联系社区工作人员在协商时一并记录。`,
    )
  }
  let photoId: string | undefined
  if (photo) {
    photoId = newId('img')
    ctx.db.putImage(photoId, photo)
  }
  const o: ElevatorObjection = {
    id: newId('eo'),
    petitionId: p.id,
    householdId,
    filedBy: ctx.user.id,
    channel,
    text,
    filedAt: ctx.nowIso,
    ...(photoId ? { photoId } : {}),
  }
  ctx.db.write('elevatorObjections')[o.id] = o
  for (const w of Object.values(ctx.db.data.users)) {
    if (w.role === 'worker' && !w.deletedAt && w.communityId === p.communityId && w.id !== ctx.user.id) {
      ctx.notify(
        w.id,
        '收到加装电梯书面异议',
        `${unitLabel(ctx.db.data, p.unitId)} ${roomName(ctx.db.data, householdId)} 业主在公示期内提出了实名书面异议，请查看并准备协商。`,
        petitionLink(p.id),
      )
    }
  }
  return o
}

function objectionDto(
  ctx: RouteContext,
  o: ElevatorObjection,
  worker: boolean,
  myRooms: string[],
): ElevatorObjectionDto {
  const mine = o.filedBy === ctx.principal.id || myRooms.includes(o.householdId)
  return {
    id: o.id,
    roomName: roomName(ctx.db.data, o.householdId),
    channel: o.channel,
    text: o.text,
    hasPhoto: !!o.photoId,
    filedAt: o.filedAt,
    objectorName: worker || mine ? nameOf(ownerOfRoom(ctx.db.data, o.householdId)) : null,
    mine,
  }
}

/** Worker and publicity routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const workerRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/paper-ballots',
    access: 'worker',
    input: paperBallotInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      requireWorkerOf(ctx, p)
      requireUnitHousehold(ctx, p, ctx.body.householdId)
      requireVotingOpen(ctx, p)
      // A household that has voted (online, or on an earlier paper) is replaced only on purpose.
      const earlier = sameOwnerFlats(ctx.db.data, ctx.body.householdId)
        .map((f) => latestEntry(ctx.db.data.elevatorAuditLogs[p.id] ?? [], f))
        .find((e) => e !== undefined)
      if (earlier && !ctx.body.replaceExisting) {
        throw conflict(
          'ALREADY_VOTED',
          `${roomName(ctx.db.data, earlier.householdId)} 已于 ${Number(earlier.at.slice(5, 7))}月${Number(earlier.at.slice(8, 10))}日 ${earlier.at.slice(11, 16)} ${CHANNEL_TEXT[earlier.channel]}表决“${CHOICE_TEXT[earlier.choice]}”。如业主本人签字要改为这张票，请在确认替换后再录入。`,
        )
      }
      const photoRef = newId('img')
      ctx.db.putImage(photoRef, ctx.body.photo)
      return recordBallot(ctx, p, {
        householdId: ctx.body.householdId,
        choice: ctx.body.choice,
        channel: ctx.body.channel,
        signatureKind: 'handwritten',
        photoRef,
        actorRole: 'worker',
      })
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/petitions/:id/objections',
    access: 'user',
    input: objectionInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      requireHouseholdOwner(ctx, p, ctx.body.householdId)
      requirePrivacy(ctx)
      requirePublicityOpen(ctx, p)
      const o = saveObjection(ctx, p, ctx.body.householdId, 'app', ctx.body.text, ctx.body.photo)
      return objectionDto(ctx, o, false, [ctx.body.householdId])
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/objections',
    access: 'user',
    allowProxy: true,
    handler: (ctx): ElevatorObjectionListDto => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p)
      const all = Object.values(ctx.db.data.elevatorObjections)
        .filter((o) => o.petitionId === p.id)
        .sort((a, b) => a.filedAt.localeCompare(b.filedAt))
      const items = all.map((o) => objectionDto(ctx, o, viewer.role === 'worker', viewer.rooms))
      return { total: all.length, items: viewer.role === 'worker' ? items : items.filter((o) => o.mine) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/paper-objections',
    access: 'worker',
    input: paperObjectionInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      requireWorkerOf(ctx, p)
      requireUnitHousehold(ctx, p, ctx.body.householdId)
      requirePublicityOpen(ctx, p)
      const o = saveObjection(ctx, p, ctx.body.householdId, 'paper', ctx.body.text, ctx.body.photo)
      return objectionDto(ctx, o, true, [])
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/mediation',
    access: 'worker',
    input: mediationInput,
    handler: (ctx) => {
      settle(ctx)
      const p = petitionOr404(ctx, ctx.params.id)
      requireWorkerOf(ctx, p)
      if (p.status !== 'mediation' || !p.mediation)
        throw conflict('NOT_IN_MEDIATION', '这份申请不在协商调解阶段（只有公示期收到书面异议后才进入）')
      if (STAGES.indexOf(ctx.body.stage) <= STAGES.indexOf(p.mediation.stage)) {
        throw conflict('STAGE_NOT_FORWARD', `当前已是“${STAGE_TEXT[p.mediation.stage]}”阶段，只能向后推进`)
      }
      const stored = ctx.db.write('elevatorPetitions')[p.id]
      stored.mediation!.stage = ctx.body.stage
      stored.mediation!.steps.push({ stage: ctx.body.stage, note: ctx.body.note, by: ctx.user.id, at: ctx.nowIso })
      if (ctx.body.stage === 'resolved') stored.status = 'concluded'
      const told = new Set<string>([p.starterId])
      for (const o of Object.values(ctx.db.data.elevatorObjections)) {
        const owner = o.petitionId === p.id ? ownerOfRoom(ctx.db.data, o.householdId) : undefined
        if (owner) told.add(owner.id)
      }
      for (const id of told) {
        ctx.notify(
          id,
          `加装电梯异议处理：${STAGE_TEXT[ctx.body.stage]}`,
          `${unitLabel(ctx.db.data, p.unitId)}加装电梯异议处理进入“${STAGE_TEXT[ctx.body.stage]}”：${ctx.body.note}`,
          petitionLink(p.id),
        )
      }
      return petitionDto(ctx.db.data, stored, { role: 'worker', user: ctx.user, rooms: [] }, ctx.clock.now())
    },
  }),
]
