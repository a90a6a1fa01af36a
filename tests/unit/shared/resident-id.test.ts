import { readdirSync, readFileSync, statSync } from 'fs'
import { join } from 'path'
import {
  ageOn,
  maskResidentId,
  normalizeResidentId,
  parseResidentId,
  RESIDENT_ID_INPUT_MAXLENGTH,
  residentIdCheckChar,
  typedResidentId,
} from '@/domain/shared/residentId'
import { DomainError } from '@/domain/shared/errors'

/** Builds a valid number from its first 17 digits. */
const withCheck = (first17: string) => first17 + residentIdCheckChar(first17)
const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}
const messageOf = (fn: () => unknown) => {
  try {
    fn()
    return ''
  } catch (e) {
    return (e as Error).message
  }
}

describe('parseResidentId (GB 11643-1999)', () => {
  it('reads region, birth date and sex from a valid number', () => {
    // The standard's own example: 11010519491231002X, a woman born 1949-12-31 in Beijing.
    expect(parseResidentId('11010519491231002X', '2026-01-01')).toEqual({
      regionCode: '110105',
      birthDate: '1949-12-31',
      sex: 'female',
    })
  })

  it('accepts a lower-case x and surrounding spaces', () => {
    expect(parseResidentId('  11010519491231002x ', '2026-01-01').birthDate).toBe('1949-12-31')
  })

  it('accepts spaces inside, as pasted in groups (also full-width and no-break), and full-width digits and Ｘ', () => {
    expect(parseResidentId('110105 1949 1231 002x', '2026-01-01').birthDate).toBe('1949-12-31')
    expect(normalizeResidentId('\u3000110105\u30001949\u00a01231\t002ｘ ')).toBe('11010519491231002X')
    expect(normalizeResidentId('１１０１０５１９４９１２３１００２Ｘ')).toBe('11010519491231002X')
  })

  it('tells male from female by the parity of the 17th digit', () => {
    expect(parseResidentId(withCheck('33021119440315001'), '2026-01-01').sex).toBe('male')
    expect(parseResidentId(withCheck('33021119440315002'), '2026-01-01').sex).toBe('female')
  })

  it.each([
    ['too short', '1101051949123100', '18 位'],
    ['too long', '11010519491231002X1', '18 位'],
    ['old 15-digit', '110105491231002', '15 位'],
    ['letters', '1101051949A231002X', '数字'],
    ['X in the middle', '11010519X9123100XX', '数字'],
  ])('refuses a number with the wrong shape (%s)', (_case, id, words) => {
    expect(codeOf(() => parseResidentId(id, '2026-01-01'))).toBe('INVALID_RESIDENT_ID')
    expect(messageOf(() => parseResidentId(id, '2026-01-01'))).toContain(words)
  })

  it('refuses an impossible birth date, also 29 February in a common year', () => {
    expect(messageOf(() => parseResidentId(withCheck('33021119430229001'), '2026-01-01'))).toContain('不存在')
    expect(messageOf(() => parseResidentId(withCheck('33021119441331001'), '2026-01-01'))).toContain('不存在')
    expect(parseResidentId(withCheck('33021119440229001'), '2026-01-01').birthDate).toBe('1944-02-29')
  })

  it('refuses a birth date after today, accepts one born today', () => {
    const bornToday = withCheck('33021120261129001')
    expect(parseResidentId(bornToday, '2026-11-29').birthDate).toBe('2026-11-29')
    expect(messageOf(() => parseResidentId(bornToday, '2026-11-28'))).toContain('晚于今天')
  })

  it('refuses a wrong check character', () => {
    expect(messageOf(() => parseResidentId('110105194912310021', '2026-01-01'))).toContain('校验码')
    expect(codeOf(() => parseResidentId('110105194912310021', '2026-01-01'))).toBe('INVALID_RESIDENT_ID')
  })

  it('throws DomainError instances', () => {
    expect(() => parseResidentId('x')).toThrow(DomainError)
  })
})

describe('ageOn', () => {
  it('counts full years: the day before and the day of a birthday', () => {
    expect(ageOn('1946-03-01', '2026-02-28')).toBe(79)
    expect(ageOn('1946-03-01', '2026-03-01')).toBe(80)
  })

  it('a 29 February birthday turns a year older on 1 March in common years', () => {
    expect(ageOn('1944-02-29', '2025-02-28')).toBe(80)
    expect(ageOn('1944-02-29', '2025-03-01')).toBe(81)
    expect(ageOn('1944-02-29', '2024-02-29')).toBe(80)
  })

  it('throws INVALID_DATE on malformed dates', () => {
    expect(codeOf(() => ageOn('1944-2-29', '2025-03-01'))).toBe('INVALID_DATE')
  })
})

describe('maskResidentId', () => {
  it('keeps the first 3 and last 4 characters', () => {
    expect(maskResidentId('11010519491231002x')).toBe('110***********002X')
    expect(maskResidentId('11010519491231002X')).toHaveLength(18)
  })
})

describe('typing an ID number (issue 16: pasted with spaces, it was cut at 18 characters counting them)', () => {
  it('strips spaces before limiting to 18 characters', () => {
    expect(typedResidentId('330211 1944 0315 0121')).toBe('330211194403150121')
    expect(typedResidentId('3302111944031501219')).toBe('330211194403150121')
    expect(typedResidentId('11010519491231002x')).toBe('11010519491231002X')
  })

  it('an input has room for a number pasted with a space between every character', () => {
    expect(RESIDENT_ID_INPUT_MAXLENGTH).toBeGreaterThanOrEqual(2 * 18 - 1)
  })

  it('every ID number input in src is a Field of type idcard (normalised on input, no maxlength of its own)', () => {
    const src = join(__dirname, '../../../src')
    const files = (dir: string): string[] =>
      readdirSync(dir).flatMap((f) => {
        const p = join(dir, f)
        return statSync(p).isDirectory() ? files(p) : f.endsWith('.tsx') ? [p] : []
      })
    // Field itself (src/ui) is where the normalising is done.
    const inputs = files(src)
      .filter((p) => !p.endsWith('ui/Field.tsx'))
      .flatMap((p) => (readFileSync(p, 'utf8').match(/<(Field|Input)\b[\s\S]*?\/>/g) ?? []).map((tag) => ({ p, tag })))
    const idInputs = inputs.filter(({ tag }) => /身份证|idNumber|IdNumber|idcard/.test(tag))
    expect(idInputs.length).toBeGreaterThanOrEqual(2)
    for (const { p, tag } of idInputs) {
      expect({ p, idcard: /type="idcard"/.test(tag), maxlength: /maxlength=/.test(tag) }).toEqual({
        p,
        idcard: true,
        maxlength: false,
      })
    }
  })
})
