/**
 * Elevator retrofit in old residential buildings (老旧小区加装电梯): the owners' vote (Civil Code art. 278,
 * SPC building-ownership interpretation art. 9) and the cost split between households (PRODUCT rule,
 * shaped on Hangzhou Municipal Government Order No. 324 practice). Pure: no Taro, no I/O.
 * Areas are m² with at most 2 decimals; money is integer fen.
 */
import { DomainError } from '../shared/errors'
import { formatFen } from '../shared/money'
import { reaches, toHundredths, type VoteTally } from './meter'
import { APPROVAL_THRESHOLD, PARTICIPATION_THRESHOLD } from './thresholds'
import { VOTE_CHOICES, type VoteChoice } from './values'

export { meterOf } from './meter'
// VoteTally lives with the meter, which reads it.
export type { ElevatorMeter, VoteTally } from './meter'

/**
 * One household (flat) of the stairwell unit (单元) deciding on the retrofit.
 * `id`: the flat; `ownerId`: its registered owner (one owner may hold several flats); `floor`: storey,
 * from 1; `area`: registered exclusive floor area in m², > 0, at most 2 decimals.
 */
/**
 * The largest plausible budget of one elevator retrofit, in fen: ¥5,000,000, ten times the usual
 * cost. Source: domain.md §3 (about 500,000 yuan per elevator; a 7-storey, 12-household case paid about
 * 540,000). Beyond it a figure is a typing slip (an extra 0, or fen typed as yuan), and every household's
 * share shown on its ballot would be wrong by as much: the form and the backend refuse it, saying so.
 */
export const MAX_ELEVATOR_BUDGET_FEN = 5_000_000 * 100

/** Why a budget above `MAX_ELEVATOR_BUDGET_FEN` is refused, with what to check. */
export const BUDGET_TOO_HIGH_TEXT = `工程预算不能超过 ${formatFen(MAX_ELEVATOR_BUDGET_FEN)}，请核对是否多填了 0（一部电梯一般约 50 万元）`

/** Shortest written objection, in meaningful characters (`meaningfulLength`). */
export const OBJECTION_MIN_CHARS = 10

/**
 * Characters of `text` that carry meaning — letters of any script (CJK included) and digits — for length
 * rules: emoji, punctuation and spaces do not count ("😀😀😀😀😀" is 0, "井道影响采光 3 楼" is 8).
 */
export const meaningfulLength = (text: string): number => (text.match(/[\p{L}\p{N}]/gu) ?? []).length

export type Household = { id: string; ownerId: string; floor: number; area: number }

/** A household's final ballot (see `finalBallots` in `auditLog.ts`). An abstention participates. */
export type Ballot = { householdId: string; choice: VoteChoice }

const CHOICES: readonly string[] = VOTE_CHOICES

/** Validates households and indexes them by id with their area in integer hundredths of m². */
function indexHouseholds(households: Household[]): Map<string, { household: Household; area: number }> {
  const byId = new Map<string, { household: Household; area: number }>()
  for (const h of households) {
    if (typeof h.id !== 'string' || h.id === '' || typeof h.ownerId !== 'string' || h.ownerId === '') {
      throw new DomainError('INVALID_HOUSEHOLD', `住户编号或业主编号为空：${String(h.id)}`)
    }
    if (byId.has(h.id)) throw new DomainError('DUPLICATE_HOUSEHOLD', `住户重复登记：${h.id}`)
    const area = toHundredths(h.area, 'INVALID_AREA', `住户 ${h.id} 的专有面积`)
    if (area <= 0) throw new DomainError('INVALID_AREA', `住户 ${h.id} 的专有面积必须大于 0：${String(h.area)}`)
    byId.set(h.id, { household: h, area })
  }
  return byId
}

/**
 * Tallies the final ballots of one stairwell unit under Civil Code art. 278: quorum when participating
 * area and participating owners each reach `PARTICIPATION_THRESHOLD` (today 2/3) of the total area and of
 * all owners; approved when quorum is met AND agreeing area and agreeing owners each reach
 * `APPROVAL_THRESHOLD` (today 3/4) of the participating area and owners (both in `thresholds.ts`).
 * Thresholds are inclusive (以上 includes the figure) and decided exactly on integer hundredths of m²
 * (`den × part ≥ num × total`).
 *
 * Owners are counted once whatever the number of flats they hold (SPC interpretation art. 9). All
 * ballots on one owner's flats must carry the same choice. Decision (PRODUCT): an owner who voted on
 * only some of their flats participates (and agrees) by headcount, but only the voted flats' area
 * participates; the unvoted flats still count in the total area.
 * With no households the tally is all zeros and neither quorum nor approval is met.
 *
 * @param households the unit's flats (`Household`), ids unique.
 * @param ballots at most one final ballot per household.
 * @throws DomainError `UNKNOWN_HOUSEHOLD` (ballot for a flat not listed), `DUPLICATE_BALLOT` (two
 *   ballots for one flat), `INCONSISTENT_OWNER_BALLOTS` (one owner, different choices),
 *   `INVALID_AREA` (area ≤ 0, not finite or with more than 2 decimals), `DUPLICATE_HOUSEHOLD`,
 *   `INVALID_HOUSEHOLD` (empty id or owner), `INVALID_CHOICE`.
 */
export function tallyVotes(households: Household[], ballots: Ballot[]): VoteTally {
  const byId = indexHouseholds(households)
  const choiceOf = new Map<string, Ballot['choice']>()
  for (const b of ballots) {
    if (!CHOICES.includes(b.choice)) throw new DomainError('INVALID_CHOICE', `无效的表决意见：${String(b.choice)}`)
    if (!byId.has(b.householdId)) throw new DomainError('UNKNOWN_HOUSEHOLD', `表决票对应的住户不存在：${b.householdId}`)
    if (choiceOf.has(b.householdId)) throw new DomainError('DUPLICATE_BALLOT', `同一住户有两张表决票：${b.householdId}`)
    choiceOf.set(b.householdId, b.choice)
  }

  let totalArea = 0
  const owners = new Set<string>()
  byId.forEach(({ household, area }) => {
    totalArea += area
    owners.add(household.ownerId)
  })

  let participatingArea = 0
  let agreeArea = 0
  const ownerChoice = new Map<string, Ballot['choice']>()
  choiceOf.forEach((choice, householdId) => {
    const { household, area } = byId.get(householdId)!
    const earlier = ownerChoice.get(household.ownerId)
    if (earlier !== undefined && earlier !== choice) {
      throw new DomainError('INCONSISTENT_OWNER_BALLOTS', `业主 ${household.ownerId} 名下各户的表决意见不一致`)
    }
    ownerChoice.set(household.ownerId, choice)
    participatingArea += area
    if (choice === 'agree') agreeArea += area
  })
  const participatingOwners = ownerChoice.size
  let agreeOwners = 0
  ownerChoice.forEach((choice) => {
    if (choice === 'agree') agreeOwners += 1
  })

  const quorumMet =
    reaches(participatingArea, totalArea, PARTICIPATION_THRESHOLD) &&
    reaches(participatingOwners, owners.size, PARTICIPATION_THRESHOLD)
  const approved =
    quorumMet &&
    reaches(agreeArea, participatingArea, APPROVAL_THRESHOLD) &&
    reaches(agreeOwners, participatingOwners, APPROVAL_THRESHOLD)

  return {
    totalArea: totalArea / 100,
    totalOwners: owners.size,
    participatingArea: participatingArea / 100,
    participatingOwners,
    agreeArea: agreeArea / 100,
    agreeOwners,
    quorumMet,
    approved,
  }
}

/**
 * Default floor coefficients for the cost share (domain note §3, PRODUCT): floors 1–2 pay nothing;
 * 3: 0.7; 4: 0.8; 5: 0.9; 6: 1.0; 7: 1.1; 8: 1.2; 9: 1.3. Floors above the table use its last entry.
 */
export const DEFAULT_FLOOR_COEFFICIENTS: Readonly<Record<number, number>> = Object.freeze({
  1: 0,
  2: 0,
  3: 0.7,
  4: 0.8,
  5: 0.9,
  6: 1.0,
  7: 1.1,
  8: 1.2,
  9: 1.3,
})

/** Coefficient table as integer hundredths by floor, plus its highest floor. */
function readCoefficients(table: Record<number, number>): { byFloor: Map<number, number>; top: number } {
  const byFloor = new Map<number, number>()
  let top = -Infinity
  for (const key of Object.keys(table)) {
    const floor = Number(key)
    if (!Number.isInteger(floor)) throw new DomainError('INVALID_COEFFICIENT', `楼层系数表的楼层无效：${key}`)
    byFloor.set(floor, toHundredths(table[floor], 'INVALID_COEFFICIENT', `${floor} 层的分摊系数`))
    top = Math.max(top, floor)
  }
  if (byFloor.size === 0) throw new DomainError('INVALID_COEFFICIENT', '楼层系数表为空')
  return { byFloor, top }
}

/**
 * Splits the net cost (total − subsidies − other funds) of one elevator between the unit's households,
 * each share ∝ coefficient(floor) × area (domain note §3, PRODUCT; Hangzhou Order No. 324 leaves the
 * split to the owners' agreement). Exact: weights are integers (coefficient × 100 × area × 100) and
 * shares are computed with BigInt; the shares are the floors of the exact proportions plus one fen for
 * the largest remainders (ties: smaller household id first, by code unit), so they sum exactly to
 * `netCostFen`, each is within 1 fen of its exact proportion, and input order never matters.
 *
 * @param netCostFen the amount to share, integer fen ≥ 0.
 * @param households the flats; `floor` an integer ≥ 1, `area` in m² (≤ 2 decimals).
 * @param coefficients floor → coefficient (≥ 0, ≤ 2 decimals), replacing the default table
 *   `DEFAULT_FLOOR_COEFFICIENTS`; a floor above the table's highest uses the highest floor's value.
 * @returns household id → share in integer fen (0 for floors with coefficient 0).
 * @throws DomainError `INVALID_AMOUNT` (negative, fractional or unsafe cost), `NO_COST_BEARERS` (every
 *   weight is zero, or no households), `INVALID_FLOOR`, `MISSING_COEFFICIENT` (a floor within the
 *   table without an entry), `INVALID_COEFFICIENT`, `INVALID_AREA`, `DUPLICATE_HOUSEHOLD`,
 *   `INVALID_HOUSEHOLD`.
 */
export function allocateCost(
  netCostFen: number,
  households: Household[],
  coefficients: Record<number, number> = DEFAULT_FLOOR_COEFFICIENTS,
): Record<string, number> {
  if (!Number.isSafeInteger(netCostFen) || netCostFen < 0) {
    throw new DomainError('INVALID_AMOUNT', `分摊金额必须是非负整数（分）：${String(netCostFen)}`)
  }
  const byId = indexHouseholds(households)
  const { byFloor, top } = readCoefficients(coefficients)

  const rows: { id: string; weight: bigint }[] = []
  byId.forEach(({ household, area }) => {
    const { floor } = household
    if (!Number.isInteger(floor) || floor < 1)
      throw new DomainError('INVALID_FLOOR', `住户 ${household.id} 的楼层无效：${String(floor)}`)
    const coefficient = floor > top ? byFloor.get(top) : byFloor.get(floor)
    if (coefficient === undefined) throw new DomainError('MISSING_COEFFICIENT', `楼层系数表缺少 ${floor} 层`)
    rows.push({ id: household.id, weight: BigInt(coefficient) * BigInt(area) })
  })
  const zero = BigInt(0)
  const totalWeight = rows.reduce((sum, r) => sum + r.weight, zero)
  if (totalWeight === zero) throw new DomainError('NO_COST_BEARERS', '没有需要分摊费用的住户（所有分摊系数均为 0）')

  const cost = BigInt(netCostFen)
  const shares = rows.map((r) => ({
    id: r.id,
    fen: (cost * r.weight) / totalWeight,
    rest: (cost * r.weight) % totalWeight,
  }))
  let left = netCostFen - shares.reduce((sum, s) => sum + Number(s.fen), 0)
  const byRemainder = [...shares].sort((x, y) =>
    x.rest !== y.rest ? (x.rest > y.rest ? -1 : 1) : x.id < y.id ? -1 : x.id > y.id ? 1 : 0,
  )
  const extra = new Set<string>()
  for (const s of byRemainder) {
    if (left <= 0) break
    extra.add(s.id)
    left -= 1
  }

  const result: Record<string, number> = {}
  for (const s of [...shares].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0))) {
    result[s.id] = Number(s.fen) + (extra.has(s.id) ? 1 : 0)
  }
  return result
}
