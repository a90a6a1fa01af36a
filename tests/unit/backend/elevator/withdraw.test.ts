/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const PID = 'ep-xs-5-2'
const URL = `/api/elevator/petitions/${PID}`
const DEADLINE = '2026-03-12T20:00:00+08:00'
const REASON = '设计方案需要调整，重新征求意见后再发起'

describe.each(TRANSPORTS)('elevator: initiators withdraw a petition (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const withdraw = async (userId: string, reason = REASON) =>
    c.call('POST', `${URL}/withdraw`, { token: await as(userId), body: { reason } })
  const titles = async (userId: string) =>
    (await c.call('GET', '/api/messages?limit=50', { token: await as(userId) })).body.items.map(
      (m: { title: string; body: string }) => `${m.title}｜${m.body}`,
    )

  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  it('only an initiator may withdraw, with a reason of at least 5 characters', async () => {
    expect((await withdraw('u-xs3')).body.code).toBe('NOT_INITIATOR')
    expect((await withdraw('u-sun')).status).toBe(403)
    expect((await withdraw('u-xs8', '不要了')).status).toBe(400)
    const before = await c.call('GET', URL, { token: await as('u-xs8') })
    expect(before.body.viewer.canWithdraw).toBe(true)
    expect((await c.call('GET', URL, { token: await as('u-xs3') })).body.viewer.canWithdraw).toBe(false)
  })

  it('withdrawn shows as 已撤回 everywhere, never as a failed vote; voters and the group are told', async () => {
    // A co-initiator (401, 罗成) withdraws.
    const w = await withdraw('u-xs6')
    expect(w.status).toBe(200)
    expect(w.body).toMatchObject({
      status: 'withdrawn',
      statusText: '已撤回',
      result: null,
      withdrawal: { reason: REASON, byName: '罗成' },
    })
    // Told: every household that voted (501, 401, 301, 101, 302) and the group; not the one who withdrew.
    for (const u of ['u-xs8', 'u-xs4', 'u-xs0', 'u-xs5']) {
      expect((await titles(u))[0]).toContain('加装电梯申请已撤回｜')
      expect((await titles(u))[0]).toContain(REASON)
      expect((await titles(u))[0]).toContain('这不是表决未通过')
    }
    expect((await titles('u-xs6')).some((t: string) => t.startsWith('加装电梯申请已撤回'))).toBe(false)
    expect((await titles('u-xs3')).some((t: string) => t.startsWith('加装电梯申请已撤回'))).toBe(false)
    // The ballot route: a clear 409 that it was withdrawn, not "voting closed".
    const cast = await c.call('POST', `${URL}/ballots`, {
      token: await as('u-xs3'),
      body: { householdId: 'r-xs-5-2-202', choice: 'agree', signature: { kind: 'typed-name', name: '林芳' } },
    })
    expect(cast).toMatchObject({ status: 409, body: { code: 'PETITION_WITHDRAWN' } })
    expect(cast.body.message).toContain('已由发起人撤回')
    // The meter: the tally as it stood, marked withdrawn, not final.
    const m = await c.call('GET', `${URL}/meter`, { token: await as('u-xs3') })
    expect(m.body).toMatchObject({ final: false, withdrawal: { reason: REASON } })
    // 我的表决 (my households): no voting, the withdrawal named.
    const mine = await c.call('GET', `${URL}/my-households`, { token: await as('u-xs0') })
    expect(mine.body).toMatchObject({ votingOpen: false, withdrawal: { reason: REASON } })
    // The list: my units and the worker's list show 已撤回; the unit is free for a new petition.
    const units = await c.call('GET', '/api/elevator/my-units', { token: await as('u-xs3') })
    expect(units.body.units[0].petition).toMatchObject({ status: 'withdrawn', statusText: '已撤回', result: null })
    const list = await c.call('GET', '/api/elevator/worker/petitions', { token: await as('u-sun') })
    expect(list.body.find((p: { id: string }) => p.id === PID)).toMatchObject({ statusText: '已撤回' })
    // The deadline passing does not turn it into a result.
    c.clock.set(Date.parse(DEADLINE) + 1000)
    expect((await c.call('GET', URL, { token: await as('u-xs3') })).body).toMatchObject({
      status: 'withdrawn',
      result: null,
    })
    expect((await withdraw('u-xs8')).body.code).toBe('ALREADY_WITHDRAWN')
  })

  it('after the deadline a petition can no longer be withdrawn', async () => {
    c.clock.set(Date.parse(DEADLINE) + 1000)
    expect((await withdraw('u-xs8')).body.code).toBe('CANNOT_WITHDRAW')
  })
})
