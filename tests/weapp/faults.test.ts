/**
 * Weak network: with the backend's seeded fault schedule on — each request
 * has a 30 % chance of each failing kind (timeout, 503, saved-but-the-answer-lost) and every request
 * takes 2 s more — the core journey of each of the four services still completes through the app's own
 * retry paths (the API wrapper's retries with the same idempotency key, then 重试 / submitting again as
 * a person would, a bounded number of times). Afterwards no record is duplicated, nothing typed is lost,
 * and whenever the journey was not done yet the page said why (loading, 请稍候, 正在保存, or an
 * ErrorNote with the reason), with "网络不稳，正在重试（第 N 次）…" toasts while the wrapper retried.
 */
import { loginAs, walk } from './harness'
import { ballotLog } from './harness/elevator'
import {
  expectFaultsMet,
  faultsOn,
  idsStarting,
  inputValue,
  persist,
  retryToasts,
  rowsOf,
  seedsFrom,
} from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { apply: 5, book: 1, ballot: 42, youthPalace: 1, oneThing: 42 }
const seedOf = seedsFrom(SEEDS)

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday

describe('WeChat build: the four services under the seeded fault schedule', () => {
  it('爱心卡: 王秀英 applies with a photo (one application); 马建华 books a lunch (one order, one hold)', async () => {
    let mp = await loginAs('u-wang')
    let hits = faultsOn(mp, seedOf('apply'), /^\/api\/care-card\/applications$/)
    await mp.navigateTo('/packages/care-card/pages/apply/index')
    await persist(mp, 'apply page', () => mp.page.has('apply-submit'))
    await mp.page.tap('proof-household')
    expect(mp.page.text()).toContain('已拍摄')
    await mp.page.tap('apply-submit')
    await persist(
      mp,
      'apply',
      () => mp.page.text().includes('已提交，社区将在 5 个工作日内初审'),
      async () => {
        // The photo taken is still there after a failure: nothing to redo but tap again.
        expect(mp.page.text()).toContain('已拍摄')
        expect(mp.page.text()).not.toContain('请拍摄户口簿或居住证')
        await mp.page.tap('apply-submit')
      },
    )
    const apps = await rowsOf(mp, 'care_applications', { applicantId: 'u-wang' })
    expect(apps).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/care-card\/applications$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)

    // 马建华 (西山, card with credit) books a lunch at the canteen.
    mp = await loginAs('u-xs0')
    hits = faultsOn(mp, seedOf('book'), /^\/api\/care-card\/orders$/)
    // The canteen's first service (services are rows of their own, in `rank` order).
    const services = await rowsOf<{ id: string; rank: number }>(mp, 'care_services', { providerId: 'cp-xs-canteen' })
    const serviceId = services.sort((a, b) => a.rank - b.rank)[0].id
    const ordersOf = () => rowsOf<{ id: string; slotId: string }>(mp, 'care_orders', { holderId: 'u-xs0' })
    const before = (await ordersOf()).length
    await mp.navigateTo(`/packages/care-card/pages/book/index?id=${serviceId}`)
    await persist(mp, 'book page', () => idsStarting(mp, 'book-day-').length > 0)
    // The last day offered (tomorrow already has a seeded lunch), its first free slot.
    await mp.page.tap(idsStarting(mp, 'book-day-').pop()!)
    const slot = idsStarting(mp, 'book-slot-').find(
      (id) =>
        !/已约满/.test(
          walk(mp.page.get(id))
            .map((n) => n.text ?? '')
            .join(''),
        ),
    )!
    const slotId = slot.slice('book-slot-'.length)
    await mp.page.tap(slot)
    await mp.page.tap('book-submit')
    await persist(
      mp,
      'booking',
      () => mp.page.text().includes('预约成功'),
      async () => {
        // The chosen day and time are still chosen after a failure.
        expect(mp.page.get(slot).className).toContain('option-on')
        await mp.page.tap('book-submit')
      },
    )
    const mine = await ordersOf()
    expect(mine).toHaveLength(before + 1)
    expect(mine.filter((o) => o.slotId === slotId)).toHaveLength(1)
    const order = mine.find((o) => o.slotId === slotId)!
    const ledger = await rowsOf(mp, 'care_ledger_entries', { orderId: order.id })
    expect(ledger).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/care-card\/orders$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('加装电梯: 朱丽 signs and casts her ballot (one ballot for her household, the name she typed kept)', async () => {
    const mp = await loginAs('u-xs1')
    const hits = faultsOn(mp, seedOf('ballot'), /\/ballots$/)
    const PETITION = 'ep-xs-5-2'
    const logBefore = (await ballotLog(mp, PETITION)).length
    await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${PETITION}`)
    await persist(mp, 'ballot page', () => mp.page.has('choice-agree'))
    await mp.page.tap('choice-agree')
    await mp.page.input('sign-name', '朱丽')
    await mp.page.tap('ballot-submit')
    await persist(
      mp,
      'ballot',
      () => mp.page.text().includes('表决已提交'),
      async () => {
        // What was typed and chosen is still there.
        expect(inputValue(mp, 'sign-name')).toBe('朱丽')
        expect(mp.page.get('choice-agree').className).toContain('option-on')
        await mp.page.tap('ballot-submit')
      },
    )
    expect(mp.page.text()).toContain('您的表决：同意')
    const log = await ballotLog(mp, PETITION)
    expect(log).toHaveLength(logBefore + 1)
    expect(log.filter((e) => e.householdId === 'r-xs-5-2-102')).toHaveLength(1)
    expect(log[log.length - 1]).toMatchObject({ householdId: 'r-xs-5-2-102', choice: 'agree' })
    expectFaultsMet(hits, /\/ballots$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('青少年宫: 陈晓东 applies for 中国舞 for 陈乐 (one enrollment for the child and course)', async () => {
    const mp = await loginAs('u-chen')
    const hits = faultsOn(mp, seedOf('youthPalace'), /^\/api\/youth-palace\/applications$/)
    const enrollments = () => rowsOf(mp, 'yp_enrollments', { childId: 'ypk-chen-le', courseId: 'ypc-chinese-dance' })
    expect(await enrollments()).toHaveLength(0)
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-chinese-dance&childId=ypk-chen-le')
    await persist(mp, 'course page', () => mp.page.has('apply-submit'))
    await mp.page.tap('apply-submit')
    await persist(
      mp,
      'apply',
      () => mp.page.has('apply-result'),
      async () => {
        // The child chosen is still chosen.
        expect(mp.page.get('apply-child-ypk-chen-le').className).toContain('option-on')
        await mp.page.tap('apply-submit')
      },
    )
    expect(mp.page.text()).toContain('已确认名额')
    expect(await enrollments()).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/youth-palace\/applications$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('一件事: 李红 answers the newborn questions, ticks an item, books a window appointment (one progress, one appointment)', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW })
    const hits = faultsOn(mp, seedOf('oneThing'), /^\/api\/one-thing\/(progress|appointments)/)
    const ROOT = '/packages/one-thing/pages'
    const saved = () => !/正在保存|⚠/.test(mp.page.text())
    await mp.navigateTo(`${ROOT}/questions/index?event=newborn`)
    await persist(mp, 'questions page', () => mp.page.has('q-next'))
    await mp.page.change('q-date', '2026-02-20')
    await mp.page.tap('q-next')
    await persist(mp, 'birth date saved', saved)
    // The answers stay on screen whether or not a save failed.
    expect(mp.page.text()).toContain('2026年2月20日')
    for (const [q, a] of [
      ['parents', 'married'],
      ['localHukou', 'yes'],
      ['motherInsured', 'yes'],
    ]) {
      await mp.page.tap(`q-${q}-${a}`)
      await persist(mp, `answer ${q} saved`, saved)
    }
    expect(mp.page.text()).toContain('问题都回答好了')
    await mp.page.tap('go-checklist')
    await persist(mp, 'checklist page', () => mp.page.has('tick-birth-certificate'))
    await mp.page.tap('tick-birth-certificate')
    await persist(mp, 'tick saved', saved)
    expect(mp.page.text()).toContain('已办 1 项')
    const progress = await rowsOf<{ answers: Record<string, string>; ticked: string[] }>(mp, 'one_thing_progress', {
      userId: 'u-li',
      eventId: 'newborn',
    })
    expect(progress).toHaveLength(1)
    expect(progress[0].answers).toMatchObject({
      birthDate: '2026-02-20',
      parents: 'married',
      localHukou: 'yes',
      motherInsured: 'yes',
    })
    expect(progress[0].ticked).toEqual(['birth-certificate'])

    await mp.navigateTo(`${ROOT}/appointment/index?event=newborn`)
    await persist(mp, 'appointment page', () => mp.page.has('day-2026-03-03'))
    await mp.page.tap('day-2026-03-03')
    await mp.page.tap('slot-0900')
    await mp.page.tap('appointment-submit')
    await persist(
      mp,
      'appointment',
      () => mp.page.text().includes('预约成功'),
      async () => {
        expect(mp.page.get('slot-0900').className).toContain('option-on')
        await mp.page.tap('appointment-submit')
      },
    )
    expect(mp.page.text()).toContain('2026年3月3日（周二） 09:00–10:00')
    const appointments = await rowsOf(mp, 'one_thing_appointments', { userId: 'u-li' })
    expect(appointments).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/one-thing\/(progress|appointments)/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })
})
