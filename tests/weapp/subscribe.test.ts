/**
 * WeChat subscribe messages: every submission that leads to a later status change asks for the
 * matching templates inside the submitting tap — `requestSubscribeMessage` before the submitting
 * request — and reports the choice (`POST /api/me/subscriptions`) before that request too, so the
 * submission's own message already finds the acceptance. The harness answers 'accept' for every id.
 */
import { MiniProgram, loginAs, logout } from './harness'
import { textOf } from './harness/tree'

jest.setTimeout(120_000)

const NOW = Date.parse('2026-03-02T10:00:00+08:00') // a Monday
const CC = '/packages/care-card/pages'

/**
 * Checks the order around the request matching `submit`: a `requestSubscribeMessage` for `templates`
 * was called before it was sent, and the subscriptions were reported before it.
 */
function expectAskedBefore(mp: MiniProgram, submit: RegExp, templates: string[]) {
  const sent = mp.requests.findIndex((r) => r.method === 'POST' && submit.test(r.url.split('?')[0]))
  expect(sent).toBeGreaterThan(-1)
  const request = mp.requests[sent]
  const asks = mp.calls
    .slice(0, request.afterCalls)
    .filter((c) => c.api === 'requestSubscribeMessage')
    .map((c) => (c.args as { tmplIds: string[] }).tmplIds)
  expect(asks.length).toBeGreaterThan(0)
  expect(asks[asks.length - 1]).toEqual(templates)
  const reported = mp.requests.slice(0, sent).filter((r) => r.url.startsWith('/api/me/subscriptions'))
  expect(reported.length).toBeGreaterThan(0)
  const answers = Object.fromEntries(
    templates.map((t) => [t === 'MC_TMPL_PROGRESS' ? 'progress' : 'reminder', 'accept']),
  )
  expect(reported[reported.length - 1].body).toEqual({ results: answers })
}

const PROGRESS = ['MC_TMPL_PROGRESS']
const BOTH = ['MC_TMPL_PROGRESS', 'MC_TMPL_REMINDER']

describe('subscribe messages are asked for inside each submitting tap', () => {
  it('care card: apply (progress)', async () => {
    const mp = await loginAs('u-wang', { recordRequests: true })
    await mp.navigateTo(`${CC}/apply/index`)
    await mp.settle()
    await mp.page.tap('apply-groups-disabled')
    for (const node of mp.page
      .nodes()
      .filter((n) => /^proof-(household|subsistence|marginal|destitute|disabled)$/.test(n.id ?? ''))) {
      await mp.page.tap(node.id!)
      await mp.settle()
    }
    await mp.page.tap('apply-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('已提交，社区将在 5 个工作日内初审')
    expectAskedBefore(mp, /^\/api\/care-card\/applications$/, PROGRESS)
    const subs = await mp.backend().inspect<{ accepted: number }>('subscriptions', { userId: 'u-wang' })
    expect(subs.map((s) => s.accepted)).toEqual([1])
  })

  it('care card: booking (progress and reminder)', async () => {
    const mp = await loginAs('u-xs0', { recordRequests: true })
    const services = await mp
      .backend()
      .inspect<{ id: string; rank: number }>('care_services', { providerId: 'cp-xs-canteen' })
    const serviceId = services.sort((a, b) => a.rank - b.rank)[0].id
    await mp.navigateTo(`${CC}/book/index?id=${serviceId}`)
    await mp.settle(500)
    const ids = (prefix: string) =>
      mp.page
        .nodes()
        .map((n) => n.id ?? '')
        .filter((id) => id.startsWith(prefix))
    await mp.page.tap(ids('book-day-').pop()!)
    const slot = ids('book-slot-').find((id) => !/已约满/.test(textOf(mp.page.get(id))))!
    await mp.page.tap(slot)
    await mp.page.tap('book-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('预约成功')
    expectAskedBefore(mp, /^\/api\/care-card\/orders$/, BOTH)
  })

  it('youth palace: apply for a course (progress and reminder)', async () => {
    const mp = await loginAs('u-chen', { recordRequests: true })
    await mp.navigateTo('/packages/youth-palace/pages/course/index?id=ypc-drawing&childId=ypk-chen-le')
    await mp.settle(300)
    await mp.page.tap('apply-submit')
    await mp.settle(300)
    expectAskedBefore(mp, /^\/api\/youth-palace\/applications$/, BOTH)
  })

  it('elevator: start a petition (progress and reminder)', async () => {
    const mp = await loginAs('u-liu', { recordRequests: true })
    await mp.navigateTo('/packages/elevator/pages/start/index?unitId=u-zpq-3-1')
    await mp.settle()
    await mp.page.tap('co-r-zpq-3-1-102')
    await mp.page.tap('co-r-zpq-3-1-302')
    await mp.page.input('start-position', '单元南侧楼梯间外，平层入户')
    await mp.page.input('start-budget', '500000')
    await mp.page.input('start-subsidies', '200000')
    await mp.page.input('start-maintenance', '12000')
    await mp.page.tap('start-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('申请已发起')
    expectAskedBefore(mp, /^\/api\/elevator\/petitions$/, BOTH)
  })

  it('one thing: a window appointment (progress and reminder)', async () => {
    const mp = await loginAs('u-li', { mockNow: NOW, recordRequests: true })
    await mp.navigateTo('/packages/one-thing/pages/appointment/index?event=newborn')
    await mp.settle(1000)
    await mp.page.tap('day-2026-03-03')
    await mp.page.tap('slot-0900')
    await mp.page.tap('appointment-submit')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('预约成功')
    expectAskedBefore(mp, /^\/api\/one-thing\/appointments$/, BOTH)
  })
  it('elevator: ballots (progress), then a written objection in the publicity period (progress)', async () => {
    const storage = new Map<string, string>()
    const PETITION = 'ep-xs-5-2'
    let objectionTime = 0
    for (const [who, name] of [
      ['u-xs1', '朱丽'],
      ['u-xs2', '胡斌'],
    ]) {
      const mp = await loginAs(who, { storage, recordRequests: true })
      await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${PETITION}`)
      await mp.page.tap('choice-agree')
      await mp.page.input('sign-name', name)
      await mp.page.tap('ballot-submit')
      await mp.settle()
      expect(mp.page.text()).toContain('您的表决：同意')
      expectAskedBefore(mp, new RegExp(`^/api/elevator/petitions/${PETITION}/ballots$`), PROGRESS)
      const [petition] = await mp.backend().inspect<{ votingDeadline: string }>('elevator_petitions', { id: PETITION })
      objectionTime = Date.parse(petition.votingDeadline) + 2 * 3600_000
      await logout(mp)
    }
    const mp = await loginAs('u-xs0', { storage, recordRequests: true, mockNow: objectionTime })
    await mp.navigateTo(`/packages/elevator/pages/objections/index?id=${PETITION}`)
    await mp.settle()
    await mp.page.input('objection-text', '电梯井道紧贴我家北侧窗户，影响采光和通风，请调整位置。')
    await mp.page.tap('objection-submit')
    await mp.settle()
    expect(mp.page.text()).toContain('异议已提交')
    expectAskedBefore(mp, new RegExp(`^/api/elevator/petitions/${PETITION}/objections$`), PROGRESS)
  })
})
