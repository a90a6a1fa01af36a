/** @jest-environment node */
import { checkInvariant } from '@/domain/care-card/ledger'
import { ledgerOf } from './data'
import { TRANSPORTS, type Client } from '../client'

const bj = (y: number, m: number, d: number, h = 9, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)
const PHOTO = 'aGVsbG8gd29ybGQ='
const household = { kind: 'household', photo: PHOTO }

describe.each(TRANSPORTS)('care card rules and errors (%s)', (_name, make) => {
  let c: Client
  let t: Record<string, string>
  beforeEach(async () => {
    c = await make()
    t = {}
    for (const u of ['u-wang', 'u-li', 'u-zhang', 'u-jiang', 'u-zhao', 'u-sun', 'u-chen', 'u-xs0'])
      t[u] = await c.login(u)
  })
  afterEach(() => c.close())

  const call = (method: 'GET' | 'POST', url: string, user: string, body?: unknown, key?: string) =>
    c.call(method, url, { token: t[user], body, key })
  const review = (id: string, stage: string, decision = 'approve', reason?: string) =>
    call('POST', `/api/worker/care-card/applications/${id}/review`, 'u-zhao', { stage, decision, reason })
  /** Applies for `user` (as themselves), approves both stages; returns the card id (active from next month). */
  async function cardFor(user: string, groups: string[] = []) {
    const proofs = [household, ...groups.map((g) => ({ kind: g, photo: PHOTO }))]
    const app = await call('POST', '/api/care-card/applications', user, { groups, proofs })
    expect(app.status).toBe(200)
    await review(app.body.id, 'community')
    return (await review(app.body.id, 'street')).body.cardId as string
  }
  const home = async (user = 'u-wang') => (await call('GET', '/api/care-card?limit=50', user)).body

  it('eligibility: the tier from the real-name birth date and declared groups, or why not', async () => {
    expect((await call('GET', '/api/care-card/eligibility?groups=subsistence', 'u-zhang')).body).toMatchObject({
      eligible: true,
      monthlyCreditFen: 30000,
      age: 67,
      tier: { id: 'hardship60' },
    })
    const no = (await call('GET', '/api/care-card/eligibility', 'u-li')).body
    expect(no).toMatchObject({ eligible: false, monthlyCreditFen: 0, tier: null, age: 54 })
    expect(no.reasons[0]).toContain('未满 60 周岁')
    expect((await call('GET', '/api/care-card/eligibility?groups=rich', 'u-zhang')).status).toBe(400)
    expect((await call('GET', '/api/care-card/eligibility', 'u-chen')).body.code).toBe('PRIVACY_NOT_ACCEPTED')
    await call('POST', '/api/me/privacy', 'u-chen', { accepted: true })
    expect((await call('GET', '/api/care-card/eligibility', 'u-chen')).body.code).toBe('REAL_NAME_REQUIRED')
    expect(
      (await c.call('GET', '/api/care-card/eligibility', { token: t['u-zhang'], actingFor: 'u-wang' })).body.code,
    ).toBe('NOT_A_PROXY')
  })

  it('apply: refuses the ineligible, missing proofs, bad input, the unbound, and a second card', async () => {
    const notEligible = await call('POST', '/api/care-card/applications', 'u-li', { groups: [], proofs: [household] })
    expect(notEligible).toMatchObject({
      status: 422,
      body: { code: 'NOT_ELIGIBLE', message: expect.stringContaining('54 岁') },
    })
    const noProof = await call('POST', '/api/care-card/applications', 'u-jiang', {
      groups: ['disabled'],
      proofs: [household],
    })
    expect(noProof).toMatchObject({
      status: 422,
      body: { code: 'PROOF_REQUIRED', fields: { proofs: expect.stringContaining('失能评估结果') } },
    })
    expect((await call('POST', '/api/care-card/applications', 'u-wang', { groups: [], proofs: [] })).status).toBe(400)
    const big = 'A'.repeat(300_000)
    expect(
      (
        await call('POST', '/api/care-card/applications', 'u-wang', {
          groups: [],
          proofs: [{ kind: 'household', photo: big }],
        })
      ).body.fields,
    ).toBeDefined()
    await call('POST', '/api/me/privacy', 'u-chen', { accepted: true })
    expect(
      (await call('POST', '/api/care-card/applications', 'u-chen', { groups: [], proofs: [household] })).body,
    ).toMatchObject({ code: 'REAL_NAME_REQUIRED' })
    const seeded = await call('POST', '/api/care-card/applications', 'u-xs0', {
      groups: ['subsistence'],
      proofs: [household, { kind: 'subsistence', photo: PHOTO }],
    })
    expect(seeded).toMatchObject({ status: 409, body: { code: 'CARD_EXISTS' } })
  })

  it('withdraw while under review; reject with a reason, then correct and resubmit as a new cycle', async () => {
    const a = (await call('POST', '/api/care-card/applications', 'u-wang', { groups: [], proofs: [household] })).body
    expect((await call('POST', `/api/care-card/applications/${a.id}/withdraw`, 'u-zhang')).status).toBe(404)
    const w = await call('POST', `/api/care-card/applications/${a.id}/withdraw`, 'u-wang')
    expect(w.body).toMatchObject({
      status: 'withdrawn',
      stages: [{ state: 'done' }, { state: 'cancelled' }, { state: 'cancelled' }, { state: 'cancelled' }],
    })
    expect((await call('POST', `/api/care-card/applications/${a.id}/withdraw`, 'u-wang')).body.code).toBe(
      'NOT_UNDER_REVIEW',
    )
    expect((await review(a.id, 'community')).body.code).toBe('STAGE_MISMATCH')

    const b = (
      await call('POST', '/api/care-card/applications', 'u-jiang', {
        groups: ['disabled'],
        proofs: [household, { kind: 'disabled', photo: PHOTO }],
      })
    ).body
    expect(b.monthlyCreditFen).toBe(50000)
    expect(
      (
        await call('POST', `/api/care-card/applications/${b.id}/resubmit`, 'u-jiang', {
          groups: [],
          proofs: [household],
        })
      ).body.code,
    ).toBe('NOT_REJECTED')
    expect((await review(b.id, 'community', 'reject', '短')).body).toMatchObject({ code: 'REASON_REQUIRED' })
    await review(b.id, 'community')
    const rejected = await review(b.id, 'street', 'reject', '失能评估结果已过期，请补充近半年的评估')
    expect(rejected.body).toMatchObject({ status: 'rejected', rejection: { stage: 'street', by: { name: '赵敏' } } })
    expect(rejected.body.stages.map((s: { state: string }) => s.state)).toEqual([
      'done',
      'done',
      'rejected',
      'cancelled',
    ])
    c.clock.advance(86_400_000)
    const again = await call('POST', `/api/care-card/applications/${b.id}/resubmit`, 'u-jiang', {
      groups: ['disabled'],
      proofs: [household, { kind: 'disabled', photo: 'bmV3IHBob3Rv' }],
    })
    expect(again.body).toMatchObject({
      status: 'community_review',
      cycle: 2,
      stages: [{ title: '重新提交' }, { state: 'current', dueDate: '2026-03-10' }, {}, {}],
    })
    expect(again.body.rejection).toBeUndefined()
    expect(again.body.proofs.map((p: { cycle: number }) => p.cycle)).toEqual([2, 2])
    expect(again.body.history.map((h: { kind: string }) => h.kind)).toEqual([
      'submitted',
      'community_approved',
      'rejected',
      'resubmitted',
    ])
    const list = (await call('GET', '/api/care-card/applications', 'u-jiang')).body
    expect(list.map((x: { id: string }) => x.id)).toEqual([b.id])
    expect((await call('GET', `/api/care-card/applications/${b.id}`, 'u-wang')).status).toBe(404)
    expect((await call('GET', '/api/worker/care-card/applications?status=all', 'u-zhao')).body).toHaveLength(2)
    expect((await call('GET', `/api/worker/care-card/applications/${b.id}/images/img_nope`, 'u-zhao')).body.code).toBe(
      'NO_SUCH_IMAGE',
    )
    expect((await call('GET', `/api/worker/care-card/applications/${b.id}`, 'u-sun')).status).toBe(403)
    expect((await call('GET', '/api/worker/care-card/applications', 'u-wang')).status).toBe(403)
  })

  it('card home: seeded active card in 西山 with ledger pages; no card → 404', async () => {
    const h = (await call('GET', '/api/care-card?limit=2', 'u-xs0')).body
    expect(h).toMatchObject({
      status: 'active',
      communityName: expect.stringContaining('西山'),
      balanceFen: 30000 * 3 - 1000 - 1000,
      heldFen: 1000,
      ledger: { total: 6, nextCursor: '2' },
    })
    expect(h.ledger.items).toHaveLength(2)
    expect((await call('GET', '/api/care-card?cursor=5&limit=2', 'u-xs0')).body.ledger).toMatchObject({
      nextCursor: null,
      items: [{ kind: 'issue', month: '2026-01' }],
    })
    expect(checkInvariant(await ledgerOf(c.backend, h.cardId))).toBe(true)
    expect((await call('GET', '/api/care-card?cursor=x', 'u-xs0')).status).toBe(400)
    expect((await call('GET', '/api/care-card', 'u-wang')).body.code).toBe('NO_CARD')
    const orders = (await call('GET', '/api/care-card/orders?limit=1', 'u-xs0')).body
    expect(orders).toMatchObject({ nextCursor: '1', items: [{ status: 'booked', canCancel: true }] })
    expect((await call('GET', `/api/care-card/orders/${orders.items[0].id}`, 'u-wang')).status).toBe(404)
    expect((await call('POST', `/api/worker/care-card/orders/${orders.items[0].id}/deliver`, 'u-zhao')).body.code).toBe(
      'OTHER_COMMUNITY',
    )
    expect((await call('GET', '/api/care-card/services/cs-zpq-lunch/slots', 'u-xs0')).body.code).toBe('NO_SUCH_SERVICE')
  })

  it('booking: insufficient balance holds nothing; unknown, passed, far and full slots are refused', async () => {
    const cardId = await cardFor('u-wang')
    await cardFor('u-jiang', ['disabled'])
    c.clock.set(bj(2026, 4, 1, 9))
    expect((await home()).balanceFen).toBe(10000)
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-bath@2026-04-02T09:00' })).status,
    ).toBe(200)
    const before = (await ledgerOf(c.backend, cardId)).length
    const orders = (await c.backend.inspect('care_orders')).length
    const poor = await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-bath@2026-04-03T09:00' })
    expect(poor).toMatchObject({
      status: 422,
      body: { code: 'INSUFFICIENT_BALANCE', message: expect.stringContaining('¥40.00') },
    })
    expect(await ledgerOf(c.backend, cardId)).toHaveLength(before)
    expect(await c.backend.inspect('care_orders')).toHaveLength(orders)
    expect(await home()).toMatchObject({ balanceFen: 4000, heldFen: 6000 })

    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2026-04-02T12:34' })).body.code,
    ).toBe('NO_SUCH_SLOT')
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-xs-lunch@2026-04-02T11:00' })).body.code,
    ).toBe('NO_SUCH_SLOT')
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2026-04-01T09:30' })).status,
    ).toBe(404)
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-bath@2026-04-01T09:00' })).body.code,
    ).toBe('SLOT_PASSED')
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2026-04-20T11:00' })).body.code,
    ).toBe('SLOT_TOO_FAR')
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-bath@2026-04-02T09:00' })).body.code,
    ).toBe('ALREADY_BOOKED')
    expect(
      (await call('POST', '/api/care-card/orders', 'u-jiang', { slotId: 'cs-zpq-bath@2026-04-02T09:00' })).status,
    ).toBe(200)
    const slots = (await call('GET', '/api/care-card/services/cs-zpq-bath/slots', 'u-zhang')).body
    expect(slots.find((s: { id: string }) => s.id === 'cs-zpq-bath@2026-04-02T09:00')).toMatchObject({
      remaining: 0,
      full: true,
    })
    await c.backend.tamper('care_services', 'cs-zpq-bath', { capacity: 2 })
    await cardFor('u-zhang', ['subsistence'])
    c.clock.set(bj(2026, 5, 1, 8))
    expect(
      (await call('POST', '/api/care-card/orders', 'u-zhang', { slotId: 'cs-zpq-bath@2026-05-01T14:00' })).status,
    ).toBe(200)
    expect(
      (await call('POST', '/api/care-card/orders', 'u-jiang', { slotId: 'cs-zpq-bath@2026-05-01T14:00' })).status,
    ).toBe(200)
    expect(
      (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-bath@2026-05-01T14:00' })).body,
    ).toMatchObject({ code: 'SLOT_FULL' })
    expect(
      (await call('POST', '/api/care-card/orders', 'u-li', { slotId: 'cs-zpq-bath@2026-05-01T14:00' })).body.code,
    ).toBe('NO_CARD')
  })

  it('order errors: cancel after the service time, rate/dispute before delivery, twice, after 7 days', async () => {
    await cardFor('u-wang')
    c.clock.set(bj(2026, 4, 1, 9))
    const o = (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2026-04-01T11:00' })).body
    expect((await call('POST', `/api/care-card/orders/${o.id}/rate`, 'u-wang', { stars: 5 })).body.code).toBe(
      'NOT_DELIVERED',
    )
    expect(
      (await call('POST', `/api/care-card/orders/${o.id}/dispute`, 'u-wang', { reason: '服务没有上门来' })).body.code,
    ).toBe('NOT_DELIVERED')
    expect(
      (
        await call('POST', `/api/care-card/orders/${o.id}/dispute/resolve`, 'u-zhao', {
          decision: 'upheld',
          reason: '核实属实',
        })
      ).status,
    ).toBe(404)
    expect(
      (
        await call('POST', `/api/worker/care-card/orders/${o.id}/dispute/resolve`, 'u-zhao', {
          decision: 'upheld',
          reason: '核实属实',
        })
      ).body.code,
    ).toBe('NO_OPEN_DISPUTE')
    expect((await call('POST', `/api/care-card/orders/${o.id}/cancel`, 'u-zhang')).status).toBe(404)
    c.clock.set(bj(2026, 4, 1, 11, 30))
    expect((await call('POST', `/api/care-card/orders/${o.id}/cancel`, 'u-wang')).body.code).toBe('TOO_LATE_TO_CANCEL')
    await call('POST', `/api/worker/care-card/orders/${o.id}/deliver`, 'u-zhao')
    expect((await call('POST', `/api/worker/care-card/orders/${o.id}/deliver`, 'u-zhao')).body.code).toBe('NOT_BOOKED')
    expect((await call('POST', `/api/care-card/orders/${o.id}/cancel`, 'u-wang')).body.code).toBe('NOT_CANCELLABLE')
    expect((await call('POST', `/api/care-card/orders/${o.id}/rate`, 'u-wang', { stars: 6 })).status).toBe(400)
    expect((await call('POST', `/api/care-card/orders/${o.id}/rate`, 'u-wang', { stars: 4 })).body.status).toBe('rated')
    expect((await call('POST', `/api/care-card/orders/${o.id}/rate`, 'u-wang', { stars: 4 })).body.code).toBe(
      'ALREADY_RATED',
    )
    expect((await call('GET', '/api/worker/care-card/tasks?status=all', 'u-zhao')).body).toHaveLength(0)
    expect((await call('GET', '/api/worker/care-card/orders?status=delivered', 'u-zhao')).body).toHaveLength(1)
    expect((await call('POST', `/api/care-card/orders/${o.id}/dispute`, 'u-wang', { reason: '短' })).status).toBe(400)
    c.clock.set(bj(2026, 4, 8, 20))
    const d = await call('POST', `/api/care-card/orders/${o.id}/dispute`, 'u-wang', { reason: '饭菜份量明显不足' })
    expect(d.body.dispute.status).toBe('open')
    expect(
      (await call('POST', `/api/care-card/orders/${o.id}/dispute`, 'u-wang', { reason: '饭菜份量明显不足' })).body.code,
    ).toBe('DISPUTE_EXISTS')
    const r = await call('POST', `/api/worker/care-card/orders/${o.id}/dispute/resolve`, 'u-zhao', {
      decision: 'rejected',
      reason: '经核对照片份量符合标准',
    })
    expect(r.body.dispute).toMatchObject({ status: 'rejected', resolution: '经核对照片份量符合标准' })
    expect((await home()).year).toMatchObject({ chargedFen: 1200, refundedFen: 0 })
    // A second order delivered, disputed too late.
    const o2 = (await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2026-04-09T11:00' })).body
    c.clock.set(bj(2026, 4, 9, 12))
    await call('POST', `/api/worker/care-card/orders/${o2.id}/deliver`, 'u-zhao')
    c.clock.set(bj(2026, 4, 17, 9))
    expect(
      (await call('POST', `/api/care-card/orders/${o2.id}/dispute`, 'u-wang', { reason: '饭菜份量明显不足' })).body
        .code,
    ).toBe('DISPUTE_WINDOW_CLOSED')
    expect(
      (await call('POST', '/api/worker/care-card/tasks/ct_nope/complete', 'u-zhao', { outcome: '已经回访过了' }))
        .status,
    ).toBe(404)
  })

  it('a 90th birthday raises the credit from the next month', async () => {
    c.clock.set(bj(2034, 1, 5, 10))
    const cardId = await cardFor('u-wang')
    c.clock.set(bj(2034, 4, 1, 9))
    const h = await home()
    expect(
      h.ledger.items
        .filter((e: { kind: string }) => e.kind === 'issue')
        .map((e: { month: string; amountFen: number }) => `${e.month}:${e.amountFen}`),
    ).toEqual(['2034-04:50000', '2034-03:10000', '2034-02:10000'])
    expect(h).toMatchObject({ balanceFen: 70000, monthlyCreditFen: 50000 })
    expect(checkInvariant(await ledgerOf(c.backend, cardId))).toBe(true)
  })

  it('unused credit lapses at the end of 31 December; an open hold stays held', async () => {
    const cardId = await cardFor('u-wang')
    c.clock.set(bj(2026, 12, 31, 9))
    expect(await home()).toMatchObject({
      balanceFen: 90000,
      year: { year: 2026, issuedFen: 90000 },
      lapsesOn: '2026-12-31',
    })
    await call('POST', '/api/care-card/orders', 'u-wang', { slotId: 'cs-zpq-lunch@2027-01-01T11:00' })
    c.clock.set(bj(2027, 1, 1, 9))
    const h = await home()
    expect(h).toMatchObject({
      balanceFen: 10000,
      heldFen: 1200,
      year: { year: 2027, issuedFen: 10000, lapsedFen: 0 },
      lapsesOn: '2027-12-31',
    })
    expect(h.ledger.items[0]).toMatchObject({ kind: 'issue', month: '2027-01' })
    expect(h.ledger.items[1]).toMatchObject({ kind: 'lapse', year: 2026, amountFen: 88800, signedFen: -88800 })
    expect(checkInvariant(await ledgerOf(c.backend, cardId))).toBe(true)
    // Opening again adds nothing (issuance and lapse are idempotent).
    expect((await home()).ledger.total).toBe(h.ledger.total)
  })
})
