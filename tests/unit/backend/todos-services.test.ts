/** @jest-environment node */
/**
 * Home's to-do list from every service (issue 26 item 4), for a few personas at a few mock times: an
 * invitation to co-initiate, a ballot not cast, a service to rate, a legal deadline, most urgent first;
 * each goes once it is done or its deadline passed.
 */
import { TRANSPORTS, type Client } from './client'

const at = (local: string) => Date.parse(`${local}:00+08:00`)
interface Todo {
  id: string
  title: string
  note: string
  link: string
  dueAt: string
}

describe.each(TRANSPORTS)('to-dos from every service (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())
  const todos = async (userId: string) =>
    (await c.call('GET', '/api/me/todos', { token: await as(userId) })).body as Todo[]

  it('elevator: the invitation, then the ballot, until it is cast', async () => {
    const r = await c.call('POST', '/api/elevator/petitions', {
      token: await as('u-liu'),
      body: {
        roomId: 'r-zpq-3-1-701',
        coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'],
        elevatorPosition: '单元南侧外墙，半层入户',
        budgetFen: 54_000_000,
        subsidiesFen: 20_000_000,
        yearlyMaintenanceFen: 1_500_000,
        votingDeadline: '2026-03-16T20:00:00+08:00',
      },
    })
    const id = r.body.id
    expect(await todos('u-jiang')).toEqual([
      expect.objectContaining({ id: `el-invite:${id}`, note: expect.stringContaining('2026年3月16日') }),
    ])
    expect(await todos('u-zhang')).toEqual([])
    for (const u of ['u-jiang', 'u-zhou'])
      await c.call('POST', `/api/elevator/petitions/${id}/confirm`, { token: await as(u) })
    expect(await todos('u-jiang')).toEqual([expect.objectContaining({ id: `el-vote:${id}` })])
    const [ballot] = await todos('u-zhang')
    expect(ballot).toMatchObject({ id: `el-vote:${id}`, link: `/packages/elevator/pages/petition/index?id=${id}` })
    const cast = await c.call('POST', `/api/elevator/petitions/${id}/ballots`, {
      token: await as('u-zhang'),
      body: { householdId: 'r-zpq-3-1-101', choice: 'agree', signature: { kind: 'typed-name', name: '张建国' } },
    })
    expect(cast.status).toBe(200)
    expect(await todos('u-zhang')).toEqual([])
    c.clock.set(at('2026-03-16T20:01'))
    expect(await todos('u-jiang')).toEqual([])
  })

  it('care card: a delivered service to rate, until rated', async () => {
    c.clock.set(at('2026-03-03T12:00'))
    const [order] = await c.backend.inspect('care_orders', { holderId: 'u-xs0', status: 'booked' })
    await c.call('POST', `/api/worker/care-card/orders/${order.id}/deliver`, { token: await as('u-sun') })
    expect(await todos('u-xs0')).toEqual([
      expect.objectContaining({ id: `care-rate:${order.id}`, note: expect.stringContaining('2026年3月10日') }),
    ])
    c.clock.set(at('2026-03-11T09:00'))
    expect(await todos('u-xs0')).toEqual([])
  })

  it('one thing: a legal deadline until the day after it passed, most urgent first', async () => {
    const wang = await as('u-wang')
    await c.call('POST', '/api/me/privacy', { token: wang, body: { accepted: true } })
    await c.call('PUT', '/api/one-thing/progress/newborn', {
      token: wang,
      body: {
        answers: { birthDate: '2026-02-28', parents: 'married' },
        ticked: [],
        deadlines: [
          { label: '出生登记', dueDate: '2026-03-31' },
          { label: '医保参保', dueDate: '2026-03-10' },
        ],
      },
    })
    expect((await todos('u-wang')).map((t) => [t.title, t.note])).toEqual([
      ['医保参保', '请在 2026年3月10日 前办理'],
      ['出生登记', '请在 2026年3月31日 前办理'],
    ])
    c.clock.set(at('2026-03-11T10:00'))
    expect((await todos('u-wang')).map((t) => t.note)).toEqual([
      '期限 2026年3月10日 已过，请尽快办理',
      '请在 2026年3月31日 前办理',
    ])
    c.clock.set(at('2026-03-12T10:00'))
    expect((await todos('u-wang')).map((t) => t.title)).toEqual(['出生登记'])
  })
})
