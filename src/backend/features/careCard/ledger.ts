/**
 * The card's ledger in storage: lazy monthly issuance and year-end lapse (domain.md §1 PRODUCT credit:
 * issued on the 1st of each month from the activation month, lapses at the end of 31 December), and the
 * card home (balances in fen, payment code). All ledger arithmetic is `domain/careLedger.ts`.
 */
import { assessCareCardEligibility } from '@/domain/careCard'
import {
  issueDue,
  lapseDue,
  spendableFen,
  summarize,
  yearSummary,
  type CareEntry,
  type CareLedger,
} from '@/domain/careLedger'
import { ledgerDate } from '@/domain/careLedgerReplay'
import type { CareCardHomeDto, CareLedgerEntryDto } from '@/domain/contracts/careCard'
import { sha256Hex } from '@/domain/hash'
import { beijingDate, beijingIso } from '@/domain/time'
import type { RouteContext } from '@/backend/core/router'
import { displayName } from '@/backend/routes/views'
import type { CareCardRecord } from './model'

/** Payment codes rotate every 5 minutes. */
export const CODE_WINDOW_MS = 5 * 60_000

/** The person's card (at most one per person), or undefined. */
export function cardOf(ctx: RouteContext, holderId: string): CareCardRecord | undefined {
  return Object.values(ctx.db.data.careCards).find((c) => c.holderId === holderId)
}

/** A card's ledger entries (append order). */
export function entriesOf(ctx: RouteContext, cardId: string): CareLedger {
  return ctx.db.data.careLedgers[cardId] ?? []
}

/** Replaces a card's ledger with `entries` (as plain copies) through the transaction. */
export function saveLedger(ctx: RouteContext, cardId: string, entries: CareLedger): void {
  ctx.db.write('careLedgers')[cardId] = entries.map((e) => ({ ...e }))
}

/**
 * Lazy credit: issues every month due up to now (mock time) and lapses ended years, for `holderId`'s
 * card; writes only when something was added. No card, or not active yet: nothing happens.
 * @throws DomainError from the ledger functions (an inconsistent stored ledger)
 */
export function refreshCard(ctx: RouteContext, holderId: string): void {
  const card = cardOf(ctx, holderId)
  if (!card) return
  const before = entriesOf(ctx, card.id)
  const input = { activeFrom: card.activeFrom, birthDate: card.birthDate, groups: card.groups }
  // In time order: months of ended years (up to 31 Dec), their lapse, then this year's months.
  const lastYearEnd = `${Number(beijingDate(ctx.nowIso).slice(0, 4)) - 1}-12-31`
  let after = card.activeFrom <= lastYearEnd ? issueDue(before, { ...input, asOf: lastYearEnd }) : before
  after = lapseDue(after, ctx.nowIso)
  after = issueDue(after, { ...input, asOf: ctx.nowIso })
  if (after.length !== before.length) saveLedger(ctx, card.id, after)
}

const SIGN: Record<CareEntry['kind'], number> = { issue: 1, hold: -1, release: 1, charge: 0, refund: 1, lapse: -1 }

/** A ledger entry on the wire; `signedFen` is its effect on the spendable balance. */
export function ledgerEntryDto(e: CareEntry): CareLedgerEntryDto {
  return {
    id: e.id,
    kind: e.kind,
    amountFen: e.amountFen,
    signedFen: SIGN[e.kind] * e.amountFen,
    at: e.at,
    year: e.year,
    orderId: e.orderId,
    month: e.month,
    note: e.note,
  }
}

/** The rotating payment-code payload `MCCARD:<cardId>:<8 hex>` valid for the current 5-minute window. */
export function paymentCode(card: CareCardRecord, nowMs: number): { payload: string; expiresAt: string } {
  const window = Math.floor(nowMs / CODE_WINDOW_MS)
  const token = sha256Hex(card.codeSecret, card.id, String(window)).slice(0, 8)
  return { payload: `MCCARD:${card.id}:${token}`, expiresAt: beijingIso((window + 1) * CODE_WINDOW_MS) }
}

/**
 * The card home for the card's holder: spendable balance (this credit year), held amount, this month's
 * issued and spent (charges − refunds) fen, the year's totals and lapse date, the payment code (once
 * active) and ledger page `q` (newest first).
 */
export function cardHome(
  ctx: RouteContext,
  card: CareCardRecord,
  q: { cursor?: string; limit?: string },
): CareCardHomeDto {
  const entries = entriesOf(ctx, card.id)
  const today = beijingDate(ctx.nowIso)
  const month = today.slice(0, 7)
  const year = Number(today.slice(0, 4))
  const ys = yearSummary(entries, year)
  const inMonth = (e: CareEntry) => ledgerDate(e.at).slice(0, 7) === month
  const spent = entries
    .filter(inMonth)
    .reduce((s, e) => s + (e.kind === 'charge' ? e.amountFen : e.kind === 'refund' ? -e.amountFen : 0), 0)
  const active = card.activeFrom <= today
  const next = assessCareCardEligibility({ birthDate: card.birthDate, groups: card.groups }, today)
  const newestFirst = [...entries].reverse()
  const start = Number(q.cursor ?? 0)
  const limit = Math.min(50, Math.max(1, Number(q.limit ?? 20)))
  const holder = ctx.db.data.users[card.holderId]
  return {
    cardId: card.id,
    holder: { userId: card.holderId, name: displayName(holder) },
    communityName: ctx.db.data.communities[card.communityId]?.name ?? '',
    status: active ? 'active' : 'scheduled',
    activeFrom: card.activeFrom,
    groups: [...card.groups],
    monthlyCreditFen: next.monthlyCreditFen,
    balanceFen: spendableFen(entries, ctx.nowIso),
    heldFen: summarize(entries).heldFen,
    thisMonth: { month, issuedFen: ys.issuedByMonth[month] ?? 0, spentFen: spent },
    year: {
      year,
      issuedFen: ys.issuedFen,
      chargedFen: ys.chargedFen,
      refundedFen: ys.refundedFen,
      heldFen: ys.heldFen,
      lapsedFen: ys.lapsedFen,
      balanceFen: ys.balanceFen,
      lapsesOn: ys.lapsesOn,
    },
    lapsesOn: ys.lapsesOn,
    paymentCode: active ? paymentCode(card, ctx.clock.now()) : null,
    ledger: {
      items: newestFirst.slice(start, start + limit).map(ledgerEntryDto),
      nextCursor: start + limit < newestFirst.length ? String(start + limit) : null,
      total: newestFirst.length,
    },
  }
}
