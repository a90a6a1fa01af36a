/**
 * Recording a ballot in the append-only, hash-chained log (`auditLog.ts`), whatever the channel: the
 * owner in the app (or a confirmed family proxy), or a community worker entering a paper or
 * door-to-door ballot. Decision (SPC interpretation art. 9 counts an owner of several flats once, and
 * `tallyVotes` refuses different choices from one owner): a ballot for one flat is recorded, in the same
 * act and with the same signature, for every flat of the same owner in the unit, one log entry each.
 */
import { appendEntry, type AuditEntry, type BallotChannel, type SignatureKind } from '@/domain/auditLog'
import type { ElevatorBallotResultDto, ElevatorChoiceDto } from '@/domain/contracts/elevator'
import { formatDateTimeCn } from '@/domain/time'
import type { RouteContext } from '@/backend/core/router'
import { ownerOfRoom, roomName, sameOwnerFlats } from './households'
import { petitionLink } from './lifecycle'
import type { ElevatorBallotSignature, ElevatorPetition } from './model'
import { nameOf, shareRows } from './views'

/** Plain-Chinese choice, e.g. in messages. */
export const CHOICE_TEXT: Record<ElevatorChoiceDto, string> = { agree: '同意', oppose: '反对', abstain: '弃权' }
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

/** The latest log entry of a flat, if any. */
export function latestEntry(log: readonly AuditEntry[], householdId: string): AuditEntry | undefined {
  for (let i = log.length - 1; i >= 0; i--) if (log[i].householdId === householdId) return log[i]
  return undefined
}

/**
 * Appends the ballot for `draft.householdId` and the owner's other flats in the unit, by `ctx.user`,
 * at `ctx.nowIso`; tells the owner when someone else (proxy, worker) recorded it. The caller checks
 * rights and that voting is open. Returns the answer with each flat's share (fen) and the receipt
 * (the log's latest seq and hash). Throws `DomainError` from `appendEntry` (422) on malformed input.
 */
export function recordBallot(ctx: RouteContext, p: ElevatorPetition, draft: BallotDraft): ElevatorBallotResultDto {
  const data = ctx.db.data
  const flats = sameOwnerFlats(data, draft.householdId)
  const logs = ctx.db.write('elevatorAuditLogs')
  const signatures = ctx.db.write('elevatorSignatures')
  const log = logs[p.id] ?? (logs[p.id] = [])
  const changed = flats.some((f) => latestEntry(log, f) !== undefined)
  const shares = Object.fromEntries(shareRows(data, p).map((r) => [r.householdId, r.shareFen]))
  const households: ElevatorBallotResultDto['households'] = []
  for (const householdId of flats) {
    const next = appendEntry(log, {
      at: ctx.nowIso,
      householdId,
      actor: ctx.user.id,
      channel: draft.channel,
      choice: draft.choice,
      signatureKind: draft.signatureKind,
      ...(draft.photoRef ? { photoRef: draft.photoRef } : {}),
    })
    const entry = { ...next[next.length - 1] }
    log.push(entry)
    signatures[`${p.id}:${entry.seq}`] = {
      petitionId: p.id,
      seq: entry.seq,
      householdId,
      actorRole: draft.actorRole,
      ...(draft.signatureImageId ? { signatureImageId: draft.signatureImageId } : {}),
    }
    households.push({
      householdId,
      roomName: roomName(data, householdId),
      shareFen: shares[householdId],
      seq: entry.seq,
      hash: entry.hash,
    })
  }
  const last = log[log.length - 1]
  const rooms = households.map((h) => h.roomName).join('、')
  const owner = ownerOfRoom(data, draft.householdId)
  if (owner && owner.id !== ctx.user.id) {
    const by =
      draft.actorRole === 'worker' ? `社区工作人员${nameOf(ctx.user) ?? ''}` : `${nameOf(ctx.user) ?? ''}（代办）`
    const how = draft.channel === 'paper' ? '纸质表决票' : draft.channel === 'door' ? '上门表决票' : '表决票'
    ctx.notify(
      owner.id,
      '有人以您的名义录入了加装电梯表决票',
      `${by}于 ${formatDateTimeCn(ctx.nowIso)} 以您的名义为 ${rooms} 录入了${how}：${CHOICE_TEXT[draft.choice]}。如果这不是您的意愿，请在截止前在小程序中改票，或联系社区。`,
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
    receipt: { seq: last.seq, hash: last.hash },
    note:
      flats.length > 1
        ? `您名下本单元共 ${flats.length} 户（${rooms}），按一人一票的规定同时记录为“${CHOICE_TEXT[draft.choice]}”。截止前可以改票，以截止时最后一次为准。请保存回执。`
        : `已记录为“${CHOICE_TEXT[draft.choice]}”。截止前可以改票，以截止时最后一次为准。请保存回执。`,
  }
}
