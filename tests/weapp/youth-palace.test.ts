import { formatDateCn } from '@/domain/shared/time'
import { formatInstantCn } from '@/domain/youth-palace/types'
import { MiniProgram, loginAs } from './harness'
import { textOf } from './harness/tree'

jest.setTimeout(120_000)

const YP = '/packages/youth-palace/pages'
const HOUR = 3600_000
/** The seeded open term (its id names the season it starts in, so it depends on today's date). */
const openTerm = async (mp: MiniProgram): Promise<{ id: string; closesAt: string }> =>
  (await mp.backend().inspect<{ id: string; closesAt: string }>('yp_terms', { status: 'open' }))[0]

async function apply(mp: MiniProgram, courseId: string, childId: string) {
  await mp.navigateTo(`${YP}/course/index?id=${courseId}&childId=${childId}`)
  await mp.settle(300)
  await mp.page.tap('apply-submit')
  await mp.settle(300)
  const text = mp.page.text()
  await mp.navigateBack()
  return text
}

const enrollmentsOf = (mp: MiniProgram, courseId: string) =>
  mp
    .backend()
    .inspect<{ id: string; parentId: string; childId: string; courseId: string; status: string; confirmBy?: string }>(
      'yp_enrollments',
      { courseId },
    )

const bigSetData = (mp: MiniProgram) =>
  mp.setDataLog.filter((r) => r.route.startsWith('packages/youth-palace') && r.bytes > 16 * 1024)

describe('WeChat build: youth palace', () => {
  it('parent books for two children, hits the cap and a clash, joins the lottery; worker draws; parent re-checks the draw and sees its outcome in words', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-chen', { storage: storage })
    await mp.page.tap('entry-youth-palace')
    expect(mp.page.route).toBe('packages/youth-palace/pages/index/index')
    await mp.settle(300)
    let text = mp.page.text()
    expect(text).toContain('陈乐（5 岁）')
    expect(text).toContain('陈悦（9 岁）')
    expect(text).toContain('报名中')

    // The course list for 陈乐 keeps only courses a 5-year-old fits.
    await mp.page.tap('courses-for-ypk-chen-le')
    expect(mp.page.route).toBe('packages/youth-palace/pages/courses/index')
    await mp.settle(300)
    text = mp.page.text()
    expect(text).toContain('适合陈乐的课程')
    expect(mp.page.has('course-ypc-chinese-dance')).toBe(true)
    expect(mp.page.has('course-ypc-calligraphy')).toBe(false)
    // Filter by weekday (Sunday) then open 中国舞.
    await mp.page.tap('more-filters')
    await mp.page.tap('f-day-0')
    await mp.settle(300)
    expect(mp.page.has('course-ypc-host')).toBe(false)
    await mp.page.tap('course-ypc-chinese-dance')
    expect(mp.page.route).toBe('packages/youth-palace/pages/course/index')
    await mp.settle(300)
    expect(mp.page.text()).toContain('杨柳')
    expect(mp.page.text()).not.toContain('报名期内先后不影响抽签')
    await mp.page.tap('apply-submit')
    expect(mp.page.text()).toContain('已确认名额')

    // 陈乐: second free course, then the 2-course cap.
    expect(await apply(mp, 'ypc-rope', 'ypk-chen-le')).toContain('已确认名额')
    text = await apply(mp, 'ypc-host', 'ypk-chen-le')
    expect(text).toContain('每个孩子每学期最多报 2 门课')
    // 陈悦: the over-subscribed pottery lottery, then a clash with taekwondo, then calligraphy.
    text = await apply(mp, 'ypc-pottery', 'ypk-chen-yue')
    expect(text).toContain('等待抽签')
    // A lottery course while registration is open: applying early gives no better chance.
    expect(text).toContain('报名期内先后不影响抽签')
    text = await apply(mp, 'ypc-taekwondo', 'ypk-chen-yue')
    expect(text).toContain('时间冲突')
    expect(await apply(mp, 'ypc-calligraphy', 'ypk-chen-yue')).toContain('已确认名额')

    // My courses: both children, statuses in words.
    await mp.navigateTo(`${YP}/my-courses/index`)
    await mp.settle(300)
    text = mp.page.text()
    expect(text).toContain('中国舞')
    expect(text).toContain('陶艺小班')
    expect(text).toContain('已报名，等待抽签')
    // Check-in code of a confirmed course: a QR image labelled for screen readers.
    const [dance] = await enrollmentsOf(mp, 'ypc-chinese-dance')
    await mp.page.tap(`checkin-${dance.id}`)
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/checkin/index')
    expect(mp.page.has('checkin-qr')).toBe(true)
    expect(mp.page.text()).toContain('签到')
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])

    // Worker closes registration after the window and runs the draw.
    const { id: TERM, closesAt } = await openTerm(mp)
    const drawMs = Date.parse(`${closesAt}T10:00:00+08:00`) + 24 * 3600_000
    mp = await loginAs('u-zhao', { storage: storage })
    mp.backend().clock.set(drawMs)
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    // The window is over by the backend's clock, but the term is still open until the worker closes it.
    expect(textOf(mp.page.byId(`term-state-${TERM}`)!)).toBe('报名已截止，待关闭并抽签')
    expect(mp.page.text()).not.toContain('报名中')
    await mp.page.tap(`close-${TERM}`)
    await mp.settle(300)
    expect(textOf(mp.page.byId(`term-state-${TERM}`)!)).toBe('报名已截止，待抽签')
    await mp.page.tap(`draw-${TERM}`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('抽签录取 3 人')
    // The course line says what the draw decided (6 applied: 5 seeded and 陈悦), not "已报 0".
    text = textOf(mp.page.byId('roster-ypc-pottery')!)
    expect(text).toContain('已抽签：录取 3 人，候补 3 人')
    expect(text).not.toContain('已报 0')
    // Worker attendance page shows the roster.
    await mp.page.tap('roster-ypc-pottery')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/worker-attendance/index')
    expect(mp.page.text()).toContain('陈悦')
    expect(bigSetData(mp)).toEqual([])

    // Parent sees and re-checks the lottery (an hour after the draw).
    mp = await loginAs('u-chen', { storage: storage })
    mp.backend().clock.set(drawMs + 3600_000)
    await mp.navigateTo(`${YP}/lottery/index?id=ypc-pottery`)
    await mp.settle(500)
    text = mp.page.text()
    expect(text).toContain('已核对：结果与您报名后在消息里收到的指纹一致')
    expect(text).toContain('【您家的报名】')
    expect(text).toContain('SHA-256')

    // My courses shows what the public draw decided for 陈悦, in words (the draw itself is random:
    // the deterministic waitlist promotion is the next journey).
    const mine = (await enrollmentsOf(mp, 'ypc-pottery')).find((e) => e.childId === 'ypk-chen-yue')!
    const [lottery] = await mp
      .backend()
      .inspect<{ admitted: string[]; waitlist: string[] }>('yp_lotteries', { courseId: 'ypc-pottery' })
    await mp.navigateTo(`${YP}/my-courses/index?childId=ypk-chen-yue`)
    await mp.settle(300)
    text = mp.page.text()
    if (lottery.admitted.includes(mine.id)) {
      expect(text).toContain('抽签中签')
      expect(text).toMatch(/请在 .* 前确认（还剩 2[23] 小时/)
    } else {
      expect(text).toContain(`候补第 ${lottery.waitlist.indexOf(mine.id) + 1} 位`)
    }
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('after the closing date (mock time), before the worker closes the term, pages say registration is over and offer no 报名; after the draw they say what it decided', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-chen', { storage })
    const { id: TERM, closesAt } = await openTerm(mp)
    // The day after the window by the backend's clock; the phone's clock (Date.now) stays where it is.
    const dayAfter = Date.parse(`${closesAt}T09:00:00+08:00`) + 24 * HOUR
    mp.backend().clock.set(dayAfter)
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    expect(textOf(mp.page.byId('yp-term-state')!)).toBe('报名已截止，等待抽签和公布结果')
    expect(mp.page.text()).not.toContain('报名中')

    // Course list: the lottery course waits for the draw; a first-come course takes no more applications.
    await mp.page.tap('courses-for-ypk-chen-yue')
    await mp.settle(300)
    expect(textOf(mp.page.byId('course-state-ypc-pottery')!)).toBe('报名已截止，等待抽签和公布结果')
    expect(textOf(mp.page.byId('course-state-ypc-calligraphy')!)).toBe('报名已截止，按报名先后录取，不再接受报名和候补')
    expect(textOf(mp.page.byId('course-ypc-calligraphy')!)).not.toContain('余 18 个名额')

    // Course page: no 报名 button; the reason, with the closing date, and no invitation to a waitlist.
    await mp.page.tap('course-ypc-pottery')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/course/index')
    expect(mp.page.has('apply-submit')).toBe(false)
    let text = textOf(mp.page.byId('apply-closed')!)
    expect(text).toContain(`报名已于 ${formatDateCn(closesAt)} 截止，不能再报名，也不能再加入候补。`)
    expect(text).toContain('抽签后会通知已报名的家庭')
    expect(mp.page.text()).toContain('报名已截止，5 人报名、3 个名额，将公开抽签，等待公布结果')
    await mp.navigateTo(`${YP}/course/index?id=ypc-model-aircraft&childId=ypk-chen-yue`)
    await mp.settle(300)
    expect(mp.page.has('apply-submit')).toBe(false)
    expect(mp.page.has('apply-waitlist')).toBe(false)
    expect(mp.page.text()).toContain('按报名先后录取；报名已截止，不再接受报名和候补')
    expect(await enrollmentsOf(mp, 'ypc-pottery')).toHaveLength(5)

    // The worker closes and draws; the parent's course page then shows the draw's figures.
    mp = await loginAs('u-zhao', { storage, mockNow: dayAfter })
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    expect(textOf(mp.page.byId(`term-state-${TERM}`)!)).toBe('报名已截止，待关闭并抽签')
    expect(textOf(mp.page.byId('roster-ypc-pottery')!)).toContain('抽签，已报 5')
    await mp.page.tap(`close-${TERM}`)
    await mp.settle(300)
    await mp.page.tap(`draw-${TERM}`)
    await mp.settle(300)
    expect(textOf(mp.page.byId('roster-ypc-pottery')!)).toContain('已抽签：录取 3 人，候补 2 人')

    mp = await loginAs('u-chen', { storage, mockNow: dayAfter + HOUR })
    await mp.navigateTo(`${YP}/course/index?id=ypc-pottery&childId=ypk-chen-yue`)
    await mp.settle(300)
    text = mp.page.text()
    expect(text).toContain('已抽签：5 人报名，录取 3 人，候补 2 人')
    expect(text).not.toContain('已有 0 人报名')
    expect(textOf(mp.page.byId('apply-closed')!)).toContain('结果已公布')
    expect(mp.page.has('apply-submit')).toBe(false)
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    expect(textOf(mp.page.byId('yp-term-state')!)).toBe('已抽签，请看结果')
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('a full course: 陈悦 joins the waitlist, a free cancellation promotes her, she sees the time left and pays to confirm', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-chen', { storage })
    await mp.navigateTo(`${YP}/course/index?id=ypc-model-aircraft&childId=ypk-chen-yue`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('共 2 个，已满')
    await mp.page.tap('apply-submit')
    await mp.settle(300)
    expect(mp.page.text()).toContain('《航模小班》的 2 个名额已满。可以加入候补')
    await mp.page.tap('apply-waitlist')
    await mp.settle(300)
    expect(mp.page.text()).toContain('您排在候补第 1 位')
    const mine = async () => (await enrollmentsOf(mp, 'ypc-model-aircraft')).find((e) => e.childId === 'ypk-chen-yue')!
    expect((await mine()).status).toBe('waitlisted')

    // 郑丽华 cancels her daughter's seat in time: free, refunded, and the seat goes to the waitlist.
    mp = await loginAs('u-zheng', { storage })
    const seat = (await enrollmentsOf(mp, 'ypc-model-aircraft')).find((e) => e.parentId === 'u-zheng')!
    await mp.navigateTo(`${YP}/my-courses/index`)
    await mp.settle(300)
    await mp.page.tap(`cancel-${seat.id}`)
    await mp.settle(300)
    expect(mp.calls.filter((c) => c.api === 'showModal').pop()!.args).toMatchObject({ title: '免费取消' })
    expect(mp.page.text()).toContain('已取消《航模小班》，费用将原路退回')
    const [cancelled] = await mp.backend().inspect<{ cancelledAt: string }>('yp_enrollments', { id: seat.id })
    const cancelledAt = Date.parse(cancelled.cancelledAt)

    // Two hours later 陈悦's parent reads the message and opens the offer from it.
    mp = await loginAs('u-chen', { storage })
    mp.backend().clock.set(cancelledAt + 2 * HOUR - 30_000)
    const confirmBy = (await mine()).confirmBy!
    expect((await mine()).status).toBe('admitted')
    await mp.switchTab('/pages/messages/index')
    await mp.settle(300)
    await mp.page.tap('候补到名额了')
    expect(mp.page.text()).toContain(`请在 ${formatInstantCn(confirmBy)} 前确认并支付费用（有 24 小时）`)
    await mp.page.tap('去办理')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/my-courses/index')
    let text = mp.page.text()
    expect(text).toContain('候补递补到您')
    expect(text).toContain(`请在 ${formatInstantCn(confirmBy)} 前确认（还剩 22 小时），过期名额会给下一位候补。`)
    expect(text).toContain('需缴学费 ¥60.00')
    await mp.page.tap(`confirm-${(await mine()).id}`)
    await mp.settle(500)
    expect(mp.calls.filter((c) => c.api === 'requestPayment')).toHaveLength(1)
    text = mp.page.text()
    expect(text).toContain('已支付 ¥60.00，陈悦的《航模小班》名额已确认')
    expect(text).toContain('已确认名额')
    expect((await mine()).status).toBe('confirmed')
    expect(mp.page.has(`checkin-${(await mine()).id}`)).toBe(true)
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('a parent adds a child, edits the profile (checked, draft kept), cannot delete a child with a course, deletes the other; a resident cannot open the worker page', async () => {
    const mp = await loginAs('u-chen')
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    await mp.page.tap('add-child')
    await mp.page.tap('child-submit')
    expect(mp.page.text()).toContain('请填写孩子的姓名')
    await mp.page.input('child-name', '陈小天')
    await mp.page.change('child-birth', '2019-05-01')
    await mp.page.tap('child-submit')
    await mp.settle(300)
    expect(mp.page.text()).toContain('已添加 陈小天')
    const children = () =>
      mp.backend().inspect<{ id: string; name: string; birthDate: string; deletedAt?: string }>('yp_children')
    const tian = (await children()).find((c) => c.name === '陈小天')!

    // Edit: an emoji is refused next to the field; the draft survives leaving the page.
    await mp.page.tap(`edit-child-${tian.id}`)
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/child/index')
    expect(mp.page.text()).toContain('陈小天的资料')
    await mp.page.input('child-name', '陈天天😀')
    await mp.page.tap('child-save')
    await mp.settle(300)
    expect(mp.page.text()).toContain('姓名里不能有表情符号，请只填汉字或英文字母')
    await mp.page.input('child-name', '陈天天')
    await mp.page.change('child-birth', '2018-06-01')
    await mp.navigateBack()
    await mp.page.tap(`edit-child-${tian.id}`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('已恢复您上次没有保存的修改')
    expect(mp.page.text()).toContain('出生日期 2018年6月1日')
    await mp.page.tap('child-save')
    await mp.settle(300)
    expect(mp.page.text()).toContain('已保存陈天天的资料')
    expect((await children()).find((c) => c.id === tian.id)).toMatchObject({ name: '陈天天', birthDate: '2018-06-01' })
    await mp.page.tap('child-back')
    await mp.settle(300)
    expect(mp.page.text()).toContain('陈天天（')

    // 陈悦 has a course: the birth date is locked and deleting is refused with what to do instead.
    expect(await apply(mp, 'ypc-calligraphy', 'ypk-chen-yue')).toContain('已确认名额')
    await mp.navigateTo(`${YP}/child/index?id=ypk-chen-yue`)
    await mp.settle(300)
    let text = mp.page.text()
    expect(text).toContain(
      '陈悦还有《书法》的报名没有结束，资料暂时不能删除。请先在“我的课程”里取消这些报名，再删除资料。',
    )
    expect(text).toContain('报名期间不能修改')
    expect(mp.page.has('child-delete')).toBe(false)
    expect(mp.page.has('child-birth')).toBe(false)
    await mp.page.tap('child-go-courses')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/my-courses/index')
    expect(mp.page.text()).toContain('书法')

    // Deleting 陈天天 asks first; "先不删" keeps the profile, "确定删除" removes it.
    await mp.navigateTo(`${YP}/child/index?id=${tian.id}`)
    await mp.settle(300)
    mp.modalAnswers.push(false)
    await mp.page.tap('child-delete')
    await mp.settle(300)
    expect(mp.calls.filter((c) => c.api === 'showModal').pop()!.args).toMatchObject({
      title: '删除孩子资料',
      confirmText: '确定删除',
    })
    expect((await children()).find((c) => c.id === tian.id)!.deletedAt).toBeUndefined()
    await mp.page.tap('child-delete')
    await mp.settle(300)
    text = mp.page.text()
    expect(text).toContain('已删除陈天天的资料')
    expect((await children()).find((c) => c.id === tian.id)!.deletedAt).toBeDefined()
    await mp.page.tap('child-back')
    await mp.settle(300)
    expect(mp.page.text()).not.toContain('陈天天')

    await mp.navigateTo(`${YP}/worker/index`)
    expect(mp.page.text()).toContain('只有社区工作人员可以进入')
    expect(mp.errors).toEqual([])
  })
})
