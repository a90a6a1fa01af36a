/**
 * Date and month questions in elder mode, in the WeChat build (issue 16): big year/month/day steppers
 * (src/ui/DateField.tsx) within the dates allowed; the native date Picker only in normal mode.
 */
import { addDays, beijingDate, formatDateCn } from '@/domain/shared/time'
import { childBirthDateRange } from '@/domain/youth-palace/children'
import { stepDate } from '@/ui/dateSteps'
import { MiniProgram, loginAs, textOf } from './harness'

jest.setTimeout(120_000)

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const YP = '/packages/youth-palace/pages'
const ONE = '/packages/one-thing/pages'

/** The open steppers' date in words (`2026年3月2日（周一）`). */
const panelDate = (mp: MiniProgram, id: string) => textOf(mp.page.get(`${id}-panel`).children[0])
const tap = async (mp: MiniProgram, id: string, times = 1) => {
  for (let i = 0; i < times; i++) await mp.page.tap(id)
}
const pickers = (mp: MiniProgram) =>
  mp.page
    .nodes()
    .filter((n) => n.tag === 'picker')
    .map((n) => n.id)

async function elderOn(mp: MiniProgram, on: boolean) {
  await mp.switchTab('/pages/index/index')
  await mp.settle(300)
  if (mp.page.text().includes(on ? '已关闭' : '已开启')) await mp.page.tap('elder-switch')
}

describe('WeChat build: date questions in elder mode', () => {
  it("elder mode: the child's birth date is set with big steppers within the ages served; normal mode keeps the native picker", async () => {
    const mp = await loginAs('u-chen')
    await elderOn(mp, true)
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    await mp.page.tap('add-child')
    expect(pickers(mp)).toEqual([])
    await mp.page.input('child-name', '陈小天')
    await mp.page.tap('child-birth')
    // The form's today is the phone's (src/packages/youth-palace/pages/index); a profile is for ages 2–14.
    const today = beijingDate(Date.now())
    const { earliest, latest } = childBirthDateRange(today)
    const step = (date: string, unit: 'year' | 'month' | 'day', delta: number) =>
      stepDate(date, unit, delta, earliest, latest)
    expect(panelDate(mp, 'child-birth')).toBe(formatDateCn(addDays(today, -6 * 365)))
    await tap(mp, 'child-birth-decade-later')
    expect(panelDate(mp, 'child-birth')).toBe(formatDateCn(latest))
    expect(mp.page.text()).toContain(`最晚只能选到 ${formatDateCn(latest)}`)
    await tap(mp, 'child-birth-decade-earlier', 2)
    expect(panelDate(mp, 'child-birth')).toBe(formatDateCn(earliest))
    expect(mp.page.text()).toContain(`最早只能选到 ${formatDateCn(earliest)}`)
    await tap(mp, 'child-birth-year-later', 8)
    await tap(mp, 'child-birth-month-later', 2)
    await tap(mp, 'child-birth-day-earlier', 3)
    const chosen = step(step(step(earliest, 'year', 8), 'month', 2), 'day', -3)
    expect(panelDate(mp, 'child-birth')).toBe(formatDateCn(chosen))
    await tap(mp, 'child-birth-ok')
    expect(mp.page.has('child-birth-panel')).toBe(false)
    expect(mp.page.text()).toContain(`出生日期 ${formatDateCn(chosen)}，点这里修改`)
    await mp.page.tap('child-submit')
    await mp.settle(300)
    expect(mp.page.text()).toContain('已添加 陈小天')
    const tian = (await mp.backend().inspect<{ name: string; birthDate: string }>('yp_children')).find(
      (c) => c.name === '陈小天',
    )
    expect(tian?.birthDate).toBe(chosen)

    // 取消 leaves the answer as it was.
    await mp.page.tap('add-child')
    await mp.page.tap('child-birth')
    await tap(mp, 'child-birth-year-earlier')
    await tap(mp, 'child-birth-cancel')
    expect(mp.page.text()).toContain('点这里选择出生日期')

    // Normal mode: WeChat's own date picker, limited to the same dates.
    await elderOn(mp, false)
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    await mp.page.tap('add-child')
    const picker = mp.page.get('child-birth')
    expect(picker.tag).toBe('picker')
    expect(picker.attrs).toMatchObject({ mode: 'date', start: earliest, end: latest })
    expect(mp.errors).toEqual([])
  })

  it('elder mode: the death date ends at today and the retirement birth month steps by months, both by steppers', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await elderOn(mp, true)
    await mp.navigateTo(`${ONE}/questions/index?event=after-death`)
    await mp.settle(1000)
    expect(pickers(mp)).toEqual([])
    await mp.page.tap('q-date')
    expect(panelDate(mp, 'q-date')).toBe('2026年3月2日（周一）')
    await tap(mp, 'q-date-month-later')
    expect(panelDate(mp, 'q-date')).toBe('2026年3月2日（周一）')
    expect(mp.page.text()).toContain('最晚只能选到 2026年3月2日（周一）')
    await tap(mp, 'q-date-day-earlier', 10)
    await tap(mp, 'q-date-ok')
    expect(mp.page.text()).toContain('确定：2026年2月20日（周五）')
    await mp.page.tap('q-next')
    await mp.settle(1000)
    const progress = async (eventId: string) =>
      (
        await mp.backend().inspect<{ answers: Record<string, string> }>('one_thing_progress', { id: `u-li:${eventId}` })
      )[0]
    expect((await progress('after-death'))?.answers.deathDate).toBe('2026-02-20')

    await mp.navigateTo(`${ONE}/questions/index?event=retirement`)
    await mp.settle(1000)
    await mp.page.tap('q-category-male')
    await mp.page.tap('q-date')
    expect(mp.page.has('q-date-day-earlier')).toBe(false)
    expect(panelDate(mp, 'q-date')).toBe('1966年1月')
    await tap(mp, 'q-date-month-earlier', 3)
    expect(panelDate(mp, 'q-date')).toBe('1965年10月')
    await tap(mp, 'q-date-ok')
    await mp.page.tap('q-next')
    await mp.settle(1000)
    expect((await progress('retirement'))?.answers.birthDate).toBe('1965-10-01')
    expect(mp.errors).toEqual([])
  })
})
