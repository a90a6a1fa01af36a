/**
 * Replays and checks an elderly-care card ledger (see careLedger.ts for the model: one pot per credit
 * year). Source: domain.md §1 PRODUCT credit rules under the Zhejiang POLICY (province-wide from Nov 2022).
 * Internal state is rebuilt from the entries each time; the entries themselves are never changed.
 */
import { DomainError } from '../shared/errors'
import { assertPositiveFen, formatFen } from '../shared/money'
import { beijingDate, isDate } from '../shared/time'

/** Kinds of ledger entries. */
export type CareEntryKind = 'issue' | 'hold' | 'release' | 'charge' | 'refund' | 'lapse'

/**
 * One ledger entry. `amountFen` is a positive integer (the kind gives the direction); `at` is
 * `YYYY-MM-DD` or an ISO instant with offset (read in Beijing time); `year` is the credit year;
 * `orderId` is set on hold/release/charge/refund; `month` (`YYYY-MM`) on issue; `note` is plain Chinese.
 */
export interface CareEntry {
  id: string
  kind: CareEntryKind
  amountFen: number
  at: string
  year: number
  orderId?: string
  month?: string
  note: string
}

/** The ledger: entries in the order they were appended. Functions never mutate it; they return a new one. */
export type CareLedger = readonly CareEntry[]

/** One credit year's pot, integer fen. */
interface Pot {
  issued: number
  lapsed: number
  balance: number
}
/** An order's hold, integer fen, in credit year `year`. */
interface OrderState {
  year: number
  amountFen: number
  status: 'open' | 'released' | 'charged'
  refundedFen: number
}
/** Everything a replay knows. Internal to the ledger functions. */
export interface LedgerState {
  ids: Set<string>
  months: Set<string>
  pots: Map<number, Pot>
  orders: Map<string, OrderState>
  lapseCount: Map<number, number>
}

/** Totals in integer fen. Invariant: issued = charged − refunded + held + lapsed + balance. */
export interface CareLedgerSummary {
  issuedFen: number
  heldFen: number
  chargedFen: number
  refundedFen: number
  lapsedFen: number
  balanceFen: number
}

const KINDS = ['issue', 'hold', 'release', 'charge', 'refund', 'lapse']
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})$/

/**
 * The Beijing calendar date (`YYYY-MM-DD`) of a ledger time: a `YYYY-MM-DD` date as is, or an ISO instant
 * with `Z` or an offset (e.g. `2026-12-31T16:30:00Z` → `2027-01-01`).
 * @throws DomainError `INVALID_DATE` for anything else (no offset-less times, no 2026-02-31)
 */
export function ledgerDate(at: string): string {
  if (isDate(at)) return at
  if (typeof at !== 'string' || !INSTANT.test(at) || !isDate(at.slice(0, 10))) {
    throw new DomainError(
      'INVALID_DATE',
      `时间格式不正确：${String(at)}（应为 2026-03-01 或 2026-03-01T09:30:00+08:00）`,
    )
  }
  return beijingDate(at)
}

const bad = (e: CareEntry, why: string) => new DomainError('INVALID_ENTRY', `账目 ${String(e?.id)} 不正确：${why}`)

function pot(state: LedgerState, year: number): Pot {
  let p = state.pots.get(year)
  if (!p) {
    p = { issued: 0, lapsed: 0, balance: 0 }
    state.pots.set(year, p)
  }
  return p
}

/** Checks an order entry against its hold: it exists, is in the same year and (release/charge) same amount. */
function orderFor(state: LedgerState, e: CareEntry): OrderState {
  const order = state.orders.get(e.orderId as string)
  if (!order) {
    if (e.kind === 'refund') throw new DomainError('NOT_CHARGED', `订单 ${e.orderId} 没有扣款，不能退款`)
    throw new DomainError('HOLD_NOT_OPEN', `订单 ${e.orderId} 没有待结算的冻结金额`)
  }
  if (e.year !== order.year) throw bad(e, `应记入 ${order.year} 年额度`)
  return order
}

/**
 * Applies one entry to the state, after checking it. Mutates `state` only.
 * @throws DomainError `INVALID_ENTRY`, `DUPLICATE_ENTRY`, `INVALID_AMOUNT`, `INVALID_DATE`, `ALREADY_ISSUED`,
 *   `DUPLICATE_ORDER`, `INSUFFICIENT_BALANCE`, `HOLD_NOT_OPEN`, `AMOUNT_MISMATCH`, `NOT_CHARGED`,
 *   `REFUND_EXCEEDS_CHARGE`, `LAPSE_TOO_EARLY`, `LAPSE_EXCEEDS_BALANCE`
 */
export function step(state: LedgerState, e: CareEntry): void {
  if (!e || typeof e.id !== 'string' || !e.id) throw bad(e, '缺少编号')
  // The specific duplicate first (a month issued twice, an order held twice), then any repeated id.
  if (e.kind === 'issue' && state.months.has(e.month as string))
    throw new DomainError('ALREADY_ISSUED', `${e.month} 月的额度已经发放过`)
  if (e.kind === 'hold' && state.orders.has(e.orderId as string))
    throw new DomainError('DUPLICATE_ORDER', `订单 ${e.orderId} 已冻结过费用，不能重复冻结`)
  if (state.ids.has(e.id)) throw new DomainError('DUPLICATE_ENTRY', `账目 ${e.id} 已记录，不能重复记账`)
  if (!KINDS.includes(e.kind)) throw bad(e, `未知类型 ${String(e.kind)}`)
  assertPositiveFen(e.amountFen, '账目金额')
  if (!Number.isInteger(e.year)) throw bad(e, '缺少额度年份')
  if (typeof e.note !== 'string') throw bad(e, '缺少说明')
  const atYear = Number(ledgerDate(e.at).slice(0, 4))
  const needsOrder = e.kind !== 'issue' && e.kind !== 'lapse'
  if (needsOrder && (typeof e.orderId !== 'string' || !e.orderId)) throw bad(e, '缺少订单号')
  const p = pot(state, e.year)
  const a = e.amountFen
  switch (e.kind) {
    case 'issue': {
      if (typeof e.month !== 'string' || !isDate(`${e.month}-01`) || Number(e.month.slice(0, 4)) !== e.year)
        throw bad(e, '发放月份不正确')
      state.months.add(e.month)
      p.issued += a
      p.balance += a
      break
    }
    case 'hold': {
      if (e.year !== atYear) throw bad(e, `只能使用 ${atYear} 年的额度`)
      if (p.balance < a) {
        throw new DomainError(
          'INSUFFICIENT_BALANCE',
          `爱心卡可用余额 ${formatFen(p.balance)}，不够支付本次服务 ${formatFen(a)}。`,
        )
      }
      p.balance -= a
      state.orders.set(e.orderId as string, { year: e.year, amountFen: a, status: 'open', refundedFen: 0 })
      break
    }
    case 'release':
    case 'charge': {
      const order = orderFor(state, e)
      if (order.status !== 'open') throw new DomainError('HOLD_NOT_OPEN', `订单 ${e.orderId} 的冻结金额已经结算过`)
      if (order.amountFen !== a)
        throw new DomainError('AMOUNT_MISMATCH', `订单冻结 ${formatFen(order.amountFen)}，与 ${formatFen(a)} 不一致`)
      if (e.kind === 'release') p.balance += a
      order.status = e.kind === 'release' ? 'released' : 'charged'
      break
    }
    case 'refund': {
      const order = orderFor(state, e)
      if (order.status !== 'charged') throw new DomainError('NOT_CHARGED', `订单 ${e.orderId} 没有扣款，不能退款`)
      if (order.refundedFen + a > order.amountFen) {
        throw new DomainError(
          'REFUND_EXCEEDS_CHARGE',
          `订单 ${e.orderId} 扣款 ${formatFen(order.amountFen)}，已退 ${formatFen(order.refundedFen)}，最多还能退 ${formatFen(order.amountFen - order.refundedFen)}`,
        )
      }
      order.refundedFen += a
      p.balance += a
      break
    }
    case 'lapse': {
      if (atYear <= e.year)
        throw new DomainError('LAPSE_TOO_EARLY', `${e.year} 年的额度要到 ${e.year}-12-31 24 时才失效`)
      if (p.balance < a)
        throw new DomainError(
          'LAPSE_EXCEEDS_BALANCE',
          `${e.year} 年只剩 ${formatFen(p.balance)}，不能失效 ${formatFen(a)}`,
        )
      p.balance -= a
      p.lapsed += a
      state.lapseCount.set(e.year, (state.lapseCount.get(e.year) ?? 0) + 1)
      break
    }
  }
  state.ids.add(e.id)
}

/** Rebuilds the state from the entries, checking every one. @throws DomainError as `step` */
export function replay(entries: CareLedger): LedgerState {
  if (!Array.isArray(entries)) throw new DomainError('INVALID_ENTRY', '账目列表不正确')
  const state: LedgerState = {
    ids: new Set(),
    months: new Set(),
    pots: new Map(),
    orders: new Map(),
    lapseCount: new Map(),
  }
  for (const e of entries) step(state, e)
  return state
}

/** Totals of a replayed state, for all years or only credit year `year`. */
export function summaryOf(state: LedgerState, year?: number): CareLedgerSummary {
  const s: CareLedgerSummary = { issuedFen: 0, heldFen: 0, chargedFen: 0, refundedFen: 0, lapsedFen: 0, balanceFen: 0 }
  for (const [y, p] of state.pots) {
    if (year !== undefined && y !== year) continue
    s.issuedFen += p.issued
    s.lapsedFen += p.lapsed
    s.balanceFen += p.balance
  }
  for (const o of state.orders.values()) {
    if (year !== undefined && o.year !== year) continue
    if (o.status === 'open') s.heldFen += o.amountFen
    if (o.status === 'charged') {
      s.chargedFen += o.amountFen
      s.refundedFen += o.refundedFen
    }
  }
  return s
}

/**
 * Totals of the whole ledger in integer fen: `{ issuedFen, heldFen (open holds), chargedFen (gross),
 * refundedFen, lapsedFen, balanceFen (unlapsed, all years) }`.
 * @throws DomainError if an entry breaks a rule (see `validateCareLedger`)
 */
export function summarize(entries: CareLedger): CareLedgerSummary {
  return summaryOf(replay(entries))
}

/**
 * Checks a whole ledger (e.g. loaded from storage) entry by entry, as the ledger functions would have.
 * @throws DomainError naming the first entry that breaks a rule
 */
export function validateCareLedger(entries: CareLedger): void {
  replay(entries)
}

/**
 * Whether every fen is accounted for: every entry valid in order, no pot below zero, and per credit
 * year and in total issued = charged − refunded + held + lapsed + balance. Returns false (never throws a
 * DomainError) for a ledger that breaks a rule.
 */
export function checkInvariant(entries: CareLedger): boolean {
  let state: LedgerState
  try {
    state = replay(entries)
  } catch (e) {
    if (e instanceof DomainError) return false
    throw e
  }
  const holds = (s: CareLedgerSummary) =>
    s.balanceFen >= 0 &&
    s.heldFen >= 0 &&
    s.issuedFen === s.chargedFen - s.refundedFen + s.heldFen + s.lapsedFen + s.balanceFen
  return holds(summaryOf(state)) && [...state.pots.keys()].every((y) => holds(summaryOf(state, y)))
}
