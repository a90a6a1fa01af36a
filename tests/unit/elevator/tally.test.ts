import { meaningfulLength, tallyVotes, meterOf, type Ballot, type Household } from '@/domain/elevator/rules'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}

/** `n` one-flat owners of equal area: h1…hn owned by o1…on. */
const equalFlats = (n: number, area = 80): Household[] =>
  Array.from({ length: n }, (_, i) => ({ id: `h${i + 1}`, ownerId: `o${i + 1}`, floor: (i % 6) + 1, area }))
/** Ballots for h1…h(agree+other): the first `agree` agree, the rest `other`. */
const votes = (agree: number, rest = 0, other: Ballot['choice'] = 'oppose'): Ballot[] =>
  Array.from({ length: agree + rest }, (_, i) => ({ householdId: `h${i + 1}`, choice: i < agree ? 'agree' : other }))

describe('tallyVotes: the legal worked example (Civil Code art. 278, 12 owners of equal area)', () => {
  it('7 voters fail the quorum, 8 meet it', () => {
    expect(tallyVotes(equalFlats(12), votes(7)).quorumMet).toBe(false)
    expect(tallyVotes(equalFlats(12), votes(8)).quorumMet).toBe(true)
  })

  it('with exactly 8 voters, 5 agreeing fail and 6 agreeing pass', () => {
    expect(tallyVotes(equalFlats(12), votes(5, 3)).approved).toBe(false)
    expect(tallyVotes(equalFlats(12), votes(6, 2))).toEqual({
      totalArea: 960,
      totalOwners: 12,
      participatingArea: 640,
      participatingOwners: 8,
      agreeArea: 480,
      agreeOwners: 6,
      quorumMet: true,
      approved: true,
    })
  })

  it('an abstention participates but does not agree', () => {
    const t = tallyVotes(equalFlats(12), votes(5, 3, 'abstain'))
    expect([t.participatingOwners, t.agreeOwners, t.quorumMet, t.approved]).toEqual([8, 5, true, false])
  })

  it('no ballots: nothing participates, nothing is approved', () => {
    expect(tallyVotes(equalFlats(3), [])).toMatchObject({
      participatingArea: 0,
      participatingOwners: 0,
      quorumMet: false,
      approved: false,
    })
  })

  it('no households: all zeros, neither quorum nor approval', () => {
    expect(tallyVotes([], [])).toMatchObject({ totalArea: 0, totalOwners: 0, quorumMet: false, approved: false })
  })
})

describe('tallyVotes: inclusive thresholds decided exactly on decimal areas', () => {
  // Three owners (headcount 2/3 and 3/4 handled separately): areas chosen so area ratios sit on the line.
  const flats = (a: number, b: number, c: number): Household[] => [
    { id: 'A', ownerId: 'a', floor: 3, area: a },
    { id: 'B', ownerId: 'b', floor: 4, area: b },
    { id: 'C', ownerId: 'c', floor: 5, area: c },
  ]

  it('participation of exactly 2/3 of the area meets the quorum (66.66 of 99.99)', () => {
    const t = tallyVotes(flats(33.33, 33.33, 33.33), [
      { householdId: 'A', choice: 'agree' },
      { householdId: 'B', choice: 'agree' },
    ])
    expect([t.totalArea, t.participatingArea, t.quorumMet, t.approved]).toEqual([99.99, 66.66, true, true])
  })

  it('0.01 m² below 2/3 of the area fails the quorum, even with 2 of 3 owners', () => {
    // Total 100.00; 2/3 is 66.666…; 66.66 is below, 66.67 meets it.
    const below = tallyVotes(flats(33.33, 33.33, 33.34), [
      { householdId: 'A', choice: 'agree' },
      { householdId: 'B', choice: 'agree' },
    ])
    expect([below.participatingArea, below.participatingOwners, below.quorumMet]).toEqual([66.66, 2, false])
    const at = tallyVotes(flats(33.33, 33.34, 33.33), [
      { householdId: 'A', choice: 'agree' },
      { householdId: 'B', choice: 'agree' },
    ])
    expect([at.participatingArea, at.quorumMet]).toEqual([66.67, true])
  })

  it('agreement of exactly 3/4 of the participating area passes, 0.01 m² less fails', () => {
    // 8 owners: 6 agree (exactly 3/4 by headcount). Areas: agreeing 6 × 50.00 = 300.00, others 2 × 50.00.
    const h = equalFlats(8, 50)
    expect(tallyVotes(h, votes(6, 2)).approved).toBe(true)
    // Shift 0.01 m² from an agreeing flat to an opposing one: agreeing 299.99 of 400.00.
    const shifted = h.map((x) => (x.id === 'h1' ? { ...x, area: 49.99 } : x.id === 'h8' ? { ...x, area: 50.01 } : x))
    const t = tallyVotes(shifted, votes(6, 2))
    expect([t.agreeArea, t.participatingArea, t.agreeOwners, t.approved]).toEqual([299.99, 400, 6, false])
  })

  it('sums decimal areas without float drift (0.1 + 0.2 style)', () => {
    const h: Household[] = [
      { id: 'A', ownerId: 'a', floor: 3, area: 0.1 },
      { id: 'B', ownerId: 'b', floor: 3, area: 0.2 },
      { id: 'C', ownerId: 'c', floor: 3, area: 0.15 },
    ]
    const t = tallyVotes(h, [
      { householdId: 'A', choice: 'agree' },
      { householdId: 'B', choice: 'agree' },
    ])
    expect([t.totalArea, t.participatingArea]).toEqual([0.45, 0.3])
    // 0.30 of 0.45 is exactly 2/3.
    expect(t.quorumMet).toBe(true)
    // An area carrying float noise from a sum is read as its 2-decimal value.
    expect(tallyVotes([{ id: 'X', ownerId: 'x', floor: 1, area: 0.1 + 0.2 }], []).totalArea).toBe(0.3)
  })
})

describe('tallyVotes: owners of several flats (SPC building-ownership interpretation art. 9)', () => {
  const h: Household[] = [
    { id: '101', ownerId: 'wang', floor: 1, area: 60 },
    { id: '102', ownerId: 'wang', floor: 1, area: 40 },
    { id: '201', ownerId: 'li', floor: 2, area: 50 },
    { id: '202', ownerId: 'zhao', floor: 2, area: 50 },
  ]

  it('counts an owner of several flats once by headcount, with all their area', () => {
    const t = tallyVotes(h, [
      { householdId: '101', choice: 'agree' },
      { householdId: '102', choice: 'agree' },
      { householdId: '201', choice: 'agree' },
    ])
    expect([t.totalOwners, t.participatingOwners, t.agreeOwners, t.participatingArea, t.totalArea]).toEqual([
      3, 2, 2, 150, 200,
    ])
    expect(t.quorumMet).toBe(true)
  })

  it('an owner voting on only one flat participates by headcount, only that flat’s area participates', () => {
    const t = tallyVotes(h, [
      { householdId: '102', choice: 'agree' },
      { householdId: '201', choice: 'agree' },
    ])
    expect([t.participatingOwners, t.participatingArea, t.agreeArea]).toEqual([2, 90, 90])
    expect(t.quorumMet).toBe(false) // 90 of 200 m² is below 2/3
  })

  it('refuses different choices on one owner’s flats', () => {
    expect(
      codeOf(() =>
        tallyVotes(h, [
          { householdId: '101', choice: 'agree' },
          { householdId: '102', choice: 'abstain' },
        ]),
      ),
    ).toBe('INCONSISTENT_OWNER_BALLOTS')
  })
})

describe('tallyVotes: refused input', () => {
  const h = equalFlats(2)
  it.each([
    ['UNKNOWN_HOUSEHOLD', h, [{ householdId: 'h9', choice: 'agree' }]],
    [
      'DUPLICATE_BALLOT',
      h,
      [
        { householdId: 'h1', choice: 'agree' },
        { householdId: 'h1', choice: 'oppose' },
      ],
    ],
    ['INVALID_AREA', [{ ...h[0], area: 0 }], []],
    ['INVALID_AREA', [{ ...h[0], area: -12.5 }], []],
    ['INVALID_AREA', [{ ...h[0], area: 12.345 }], []],
    ['INVALID_AREA', [{ ...h[0], area: Number.NaN }], []],
    ['DUPLICATE_HOUSEHOLD', [h[0], { ...h[1], id: 'h1' }], []],
    ['INVALID_HOUSEHOLD', [{ ...h[0], ownerId: '' }], []],
    ['INVALID_CHOICE', h, [{ householdId: 'h1', choice: 'yes' }]],
  ])('throws %s', (code, households, ballots) => {
    expect(codeOf(() => tallyVotes(households as Household[], ballots as Ballot[]))).toBe(code)
    expect(() => tallyVotes(households as Household[], ballots as Ballot[])).toThrow(DomainError)
  })
})

describe('meterOf: the live meter', () => {
  it('with no ballots the participation shortfall is the full 2/3, approval counts from the quorum minimum', () => {
    const m = meterOf(tallyVotes(equalFlats(12), []))
    expect(m.participationOwners).toEqual({ value: { num: 0, den: 12 }, threshold: { num: 2, den: 3 }, met: false })
    expect(m.shortfall).toEqual({ participationOwners: 8, participationArea: 640, agreeOwners: 6, agreeArea: 480 })
    expect(m.participationStatus).toBe('还差 8 户参与 / 640.00 ㎡')
    expect(m.approvalStatus).toBe('按参与达到 2/3 计，还差 6 户同意 / 480.00 ㎡')
    expect(m.agreeOwners.met).toBe(false)
  })

  it('rounds the missing area up to the next 0.01 m²', () => {
    // Total 100.00, none voted: 2/3 is 66.666… → 66.67 m² missing.
    const h: Household[] = [
      { id: 'A', ownerId: 'a', floor: 3, area: 33.33 },
      { id: 'B', ownerId: 'b', floor: 3, area: 33.33 },
      { id: 'C', ownerId: 'c', floor: 3, area: 33.34 },
    ]
    expect(meterOf(tallyVotes(h, [])).shortfall.participationArea).toBe(66.67)
    const m = meterOf(
      tallyVotes(h, [
        { householdId: 'A', choice: 'agree' },
        { householdId: 'B', choice: 'agree' },
      ]),
    )
    expect(m.participationStatus).toBe('还差 0.01 ㎡ 参与面积')
  })

  it('says how many more must agree among 8 voters, and shows exact fractions', () => {
    const m = meterOf(tallyVotes(equalFlats(12), votes(4, 4)))
    expect(m.agreeOwners.value).toEqual({ num: 4, den: 8 })
    expect(m.agreeArea.value).toEqual({ num: 32000, den: 64000 })
    expect(m.participationStatus).toBe('参与已达标（面积与人数均达 2/3）')
    expect(m.approvalStatus).toBe('还差 2 户同意 / 160.00 ㎡')
  })

  it('says when agreement suffices but participation is missing, and when everything is met', () => {
    const short = meterOf(tallyVotes(equalFlats(12), votes(7)))
    expect(short.participationStatus).toBe('还差 1 户参与 / 80.00 ㎡')
    expect(short.approvalStatus).toBe('同意比例已够，待参与达到 2/3')
    expect(meterOf(tallyVotes(equalFlats(12), votes(6, 2))).approvalStatus).toBe(
      '同意已达标（面积与人数均达参与者的 3/4）',
    )
  })

  it('once the vote has closed, says what the result lacked, never 还差 (nothing more can come)', () => {
    const none = meterOf(tallyVotes(equalFlats(12), votes(2)), { closed: true })
    expect(none.participationStatus).toBe('表决已截止，参与未达到 2/3（差 6 户、480.00 ㎡）')
    expect(none.approvalStatus).toBe('表决已截止，参与未达到 2/3，不能通过')
    const split = meterOf(tallyVotes(equalFlats(12), votes(4, 4)), { closed: true })
    expect(split.participationStatus).toBe('参与已达标（面积与人数均达 2/3）')
    expect(split.approvalStatus).toBe('表决已截止，同意未达到参与者的 3/4（差 2 户、160.00 ㎡），不能通过')
    expect(meterOf(tallyVotes(equalFlats(12), votes(6, 2)), { closed: true }).approvalStatus).toBe(
      '同意已达标（面积与人数均达参与者的 3/4）',
    )
    for (const m of [none, split]) expect(`${m.participationStatus}${m.approvalStatus}`).not.toContain('还差')
  })
})

describe("meaningfulLength: what counts toward an objection's minimum length", () => {
  it.each([
    ['😀😀😀😀😀', 0],
    ['井道影响采光 3 楼', 8],
    ['abc，。！？ 12', 5],
    ['', 0],
    ['施工噪音太大！！！', 6],
  ])('%s → %i', (text, n) => {
    expect(meaningfulLength(text)).toBe(n)
  })
})
