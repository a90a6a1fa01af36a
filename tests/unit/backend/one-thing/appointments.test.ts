/** @jest-environment node */
import { calendarStatus, isWorkingDay } from '@/domain/shared/workingDays'
import { TRANSPORTS, idNumberOf, type Client } from '../client'

const HALL = 'hall-zh-district'
const APPTS = '/api/one-thing/appointments'
/** Beijing wall time → epoch ms. */
const beijing = (iso: string) => Date.parse(`${iso}+08:00`)

describe.each(TRANSPORTS)('one thing: window appointments (%s)', (_name, make) => {
  let c: Client
  let wang: string
  let li: string
  beforeEach(async () => {
    c = await make() // mock time: Monday 2026-03-02 10:00 Beijing
    wang = await c.login('u-wang')
    li = await c.login('u-li')
  })
  afterEach(() => c.close())

  const book = (token: string, date = '2026-03-03', slot = '09:00', extra: Record<string, unknown> = {}) =>
    c.call('POST', APPTS, {
      token,
      body: { eventId: 'newborn', eventName: '出生一件事', hallId: HALL, date, slot, ...extra },
    })
  const remaining = async (date: string, slot: string, hall = HALL) => {
    const r = await c.call('GET', `/api/one-thing/halls/${hall}/availability`, { token: wang })
    return r.body.days
      .find((d: { date: string }) => d.date === date)
      .slots.find((s: { start: string }) => s.start === slot).remaining as number
  }
  const titles = async (token: string) =>
    (await c.call('GET', '/api/messages?limit=50', { token })).body.items as { title: string; body: string }[]
  const tokensOf = (ids: string[]) => Promise.all(ids.map((id) => c.login(id)))

  it("lists the seeded halls, those serving the user's community first", async () => {
    const r = await c.call('GET', '/api/one-thing/halls', { token: wang })
    expect(r.body.map((h: { name: string }) => h.name)).toEqual([
      '镇海区行政服务中心',
      '招宝山街道便民服务中心',
      '海宁市民之家',
      '硖石街道便民服务中心',
    ])
    expect(r.body[0]).toMatchObject({
      nearby: true,
      hours: expect.stringContaining('09:00–12:00，14:00–17:00'),
      windows: expect.arrayContaining([expect.stringContaining('综合受理窗口')]),
    })
    expect(r.body[2].nearby).toBe(false)
  })

  it('availability: tomorrow to 14 days ahead, weekends closed, six slots of 3 places on working days', async () => {
    const r = await c.call('GET', `/api/one-thing/halls/${HALL}/availability`, { token: wang })
    expect(r.body).toMatchObject({ from: '2026-03-03', to: '2026-03-16' })
    expect(r.body.days).toHaveLength(14)
    const sat = r.body.days.find((d: { date: string }) => d.date === '2026-03-07')
    expect(sat).toMatchObject({ open: false, closedReason: 'WEEKEND', slots: [] })
    const tue = r.body.days[0]
    expect(tue).toMatchObject({ date: '2026-03-03', label: '2026年3月3日（周二）', open: true })
    expect(tue.slots.map((s: { start: string; end: string }) => `${s.start}–${s.end}`)).toEqual([
      '09:00–10:00',
      '10:00–11:00',
      '11:00–12:00',
      '14:00–15:00',
      '15:00–16:00',
      '16:00–17:00',
    ])
    expect(tue.slots.every((s: { capacity: number; remaining: number }) => s.capacity === 3 && s.remaining === 3)).toBe(
      true,
    )
    expect((await c.call('GET', '/api/one-thing/halls/nowhere/availability', { token: wang })).body.code).toBe(
      'NO_SUCH_HALL',
    )
    expect((await c.call('GET', '/api/one-thing/halls/bad%20id/availability', { token: wang })).status).toBe(400)
  })

  it('books a slot, confirms by message and lists it as upcoming', async () => {
    const r = await book(wang)
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      eventId: 'newborn',
      eventName: '出生一件事',
      date: '2026-03-03',
      slot: { start: '09:00', end: '10:00' },
      status: 'upcoming',
      hall: { name: '镇海区行政服务中心' },
      byProxy: false,
    })
    const msg = (await titles(wang)).find((m) => m.title === '窗口预约成功')!
    expect(msg.body).toContain('「出生一件事」已预约：镇海区行政服务中心 2026年3月3日（周二）09:00–10:00')
    const mine = await c.call('GET', APPTS, { token: wang })
    expect(mine.body.upcoming.map((a: { id: string }) => a.id)).toEqual([r.body.id])
    expect(mine.body.past).toEqual([])
    expect(await remaining('2026-03-03', '09:00')).toBe(2)
  })

  it('one active appointment per user and event (409); another event is fine', async () => {
    await book(wang)
    const again = await book(wang, '2026-03-04', '10:00')
    expect(again.status).toBe(409)
    expect(again.body).toMatchObject({
      code: 'APPOINTMENT_EXISTS',
      message: expect.stringContaining('2026年3月3日（周二） 09:00'),
    })
    expect((await book(wang, '2026-03-04', '10:00', { eventId: 'retirement', eventName: '退休一件事' })).status).toBe(
      200,
    )
  })

  it('a full slot refuses the next booking (409 SLOT_FULL)', async () => {
    const [a, b, d] = await tokensOf(['u-zhang', 'u-liu', 'u-zhou'])
    for (const t of [a, b, d]) expect((await book(t)).status).toBe(200)
    expect(await remaining('2026-03-03', '09:00')).toBe(0)
    const full = await book(wang)
    expect(full.status).toBe(409)
    expect(full.body).toMatchObject({ code: 'SLOT_FULL', message: expect.stringContaining('约满') })
  })

  it('concurrent requests for the last place: exactly one wins', async () => {
    const [a, b, d, e] = await tokensOf(['u-zhang', 'u-liu', 'u-zhou', 'u-qian'])
    await book(a)
    await book(b)
    const results = await Promise.all([wang, li, d, e].map((t) => book(t)))
    expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409])
    expect(await c.backend.inspect('one_thing_appointments', { status: 'booked' })).toHaveLength(3)
  })

  it.each([
    ['today', '2026-03-02', '09:00', 'DATE_PAST'],
    ['yesterday', '2026-03-01', '09:00', 'DATE_PAST'],
    ['15 days ahead', '2026-03-17', '09:00', 'DATE_TOO_FAR'],
    ['a Saturday', '2026-03-07', '09:00', 'NOT_WORKING_DAY'],
    ['the lunch break', '2026-03-03', '12:00', 'NO_SUCH_SLOT'],
  ])('refuses %s (422 with a plain message)', async (_what, date, slot, code) => {
    const r = await book(wang, date, slot)
    expect(r.status).toBe(422)
    expect(r.body.code).toBe(code)
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('accepts the 14th day ahead; 400 for a malformed date, slot or hall; 404 for an unknown hall', async () => {
    expect((await book(wang, '2026-03-16', '16:00')).status).toBe(200)
    expect((await book(li, '2026-02-30')).status).toBe(400)
    expect((await book(li, '2026-03-03', '9点')).status).toBe(400)
    expect((await book(li, '2026-03-03', '09:00', { hallId: '<x>' })).status).toBe(400)
    expect((await book(li, '2026-03-03', '09:00', { eventId: '' })).status).toBe(400)
    expect((await book(li, '2026-03-03', '09:00', { hallId: 'nowhere' })).status).toBe(404)
  })

  it('needs real-name binding to book (422) and a login (401)', async () => {
    const chen = await c.login('u-chen')
    expect((await book(chen)).body.code).toBe('REAL_NAME_REQUIRED')
    expect((await c.call('GET', APPTS)).status).toBe(401)
  })

  it('holidays and make-up days follow the State Council calendar (National Day 2025)', async () => {
    const holiday = [
      '2025-10-01',
      '2025-10-02',
      '2025-10-03',
      '2025-10-04',
      '2025-10-05',
      '2025-10-06',
      '2025-10-07',
      '2025-10-08',
    ]
    expect(holiday.map(isWorkingDay)).toEqual(holiday.map(() => false))
    expect([isWorkingDay('2025-09-28'), isWorkingDay('2025-10-11')]).toEqual([true, true]) // Sunday and Saturday make-up days
    c.clock.set(beijing('2025-09-27T10:00:00'))
    for (const date of holiday) {
      const r = await book(wang, date)
      expect([date, r.status, r.body.code, r.body.message]).toEqual([
        date,
        422,
        'HOLIDAY',
        '该日是法定节假日，不办理业务，请选择其他日期',
      ])
    }
    expect((await book(wang, '2025-09-28', '09:00')).status).toBe(200)
    expect((await book(li, '2025-10-11', '16:00')).status).toBe(200)
    const days = (await c.call('GET', `/api/one-thing/halls/${HALL}/availability`, { token: wang })).body.days as {
      date: string
      open: boolean
      closedReason?: string
    }[]
    expect(days.filter((d) => d.open).map((d) => d.date)).toEqual([
      '2025-09-28',
      '2025-09-29',
      '2025-09-30',
      '2025-10-09',
      '2025-10-10',
      '2025-10-11',
    ])
    expect(days.filter((d) => d.closedReason === 'HOLIDAY').map((d) => d.date)).toEqual(holiday)
  })

  it('books across the turn of the year: 2027 follows the statutory holidays and says the 调休 notice is not out', async () => {
    expect(calendarStatus('2027-01-04')).toBe('provisional') // chinese-days 1.5.7 publishes up to 2026
    c.clock.set(beijing('2026-12-28T10:00:00'))
    const r = await book(wang, '2027-01-04')
    expect(r.status).toBe(200)
    expect(r.body.calendarNote).toContain('2027 年的放假调休安排国务院还没有公布')
    const newYear = await book(li, '2027-01-01')
    expect([newYear.status, newYear.body.code]).toEqual([422, 'HOLIDAY'])
    expect((await book(li, '2026-12-30')).status).toBe(200)
    const avail = (await c.call('GET', `/api/one-thing/halls/${HALL}/availability`, { token: wang })).body
    const days = avail.days as { date: string; open: boolean; closedReason?: string }[]
    expect(days.filter((d) => d.date >= '2027-01-01' && d.open).map((d) => d.date)).toEqual([
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
      '2027-01-11',
    ])
    expect(days.find((d) => d.date === '2027-01-01')).toMatchObject({ open: false, closedReason: 'HOLIDAY' })
    expect(avail.calendarNote).toContain('以服务中心的通知为准')
    c.clock.set(beijing('2026-12-01T10:00:00'))
    const december = (await c.call('GET', `/api/one-thing/halls/${HALL}/availability`, { token: wang })).body
    expect(december.calendarNote).toBeUndefined()
  })

  it('the 2027 Spring Festival (除夕 2027-02-05 to 初三 02-08) takes no appointments', async () => {
    c.clock.set(beijing('2027-02-01T10:00:00'))
    for (const date of ['2027-02-05', '2027-02-08']) {
      const r = await book(wang, date)
      expect([date, r.status, r.body.code]).toEqual([date, 422, 'HOLIDAY'])
    }
    expect((await book(wang, '2027-02-09')).status).toBe(200)
  })

  it('refuses days beyond the holiday table, with a clear message', async () => {
    expect(calendarStatus('2037-01-05')).toBe('none')
    c.clock.set(beijing('2036-12-29T10:00:00'))
    const r = await book(wang, '2037-01-05')
    expect(r.status).toBe(422)
    expect(r.body).toMatchObject({
      code: 'CALENDAR_NOT_COVERED',
      message: expect.stringContaining('2037 年的法定节假日安排还没有收录'),
    })
  })

  it('change moves to another slot in one step: the old place is freed, a message is sent', async () => {
    const a = await book(wang)
    const r = await c.call('PATCH', `${APPTS}/${a.body.id}`, {
      token: wang,
      body: { date: '2026-03-04', slot: '14:00' },
    })
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({
      id: a.body.id,
      date: '2026-03-04',
      slot: { start: '14:00', end: '15:00' },
      status: 'upcoming',
      changedAt: '2026-03-02T10:00:00+08:00',
    })
    expect(await remaining('2026-03-03', '09:00')).toBe(3)
    expect(await remaining('2026-03-04', '14:00')).toBe(2)
    expect((await titles(wang)).find((m) => m.title === '窗口预约已改期')!.body).toContain(
      '原时段（镇海区行政服务中心 2026年3月3日（周二）09:00–10:00',
    )
    const other = await c.call('PATCH', `${APPTS}/${a.body.id}`, {
      token: wang,
      body: { hallId: 'hall-zbs-street', date: '2026-03-04', slot: '14:00' },
    })
    expect(other.body.hall.name).toBe('招宝山街道便民服务中心')
    expect(await remaining('2026-03-04', '14:00')).toBe(3)
  })

  it('a refused change leaves the appointment as it was', async () => {
    const a = await book(wang)
    for (const t of await tokensOf(['u-zhang', 'u-liu', 'u-zhou'])) await book(t, '2026-03-05', '10:00')
    const patch = (body: object) => c.call('PATCH', `${APPTS}/${a.body.id}`, { token: wang, body })
    expect((await patch({ date: '2026-03-05', slot: '10:00' })).body.code).toBe('SLOT_FULL')
    expect((await patch({ date: '2026-03-03', slot: '09:00' })).body.code).toBe('SAME_SLOT')
    expect((await patch({ date: '2026-03-08', slot: '09:00' })).body.code).toBe('NOT_WORKING_DAY')
    expect((await patch({ date: '2026-03-03', slot: '09:00', hallId: 'nowhere' })).status).toBe(404)
    expect((await patch({ date: 'tomorrow', slot: '09:00' })).status).toBe(400)
    const mine = await c.call('GET', APPTS, { token: wang })
    expect(mine.body.upcoming[0]).toMatchObject({ date: '2026-03-03', slot: { start: '09:00' } })
    expect(await remaining('2026-03-03', '09:00')).toBe(2)
  })

  it("a change within a full slot's own place is allowed (the appointment does not block itself)", async () => {
    const a = await book(wang, '2026-03-03', '09:00')
    for (const t of await tokensOf(['u-zhang', 'u-liu'])) await book(t, '2026-03-03', '09:00')
    const moved = await c.call('PATCH', `${APPTS}/${a.body.id}`, {
      token: wang,
      body: { hallId: 'hall-zbs-street', date: '2026-03-03', slot: '09:00' },
    })
    expect(moved.status).toBe(200)
    expect(await remaining('2026-03-03', '09:00')).toBe(1)
  })

  it('cancel frees the place, sends a message, moves it to past; it cannot be cancelled or changed again', async () => {
    const a = await book(wang)
    const r = await c.call('POST', `${APPTS}/${a.body.id}/cancel`, { token: wang })
    expect(r.body).toMatchObject({ status: 'cancelled', cancelledAt: '2026-03-02T10:00:00+08:00' })
    expect(await remaining('2026-03-03', '09:00')).toBe(3)
    expect(
      (await titles(wang)).some(
        (m) => m.title === '窗口预约已取消' && m.body.includes('2026年3月3日（周二）09:00–10:00'),
      ),
    ).toBe(true)
    const mine = await c.call('GET', APPTS, { token: wang })
    expect(mine.body).toMatchObject({ upcoming: [], past: [{ id: a.body.id, status: 'cancelled' }] })
    expect((await c.call('POST', `${APPTS}/${a.body.id}/cancel`, { token: wang })).body.code).toBe(
      'APPOINTMENT_CANCELLED',
    )
    expect(
      (await c.call('PATCH', `${APPTS}/${a.body.id}`, { token: wang, body: { date: '2026-03-04', slot: '09:00' } }))
        .body.code,
    ).toBe('APPOINTMENT_CANCELLED')
    expect((await book(wang)).status).toBe(200)
  })

  it('once the slot begins it cannot be changed or cancelled; after it ends it is past and the event can be booked again', async () => {
    const a = await book(wang)
    c.clock.set(beijing('2026-03-03T09:30:00'))
    expect((await c.call('POST', `${APPTS}/${a.body.id}/cancel`, { token: wang })).body.code).toBe(
      'APPOINTMENT_STARTED',
    )
    expect((await c.call('GET', APPTS, { token: wang })).body.upcoming).toHaveLength(1)
    c.clock.set(beijing('2026-03-03T10:00:00'))
    const mine = await c.call('GET', APPTS, { token: wang })
    expect(mine.body).toMatchObject({ upcoming: [], past: [{ id: a.body.id, status: 'past' }] })
    expect((await book(wang, '2026-03-04')).status).toBe(200)
  })

  it("another user's appointments are invisible: 404 to change or cancel, absent from their list", async () => {
    const a = await book(wang)
    expect((await c.call('POST', `${APPTS}/${a.body.id}/cancel`, { token: li })).status).toBe(404)
    expect(
      (await c.call('PATCH', `${APPTS}/${a.body.id}`, { token: li, body: { date: '2026-03-04', slot: '09:00' } })).body
        .code,
    ).toBe('NO_SUCH_APPOINTMENT')
    expect((await c.call('GET', APPTS, { token: li })).body).toEqual({ upcoming: [], past: [] })
    expect((await c.call('POST', `${APPTS}/ota_missing/cancel`, { token: wang })).status).toBe(404)
    expect((await c.call('POST', `${APPTS}/bad%20id/cancel`, { token: wang })).status).toBe(400)
    expect((await c.call('GET', APPTS, { token: wang })).body.upcoming[0].status).toBe('upcoming')
  })

  it('a confirmed family proxy books for the principal; both are told', async () => {
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })
    const r = await c.call('POST', APPTS, {
      token: li,
      actingFor: 'u-wang',
      body: { eventId: 'retirement', hallId: HALL, date: '2026-03-03', slot: '10:00' },
    })
    expect(r.body).toMatchObject({ byProxy: true, status: 'upcoming' })
    expect((await c.call('GET', APPTS, { token: wang })).body.upcoming).toHaveLength(1)
    expect((await c.call('GET', APPTS, { token: li })).body.upcoming).toHaveLength(0)
    expect((await titles(wang)).some((m) => m.title === '窗口预约成功')).toBe(true)
    expect((await titles(li)).find((m) => m.title === '窗口预约成功')!.body).toContain('您为王秀英代办')
  })

  it('a booking replayed with the same idempotency key books once', async () => {
    const body = { eventId: 'newborn', hallId: HALL, date: '2026-03-03', slot: '09:00' }
    const a = await c.call('POST', APPTS, { token: wang, body, key: 'b1' })
    const b = await c.call('POST', APPTS, { token: wang, body, key: 'b1' })
    expect(b.body.id).toBe(a.body.id)
    expect(await remaining('2026-03-03', '09:00')).toBe(2)
  })
})
