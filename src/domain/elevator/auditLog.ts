/**
 * Append-only, hash-chained log of elevator-retrofit ballot events (domain note §3, PRODUCT): a ballot
 * cast in the app, changed before the deadline, or entered from paper or at the door by a community
 * worker (always recorded with who entered it). Each entry's hash covers its content and the previous
 * entry's hash, so an edit, a deletion or a reordering breaks the chain. A "cast" is a household's
 * first entry and a "change" any later one.
 *
 * Canonical serialization (version 1), hashed with `sha256Hex` (one part, UTF-8):
 *   JSON.stringify of an object with exactly these keys in this order:
 *   {"v":1,"seq":…,"at":…,"householdId":…,"actor":…,"channel":…,"choice":…,"signatureKind":…,
 *    "photoRef":…|null,"prevHash":…}
 *   (no whitespace; `photoRef` is `null` when absent; `at` exactly as stored). The first entry's
 *   `prevHash` is 64 zeros (`GENESIS_HASH`). Anyone can recompute the chain from the published log.
 */
import { DomainError } from '../shared/errors'
import { sha256Hex } from '../shared/hash'
import type { Ballot } from './rules'

import { BALLOT_CHANNELS, SIGNATURE_KINDS, VOTE_CHOICES, type BallotChannel, type SignatureKind } from './values'

export type { BallotChannel, SignatureKind }

/**
 * One log entry. `seq`: 1, 2, 3… in log order; `at`: ISO instant with offset, Beijing time by
 * convention (`2026-03-01T09:30:00+08:00`), non-decreasing along the log; `actor`: user id of who
 * recorded it (the owner, a proxy or a worker); `photoRef`: optional reference to a photo of the paper
 * ballot; `prevHash`, `hash`: lower-case hex SHA-256 (see the canonical serialization above).
 */
export type AuditEntry = {
  seq: number
  at: string
  householdId: string
  actor: string
  channel: BallotChannel
  choice: Ballot['choice']
  signatureKind: SignatureKind
  photoRef?: string
  prevHash: string
  hash: string
}

/** An entry before it is appended: `seq` is optional (checked when given), hashes are computed. */
export type AuditEntryDraft = Omit<AuditEntry, 'seq' | 'prevHash' | 'hash'> & { seq?: number }

/** A receipt handed to the voter: the seq and hash of their entry, to prove it later. */
export type AuditReceipt = { seq: number; hash: string }

/** Result of `verifyChain`: `brokenAt` is the first seq at which the log stops matching. */
export type ChainCheck =
  { ok: true } | { ok: false; brokenAt: number; reason: 'edited' | 'deleted' | 'reordered' | 'receipt-mismatch' }

/** The `prevHash` of the first entry: 64 zeros. */
export const GENESIS_HASH = '0'.repeat(64)

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

function instantMs(at: string, label: string): number {
  const ms = typeof at === 'string' && INSTANT.test(at) ? Date.parse(at) : NaN
  if (Number.isNaN(ms))
    throw new DomainError('INVALID_DATE', `${label}必须是带时区的时间，如 2026-03-01T09:30:00+08:00：${String(at)}`)
  return ms
}

/** The canonical serialization (version 1) of an entry without its own hash; see the file header. */
export function canonicalEntry(entry: Omit<AuditEntry, 'hash'>): string {
  return JSON.stringify({
    v: 1,
    seq: entry.seq,
    at: entry.at,
    householdId: entry.householdId,
    actor: entry.actor,
    channel: entry.channel,
    choice: entry.choice,
    signatureKind: entry.signatureKind,
    photoRef: entry.photoRef ?? null,
    prevHash: entry.prevHash,
  })
}

/** The hash an entry must carry: `sha256Hex(canonicalEntry(entry))`, lower-case hex. */
export function entryHash(entry: Omit<AuditEntry, 'hash'>): string {
  return sha256Hex(canonicalEntry(entry))
}

function oneOf(value: unknown, allowed: readonly string[], label: string): void {
  if (typeof value !== 'string' || !allowed.includes(value))
    throw new DomainError('INVALID_ENTRY', `${label}无效：${String(value)}`)
}

/**
 * The entry that follows `last` (the log's latest entry, `undefined` for an empty log), frozen: what
 * `appendEntry` adds, for a caller that holds only the head of a long log (the backend reads the last
 * row, not the whole log). Same checks and errors as `appendEntry`.
 */
export function nextEntry(last: AuditEntry | undefined, draft: AuditEntryDraft): AuditEntry {
  const seq = last ? last.seq + 1 : 1
  if (draft.seq !== undefined && draft.seq !== seq)
    throw new DomainError('INVALID_ENTRY', `序号应为 ${seq}，而不是 ${draft.seq}`)
  if (typeof draft.householdId !== 'string' || draft.householdId === '')
    throw new DomainError('INVALID_ENTRY', '住户编号为空')
  if (typeof draft.actor !== 'string' || draft.actor === '') throw new DomainError('INVALID_ENTRY', '录入人为空')
  oneOf(draft.channel, BALLOT_CHANNELS, '表决渠道')
  oneOf(draft.choice, VOTE_CHOICES, '表决意见')
  oneOf(draft.signatureKind, SIGNATURE_KINDS, '签名方式')
  if (draft.photoRef !== undefined && (typeof draft.photoRef !== 'string' || draft.photoRef === '')) {
    throw new DomainError('INVALID_ENTRY', '照片编号为空')
  }
  const at = instantMs(draft.at, '表决时间')
  if (last && at < instantMs(last.at, '上一条记录的时间'))
    throw new DomainError('OUT_OF_ORDER', `表决时间早于上一条记录：${draft.at}`)

  const body: Omit<AuditEntry, 'hash'> = {
    seq,
    at: draft.at,
    householdId: draft.householdId,
    actor: draft.actor,
    channel: draft.channel,
    choice: draft.choice,
    signatureKind: draft.signatureKind,
    ...(draft.photoRef !== undefined ? { photoRef: draft.photoRef } : {}),
    prevHash: last ? last.hash : GENESIS_HASH,
  }
  return Object.freeze({ ...body, hash: entryHash(body) })
}

/**
 * Appends a ballot event and returns a NEW log (the input is not changed; entries are frozen).
 * Throws DomainError `INVALID_ENTRY` (empty household or actor, unknown channel / choice / signature
 * kind, empty photo ref, or a `seq` that is not the next one), `INVALID_DATE` (`at` not an ISO instant
 * with offset) or `OUT_OF_ORDER` (`at` earlier than the last entry's: entries are recorded when they
 * happen, never backdated).
 */
export function appendEntry(log: readonly AuditEntry[], draft: AuditEntryDraft): AuditEntry[] {
  return [...log, nextEntry(log.length > 0 ? log[log.length - 1] : undefined, draft)]
}

/**
 * Checks the chain, and optionally the receipts voters kept. Returns `{ ok: true }` or the first break:
 * - `edited`: an entry's content no longer matches its hash, or (re-hashed) no longer matches the next
 *   entry's `prevHash`; `brokenAt` is the edited entry's seq;
 * - `deleted`: a seq is missing (including the first); `brokenAt` is the missing seq. Deleting the last
 *   entry is only visible through a receipt for it;
 * - `reordered`: entries out of seq order (the expected seq appears later, or a seq goes back);
 *   `brokenAt` is the seq expected at that place;
 * - `receipt-mismatch`: a receipt's hash differs from the entry with its seq (e.g. the log was rebuilt
 *   and re-hashed from an edit onwards). A receipt beyond the end reports `deleted`.
 * A log rewritten and re-hashed from the start is only caught by receipts: publish them or the head hash.
 */
export function verifyChain(log: readonly AuditEntry[], receipts: readonly AuditReceipt[] = []): ChainCheck {
  for (let i = 0; i < log.length; i++) {
    const entry = log[i]
    const expected = i === 0 ? 1 : log[i - 1].seq + 1
    if (entry.seq !== expected) {
      const later = log.slice(i + 1).some((e) => e.seq === expected)
      if (!later && entry.seq > expected) return { ok: false, brokenAt: expected, reason: 'deleted' }
      return { ok: false, brokenAt: expected, reason: 'reordered' }
    }
    if (entryHash(entry) !== entry.hash) return { ok: false, brokenAt: entry.seq, reason: 'edited' }
    if (entry.prevHash !== (i === 0 ? GENESIS_HASH : log[i - 1].hash)) {
      return { ok: false, brokenAt: i === 0 ? entry.seq : log[i - 1].seq, reason: 'edited' }
    }
  }
  const lastSeq = log.length > 0 ? log[log.length - 1].seq : 0
  for (const receipt of [...receipts].sort((x, y) => x.seq - y.seq)) {
    if (receipt.seq > lastSeq) return { ok: false, brokenAt: lastSeq + 1, reason: 'deleted' }
    const entry = log[receipt.seq - 1]
    if (!entry || entry.hash !== receipt.hash) return { ok: false, brokenAt: receipt.seq, reason: 'receipt-mismatch' }
  }
  return { ok: true }
}

/**
 * The final ballot per household (domain note §3): the latest entry at or before `deadline` (an ISO
 * instant with offset, Beijing time by convention), whatever the channel; entries after it are ignored.
 * Sorted by household id. Throws DomainError `TAMPERED_LOG` when `verifyChain` fails (no ballots are
 * counted from a broken log) and `INVALID_DATE` for a malformed deadline.
 */
export function finalBallots(log: readonly AuditEntry[], deadline: string): Ballot[] {
  const cutoff = instantMs(deadline, '截止时间')
  const check = verifyChain(log)
  if (!check.ok) throw new DomainError('TAMPERED_LOG', `表决记录在第 ${check.brokenAt} 条处不完整或被改动`)
  const latest = new Map<string, Ballot['choice']>()
  for (const entry of log) {
    if (instantMs(entry.at, '表决时间') <= cutoff) latest.set(entry.householdId, entry.choice)
  }
  return [...latest.keys()]
    .sort((x, y) => (x < y ? -1 : x > y ? 1 : 0))
    .map((householdId) => ({ householdId, choice: latest.get(householdId)! }))
}
