/**
 * Issue 16 ("Fix what a new user met"), in the WeChat harness: each case is what a person met, played
 * through the compiled app.
 */
import { holdCredit, spendableFen } from '../../src/domain/careLedger'
import { beijingIso } from '../../src/domain/time'
import { loginAs, logout, seededIdNumber, textOf, walk } from './harness'

/** An ID number as people paste it: in groups of 6, 4, 4 and 4, with spaces between. */
const spaced = (id: string, space = ' ') => [id.slice(0, 6), id.slice(6, 10), id.slice(10, 14), id.slice(14)].join(space)

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
    await mp.navigateTo('/pages/real-name/index')
    const id = seededIdNumber('陈晓东')
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', spaced(id))
    expect(mp.page.byId('real-name-id')?.attrs.value).toBe(id)
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    expect(mp.backend().db.data.users['u-chen'].realName).toMatchObject({ name: '陈晓东' })
  })

  it('a family member\'s ID number pasted with full-width spaces and a lower-case x is kept whole (item 6); once she agrees, the request message is no longer 未读 (item 10)', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-li', { storage })
    await mp.navigateTo('/pages/family/index')
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
    const request = walk(mp.page.root).find((n) => (n.id ?? '').startsWith('message-') && textOf(n).includes('家人申请为您代办'))!
    expect(textOf(request)).not.toContain('未读')
  })

  it('booking with too little on the card is refused before the confirm dialog, with what to do (item 8)', async () => {
    const mp = await loginAs('u-xs0')
    // Most of 马建华's balance is held by another booking: ¥5.00 is left.
    const data = mp.backend().db.data
    const nowIso = beijingIso(mp.backend().clock.now())
    const entries = data.careLedgers['cc-seed-xs0']
    const drained = holdCredit(entries, { orderId: 'co-test-drain', amountFen: spendableFen(entries, nowIso) - 500, at: nowIso })
    data.careLedgers['cc-seed-xs0'] = drained.map((e) => ({ ...e }))
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
    expect(Object.values(data.careOrders).filter((o) => (o as { holderId: string }).holderId === 'u-xs0')).toHaveLength(2)
    expect(mp.errors).toEqual([])
  })
})
