/** @jest-environment node */
import { idNumberOf, TRANSPORTS, type Client } from './client'
import { parseResidentId } from '@/domain/shared/residentId'

describe.each(TRANSPORTS)('identity routes (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  it('lists personas with key personas first, grouped data per community', async () => {
    const r = await c.call('GET', '/api/auth/personas')
    expect(r.status).toBe(200)
    expect(r.body.slice(0, 3).map((p: { displayName: string }) => p.displayName)).toEqual([
      '王秀英',
      '李红',
      '微信用户陈',
    ])
    expect(new Set(r.body.map((p: { communityName: string }) => p.communityName))).toEqual(
      new Set(['总浦桥社区', '西山社区']),
    )
  })

  it('seeds valid ID numbers, the 14-household unit and an owner of two flats', async () => {
    for (const p of await c.backend.inspect<{ idNumber: string }>('population_register'))
      expect(() => parseResidentId(p.idNumber, '2026-03-02')).not.toThrow()
    const rooms = await c.backend.inspect<{ id: string }>('rooms', { unitId: 'u-zpq-3-1' })
    expect(rooms).toHaveLength(14)
    const register = await c.backend.inspect<{ roomId: string; area: number }>('property_register', {
      roomId: { in: rooms.map((r) => r.id) },
    })
    expect(new Set(register.map((r) => r.area)).size).toBeGreaterThan(5)
    expect(
      (await c.backend.inspect<{ roomId: string }>('room_bindings', { userId: 'u-zhou' })).map((r) => r.roomId),
    ).toEqual(['r-zpq-3-1-501', 'r-zpq-3-1-602'])
  })

  it('logs in and returns the user with the ID number masked', async () => {
    const r = await c.call('POST', '/api/auth/mock-login', { body: { userId: 'u-wang' } })
    expect(r.status).toBe(200)
    expect(r.body.me.realName.idNumberMasked).toMatch(/^330\*{11}\w{4}$/)
    expect(JSON.stringify(r.body)).not.toContain(idNumberOf(c, 'u-wang'))
    expect(r.body.me.age).toBe(81)
  })

  it('refuses unknown users (404), missing or bad tokens (401), wrong input (400)', async () => {
    expect((await c.call('POST', '/api/auth/mock-login', { body: { userId: 'nobody' } })).status).toBe(404)
    expect((await c.call('GET', '/api/me')).body.code).toBe('UNAUTHORIZED')
    expect((await c.call('GET', '/api/me', { token: 'forged' })).status).toBe(401)
    // "登录已过期" only for a session that was sent and is no longer valid; nobody logged in is asked to log in.
    expect((await c.call('GET', '/api/me')).body.message).toBe('请先登录')
    expect((await c.call('GET', '/api/me', { token: 'forged' })).body).toMatchObject({
      code: 'SESSION_EXPIRED',
      message: '登录已过期，请重新登录',
    })
    const bad = await c.call('POST', '/api/auth/mock-login', { body: { userId: 42 } })
    expect(bad.status).toBe(400)
    expect(bad.body).toMatchObject({ code: 'INVALID_INPUT', fields: { userId: expect.any(String) } })
    expect((await c.call('GET', '/api/nothing-here')).status).toBe(404)
    expect((await c.call('DELETE', '/api/auth/personas')).status).toBe(405)
  })

  it('real-name binding: privacy first, then ID rules, then the register', async () => {
    const token = await c.login('u-chen')
    const id = idNumberOf(c, 'u-chen')
    expect(
      (await c.call('POST', '/api/me/real-name', { token, body: { name: '陈晓东', idNumber: id } })).body.code,
    ).toBe('PRIVACY_NOT_ACCEPTED')
    expect((await c.call('POST', '/api/me/privacy', { token, body: { accepted: true } })).status).toBe(200)
    const wrongCheck = id.slice(0, 17) + (id[17] === '0' ? '1' : '0')
    const r1 = await c.call('POST', '/api/me/real-name', { token, body: { name: '陈晓东', idNumber: wrongCheck } })
    expect(r1.status).toBe(422)
    expect(r1.body).toMatchObject({
      code: 'INVALID_RESIDENT_ID',
      fields: { idNumber: expect.stringContaining('校验码') },
    })
    const r2 = await c.call('POST', '/api/me/real-name', { token, body: { name: '陈小东', idNumber: id } })
    expect(r2.body.code).toBe('NOT_IN_REGISTER')
    const ok = await c.call('POST', '/api/me/real-name', {
      token,
      body: { name: '陈晓东', idNumber: ` ${id.toLowerCase()} ` },
    })
    expect(ok.status).toBe(200)
    expect(ok.body.realName).toMatchObject({ name: '陈晓东', birthDate: '1988-06-02' })
    expect(
      (await c.call('POST', '/api/me/real-name', { token, body: { name: '陈晓东', idNumber: id } })).body.code,
    ).toBe('ALREADY_VERIFIED')
  })

  it('an ID number bound to one account cannot be bound by another (409)', async () => {
    const token = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token, body: { accepted: true } })
    const r = await c.call('POST', '/api/me/real-name', {
      token,
      body: { name: '王秀英', idNumber: idNumberOf(c, 'u-wang') },
    })
    expect(r.status).toBe(409)
    expect(r.body.code).toBe('ID_ALREADY_BOUND')
  })

  it('limits failed real-name attempts to 5 an hour (429)', async () => {
    const token = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token, body: { accepted: true } })
    const id = idNumberOf(c, 'u-chen')
    for (let i = 0; i < 5; i++)
      expect(
        (await c.call('POST', '/api/me/real-name', { token, body: { name: '陈错误', idNumber: id } })).status,
      ).toBe(422)
    expect((await c.call('POST', '/api/me/real-name', { token, body: { name: '陈晓东', idNumber: id } })).status).toBe(
      429,
    )
    c.clock.advance(3600_001)
    expect((await c.call('POST', '/api/me/real-name', { token, body: { name: '陈晓东', idNumber: id } })).status).toBe(
      200,
    )
  })

  it('room binding: owner role and area come from the property register', async () => {
    const token = await c.login('u-liu')
    await c.call('DELETE', '/api/me/rooms/r-zpq-3-1-701', { token })
    const owner = await c.call('POST', '/api/me/rooms', { token, body: { roomId: 'r-zpq-3-1-701', role: 'owner' } })
    expect(owner.body).toMatchObject({
      role: 'owner',
      area: 98.76,
      verified: true,
      label: '总浦桥社区 3幢1单元 701',
      floor: 7,
    })
    expect((await c.call('POST', '/api/me/rooms', { token, body: { roomId: 'r-zpq-3-1-701' } })).body.code).toBe(
      'ROOM_ALREADY_BOUND',
    )
    const notMine = await c.call('POST', '/api/me/rooms', { token, body: { roomId: 'r-zpq-3-1-702', role: 'owner' } })
    expect(notMine.body.code).toBe('NOT_OWNER')
    const tenant = await c.call('POST', '/api/me/rooms', { token, body: { roomId: 'r-zpq-3-1-702', role: 'tenant' } })
    expect(tenant.body).toMatchObject({ role: 'tenant', verified: false })
    expect(tenant.body.area).toBeUndefined()
    expect(
      (await c.call('POST', '/api/me/rooms', { token, body: { roomId: 'r-xs-5-2-101', role: 'tenant' } })).status,
    ).toBe(404)
  })

  it('export shows the full ID number only to its owner; deleting the account erases personal data', async () => {
    const token = await c.login('u-zhang')
    const exported = await c.call('GET', '/api/me/export', { token })
    expect(exported.body.text).toContain(idNumberOf(c, 'u-zhang'))
    expect((await c.call('DELETE', '/api/me', { token })).status).toBe(200)
    const [user] = await c.backend.inspect('users', { id: 'u-zhang' })
    expect(user).toMatchObject({ nickname: '已注销用户' })
    expect([user.realName, user.idNumber, user.phone]).toEqual([undefined, undefined, undefined])
    expect(await c.backend.inspect('room_bindings', { userId: 'u-zhang' })).toEqual([])
    expect(JSON.stringify(user)).not.toContain('张建国')
    expect((await c.call('GET', '/api/me', { token })).status).toBe(401)
    expect((await c.call('POST', '/api/auth/mock-login', { body: { userId: 'u-zhang' } })).status).toBe(404)
  })
})
