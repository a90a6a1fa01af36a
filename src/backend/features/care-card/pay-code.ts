/**
 * The care card's rotating payment code (issue 27 item 3): 8 digits, HMAC-SHA256 keyed with the card's
 * server-held `codeSecret` over (card id, 5-minute window index), so it is not guessable from the card
 * number. The card home shows it; a worker scans or types it to charge a due booking of that card
 * (`POST /api/worker/care-card/orders/:id/pay-by-code` in `fulfilment.ts`).
 */
import { hmac } from '@noble/hashes/hmac'
import { sha256 } from '@noble/hashes/sha256'
import { utf8Bytes } from '@/domain/shared/hash'
import { beijingIso } from '@/domain/shared/time'
import { conflict, unprocessable } from '@/backend/core/http'
import type { CareCardRecord } from './model'

/** Payment codes rotate every 5 minutes. */
const CODE_WINDOW_MS = 5 * 60_000
/** How many windows back a code is still recognised, to say “expired” rather than “wrong” (1 hour). */
const RECOGNISED_WINDOWS = 12

/** The 8-digit code of `card` for window index `window` (HOTP-style truncation of the HMAC, RFC 4226). */
function codeOf(card: Pick<CareCardRecord, 'id' | 'codeSecret'>, window: number): string {
  const mac = hmac(sha256, utf8Bytes(card.codeSecret), utf8Bytes(`${card.id}\n${window}`))
  const at = mac[mac.length - 1] & 15
  const n = ((mac[at] & 0x7f) << 24) | (mac[at + 1] << 16) | (mac[at + 2] << 8) | mac[at + 3]
  return String(n % 100_000_000).padStart(8, '0')
}

/** The code shown at `nowMs` (epoch ms): QR payload `MCCARD:<cardId>:<code>`, the code, its window's end. */
export function paymentCode(card: CareCardRecord, nowMs: number): { payload: string; code: string; expiresAt: string } {
  const window = Math.floor(nowMs / CODE_WINDOW_MS)
  const code = codeOf(card, window)
  return { payload: `MCCARD:${card.id}:${code}`, code, expiresAt: beijingIso((window + 1) * CODE_WINDOW_MS) }
}

/**
 * What a worker scanned or typed: a QR payload `MCCARD:<cardId>:<8 digits>` or the 8 digits alone (spaces
 * ignored). `null` when it is neither.
 */
export function parseScanned(text: string): { cardId?: string; code: string } | null {
  const t = text.replace(/\s+/g, '')
  const qr = /^MCCARD:([^:]+):(\d{8})$/.exec(t)
  if (qr) return { cardId: qr[1], code: qr[2] }
  return /^\d{8}$/.test(t) ? { code: t } : null
}

/**
 * The window index of `card`'s code `code` at `nowMs`. Accepted: the current window and the previous one
 * (a code scanned just as it rotated). Refused in words:
 * @throws 409 `CODE_USED` a code of the last window used (or earlier) — each code is accepted once
 * @throws 422 `CODE_EXPIRED` a code of an older window (up to an hour back), `CODE_WRONG` otherwise
 */
export function acceptedWindow(card: CareCardRecord, code: string, nowMs: number): number {
  const now = Math.floor(nowMs / CODE_WINDOW_MS)
  for (let w = now; w > now - RECOGNISED_WINDOWS; w--) {
    if (codeOf(card, w) !== code) continue
    if (w <= (card.codeUsedWindow ?? -1)) throw conflict('CODE_USED', '这个付款码已经用过了，请老人刷新付款码后再扫')
    if (w < now - 1) throw unprocessable('CODE_EXPIRED', '付款码已过期，请老人刷新付款码后再扫')
    return w
  }
  throw unprocessable('CODE_WRONG', '付款码不对，请核对 8 位数字后重新输入')
}
