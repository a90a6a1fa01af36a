import { callAs } from './harness/faults'
import { MiniProgram, loginAs, textOf } from './harness'

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const ROOT = 'packages/one-thing/pages'

/** No single interaction on a one-thing page sends more than 16 KB; the checklist's first render stays under 128 KB. */
function expectSmallSetData(mp: MiniProgram) {
  const mine = mp.setDataLog.filter((r) => r.route.startsWith(ROOT))
  expect(mine.length).toBeGreaterThan(0)
  const big = mine.filter((r) => !r.first && r.bytes > 16 * 1024).map((r) => `${r.route} ${r.bytes} B`)
  expect(big).toEqual([])
  const firstChecklist = mine.find((r) => r.route === `${ROOT}/checklist/index` && r.first)
  if (firstChecklist) expect(firstChecklist.bytes).toBeLessThan(128 * 1024)
}

describe('WeChat build: 一件事', () => {
  it('finds 出生一件事 by 生孩子, answers the questions, ticks items, keeps progress after a relaunch', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/index/index`)
    expect(mp.page.text()).toContain('出生与成长')
    await mp.page.input('one-thing-search', '找不到的事情')
    expect(mp.page.text()).toContain('没有找到')
    expect(mp.page.has('suggest-newborn')).toBe(true)
    await mp.page.input('one-thing-search', '生孩子')
    await mp.page.tap('result-newborn')
    expect(mp.page.route).toBe(`${ROOT}/questions/index`)
    expect(mp.page.text()).toContain('宝宝是哪天出生的')
    await mp.page.change('q-date', '2026-02-20')
    expect(mp.page.text()).toContain('2026年2月20日')
    await mp.page.tap('q-next')
    expect(mp.page.text()).toContain('结婚登记')
    await mp.page.tap('q-parents-married')
    await mp.page.tap('q-localHukou-yes')
    await mp.page.tap('q-motherInsured-yes')
    expect(mp.page.text()).toContain('问题都回答好了')
    const before = mp.page.text().match(/一共要办 (\d+) 项/)![1]
    // Change an answer: the summary and the number of items follow.
    await mp.page.tap('change-motherInsured')
    await mp.page.tap('q-motherInsured-no')
    const after = mp.page.text().match(/一共要办 (\d+) 项/)![1]
    expect(Number(after)).toBe(Number(before) - 1)
    await mp.page.tap('change-motherInsured')
    await mp.page.tap('q-motherInsured-yes')
    await mp.settle(1000)

    await mp.page.tap('go-checklist')
    expect(mp.page.route).toBe(`${ROOT}/checklist/index`)
    await mp.settle(1000)
    const text = mp.page.text()
    expect(text).toContain('新生儿户口登记')
    expect(text).toContain('公安（派出所）')
    expect(text).toContain('线上')
    expect(text).toContain('窗口')
    expect(text).toContain('2026年3月20日')
    expect(text).toContain('还有 18 天')
    expect(text).toContain('户口登记条例》第七条')
    // No WechatSI plugin in this build: 朗读 says plainly that this phone cannot read aloud.
    await mp.page.tap('read-aloud')
    expect(mp.calls.filter((c) => c.api === 'showToast').map((c) => (c.args as { title?: string }).title)).toContain(
      '这部手机暂时不能朗读',
    )
    await mp.page.tap('tick-birth-certificate')
    await mp.page.tap('tick-vaccination-card')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('已办 2 项')
    expectSmallSetData(mp)
    expect(mp.errors).toEqual([])

    // The reminder message was sent by the backend.
    const messages = JSON.stringify(await mp.backend().inspect('messages'))
    expect(messages).toContain('出生户口登记请在')

    // Relaunch with the same storage: the progress comes back from the server.
    const again = await MiniProgram.launch({ storage: mp.storage })
    await again.navigateTo(`/${ROOT}/index/index`)
    await again.settle(1000)
    expect(again.page.text()).toContain('出生一件事')
    await again.page.tap('mine-newborn')
    await again.settle(1000)
    expect(again.page.route).toBe(`${ROOT}/checklist/index`)
    expect(again.page.text()).toContain('已办 2 项')
    await again.page.tap('go-bring')
    expect(again.page.text()).toContain('孕产妇保健手册')
    expectSmallSetData(again)
  })

  it('shows the statutory retirement date with a note on voluntary early or late retirement', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/index/index`)
    await mp.page.input('one-thing-search', '退休金')
    await mp.page.tap('result-retirement')
    await mp.page.tap('q-category-male')
    await mp.page.change('q-date', '1965-05-10')
    await mp.page.tap('q-next')
    await mp.page.tap('q-insuredVia-employer')
    await mp.page.tap('q-housingFund-yes')
    await mp.page.tap('go-checklist')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('法定退休年龄：60 岁 2 个月')
    expect(mp.page.text()).toContain('2025年7月')
    expect(mp.page.text()).toContain('弹性提前或延迟退休')
    expectSmallSetData(mp)
  })

  it('finds 身后一件事 by 过世', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/index/index`)
    await mp.page.input('one-thing-search', '过世')
    expect(mp.page.has('result-after-death')).toBe(true)
  })

  it('books a window appointment, sees it, and cancels it', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    await mp.navigateTo(`/${ROOT}/appointment/index?event=newborn`)
    await mp.settle(1000)
    expect(mp.page.text()).toContain('换一个服务中心')
    expect(mp.page.text()).toContain('2026年3月7日（周六）')
    expect(mp.page.text()).toContain('不能预约')
    await mp.page.tap('day-2026-03-03')
    expect(mp.page.text()).toContain('还剩 3 个名额')
    await mp.page.tap('slot-0900')
    await mp.page.tap('appointment-submit')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('预约成功')
    expect(mp.page.text()).toContain('2026年3月3日（周二） 09:00–10:00')
    await mp.page.tap('done-appointments')
    await mp.settle(1000)
    expect(mp.page.route).toBe(`${ROOT}/appointments/index`)
    expect(mp.page.text()).toContain('待办理')
    mp.modalAnswers = [true]
    await mp.page.tap(/^取消预约$/)
    await mp.settle(1000)
    expect(mp.calls.some((c) => c.api === 'showModal')).toBe(true)
    expect(mp.page.text()).toContain('已取消')
    expect(mp.page.text()).toContain('没有待办理的预约')
    expectSmallSetData(mp)
    expect(mp.errors).toEqual([])
  })

  it('books across the turn of the year: 2027 is served on its statutory holidays, with a notice about 调休', async () => {
    const mp = await loginAs('u-li', { mockNow: Date.parse('2026-12-28T10:00:00+08:00') })
    await mp.navigateTo(`/${ROOT}/appointment/index?event=newborn`)
    await mp.settle(1000)
    const text = mp.page.text()
    expect(text).not.toContain('还没有收录')
    expect(text).toContain('2027 年的放假调休安排国务院还没有公布')
    expect(textOf(mp.page.get('day-2027-01-01'))).toContain('法定节假日')
    await mp.page.tap('day-2027-01-04')
    expect(mp.page.text()).toContain('还剩 3 个名额')
    await mp.page.tap('slot-0900')
    await mp.page.tap('appointment-submit')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('预约成功')
    expect(mp.page.text()).toContain('2027年1月4日（周一） 09:00–10:00')
    expect(mp.page.text()).toContain('以服务中心的通知为准')

    // A month on (mock time 2027-01-07): every working day of the window can be picked.
    mp.backend().clock.set(Date.parse('2027-01-07T10:00:00+08:00'))
    await mp.navigateTo(`/${ROOT}/appointment/index?event=retirement`)
    await mp.settle(1000)
    expect(mp.page.text()).not.toContain('还没有收录')
    for (const date of ['2027-01-08', '2027-01-11', '2027-01-21'])
      expect(textOf(mp.page.get(`day-${date}`))).toContain('个名额')
    expect(textOf(mp.page.get('day-2027-01-09'))).toContain('周末')
    expect(mp.errors).toEqual([])
  })

  it("the worker page lists the day's window appointments at the community's halls and marks one 已办结", async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-li', { mockNow: NOW, storage })
    const booked = await callAs(mp, 'u-li', 'POST', '/api/one-thing/appointments', {
      eventId: 'newborn',
      eventName: '出生一件事',
      hallId: 'hall-zh-district',
      date: '2026-03-03',
      slot: '09:00',
    })
    mp = await loginAs('u-zhao', { mockNow: NOW + 24 * 3600_000, storage })
    await mp.navigateTo(`/${ROOT}/worker/index`)
    await mp.settle(500)
    expect(mp.page.text()).toContain('2026年3月3日（周二）')
    expect(textOf(mp.page.get(`wa-${booked.id}`))).toContain('李红')
    await mp.page.tap(`done-${booked.id}`)
    await mp.settle(1000)
    expect(textOf(mp.page.get(`wa-${booked.id}`))).toContain('已办结')
    expect(mp.page.has(`done-${booked.id}`)).toBe(false)
    expect(mp.errors).toEqual([])
  })
})
