/** @jest-environment node */
import { checkInvariant, summarize } from '@/domain/care-card/ledger'
import { ledgerOf as storedLedger } from './data'
import { idNumberOf, TRANSPORTS, type Client } from '../client'
import { TINY_JPEG, uploadedPhoto } from '../photos'

/** A Beijing wall-clock time as epoch ms. */
const bj = (y: number, m: number, d: number, h = 9, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)

describe.each(TRANSPORTS)('care card: the daughter applies for her mother (%s)', (_name, make) => {
  let c: Client
  let li: string
  let wang: string
  let zhao: string
  let sun: string
  beforeEach(async () => {
    c = await make()
    ;[li, wang, zhao, sun] = await Promise.all(['u-li', 'u-wang', 'u-zhao', 'u-sun'].map((u) => c.login(u)))
  })
  afterEach(() => c.close())

  const proxyOf = () => ({ token: li, actingFor: 'u-wang' })
  const ledgerOf = (cardId: string) => storedLedger(c.backend, cardId)
  const home = async () => (await c.call('GET', '/api/care-card?limit=50', { token: wang })).body
  const inbox = async (token: string) =>
    (await c.call('GET', '/api/messages?limit=50', { token })).body.items.map((m: { title: string }) => m.title)

  it('link → apply as proxy → two reviews → credit next month → book, cancel, deliver, rate, dispute, refund', async () => {
    // Family link: 李红 asks, 王秀英 confirms.
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    expect((await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })).status).toBe(200)

    const elig = await c.call('GET', '/api/care-card/eligibility', { token: li, actingFor: 'u-wang' })
    expect(elig.body).toMatchObject({
      eligible: true,
      monthlyCreditFen: 10000,
      tier: { id: 'age80' },
      age: 81,
      assessedOn: '2026-03-02',
    })

    // Apply for the mother with a photo of the household register.
    const applied = await c.call('POST', '/api/care-card/applications', {
      token: li,
      actingFor: 'u-wang',
      body: { groups: [], proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, li, 'u-wang') }] },
    })
    expect(applied.status).toBe(200)
    const app = applied.body
    expect(app).toMatchObject({
      status: 'community_review',
      applicant: { userId: 'u-wang', name: '王秀英' },
      proxy: { userId: 'u-li', name: '李红' },
      monthlyCreditFen: 10000,
    })
    expect(app.stages.map((s: { state: string }) => s.state)).toEqual(['done', 'current', 'waiting', 'waiting'])
    expect(app.stages[0]).toMatchObject({
      actor: { name: '李红' },
      proxy: { name: '李红' },
      at: expect.stringContaining('2026-03-02T10:00'),
    })
    expect(app.stages[1].dueDate).toBe('2026-03-09') // 5 working days after Monday 2 March
    expect(app.history[0]).toMatchObject({ kind: 'submitted', role: 'proxy', proxy: { userId: 'u-li' } })
    const [stored] = await c.backend.inspect('care_applications', { id: app.id })
    expect(stored.proofs[0].imageId).toMatch(/^ph_/)
    expect(JSON.stringify(stored)).not.toContain(TINY_JPEG)

    // One card per person: a second application while one is open.
    const again = await c.call('POST', '/api/care-card/applications', {
      token: wang,
      body: { groups: [], proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, wang) }] },
    })
    expect(again).toMatchObject({
      status: 409,
      body: { code: 'APPLICATION_OPEN', message: expect.stringContaining('社区初审中') },
    })

    // Worker queue, materials, and the two stages; 西山's worker cannot review.
    const queue = (await c.call('GET', '/api/worker/care-card/applications', { token: zhao })).body
    expect(queue).toHaveLength(1)
    expect(queue[0]).toMatchObject({
      id: app.id,
      applicantIdMasked: expect.stringMatching(/^330\*+\d{3}[\dX]$/),
      applicantAge: 81,
      dueDate: '2026-03-09',
      overdue: false,
    })
    const img = await c.call(
      'GET',
      `/api/worker/care-card/applications/${app.id}/images/${queue[0].proofs[0].imageId}`,
      { token: zhao },
    )
    expect(img.body).toEqual({ imageId: queue[0].proofs[0].imageId, base64: TINY_JPEG, contentType: 'image/jpeg' })
    expect((await c.call('GET', '/api/worker/care-card/applications', { token: sun })).body).toHaveLength(0)
    const sunTry = await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: sun,
      body: { stage: 'community', decision: 'approve' },
    })
    expect(sunTry).toMatchObject({ status: 403, body: { code: 'OTHER_COMMUNITY' } })
    expect(
      (
        await c.call('GET', `/api/worker/care-card/applications/${app.id}/images/${queue[0].proofs[0].imageId}`, {
          token: sun,
        })
      ).status,
    ).toBe(403)

    const early = await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: zhao,
      body: { stage: 'street', decision: 'approve' },
    })
    expect(early).toMatchObject({ status: 409, body: { code: 'STAGE_MISMATCH' } })
    const first = await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: zhao,
      body: { stage: 'community', decision: 'approve' },
    })
    expect(first.body).toMatchObject({ status: 'street_review', dueDate: '2026-03-09' })
    expect(first.body.stages[1]).toMatchObject({ state: 'done', actor: { userId: 'u-zhao', name: '赵敏' } })
    expect(first.body.stages[2]).toMatchObject({ state: 'current', dueDate: '2026-03-09' })
    const second = await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: zhao,
      body: { stage: 'street', decision: 'approve' },
    })
    expect(second.body).toMatchObject({ status: 'approved', activeFrom: '2026-04-01', cardId: expect.any(String) })
    expect(second.body.history.map((h: { kind: string; stage?: string }) => `${h.kind}:${h.stage ?? ''}`)).toEqual([
      'submitted:',
      'community_approved:community',
      'street_approved:street',
    ])
    expect(second.body.stages[3]).toMatchObject({ state: 'waiting', dueDate: '2026-04-01' })
    for (const token of [wang, li])
      expect(await inbox(token)).toEqual(
        expect.arrayContaining(['爱心卡申请已提交', '爱心卡申请通过社区初审', '爱心卡审核通过']),
      )
    const cardId = second.body.cardId

    // Before the 1st of next month: scheduled, no credit, no booking.
    expect(await home()).toMatchObject({
      status: 'scheduled',
      balanceFen: 0,
      paymentCode: null,
      activeFrom: '2026-04-01',
    })
    const tooSoon = await c.call('POST', '/api/care-card/orders', {
      token: wang,
      body: { slotId: 'cs-zpq-lunch@2026-03-03T11:00' },
    })
    expect(tooSoon).toMatchObject({ status: 422, body: { code: 'CARD_NOT_ACTIVE' } })

    // Next month: credit appears lazily on opening the card.
    c.clock.set(bj(2026, 4, 1, 9))
    let h = await home()
    expect(h).toMatchObject({
      status: 'active',
      balanceFen: 10000,
      heldFen: 0,
      thisMonth: { month: '2026-04', issuedFen: 10000, spentFen: 0 },
      lapsesOn: '2026-12-31',
    })
    expect(h.paymentCode.payload).toBe(`MCCARD:${cardId}:${h.paymentCode.code}`)
    expect(h.paymentCode.code).toMatch(/^\d{8}$/)
    expect(h.ledger.items).toEqual([
      expect.objectContaining({ kind: 'issue', amountFen: 10000, signedFen: 10000, month: '2026-04' }),
    ])

    // Services: all six kinds in 总浦桥; lunch ¥12.00.
    const services = (await c.call('GET', '/api/care-card/services', proxyOf())).body
    expect(new Set(services.map((s: { kind: string }) => s.kind))).toEqual(
      new Set(['meal', 'bath', 'clean', 'walk', 'medical', 'emergency']),
    )
    expect(services.find((s: { id: string }) => s.id === 'cs-zpq-lunch')).toMatchObject({
      priceFen: 1200,
      kindLabel: '助餐',
    })
    const slots = (await c.call('GET', '/api/care-card/services/cs-zpq-lunch/slots', proxyOf())).body
    expect(slots[0]).toMatchObject({ id: 'cs-zpq-lunch@2026-04-01T11:00', remaining: 20, full: false })

    // The daughter books for tomorrow (twice with one key: one hold), then cancels: released.
    const booking = { ...proxyOf(), key: 'book-1', body: { slotId: 'cs-zpq-lunch@2026-04-02T11:00' } }
    const a = await c.call('POST', '/api/care-card/orders', booking)
    const aAgain = await c.call('POST', '/api/care-card/orders', booking)
    expect(aAgain.body).toEqual(a.body)
    expect(a.body).toMatchObject({
      status: 'booked',
      priceFen: 1200,
      canCancel: true,
      history: [expect.objectContaining({ role: 'proxy', proxy: { userId: 'u-li', name: '李红' } })],
    })
    expect((await ledgerOf(cardId)).filter((e) => e.kind === 'hold')).toHaveLength(1)
    expect(await home()).toMatchObject({ balanceFen: 8800, heldFen: 1200 })
    const cancelled = await c.call('POST', `/api/care-card/orders/${a.body.id}/cancel`, proxyOf())
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false })
    expect(await home()).toMatchObject({ balanceFen: 10000, heldFen: 0 })

    // The mother books today's lunch herself; the worker marks it delivered after the service time.
    const b = (
      await c.call('POST', '/api/care-card/orders', { token: wang, body: { slotId: 'cs-zpq-lunch@2026-04-01T11:00' } })
    ).body
    expect(await home()).toMatchObject({ balanceFen: 8800, heldFen: 1200 })
    expect(
      (await c.call('GET', '/api/worker/care-card/orders', { token: zhao })).body.map((o: { id: string }) => o.id),
    ).toEqual([b.id])
    const notYet = await c.call('POST', `/api/worker/care-card/orders/${b.id}/deliver`, { token: zhao })
    expect(notYet).toMatchObject({ status: 422, body: { code: 'NOT_STARTED' } })
    c.clock.set(bj(2026, 4, 1, 12))
    const delivered = await c.call('POST', `/api/worker/care-card/orders/${b.id}/deliver`, { token: zhao })
    expect(delivered.body).toMatchObject({
      status: 'delivered',
      deliveredBy: { name: '赵敏' },
      disputeUntil: '2026-04-08',
      canRate: true,
      canDispute: true,
    })
    h = await home()
    expect(h).toMatchObject({ balanceFen: 8800, heldFen: 0, thisMonth: { spentFen: 1200 }, year: { chargedFen: 1200 } })
    expect(await inbox(li)).toContain('服务已完成')

    // Rating 1 → call-back task due within 1 day.
    const rated = await c.call('POST', `/api/care-card/orders/${b.id}/rate`, {
      ...proxyOf(),
      body: { stars: 1, comment: '饭菜凉了' },
    })
    expect(rated.body).toMatchObject({ status: 'rated', rating: { stars: 1, comment: '饭菜凉了' } })
    const tasks = (await c.call('GET', '/api/worker/care-card/tasks', { token: zhao })).body
    expect(tasks).toEqual([
      expect.objectContaining({
        orderId: b.id,
        stars: 1,
        dueAt: '2026-04-02T12:00:00+08:00',
        overdue: false,
        holder: { userId: 'u-wang', name: '王秀英' },
      }),
    ])
    expect((await c.call('GET', '/api/worker/care-card/tasks', { token: sun })).body).toHaveLength(0)
    const done = await c.call('POST', `/api/worker/care-card/tasks/${tasks[0].id}/complete`, {
      token: zhao,
      body: { outcome: '已电话回访，食堂改用保温箱' },
    })
    expect(done.body).toMatchObject({ status: 'done', doneBy: { name: '赵敏' } })
    expect(
      (
        await c.call('POST', `/api/worker/care-card/tasks/${tasks[0].id}/complete`, {
          token: zhao,
          body: { outcome: '再次回访记录' },
        })
      ).body.code,
    ).toBe('TASK_DONE')
    expect(
      (
        await c.call('POST', `/api/worker/care-card/tasks/${tasks[0].id}/complete`, {
          token: sun,
          body: { outcome: '再次回访记录' },
        })
      ).body.code,
    ).toBe('OTHER_COMMUNITY')
    expect((await c.call('GET', '/api/worker/care-card/tasks?status=done', { token: zhao })).body).toHaveLength(1)

    // Dispute within 7 days, upheld → refunded to the card.
    const disputed = await c.call('POST', `/api/care-card/orders/${b.id}/dispute`, {
      ...proxyOf(),
      body: { reason: '送到时饭菜已经凉了，无法食用' },
    })
    expect(disputed.body).toMatchObject({ statusText: '异议处理中', dispute: { status: 'open' }, canDispute: false })
    expect((await c.call('GET', '/api/worker/care-card/orders?status=disputed', { token: zhao })).body).toHaveLength(1)
    const upheld = await c.call('POST', `/api/worker/care-card/orders/${b.id}/dispute/resolve`, {
      token: zhao,
      body: { decision: 'upheld', reason: '核实属实，全额退回' },
    })
    expect(upheld.body.dispute).toMatchObject({ status: 'upheld', refundFen: 1200, resolution: '核实属实，全额退回' })
    h = await home()
    expect(h).toMatchObject({
      balanceFen: 10000,
      heldFen: 0,
      thisMonth: { issuedFen: 10000, spentFen: 0 },
      year: { issuedFen: 10000, chargedFen: 1200, refundedFen: 1200, lapsedFen: 0, balanceFen: 10000 },
    })
    expect(h.ledger.items.map((e: { kind: string }) => e.kind)).toEqual([
      'refund',
      'charge',
      'hold',
      'release',
      'hold',
      'issue',
    ])
    expect(await inbox(wang)).toContain('异议成立，已退款')

    const entries = await ledgerOf(cardId)
    expect(checkInvariant(entries)).toBe(true)
    const s = summarize(entries)
    expect(s.issuedFen).toBe(s.chargedFen - s.refundedFen + s.heldFen + s.lapsedFen + s.balanceFen)
  })

  it('a revoked proxy can no longer act for the elder', async () => {
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })
    const app = (
      await c.call('POST', '/api/care-card/applications', {
        token: li,
        actingFor: 'u-wang',
        body: { groups: [], proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, li, 'u-wang') }] },
      })
    ).body
    await c.call('POST', `/api/family-links/${link.body.id}/revoke`, { token: wang })
    const r = await c.call('POST', `/api/care-card/applications/${app.id}/withdraw`, { token: li, actingFor: 'u-wang' })
    expect(r).toMatchObject({ status: 403, body: { code: 'NOT_A_PROXY' } })
    expect((await c.call('GET', `/api/care-card/applications/${app.id}`, { token: li })).status).toBe(404)
    // The revoked proxy is no longer told about later steps.
    await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: zhao,
      body: { stage: 'community', decision: 'approve' },
    })
    expect(await inbox(li)).not.toContain('爱心卡申请通过社区初审')
    expect(await inbox(wang)).toContain('爱心卡申请通过社区初审')
  })
  it('a review step past its due date shows 已超期 to the applicant; the next step starts on time', async () => {
    const app = (
      await c.call('POST', '/api/care-card/applications', {
        token: wang,
        body: { groups: [], proofs: [{ kind: 'household', photoId: await uploadedPhoto(c, wang, 'u-wang') }] },
      })
    ).body
    const stages = async () =>
      (await c.call('GET', `/api/care-card/applications/${app.id}`, { token: wang })).body.stages
    expect((await stages())[1]).toMatchObject({ state: 'current', dueDate: '2026-03-09' })
    expect((await stages())[1].overdue).toBeUndefined()
    c.clock.set(bj(2026, 3, 9, 20)) // the due day itself: not late yet
    expect((await stages())[1].overdue).toBeUndefined()
    c.clock.set(bj(2026, 3, 10, 9))
    expect((await stages())[1]).toMatchObject({ state: 'current', overdue: true })
    await c.call('POST', `/api/worker/care-card/applications/${app.id}/review`, {
      token: zhao,
      body: { stage: 'community', decision: 'approve' },
    })
    const after = await stages()
    expect(after[1]).toMatchObject({ state: 'done' })
    expect(after[1].overdue).toBeUndefined()
    expect(after[2]).toMatchObject({ state: 'current' })
    expect(after[2].overdue).toBeUndefined()
  })
})
