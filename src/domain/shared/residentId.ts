/**
 * PRC resident identity numbers (GB 11643-1999) and ages. See domain.md §0.
 * 18 characters: 6-digit region code, 8-digit birth date YYYYMMDD, 3-digit sequence (17th digit odd =
 * male, even = female), check character = "10X98765432"[Σ(digit × weight) mod 11] with weights
 * 7 9 10 5 8 4 2 1 6 3 7 9 10 5 8 4 2. Old 15-digit numbers are rejected.
 */
import { DomainError } from './errors'
import { beijingDate, isDate, parseDate } from './time'

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
const CHECK_CHARS = '10X98765432'

/** What an identity number says about its holder. `birthDate` is `YYYY-MM-DD`. */
export interface ResidentIdInfo {
  regionCode: string
  birthDate: string
  sex: 'male' | 'female'
}

const invalid = (message: string) => new DomainError('INVALID_RESIDENT_ID', message)

/** Characters of a resident identity number (GB 11643-1999). */
const RESIDENT_ID_LENGTH = 18

/**
 * An ID number as typed or pasted, made plain: every space removed (also inside, as in
 * `330211 1944 0315 0121`, and full-width or no-break spaces), full-width digits and Ｘ made half-width,
 * a lower-case x upper-cased. Used by every ID number input before its length is limited, and by the
 * backend before it checks one. Source: domain.md §0 PRODUCT (accept a lower-case x and spaces).
 */
export function normalizeResidentId(id: string): string {
  return String(id ?? '')
    .replace(/\s+/g, '')
    .replace(/[\uFF10-\uFF19\uFF38\uFF58]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0))
    .toUpperCase()
}

/**
 * What an ID number input keeps of what was typed or pasted: `normalizeResidentId`, then at most
 * `RESIDENT_ID_LENGTH` characters (the spaces of a pasted `330211 1944 0315 0121` do not count).
 */
export function typedResidentId(raw: string): string {
  return normalizeResidentId(raw).slice(0, RESIDENT_ID_LENGTH)
}

/** The `maxlength` of an ID number input: room for a pasted number with spaces between its groups. */
export const RESIDENT_ID_INPUT_MAXLENGTH = 2 * RESIDENT_ID_LENGTH

/** The check character the first 17 digits call for. */
export function residentIdCheckChar(first17: string): string {
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(first17[i]), 0)
  return CHECK_CHARS[sum % 11]
}

/**
 * Parses and validates an 18-character resident identity number (GB 11643-1999).
 * @param id the number; spaces (around or inside it) and a lower-case `x` are accepted (`normalizeResidentId`)
 * @param today `YYYY-MM-DD` (default: today in Beijing); a birth date after it is refused
 * @throws DomainError `INVALID_RESIDENT_ID` for a wrong length or character, an impossible or future
 *   birth date, or a wrong check character; the message says which, in plain Chinese
 */
export function parseResidentId(id: string, today: string = beijingDate(Date.now())): ResidentIdInfo {
  const value = normalizeResidentId(id)
  if (value.length === 15 && /^\d{15}$/.test(value))
    throw invalid('这是旧的 15 位身份证号码，已停止使用，请填写 18 位号码')
  if (value.length !== RESIDENT_ID_LENGTH) throw invalid(`身份证号码应为 18 位，您填写了 ${value.length} 位`)
  if (!/^\d{17}[\dX]$/.test(value)) throw invalid('身份证号码只能包含数字，最后一位可以是 X')
  const birth = `${value.slice(6, 10)}-${value.slice(10, 12)}-${value.slice(12, 14)}`
  // Said as people write dates (1944年2月30日), also when no such day exists.
  const birthCn = `${value.slice(6, 10)}年${Number(value.slice(10, 12))}月${Number(value.slice(12, 14))}日`
  if (!isDate(birth) || Number(value.slice(6, 10)) < 1900)
    throw invalid(`身份证号码中的出生日期 ${birthCn} 不存在，请核对`)
  if (birth > today) throw invalid(`身份证号码中的出生日期 ${birthCn} 晚于今天，请核对`)
  if (residentIdCheckChar(value) !== value[17]) throw invalid('身份证号码最后一位（校验码）不对，请逐位核对')
  return { regionCode: value.slice(0, 6), birthDate: birth, sex: Number(value[16]) % 2 === 1 ? 'male' : 'female' }
}

/**
 * Age in full years on `date` (both `YYYY-MM-DD`). A 29 February birthday turns a year older on
 * 1 March in non-leap years. Throws `DomainError('INVALID_DATE')` for malformed dates.
 */
export function ageOn(birthDate: string, date: string): number {
  const b = parseDate(birthDate)
  const d = parseDate(date)
  let age = d.year() - b.year()
  const birthdayNotYet = d.month() < b.month() || (d.month() === b.month() && d.date() < b.date())
  if (birthdayNotYet) age--
  return age
}

/** Masks an ID number for display: first 3 and last 4 characters kept, the rest `*` (`330***********1234`). */
export function maskResidentId(id: string): string {
  const v = normalizeResidentId(id)
  if (v.length <= 7) return '*'.repeat(v.length)
  return v.slice(0, 3) + '*'.repeat(v.length - 7) + v.slice(-4)
}

/** Masks a person's name as registers show it: first and last characters kept (`张*明`, `李*`, `欧**华`). */
export function maskName(name: string): string {
  const chars = Array.from(name)
  if (chars.length <= 1) return name
  if (chars.length === 2) return `${chars[0]}*`
  return chars[0] + '*'.repeat(chars.length - 2) + chars[chars.length - 1]
}

/**
 * 18 characters shaped like an ID number (17 digits and a digit or X), not inside a longer run of
 * letters or digits. No look-behind: older iOS engines (JavaScriptCore before iOS 16.4) cannot parse it.
 */
const ID_NUMBER_IN_TEXT = /(^|[^0-9A-Za-z])(\d{17}[\dXx])(?![0-9A-Za-z])/g

/**
 * Masks everything shaped like an 18-character ID number inside free text (`maskResidentId`), e.g. one
 * a resident typed into a dispute reason: ID numbers are sensitive personal information (PIPL art. 28)
 * and are kept and shown only where they are the point (real-name binding, the owner's export).
 */
export function maskIdNumbersIn(text: string): string {
  return text.replace(ID_NUMBER_IN_TEXT, (_all, before: string, id: string) => before + maskResidentId(id))
}
