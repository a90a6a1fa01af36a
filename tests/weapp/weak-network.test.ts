/**
 * Weak network, page by page: a page shows each part as soon as its answer arrives, a part that failed
 * says so in plain Chinese with its own 重试, that 重试 asks again only for what failed, what is already on
 * screen stays when a reload fails, and what was typed stays throughout. Faults are aimed at chosen paths
 * (every request also takes 2 s), so each case meets exactly the failure it is about; the last case
 * measures opening 发起加装电梯 under the demo's seeded schedule.
 */
import { MiniProgram, loginAs } from './harness'
import { faultsOn, inputValue } from './harness/faults'

jest.setTimeout(300_000)

type Decision = { kind: string | null; delayMs: number }
type FaultBackend = { decideFault(path?: string): Decision }

/**
 * Aims faults at paths: while a path (without its query) matches one of `down`, its requests get a 503
 * (retryable, so the API wrapper tries three times); every request takes 2 s. Returns the paths asked
 * for, in order (each attempt once), and the set to change.
 */
function aimFaults(mp: MiniProgram) {
  const backend = mp.backend() as unknown as FaultBackend
  const asked: string[] = []
  const down = new Set<RegExp>()
  backend.decideFault = (path = '') => {
    if (/^\/api\/dev\//.test(path)) return { kind: null, delayMs: 0 }
    asked.push(path)
    const bare = path.split('?')[0]
    return { kind: [...down].some((re) => re.test(bare)) ? 'server-error' : null, delayMs: 2000 }
  }
  return { asked, down }
}

/** Paths asked for since `from` (an index into `asked`), without their queries, deduplicated. */
const askedSince = (asked: string[], from: number) => [...new Set(asked.slice(from).map((p) => p.split('?')[0]))]

const START = '/packages/elevator/pages/start/index?unitId=u-zpq-3-1'

describe('WeChat build: pages on a weak network', () => {
  it('发起加装电梯: the plan can be typed while the owners list fails; 重试 asks only for that list', async () => {
    const mp = await loginAs('u-liu')
    const { asked, down } = aimFaults(mp)
    down.add(/^\/api\/rooms$/)
    await mp.navigateTo(START)
    // Before any answer: the fields to type in are there, with a loading state where the lists go.
    await mp.settle(500)
    expect(mp.page.has('start-position')).toBe(true)
    expect(mp.page.text()).toContain('正在加载')
    await mp.settle(20_000)
    const text = mp.page.text()
    // The unit and the deadlines arrived and are shown; the owners' list says why it is missing.
    expect(text).toContain('3幢1单元')
    expect(mp.page.has('start-period')).toBe(true)
    expect(text).toContain('⚠ 服务暂时繁忙，本单元的业主名单没加载出来')
    expect(mp.page.allByText(/^重试$/)).toHaveLength(1)
    // Nothing to submit until the list is there, and the page says so.
    expect(mp.page.has('start-submit')).toBe(false)
    expect(text).toContain('上面的内容都加载出来后，就可以发起。')
    expect(mp.page.has('co-r-zpq-3-1-102')).toBe(false)

    await mp.page.input('start-position', '单元北侧楼梯间外')
    await mp.page.input('start-budget', '480000')
    // Still down: 重试 asks for the rooms alone (three attempts), and fails again in words.
    let from = asked.length
    await mp.page.tap(/^重试$/)
    await mp.settle(20_000)
    expect(askedSince(asked, from)).toEqual(['/api/rooms'])
    expect(asked.length - from).toBe(3)
    expect(mp.page.text()).toContain('本单元的业主名单没加载出来')
    // Back up: one more 重试 brings the list; nothing else was asked for again and nothing typed was lost.
    down.clear()
    from = asked.length
    await mp.page.tap(/^重试$/)
    await mp.settle(5_000)
    expect(askedSince(asked, from)).toEqual(['/api/rooms'])
    expect(mp.page.has('co-r-zpq-3-1-102')).toBe(true)
    expect(mp.page.has('start-submit')).toBe(true)
    expect(mp.page.text()).not.toContain('⚠')
    expect(inputValue(mp, 'start-position')).toBe('单元北侧楼梯间外')
    expect(inputValue(mp, 'start-budget')).toBe('480000')
    expect(mp.errors).toEqual([])
  })

  it('发起加装电梯: when the unit fails, the owners list waits for it and one 重试 mends both parts', async () => {
    const mp = await loginAs('u-liu')
    const { asked, down } = aimFaults(mp)
    down.add(/^\/api\/elevator\/my-units$/)
    await mp.navigateTo(START)
    await mp.settle(20_000)
    expect(mp.page.text()).toContain('您在本单元的房屋没加载出来')
    expect(mp.page.has('start-position')).toBe(true)
    down.clear()
    const from = asked.length
    // Two parts miss the same list; either 重试 asks for it once.
    await mp.page.tap(/^重试$/)
    await mp.settle(5_000)
    expect(askedSince(asked, from)).toEqual(['/api/elevator/my-units'])
    expect(asked.length - from).toBe(1)
    expect(mp.page.has('co-r-zpq-3-1-102')).toBe(true)
    expect(mp.page.has('start-submit')).toBe(true)
    expect(mp.page.text()).not.toContain('⚠')
  })

  it('青少年宫: the term shows while the children fail; 重试 reloads only the children; a failed reload keeps them', async () => {
    const mp = await loginAs('u-chen')
    const { asked, down } = aimFaults(mp)
    down.add(/^\/api\/youth-palace\/children$/)
    await mp.navigateTo('/packages/youth-palace/pages/index/index')
    await mp.settle(20_000)
    expect(mp.page.has('go-courses')).toBe(true)
    expect(mp.page.text()).toContain('⚠ 服务暂时繁忙，孩子的信息没加载出来')
    // Not "no children yet", and no way to add one before we know who is there.
    expect(mp.page.text()).not.toContain('还没有添加孩子')
    expect(mp.page.has('add-child')).toBe(false)

    down.clear()
    let from = asked.length
    await mp.page.tap(/^重试$/)
    await mp.settle(5_000)
    expect(askedSince(asked, from)).toEqual(['/api/youth-palace/children'])
    const kids = mp.page
      .nodes()
      .map((n) => n.id ?? '')
      .filter((id) => /^child-/.test(id))
    expect(kids.length).toBeGreaterThan(0)
    expect(mp.page.has('add-child')).toBe(true)

    // Shown again later with both lists failing: what was on screen stays, with the reason and 重试.
    down.add(/^\/api\/youth-palace\//)
    await mp.navigateTo('/packages/youth-palace/pages/my-courses/index')
    await mp.settle(1_000)
    await mp.navigateBack()
    await mp.settle(20_000)
    expect(mp.page.has('go-courses')).toBe(true)
    for (const id of kids) expect(mp.page.has(id)).toBe(true)
    expect(mp.page.text()).toContain('本学期的课程安排没加载出来')
    expect(mp.page.text()).toContain('孩子的信息没加载出来')
    down.clear()
    from = asked.length
    await mp.page.tap(mp.page.allByText(/^重试$/)[0])
    await mp.settle(5_000)
    // The first 重试 is the term's: it asks for the terms only.
    expect(askedSince(asked, from)).toEqual(['/api/youth-palace/terms'])
    expect(mp.page.text()).not.toContain('本学期的课程安排没加载出来')
    expect(mp.page.text()).toContain('孩子的信息没加载出来')
    expect(mp.errors).toEqual([])
  })

  it('青少年宫 course: the course shows while the children fail; 重试 asks only for the children', async () => {
    const mp = await loginAs('u-chen')
    const { asked, down } = aimFaults(mp)
    down.add(/^\/api\/youth-palace\/children$/)
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-calligraphy')
    await mp.settle(20_000)
    expect(mp.page.has('course-info')).toBe(true)
    expect(mp.page.text()).toContain('⚠ 服务暂时繁忙，孩子的信息没加载出来')
    expect(mp.page.text()).not.toContain('还没有添加孩子')
    expect(mp.page.has('apply-submit')).toBe(false)
    down.clear()
    const from = asked.length
    await mp.page.tap(/^重试$/)
    await mp.settle(5_000)
    expect(askedSince(asked, from)).toEqual(['/api/youth-palace/children'])
    expect(mp.page.has('apply-child')).toBe(true)
    expect(mp.page.has('apply-submit')).toBe(true)
    expect(mp.page.text()).not.toContain('⚠')
  })

  it('消息: when the next page fails, the messages shown stay and 重试 asks for that page only', async () => {
    const mp = await loginAs('u-wang')
    const base = Date.parse('2026-01-01T08:00:00+08:00')
    await mp.backend().arrange(
      'messages',
      Array.from({ length: 30 }, (_, i) => ({
        id: `msg-weak-${String(i).padStart(2, '0')}`,
        userId: 'u-wang',
        title: `测试通知 ${i}`,
        body: '内容',
        createdAt: new Date(base + i * 60_000).toISOString(),
      })),
    )
    const { asked, down } = aimFaults(mp)
    await mp.switchTab('/pages/messages/index')
    await mp.settle(5_000)
    const shown = () => mp.page.nodes().filter((n) => /^message-/.test(n.id ?? '')).length
    expect(shown()).toBe(20)
    down.add(/^\/api\/messages$/)
    await mp.page.tap('messages-more')
    await mp.settle(20_000)
    expect(shown()).toBe(20)
    expect(mp.page.text()).toContain('⚠ 服务暂时繁忙，更多消息没加载出来')
    expect(mp.page.has('messages-more')).toBe(false)
    down.clear()
    const from = asked.length
    await mp.page.tap(/^重试$/)
    await mp.settle(5_000)
    expect(asked.slice(from).filter((p) => p.startsWith('/api/messages'))).toEqual(['/api/messages?cursor=20&limit=20'])
    const total = (await mp.backend().inspect('messages', { userId: 'u-wang' })).length
    expect(shown()).toBe(Math.min(total, 40))
    expect(mp.page.text()).not.toContain('⚠')
  })

  it('发起加装电梯 under the seeded schedule: the form is there at once and usable within a minute', async () => {
    const mp = await loginAs('u-liu')
    faultsOn(mp, 42)
    const t0 = mp.timers.now
    await mp.navigateTo(START)
    await mp.settle(500)
    expect(mp.page.has('start-position')).toBe(true)
    let taps = 0
    while (!(mp.page.has('start-submit') && mp.page.has('co-r-zpq-3-1-102'))) {
      expect(mp.timers.now - t0).toBeLessThan(60_000)
      await mp.settle(1_000)
      if (mp.page.has(/^重试$/)) {
        taps++
        await mp.page.tap(/^重试$/)
      }
    }
    expect(taps).toBeLessThanOrEqual(1)
    expect(mp.errors).toEqual([])
  })
})
