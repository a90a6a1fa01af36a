import fc from 'fast-check'
import {
  balanceFen,
  chargeHold,
  checkInvariant,
  holdCredit,
  issueDue,
  lapseDue,
  lapsesOn,
  monthlyIssue,
  refundCharge,
  releaseHold,
  spendableFen,
  summarize,
  ledgerDate,
  validateCareLedger,
  yearSummary,
  type CareEntry,
  type CareLedger,
} from '@/domain/care-card/ledger'
import { bookingShortfallText } from '@/domain/care-card/booking'
import { DomainError } from '@/domain/shared/errors'
import { addDays } from '@/domain/shared/time'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const empty: CareLedger = Object.freeze([])
/** A card with 300 yuan issued for each of the given months. */
const funded = (...months: string[]) =>
  months.reduce((l, m) => monthlyIssue(l, { date: `${m}-01`, monthlyCreditFen: 30000 }), empty)

describe('monthly issue (domain.md §1: on the 1st of each month, from the activation month)', () => {
  const elder = { birthDate: '1936-03-15', groups: [] }

  it('issues every month from activation up to asOf, by the tier assessed on each 1st', () => {
    const l = issueDue(empty, { ...elder, activeFrom: '2026-01-01', asOf: '2026-05-10' })
    // The 90th birthday on 15 March raises the credit from April (on 1 March she is still 89).
    expect(l.map((e) => [e.month, e.amountFen])).toEqual([
      ['2026-01', 10000],
      ['2026-02', 10000],
      ['2026-03', 10000],
      ['2026-04', 50000],
      ['2026-05', 50000],
    ])
    expect(l[3]).toMatchObject({
      kind: 'issue',
      at: '2026-04-01',
      year: 2026,
      note: '2026年4月爱心卡额度：年满 90 周岁，每月 500 元',
    })
  })

  it('a birthday on the 1st counts that month', () => {
    const l = issueDue(empty, { birthDate: '1936-04-01', groups: [], activeFrom: '2026-03-01', asOf: '2026-04-01' })
    expect(l.map((e) => e.amountFen)).toEqual([10000, 50000])
  })

  it('is idempotent: calling again issues nothing new', () => {
    const once = issueDue(empty, { ...elder, activeFrom: '2026-01-01', asOf: '2026-05-10' })
    expect(issueDue(once, { ...elder, activeFrom: '2026-01-01', asOf: '2026-05-31' })).toEqual(once)
    expect(issueDue(once, { ...elder, activeFrom: '2026-01-01', asOf: '2026-06-01' })).toHaveLength(6)
  })

  it('skips months in which the person is not yet eligible', () => {
    const l = issueDue(empty, { birthDate: '1946-06-10', groups: [], activeFrom: '2026-05-01', asOf: '2026-08-01' })
    expect(l.map((e) => e.month)).toEqual(['2026-07', '2026-08'])
  })

  it('crosses a year end into the right credit year', () => {
    const dec = issueDue(empty, { ...elder, activeFrom: '2026-12-01', asOf: '2026-12-01' })
    const l = issueDue(dec, { ...elder, activeFrom: '2026-12-01', asOf: '2027-01-01' })
    expect(l.map((e) => [e.month, e.year])).toEqual([
      ['2026-12', 2026],
      ['2027-01', 2027],
    ])
  })

  it('a month of an ended year issued late (catch-up) lapses at once', () => {
    const l = issueDue(empty, { ...elder, activeFrom: '2026-12-01', asOf: '2027-01-01' })
    expect(l.map((e) => [e.kind, e.year, e.amountFen])).toEqual([
      ['issue', 2026, 50000],
      ['lapse', 2026, 50000],
      ['issue', 2027, 50000],
    ])
    expect(issueDue(l, { ...elder, activeFrom: '2026-12-01', asOf: '2027-01-02' })).toEqual(l)
  })

  it('refuses issuing the same month twice by hand', () => {
    expect(codeOf(() => monthlyIssue(funded('2026-03'), { date: '2026-03-15', monthlyCreditFen: 100 }))).toBe(
      'ALREADY_ISSUED',
    )
  })
})

describe('hold, charge, release, refund (book, complete, cancel)', () => {
  const base = funded('2026-03')

  it('a hold needs enough balance; the message gives balance and price', () => {
    const held = holdCredit(base, { orderId: 'o1', amountFen: 22000, at: '2026-03-05T09:00:00+08:00' })
    expect(balanceFen(held)).toBe(8000)
    expect(codeOf(() => holdCredit(held, { orderId: 'o2', amountFen: 10000, at: '2026-03-06' }))).toBe(
      'INSUFFICIENT_BALANCE',
    )
    expect(() => holdCredit(held, { orderId: 'o2', amountFen: 10000, at: '2026-03-06' })).toThrow(
      '爱心卡可用余额 ¥80.00，不够支付本次服务 ¥100.00。',
    )
    expect(balanceFen(holdCredit(held, { orderId: 'o2', amountFen: 8000, at: '2026-03-06' }))).toBe(0)
  })

  it('charge turns the hold into spending; release returns it', () => {
    const held = holdCredit(base, { orderId: 'o1', amountFen: 5000, at: '2026-03-05' })
    expect(summarize(chargeHold(held, { orderId: 'o1', at: '2026-03-06' }))).toMatchObject({
      chargedFen: 5000,
      heldFen: 0,
      balanceFen: 25000,
    })
    expect(summarize(releaseHold(held, { orderId: 'o1', at: '2026-03-06' }))).toMatchObject({
      chargedFen: 0,
      heldFen: 0,
      balanceFen: 30000,
    })
  })

  it('charge and release need an open hold of that order with the same amount', () => {
    const held = holdCredit(base, { orderId: 'o1', amountFen: 5000, at: '2026-03-05' })
    const charged = chargeHold(held, { orderId: 'o1', at: '2026-03-06' })
    expect(codeOf(() => chargeHold(held, { orderId: 'o1', at: '2026-03-06', amountFen: 4000 }))).toBe('AMOUNT_MISMATCH')
    expect(codeOf(() => chargeHold(held, { orderId: 'nope', at: '2026-03-06' }))).toBe('HOLD_NOT_OPEN')
    expect(codeOf(() => chargeHold(charged, { orderId: 'o1', at: '2026-03-07' }))).toBe('HOLD_NOT_OPEN')
    expect(codeOf(() => releaseHold(charged, { orderId: 'o1', at: '2026-03-07' }))).toBe('HOLD_NOT_OPEN')
    expect(codeOf(() => holdCredit(charged, { orderId: 'o1', amountFen: 1, at: '2026-03-07' }))).toBe('DUPLICATE_ORDER')
  })

  it('refunds only a charged order, in parts, up to the charge', () => {
    const held = holdCredit(base, { orderId: 'o1', amountFen: 5000, at: '2026-03-05' })
    expect(codeOf(() => refundCharge(held, { orderId: 'o1', amountFen: 100, at: '2026-03-06' }))).toBe('NOT_CHARGED')
    const charged = chargeHold(held, { orderId: 'o1', at: '2026-03-06' })
    const part = refundCharge(charged, { orderId: 'o1', amountFen: 2000, at: '2026-03-07' })
    expect(codeOf(() => refundCharge(part, { orderId: 'o1', amountFen: 3001, at: '2026-03-07' }))).toBe(
      'REFUND_EXCEEDS_CHARGE',
    )
    const all = refundCharge(part, { orderId: 'o1', amountFen: 3000, at: '2026-03-08' })
    expect(summarize(all)).toMatchObject({ chargedFen: 5000, refundedFen: 5000, balanceFen: 30000 })
  })

  it('refused operations throw DomainError and change nothing', () => {
    const snapshot = JSON.stringify(base)
    expect(() => holdCredit(base, { orderId: 'o', amountFen: 1.5, at: '2026-03-05' })).toThrow(DomainError)
    expect(codeOf(() => holdCredit(base, { orderId: 'o', amountFen: 100, at: '2026-03-05 09:00' }))).toBe(
      'INVALID_DATE',
    )
    expect(codeOf(() => holdCredit(base, { orderId: 'o', amountFen: 100, at: '2026-02-31T09:00:00+08:00' }))).toBe(
      'INVALID_DATE',
    )
    expect(JSON.stringify(base)).toBe(snapshot)
  })
})

describe('year end (credit lapses at the end of 31 December, Beijing time)', () => {
  const year = funded('2026-11', '2026-12')

  it('lapsesOn is 31 December of the credit year', () => {
    expect(lapsesOn(2026)).toBe('2026-12-31')
  })

  it('lapseDue lapses only finished years, once, at Beijing midnight', () => {
    expect(lapseDue(year, '2026-12-31')).toEqual(year)
    expect(lapseDue(year, '2026-12-31T15:59:59Z')).toEqual(year) // 23:59:59 in Beijing
    const lapsed = lapseDue(year, '2026-12-31T16:00:00Z') // 00:00 on 1 January in Beijing
    expect(lapsed.slice(-1)[0]).toMatchObject({
      kind: 'lapse',
      year: 2026,
      amountFen: 60000,
      at: '2027-01-01T00:00:00+08:00',
    })
    expect(lapseDue(lapsed, '2027-06-01')).toEqual(lapsed)
    expect(summarize(lapsed)).toMatchObject({ issuedFen: 60000, lapsedFen: 60000, balanceFen: 0 })
  })

  it("after 31 December last year's credit cannot be spent, even before lapseDue runs", () => {
    const next = monthlyIssue(year, { date: '2027-01-01', monthlyCreditFen: 10000 })
    expect(spendableFen(next, '2027-01-02')).toBe(10000)
    expect(() => holdCredit(next, { orderId: 'o', amountFen: 20000, at: '2027-01-02' })).toThrow(
      '¥100.00，不够支付本次服务 ¥200.00',
    )
  })

  it('a hold made before year end is charged normally after it', () => {
    const held = holdCredit(year, { orderId: 'o1', amountFen: 5000, at: '2026-12-31T20:00:00+08:00' })
    const l = chargeHold(lapseDue(held, '2027-01-01'), { orderId: 'o1', at: '2027-01-02' })
    expect(yearSummary(l, 2026)).toMatchObject({ chargedFen: 5000, lapsedFen: 55000, heldFen: 0, balanceFen: 0 })
    expect(checkInvariant(l)).toBe(true)
  })

  it('credit released or refunded after its year has lapsed lapses at once', () => {
    const held = holdCredit(year, { orderId: 'o1', amountFen: 5000, at: '2026-12-30' })
    const released = releaseHold(lapseDue(held, '2027-01-01'), { orderId: 'o1', at: '2027-01-03' })
    expect(released.slice(-2).map((e) => [e.kind, e.year, e.amountFen])).toEqual([
      ['release', 2026, 5000],
      ['lapse', 2026, 5000],
    ])
    expect(yearSummary(released, 2026)).toMatchObject({ lapsedFen: 60000, balanceFen: 0 })
    const charged = chargeHold(holdCredit(year, { orderId: 'o2', amountFen: 5000, at: '2026-12-30' }), {
      orderId: 'o2',
      at: '2026-12-31',
    })
    const refunded = refundCharge(charged, { orderId: 'o2', amountFen: 1000, at: '2027-01-05' })
    expect(refunded.slice(-2).map((e) => e.kind)).toEqual(['refund', 'lapse'])
    expect(balanceFen(lapseDue(refunded, '2027-01-05'))).toBe(0)
  })

  it('yearSummary gives the card home its numbers', () => {
    const s = yearSummary(holdCredit(year, { orderId: 'o', amountFen: 1000, at: '2026-12-02' }), 2026)
    expect(s).toEqual({
      year: 2026,
      lapsesOn: '2026-12-31',
      issuedByMonth: { '2026-11': 30000, '2026-12': 30000 },
      issuedFen: 60000,
      heldFen: 1000,
      chargedFen: 0,
      refundedFen: 0,
      lapsedFen: 0,
      balanceFen: 59000,
    })
  })
})

describe('validation of a stored ledger', () => {
  it('checkInvariant and validateCareLedger catch a tampered list', () => {
    const ok = holdCredit(funded('2026-03'), { orderId: 'o1', amountFen: 100, at: '2026-03-02' })
    const forged: CareEntry[] = [
      ...ok,
      { id: 'hold:o2', kind: 'hold', amountFen: 999999, at: '2026-03-02', year: 2026, orderId: 'o2', note: '' },
    ]
    expect(checkInvariant(ok)).toBe(true)
    expect(checkInvariant(forged)).toBe(false)
    expect(codeOf(() => validateCareLedger(forged))).toBe('INSUFFICIENT_BALANCE')
    expect(codeOf(() => validateCareLedger([...ok, ok[0]]))).toBe('ALREADY_ISSUED')
    const charged = chargeHold(ok, { orderId: 'o1', at: '2026-03-03' })
    expect(codeOf(() => validateCareLedger([...charged, charged[2]]))).toBe('DUPLICATE_ENTRY')
    expect(codeOf(() => validateCareLedger([{ ...ok[1], year: 2025 }]))).toBe('INVALID_ENTRY')
  })
})

describe('property: random operations across a year end', () => {
  // Each operation moves a clock forward 0–12 days from 2026-10-01 and happens at a random hour (UTC),
  // so sequences cross 31 December in Beijing time, sometimes twice.
  const tick = fc.record({ days: fc.integer({ min: 0, max: 12 }), hour: fc.integer({ min: 0, max: 23 }) })
  const order = fc.integer({ min: 0, max: 40 }).map((n) => `o${n}`) // new orders, with some repeats
  const ref = fc.nat(6) // the ref-th most recent held order; 6 = an unknown order
  const op = fc.oneof(
    { arbitrary: fc.record({ t: fc.constant('issue' as const), tick }), weight: 2 },
    {
      arbitrary: fc.record({ t: fc.constant('hold' as const), order, fen: fc.integer({ min: 1, max: 15000 }), tick }),
      weight: 4,
    },
    { arbitrary: fc.record({ t: fc.constantFrom('release' as const, 'charge' as const), ref, tick }), weight: 4 },
    {
      arbitrary: fc.record({ t: fc.constant('refund' as const), ref, fen: fc.integer({ min: 1, max: 8000 }), tick }),
      weight: 2,
    },
    { arbitrary: fc.record({ t: fc.constant('lapse' as const), tick }), weight: 1 },
  )
  type Op = typeof op extends fc.Arbitrary<infer T> ? T : never
  // 90 on 1936-12-15 (credit rises in January), 80 on 1946-11-20, 60 and disabled from 1966-11-03.
  const person = fc.constantFrom(
    { birthDate: '1936-12-15', groups: [] },
    { birthDate: '1946-11-20', groups: [] },
    { birthDate: '1966-11-03', groups: ['disabled' as const] },
  )

  const pick = (l: CareLedger, k: number) => {
    const held = l.filter((e) => e.kind === 'hold')
    return k === 6 || !held.length ? 'unknown' : (held[held.length - 1 - (k % held.length)].orderId as string)
  }
  const apply = (l: CareLedger, o: Op, at: string, who: { birthDate: string; groups: 'disabled'[] }): CareLedger => {
    switch (o.t) {
      case 'issue':
        return issueDue(l, { ...who, activeFrom: '2026-10-01', asOf: at })
      case 'hold':
        return holdCredit(l, { orderId: o.order, amountFen: o.fen, at })
      case 'release':
        return releaseHold(l, { orderId: pick(l, o.ref), at })
      case 'charge':
        return chargeHold(l, { orderId: pick(l, o.ref), at })
      case 'refund':
        return refundCharge(l, { orderId: pick(l, o.ref), amountFen: o.fen, at })
      case 'lapse':
        return lapseDue(l, at)
    }
  }
  const sign: Record<string, number> = { issue: 1, hold: -1, release: 1, charge: 0, refund: 1, lapse: -1 }

  it('keeps every fen accounted for, never goes negative, and refusals change nothing', () => {
    fc.assert(
      fc.property(person, fc.array(op, { minLength: 10, maxLength: 80, size: 'max' }), (who, ops) => {
        let l = empty
        let day = '2026-10-01'
        let lapsedBefore = 0
        for (const o of ops) {
          day = addDays(day, o.tick.days)
          const at = `${day}T${String(o.tick.hour).padStart(2, '0')}:30:00Z`
          const before = JSON.stringify(l)
          try {
            const next = apply(l, o, at, who)
            expect(next.slice(0, l.length)).toEqual(l) // append-only
            l = next
          } catch (e) {
            expect(e).toBeInstanceOf(DomainError)
            expect(JSON.stringify(l)).toBe(before)
          }
          const s = summarize(l)
          expect(checkInvariant(l)).toBe(true)
          expect(s.issuedFen).toBe(s.chargedFen - s.refundedFen + s.heldFen + s.lapsedFen + s.balanceFen)
          expect(s.balanceFen).toBe(l.reduce((sum, e) => sum + sign[e.kind] * e.amountFen, 0))
          expect(s.refundedFen).toBeLessThanOrEqual(s.chargedFen)
          if (o.t === 'lapse') lapsedBefore = Number(ledgerDate(at).slice(0, 4))
          for (const y of [2026, 2027, 2028]) {
            const balance = yearSummary(l, y).balanceFen
            expect(balance).toBeGreaterThanOrEqual(0)
            // Once a year has lapsed its balance stays zero: later releases, refunds and late issues lapse at once.
            if (y < lapsedBefore) expect(balance).toBe(0)
          }
        }
      }),
      { numRuns: 120 },
    )
  })
})

describe('bookingShortfallText (said before the booking is confirmed)', () => {
  it('is null when the spendable balance covers the price, exactly included', () => {
    expect(bookingShortfallText({ balanceFen: 1200, heldFen: 0 }, 1200)).toBeNull()
  })

  it('says the balance, the price and what to do; names the held amount when cancelling would return it', () => {
    expect(bookingShortfallText({ balanceFen: 500, heldFen: 0 }, 1000)).toBe(
      '余额不足：爱心卡可用余额 ¥5.00，这项服务需要 ¥10.00。每月 1 日发放新的额度后可以再预约。',
    )
    expect(bookingShortfallText({ balanceFen: 0, heldFen: 6000 }, 1000)).toContain(
      '取消还没开始的预约，冻结的 ¥60.00 会退回',
    )
  })
})
