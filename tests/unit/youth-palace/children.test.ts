import {
  CHILD_AGES,
  checkChildBirthDate,
  checkChildName,
  childBirthDateRange,
  normalizeChildName,
} from '@/domain/youth-palace/children'
import { formatInstantCn, type RuleResult } from '@/domain/youth-palace/types'
import { DomainError } from '@/domain/shared/errors'

const verdict = (r: RuleResult) => (r.ok ? 'ok' : `${r.code}: ${r.message}`)

describe('child names (Chinese or Latin letters, 1–20 characters)', () => {
  it('accepts Chinese names, one character, Latin names and minority names joined by ·', () => {
    for (const name of [
      '陈乐',
      '乐',
      'Anna',
      'Anna Chen',
      'José',
      'Jean-Luc',
      '阿依古丽·买买提',
      '𠇔小明',
      '陈'.repeat(20),
    ]) {
      expect({ name, v: verdict(checkChildName(name)) }).toEqual({ name, v: 'ok' })
    }
  })

  it('refuses emoji (also joined emoji and symbols like ❤), saying so', () => {
    for (const name of ['陈乐😀', '😀', '👨‍👩‍👧', '陈❤', '乐✨乐']) {
      expect({ name, v: verdict(checkChildName(name)) }).toEqual({
        name,
        v: 'INVALID_CHILD_NAME: 姓名里不能有表情符号，请只填汉字或英文字母',
      })
    }
  })

  it('refuses digits, punctuation, separators at the ends and empty names, each with its reason', () => {
    expect(verdict(checkChildName('陈乐2'))).toBe('INVALID_CHILD_NAME: 姓名里不能有数字，请填写户口本上的姓名')
    for (const name of ['陈乐!', '·陈乐', 'A--B', '陈_乐', '<b>']) {
      expect({ name, v: verdict(checkChildName(name)) }).toEqual({
        name,
        v: 'INVALID_CHILD_NAME: 姓名只能是汉字或英文字母；少数民族姓名可以用“·”隔开',
      })
    }
    expect(verdict(checkChildName('   '))).toBe('INVALID_CHILD_NAME: 请填写孩子的姓名')
  })

  it('counts characters, not UTF-16 units: 20 rare ideographs pass, 21 characters do not', () => {
    expect(checkChildName('𠇔'.repeat(20)).ok).toBe(true)
    expect(verdict(checkChildName('陈'.repeat(21)))).toBe('INVALID_CHILD_NAME: 姓名最多 20 个字，请填写户口本上的姓名')
  })

  it('normalises spaces and the middle dot before checking', () => {
    expect(normalizeChildName('  Anna   Chen ')).toBe('Anna Chen')
    expect(normalizeChildName('阿依古丽 • 买买提')).toBe('阿依古丽·买买提')
    expect(normalizeChildName('阿依古丽・买买提')).toBe('阿依古丽·买买提')
  })
})

describe('child birth dates (the palace serves 3–14; a profile may be added from age 2)', () => {
  const today = '2026-03-02'
  it('allows a child who is 14 today and refuses one who turned 15 today', () => {
    expect(checkChildBirthDate('2011-03-03', today).ok).toBe(true)
    expect(verdict(checkChildBirthDate('2011-03-02', today))).toBe(
      'INVALID_BIRTH_DATE: 青少年宫的课程面向 3–14 岁的孩子，按这个出生日期孩子已经 15 岁了。请核对出生日期',
    )
  })

  it('allows a child who turned 2 today and refuses a younger one, saying when to come back', () => {
    expect(checkChildBirthDate('2024-03-02', today).ok).toBe(true)
    expect(verdict(checkChildBirthDate('2024-03-03', today))).toBe(
      'INVALID_BIRTH_DATE: 青少年宫的课程面向 3–14 岁的孩子，孩子满 2 岁后就可以先添加，等满 3 岁再报名',
    )
  })

  it('refuses a birth date after today and a date that does not exist', () => {
    expect(verdict(checkChildBirthDate('2026-03-03', today))).toBe('INVALID_BIRTH_DATE: 出生日期不能晚于今天，请核对')
    expect(verdict(checkChildBirthDate('2019-02-30', today))).toBe('INVALID_BIRTH_DATE: 请选择孩子的出生日期')
    expect(() => checkChildBirthDate('2019-05-01', '2026/03/02')).toThrow(DomainError)
  })

  it('gives pickers the same range the rule allows, also around 29 February', () => {
    for (const day of [today, '2024-02-29', '2025-12-31']) {
      const { earliest, latest } = childBirthDateRange(day)
      expect(checkChildBirthDate(earliest, day).ok).toBe(true)
      expect(checkChildBirthDate(latest, day).ok).toBe(true)
      const dayBefore = new Date(Date.parse(`${earliest}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10)
      const dayAfter = new Date(Date.parse(`${latest}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10)
      expect(checkChildBirthDate(dayBefore, day).ok).toBe(false)
      expect(checkChildBirthDate(dayAfter, day).ok).toBe(false)
    }
    expect(childBirthDateRange(today)).toEqual({ earliest: '2011-03-03', latest: '2024-03-02' })
    expect(CHILD_AGES).toEqual({ servedAgeMin: 3, servedAgeMax: 14, profileAgeMin: 2 })
  })
})

describe('formatInstantCn', () => {
  it('shows an instant in Beijing time whatever its offset', () => {
    expect(formatInstantCn('2026-03-03T10:02:00+08:00')).toBe('2026年3月3日（周二） 10:02')
    expect(formatInstantCn('2026-03-02T18:30:00Z')).toBe('2026年3月3日（周二） 02:30')
  })
})
