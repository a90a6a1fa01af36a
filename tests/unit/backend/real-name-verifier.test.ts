/** @jest-environment node */
/**
 * Real-name binding through a 实名核验 service (issue 24 item 3; a fake on 127.0.0.1): its verdict
 * decides (match binds, mismatch is a failed attempt, counted toward the persisted limit of 5 an
 * hour); unavailable answers 503 and is not counted. Without a service the register decides (demo).
 */
import { realNameVerifier } from '@/server/real-name'
import { FAKE_REAL_NAME_KEY, startFakeRealName, type FakeRealName } from './fakes/real-name'
import { idNumberOf, TRANSPORTS, type Client } from './client'

describe.each(TRANSPORTS)('real-name verifier (%s)', (_name, make) => {
  let c: Client
  let gov: FakeRealName
  let token: string
  let id: string
  beforeAll(async () => {
    gov = await startFakeRealName()
  })
  afterAll(() => gov.close())
  beforeEach(async () => {
    gov.mode = 'up'
    c = await make({ services: { realName: realNameVerifier({ url: gov.url, apiKey: FAKE_REAL_NAME_KEY }) } })
    token = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token, body: { accepted: true } })
    id = idNumberOf(c, 'u-chen')
    gov.known.set(id, '陈晓东')
  })
  afterEach(() => c.close())

  const bind = (name: string, idNumber = id) => c.call('POST', '/api/me/real-name', { token, body: { name, idNumber } })
  const attempts = async () => (await c.backend.inspect('attempts', { key: 'real-name:u-chen' })).length

  it('match binds the name and number; the service is asked once', async () => {
    const calls = gov.calls
    const r = await bind('陈晓东')
    expect(r.status).toBe(200)
    expect(r.body.realName).toMatchObject({ name: '陈晓东' })
    expect(gov.calls).toBe(calls + 1)
  })

  it('the service decides, not the register: a person the register lacks is bound on a match', async () => {
    gov.known.set(id, '陈晓东')
    await c.backend.tamper('population_register', id, { name: '别的名字' })
    expect((await bind('陈晓东')).status).toBe(200)
  })

  it('mismatch: 422 NOT_IN_REGISTER, counted; after 5 an hour 429 (persisted)', async () => {
    for (let i = 0; i < 5; i++) {
      const r = await bind('陈错误')
      expect(r.status).toBe(422)
      expect(r.body.code).toBe('NOT_IN_REGISTER')
    }
    expect(await attempts()).toBe(5)
    expect((await bind('陈晓东')).status).toBe(429)
  })

  it('unavailable (503, garbled, unreachable): 503 REAL_NAME_UNAVAILABLE, not counted', async () => {
    for (const mode of ['down', 'garbled'] as const) {
      gov.mode = mode
      const r = await bind('陈晓东')
      expect(r.status).toBe(503)
      expect(r.body.code).toBe('REAL_NAME_UNAVAILABLE')
    }
    expect(await attempts()).toBe(0)
    gov.mode = 'up'
    expect((await bind('陈晓东')).status).toBe(200)
  })

  it('nothing is sent to the service before the privacy notice is accepted', async () => {
    const calls = gov.calls
    await c.backend.tamper('users', 'u-chen', { privacyAcceptedAt: null })
    const r = await bind('陈晓东')
    expect(r.body.code).toBe('PRIVACY_NOT_ACCEPTED')
    expect(gov.calls).toBe(calls)
  })

  it('a malformed number is refused without asking the service; nobody logged in makes no call', async () => {
    const calls = gov.calls
    expect((await bind('陈晓东', '123')).body.code).toBe('INVALID_RESIDENT_ID')
    const anon = await c.call('POST', '/api/me/real-name', { body: { name: '陈晓东', idNumber: id } })
    expect(anon.status).toBe(401)
    expect(gov.calls).toBe(calls)
  })
})
