/** @jest-environment node */
/**
 * A message at every status change (issue 26 item 1, docs/messages.md): each links to the page where
 * the person acts.
 */
import { TRANSPORTS, type Client } from './client'

interface Msg {
  title: string
  body: string
  link?: string
}

describe.each(TRANSPORTS)('a message at every status change (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  const inbox = async (token: string) => (await c.call('GET', '/api/messages', { token })).body.items as Msg[]
  const apply = async (token: string, childId: string, courseId: string) =>
    c.call('POST', '/api/youth-palace/applications', { token, body: { childId, courseId } })

  it('youth palace: the parent is told an application was received and what comes next', async () => {
    const chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const paid = await apply(chen, 'ypk-chen-le', 'ypc-drawing')
    expect(paid.body.status).toBe('admitted')
    const free = await apply(chen, 'ypk-chen-yue', 'ypc-calligraphy')
    expect(free.body.status).toBe('confirmed')
    const drawn = await apply(chen, 'ypk-chen-yue', 'ypc-go')
    expect(drawn.body.status).toBe('pending')
    const link = (k: string) => `/packages/youth-palace/pages/my-courses/index?childId=ypk-chen-${k}`
    expect((await inbox(chen)).slice(0, 3)).toEqual([
      // A lottery application's receipt is the message carrying the draw's commitment.
      expect.objectContaining({
        title: '青少年宫抽签指纹',
        link: '/packages/youth-palace/pages/lottery/index?id=ypc-go',
        body: expect.stringContaining('陈悦报名的《围棋》在报名截止后抽签'),
      }),
      expect.objectContaining({ title: '青少年宫名额已确认', link: link('yue') }),
      expect.objectContaining({
        title: '青少年宫报名成功，请缴费',
        link: link('le'),
        body: expect.stringContaining('前支付'),
      }),
    ])
  })

  it('youth palace: opening a term tells the residents of that community, not of another', async () => {
    const zhao = await c.login('u-zhao')
    const term = await c.call('POST', '/api/worker/youth-palace/terms', {
      token: zhao,
      body: {
        name: '2026年秋季',
        startDate: '2026-09-05',
        endDate: '2026-12-26',
        opensAt: '2026-08-01',
        closesAt: '2026-08-20',
      },
    })
    expect(term.status).toBe(200)
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${term.body.id}/open`, { token: zhao })).status).toBe(
      200,
    )
    const [first] = await inbox(await c.login('u-chen'))
    expect(first).toMatchObject({
      title: '青少年宫开始报名',
      link: `/packages/youth-palace/pages/courses/index?termId=${term.body.id}`,
    })
    expect(first.body).toContain('2026年8月20日')
    expect((await inbox(await c.login('u-xs1'))).map((m) => m.title)).not.toContain('青少年宫开始报名')
  })

  it('elevator: the starter hears each co-initiator who agrees while others are still pending', async () => {
    const liu = await c.login('u-liu')
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
    await c.call('POST', `/api/elevator/petitions/${r.body.id}/confirm`, { token: await c.login('u-jiang') })
    const [m] = await inbox(liu)
    expect(m).toMatchObject({ title: '联合发起人已同意', link: expect.stringContaining(r.body.id) })
    expect(m.body).toContain('还有 1 位没有确认')
  })

  it('binding a room tells the resident, linking to 我的房屋', async () => {
    const li = await c.login('u-li')
    const bound = await c.call('POST', '/api/me/rooms', {
      token: li,
      body: { roomId: 'r-zpq-3-1-202', role: 'family' },
    })
    expect(bound.status).toBe(200)
    const [m] = await inbox(li)
    expect(m).toMatchObject({ title: '房屋已绑定', link: '/packages/account/pages/rooms/index' })
    expect(m.body).toContain('家属')
  })
})
