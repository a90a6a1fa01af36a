/** @jest-environment node */
import { idNumberOf, T0, TRANSPORTS, type Client } from '../client'

/** Owners of 总浦桥社区 3幢1单元 in the seed: user → [first flat, name]. u-zhou also owns 602. */
const ZPQ: Record<string, [string, string]> = {
  'u-zhang': ['r-zpq-3-1-101', '张建国'],
  'u-qian': ['r-zpq-3-1-102', '钱芳'],
  'u-sunzq': ['r-zpq-3-1-201', '孙志强'],
  'u-wang': ['r-zpq-3-1-202', '王秀英'],
  'u-zhoum': ['r-zpq-3-1-301', '周梅'],
  'u-wu': ['r-zpq-3-1-302', '吴刚'],
  'u-zheng': ['r-zpq-3-1-401', '郑丽华'],
  'u-feng': ['r-zpq-3-1-402', '冯军'],
  'u-zhou': ['r-zpq-3-1-501', '周强'],
  'u-chu': ['r-zpq-3-1-502', '褚红梅'],
  'u-wei': ['r-zpq-3-1-601', '卫东'],
  'u-liu': ['r-zpq-3-1-701', '刘伟'],
  'u-jiang': ['r-zpq-3-1-702', '蒋玉兰'],
}
const DEADLINE = '2026-03-16T20:00:00+08:00'
const DAY = 24 * 3600_000

describe.each(TRANSPORTS)('elevator petition on 总浦桥 3幢1单元 (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const start = async (userId = 'u-liu', over: Record<string, unknown> = {}) =>
    c.call('POST', '/api/elevator/petitions', {
      token: await as(userId),
      body: {
        roomId: ZPQ[userId]?.[0] ?? 'r-zpq-3-1-701',
        coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'],
        elevatorPosition: '单元南侧外墙，半层入户',
        budgetFen: 54_000_000,
        subsidiesFen: 20_000_000,
        yearlyMaintenanceFen: 1_500_000,
        votingDeadline: DEADLINE,
        ...over,
      },
    })
  const act = async (userId: string, id: string, what: 'confirm' | 'decline') =>
    c.call('POST', `/api/elevator/petitions/${id}/${what}`, { token: await as(userId) })
  const opened = async () => {
    const r = await start()
    await act('u-jiang', r.body.id, 'confirm')
    await act('u-zhou', r.body.id, 'confirm')
    return r.body.id as string
  }
  const vote = async (id: string, userId: string, choice = 'agree') =>
    c.call('POST', `/api/elevator/petitions/${id}/ballots`, {
      token: await as(userId),
      body: { householdId: ZPQ[userId][0], choice, signature: { kind: 'typed-name', name: ZPQ[userId][1] } },
    })
  const meter = async (id: string) =>
    (await c.call('GET', `/api/elevator/petitions/${id}/meter`, { token: await as('u-zhao') })).body
  const titles = async (userId: string) =>
    (await c.call('GET', '/api/messages?limit=50', { token: await as(userId) })).body.items.map(
      (m: { title: string }) => m.title,
    )

  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  it('my units: an owner sees their unit and flats (u-zhou: 501 and 602), no petition yet; a non-owner sees none', async () => {
    const mine = await c.call('GET', '/api/elevator/my-units', { token: await as('u-zhou') })
    expect(mine.body).toMatchObject({
      realNameBound: true,
      units: [{ unitId: 'u-zpq-3-1', label: '总浦桥社区 3幢1单元', storeys: 7, households: 14, petition: null }],
    })
    expect(mine.body.units[0].myRooms.map((r: { name: string }) => r.name)).toEqual(['501', '602'])
    expect((await c.call('GET', '/api/elevator/my-units', { token: await as('u-li') })).body).toEqual({
      realNameBound: true,
      units: [],
    })
    expect((await c.call('GET', '/api/elevator/my-units', { token: await as('u-chen') })).body).toEqual({
      realNameBound: false,
      units: [],
    })
  })

  it('a starter and co-initiators form the group; voting opens when all confirm and every owner is told; one active petition per unit', async () => {
    const r = await start()
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      status: 'forming',
      plan: { netCostFen: 34_000_000 },
      starter: { name: '刘伟', roomName: '701' },
      viewer: { isStarter: true, canVote: false },
    })
    expect(r.body.coInitiators).toEqual([
      { roomName: '702', name: '蒋玉兰', status: 'pending' },
      { roomName: '602', name: '周强', status: 'pending' },
    ])
    expect(await titles('u-zhou')).toContain('邀请您作为加装电梯联合发起人')
    const id = r.body.id
    expect((await vote(id, 'u-zhang')).body.code).toBe('VOTING_NOT_OPEN')
    expect((await act('u-zhang', id, 'confirm')).body.code).toBe('NOT_CO_INITIATOR')
    expect((await start('u-zhang', { coInitiatorRoomIds: ['r-zpq-3-1-102', 'r-zpq-3-1-201'] })).body.code).toBe(
      'PETITION_EXISTS',
    )
    const one = await act('u-jiang', id, 'confirm')
    expect(one.body).toMatchObject({ status: 'forming', viewer: { mustConfirm: false } })
    expect((await act('u-jiang', id, 'confirm')).status).toBe(409)
    const all = await act('u-zhou', id, 'confirm')
    expect(all.body).toMatchObject({ status: 'voting', openedAt: expect.any(String), viewer: { canVote: true } })
    expect(await titles('u-wang')).toContain('加装电梯表决开始')
    // Message links open the petition's own page (no redirect through the elevator home).
    const messages = (await c.call('GET', '/api/messages?limit=50', { token: await as('u-wang') })).body.items as {
      title: string
      link?: string
    }[]
    expect(messages.find((m) => m.title === '加装电梯表决开始')!.link).toBe(
      `/packages/elevator/pages/petition/index?id=${id}`,
    )
    const units = await c.call('GET', '/api/elevator/my-units', { token: await as('u-wang') })
    expect(units.body.units[0].petition).toMatchObject({ id, status: 'voting' })
    expect((await start('u-zhang', { coInitiatorRoomIds: ['r-zpq-3-1-102', 'r-zpq-3-1-201'] })).status).toBe(409)
  })

  it('refuses a malformed or ineligible petition', async () => {
    const code = async (userId: string, over: Record<string, unknown>) => (await start(userId, over)).body.code
    expect(await code('u-liu', { coInitiatorRoomIds: ['r-zpq-3-1-702'] })).toBe('INVALID_INPUT')
    expect(
      await code('u-liu', {
        coInitiatorRoomIds: ['r-zpq-3-1-101', 'r-zpq-3-1-102', 'r-zpq-3-1-201', 'r-zpq-3-1-202', 'r-zpq-3-1-301'],
      }),
    ).toBe('INVALID_INPUT')
    expect(await code('u-liu', { budgetFen: 1.5 })).toBe('INVALID_INPUT')
    expect(await code('u-liu', { coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-xs-5-2-101'] })).toBe(
      'CO_INITIATOR_NOT_IN_UNIT',
    )
    expect(await code('u-zhou', { coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'] })).toBe(
      'CO_INITIATOR_IS_STARTER',
    )
    expect(await code('u-liu', { coInitiatorRoomIds: ['r-zpq-3-1-501', 'r-zpq-3-1-602'] })).toBe(
      'DUPLICATE_CO_INITIATOR',
    )
    expect(await code('u-liu', { subsidiesFen: 60_000_000 })).toBe('SUBSIDY_EXCEEDS_BUDGET')
    // A budget beyond ¥5,000,000 for one elevator is a slip (123456789012 元 was accepted); the bound itself is fine.
    expect((await start('u-liu', { budgetFen: 12_345_678_900 })).body).toMatchObject({
      code: 'INVALID_INPUT',
      fields: { budgetFen: expect.stringContaining('多填了 0') },
    })
    expect(await code('u-liu', { budgetFen: 500_000_001 })).toBe('INVALID_INPUT')
    expect(await code('u-liu', { votingDeadline: '2026-03-01T20:00:00+08:00' })).toBe('INVALID_DEADLINE')
    expect(await code('u-liu', { votingDeadline: new Date(T0 + 61 * DAY).toISOString() })).toBe('INVALID_DEADLINE')
    expect(await code('u-liu', { votingDeadline: '2026-03-16' })).toBe('INVALID_INPUT')
    expect(await code('u-liu', { roomId: 'r-zpq-3-1-702' })).toBe('NOT_HOUSEHOLD_OWNER')
    expect(await code('u-li', { roomId: 'r-zpq-3-1-202' })).toBe('NOT_HOUSEHOLD_OWNER')
    expect(await code('u-chen', { roomId: 'r-zpq-3-1-202' })).toBe('REAL_NAME_REQUIRED')
    expect((await c.backend.inspect('elevator_petitions')).map((p) => p.id)).toEqual(['ep-xs-5-2'])
    // The bound itself is accepted.
    expect((await start('u-liu', { budgetFen: 500_000_000, subsidiesFen: 0 })).status).toBe(200)
  })

  it('a co-initiator who declines cancels the petition (starter told) and frees the unit', async () => {
    const r = await start()
    expect((await act('u-wang', r.body.id, 'decline')).body.code).toBe('NOT_CO_INITIATOR')
    const d = await act('u-zhou', r.body.id, 'decline')
    expect(d.body).toMatchObject({ status: 'cancelled', coInitiators: [{ status: 'pending' }, { status: 'declined' }] })
    expect(await titles('u-liu')).toContain('联合发起人未同意')
    expect((await act('u-jiang', r.body.id, 'confirm')).body.code).toBe('NOT_FORMING')
    const late = await c.call('PUT', `/api/elevator/petitions/${r.body.id}/compensation`, {
      token: await as('u-liu'),
      body: { amountFen: 100, text: '低层补偿方案' },
    })
    expect(late.body.code).toBe('PETITION_CLOSED')
    expect((await start()).status).toBe(200)
  })

  it('a petition not confirmed by the deadline lapses', async () => {
    const r = await start()
    c.clock.set(Date.parse(DEADLINE) + 1)
    expect(
      (await c.call('GET', `/api/elevator/petitions/${r.body.id}`, { token: await as('u-liu') })).body.status,
    ).toBe('lapsed')
    expect((await act('u-jiang', r.body.id, 'confirm')).status).toBe(409)
    expect(await titles('u-liu')).toContain('加装电梯申请已失效')
  })

  it("double thresholds: 9 of 13 owners but too little area; u-zhou's two flats count once by headcount and both by area", async () => {
    const id = await opened()
    for (const u of ['u-zhang', 'u-qian', 'u-wang', 'u-wu', 'u-feng', 'u-chu', 'u-sunzq', 'u-zhoum', 'u-jiang'])
      expect((await vote(id, u)).status).toBe(200)
    let m = await meter(id)
    expect(m.meter.participationOwners).toMatchObject({ value: { num: 9, den: 13 }, met: true })
    expect(m.meter.participationArea).toMatchObject({ value: { num: 72249, den: 118171 }, met: false })
    expect(m.meter.participationStatus).toBe('还差 65.32 ㎡ 参与面积')
    const zhou = await vote(id, 'u-zhou')
    expect(zhou.body.households.map((h: { roomName: string }) => h.roomName)).toEqual(['501', '602'])
    expect(zhou.body.receipt.seq).toBe(11)
    m = await meter(id)
    expect(m).toMatchObject({
      households: 14,
      ballots: 11,
      tally: { totalOwners: 13, participatingOwners: 10, participatingArea: 896.5, quorumMet: true, approved: true },
    })
    expect(m.meter.participationArea).toMatchObject({ value: { num: 89650, den: 118171 }, met: true })
  })

  it('area without headcount fails: 8 owners holding 2/3 of the area; the deadline closes it as rejected and frees the unit', async () => {
    const id = await opened()
    for (const u of ['u-zhou', 'u-liu', 'u-wei', 'u-zheng', 'u-jiang', 'u-sunzq', 'u-zhoum', 'u-chu']) await vote(id, u)
    const m = await meter(id)
    expect(m.meter.participationArea).toMatchObject({ value: { num: 80231, den: 118171 }, met: true })
    expect(m.meter.participationOwners).toMatchObject({ value: { num: 8, den: 13 }, met: false })
    expect(m.meter.participationStatus).toBe('还差 1 户参与')
    c.clock.set(Date.parse(DEADLINE) + 1000)
    expect((await vote(id, 'u-zhang')).body.code).toBe('VOTING_CLOSED')
    const p = await c.call('GET', `/api/elevator/petitions/${id}`, { token: await as('u-zhang') })
    expect(p.body).toMatchObject({
      status: 'rejected',
      result: { approved: false, quorumMet: false, publishedDate: '2026-03-16' },
      publicity: null,
    })
    expect(await titles('u-zhang')).toContain('加装电梯表决结果公布：未通过')
    const again = await start('u-liu', { votingDeadline: new Date(Date.parse(DEADLINE) + 10 * DAY).toISOString() })
    expect(again.status).toBe(200)
  })

  it('cost table: every flat with floor, area, coefficient and share, summing exactly to the net cost; the compensation line by starter or worker', async () => {
    const id = await opened()
    const t = await c.call('GET', `/api/elevator/petitions/${id}/cost-table`, { token: await as('u-zhang') })
    expect(t.body.rows).toHaveLength(14)
    expect(t.body).toMatchObject({
      totalShareFen: 34_000_000,
      totalMaintenanceFen: 1_500_000,
      totalArea: 1181.71,
      compensation: null,
    })
    const row = (name: string) => t.body.rows.find((r: { roomName: string }) => r.roomName === name)
    expect(row('101')).toMatchObject({ floor: 1, area: 68.45, coefficient: 0, shareFen: 0 })
    expect(row('202').shareFen).toBe(0)
    expect(row('701')).toMatchObject({ floor: 7, coefficient: 1.1 })
    expect(row('701').shareFen).toBeGreaterThan(row('301').shareFen)
    const mine = await c.call('GET', `/api/elevator/petitions/${id}/my-households`, { token: await as('u-zhou') })
    expect(mine.body.households.map((h: { shareFen: number }) => h.shareFen)).toEqual([
      row('501').shareFen,
      row('602').shareFen,
    ])
    const body = { amountFen: 600_000, text: '1、2 楼每户一次性补偿 1500 元，由 3–7 楼按分摊比例出资' }
    expect(
      (await c.call('PUT', `/api/elevator/petitions/${id}/compensation`, { token: await as('u-zhang'), body })).body
        .code,
    ).toBe('NOT_STARTER')
    expect(
      (await c.call('PUT', `/api/elevator/petitions/${id}/compensation`, { token: await as('u-sun'), body })).body.code,
    ).toBe('OTHER_COMMUNITY')
    expect(
      (
        await c.call('PUT', `/api/elevator/petitions/${id}/compensation`, {
          token: await as('u-liu'),
          body: { amountFen: 0, text: '无' },
        })
      ).status,
    ).toBe(400)
    expect(
      (await c.call('PUT', `/api/elevator/petitions/${id}/compensation`, { token: await as('u-liu'), body })).body
        .compensation,
    ).toMatchObject({ amountFen: 600_000, recordedByName: '刘伟' })
    const byWorker = await c.call('PUT', `/api/elevator/petitions/${id}/compensation`, {
      token: await as('u-zhao'),
      body: { ...body, amountFen: 800_000 },
    })
    expect(byWorker.body.compensation).toMatchObject({ amountFen: 800_000, recordedByName: '赵敏' })
    expect(
      (await c.call('GET', `/api/elevator/petitions/${id}/cost-table`, { token: await as('u-zhang') })).body
        .compensation.amountFen,
    ).toBe(800_000)
    expect((await c.call('GET', `/api/elevator/petitions/${id}/cost-table`, { token: await as('u-xs0') })).status).toBe(
      403,
    )
  })

  it('a confirmed family proxy votes for an elderly owner: recorded as proxy, the owner is told', async () => {
    const id = await opened()
    const li = await as('u-li')
    const wang = await as('u-wang')
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })
    const r = await c.call('POST', `/api/elevator/petitions/${id}/ballots`, {
      token: li,
      actingFor: 'u-wang',
      body: { householdId: 'r-zpq-3-1-202', choice: 'agree', signature: { kind: 'typed-name', name: '王秀英' } },
    })
    expect(r.status).toBe(200)
    const log = await c.call('GET', `/api/elevator/petitions/${id}/audit-log`, { token: wang })
    expect(log.body.items[0]).toMatchObject({ actor: 'u-li', actorName: '李红', actorRole: 'proxy', channel: 'app' })
    expect(await titles('u-wang')).toContain('有人以您的名义录入了加装电梯表决票')
  })
})
