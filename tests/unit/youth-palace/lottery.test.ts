import fc from 'fast-check'
import { sha256 } from '@noble/hashes/sha256'
import { bytesToHex } from '@noble/hashes/utils'
import {
  LOTTERY_ALGORITHM_CN,
  createCommitment,
  drawLottery,
  drawWithPriority,
  lotterySeed,
  verifyReveal,
} from '@/domain/youth-palace/lottery'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
/** An independent SHA-256 (Node's UTF-8 encoder), as a member of the public re-running the draw would use. */
const refHash = (...parts: string[]) => bytesToHex(sha256(new Uint8Array(Buffer.from(parts.join('\n'), 'utf8'))))
const ids = ['A01', 'A02', 'A03', 'A04', 'A05', 'A06', 'A07']

describe('drawLottery (domain.md §2 lottery fairness)', () => {
  it('orders applications by SHA-256(seed, id), as anyone can recompute', () => {
    const seed = 'spring-2026-calligraphy'
    const expected = [...ids].sort((a, b) => (refHash(seed, a) < refHash(seed, b) ? -1 : 1))
    expect(drawLottery(ids, 3, seed)).toEqual({ admitted: expected.slice(0, 3), waitlist: expected.slice(3) })
  })

  it('gives the same result for the same inputs', () => {
    expect(drawLottery(ids, 3, 'seed-1')).toEqual(drawLottery([...ids], 3, 'seed-1'))
  })

  it('does not depend on the order applications were listed in', () => {
    fc.assert(
      fc.property(
        fc.shuffledSubarray(ids, { minLength: ids.length }),
        fc.string({ minLength: 1 }),
        (shuffled, seed) => {
          expect(drawLottery(shuffled, 2, seed)).toEqual(drawLottery(ids, 2, seed))
        },
      ),
    )
  })

  it('admits min(seats, n) and waitlists the rest: together a permutation of the input', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.string(), { maxLength: 30 }),
        fc.nat(40),
        fc.string({ minLength: 1 }),
        (apps, seats, seed) => {
          const { admitted, waitlist } = drawLottery(apps, seats, seed)
          expect(admitted).toHaveLength(Math.min(seats, apps.length))
          expect([...admitted, ...waitlist].sort()).toEqual([...apps].sort())
        },
      ),
    )
  })

  it('keeps the waitlist in draw order: admitted + waitlist is the full draw', () => {
    const all = drawLottery(ids, ids.length, 's').admitted
    const { admitted, waitlist } = drawLottery(ids, 2, 's')
    expect([...admitted, ...waitlist]).toEqual(all)
  })

  it('handles no applicants, no seats and more seats than applicants', () => {
    expect(drawLottery([], 5, 's')).toEqual({ admitted: [], waitlist: [] })
    expect(drawLottery(ids, 0, 's').admitted).toEqual([])
    expect(drawLottery(ids, 0, 's').waitlist).toHaveLength(ids.length)
    expect(drawLottery(ids, 100, 's').waitlist).toEqual([])
  })

  it('makes every ordering of 3 applicants equally likely across 6000 seeds', () => {
    const counts = new Map<string, number>()
    const first = new Map<string, number>()
    for (let i = 0; i < 6000; i++) {
      const { admitted } = drawLottery(['x', 'y', 'z'], 3, `seed-${i}`)
      counts.set(admitted.join(''), (counts.get(admitted.join('')) ?? 0) + 1)
      first.set(admitted[0], (first.get(admitted[0]) ?? 0) + 1)
    }
    expect(counts.size).toBe(6)
    for (const n of counts.values()) expect(Math.abs(n - 1000)).toBeLessThanOrEqual(150)
    for (const n of first.values()) expect(Math.abs(n - 2000)).toBeLessThanOrEqual(200)
  })

  it('gives each of 7 applicants a fair chance of one of 2 seats across 7000 seeds', () => {
    const wins = new Map<string, number>()
    for (let i = 0; i < 7000; i++)
      for (const id of drawLottery(ids, 2, `s${i}`).admitted) wins.set(id, (wins.get(id) ?? 0) + 1)
    for (const id of ids) expect(Math.abs((wins.get(id) ?? 0) - 2000)).toBeLessThanOrEqual(200)
  })

  it.each([
    ['a duplicate application', () => drawLottery(['A', 'B', 'A'], 1, 's'), 'DUPLICATE_APPLICATION'],
    ['negative seats', () => drawLottery(ids, -1, 's'), 'INVALID_SEATS'],
    ['fractional seats', () => drawLottery(ids, 1.5, 's'), 'INVALID_SEATS'],
    ['NaN seats', () => drawLottery(ids, NaN, 's'), 'INVALID_SEATS'],
    ['an empty seed', () => drawLottery(ids, 1, ''), 'INVALID_SEED'],
  ])('refuses %s', (_case, fn, code) => {
    expect(codeOf(fn)).toBe(code)
    expect(fn).toThrow(DomainError)
  })
})

describe('commit and reveal', () => {
  const secret = 'a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8a3f1c9e07b5d42e8'

  it('commits to SHA-256 of the secret', () => {
    expect(createCommitment('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad')
    expect(createCommitment(secret)).toBe(refHash(secret))
  })

  it('verifies the true reveal and rejects a wrong one', () => {
    const commitment = createCommitment(secret)
    expect(verifyReveal(commitment, secret)).toBe(true)
    expect(verifyReveal(commitment.toUpperCase(), secret)).toBe(true)
    expect(verifyReveal(commitment, secret.replace(/.$/, '9'))).toBe(false)
    expect(verifyReveal(commitment, '')).toBe(false)
  })

  it('refuses to commit to an empty secret', () => {
    expect(codeOf(() => createCommitment(''))).toBe('INVALID_SECRET')
  })

  it('derives the seed from the reveal, the course and the sorted application ids', () => {
    const seed = lotterySeed(secret, 'C-calligraphy', ['A03', 'A01', 'A02'])
    expect(seed).toBe(refHash(secret, 'C-calligraphy', 'A01', 'A02', 'A03'))
    expect(lotterySeed(secret, 'C-calligraphy', ['A02', 'A03', 'A01'])).toBe(seed)
    expect(lotterySeed(secret, 'C-go', ['A01', 'A02', 'A03'])).not.toBe(seed)
    expect(lotterySeed(secret, 'C-calligraphy', ['A01', 'A02', 'A03', 'A04'])).not.toBe(seed)
  })

  it('refuses an empty reveal or duplicate ids in the seed', () => {
    expect(codeOf(() => lotterySeed('', 'C', ['A']))).toBe('INVALID_SEED')
    expect(codeOf(() => lotterySeed(secret, 'C', ['A', 'A']))).toBe('DUPLICATE_APPLICATION')
  })

  it('explains the algorithm in one plain-Chinese sentence', () => {
    expect(LOTTERY_ALGORITHM_CN).toContain('SHA-256')
    expect(LOTTERY_ALGORITHM_CN.match(/。/g)).toHaveLength(1)
    expect(LOTTERY_ALGORITHM_CN.endsWith('。')).toBe(true)
  })
})

describe('drawWithPriority (residents rank before non-residents)', () => {
  const apps = [
    { id: 'N1', resident: false },
    { id: 'R1', resident: true },
    { id: 'N2', resident: false },
    { id: 'R2', resident: true },
    { id: 'R3', resident: true },
    { id: 'N3', resident: false },
  ]

  it('ranks every resident before every non-resident, each group in lottery order', () => {
    const { order, admitted, waitlist } = drawWithPriority(apps, 4, 'seed')
    expect(order.slice(0, 3)).toEqual(drawLottery(['R1', 'R2', 'R3'], 3, 'seed').admitted)
    expect(order.slice(3)).toEqual(drawLottery(['N1', 'N2', 'N3'], 3, 'seed').admitted)
    expect(admitted).toEqual(order.slice(0, 4))
    expect(waitlist).toEqual(order.slice(4))
  })

  it('admits no non-resident while residents fill the seats', () => {
    const { admitted, waitlist } = drawWithPriority(apps, 3, 'another seed')
    expect(admitted.every((id) => id.startsWith('R'))).toBe(true)
    expect(waitlist.every((id) => id.startsWith('N'))).toBe(true)
  })

  it('does not depend on input order and keeps each id exactly once', () => {
    fc.assert(
      fc.property(fc.shuffledSubarray(apps, { minLength: apps.length }), fc.nat(8), (shuffled, seats) => {
        const r = drawWithPriority(shuffled, seats, 'seed')
        expect(r).toEqual(drawWithPriority(apps, seats, 'seed'))
        expect([...r.order].sort()).toEqual(apps.map((a) => a.id).sort())
      }),
    )
  })

  it('refuses duplicates and bad seats like drawLottery', () => {
    expect(codeOf(() => drawWithPriority([...apps, { id: 'R1', resident: false }], 2, 's'))).toBe(
      'DUPLICATE_APPLICATION',
    )
    expect(codeOf(() => drawWithPriority(apps, -2, 's'))).toBe('INVALID_SEATS')
    expect(codeOf(() => drawWithPriority(apps, 2, ''))).toBe('INVALID_SEED')
  })
})
