/**
 * Money in the domain is integer fen (1 yuan = 100 fen), never floating-point yuan. See domain.md §1
 * (PRODUCT: "Money is integer fen everywhere"). These helpers convert at the edges: parse what a person
 * types, format what a person reads.
 */
import { DomainError } from './errors'

/** Yuan written with at most two decimals: `12`, `12.5`, `12.50`, `-3.05`; no leading zeros, no exponent. */
const YUAN_PATTERN = /^(-)?(0|[1-9]\d*)(?:\.(\d{1,2}))?$/

const invalidAmount = (message: string) => new DomainError('INVALID_AMOUNT', message)

/**
 * Guards a fen amount: a safe integer (may be zero or negative).
 * @param fen the value to check
 * @param what how to call it in the message, e.g. `服务价格`
 * @throws DomainError `INVALID_AMOUNT` for a fraction, NaN, ±Infinity, a non-number or an unsafe integer
 */
export function assertFen(fen: unknown, what = '金额'): asserts fen is number {
  if (typeof fen !== 'number' || !Number.isSafeInteger(fen)) {
    throw invalidAmount(`${what}必须是整数分，收到 ${String(fen)}`)
  }
}

/**
 * Guards a strictly positive fen amount (ledger entries, prices).
 * @throws DomainError `INVALID_AMOUNT` unless `fen` is a safe integer ≥ 1
 */
export function assertPositiveFen(fen: unknown, what = '金额'): asserts fen is number {
  assertFen(fen, what)
  if (fen <= 0) throw invalidAmount(`${what}必须大于 0，收到 ${fen} 分`)
}

/** Whole yuan with a comma every three digits: `1234567` → `1,234,567` (integer digits only). */
function groupThousands(yuan: number): string {
  return String(yuan).replace(/\B(?=(\d{3})+(?!\d))/g, ',')
}

/** `|fen|` as `yuan.jj` (two decimals, thousands separated), integer arithmetic only. */
function absYuan(fen: number): string {
  const abs = Math.abs(fen)
  const yuan = Math.floor(abs / 100)
  const jiao = String(abs % 100).padStart(2, '0')
  return `${groupThousands(yuan)}.${jiao}`
}

/**
 * Formats integer fen for people: `10000` → `¥100.00`, `1234500` → `¥12,345.00`, `-150` → `-¥1.50`,
 * `0` → `¥0.00`. Thousands are separated with commas (as in banking and government payment notices),
 * so large amounts such as elevator costs read at a glance.
 * @throws DomainError `INVALID_AMOUNT` unless `fen` is a safe integer
 */
export function formatFen(fen: number): string {
  assertFen(fen)
  return `${fen < 0 ? '-' : ''}¥${absYuan(fen)}`
}

/**
 * Yuan in a sentence, without the ¥ sign and without needless decimals, thousands separated:
 * `10000` → `100`, `10050` → `100.50`, `20000000` → `200,000`, `-150` → `-1.50`. Used in plain-Chinese
 * texts such as "每月 100 元".
 * @throws DomainError `INVALID_AMOUNT` unless `fen` is a safe integer
 */
export function yuanText(fen: number): string {
  assertFen(fen)
  const sign = fen < 0 ? '-' : ''
  return Math.abs(fen) % 100 === 0 ? `${sign}${groupThousands(Math.abs(fen) / 100)}` : `${sign}${absYuan(fen)}`
}

/**
 * Parses yuan strictly into integer fen: `'12.5'` → 1250, `'0.01'` → 1, `3` → 300, `'-1.50'` → -150.
 * A string may have surrounding spaces; a number is read through its shortest decimal form, so `0.29`
 * gives 29 (no float drift) and `1.005` is refused.
 * @param yuan a string or number with at most two decimals
 * @returns integer fen
 * @throws DomainError `INVALID_AMOUNT` for more than two decimals, empty text, exponents, leading zeros,
 *   separators, a currency sign, NaN/Infinity, or an amount beyond safe-integer fen
 */
export function yuanToFen(yuan: string | number): number {
  let text: string
  if (typeof yuan === 'number') {
    if (!Number.isFinite(yuan)) throw invalidAmount(`金额不正确：${String(yuan)}`)
    text = Object.is(yuan, -0) ? '0' : String(yuan)
  } else if (typeof yuan === 'string') {
    text = yuan.trim()
  } else {
    throw invalidAmount(`金额不正确：${String(yuan)}`)
  }
  const m = YUAN_PATTERN.exec(text)
  if (!m) throw invalidAmount(`金额“${String(yuan)}”格式不正确，请填写数字，最多两位小数，如 12.50`)
  const whole = Number(m[2])
  const cents = Number((m[3] ?? '').padEnd(2, '0'))
  const abs = whole * 100 + cents
  if (!Number.isSafeInteger(abs)) throw invalidAmount(`金额“${String(yuan)}”过大`)
  return m[1] && abs !== 0 ? -abs : abs
}
