/** @jest-environment node */
import { TRANSPORTS, type Client } from './client'

/** 王秀英's flat (owner u-wang, 招宝山 community c-zpq). */
const ROOM = 'r-zpq-3-1-202'
const DAY = 24 * 3600_000

describe.each(TRANSPORTS)('worker: room verification, hub counts, window appointments done (%s)', (_name, make) => {
  let c: Client
  let li: string
  let zhao: string
  let sun: string
  beforeEach(async () => {
    c = await make() // mock time: Monday 2026-03-02 10:00 Beijing
    li = await c.login('u-li')
    zhao = await c.login('u-zhao')
    sun = await c.login('u-sun')
  })
  afterEach(() => c.close())

  const bind = (role = 'family', key?: string) =>
    c.call('POST', '/api/me/rooms', { token: li, key, body: { roomId: ROOM, role } })
  const verify = (body: object, token = zhao, key?: string) =>
    c.call('POST', `/api/worker/room-bindings/u-li:${ROOM}/verify`, { token, key, body })
  const queue = async (token = zhao) =>
    (await c.call('GET', '/api/worker/room-bindings?status=pending', { token })).body
  const myRoom = async () =>
    (await c.call('GET', '/api/me', { token: li })).body.rooms.find((r: { roomId: string }) => r.roomId === ROOM)
  const lastMessage = async (token: string) => (await c.call('GET', '/api/messages', { token })).body.items[0]
  const counts = async (token = zhao) =>
    Object.fromEntries(
      ((await c.call('GET', '/api/worker/hub', { token })).body as { key: string; count: number }[]).map((x) => [
        x.key,
        x.count,
      ]),
    )

  it('a family binding waits in the queue with the register beside it; approval verifies it and tells the resident', async () => {
    expect((await bind()).body).toMatchObject({ status: 'pending', verified: false })
    const list = await queue()
    expect(list).toHaveLength(1)
    expect(list[0]).toMatchObject({
      id: `u-li:${ROOM}`,
      role: 'family',
      resident: { name: '李红' },
      status: 'pending',
      register: { ownerName: '王*英', area: expect.any(Number) },
      verifiedResidents: [{ name: '王*英', role: 'owner' }],
    })
    expect(list[0].register.ownerIdNumberMasked).toMatch(/^\d{3}\*{11}[\dX]{4}$/)
    expect(list[0].roomLabel).toContain('202')
    // Youth palace: not a resident of the community until the community verifies the room.
    const residentOf = async () => (await c.call('GET', '/api/youth-palace/terms', { token: li })).body[0].resident
    expect(await residentOf()).toBe(false)

    const r = await verify({ decision: 'approve' })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'verified' })
    expect(await myRoom()).toMatchObject({ status: 'verified', verified: true })
    expect(await residentOf()).toBe(true)
    expect(await lastMessage(li)).toMatchObject({ title: '房屋已核实', link: expect.stringContaining('pages/rooms') })
    expect(await queue()).toEqual([])
    // Decided: a second decision is refused in words.
    const again = await verify({ decision: 'reject', reason: '不是本户' })
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({ code: 'BINDING_DECIDED', message: expect.stringContaining('已经核实') })
  })

  it('rejection needs a reason, is told to the resident, and the resident may apply again', async () => {
    await bind('tenant')
    expect((await verify({})).body.code).toBe('DECISION_REQUIRED')
    const noReason = await verify({ decision: 'reject', reason: '  ' })
    expect(noReason.status).toBe(422)
    expect(noReason.body.fields.reason).toBeTruthy()
    const r = await verify({ decision: 'reject', reason: '租赁合同未在社区备案' })
    expect(r.body).toMatchObject({ status: 'rejected', rejectedReason: '租赁合同未在社区备案' })
    expect(await myRoom()).toMatchObject({
      status: 'rejected',
      rejectedReason: '租赁合同未在社区备案',
      verified: false,
    })
    const msg = await lastMessage(li)
    expect(msg.title).toBe('房屋核实未通过')
    expect(msg.body).toContain('租赁合同未在社区备案')
    expect(await queue()).toEqual([])
    expect((await verify({ decision: 'approve' })).body.code).toBe('BINDING_DECIDED')
    // Applying again starts over: waiting, in the queue, decidable.
    expect((await bind('tenant')).body).toMatchObject({ status: 'pending' })
    expect((await queue()).map((b: { id: string }) => b.id)).toEqual([`u-li:${ROOM}`])
    expect((await verify({ decision: 'approve' })).body.status).toBe('verified')
    // Bound and verified: binding again is refused.
    expect((await bind('tenant')).body.code).toBe('ROOM_ALREADY_BOUND')
  })

  it('is idempotent with the same key; other communities and residents cannot decide', async () => {
    await bind()
    expect((await verify({ decision: 'approve' }, sun)).status).toBe(404)
    expect(await queue(sun)).toEqual([])
    expect((await verify({ decision: 'approve' }, li)).status).toBe(403)
    expect((await c.call('GET', '/api/worker/room-bindings', { token: li })).status).toBe(403)
    expect((await c.call('GET', '/api/worker/hub', { token: li })).status).toBe(403)
    const first = await verify({ decision: 'approve' }, zhao, 'verify-key-1')
    const replay = await verify({ decision: 'approve' }, zhao, 'verify-key-1')
    expect(first.status).toBe(200)
    expect(replay.body).toEqual(first.body)
    const messages = (await c.call('GET', '/api/messages', { token: li })).body.items
    expect(messages.filter((m: { title: string }) => m.title === '房屋已核实')).toHaveLength(1)
    expect((await verify({ decision: 'approve' }, zhao, 'verify-key-2')).status).toBe(409)
    expect(
      (
        await c.call('POST', '/api/worker/room-bindings/u-li:nope/verify', {
          token: zhao,
          body: { decision: 'approve' },
        })
      ).status,
    ).toBe(404)
  })

  it('hub counts follow changes: room bindings, care disputes and applications, window appointments', async () => {
    const before = await counts()
    expect(Object.keys(before)).toEqual(
      expect.arrayContaining([
        'room-bindings',
        'care-applications',
        'care-orders-today',
        'care-disputes',
        'elevator-paper-ballots',
        'elevator-objections',
        'yp-draws',
        'one-thing-today',
      ]),
    )
    expect(before['room-bindings']).toBe(0)
    const sunBefore = await counts(sun)
    await bind()
    expect((await counts())['room-bindings']).toBe(1)
    expect((await counts(sun))['room-bindings']).toBe(0)
    await verify({ decision: 'approve' })
    expect((await counts())['room-bindings']).toBe(0)

    // A window appointment tomorrow counts tomorrow, at the community's hall, until it is done.
    const booked = await c.call('POST', '/api/one-thing/appointments', {
      token: li,
      body: {
        eventId: 'newborn',
        eventName: '出生一件事',
        hallId: 'hall-zh-district',
        date: '2026-03-03',
        slot: '14:00',
      },
    })
    expect(booked.status).toBe(200)
    expect((await counts())['one-thing-today']).toBe(before['one-thing-today'])
    c.clock.advance(DAY)
    const today = (await counts())['one-thing-today']
    expect(today).toBeGreaterThanOrEqual(1)
    expect((await counts(sun))['one-thing-today']).toBe(0)
    await c.call('POST', `/api/worker/one-thing/appointments/${booked.body.id}/done`, { token: zhao })
    expect((await counts())['one-thing-today']).toBe(today - 1)

    // Care card (seeded in 硖石, worker u-sun): the lunch booked for tomorrow is due today now; open
    // applications and disputes are counted, and one more dispute adds one.
    const apps = (await c.call('GET', '/api/worker/care-card/applications', { token: sun })).body
    const disputes = (await c.call('GET', '/api/worker/care-card/orders?status=disputed', { token: sun })).body
    const now = await counts(sun)
    expect(now['care-applications']).toBe(apps.length)
    expect(now['care-disputes']).toBe(disputes.length)
    expect(now['care-orders-today']).toBe(1)
    expect(sunBefore['care-orders-today']).toBe(0)
    await c.backend.tamper('care_orders', 'co-seed-1', { disputeStatus: 'open' })
    expect((await counts(sun))['care-disputes']).toBe(disputes.length + 1)
    expect((await counts())['care-disputes']).toBe(0)
  })

  it('one-thing worker page: today’s appointments at the community’s halls, 已办结 once, told to the resident', async () => {
    const booked = await c.call('POST', '/api/one-thing/appointments', {
      token: li,
      body: {
        eventId: 'newborn',
        eventName: '出生一件事',
        hallId: 'hall-zh-district',
        date: '2026-03-03',
        slot: '09:00',
      },
    })
    const id = booked.body.id as string
    // Not today yet: listed tomorrow, refused today.
    const early = await c.call('POST', `/api/worker/one-thing/appointments/${id}/done`, { token: zhao })
    expect(early.status).toBe(409)
    expect(early.body.code).toBe('NOT_TODAY')
    c.clock.advance(DAY)
    const day = (await c.call('GET', '/api/worker/one-thing/appointments', { token: zhao })).body
    expect(day).toMatchObject({ date: '2026-03-03', dateLabel: expect.stringContaining('3月3日') })
    expect(day.halls).toContain('镇海区行政服务中心')
    const mine = day.items.find((a: { id: string }) => a.id === id)
    expect(mine).toMatchObject({
      personName: '李红',
      eventName: '出生一件事',
      hallName: '镇海区行政服务中心',
      slot: { start: '09:00' },
      status: 'booked',
    })
    // Another community's worker neither sees nor closes it.
    const other = (await c.call('GET', '/api/worker/one-thing/appointments', { token: sun })).body
    expect(other.items.map((a: { id: string }) => a.id)).not.toContain(id)
    expect((await c.call('POST', `/api/worker/one-thing/appointments/${id}/done`, { token: sun })).status).toBe(404)
    expect((await c.call('POST', `/api/worker/one-thing/appointments/${id}/done`, { token: li })).status).toBe(403)

    const done = await c.call('POST', `/api/worker/one-thing/appointments/${id}/done`, { token: zhao })
    expect(done.body).toMatchObject({ id, status: 'done' })
    const again = await c.call('POST', `/api/worker/one-thing/appointments/${id}/done`, { token: zhao })
    expect(again.body.code).toBe('APPOINTMENT_DONE')
    const msg = await lastMessage(li)
    expect(msg).toMatchObject({ title: '窗口预约已办结', body: expect.stringContaining('出生一件事') })
    const mineNow = (await c.call('GET', '/api/one-thing/appointments', { token: li })).body
    expect(mineNow.upcoming.map((a: { id: string }) => a.id)).not.toContain(id)
    expect(mineNow.past.find((a: { id: string }) => a.id === id)).toMatchObject({ status: 'done' })
    // Done: the resident can no longer cancel it.
    expect((await c.call('POST', `/api/one-thing/appointments/${id}/cancel`, { token: li })).status).toBe(409)
  })
})
