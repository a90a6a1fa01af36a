/**
 * The elderly-care card ledger: an immutable, append-only list of entries and pure functions over it.
 * Source: domain.md §1 PRODUCT credit/use rules under the Zhejiang POLICY (province-wide from Nov 2022):
 * credit issued on the 1st of each month from the activation month; unused credit rolls over within the
 * calendar year and lapses at the end of 31 December (Beijing time); no cash-out, no transfer; balance
 * never negative; a booked service's price is held, charged on completion, released on cancellation.
 *
 * Model for years and holds ("one pot per credit year"):
 * - every entry carries `year`, the credit year it belongs to; each year is a separate pot;
 * - an `issue` for month `YYYY-MM` puts credit into pot `YYYY`;
 * - a `hold` at instant `at` draws only from the pot of `at`'s Beijing year: once 31 Dec has passed,
 *   an earlier year's credit is expired even before `lapseDue` has written its `lapse` entry;
 * - `charge` and `release` settle a hold in the hold's own year, also after year-end; `release` and
 *   `refund` return credit to that year's pot, and when that year has already ended the returned credit
 *   lapses at once (the functions append the release/refund followed by a `lapse`); so does a month of
 *   an ended year that `issueDue` issues late;
 * - `lapseDue(asOf)` lapses the remaining balance of every year before `asOf`'s year; open holds stay held.
 * Invariant, per year and in total: issued = charged − refunded + held + lapsed + balance.
 * Money is integer fen; `at` is `YYYY-MM-DD` (Beijing calendar date) or an ISO instant with an offset.
 */
import { DomainError } from '../shared/errors'
import { formatFen } from '../shared/money'
import { assessCareCardEligibility, DEFAULT_CARE_POLICY, type CareGroup, type CarePolicy } from './eligibility'
import { formatMonthCn, isDate } from '../shared/time'
import {
  ledgerDate,
  replay,
  step,
  summaryOf,
  type CareEntry,
  type CareEntryKind,
  type CareLedger,
  type CareLedgerSummary,
  type LedgerState,
} from './ledgerReplay'

// The entry types live with the replay, which reads them; this module builds on both.
export {
  checkInvariant,
  summarize,
  validateCareLedger,
  ledgerDate,
  type CareEntry,
  type CareLedger,
} from './ledgerReplay'

/** Appends entries built from the replayed state, validating each; the input is left unchanged. */
function append(entries: CareLedger, build: (state: LedgerState) => CareEntry[]): CareLedger {
  const state = replay(entries)
  const added = build(state).map((e) => Object.freeze({ ...e }))
  for (const e of added) step(state, e)
  return Object.freeze([...entries, ...added])
}

const yearOf = (at: string) => Number(ledgerDate(at).slice(0, 4))

/**
 * Credit landing in a credit year that ended before `at` (a release, refund or late issue) lapses at once:
 * returns the `lapse` entry (id `lapse:<cause id>`), or nothing while the year is still running.
 */
function lapseAfter(cause: CareEntry): CareEntry[] {
  const { year, at, amountFen } = cause
  if (yearOf(at) <= year) return []
  return [
    {
      id: `lapse:${cause.id}`,
      kind: 'lapse',
      amountFen,
      at,
      year,
      note: `${year}年的额度已于 ${lapseTimeCn(year)}到期，${CAUSE[cause.kind] ?? ''}的额度随即失效`,
    },
  ]
}
const CAUSE: Partial<Record<CareEntryKind, string>> = { release: '取消服务退回', refund: '退款退回', issue: '补发' }

/** When a year's credit lapses, for people: `2026年12月31日 24 时`. */
const lapseTimeCn = (year: number) => `${year}年12月31日 24 时`

/** The last day a year's credit can be used: `${year}-12-31` (it lapses at the end of that day, Beijing time). */
export function lapsesOn(year: number): string {
  return `${year}-12-31`
}

/**
 * Issues one month's credit: an `issue` entry for the month of `date`, dated `date`.
 * @param input `{ date: 'YYYY-MM-DD', monthlyCreditFen: positive integer fen, note? }`
 * @throws DomainError `ALREADY_ISSUED` (month already issued), `INVALID_AMOUNT`, `INVALID_DATE`
 */
export function monthlyIssue(
  entries: CareLedger,
  input: { date: string; monthlyCreditFen: number; note?: string },
): CareLedger {
  if (!isDate(input.date)) throw new DomainError('INVALID_DATE', `日期格式不正确：${String(input.date)}`)
  const month = input.date.slice(0, 7)
  return append(entries, () => [
    {
      id: `issue:${month}`,
      kind: 'issue',
      amountFen: input.monthlyCreditFen,
      at: input.date,
      year: Number(month.slice(0, 4)),
      month,
      note: input.note ?? `${formatMonthCn(month)}爱心卡额度`,
    },
  ])
}

/**
 * Issues every month's credit due from the activation month up to `asOf`, skipping months already issued
 * (idempotent: calling twice adds nothing). Each month's amount is assessed on its 1st with
 * `assessCareCardEligibility`, so a 90th birthday raises the credit from the next month; a month in which
 * the person is not eligible gets no entry. The activation month itself is issued (cards start on the 1st).
 * A month of a year that ended before `asOf` (a late catch-up) is issued and lapses at once (`issue` + `lapse`).
 * @param input `activeFrom`, `asOf`: `YYYY-MM-DD` or instants (Beijing); `birthDate` `YYYY-MM-DD`; `groups`;
 *   `policy` (default `DEFAULT_CARE_POLICY`)
 * @throws DomainError `INVALID_DATE`, `INVALID_BIRTH_DATE` (born after a month's 1st), policy errors
 */
export function issueDue(
  entries: CareLedger,
  input: { activeFrom: string; asOf: string; birthDate: string; groups: CareGroup[]; policy?: CarePolicy },
): CareLedger {
  const from = ledgerDate(input.activeFrom).slice(0, 7)
  const to = ledgerDate(input.asOf).slice(0, 7)
  if (from > to) return append(entries, () => [])
  return append(entries, (state) => {
    const out: CareEntry[] = []
    let [y, m] = from.split('-').map(Number)
    for (let month = from; month <= to; month = `${y}-${String(m).padStart(2, '0')}`) {
      const first = `${month}-01`
      if (!state.months.has(month)) {
        const r = assessCareCardEligibility(input, first, input.policy ?? DEFAULT_CARE_POLICY)
        if (r.eligible) {
          const e: CareEntry = {
            id: `issue:${month}`,
            kind: 'issue',
            amountFen: r.monthlyCreditFen,
            at: first,
            year: y,
            month,
            note: `${formatMonthCn(month)}爱心卡额度：${r.reasons[0]}`,
          }
          out.push(e, ...lapseAfter({ ...e, at: input.asOf }))
        }
      }
      m += 1
      if (m > 12) {
        m = 1
        y += 1
      }
    }
    return out
  })
}

/**
 * Holds a service's price against the balance of `at`'s credit year (booking).
 * @param input `{ orderId, amountFen: positive integer fen, at, note? }`
 * @throws DomainError `INSUFFICIENT_BALANCE` (message gives balance and price as ¥x.xx),
 *   `DUPLICATE_ORDER` (order already held before), `INVALID_AMOUNT`, `INVALID_DATE`
 */
export function holdCredit(
  entries: CareLedger,
  input: { orderId: string; amountFen: number; at: string; note?: string },
): CareLedger {
  return append(entries, () => [
    {
      id: `hold:${input.orderId}`,
      kind: 'hold',
      amountFen: input.amountFen,
      at: input.at,
      year: yearOf(input.at),
      orderId: input.orderId,
      note: input.note ?? '预约服务，冻结服务费用',
    },
  ])
}

type Settle = { orderId: string; at: string; amountFen?: number; note?: string }

/** The open hold `orderId` must name; `amountFen`, when given, must equal the held amount. */
function openHold(state: LedgerState, input: Settle) {
  const order = state.orders.get(input.orderId)
  if (!order || order.status !== 'open') {
    throw new DomainError('HOLD_NOT_OPEN', `订单 ${input.orderId} 没有待结算的冻结金额`)
  }
  if (input.amountFen !== undefined && input.amountFen !== order.amountFen) {
    throw new DomainError(
      'AMOUNT_MISMATCH',
      `订单冻结 ${formatFen(order.amountFen)}，与 ${formatFen(input.amountFen)} 不一致`,
    )
  }
  return order
}

/**
 * Releases an open hold (service cancelled before it took place): the amount returns to the hold's year;
 * if that year has ended, it lapses at once (a `release` then a `lapse` entry).
 * @param input `{ orderId, at, amountFen? (must equal the hold), note? }`
 * @throws DomainError `HOLD_NOT_OPEN` (no hold, or already released/charged), `AMOUNT_MISMATCH`, `INVALID_DATE`
 */
export function releaseHold(entries: CareLedger, input: Settle): CareLedger {
  return append(entries, (state) => {
    const order = openHold(state, input)
    const e: CareEntry = {
      id: `release:${input.orderId}`,
      kind: 'release',
      amountFen: order.amountFen,
      at: input.at,
      year: order.year,
      orderId: input.orderId,
      note: input.note ?? '取消服务，解冻费用',
    }
    return [e, ...lapseAfter(e)]
  })
}

/**
 * Charges an open hold (service completed): the held amount becomes spending, in the hold's year, also
 * after that year has ended.
 * @param input `{ orderId, at, amountFen? (must equal the hold), note? }`
 * @throws DomainError `HOLD_NOT_OPEN`, `AMOUNT_MISMATCH`, `INVALID_DATE`
 */
export function chargeHold(entries: CareLedger, input: Settle): CareLedger {
  return append(entries, (state) => {
    const order = openHold(state, input)
    return [
      {
        id: `charge:${input.orderId}`,
        kind: 'charge',
        amountFen: order.amountFen,
        at: input.at,
        year: order.year,
        orderId: input.orderId,
        note: input.note ?? '服务完成，扣款',
      },
    ]
  })
}

/**
 * Refunds (part of) a charged order back to the card, never as cash; several partial refunds may not
 * exceed the charge. Credit refunded into an ended year lapses at once (`refund` then `lapse`).
 * @param input `{ orderId, amountFen: positive integer fen, at, note? }`
 * @throws DomainError `NOT_CHARGED`, `REFUND_EXCEEDS_CHARGE`, `INVALID_AMOUNT`, `INVALID_DATE`
 */
export function refundCharge(
  entries: CareLedger,
  input: { orderId: string; amountFen: number; at: string; note?: string },
): CareLedger {
  return append(entries, (state) => {
    const order = state.orders.get(input.orderId)
    const n = entries.filter((e) => e.kind === 'refund' && e.orderId === input.orderId).length
    const year = order?.year ?? yearOf(input.at)
    const e: CareEntry = {
      id: `refund:${input.orderId}:${n + 1}`,
      kind: 'refund',
      amountFen: input.amountFen,
      at: input.at,
      year,
      orderId: input.orderId,
      note: input.note ?? '服务退款，退回爱心卡',
    }
    return [e, ...lapseAfter(e)]
  })
}

/**
 * Lapses the remaining balance of every credit year that ended before `asOf` (one `lapse` entry per year
 * with a balance, dated 1 January 00:00 Beijing of the next year). Idempotent. Open holds stay held.
 * @param asOf `YYYY-MM-DD` or an instant (Beijing time)
 * @throws DomainError `INVALID_DATE`
 */
export function lapseDue(entries: CareLedger, asOf: string): CareLedger {
  const current = yearOf(asOf)
  return append(entries, (state) =>
    [...state.pots.entries()]
      .filter(([year, pot]) => year < current && pot.balance > 0)
      .sort(([a], [b]) => a - b)
      .map(([year, pot]) => ({
        id: `lapse:${year}:${(state.lapseCount.get(year) ?? 0) + 1}`,
        kind: 'lapse' as const,
        amountFen: pot.balance,
        at: `${year + 1}-01-01T00:00:00+08:00`,
        year,
        note: `${year}年未用完的额度已于 ${lapseTimeCn(year)}到期失效`,
      })),
  )
}

/** Total unlapsed balance over all credit years, integer fen (after `lapseDue`, only the current year's). */
export function balanceFen(entries: CareLedger): number {
  return summaryOf(replay(entries)).balanceFen
}

/** What a hold at `at` can draw on: the balance of `at`'s Beijing year, integer fen. */
export function spendableFen(entries: CareLedger, at: string): number {
  return replay(entries).pots.get(yearOf(at))?.balance ?? 0
}

/** The card home's view of one credit year: its totals (fen), when it lapses, and credit issued per month. */
export interface CareYearSummary extends CareLedgerSummary {
  year: number
  lapsesOn: string
  issuedByMonth: Record<string, number>
}

/**
 * Totals for credit year `year` (integer fen), `lapsesOn` (`YYYY-12-31`) and `issuedByMonth` (`YYYY-MM` → fen).
 * @throws DomainError if the ledger is inconsistent (see `validateCareLedger`)
 */
export function yearSummary(entries: CareLedger, year: number): CareYearSummary {
  const issuedByMonth: Record<string, number> = {}
  for (const e of entries) if (e.kind === 'issue' && e.year === year && e.month) issuedByMonth[e.month] = e.amountFen
  return { year, ...summaryOf(replay(entries), year), lapsesOn: lapsesOn(year), issuedByMonth }
}
