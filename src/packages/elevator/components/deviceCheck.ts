/**
 * Checking the ballot chain on the phone itself (issue 28): the app fetches every published log entry
 * and re-hashes each link with the domain's own `verifyChain` — the very code the backend counts with —
 * instead of trusting the server's "核验通过". A rewritten log is caught by the receipts this device
 * (or the person's messages) holds and by the head hash the server states.
 */
import { listElevatorAuditLog } from '@/api/endpoints/elevator'
import { verifyChain, type AuditEntry, type AuditReceipt, type ChainCheck } from '@/domain/elevator/auditLog'
import type { ElevatorAuditEntryDto } from '@/domain/elevator/contracts'

/** Entries fetched per request, and the most requests one check makes (100 × 100 = 10,000 entries). */
const PAGE = 100
const MAX_PAGES = 100

/** The published entry as it was hashed: the display fields (room, name, role) left out. */
function hashedEntry(e: ElevatorAuditEntryDto): AuditEntry {
  const { roomName: _r, actorName: _n, actorRole: _a, photoRef, ...rest } = e
  return photoRef == null ? rest : { ...rest, photoRef }
}

/** What the phone found: the chain check, how many entries it re-hashed, and whether the server's head matched. */
export interface DeviceCheck {
  check: ChainCheck
  entries: number
  headMatches: boolean
}

/** Fetches the whole log of petition `id` and checks it here against `receipts`. Throws `ApiError` on failure. */
export async function checkOnDevice(id: string, receipts: readonly AuditReceipt[]): Promise<DeviceCheck> {
  const log: AuditEntry[] = []
  let cursor: string | undefined
  let head: AuditReceipt | null = null
  for (let i = 0; i < MAX_PAGES; i++) {
    const page = await listElevatorAuditLog(id, cursor, PAGE)
    log.push(...page.items.map(hashedEntry))
    head = page.head
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  const last = log[log.length - 1]
  const headMatches = head ? !!last && last.seq === head.seq && last.hash === head.hash : log.length === 0
  return { check: verifyChain(log, receipts), entries: log.length, headMatches }
}

/** Why a link failed, in words. */
export const BROKEN_WHY: Record<Exclude<ChainCheck, { ok: true }>['reason'], string> = {
  edited: '内容被改动（重新计算的校验码对不上）',
  deleted: '记录缺失',
  reordered: '顺序被打乱',
  'receipt-mismatch': '与您保存的回执不一致',
}
