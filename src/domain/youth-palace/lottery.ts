/**
 * Doorstep youth palace (家门口青少年宫) lottery: a seeded, reproducible, publicly checkable draw for
 * over-subscribed courses, with commit and reveal (domain.md §2 PRODUCT "lottery fairness").
 *
 * 1. When registration opens the operator publishes `createCommitment(secret)` = SHA-256 of a secret
 *    random value (generated outside the domain and passed in: this module has no randomness).
 * 2. After registration closes the secret is revealed; anyone checks `verifyReveal(commitment, secret)`.
 * 3. seed = `lotterySeed(secret, courseId, applicationIds)` = SHA-256(secret, course id, sorted ids).
 * 4. order = ids sorted by SHA-256(seed, id); the first `seats` are admitted, the rest waitlisted in order.
 *
 * Hashes are `sha256Hex` (UTF-8 of the parts joined with `\n`, lower-case hex), so the draw can be re-run
 * with any SHA-256 tool. Pure: no I/O, no clock, no randomness.
 */
import { DomainError } from '../shared/errors'
import { sha256Hex } from '../shared/hash'

/** Outcome of a draw: admitted ids in draw order, then the waitlist in draw order. */
export interface LotteryResult {
  admitted: string[]
  waitlist: string[]
}

/** Outcome of a draw with resident priority; `order` is the full ranking (admitted then waitlist). */
export interface PriorityLotteryResult extends LotteryResult {
  order: string[]
}

/** One application entering a priority draw: `resident` = lives in the community and keeps priority. */
export interface LotteryApplication {
  id: string
  resident: boolean
}

/**
 * The algorithm in one plain-Chinese sentence, for the result page (domain.md §2 PRODUCT).
 */
export const LOTTERY_ALGORITHM_CN =
  '报名开始时我们先公布一个秘密随机数的 SHA-256 指纹，报名截止后公开这个随机数（任何人都可核对它与指纹一致），' +
  '再用它、课程编号和排好序的全部报名编号算出抽签种子，然后把种子与每个报名编号一起算 SHA-256、按结果从小到大排序' +
  '（本社区居民整体排在非居民之前），排在前面的按名额录取、其余依次进入候补，任何人都可以用公开的数据自己重算一遍。'

function assertSeed(seed: string): void {
  if (typeof seed !== 'string' || seed.length === 0) throw new DomainError('INVALID_SEED', '抽签种子不能为空')
}

function assertSeats(seats: number): void {
  if (typeof seats !== 'number' || !Number.isInteger(seats) || seats < 0) {
    throw new DomainError('INVALID_SEATS', `名额数必须是 0 或正整数，收到的是 ${String(seats)}`)
  }
}

function assertUnique(ids: string[]): void {
  const seen = new Set<string>()
  for (const id of ids) {
    if (seen.has(id))
      throw new DomainError('DUPLICATE_APPLICATION', `报名编号 ${id} 重复出现，每份报名只能参加一次抽签`)
    seen.add(id)
  }
}

/** Code-unit string order (locale-independent, the same on every engine). */
const compareText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** Ids ordered by SHA-256(seed, id), ties (practically impossible) broken by id. */
function drawOrder(ids: string[], seed: string): string[] {
  const keyed = ids.map((id) => ({ id, key: sha256Hex(seed, id) }))
  keyed.sort((a, b) => compareText(a.key, b.key) || compareText(a.id, b.id))
  return keyed.map((k) => k.id)
}

/**
 * Draws a course: orders `applicationIds` by SHA-256(seed, id) and admits the first `seats`.
 * Deterministic and independent of the input order; across seeds every ordering is equally likely.
 * @param applicationIds distinct application ids (any order); an empty list gives empty results
 * @param seats places available, a whole number ≥ 0 (more seats than applicants admits everyone)
 * @param seed non-empty seed, normally `lotterySeed(...)`
 * @returns `{ admitted, waitlist }`: the first min(seats, n) ids in draw order, then the rest in draw
 *   order; together they hold each id exactly once
 * @throws DomainError `INVALID_SEED` (empty seed), `INVALID_SEATS` (negative or non-integer),
 *   `DUPLICATE_APPLICATION` (an id given twice)
 * Source: domain.md §2 PRODUCT (lottery fairness).
 */
export function drawLottery(applicationIds: string[], seats: number, seed: string): LotteryResult {
  assertSeed(seed)
  assertSeats(seats)
  assertUnique(applicationIds)
  const order = drawOrder(applicationIds, seed)
  return { admitted: order.slice(0, seats), waitlist: order.slice(seats) }
}

/**
 * Draw with resident priority: residents first, then non-residents, each group in the same per-id
 * SHA-256(seed, id) order as `drawLottery`. Pass `resident: false` for a resident who lost priority
 * (see `hasResidentPriority` in youthPalaceRules).
 * @returns `{ admitted, waitlist, order }`; `order` = admitted followed by waitlist
 * @throws DomainError `INVALID_SEED`, `INVALID_SEATS`, `DUPLICATE_APPLICATION` as `drawLottery`
 * Source: domain.md §2 PRODUCT ("in a draw, residents rank before non-residents").
 */
export function drawWithPriority(
  applications: LotteryApplication[],
  seats: number,
  seed: string,
): PriorityLotteryResult {
  assertSeed(seed)
  assertSeats(seats)
  assertUnique(applications.map((a) => a.id))
  const residents = applications.filter((a) => a.resident === true).map((a) => a.id)
  const others = applications.filter((a) => a.resident !== true).map((a) => a.id)
  const order = [...drawOrder(residents, seed), ...drawOrder(others, seed)]
  return { admitted: order.slice(0, seats), waitlist: order.slice(seats), order }
}

/**
 * The commitment published when registration opens: lower-case hex SHA-256 of the exact secret string
 * (normally 64 hex characters from a secure random source outside the domain).
 * @throws DomainError `INVALID_SECRET` for an empty secret
 * Source: domain.md §2 PRODUCT (commit and reveal).
 */
export function createCommitment(secretHex: string): string {
  if (typeof secretHex !== 'string' || secretHex.length === 0)
    throw new DomainError('INVALID_SECRET', '抽签秘密值不能为空')
  return sha256Hex(secretHex)
}

/**
 * Whether a revealed secret matches the published commitment (hex compared case-insensitively, the
 * secret hashed exactly as given). Never throws: malformed input is simply `false`.
 * Source: domain.md §2 PRODUCT (commit and reveal).
 */
export function verifyReveal(commitment: string, revealed: string): boolean {
  if (typeof commitment !== 'string' || typeof revealed !== 'string' || revealed.length === 0) return false
  return sha256Hex(revealed) === commitment.trim().toLowerCase()
}

/**
 * The draw seed: SHA-256(revealed, courseId, ...ids sorted in code-unit order), lower-case hex.
 * Fixed only once the applicant list is final, so no one can know or steer the order in advance.
 * @throws DomainError `INVALID_SEED` (empty revealed value), `DUPLICATE_APPLICATION` (an id twice)
 * Source: domain.md §2 PRODUCT (lottery fairness).
 */
export function lotterySeed(revealed: string, courseId: string, applicationIds: string[]): string {
  if (typeof revealed !== 'string' || revealed.length === 0)
    throw new DomainError('INVALID_SEED', '公开的秘密值不能为空')
  assertUnique(applicationIds)
  return sha256Hex(revealed, courseId, ...[...applicationIds].sort(compareText))
}

/**
 * The message that hands an applicant a lottery course's commitment (64 lower-case hex) before the draw,
 * so their phone re-checks the draw against what they received, not against what the server shows later
 * (`commitmentInMessage` reads it back). Source: domain.md §2 PRODUCT (lottery fairness).
 */
export function commitmentMessage(childName: string, courseName: string, commitment: string): string {
  return (
    `${childName}报名的《${courseName}》在报名截止后抽签（人数没有超过名额就全部录取）。本课的抽签指纹：${commitment}。` +
    '抽签后，手机会用这条消息里的指纹核对结果，请保留这条消息。'
  )
}

/** The commitment in a message body written by `commitmentMessage`, or null when it holds none. */
export function commitmentInMessage(body: string): string | null {
  return /抽签指纹：([0-9a-f]{64})/.exec(body)?.[1] ?? null
}
