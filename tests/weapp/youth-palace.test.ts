import { MiniProgram, loginAs } from './harness'

jest.setTimeout(120_000)

const YP = '/packages/youth-palace/pages'
const TERM = 'ypt-zpq-spring'


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
  Object.values(mp.backend().db.data.ypEnrollments as Record<string, { id: string; parentId: string; childId: string; courseId: string; status: string }>)
    .filter((e) => e.courseId === courseId)

const bigSetData = (mp: MiniProgram) => mp.setDataLog.filter((r) => r.route.startsWith('packages/youth-palace') && r.bytes > 16 * 1024)

describe('WeChat build: youth palace', () => {
  it('parent books for two children, hits the cap and a clash, joins the lottery; worker draws; parent re-checks and confirms', async () => {
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
    await mp.page.tap('apply-submit')
    expect(mp.page.text()).toContain('已确认名额')

    // 陈乐: second free course, then the 2-course cap.
    expect(await apply(mp, 'ypc-rope', 'ypk-chen-le')).toContain('已确认名额')
    text = await apply(mp, 'ypc-host', 'ypk-chen-le')
    expect(text).toContain('每个孩子每学期最多报 2 门课')
    // 陈悦: the over-subscribed pottery lottery, then a clash with taekwondo, then calligraphy.
    text = await apply(mp, 'ypc-pottery', 'ypk-chen-yue')
    expect(text).toContain('等待抽签')
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
    const dance = enrollmentsOf(mp, 'ypc-chinese-dance')[0]
    await mp.page.tap(`checkin-${dance.id}`)
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/checkin/index')
    expect(mp.page.has('checkin-qr')).toBe(true)
    expect(mp.page.text()).toContain('签到')
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])

    // Worker closes registration after the window and runs the draw.
    const closesAt = mp.backend().db.data.ypTerms[TERM].closesAt as string
    const drawMs = Date.parse(`${closesAt}T10:00:00+08:00`) + 24 * 3600_000
    mp = await loginAs('u-zhao', { storage: storage })
    mp.backend().clock.set(drawMs)
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('报名中')
    await mp.page.tap(`close-${TERM}`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('报名已截止，待抽签')
    await mp.page.tap(`draw-${TERM}`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('抽签录取 3 人')
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
    expect(text).toContain('已核对：结果与公布的承诺一致')
    expect(text).toContain('【您家的报名】')
    expect(text).toContain('SHA-256')

    // If 陈悦 is on the waitlist, other admitted families decline until the place reaches her.
    const mine = () => enrollmentsOf(mp, 'ypc-pottery').find((e) => e.childId === 'ypk-chen-yue')!
    let promoted = false
    while (mine().status === 'waitlisted') {
      promoted = true
      const other = enrollmentsOf(mp, 'ypc-pottery').find((e) => e.status === 'admitted')!
      mp = await loginAs(other.parentId, { storage: storage })
      mp.backend().clock.set(drawMs + 1800_000)
      await mp.navigateTo(`${YP}/my-courses/index`)
      await mp.settle(300)
      await mp.page.tap(`decline-${other.id}`)
      await mp.settle(300)
      expect(mp.page.text()).toContain('已放弃')
      mp = await loginAs('u-chen', { storage: storage })
      mp.backend().clock.set(drawMs + 3600_000)
    }
    await mp.navigateTo(`${YP}/my-courses/index?childId=ypk-chen-yue`)
    await mp.settle(300)
    text = mp.page.text()
    expect(text).toContain('已录取，待您确认')
    if (promoted) expect(text).toContain('候补递补到您')
    expect(text).toMatch(/请在 .* 前确认（还剩 2[23] 小时/)
    const e = mine()
    await mp.page.tap(`confirm-${e.id}`)
    await mp.settle(500)
    expect(mp.calls.some((c) => c.api === 'requestPayment')).toBe(true)
    expect(mp.page.text()).toContain('已支付 ¥80.00')
    expect(mine().status).toBe('confirmed')
    expect(bigSetData(mp)).toEqual([])
    expect(mp.errors).toEqual([])
  })

  it('a parent adds a child with a birth date picker; a resident cannot open the worker page', async () => {
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
    await mp.navigateTo(`${YP}/worker/index`)
    expect(mp.page.text()).toContain('只有社区工作人员可以进入')
    expect(mp.errors).toEqual([])
  })
})
