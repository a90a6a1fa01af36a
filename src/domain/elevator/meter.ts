/**
 * Exact arithmetic for the elevator-retrofit vote (老旧小区加装电梯) and the live meter that shows the
 * four Civil Code art. 278 ratios against their thresholds (`thresholds.ts`: 2/3 participation, 3/4
 * approval). Areas are handled as integer hundredths of a m² (0.01 m² = 1), so "≥ threshold" is decided
 * by comparing cross-multiplied integers, never by float division.
 */
import { DomainError } from '../shared/errors'
import {
  APPROVAL_TEXT,
  APPROVAL_THRESHOLD,
  PARTICIPATION_TEXT,
  PARTICIPATION_THRESHOLD,
  type Fraction,
} from './thresholds'

/**
 * The result of `tallyVotes`. Areas in m² rounded to 2 decimals; owners by headcount (distinct
 * `ownerId`, SPC interpretation art. 9). `quorumMet`: participation ≥ `PARTICIPATION_THRESHOLD` of area
 * and of owners; `approved`: quorum and agreement ≥ `APPROVAL_THRESHOLD` of participating area and owners.
 */
export type VoteTally = {
  totalArea: number
  totalOwners: number
  participatingArea: number
  participatingOwners: number
  agreeArea: number
  agreeOwners: number
  quorumMet: boolean
  approved: boolean
}

/** One ratio of the meter: its current value, its threshold (`thresholds.ts`) and whether it is reached. */
export type MeterRatio = { value: Fraction; threshold: Fraction; met: boolean }

/**
 * What the live vote screen shows (Civil Code art. 278; SPC building-ownership interpretation art. 9).
 * - `participationArea`, `agreeArea`: fractions in hundredths of m² (participating / total area,
 *   agreeing / participating area); `participationOwners`, `agreeOwners`: in owners (headcount).
 * - `shortfall`: the least extra owners (headcount) and the least extra area (m², 2 decimals, rounded
 *   up) still needed for each threshold. The approval figures are counted against the larger of the
 *   current participation and the 2/3 quorum minimum, because participants cannot be removed: with no
 *   ballots from 12 equal owners they read 8 to participate and 6 to agree (the legal worked example).
 * - `participationStatus`, `approvalStatus`: the same in plain Chinese, e.g. `还差 1 户参与 / 12.35 ㎡`;
 *   before the quorum the approval shortfall reads `按参与达到 2/3 计，还差 2 户同意 / 52.27 ㎡`. Once the
 *   vote has closed nothing more can come, so they say what was missing instead:
 *   `表决已截止，参与未达到 ${PARTICIPATION_TEXT}（差 6 户、12.35 ㎡）`.
 */
export type ElevatorMeter = {
  participationArea: MeterRatio
  participationOwners: MeterRatio
  agreeArea: MeterRatio
  agreeOwners: MeterRatio
  shortfall: { participationOwners: number; participationArea: number; agreeOwners: number; agreeArea: number }
  participationStatus: string
  approvalStatus: string
}

/**
 * A non-negative number with at most 2 decimals (m² or a coefficient) as integer hundredths, read from
 * its decimal form (`toFixed(2)`), not `value * 100`, so 0.1 + 0.2 gives 30 and 1.005 is not 100.
 * Float noise from adding 2-decimal values (within 1e-12 relative) is tolerated; a real third decimal
 * (12.345) is refused. Throws `DomainError(code)` for NaN, infinities, negatives, more than 2 decimals
 * or values of 1e12 and above.
 */
export function toHundredths(value: number, code: string, label: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value >= 1e12) {
    throw new DomainError(code, `${label}不是有效的非负数：${String(value)}`)
  }
  const [whole, frac] = value.toFixed(2).split('.')
  const hundredths = Number(whole) * 100 + Number(frac)
  if (Math.abs(value - hundredths / 100) > 1e-12 * Math.max(1, value)) {
    throw new DomainError(code, `${label}最多保留两位小数：${String(value)}`)
  }
  return hundredths
}

/** Integer hundredths as a decimal string with 2 decimals: 1235 → `12.35`. */
function formatHundredths(hundredths: number): string {
  const whole = Math.floor(hundredths / 100)
  const frac = hundredths - whole * 100
  return `${whole}.${frac < 10 ? '0' : ''}${frac}`
}

/** Ceiling of `a / b` for integers, `b > 0` (exact, no float division of large values). */
function ceilDiv(a: number, b: number): number {
  const q = Math.floor(a / b)
  return q * b < a ? q + 1 : q
}

/** Whether `num / den ≥ threshold`, decided exactly; `false` when `den` is 0. */
export function reaches(num: number, den: number, threshold: Fraction): boolean {
  return den > 0 && num * threshold.den >= threshold.num * den
}

function ratio(num: number, den: number, threshold: Fraction): MeterRatio {
  return { value: { num, den }, threshold, met: reaches(num, den, threshold) }
}

function shortfallWords(owners: number, area: number, verb: string): string {
  const parts: string[] = []
  if (owners > 0) parts.push(`${owners} 户${verb}`)
  if (area > 0) parts.push(owners > 0 ? `${formatHundredths(area)} ㎡` : `${formatHundredths(area)} ㎡ ${verb}面积`)
  return `还差 ${parts.join(' / ')}`
}

/** What a closed vote lacked: `差 6 户、12.35 ㎡`. */
function missedWords(owners: number, area: number): string {
  return `差 ${[owners > 0 ? `${owners} 户` : '', area > 0 ? `${formatHundredths(area)} ㎡` : ''].filter(Boolean).join('、')}`
}

function count(value: number, label: string): number {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new DomainError('INVALID_TALLY', `${label}不是有效的人数：${String(value)}`)
  return value
}

/**
 * The live meter for a tally from `tallyVotes` (see `ElevatorMeter` for the shape and units).
 * Exact: ratios are integer fractions, shortfalls are integer ceilings (area in hundredths of m²,
 * reported in m² rounded up). Throws `DomainError('INVALID_TALLY')` for counts that are not
 * non-negative integers, or for areas with more than 2 decimals. Source: Civil Code art. 278.
 * `closed`: the vote has closed (its deadline passed): the words say what the result lacked, not what
 * is still needed.
 */
export function meterOf(tally: VoteTally, { closed = false }: { closed?: boolean } = {}): ElevatorMeter {
  const T = toHundredths(tally.totalArea, 'INVALID_TALLY', '总面积')
  const P = toHundredths(tally.participatingArea, 'INVALID_TALLY', '参与面积')
  const A = toHundredths(tally.agreeArea, 'INVALID_TALLY', '同意面积')
  const n = count(tally.totalOwners, '业主总人数')
  const p = count(tally.participatingOwners, '参与人数')
  const a = count(tally.agreeOwners, '同意人数')

  const Q = PARTICIPATION_THRESHOLD
  const R = APPROVAL_THRESHOLD
  const quorumOwners = ceilDiv(Q.num * n, Q.den)
  const shortfall = {
    participationOwners: Math.max(0, quorumOwners - p),
    participationArea: Math.max(0, ceilDiv(Q.num * T - Q.den * P, Q.den)),
    // Final participants p' ≥ max(p, quorum) and agreeing a' ≥ R·p'; likewise for area, with the final
    // participating area P' ≥ max(P, Q·T): A' ≥ R·P', i.e. R.den·Q.den·A' ≥ max(R.num·Q.den·P, R.num·Q.num·T).
    agreeOwners: Math.max(0, ceilDiv(R.num * Math.max(p, quorumOwners), R.den) - a),
    agreeArea: Math.max(0, ceilDiv(Math.max(R.num * Q.den * P, R.num * Q.num * T) - R.den * Q.den * A, R.den * Q.den)),
  }
  const participationArea = ratio(P, T, PARTICIPATION_THRESHOLD)
  const participationOwners = ratio(p, n, PARTICIPATION_THRESHOLD)
  const quorumMet = participationArea.met && participationOwners.met

  let participationStatus: string
  if (n === 0) participationStatus = '尚无业主名册'
  else if (quorumMet) participationStatus = `参与已达标（面积与人数均达 ${PARTICIPATION_TEXT}）`
  else if (closed)
    participationStatus = `表决已截止，参与未达到 ${PARTICIPATION_TEXT}（${missedWords(shortfall.participationOwners, shortfall.participationArea)}）`
  else participationStatus = shortfallWords(shortfall.participationOwners, shortfall.participationArea, '参与')

  let approvalStatus: string
  if (n === 0) approvalStatus = '尚无业主名册'
  else if (closed && !quorumMet) approvalStatus = `表决已截止，参与未达到 ${PARTICIPATION_TEXT}，不能通过`
  else if (closed && (shortfall.agreeOwners > 0 || shortfall.agreeArea > 0)) {
    approvalStatus = `表决已截止，同意未达到参与者的 ${APPROVAL_TEXT}（${missedWords(shortfall.agreeOwners, shortfall.agreeArea)}），不能通过`
  } else if (shortfall.agreeOwners > 0 || shortfall.agreeArea > 0) {
    // Before the quorum the shortfall counts from the fewest participants that can decide (the quorum),
    // which the current ratio among today's few voters does not show: say so.
    const words = shortfallWords(shortfall.agreeOwners, shortfall.agreeArea, '同意')
    approvalStatus = quorumMet ? words : `按参与达到 ${PARTICIPATION_TEXT} 计，${words}`
  } else
    approvalStatus = quorumMet
      ? `同意已达标（面积与人数均达参与者的 ${APPROVAL_TEXT}）`
      : `同意比例已够，待参与达到 ${PARTICIPATION_TEXT}`

  return {
    participationArea,
    participationOwners,
    agreeArea: ratio(A, P, APPROVAL_THRESHOLD),
    agreeOwners: ratio(a, p, APPROVAL_THRESHOLD),
    shortfall: {
      ...shortfall,
      participationArea: shortfall.participationArea / 100,
      agreeArea: shortfall.agreeArea / 100,
    },
    participationStatus,
    approvalStatus,
  }
}
