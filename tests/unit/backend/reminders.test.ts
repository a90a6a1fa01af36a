/** @jest-environment node */
/**
 * Scheduled reminders (issue 26 item 2): each kind fires once at the right mock time, never at night
 * (21:00–08:00 Beijing: held to 08:00, or sent at 20:00 the evening before a deadline that passes in
 * the night), and never to a person who turned the kind off in 我的 → 消息设置.
 */
import { TRANSPORTS, type Client } from './client'

const at = (local: string) => Date.parse(`${local}:00+08:00`)

interface Msg {
  title: string
  body: string
  link?: string
}

describe.each(TRANSPORTS)('scheduled reminders (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  /** Moves mock time; the request after it runs the job (as in the app). */
  const moveTo = async (local: string) => {
    c.clock.set(at(local))
    await c.call('GET', '/api/messages/unread-count', { token: await as('u-zhao') })
  }
  const titled = async (userId: string, title: string) =>
    ((await c.call('GET', '/api/messages?limit=50', { token: await as(userId) })).body.items as Msg[]).filter(
      (m) => m.title === title,
    )

  describe('youth palace offer expiring in 4 hours', () => {
    const offer = async () => {
      const chen = await as('u-chen')
      await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
      const r = await c.call('POST', '/api/youth-palace/applications', {
        token: chen,
        body: { childId: 'ypk-chen-le', courseId: 'ypc-drawing' },
      })
      expect(r.body.status).toBe('admitted')
      return r.body as { id: string; confirmBy: string }
    }

    it('due at 06:00 falls in the night: held to 08:00, sent once', async () => {
      c.clock.set(at('2026-03-02T10:00'))
      const o = await offer()
      expect(o.confirmBy).toBe('2026-03-03T10:00:00+08:00')
      await moveTo('2026-03-03T06:30')
      await moveTo('2026-03-03T07:50')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
      await moveTo('2026-03-03T08:00')
      const [m, ...more] = await titled('u-chen', '青少年宫名额快到期了')
      expect(more).toEqual([])
      expect(m).toMatchObject({ link: '/packages/youth-palace/pages/my-courses/index?childId=ypk-chen-le' })
      expect(m.body).toContain('2026年3月3日')
      await moveTo('2026-03-03T08:30')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toHaveLength(1)
    })

    it('an offer ending at 01:00 is reminded at 20:00 the evening before, not at 21:00', async () => {
      c.clock.set(at('2026-03-03T01:00'))
      const o = await offer()
      expect(o.confirmBy).toBe('2026-03-04T01:00:00+08:00')
      await moveTo('2026-03-03T19:50')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
      await moveTo('2026-03-03T20:00')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toHaveLength(1)
    })

    it('a parent who turned the kind off gets none', async () => {
      c.clock.set(at('2026-03-02T10:00'))
      await offer()
      const put = await c.call('PUT', '/api/me/message-settings', {
        token: await as('u-chen'),
        body: { muted: ['yp-offer-expiring'] },
      })
      expect(put.status).toBe(200)
      const got = await c.call('GET', '/api/me/message-settings', { token: await as('u-chen') })
      expect(got.body.kinds).toContainEqual(expect.objectContaining({ kind: 'yp-offer-expiring', on: false }))
      await moveTo('2026-03-03T08:00')
      await moveTo('2026-03-03T09:00')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
    })
  })

  it('vote closing in 2 days: each owner not yet voted, and the initiators with the count; once', async () => {
    const liu = await as('u-liu')
    const r = await c.call('POST', '/api/elevator/petitions', {
      token: liu,
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
    expect(r.status).toBe(200)
    for (const u of ['u-jiang', 'u-zhou'])
      await c.call('POST', `/api/elevator/petitions/${r.body.id}/confirm`, { token: await as(u) })
    await moveTo('2026-03-14T19:50')
    expect(await titled('u-zhang', '加装电梯表决快截止了')).toEqual([])
    await moveTo('2026-03-14T20:00')
    const [owner] = await titled('u-zhang', '加装电梯表决快截止了')
    expect(owner).toMatchObject({ link: expect.stringContaining(r.body.id) })
    expect(owner.body).toContain('2026年3月16日')
    const [starter] = await titled('u-liu', '还有住户没有表决')
    expect(starter.body).toMatch(/还有 \d+ 户没有表决/)
    expect(await titled('u-jiang', '还有住户没有表决')).toHaveLength(1)
    await moveTo('2026-03-15T09:00')
    expect(await titled('u-zhang', '加装电梯表决快截止了')).toHaveLength(1)
  })

  it('legal deadline: 7 days before at 09:00, and the day after it passed; both once', async () => {
    const wang = await as('u-wang')
    await c.call('POST', '/api/me/privacy', { token: wang, body: { accepted: true } })
    const saved = await c.call('PUT', '/api/one-thing/progress/newborn', {
      token: wang,
      body: {
        answers: { birthDate: '2026-02-28', parents: 'married' },
        ticked: [],
        deadlines: [{ label: '出生登记', dueDate: '2026-03-31', source: '户口登记条例第七条' }],
      },
    })
    expect(saved.status).toBe(200)
    await moveTo('2026-03-24T08:50')
    expect(await titled('u-wang', '办理期限还有 7 天')).toEqual([])
    await moveTo('2026-03-24T09:00')
    const [near] = await titled('u-wang', '办理期限还有 7 天')
    expect(near).toMatchObject({ link: '/packages/one-thing/pages/checklist/index?event=newborn' })
    expect(near.body).toContain('2026年3月31日')
    await moveTo('2026-04-01T09:00')
    await moveTo('2026-04-01T10:00')
    expect(await titled('u-wang', '办理期限已过')).toHaveLength(1)
    expect(await titled('u-wang', '办理期限还有 7 天')).toHaveLength(1)
  })

  it('care card: the credit of the month on the 1st, and a delivered service not rated after 2 days', async () => {
    await moveTo('2026-03-03T12:00')
    const [order] = await c.backend.inspect('care_orders', { holderId: 'u-xs0', status: 'booked' })
    const done = await c.call('POST', `/api/worker/care-card/orders/${order.id}/deliver`, { token: await as('u-sun') })
    expect(done.body.status).toBe('delivered')
    await moveTo('2026-03-05T11:50')
    expect(await titled('u-xs0', '服务还没有评价')).toEqual([])
    await moveTo('2026-03-05T12:00')
    expect(await titled('u-xs0', '服务还没有评价')).toEqual([
      expect.objectContaining({ link: `/packages/care-card/pages/order/index?id=${order.id}` }),
    ])
    await moveTo('2026-04-01T08:50')
    expect(await titled('u-xs0', '爱心卡本月额度已到账')).toEqual([])
    await moveTo('2026-04-01T09:00')
    const [credit] = await titled('u-xs0', '爱心卡本月额度已到账')
    expect(credit.body).toContain('¥300.00')
    expect(await titled('u-xs0', '服务还没有评价')).toHaveLength(1)
  })
})
