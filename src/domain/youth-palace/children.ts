/**
 * Doorstep youth palace (家门口青少年宫): what a child profile may hold (domain.md §2: courses for
 * children roughly 3–14). Pure rules shared by the backend (the authority) and the pages (instant
 * hints). Dates are `YYYY-MM-DD` Beijing calendar dates; `today` is a parameter.
 */
import { ageOn } from '../shared/residentId'
import { DATE_FORMAT, isDate, parseDate } from '../shared/time'
import { OK, refuse, type RuleResult } from './types'

/**
 * Ages the palace serves, in full years (domain.md §2 "children roughly 3–14"). A profile may be added
 * from `profileAgeMin` (2: a child who turns 3 before next term starts can be registered ahead) up
 * to `servedAgeMax` (14) today; each course's own age band is checked on the term's start date.
 */
export const CHILD_AGES = { servedAgeMin: 3, servedAgeMax: 14, profileAgeMin: 2 } as const

/** Longest child name, in characters (Unicode code points, so a rare ideograph counts once). */
const CHILD_NAME_MAX = 20

// Han ideographs (BMP blocks and, as surrogate pairs, the supplementary ones used in real names),
// Latin letters with the common accented ones. Anything else (digits, punctuation, emoji) is refused.
const HAN = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff'
const SUPPLEMENTARY_HAN = '[\\ud840-\\ud88c][\\udc00-\\udfff]'
const LATIN = 'A-Za-z\\u00c0-\\u00d6\\u00d8-\\u00f6\\u00f8-\\u024f'
const LETTER = `(?:[${HAN}${LATIN}]|${SUPPLEMENTARY_HAN})`
/** Letters, with single `·` (minority names, 阿依古丽·买买提), space or hyphen between them. */
const NAME_RE = new RegExp(`^${LETTER}+(?:[·\\- ]${LETTER}+)*$`)
/** Emoji and pictographs (surrogate pairs of the emoji planes, symbols, variation selectors, ZWJ). */
// The joiners and combining marks stand alone, not inside a character class: each matches on its own.
const EMOJI_RE = /[\ud83c-\ud83e][\udc00-\udfff]|[\u2600-\u27bf\u2b00-\u2bff]|\ufe0f|\u200d|\u20e3/

/**
 * The name as stored: trimmed, runs of white space made one space, the middle dot unified to `·`
 * (people type `•`, `・` or `．` for it).
 */
export function normalizeChildName(name: string): string {
  return String(name)
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/\s*[·•・．]\s*/g, '·')
}

/**
 * A child's name (after `normalizeChildName`): 1–20 characters, Chinese characters or Latin letters,
 * `·`, a space or a hyphen only between letters (PRODUCT: names as on the household register, which
 * holds no digits or symbols). Refusal `INVALID_CHILD_NAME` with the reason in plain Chinese.
 */
export function checkChildName(name: string): RuleResult {
  const n = normalizeChildName(name)
  const length = Array.from(n).length
  if (length === 0) return refuse('INVALID_CHILD_NAME', '请填写孩子的姓名')
  if (length > CHILD_NAME_MAX)
    return refuse('INVALID_CHILD_NAME', `姓名最多 ${CHILD_NAME_MAX} 个字，请填写户口本上的姓名`)
  if (NAME_RE.test(n)) return OK
  if (EMOJI_RE.test(n)) return refuse('INVALID_CHILD_NAME', '姓名里不能有表情符号，请只填汉字或英文字母')
  if (/\d/.test(n)) return refuse('INVALID_CHILD_NAME', '姓名里不能有数字，请填写户口本上的姓名')
  return refuse('INVALID_CHILD_NAME', '姓名只能是汉字或英文字母；少数民族姓名可以用“·”隔开')
}

/**
 * The birth dates a profile may have on `today`: `earliest` = the child is at most 14 today, `latest` =
 * at least 2 today (both inclusive). For date pickers; `checkChildBirthDate` is the rule.
 * @throws DomainError `INVALID_DATE` for a malformed `today`
 */
export function childBirthDateRange(today: string): { earliest: string; latest: string } {
  const d = parseDate(today)
  return {
    earliest: d
      .subtract(CHILD_AGES.servedAgeMax + 1, 'year')
      .add(1, 'day')
      .format(DATE_FORMAT),
    latest: d.subtract(CHILD_AGES.profileAgeMin, 'year').format(DATE_FORMAT),
  }
}

/**
 * A child's birth date on `today` (Beijing): a real date, not in the future, the child aged 2–14 in full
 * years (the palace serves 3–14; a 2-year-old may be added ahead of the term that starts after their
 * 3rd birthday). Refusal `INVALID_BIRTH_DATE`, saying why and what to do.
 * @throws DomainError `INVALID_DATE` for a malformed `today`
 * Source: domain.md §2 POLICY/PRACTICE ("children roughly 3–14"); the 2-year lead is PRODUCT.
 */
export function checkChildBirthDate(birthDate: string, today: string): RuleResult {
  parseDate(today)
  if (!isDate(birthDate)) return refuse('INVALID_BIRTH_DATE', '请选择孩子的出生日期')
  if (birthDate > today) return refuse('INVALID_BIRTH_DATE', '出生日期不能晚于今天，请核对')
  const age = ageOn(birthDate, today)
  const { servedAgeMin, servedAgeMax, profileAgeMin } = CHILD_AGES
  if (age > servedAgeMax) {
    return refuse(
      'INVALID_BIRTH_DATE',
      `青少年宫的课程面向 ${servedAgeMin}–${servedAgeMax} 岁的孩子，按这个出生日期孩子已经 ${age} 岁了。请核对出生日期`,
    )
  }
  if (age < profileAgeMin) {
    return refuse(
      'INVALID_BIRTH_DATE',
      `青少年宫的课程面向 ${servedAgeMin}–${servedAgeMax} 岁的孩子，孩子满 ${profileAgeMin} 岁后就可以先添加，等满 ${servedAgeMin} 岁再报名`,
    )
  }
  return OK
}
