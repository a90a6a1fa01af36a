/**
 * Recording a ballot in the append-only, hash-chained log (`auditLog.ts`), whatever the channel: the
 * owner in the app (or a confirmed family proxy), or a community worker entering a paper or
 * door-to-door ballot. Decision (SPC interpretation art. 9 counts an owner of several flats once, and
 * `tallyVotes` refuses different choices from one owner): a ballot for one flat is recorded, in the same
 * act and with the same signature, for every flat of the same owner in the unit, one log entry each.
 */
import { nextEntry, type AuditEntry, type BallotChannel, type SignatureKind } from '@/domain/elevator/auditLog'
import type { ElevatorBallotResultDto, ElevatorChoiceDto } from '@/domain/elevator/contracts'
import { VOTE_CHOICE_LABELS } from '@/domain/elevator/values'
import { formatDateTimeCn } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { flatOf, sameOwnerFlats, type UnitView } from './households'
import { petitionLink } from './lifecycle'
import type { ElevatorBallotSignature, ElevatorLogEntry, ElevatorPetition } from './model'
import { recordAppReach } from './reach'
import { entryKey } from './repository'
import { entryOf, nameOf, shareRows } from './views'

/** How a ballot was cast, in words. */
export const CHANNEL_TEXT: Record<AuditEntry['channel'], string> = { app: '线上', paper: '纸质', door: '上门' }

/** What to record: the flat the ballot is for, the choice, how it came and how it was signed. */
export interface BallotDraft {
  householdId: string
  choice: ElevatorChoiceDto
  channel: BallotChannel
  signatureKind: SignatureKind
  /** Image id of the photo of a paper form (paper / door; hashed into the entry). */
  photoRef?: string
  /** Image id of an in-app handwritten signature (kept beside the entry). */
  signatureImageId?: string
  actorRole: ElevatorBallotSignature['actorRole']
}

/** The current ballot (latest log entry) of the first of `flats` that has voted, if any. */
export async function earlierBallot(
  ctx: RouteContext,
  p: ElevatorPetition,
  flats: readonly string[],
): Promise<ElevatorLogEntry | undefined> {
  for (const f of flats) {
    const e = await ctx.tx.elevator.ballotOf(p.id, f)
    if (e) return e
  }
  return undefined
}

/**
 * Appends the ballot for `draft.householdId` and the owner's other flats in `unit` (the petition's), by
 * `ctx.user`, at `ctx.nowIso`; tells the owner when someone else (proxy, worker) recorded it. The caller
 * holds the petition row locked (`petitionOr404(…, true)`: no parallel ballot can fork the chain),
 * checks rights and that voting is open. Returns the answer with each flat's share (fen) and the
 * receipt (the log's latest seq and hash). Throws `DomainError` from `nextEntry` (422) on malformed input.
 */
export async function recordBallot(
  ctx: RouteContext,
  p: ElevatorPetition,
  unit: UnitView,
  draft: BallotDraft,
): Promise<ElevatorBallotResultDto> {
  const { elevator } = ctx.tx
  const flats = sameOwnerFlats(unit, draft.householdId)
  const changed = (await earlierBallot(ctx, p, flats)) !== undefined
  const shares = Object.fromEntries(shareRows(unit, p).map((r) => [r.householdId, r.shareFen]))
  const head = await elevator.lastEntryOf(p.id)
  let last: AuditEntry | undefined = head && entryOf(head)
  const households: ElevatorBallotResultDto['households'] = []
  for (const householdId of flats) {
    const entry = nextEntry(last, {
      at: ctx.nowIso,
      householdId,
      actor: ctx.user.id,
      channel: draft.channel,
      choice: draft.choice,
      signatureKind: draft.signatureKind,
      ...(draft.photoRef ? { photoRef: draft.photoRef } : {}),
    })
    const id = entryKey(p.id, entry.seq)
    await elevator.log.insert({ id, petitionId: p.id, ...entry })
    await elevator.signatures.insert({
      id,
      petitionId: p.id,
      seq: entry.seq,
      householdId,
      actorRole: draft.actorRole,
      ...(draft.signatureImageId ? { signatureImageId: draft.signatureImageId } : {}),
    })
    const roomName = flatOf(unit, householdId)!.room.name
    households.push({ householdId, roomName, shareFen: shares[householdId], seq: entry.seq, hash: entry.hash })
    last = entry
  }
  // An owner (or their confirmed proxy) voting in the app was told through the app (issue 28).
  if (draft.channel === 'app') await recordAppReach(ctx, p, flats)
  const rooms = households.map((h) => h.roomName).join('、')
  const owner = flatOf(unit, draft.householdId)!.owner
  // The receipt kept in the owner's messages too (issue 28), so it survives a phone change. The check
  // code in groups of 8, so no run of digits in it reads as an ID number to be masked.
  if (owner) {
    const codes = households
      .map((h) => `${h.roomName} 第 ${h.seq} 条，校验码 ${h.hash.match(/.{8}/g)!.join(' ')}`)
      .join('；')
    await ctx.notify(
      owner.id,
      '加装电梯表决回执',
      `${unit.label}：${formatDateTimeCn(ctx.nowIso)} 记录了“${VOTE_CHOICE_LABELS[draft.choice]}”（${CHANNEL_TEXT[draft.channel]}）。回执：${codes}。请保留本消息，换手机后可在“表决记录”页逐条对照核验。`,
      petitionLink(p.id),
    )
  }
  if (owner && owner.id !== ctx.user.id) {
    const by =
      draft.actorRole === 'worker' ? `社区工作人员${nameOf(ctx.user) ?? ''}` : `${nameOf(ctx.user) ?? ''}（代办）`
    const how = draft.channel === 'paper' ? '纸质表决票' : draft.channel === 'door' ? '上门表决票' : '表决票'
    await ctx.notify(
      owner.id,
      '有人以您的名义录入了加装电梯表决票',
      `${by}于 ${formatDateTimeCn(ctx.nowIso)} 以您的名义为 ${rooms} 录入了${how}：${VOTE_CHOICE_LABELS[draft.choice]}。如果这不是您的意愿，请在截止前在小程序中改票，或联系社区。`,
      petitionLink(p.id),
    )
  }
  return {
    petitionId: p.id,
    choice: draft.choice,
    signedAt: ctx.nowIso,
    channel: draft.channel,
    signatureKind: draft.signatureKind,
    changed,
    households,
    receipt: { seq: last!.seq, hash: last!.hash },
    note:
      flats.length > 1
        ? `您名下本单元共 ${flats.length} 户（${rooms}），按一人一票的规定同时记录为“${VOTE_CHOICE_LABELS[draft.choice]}”。截止前可以改票，以截止时最后一次为准。请保存回执。`
        : `已记录为“${VOTE_CHOICE_LABELS[draft.choice]}”。截止前可以改票，以截止时最后一次为准。请保存回执。`,
  }
}
