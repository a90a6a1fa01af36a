import fc from 'fast-check'
import { allocateCost, DEFAULT_FLOOR_COEFFICIENTS, type Household } from '@/domain/elevator/rules'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const sum = (shares: Record<string, number>) => Object.values(shares).reduce((a, b) => a + b, 0)

/** A stairwell of `floors` storeys from `from`, two flats per floor (x01, x02) of `area` m². */
const stack = (from: number, floors: number, area = 80): Household[] =>
  Array.from({ length: floors }, (_, i) => from + i).flatMap((f) => [
    { id: `${f}01`, ownerId: `o${f}01`, floor: f, area },
    { id: `${f}02`, ownerId: `o${f}02`, floor: f, area },
  ])

describe('allocateCost (domain note §3: share ∝ floor coefficient × area, integer fen)', () => {
  it('uses the default coefficients: floors 1–2 pay nothing, 3: 0.7 … 9: 1.3', () => {
    expect(DEFAULT_FLOOR_COEFFICIENTS).toEqual({ 1: 0, 2: 0, 3: 0.7, 4: 0.8, 5: 0.9, 6: 1.0, 7: 1.1, 8: 1.2, 9: 1.3 })
    const shares = allocateCost(45_000_000, stack(1, 7))
    expect([shares['101'], shares['102'], shares['201'], shares['202']]).toEqual([0, 0, 0, 0])
    // Weights 2 × (0.7 + 0.8 + 0.9 + 1.0 + 1.1) = 9.0 → 5,000,000 fen per 1.0 of coefficient.
    expect([shares['301'], shares['401'], shares['501'], shares['601'], shares['701']]).toEqual([
      3_500_000, 4_000_000, 4_500_000, 5_000_000, 5_500_000,
    ])
    expect(sum(shares)).toBe(45_000_000)
  })

  it('reproduces the real 7-storey, 12-household case (540,000 yuan; 7th floor 83,000, 3rd 20,800)', () => {
    // Floor 1 holds no flats; floors 2–7 have two flats each. The owners agreed a steeper table.
    const households = stack(2, 6)
    const agreed = { 1: 0, 2: 0, 3: 2.08, 4: 3.64, 5: 5.54, 6: 7.44, 7: 8.3 }
    const shares = allocateCost(54_000_000, households, agreed)
    expect(Object.keys(shares)).toHaveLength(12)
    expect([shares['201'], shares['202']]).toEqual([0, 0])
    expect(shares['301']).toBe(2_080_000)
    expect(shares['701']).toBe(8_300_000)
    expect(sum(shares)).toBe(54_000_000)
  })

  it('weights by area within a floor', () => {
    const h: Household[] = [
      { id: 'a', ownerId: 'a', floor: 6, area: 90 },
      { id: 'b', ownerId: 'b', floor: 6, area: 60 },
    ]
    expect(allocateCost(1000, h)).toEqual({ a: 600, b: 400 })
  })

  it('gives the leftover fen to the largest remainders, ties to the smaller household id', () => {
    const h: Household[] = ['c', 'a', 'b'].map((id) => ({ id, ownerId: id, floor: 6, area: 50 }))
    expect(allocateCost(100, h)).toEqual({ a: 34, b: 33, c: 33 })
    expect(allocateCost(101, h)).toEqual({ a: 34, b: 34, c: 33 })
  })

  it('uses the highest floor’s coefficient above the table', () => {
    const h: Household[] = [
      { id: 'nine', ownerId: 'x', floor: 9, area: 50 },
      { id: 'eleven', ownerId: 'y', floor: 11, area: 50 },
    ]
    expect(allocateCost(1000, h)).toEqual({ nine: 500, eleven: 500 })
  })

  it('shares nothing when the cost is zero', () => {
    expect(allocateCost(0, stack(3, 1))).toEqual({ 301: 0, 302: 0 })
  })

  it.each([
    ['NO_COST_BEARERS', 100, stack(1, 2), undefined],
    ['NO_COST_BEARERS', 100, [], undefined],
    ['INVALID_AMOUNT', -1, stack(3, 1), undefined],
    ['INVALID_AMOUNT', 10.5, stack(3, 1), undefined],
    ['INVALID_AMOUNT', Number.NaN, stack(3, 1), undefined],
    ['INVALID_FLOOR', 100, [{ id: 'x', ownerId: 'x', floor: 0, area: 50 }], undefined],
    ['INVALID_AREA', 100, [{ id: 'x', ownerId: 'x', floor: 3, area: 0 }], undefined],
    ['DUPLICATE_HOUSEHOLD', 100, [...stack(3, 1), ...stack(3, 1)], undefined],
    ['INVALID_COEFFICIENT', 100, stack(3, 1), { 3: -0.5 }],
    ['INVALID_COEFFICIENT', 100, stack(3, 1), { 3: 0.755 }],
    ['MISSING_COEFFICIENT', 100, stack(3, 1), { 4: 1 }],
  ])('throws %s', (code, cost, households, table) => {
    expect(
      codeOf(() =>
        allocateCost(cost as number, households as Household[], table as Record<number, number> | undefined),
      ),
    ).toBe(code)
    expect(() =>
      allocateCost(cost as number, households as Household[], table as Record<number, number> | undefined),
    ).toThrow(DomainError)
  })
})

describe('allocateCost properties', () => {
  const household = fc.record({
    floor: fc.integer({ min: 1, max: 12 }),
    area: fc.integer({ min: 1, max: 30_000 }).map((h) => h / 100),
  })
  const households = fc
    .array(household, { minLength: 1, maxLength: 30 })
    .map((rows) => rows.map((r, i) => ({ id: `h${String(i).padStart(2, '0')}`, ownerId: `o${i}`, ...r })))
    .filter((rows) => rows.some((r) => r.floor >= 3))
  const cost = fc.integer({ min: 0, max: 100_000_000 })

  const withShuffle = households.chain((rows) =>
    fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
  )

  it('sums exactly, each share within 1 fen of its exact proportion, input order never matters', () => {
    fc.assert(
      fc.property(withShuffle, cost, ([rows, shuffled], fen) => {
        const shares = allocateCost(fen, rows)
        expect(sum(shares)).toBe(fen)
        const weight = (r: Household) =>
          Math.round(DEFAULT_FLOOR_COEFFICIENTS[Math.min(r.floor, 9)] * 100) * Math.round(r.area * 100)
        const total = rows.reduce((s, r) => s + weight(r), 0)
        for (const r of rows) {
          const exact = (fen * weight(r)) / total // float is fine for a tolerance check
          expect(Math.abs(shares[r.id] - exact)).toBeLessThan(1 + 1e-6)
          expect(Number.isInteger(shares[r.id]) && shares[r.id] >= 0).toBe(true)
          if (r.floor <= 2) expect(shares[r.id]).toBe(0)
        }
        expect(allocateCost(fen, shuffled)).toEqual(shares)
      }),
      { numRuns: 300 },
    )
  })

  it('breaks ties by household id, so equal flats get the same shares in any order', () => {
    const ids = fc.uniqueArray(fc.string({ minLength: 1, maxLength: 4 }), { minLength: 2, maxLength: 12 })
    const flats = ids.map((list) => list.map((id) => ({ id, ownerId: id, floor: 5, area: 66.66 })))
    const pair = flats.chain((rows) =>
      fc.tuple(fc.constant(rows), fc.shuffledSubarray(rows, { minLength: rows.length, maxLength: rows.length })),
    )
    fc.assert(
      fc.property(pair, fc.integer({ min: 0, max: 1000 }), ([rows, shuffled], fen) => {
        const shares = allocateCost(fen, rows)
        expect(allocateCost(fen, shuffled)).toEqual(shares)
        const sorted = rows.map((r) => r.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))
        expect(sorted.map((id) => shares[id])).toEqual([...sorted.map((id) => shares[id])].sort((a, b) => b - a))
      }),
    )
  })
})
