/**
 * Words for a care-card booking the balance cannot cover, said before the booking is confirmed (the
 * booking page; the backend's `holdCredit` in careLedger.ts enforces the same rule). Kept apart from the
 * ledger so the page does not carry the ledger code. Money is integer fen.
 */
import { formatFen } from '../shared/money'

/**
 * Why a booking of `priceFen` cannot be held against the card, in plain words with what to do next,
 * or null when the spendable balance covers it (the rule `holdCredit` in careLedger.ts enforces; it can
 * still refuse if the balance changed since it was read). `card`: spendable `balanceFen` and `heldFen` of open
 * bookings (integer fen), as on the card home. Source: domain.md §1 (balance never negative; credit
 * issued on the 1st of each month; cancelling before the service releases the hold).
 */
export function bookingShortfallText(card: { balanceFen: number; heldFen: number }, priceFen: number): string | null {
  if (card.balanceFen >= priceFen) return null
  const release = card.heldFen > 0 ? `取消还没开始的预约，冻结的 ${formatFen(card.heldFen)} 会退回；` : ''
  return `余额不足：爱心卡可用余额 ${formatFen(card.balanceFen)}，这项服务需要 ${formatFen(priceFen)}。${release}每月 1 日发放新的额度后可以再预约。`
}
