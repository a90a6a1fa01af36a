/**
 * 一件事 for a first-time user: a guest's answers follow them from the questions to the checklist
 * and back; a birth date cannot be in the future; the retirement birth month is picked by month with
 * nothing pre-accepted, and a retirement age already reached is said in words; on a weak network a tick
 * never looks saved while its save is pending or failed, and the failure is said under that item.
 */
import { MiniProgram, loginAs, textOf } from './harness'
import { callAs } from './harness/faults'

jest.setTimeout(120_000)

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const ROOT = 'packages/one-thing/pages'

/** Makes every write to a URL matching `url` fail as a lost connection until the returned function is called. */
function failWrites(mp: MiniProgram, url: RegExp): () => void {
  const backend = mp.backend() as unknown as { handle(req: { method: string; url: string }): Promise<unknown> }
  const handle = backend.handle.bind(backend)
  let on = true
  backend.handle = (req) =>
    on && req.method !== 'GET' && url.test(req.url)
      ? Promise.reject({ errMsg: 'request:fail network connection lost' })
      : handle(req)
  return () => {
    on = false
  }
}

/** The progress the backend has saved for a user and event, if any. */
const progressOf = async (mp: MiniProgram, userId: string, eventId: string) =>
  (
    await mp.backend().inspect<{ answers: Record<string, string>; ticked: string[] }>('one_thing_progress', {
      id: `${userId}:${eventId}`,
    })
  )[0]

describe('WeChat build: 一件事 answers, dates and ticks', () => {
  it('a guest (no login, no privacy notice) keeps the answers and ticks from the questions to the checklist and back, in memory only', async () => {
    const mp = await MiniProgram.launch()
    mp.backend().clock.set(NOW)
    await mp.page.tap('guides-without-login')
    await mp.settle(1000)
    await mp.page.tap('event-newborn')
    await mp.settle(1000)
    expect(mp.page.route).toBe(`${ROOT}/questions/index`)
    await mp.page.change('q-date', '2026-02-20')
    await mp.page.tap('q-next')
    await mp.page.tap('q-parents-married')
    await mp.page.tap('q-localHukou-yes')
    await mp.page.tap('q-motherInsured-yes')
    expect(mp.page.text()).toContain('一共要办 6 项')

    await mp.page.tap('go-checklist')
    await mp.settle(1000)
    expect(mp.page.route).toBe(`${ROOT}/checklist/index`)
    let text = mp.page.text()
    expect(text).not.toContain('还有问题没有回答')
    expect(text).toContain('共 6 项，已办 0 项')
    expect(text).toContain('新生儿户口登记')
    expect(text).not.toContain('非婚生育情况说明')
    expect(text).not.toContain('户口不在本市的')
    expect(text).toContain('2026年3月20日') // the registration deadline from the birth date
    await mp.page.tap('tick-birth-certificate')
    expect(mp.page.text()).toContain('已办 1 项')
    expect(mp.page.text()).not.toContain('进度已保存')

    await mp.page.tap('go-change-answers')
    await mp.settle(1000)
    text = mp.page.text()
    expect(text).toContain('问题都回答好了。按您的情况，一共要办 6 项')
    expect(text).toContain('2026年2月20日')
    expect(text).toContain('已办理结婚登记')
    await mp.page.tap('go-checklist')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('共 6 项，已办 1 项')
    expect(textOf(mp.page.get('tick-birth-certificate'))).toContain('已办')

    // Nothing of it was written to the phone or sent to the backend.
    expect([...mp.storage.values()].join('\n')).not.toContain('2026-02-20')
    expect((await mp.backend().inspect<{ id: string }>('one_thing_progress')).map((p) => p.id)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('refuses a birth date in the future: the wheel ends today, a later date is refused next to the field, nothing is saved', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/questions/index?event=newborn`)
    await mp.settle(1000)
    expect(mp.page.get('q-date').attrs.end).toBe('2026-03-02')
    await mp.page.change('q-date', '2027-11-30')
    expect(mp.page.has('q-date-error')).toBe(true)
    expect(mp.page.text()).toContain('宝宝的出生日期不能晚于今天（2026年3月2日），请重新选择。')
    await mp.page.tap('q-next')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('宝宝是哪天出生的')
    expect(mp.page.text()).not.toContain('结婚登记')
    expect(await progressOf(mp, 'u-li', 'newborn')).toBeUndefined()
    // A real date clears the message and is kept.
    await mp.page.change('q-date', '2026-02-20')
    expect(mp.page.has('q-date-error')).toBe(false)
    await mp.page.tap('q-next')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('结婚登记')
    expect((await progressOf(mp, 'u-li', 'newborn'))?.answers.birthDate).toBe('2026-02-20')
  })

  it('asks the retirement birth month with a month picker, accepts nothing until picked, and says when the retirement age is already reached', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/questions/index?event=retirement`)
    await mp.settle(1000)
    await mp.page.tap('q-category-male')
    const picker = mp.page.get('q-date')
    expect(picker.attrs.fields).toBe('month')
    expect(picker.attrs.end).toBe('2026-03-02')
    expect(mp.page.text()).toContain('还没有选择年月')
    await mp.page.tap('q-next')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('请先点上面选择年月')
    expect((await progressOf(mp, 'u-li', 'retirement'))?.answers.birthDate).toBeUndefined()

    await mp.page.change('q-date', '1960-01')
    expect(mp.page.text()).toContain('确定：1960年1月')
    expect(mp.page.text()).not.toMatch(/1960年1月\d+日|周[一二三四五六日]/)
    await mp.page.tap('q-next')
    await mp.settle(1000)
    expect((await progressOf(mp, 'u-li', 'retirement'))?.answers.birthDate).toBe('1960-01-01')
    await mp.page.tap('q-insuredVia-employer')
    await mp.page.tap('q-housingFund-no')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('1960年1月')
    await mp.page.tap('go-checklist')
    await mp.settle(1000)
    const text = mp.page.text()
    expect(text).toContain('按您的出生年月，已到法定退休年龄（2020年1月）')
    expect(text).not.toContain('法定退休时间：2020年1月')
  })

  it('on a weak network a tick shows 正在保存, then 未办 with the failure and 重试 under the item; the summary never says 进度已保存', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await callAs(mp, 'u-li', 'PUT', '/api/one-thing/progress/newborn', {
      answers: { birthDate: '2026-02-20', parents: 'married', localHukou: 'yes', motherInsured: 'yes' },
      ticked: [],
    })
    await mp.navigateTo(`/${ROOT}/checklist/index?event=newborn`)
    await mp.settle(1000)
    expect(mp.page.text()).toContain('进度已保存')
    const restore = failWrites(mp, /^\/api\/one-thing\/progress\//)

    await mp.page.tap('tick-birth-certificate')
    // While the save is pending the item does not look done.
    let tick = mp.page.get('tick-birth-certificate')
    expect(tick.className).toContain('ot-tick-pending')
    expect(tick.className).not.toContain('ot-tick-on')
    expect(textOf(tick)).toContain('正在保存')
    expect(textOf(tick)).not.toContain('✓')
    expect(mp.page.text()).not.toContain('进度已保存')

    await mp.settle(45_000)
    tick = mp.page.get('tick-birth-certificate')
    expect(tick.className).not.toContain('ot-tick-on')
    expect(tick.className).not.toContain('ot-tick-pending')
    expect(textOf(tick)).toContain('未办')
    expect(textOf(tick)).not.toContain('✓')
    const note = mp.page.get('tick-error-birth-certificate')
    const noteText = textOf(note)
    expect(noteText).toContain('没有保存成功')
    expect(noteText).toContain('这一项仍是“未办”')
    expect(noteText).toContain('重试')
    const summary = textOf(mp.page.get('checklist-progress'))
    expect(summary).toContain('已办 0 项')
    expect(summary).not.toContain('进度已保存')
    expect(summary).toContain('没有保存成功')
    expect((await progressOf(mp, 'u-li', 'newborn'))?.ticked).toEqual([])

    // 重试 next to the item saves it.
    restore()
    await mp.page.tap(/^重试$/)
    await mp.settle(45_000)
    expect(mp.page.get('tick-birth-certificate').className).toContain('ot-tick-on')
    expect(textOf(mp.page.get('tick-birth-certificate'))).toContain('✓')
    expect(mp.page.has('tick-error-birth-certificate')).toBe(false)
    expect(textOf(mp.page.get('checklist-progress'))).toContain('已办 1 项')
    expect(textOf(mp.page.get('checklist-progress'))).toContain('进度已保存')
    expect((await progressOf(mp, 'u-li', 'newborn'))?.ticked).toEqual(['birth-certificate'])
  })
})
