/**
 * The card's ledger in its table: lazy monthly issuance and year-end lapse (domain.md §1 PRODUCT credit:
 * issued on the 1st of each month from the activation month, lapses at the end of 31 December), and the
 * card home (balances in fen, payment code). All ledger arithmetic is `domain/care-card/ledger.ts`.
 */
import { assessCareCardEligibility } from '@/domain/care-card/eligibility'
import {
  issueDue,
  lapseDue,
  spendableFen,
  summarize,
  yearSummary,
  type CareEntry,
  type CareLedger,
} from '@/domain/care-card/ledger'
import { ledgerDate } from '@/domain/care-card/ledgerReplay'
import type { CareCardHomeDto, CareLedgerEntryDto } from '@/domain/care-card/contracts'
import { beijingDate } from '@/domain/shared/time'
import type { RouteContext } from '@/backend/core/router'
import { displayName } from '@/backend/routes/views'
import { pageBounds } from './paging'
import type { CareCardRecord } from './model'
import { paymentCode } from './pay-code'

/**
 * The ledger with the credit due at `nowIso`: every month up to now issued and ended years lapsed, in
 * time order (months of ended years up to 31 December, their lapse, then this year's months).
 */
function withDue(card: CareCardRecord, entries: CareLedger, nowIso: string): CareLedger {
  const input = { activeFrom: card.activeFrom, birthDate: card.birthDate, groups: card.groups }
  const lastYearEnd = `${Number(beijingDate(nowIso).slice(0, 4)) - 1}-12-31`
  let after = card.activeFrom <= lastYearEnd ? issueDue(entries, { ...input, asOf: lastYearEnd }) : entries
  after = lapseDue(after, nowIso)
  return issueDue(after, { ...input, asOf: nowIso })
}

/**
 * Changes a card's balance: locks the card, reads its ledger, applies `change` (a ledger function of
 * `domain/care-card/ledger.ts`) and appends the entries it added, with `actor` on them when someone
 * acted for the elder (a proxy; the worker of a phone order). Returns the new ledger.
 * @throws DomainError from `change` (e.g. `INSUFFICIENT_BALANCE`), before anything is written
 */
export async function changeLedger(
  ctx: RouteContext,
  cardId: string,
  change: (entries: CareLedger) => CareLedger,
  actor?: { id: string; name: string },
): Promise<CareLedger> {
  const repo = ctx.tx.careCard
  await repo.cards.get(cardId, { lock: true })
  const before = await repo.ledgerOf(cardId)
  const after = change(before)
  await repo.appendLedger(cardId, after, before.length, actor)
  return after
}

/**
 * Lazy credit: issues every month due up to now (mock time) and lapses ended years, for `holderId`'s
 * card; locks the card and writes only when something is due. No card, or not active yet: nothing happens.
 * @throws DomainError from the ledger functions (an inconsistent stored ledger)
 */
export async function refreshCard(ctx: RouteContext, holderId: string): Promise<void> {
  const card = await ctx.tx.careCard.cardOf(holderId)
  if (!card) return
  const entries = await ctx.tx.careCard.ledgerOf(card.id)
  if (withDue(card, entries, ctx.nowIso).length === entries.length) return
  await changeLedger(ctx, card.id, (locked) => withDue(card, locked, ctx.nowIso))
}

const SIGN: Record<CareEntry['kind'], number> = { issue: 1, hold: -1, release: 1, charge: 0, refund: 1, lapse: -1 }

/** A ledger entry on the wire; `signedFen` is its effect on the spendable balance. */
function ledgerEntryDto(e: CareEntry): CareLedgerEntryDto {
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

/**
 * The card home for the card's holder: spendable balance (this credit year), held amount, this month's
 * issued and spent (charges − refunds) fen, the year's totals and lapse date, the payment code (once
 * active) and ledger page `q` (newest first).
 */
export async function cardHome(
  ctx: RouteContext,
  card: CareCardRecord,
  q: { cursor?: string; limit?: string },
): Promise<CareCardHomeDto> {
  const entries = await ctx.tx.careCard.ledgerOf(card.id)
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
  const { offset: start, limit } = pageBounds(q)
  const [holder, community] = await Promise.all([
    ctx.tx.core.users.get(card.holderId),
    ctx.tx.core.communities.get(card.communityId),
  ])
  return {
    cardId: card.id,
    holder: { userId: card.holderId, name: displayName(holder) },
    communityName: community?.name ?? '',
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
