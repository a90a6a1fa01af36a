import fc from 'fast-check'
import { assertFen, assertPositiveFen, formatFen, yuanText, yuanToFen } from '@/domain/shared/money'
import { DomainError } from '@/domain/shared/errors'

const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}

describe('formatFen (money is integer fen, domain.md §1)', () => {
  it.each([
    [10000, '¥100.00'],
    [0, '¥0.00'],
    [1, '¥0.01'],
    [150, '¥1.50'],
    [99999, '¥999.99'],
    [100000, '¥1,000.00'],
    [1234500, '¥12,345.00'],
    [123456789, '¥1,234,567.89'],
    [54000000, '¥540,000.00'],
    [-150, '-¥1.50'],
    [-123456789, '-¥1,234,567.89'],
    [-1, '-¥0.01'],
  ])('formats %p fen as %s', (fen, text) => {
    expect(formatFen(fen)).toBe(text)
  })

  it.each([[1.5], [NaN], [Infinity], [Number.MAX_SAFE_INTEGER + 1], ['100' as unknown as number]])(
    'refuses %p, which is not integer fen',
    (fen) => {
      expect(codeOf(() => formatFen(fen))).toBe('INVALID_AMOUNT')
    },
  )
})

describe('yuanText (yuan inside a sentence)', () => {
  it('drops needless decimals and keeps needed ones', () => {
    expect(yuanText(10000)).toBe('100')
    expect(yuanText(10050)).toBe('100.50')
    expect(yuanText(5)).toBe('0.05')
    expect(yuanText(-150)).toBe('-1.50')
  })

  it('separates thousands like formatFen', () => {
    expect(yuanText(20000000)).toBe('200,000')
    expect(yuanText(123456789)).toBe('1,234,567.89')
    expect(yuanText(99900)).toBe('999')
  })
})

describe('yuanToFen (strict: at most two decimals)', () => {
  it.each([
    ['12', 1200],
    ['12.5', 1250],
    ['12.50', 1250],
    ['0.01', 1],
    ['0', 0],
    [' 3.05 ', 305],
    ['-1.50', -150],
    ['-0', 0],
    [3, 300],
    [0.29, 29],
    [19.99, 1999],
    [-0, 0],
    [1234567.89, 123456789],
  ])('reads %p as %p fen', (yuan, fen) => {
    expect(yuanToFen(yuan)).toBe(fen)
  })

  it.each([
    ['1.005'],
    ['1.'],
    ['.5'],
    ['01'],
    ['1e3'],
    [''],
    ['  '],
    ['¥1'],
    ['1,000'],
    ['1 000'],
    ['abc'],
    ['+1'],
    [1.005],
    [1e21],
    [NaN],
    [Infinity],
    ['99999999999999999'],
  ])('refuses %p with INVALID_AMOUNT', (yuan) => {
    expect(codeOf(() => yuanToFen(yuan as string | number))).toBe('INVALID_AMOUNT')
    expect(() => yuanToFen(yuan as string | number)).toThrow(DomainError)
  })

  it('round-trips with formatFen (separators taken out) for every safe fen amount', () => {
    fc.assert(
      fc.property(
        fc.maxSafeInteger().map((n) => Math.trunc(n / 100) + 0),
        (fen) => {
          expect(yuanToFen(formatFen(fen).replace(/[¥,]/g, ''))).toBe(fen)
        },
      ),
    )
  })

  it('never drifts on two-decimal numbers', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), (fen) => {
        expect(yuanToFen(Number((fen / 100).toFixed(2)))).toBe(fen)
      }),
    )
  })
})

describe('integer-only guards', () => {
  it('assertFen accepts integers, zero and negatives; refuses fractions', () => {
    expect(() => assertFen(0)).not.toThrow()
    expect(() => assertFen(-5)).not.toThrow()
    expect(codeOf(() => assertFen(0.5))).toBe('INVALID_AMOUNT')
  })

  it('assertPositiveFen refuses zero and negatives, naming the amount', () => {
    expect(() => assertPositiveFen(1)).not.toThrow()
    expect(codeOf(() => assertPositiveFen(0))).toBe('INVALID_AMOUNT')
    expect(() => assertPositiveFen(-1, '服务价格')).toThrow('服务价格')
  })
})
