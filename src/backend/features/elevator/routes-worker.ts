/**
 * Elevator routes around the community worker and the publicity period: paper and door-to-door
 * ballots (always recorded as such, with who entered them and a photo of the signed form), real-name
 * written objections during the 10-day publicity (in the app by owners, or on paper recorded by a
 * worker), and the dispute steps after it (negotiation → mediation → community/street coordination →
 * resolved; Hangzhou Order No. 324). Workers act only in their own community.
 */
import type { ElevatorObjectionDto, ElevatorObjectionListDto } from '@/domain/elevator/contracts'
import { MEDIATION_STAGE_LABELS, MEDIATION_STAGES, VOTE_CHOICE_LABELS } from '@/domain/elevator/values'
import { conflict, photoBodyLimit } from '@/backend/core/http'
import { newId } from '@/backend/core/ids'
import { route, type Route, type RouteContext } from '@/backend/core/router'
import { requirePrivacy } from '@/backend/routes/me'
import {
  petitionAndUnit,
  requireHouseholdOwner,
  requireUnitHousehold,
  requireVotingOpen,
  requireWorkerOf,
  viewerOf,
} from './access'
import { CHANNEL_TEXT, earlierBallot, recordBallot } from './ballots'
import { flatOf, roomName, sameOwnerFlats, type UnitView } from './households'
import { petitionLink, settle } from './lifecycle'
import type { ElevatorObjection, ElevatorPetition } from './model'
import { mediationInput, objectionInput, paperBallotInput, paperObjectionInput } from './schemas'
import { nameOf, petitionDto } from './views'

/** `3月2日 10:00` of an ISO instant with +08:00. */
const shortTime = (iso: string) => `${Number(iso.slice(5, 7))}月${Number(iso.slice(8, 10))}日 ${iso.slice(11, 16)}`

/** Objections are accepted only while publicity runs (409 `NOT_IN_PUBLICITY` before, `PUBLICITY_CLOSED` after). */
function requirePublicityOpen(ctx: RouteContext, p: ElevatorPetition): void {
  if (!p.publicityEndsAt)
    throw conflict('NOT_IN_PUBLICITY', '现在不在公示期：只有表决通过后的 10 天公示期内可以提出书面异议')
  if (p.status !== 'publicity' || ctx.clock.now() >= Date.parse(p.publicityEndsAt)) {
    throw conflict('PUBLICITY_CLOSED', '公示期已经结束，不能再提出异议。如有争议，请联系社区协商调解。')
  }
}

/**
 * Saves a written objection for `householdId` (the caller holds the petition locked) and tells the
 * community's other workers. 409 `OBJECTION_EXISTS` when the household filed one already.
 */
async function saveObjection(
  ctx: RouteContext,
  p: ElevatorPetition,
  unit: UnitView,
  householdId: string,
  channel: ElevatorObjection['channel'],
  text: string,
  photo?: string,
): Promise<ElevatorObjection> {
  // One written objection per household: a second is refused, naming the first.
  const earlier = await ctx.tx.elevator.objectionOf(p.id, [householdId])
  if (earlier) {
    throw conflict(
      'OBJECTION_EXISTS',
      `${roomName(unit, householdId)} 已于 ${shortTime(earlier.filedAt)} 提出过书面异议，每户一份。如需补充，请联系社区工作人员在协商时一并记录。`,
    )
  }
  let photoId: string | undefined
  if (photo) {
    photoId = newId('img')
    await ctx.tx.core.images.put(photoId, photo)
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
  await ctx.tx.elevator.objections.insert(o)
  for (const w of await ctx.tx.core.workersOf(p.communityId)) {
    if (w.id === ctx.user.id) continue
    await ctx.notify(
      w.id,
      '收到加装电梯书面异议',
      `${unit.label} ${roomName(unit, householdId)} 业主在公示期内提出了实名书面异议，请查看并准备协商。`,
      petitionLink(p.id),
    )
  }
  return o
}

/** An objection for the wire; the objector's name only for workers and the objector. */
function objectionDto(
  ctx: RouteContext,
  unit: UnitView,
  o: ElevatorObjection,
  worker: boolean,
  myRooms: string[],
): ElevatorObjectionDto {
  const mine = o.filedBy === ctx.principal.id || myRooms.includes(o.householdId)
  return {
    id: o.id,
    roomName: roomName(unit, o.householdId),
    channel: o.channel,
    text: o.text,
    hasPhoto: !!o.photoId,
    filedAt: o.filedAt,
    objectorName: worker || mine ? nameOf(flatOf(unit, o.householdId)?.owner) : null,
    mine,
  }
}

/** Worker and publicity routes (see the file header). Each handler first applies the time-based rules (`settle`). */
export const workerRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/paper-ballots',
    bodyLimit: photoBodyLimit(1),
    access: 'worker',
    input: paperBallotInput,
    handler: async (ctx) => {
      await settle(ctx)
      // Locked: parallel ballots on one petition append one after the other (no forked chain).
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      requireWorkerOf(ctx, p)
      requireUnitHousehold(unit, ctx.body.householdId)
      requireVotingOpen(ctx, p)
      // A household that has voted (online, or on an earlier paper) is replaced only on purpose.
      const flats = sameOwnerFlats(unit, ctx.body.householdId)
      const earlier = await earlierBallot(ctx, p, flats)
      if (earlier && !ctx.body.replaceExisting) {
        // An owner of several flats votes once for all of them: name each (the replacement covers them all).
        throw conflict(
          'ALREADY_VOTED',
          `${flats.map((id) => roomName(unit, id)).join('、')} 已于 ${shortTime(earlier.at)} ${CHANNEL_TEXT[earlier.channel]}表决“${VOTE_CHOICE_LABELS[earlier.choice]}”。如业主本人签字要改为这张票，请在确认替换后再录入。`,
        )
      }
      const photoRef = newId('img')
      await ctx.tx.core.images.put(photoRef, ctx.body.photo)
      return recordBallot(ctx, p, unit, {
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
    bodyLimit: photoBodyLimit(1),
    access: 'user',
    input: objectionInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      requireHouseholdOwner(ctx, unit, ctx.body.householdId)
      requirePrivacy(ctx)
      requirePublicityOpen(ctx, p)
      const o = await saveObjection(ctx, p, unit, ctx.body.householdId, 'app', ctx.body.text, ctx.body.photo)
      return objectionDto(ctx, unit, o, false, [ctx.body.householdId])
    },
  }),
  route({
    method: 'GET',
    path: '/api/elevator/petitions/:id/objections',
    access: 'user',
    allowProxy: true,
    handler: async (ctx): Promise<ElevatorObjectionListDto> => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id)
      const viewer = viewerOf(ctx, p, unit)
      const all = await ctx.tx.elevator.objectionsOf(p.id)
      const items = all.map((o) => objectionDto(ctx, unit, o, viewer.role === 'worker', viewer.rooms))
      return { total: all.length, items: viewer.role === 'worker' ? items : items.filter((o) => o.mine) }
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/paper-objections',
    bodyLimit: photoBodyLimit(1),
    access: 'worker',
    input: paperObjectionInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      requireWorkerOf(ctx, p)
      requireUnitHousehold(unit, ctx.body.householdId)
      requirePublicityOpen(ctx, p)
      const o = await saveObjection(ctx, p, unit, ctx.body.householdId, 'paper', ctx.body.text, ctx.body.photo)
      return objectionDto(ctx, unit, o, true, [])
    },
  }),
  route({
    method: 'POST',
    path: '/api/elevator/worker/petitions/:id/mediation',
    access: 'worker',
    input: mediationInput,
    handler: async (ctx) => {
      await settle(ctx)
      const { p, unit } = await petitionAndUnit(ctx, ctx.params.id, true)
      requireWorkerOf(ctx, p)
      if (p.status !== 'mediation' || !p.mediationStage)
        throw conflict('NOT_IN_MEDIATION', '这份申请不在协商调解阶段（只有公示期收到书面异议后才进入）')
      if (MEDIATION_STAGES.indexOf(ctx.body.stage) <= MEDIATION_STAGES.indexOf(p.mediationStage)) {
        throw conflict('STAGE_NOT_FORWARD', `当前已是“${MEDIATION_STAGE_LABELS[p.mediationStage]}”阶段，只能向后推进`)
      }
      const { elevator } = ctx.tx
      const seq = (await elevator.mediationStepsOf(p.id)).length + 1
      const { stage, note } = ctx.body
      const step = { id: `${p.id}:${seq}`, petitionId: p.id, seq, stage, note, by: ctx.user.id, at: ctx.nowIso }
      await elevator.mediationSteps.insert(step)
      const resolved = stage === 'resolved' ? { status: 'concluded' as const } : {}
      const stored = await elevator.petitions.update(p.id, { mediationStage: stage, ...resolved })
      const told = new Set<string>([p.starterId])
      for (const o of await elevator.objectionsOf(p.id)) {
        const owner = flatOf(unit, o.householdId)?.owner
        if (owner) told.add(owner.id)
      }
      for (const id of told) {
        await ctx.notify(
          id,
          `加装电梯异议处理：${MEDIATION_STAGE_LABELS[ctx.body.stage]}`,
          `${unit.label}加装电梯异议处理进入“${MEDIATION_STAGE_LABELS[ctx.body.stage]}”：${ctx.body.note}`,
          petitionLink(p.id),
        )
      }
      return petitionDto(ctx.tx, stored, unit, { role: 'worker', user: ctx.user, rooms: [] }, ctx.clock.now())
    },
  }),
]
