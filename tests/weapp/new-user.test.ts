/**
 * Issue 16 ("Fix what a new user met"), in the WeChat harness: each case is what a person met, played
 * through the compiled app.
 */
import { holdCredit, spendableFen } from '@/domain/care-card/ledger'
import { beijingIso } from '@/domain/shared/time'
import { formatInstantCn } from '@/domain/youth-palace/types'
import { MiniProgram, loginAs, logout, seededIdNumber, textOf, walk } from './harness'
import { callAs } from './harness/faults'

/** Books the first free slot of the first day offered on the booking page (the dialog confirmed). */
/**
 * Books the first slot of the last bookable day: the demo seeds 马建华 a lunch for tomorrow 11:00, which is
 * the first slot on offer every evening (after today's last slot), so the first day would collide with it.
 */
async function bookLastDaySlot(mp: MiniProgram) {
  const day = walk(mp.page.root)
    .filter((n) => (n.id ?? '').startsWith('book-day-') && !textOf(n).includes('已约满'))
    .at(-1)!
  await mp.page.tap(day)
  await mp.page.tap(/（还剩 \d+ 个名额）/)
  await mp.page.tap('book-submit')
  await mp.settle()
}

/** An ID number as people paste it: in groups of 6, 4, 4 and 4, with spaces between. */
const spaced = (id: string, space = ' ') =>
  [id.slice(0, 6), id.slice(6, 10), id.slice(10, 14), id.slice(14)].join(space)

jest.setTimeout(60_000)

describe('WeChat build: what a new user met (issue 16)', () => {
  it('after 刘伟 logs out, 张建国 is not offered 刘一诺 on a course page (item 3)', async () => {
    const mp = await loginAs('u-liu')
    await mp.page.tap('entry-youth-palace')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('刘一诺')
    await logout(mp)
    expect(mp.page.route).toBe('pages/login/index')
    await mp.page.tap('persona-u-zhang')
    await mp.settle(1000)
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-calligraphy')
    await mp.settle(1000)
    expect(mp.page.text()).not.toContain('刘一诺')
    expect(mp.page.text()).toContain('张子涵（9 岁）')
    expect(mp.errors).toEqual([])
  })

  it('an ID number pasted with spaces is kept whole and binds (item 6)', async () => {
    const mp = await loginAs('u-chen')
    await mp.navigateTo('/packages/account/pages/real-name/index')
    const id = seededIdNumber('陈晓东')
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', spaced(id))
    expect(mp.page.byId('real-name-id')?.attrs.value).toBe(id)
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    const [chen] = await mp.backend().inspect<{ realName?: string; idNumber?: string }>('users', { id: 'u-chen' })
    expect(chen).toMatchObject({ realName: '陈晓东', idNumber: id })
  })

  it("a family member's ID number pasted with full-width spaces and a lower-case x is kept whole (item 6); once she agrees, the request message is no longer 未读 (item 10)", async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-li', { storage })
    await mp.navigateTo('/packages/account/pages/family/index')
    const id = seededIdNumber('王秀英')
    await mp.page.input('family-name', '王秀英')
    await mp.page.input('family-id', ` ${spaced(id.toLowerCase(), '\u3000')} `)
    expect(mp.page.byId('family-id')?.attrs.value).toBe(id)
    await mp.page.tap('family-submit')
    expect(mp.page.text()).toContain('待确认')
    await logout(mp)
    mp = await loginAs('u-wang', { storage })
    expect(mp.page.text()).toContain('您有 2 条未读消息')
    await mp.page.tap('李红申请为您代办')
    await mp.page.tap(/^同意$/)
    expect(mp.page.text()).toContain('已生效')
    await mp.switchTab('/pages/index/index')
    await mp.settle()
    expect(mp.page.text()).toContain('您有 1 条未读消息')
    await mp.switchTab('/pages/messages/index')
    await mp.settle()
    const request = walk(mp.page.root).find(
      (n) => (n.id ?? '').startsWith('message-') && textOf(n).includes('家人申请为您代办'),
    )!
    expect(textOf(request)).not.toContain('未读')
  })

  it('booking with too little on the card is refused before the confirm dialog, with what to do (item 8)', async () => {
    const mp = await loginAs('u-xs0')
    // Most of 马建华's balance is held by another booking: ¥5.00 is left.
    const nowIso = beijingIso(mp.backend().clock.now())
    // The seed's orders for him (on 31 December there is no lunch booked for tomorrow: next credit year).
    const seeded = await mp.backend().inspect('care_orders', { holderId: 'u-xs0' })
    await mp.backend().run(async (tx) => {
      const entries = await tx.careCard.ledgerOf('cc-seed-xs0')
      const drained = holdCredit(entries, {
        orderId: 'co-test-drain',
        amountFen: spendableFen(entries, nowIso) - 500,
        at: nowIso,
      })
      await tx.careCard.appendLedger('cc-seed-xs0', drained, entries.length)
    })
    await mp.navigateTo('/packages/care-card/pages/book/index?id=cs-xs-lunch')
    await mp.settle()
    const day = walk(mp.page.root).find((n) => (n.id ?? '').startsWith('book-day-') && !textOf(n).includes('已约满'))!
    await mp.page.tap(day)
    await mp.page.tap(/（还剩 \d+ 个名额）/)
    const modals = mp.calls.filter((c) => c.api === 'showModal').length
    await mp.page.tap('book-submit')
    await mp.settle()
    expect(mp.calls.filter((c) => c.api === 'showModal')).toHaveLength(modals)
    expect(mp.page.text()).toContain('余额不足：爱心卡可用余额 ¥5.00')
    // The balance is on the page from the start.
    expect(textOf(mp.page.byId('book-balance')!)).toBe('爱心卡可用余额 ¥5.00')
    expect(mp.page.text()).toContain('每月 1 日发放新的额度后可以再预约')
    expect(await mp.backend().inspect('care_orders', { holderId: 'u-xs0' })).toEqual(seeded)
    expect(mp.errors).toEqual([])
  })

  it('the care-card home offers the 代办 switch; home works while acting; 马建华 sees who booked for him (item 9)', async () => {
    const mp = await loginAs('u-li')
    const nowIso = beijingIso(mp.backend().clock.now())
    // 马建华 confirmed that 李红 may act for him.
    await mp.backend().arrange('family_links', [
      {
        id: 'fl-test-xs0',
        proxyId: 'u-li',
        principalId: 'u-xs0',
        relationship: '子女',
        status: 'confirmed',
        requestedBy: 'u-li',
        requestedAt: nowIso,
        confirmedAt: nowIso,
        confirmedBy: 'principal',
      },
    ])
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle()
    expect(mp.page.text()).toContain('我的爱心卡')
    await mp.page.tap('acting-for-u-xs0')
    await mp.settle()
    expect(mp.page.text()).toContain('正在为 马建华 代办')
    expect(mp.page.text()).toContain('马建华的爱心卡')
    expect(mp.page.has('balance')).toBe(true)
    await mp.page.tap('go-services')
    await mp.settle()
    await mp.page.tap('service-cs-xs-lunch')
    await mp.settle()
    await bookLastDaySlot(mp)
    expect(mp.page.text()).toContain('预约成功')
    // Home, while acting: the user's own to-dos still load.
    await mp.switchTab('/pages/index/index')
    await mp.settle()
    expect(mp.page.text()).toContain('正在为 马建华 代办')
    expect(mp.page.text()).not.toContain('暂时加载不了')
    // 切换回本人 on the care-card home.
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle()
    await mp.page.tap('acting-for-self')
    await mp.settle()
    expect(mp.page.text()).toContain('我的爱心卡')
    expect(mp.page.text()).not.toContain('正在为 马建华 代办')

    await logout(mp)
    await mp.page.tap('persona-u-xs0')
    await mp.settle()
    await mp.navigateTo('/packages/care-card/pages/orders/index')
    await mp.settle()
    const [booked] = await mp.backend().inspect<{ id: string }>('care_orders', { holderId: 'u-xs0', proxyId: 'u-li' })
    expect(textOf(mp.page.byId(`order-${booked.id}`)!)).toContain('由 李红 代为预约')
    await mp.page.tap(`order-${booked.id}`)
    await mp.settle()
    expect(textOf(mp.page.byId('order-booked-by')!)).toBe('由 李红 代为预约')
    expect(mp.errors).toEqual([])
  })

  it('a waitlist place to confirm within 24 hours is a to-do on home, before the services (item 9)', async () => {
    const mp = await loginAs('u-chen')
    await callAs(mp, 'u-chen', 'POST', '/api/youth-palace/applications', {
      childId: 'ypk-chen-yue',
      courseId: 'ypc-model-aircraft',
      joinWaitlist: true,
    })
    const enrollments = () =>
      mp.backend().inspect<{
        id: string
        parentId: string
        childId: string
        courseId: string
        status: string
        confirmBy?: string
      }>('yp_enrollments', { courseId: 'ypc-model-aircraft' })
    const seat = (await enrollments()).find((e) => e.parentId === 'u-zheng')!
    await callAs(mp, 'u-zheng', 'POST', `/api/youth-palace/enrollments/${seat.id}/cancel`)
    const offer = (await enrollments()).find((e) => e.childId === 'ypk-chen-yue')!
    expect(offer.status).toBe('admitted')
    await mp.switchTab('/pages/me/index')
    await mp.switchTab('/pages/index/index')
    await mp.settle()
    const todo = mp.page.byId(`todo-yp-offer-${offer.id.replace(/[^A-Za-z0-9_-]/g, '-')}`)!
    expect(textOf(todo)).toContain('陈悦候补到《航模小班》的名额')
    expect(textOf(todo)).toContain(`请在 ${formatInstantCn(offer.confirmBy!)} 前确认并缴费 ¥60.00`)
    // Before the services, within the first screen.
    expect(mp.page.text().indexOf('陈悦候补到')).toBeLessThan(mp.page.text().indexOf('社区服务'))
    await mp.page.tap(todo)
    await mp.settle()
    expect(mp.page.route).toBe('packages/youth-palace/pages/my-courses/index')
    // Past its deadline, the to-do is gone.
    mp.backend().clock.set(Date.parse(offer.confirmBy!) + 60_000)
    await mp.switchTab('/pages/index/index')
    await mp.settle()
    expect(mp.page.text()).not.toContain('陈悦候补到')
    expect(mp.errors).toEqual([])
  })
})

describe('WeChat build: words a new user met (issue 16, item 10)', () => {
  const ISO_DATE = /\d{4}-\d{2}-\d{2}|\d{4}-\d{2} 月/

  it('the card ledger: a charge shows its amount, not 服务扣款 +¥0.00; no ISO date in the ledger or the messages', async () => {
    const mp = await loginAs('u-xs0')
    await mp.navigateTo('/packages/care-card/pages/card/index')
    await mp.settle()
    const ledger = textOf(mp.page.byId('ledger')!)
    expect(ledger).not.toContain('+¥0.00')
    expect(ledger).toMatch(/服务扣款 ¥10\.00预约时已冻结，这次从冻结的金额中扣款，可用余额不变/)
    expect(ledger).not.toMatch(ISO_DATE)
    expect(ledger).toMatch(/\d{4}年\d{1,2}月爱心卡额度/)
    await mp.switchTab('/pages/messages/index')
    await mp.settle()
    expect(mp.page.text()).not.toMatch(ISO_DATE)
    expect(mp.errors).toEqual([])
  })

  it('after the vote closed the meter says what was missing, not 还差 N 户参与', async () => {
    const mp = await loginAs('u-xs1')
    const [p] = await mp.backend().inspect<{ votingDeadline: string }>('elevator_petitions', { id: 'ep-xs-5-2' })
    mp.backend().clock.set(Date.parse(p.votingDeadline) + 3600_000)
    await mp.navigateTo('/packages/elevator/pages/petition/index?id=ep-xs-5-2')
    await mp.settle()
    const meter = textOf(mp.page.byId('meter')!)
    expect(meter).not.toContain('还差')
    expect(meter).toContain('表决已截止，参与未达到 2/3（差 2 户、93.29 ㎡）')
    expect(meter).toContain('最终结果')
  })

  it('the receipt of an owner of two flats shows two short check codes, each full one behind 查看完整校验码', async () => {
    const mp = await loginAs('u-zhou')
    const deadline = `${beijingIso(mp.backend().clock.now() + 30 * 86_400_000).slice(0, 10)}T20:00:00+08:00`
    await callAs(mp, 'u-zhou', 'POST', '/api/me/privacy', { accepted: true })
    const p = await callAs(mp, 'u-zhou', 'POST', '/api/elevator/petitions', {
      roomId: 'r-zpq-3-1-501',
      coInitiatorRoomIds: ['r-zpq-3-1-102', 'r-zpq-3-1-302'],
      elevatorPosition: '单元北侧楼梯间外',
      budgetFen: 50_000_000,
      subsidiesFen: 20_000_000,
      yearlyMaintenanceFen: 1_200_000,
      votingDeadline: deadline,
    })
    for (const u of ['u-qian', 'u-wu']) {
      await callAs(mp, u, 'POST', '/api/me/privacy', { accepted: true })
      await callAs(mp, u, 'POST', `/api/elevator/petitions/${p.id}/confirm`)
    }
    await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${p.id}`)
    await mp.settle()
    await mp.page.tap('choice-agree')
    await mp.page.input('sign-name', '周强')
    await mp.page.tap('ballot-submit')
    await mp.settle()
    const receipt = () => textOf(mp.page.byId('receipt')!)
    expect(receipt()).not.toMatch(/[0-9a-f]{64}/)
    expect(receipt().match(/校验码 [0-9a-f]{4} [0-9a-f]{4}查看完整校验码/g)).toHaveLength(2)
    const first = walk(mp.page.byId('receipt')!).find((n) => /^receipt-\d+-full$/.test(n.id ?? ''))!
    await mp.page.tap(first)
    expect(receipt().match(/[0-9a-f]{64}/g)).toHaveLength(1)
    expect(receipt()).toContain('收起完整校验码')
    expect(mp.errors).toEqual([])
  })

  it('the elevator start form asks for an empty budget in words, and refuses an implausible one', async () => {
    const mp = await loginAs('u-liu')
    const petitions = async () => (await mp.backend().inspect('elevator_petitions')).length
    const before = await petitions()
    await mp.navigateTo('/packages/elevator/pages/start/index?unitId=u-zpq-3-1')
    await mp.settle()
    await mp.page.input('start-position', '单元北侧楼梯间外')
    await mp.page.tap('co-r-zpq-3-1-102')
    await mp.page.tap('co-r-zpq-3-1-302')
    await mp.page.tap('start-submit')
    expect(mp.page.text()).toContain('请填写工程预算')
    expect(mp.page.text()).toContain('请填写补助金额，没有补助填 0')
    expect(mp.page.text()).not.toContain('金额“”')
    await mp.page.input('start-budget', '123456789012')
    await mp.page.input('start-subsidies', '0')
    await mp.page.input('start-maintenance', '12000')
    await mp.page.tap('start-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('工程预算不能超过 ¥5,000,000.00，请核对是否多填了 0')
    expect(await petitions()).toBe(before)
  })
})
