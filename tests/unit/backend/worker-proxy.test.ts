/** @jest-environment node */
/**
 * Issue 27 items 1 and 2: a grid worker as 代办 for a registered elder (authorise with a signed
 * authorisation photo, scope and end date; act in the care-card service, each act marked and messaged;
 * revoked by the elder, the family proxy or a supervisor; expired; other community) and phone orders.
 */
import type { CareLedgerRow } from '@/backend/features/care-card/model'
import { idNumberOf, TRANSPORTS, type Client } from './client'
import { uploadedPhoto } from './photos'

const bj = (y: number, m: number, d: number, h = 9, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)

describe.each(TRANSPORTS)('grid worker as 代办 (%s)', (_name, make) => {
  let c: Client
  let t: Record<string, string>
  beforeEach(async () => {
    c = await make()
    c.clock.set(bj(2026, 3, 10, 9))
    t = {}
    for (const u of ['u-wang', 'u-li', 'u-zhang', 'u-jiang', 'u-zhao', 'u-sun', 'u-xu']) t[u] = await c.login(u)
  })
  afterEach(() => c.close())

  const call = (method: 'GET' | 'POST', url: string, user: string, body?: unknown, actingFor?: string) =>
    c.call(method, url, { token: t[user], body, actingFor })
  const asZhao = (method: 'GET' | 'POST', url: string, body?: unknown) => call(method, url, 'u-zhao', body, 'u-wang')
  const titles = async (user: string) =>
    (await call('GET', '/api/messages', user)).body.items.map((m: { title: string }) => m.title) as string[]

  /** 李红 becomes 王秀英's confirmed family proxy. */
  async function familyLink() {
    const r = await call('POST', '/api/family-links', 'u-li', {
      principalName: '王秀英',
      principalIdNumber: idNumberOf(c, 'u-wang'),
      relationship: '子女',
    })
    await call('POST', `/api/family-links/${r.body.id}/confirm`, 'u-wang')
  }
  /** 赵敏 finds 王秀英 and records her authorisation until `endsOn`; returns the answer. */
  async function authorise(endsOn = '2026-12-31', worker = 'u-zhao') {
    const found = await call('POST', '/api/worker/elders/find', worker, {
      name: '王秀英',
      idNumber: idNumberOf(c, 'u-wang'),
    })
    if (found.status !== 200) return found
    return call('POST', '/api/worker/proxy-links', worker, {
      principalId: found.body.userId,
      scope: 'care-card',
      endsOn,
      authorizationPhotoId: await uploadedPhoto(c, t[worker]),
    })
  }

  it('authorise: photo, scope and an end date within a year are required; the elder and family are told', async () => {
    await familyLink()
    const found = await call('POST', '/api/worker/elders/find', 'u-zhao', {
      name: '王秀英',
      idNumber: idNumberOf(c, 'u-wang'),
    })
    expect(found.body).toMatchObject({ userId: 'u-wang', name: '王秀英', age: 81, links: [] })
    expect(found.body.idNumberMasked).toMatch(/^330\*+\d{3}[\dX]$/)
    const wrongName = await call('POST', '/api/worker/elders/find', 'u-zhao', {
      name: '王秀兰',
      idNumber: idNumberOf(c, 'u-wang'),
    })
    expect(wrongName.body.code).toBe('ELDER_NOT_FOUND')
    // 孙丽 of 西山社区 learns nothing of who lives in 总浦桥: the same answers as for nobody at all.
    const elsewhere = await call('POST', '/api/worker/elders/find', 'u-sun', {
      name: '王秀英',
      idNumber: idNumberOf(c, 'u-wang'),
    })
    expect(elsewhere).toMatchObject({ status: 422, body: { code: 'ELDER_NOT_FOUND', message: wrongName.body.message } })
    expect((await call('GET', '/api/worker/elders/u-wang', 'u-sun')).status).toBe(404)
    expect((await call('GET', '/api/worker/elders/u-nobody', 'u-sun')).status).toBe(404)
    expect((await call('GET', '/api/worker/elders/u-wang', 'u-zhao')).status).toBe(200)
    const base = { principalId: 'u-wang', scope: 'care-card', endsOn: '2026-12-31' }
    expect((await call('POST', '/api/worker/proxy-links', 'u-zhao', base)).status).toBe(400)
    const tooLong = await call('POST', '/api/worker/proxy-links', 'u-zhao', {
      ...base,
      endsOn: '2027-03-11',
      authorizationPhotoId: await uploadedPhoto(c, t['u-zhao']),
    })
    expect(tooLong.body).toMatchObject({ code: 'BAD_END_DATE', message: expect.stringContaining('2027年3月10日') })
    expect(
      (
        await call('POST', '/api/worker/proxy-links', 'u-zhao', {
          ...base,
          scope: 'elevator',
          authorizationPhotoId: await uploadedPhoto(c, t['u-zhao']),
        })
      ).status,
    ).toBe(400)
    expect((await call('POST', '/api/worker/proxy-links', 'u-wang', base)).status).toBe(403)
    const ok = await authorise('2027-03-10')
    expect(ok.body).toMatchObject({
      kind: 'worker',
      status: 'confirmed',
      endsOn: '2027-03-10',
      expired: false,
      proxy: { name: '赵敏' },
      principal: { name: '王秀英' },
    })
    expect(ok.body.scopeText).toContain('爱心卡')
    expect((await authorise()).body.code).toBe('LINK_EXISTS')
    expect(await titles('u-wang')).toContain('网格员代办授权已登记')
    expect(await titles('u-li')).toContain('网格员代办授权已登记')
    // The elder and the family proxy see it in 亲友代办, with 撤销.
    const wangLinks = (await call('GET', '/api/family-links', 'u-wang')).body
    expect(wangLinks.find((l: { kind: string }) => l.kind === 'worker')).toMatchObject({ canRevoke: true })
    const liLinks = (await call('GET', '/api/family-links', 'u-li')).body
    expect(liLinks.find((l: { kind: string }) => l.kind === 'worker')).toMatchObject({
      canRevoke: true,
      proxy: { name: '赵敏' },
    })
    expect((await call('GET', '/api/worker/proxy-links', 'u-zhao')).body).toHaveLength(1)
    expect((await call('GET', '/api/worker/proxy-links', 'u-xu')).body).toHaveLength(1)
  })

  it('acts: eligibility, apply, book, cancel, rate — each marked 由网格员 赵敏 代办, messaged and logged', async () => {
    await familyLink()
    await authorise()
    const before = (await titles('u-wang')).length
    expect((await asZhao('GET', '/api/care-card/eligibility')).body).toMatchObject({ eligible: true, age: 81 })
    // Looking again the same day (the page reloads) is not a new act: one log line, one message.
    expect((await asZhao('GET', '/api/care-card/eligibility')).status).toBe(200)
    const app = await asZhao('POST', '/api/care-card/applications', {
      groups: [],
      proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, t['u-zhao'], 'u-wang') }],
    })
    expect(app.status).toBe(200)
    expect(app.body.proxy).toEqual({ userId: 'u-zhao', name: '赵敏', worker: true })
    // 徐建平 (another worker) reviews it: the card is active from April.
    const review = (stage: string) =>
      call('POST', `/api/worker/care-card/applications/${app.body.id}/review`, 'u-xu', { stage, decision: 'approve' })
    await review('community')
    const cardId = (await review('street')).body.cardId as string
    c.clock.set(bj(2026, 4, 1, 9))
    const booked = await asZhao('POST', '/api/care-card/orders', { slotId: 'cs-zpq-bath@2026-04-02T09:00' })
    expect(booked.status).toBe(200)
    expect(booked.body).toMatchObject({ bookedBy: { name: '赵敏', worker: true }, channel: 'app' })
    expect(booked.body.history[0]).toMatchObject({ role: 'proxy', proxy: { name: '赵敏', worker: true } })
    const cancelled = await asZhao('POST', `/api/care-card/orders/${booked.body.id}/cancel`)
    expect(cancelled.body.status).toBe('cancelled')
    const again = await asZhao('POST', '/api/care-card/orders', { slotId: 'cs-zpq-bath@2026-04-02T14:00' })
    c.clock.set(bj(2026, 4, 2, 16))
    expect((await call('POST', `/api/worker/care-card/orders/${again.body.id}/deliver`, 'u-xu')).status).toBe(200)
    const rated = await asZhao('POST', `/api/care-card/orders/${again.body.id}/rate`, { stars: 5 })
    expect(rated.body.status).toBe('rated')
    // Ledger lines of the acts name the worker.
    const rows = await c.backend.inspect<CareLedgerRow>('care_ledger_entries', { cardId })
    const acted = rows.filter((r) => r.actedBy)
    expect(acted.map((r) => r.kind).sort()).toEqual(['hold', 'hold', 'release'])
    expect(acted.every((r) => r.actorName === '网格员 赵敏' && r.actedBy === 'u-zhao')).toBe(true)
    const home = (await call('GET', '/api/care-card?limit=50', 'u-wang')).body
    expect(home.ledger.items.filter((e: { note: string }) => e.note.includes('由网格员 赵敏代办'))).toHaveLength(2)
    // The elder's own order list shows who booked.
    const orders = (await call('GET', '/api/care-card/orders', 'u-wang')).body.items
    expect(orders.every((o: { bookedBy?: { worker?: boolean } }) => o.bookedBy?.worker)).toBe(true)
    // Every act: a message to the elder and the family proxy, and a line in the worker's log.
    const log = (await call('GET', '/api/worker/proxy-log', 'u-zhao')).body
    expect(log.map((a: { what: string }) => a.what)).toEqual([
      '确认并评价',
      '预约服务',
      '取消预约',
      '预约服务',
      '提交爱心卡申请',
      '查询爱心卡资格',
    ])
    expect(log[0]).toMatchObject({ elder: { name: '王秀英' }, channel: 'proxy' })
    const wangTitles = await titles('u-wang')
    expect(wangTitles.filter((x) => x === '网格员为您代办')).toHaveLength(6)
    expect(wangTitles.length).toBeGreaterThan(before + 6)
    expect((await titles('u-li')).filter((x) => x === '网格员为家人代办')).toHaveLength(6)
    expect((await titles('u-zhao')).filter((x) => x.startsWith('网格员为'))).toHaveLength(0)
    // Outside the scope: refused in words.
    const other = await asZhao('GET', '/api/one-thing/progress')
    expect(other).toMatchObject({
      status: 403,
      body: { code: 'OUT_OF_SCOPE', message: expect.stringContaining('不包括') },
    })
    const export_ = (await call('GET', '/api/me/export', 'u-wang')).body.text as string
    expect(export_).toContain('网格员代办记录：')
    expect(export_).toContain('网格员 赵敏：确认并评价')
  })

  it('revoked by the elder, the family proxy or a supervisor; not by others', async () => {
    await familyLink()
    for (const by of ['u-wang', 'u-li', 'u-xu']) {
      const link = await authorise()
      expect(link.status).toBe(200)
      expect((await asZhao('GET', '/api/care-card/eligibility')).status).toBe(200)
      for (const stranger of ['u-zhang', 'u-sun'])
        expect((await call('POST', `/api/family-links/${link.body.id}/revoke`, stranger)).status).toBe(404)
      const r = await call('POST', `/api/family-links/${link.body.id}/revoke`, by)
      expect({ by, status: r.body.status }).toEqual({ by, status: 'revoked' })
      const refused = await asZhao('GET', '/api/care-card/eligibility')
      expect(refused).toMatchObject({
        status: 403,
        body: { code: 'NOT_A_PROXY', message: expect.stringContaining('撤销') },
      })
      expect(await titles('u-zhao')).toContain('网格员代办授权已撤销')
    }
    expect((await titles('u-wang')).filter((x) => x === '网格员代办授权已撤销')).toHaveLength(2)
  })

  it('expired after its end date, and never for an elder of another community', async () => {
    const link = await authorise('2026-03-11')
    c.clock.set(bj(2026, 3, 11, 23, 59))
    expect((await asZhao('GET', '/api/care-card/eligibility')).status).toBe(200)
    c.clock.set(bj(2026, 3, 12, 0, 1))
    const expired = await asZhao('GET', '/api/care-card/eligibility')
    expect(expired).toMatchObject({ status: 403, body: { code: 'PROXY_EXPIRED' } })
    expect(expired.body.message).toContain('2026年3月11日（周三）到期')
    expect((await call('GET', '/api/family-links', 'u-wang')).body[0]).toMatchObject({
      id: link.body.id,
      expired: true,
    })
    // A new authorisation replaces the expired one.
    expect((await authorise('2026-06-30')).status).toBe(200)
    // 孙丽 of 西山社区 cannot find, authorise or act for 王秀英.
    expect((await authorise('2026-06-30', 'u-sun')).body.code).toBe('ELDER_NOT_FOUND')
    const direct = await call('POST', '/api/worker/proxy-links', 'u-sun', {
      principalId: 'u-wang',
      scope: 'care-card',
      endsOn: '2026-06-30',
      authorizationPhotoId: await uploadedPhoto(c, t['u-sun']),
    })
    expect(direct.status).toBe(404) // as for an id nobody has
    expect((await call('GET', '/api/care-card/eligibility', 'u-sun', undefined, 'u-wang')).body.code).toBe(
      'NOT_A_PROXY',
    )
    // A worker who moved to another community loses the right at once.
    await c.backend.tamper('users', 'u-zhao', { communityId: 'c-xs' })
    expect((await asZhao('GET', '/api/care-card/eligibility')).body.code).toBe('OTHER_COMMUNITY')
  })

  it('phone orders: channel 电话 · 96345 and the caller kept; same holds, capacity and rules as the app', async () => {
    await familyLink()
    // Cards for 王秀英 (100 yuan/month), 蒋玉兰 and 张建国.
    for (const [u, groups] of [
      ['u-wang', []],
      ['u-jiang', ['disabled']],
      ['u-zhang', ['subsistence']],
    ] as const) {
      const app = await call('POST', '/api/care-card/applications', u, {
        groups,
        proofs: [
          { kind: 'household', photoId: await uploadedPhoto(c, t[u]) },
          ...(await Promise.all(groups.map(async (g) => ({ kind: g, photoId: await uploadedPhoto(c, t[u]) })))),
        ],
      })
      for (const stage of ['community', 'street'])
        await call('POST', `/api/worker/care-card/applications/${app.body.id}/review`, 'u-xu', {
          stage,
          decision: 'approve',
        })
    }
    c.clock.set(bj(2026, 4, 1, 9))
    const phone = (slotId: string, who = 'u-zhao', callerPhone = '0574-86281234') =>
      call('POST', '/api/worker/care-card/phone-orders', who, { principalId: 'u-wang', slotId, callerPhone })
    expect((await phone('cs-zpq-bath@2026-04-02T09:00', 'u-zhao', '12')).status).toBe(400)
    const ok = await phone('cs-zpq-bath@2026-04-02T09:00')
    expect(ok.status).toBe(200)
    expect(ok.body).toMatchObject({
      channel: 'phone',
      callerPhone: '0574-86281234',
      holder: { name: '王秀英' },
      bookedBy: { name: '赵敏', worker: true },
      status: 'booked',
    })
    const home = (await call('GET', '/api/care-card', 'u-wang')).body
    expect(home).toMatchObject({ balanceFen: 4000, heldFen: 6000 })
    expect(home.ledger.items[0].note).toContain('电话预约 · 96345')
    expect(await titles('u-wang')).toEqual(expect.arrayContaining(['服务预约成功', '网格员为您代办']))
    expect(await titles('u-li')).toEqual(expect.arrayContaining(['服务预约成功', '网格员为家人代办']))
    // The same rules as the app: balance, one per slot, capacity, lead time.
    expect((await phone('cs-zpq-bath@2026-04-03T09:00')).body.code).toBe('INSUFFICIENT_BALANCE')
    expect((await phone('cs-zpq-bath@2026-04-02T09:00')).body.code).toBe('ALREADY_BOOKED')
    expect((await phone('cs-zpq-bath@2026-04-01T09:30')).status).toBe(404)
    await call('POST', '/api/care-card/orders', 'u-jiang', { slotId: 'cs-zpq-bath@2026-04-02T14:00' })
    await call('POST', '/api/care-card/orders', 'u-zhang', { slotId: 'cs-zpq-bath@2026-04-02T14:00' })
    await call('POST', `/api/care-card/orders/${ok.body.id}/cancel`, 'u-wang')
    expect((await phone('cs-zpq-bath@2026-04-02T14:00')).body.code).toBe('SLOT_FULL')
    expect((await phone('cs-zpq-bath@2026-04-02T09:00', 'u-sun')).body.code).toBe('OTHER_COMMUNITY')
    expect((await call('POST', '/api/worker/care-card/phone-orders', 'u-wang', {})).status).toBe(403)
    const log = (await call('GET', '/api/worker/proxy-log', 'u-zhao')).body
    expect(log).toHaveLength(1)
    expect(log[0]).toMatchObject({ channel: 'phone', elder: { name: '王秀英' } })
    expect(log[0].what).toContain('电话预约 · 96345')
  })
})
