/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'
import { TINY_JPEG, uploadedPhoto } from '../photos'

const PID = 'ep-xs-5-2'
const URL = `/api/elevator/petitions/${PID}`
/** Owners of 西山社区 5幢2单元 in the seed: user → [flat, name]. */
const XS: Record<string, [string, string]> = {
  'u-xs0': ['r-xs-5-2-101', '马建华'],
  'u-xs1': ['r-xs-5-2-102', '朱丽'],
  'u-xs2': ['r-xs-5-2-201', '胡斌'],
  'u-xs3': ['r-xs-5-2-202', '林芳'],
  'u-xs4': ['r-xs-5-2-301', '何勇'],
  'u-xs5': ['r-xs-5-2-302', '高洁'],
  'u-xs6': ['r-xs-5-2-401', '罗成'],
  'u-xs8': ['r-xs-5-2-501', '宋涛'],
  'u-xs9': ['r-xs-5-2-502', '唐敏'],
}
const DEADLINE = '2026-03-12T20:00:00+08:00'
const PUBLICITY_END = '2026-03-22T20:00:00+08:00'

describe.each(TRANSPORTS)('elevator vote on the seeded 西山 unit (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const vote = async (
    userId: string,
    choice: string,
    opts: { key?: string; flat?: string; signature?: unknown } = {},
  ) =>
    c.call('POST', `${URL}/ballots`, {
      token: await as(userId),
      key: opts.key,
      body: {
        householdId: opts.flat ?? XS[userId][0],
        choice,
        signature: opts.signature ?? { kind: 'typed-name', name: XS[userId][1] },
      },
    })
  const get = async (userId: string, path = '') => c.call('GET', `${URL}${path}`, { token: await as(userId) })
  const inbox = async (userId: string) =>
    (await c.call('GET', '/api/messages?limit=50', { token: await as(userId) })).body.items as {
      title: string
      body: string
    }[]

  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  it('the seed has a vote under way: 5 of 10 households voted (4 agree, 1 oppose), chain intact, deadline 10 days ahead', async () => {
    const p = await get('u-xs3')
    expect(p.body).toMatchObject({
      status: 'voting',
      votingDeadline: DEADLINE,
      unitLabel: '西山社区 5幢2单元',
      viewer: { role: 'owner', canVote: true },
    })
    const m = await get('u-xs3', '/meter')
    expect(m.body).toMatchObject({
      households: 10,
      ballots: 5,
      final: false,
      tally: {
        totalOwners: 10,
        participatingOwners: 5,
        agreeOwners: 4,
        totalArea: 631.31,
        participatingArea: 327.59,
        agreeArea: 263.39,
      },
    })
    expect(m.body.meter.participationOwners).toEqual({
      value: { num: 5, den: 10 },
      threshold: { num: 2, den: 3 },
      met: false,
    })
    expect(m.body.meter.participationStatus).toBe('还差 2 户参与 / 93.29 ㎡')
    const v = await c.call('POST', `${URL}/audit-log/verify`, { token: await as('u-xs3'), body: {} })
    expect(v.body).toMatchObject({ check: { ok: true }, entries: 5 })
  })

  it('journey: votes, a change, a paper ballot (owner told), the meter moves, the deadline closes and publishes, objections only during publicity, mediation steps', async () => {
    // The share is shown before signing.
    const mine = await get('u-xs9', '/my-households')
    expect(mine.body.households).toEqual([
      expect.objectContaining({ householdId: 'r-xs-5-2-502', floor: 5, coefficient: 0.9, ballot: null }),
    ])
    expect(mine.body.households[0].shareFen).toBeGreaterThan(0)
    // …with the real name a typed signature must match, so the app can check it before confirming.
    expect(mine.body.signerName).toBe(XS['u-xs9'][1])
    const signature = { kind: 'handwritten', photoId: await uploadedPhoto(c, await as('u-xs9')) }
    const v1 = await vote('u-xs9', 'agree', { signature })
    expect(v1.status).toBe(200)
    expect(v1.body).toMatchObject({
      choice: 'agree',
      changed: false,
      channel: 'app',
      signatureKind: 'handwritten',
      receipt: { seq: 6 },
    })
    expect(v1.body.households[0].shareFen).toBe(mine.body.households[0].shareFen)
    // One owner changes their vote: each change is appended.
    expect((await vote('u-xs1', 'oppose')).body.changed).toBe(false)
    const changed = await vote('u-xs1', 'agree')
    expect(changed.body).toMatchObject({ changed: true, receipt: { seq: 8 } })
    // Worker enters a paper ballot with the form's photo; the owner is told.
    const sun = await as('u-sun')
    const paper = await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-ballots`, {
      token: sun,
      body: { householdId: 'r-xs-5-2-201', channel: 'paper', choice: 'agree', photoId: await uploadedPhoto(c, sun) },
    })
    expect(paper.body).toMatchObject({ channel: 'paper', receipt: { seq: 9 } })
    expect((await inbox('u-xs2'))[0].title).toBe('有人以您的名义录入了加装电梯表决票')
    const log = await c.call('GET', `${URL}/audit-log?cursor=5&limit=10`, { token: await as('u-xs2') })
    expect(log.body).toMatchObject({ total: 9, nextCursor: null, head: { seq: 9, hash: paper.body.receipt.hash } })
    expect(log.body.items.map((e: { seq: number }) => e.seq)).toEqual([6, 7, 8, 9])
    expect(log.body.items[3]).toMatchObject({
      channel: 'paper',
      actor: 'u-sun',
      actorName: '孙丽',
      actorRole: 'worker',
      roomName: '201',
      photoRef: expect.any(String),
    })
    expect(await c.backend.run((tx) => tx.core.images.get(log.body.items[3].photoRef))).toBe(TINY_JPEG)
    // Meter: 8 of 10 owners, 7 agree; every threshold met.
    const m = await get('u-xs0', '/meter')
    expect(m.body.tally).toMatchObject({
      participatingOwners: 8,
      agreeOwners: 7,
      participatingArea: 512.46,
      agreeArea: 448.26,
      quorumMet: true,
      approved: true,
    })
    expect(m.body.meter.agreeOwners).toEqual({ value: { num: 7, den: 8 }, threshold: { num: 3, den: 4 }, met: true })
    expect(m.body.meter.approvalStatus).toContain('同意已达标')
    // The deadline passes: ballots are refused, the result is published and every owner told.
    c.clock.set(Date.parse(DEADLINE) + 1000)
    expect((await vote('u-xs3', 'agree')).body.code).toBe('VOTING_CLOSED')
    expect((await vote('u-xs3', 'agree')).status).toBe(409)
    const closed = await get('u-xs3')
    expect(closed.body).toMatchObject({
      status: 'publicity',
      result: { approved: true, publishedAt: DEADLINE, publishedDate: '2026-03-12' },
      publicity: { endsAt: PUBLICITY_END, open: true },
    })
    expect((await inbox('u-xs3')).map((x) => x.title)).toContain('加装电梯表决结果公布：通过')
    expect((await get('u-xs3', '/meter')).body).toMatchObject({ final: true, tally: { participatingOwners: 8 } })
    // Objections during publicity: real name, ≥ 10 characters.
    const text = '电梯位置挡住一楼采光，施工噪音影响老人休息，请重新论证。'
    expect(
      (
        await c.call('POST', `${URL}/objections`, {
          token: await as('u-xs0'),
          body: { householdId: 'r-xs-5-2-101', text: '太吵了' },
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await c.call('POST', `${URL}/objections`, {
          token: await as('u-xs0'),
          body: { householdId: 'r-xs-5-2-102', text },
        })
      ).body.code,
    ).toBe('NOT_HOUSEHOLD_OWNER')
    const obj = await c.call('POST', `${URL}/objections`, {
      token: await as('u-xs0'),
      body: { householdId: 'r-xs-5-2-101', text, photoId: await uploadedPhoto(c, await as('u-xs0')) },
    })
    expect(obj.body).toMatchObject({
      channel: 'app',
      roomName: '101',
      hasPhoto: true,
      objectorName: '马建华',
      mine: true,
    })
    const paperObj = await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-objections`, {
      token: sun,
      body: {
        householdId: 'r-xs-5-2-202',
        text: '书面异议：希望先公开管线迁移方案再施工。',
        photoId: await uploadedPhoto(c, sun),
      },
    })
    expect(paperObj.body).toMatchObject({ channel: 'paper', objectorName: '林芳' })
    expect((await get('u-xs9', '/objections')).body).toEqual({ total: 2, items: [] })
    expect((await c.call('GET', `${URL}/objections`, { token: sun })).body.items).toHaveLength(2)
    // Emoji and symbols do not count toward the 10 characters; one written objection per household.
    expect(
      (
        await c.call('POST', `${URL}/objections`, {
          token: await as('u-xs1'),
          body: { householdId: 'r-xs-5-2-102', text: '😀😀😀😀😀😀😀😀😀😀！！' },
        })
      ).status,
    ).toBe(400)
    const again = await c.call('POST', `${URL}/objections`, {
      token: await as('u-xs0'),
      body: { householdId: 'r-xs-5-2-101', text },
    })
    expect(again).toMatchObject({
      status: 409,
      body: {
        code: 'OBJECTION_EXISTS',
        message: expect.stringMatching(/^101 已于 \d+月\d+日 \d\d:\d\d 提出过书面异议/),
      },
    })
    expect((await get('u-xs0', '')).body.viewer.canObject).toBe(false)
    expect((await get('u-xs3', '')).body.viewer.canObject).toBe(false) // 202: the worker recorded its paper objection
    expect((await get('u-xs1', '')).body.viewer.canObject).toBe(true)
    // After publicity: refused, and mediation opens because objections were filed.
    c.clock.set(Date.parse(PUBLICITY_END) + 1000)
    const late = await c.call('POST', `${URL}/objections`, {
      token: await as('u-xs0'),
      body: { householdId: 'r-xs-5-2-101', text },
    })
    expect(late).toMatchObject({ status: 409, body: { code: 'PUBLICITY_CLOSED' } })
    expect((await get('u-xs0')).body).toMatchObject({ status: 'mediation', mediation: { stage: 'negotiation' } })
    const med = (stage: string, note: string) =>
      c.call('POST', `/api/elevator/worker/petitions/${PID}/mediation`, { token: sun, body: { stage, note } })
    expect((await med('mediation', '组织 101 与发起人面对面协商，未达成一致，转人民调解')).body.mediation.stage).toBe(
      'mediation',
    )
    expect((await med('mediation', '重复提交同一阶段')).body.code).toBe('STAGE_NOT_FORWARD')
    expect((await med('coordination', '社区、街道召开协调会')).status).toBe(200)
    const done = await med('resolved', '调整电梯朝向，一楼获得采光补偿，异议撤回')
    expect(done.body).toMatchObject({ status: 'concluded', mediation: { stage: 'resolved' } })
    expect(done.body.mediation.steps.map((s: { stage: string }) => s.stage)).toEqual([
      'negotiation',
      'mediation',
      'coordination',
      'resolved',
    ])
    expect((await med('resolved', '再来一次')).body.code).toBe('NOT_IN_MEDIATION')
    expect((await inbox('u-xs0')).map((x) => x.title)).toContain('加装电梯异议处理：已解决')
  })

  it('an approved vote without objections concludes when publicity ends', async () => {
    for (const u of ['u-xs1', 'u-xs2', 'u-xs9']) await vote(u, 'agree')
    c.clock.set(Date.parse(PUBLICITY_END))
    const p = await get('u-xs8')
    expect(p.body).toMatchObject({ status: 'concluded', mediation: { stage: 'resolved', steps: [{ byName: '系统' }] } })
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/mediation`, {
          token: await as('u-sun'),
          body: { stage: 'resolved', note: '公示期无异议，办结' },
        })
      ).body.code,
    ).toBe('NOT_IN_MEDIATION')
  })

  it('objections before publicity are refused (409 NOT_IN_PUBLICITY)', async () => {
    const r = await c.call('POST', `${URL}/objections`, {
      token: await as('u-xs0'),
      body: { householdId: 'r-xs-5-2-101', text: '我反对在北侧加装电梯，影响采光。' },
    })
    expect(r).toMatchObject({ status: 409, body: { code: 'NOT_IN_PUBLICITY' } })
  })

  it('only owners of the flat vote: non-owners and owners of another unit 403, without real-name 422, unknown flat 404, wrong typed name 422', async () => {
    expect(
      (await vote('u-li', 'agree', { flat: 'r-xs-5-2-202', signature: { kind: 'typed-name', name: '李红' } })).body
        .code,
    ).toBe('NOT_HOUSEHOLD_OWNER')
    const zhou = await vote('u-zhou', 'agree', {
      flat: 'r-xs-5-2-202',
      signature: { kind: 'typed-name', name: '周强' },
    })
    expect(zhou).toMatchObject({ status: 403, body: { code: 'NOT_HOUSEHOLD_OWNER' } })
    expect((await vote('u-xs0', 'agree', { flat: 'r-xs-5-2-202' })).status).toBe(403)
    expect(
      (await vote('u-chen', 'agree', { flat: 'r-xs-5-2-202', signature: { kind: 'typed-name', name: '陈晓东' } })).body
        .code,
    ).toBe('REAL_NAME_REQUIRED')
    expect((await vote('u-xs0', 'agree', { flat: 'r-zpq-3-1-101' })).status).toBe(404)
    expect((await vote('u-xs3', 'agree', { signature: { kind: 'typed-name', name: '林芳芳' } })).body.code).toBe(
      'SIGNATURE_NAME_MISMATCH',
    )
    expect((await vote('u-xs3', 'maybe')).status).toBe(400)
    expect((await vote('u-xs3', 'agree', { signature: { kind: 'handwritten', photoId: 'A'.repeat(65) } })).status).toBe(
      400,
    )
    // Others cannot read the unit's petition; workers of another community cannot enter ballots.
    expect((await get('u-li')).body.code).toBe('NOT_UNIT_OWNER')
    expect((await get('u-zhao')).body.code).toBe('OTHER_COMMUNITY')
    const zhao = await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-ballots`, {
      token: await as('u-zhao'),
      body: {
        householdId: 'r-xs-5-2-202',
        channel: 'door',
        choice: 'agree',
        photoId: await uploadedPhoto(c, await as('u-zhao')),
      },
    })
    expect(zhao).toMatchObject({ status: 403, body: { code: 'OTHER_COMMUNITY' } })
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-ballots`, {
          token: await as('u-xs0'),
          body: {
            householdId: 'r-xs-5-2-202',
            channel: 'door',
            choice: 'agree',
            photoId: await uploadedPhoto(c, await as('u-xs0')),
          },
        })
      ).status,
    ).toBe(403)
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-ballots`, {
          token: await as('u-sun'),
          body: { householdId: 'r-xs-5-2-202', channel: 'door', choice: 'agree' },
        })
      ).status,
    ).toBe(400)
    expect((await c.call('GET', '/api/elevator/petitions/nope', { token: await as('u-xs0') })).status).toBe(404)
    expect(await c.backend.inspect('elevator_log', { petitionId: PID })).toHaveLength(5)
  })

  it('the latest ballot before the deadline counts, whatever the channel: an app change overrides a door-to-door entry', async () => {
    await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-ballots`, {
      token: await as('u-sun'),
      body: {
        householdId: 'r-xs-5-2-202',
        channel: 'door',
        choice: 'agree',
        photoId: await uploadedPhoto(c, await as('u-sun')),
      },
    })
    c.clock.advance(3600_000)
    expect((await vote('u-xs3', 'oppose')).body.changed).toBe(true)
    const m = await get('u-xs3', '/meter')
    expect(m.body.tally).toMatchObject({ participatingOwners: 6, agreeOwners: 4 })
    const mine = await get('u-xs3', '/my-households')
    expect(mine.body.households[0].ballot).toMatchObject({ choice: 'oppose', channel: 'app', seq: 7 })
  })

  it('tamper: editing a stored log entry makes verify report where the chain breaks, and no tally is counted from it', async () => {
    const mine = await vote('u-xs3', 'agree')
    const receipt = mine.body.receipt
    const ok = await c.call('POST', `${URL}/audit-log/verify`, {
      token: await as('u-xs3'),
      body: { receipts: [receipt] },
    })
    expect(ok.body).toMatchObject({ check: { ok: true }, entries: 6 })
    const wrong = await c.call('POST', `${URL}/audit-log/verify`, {
      token: await as('u-xs3'),
      body: { receipts: [{ seq: 6, hash: 'f'.repeat(64) }] },
    })
    expect(wrong.body.check).toEqual({ ok: false, brokenAt: 6, reason: 'receipt-mismatch' })
    await c.backend.tamper('elevator_log', `${PID}:4`, { choice: 'agree' })
    const broken = await c.call('POST', `${URL}/audit-log/verify`, {
      token: await as('u-xs3'),
      body: { receipts: [receipt] },
    })
    expect(broken.body.check).toEqual({ ok: false, brokenAt: 4, reason: 'edited' })
    expect(broken.body.message).toContain('第 4 条')
    expect((await get('u-xs3', '/meter')).body.code).toBe('TAMPERED_LOG')
    expect(
      (
        await c.call('POST', `${URL}/audit-log/verify`, {
          token: await as('u-xs3'),
          body: { receipts: [{ seq: 0, hash: 'x' }] },
        })
      ).status,
    ).toBe(400)
  })

  it('idempotent ballot: the same key returns the first answer and appends once; the key with another choice is refused', async () => {
    const first = await vote('u-xs3', 'agree', { key: 'ballot-1' })
    const again = await vote('u-xs3', 'agree', { key: 'ballot-1' })
    expect(again.body).toEqual(first.body)
    expect(await c.backend.inspect('elevator_log', { petitionId: PID })).toHaveLength(6)
    expect((await vote('u-xs3', 'oppose', { key: 'ballot-1' })).body.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })

  it('parallel ballots append one after the other: distinct seqs, one chain, each household counted once', async () => {
    await Promise.all([as('u-xs3'), as('u-xs9')])
    const [a, b, again] = await Promise.all([vote('u-xs3', 'agree'), vote('u-xs9', 'agree'), vote('u-xs3', 'oppose')])
    expect([a.status, b.status, again.status]).toEqual([200, 200, 200])
    expect([a, b, again].map((r) => r.body.receipt.seq).sort()).toEqual([6, 7, 8])
    const v = await c.call('POST', `${URL}/audit-log/verify`, {
      token: await as('u-xs3'),
      body: { receipts: [a, b, again].map((r) => r.body.receipt) },
    })
    expect(v.body).toMatchObject({ check: { ok: true }, entries: 8 })
    expect((await get('u-xs3', '/meter')).body.tally).toMatchObject({ participatingOwners: 7 })
  })

  it("a deleted account's ballot stays in the log and the tally under its flat, without the name", async () => {
    expect((await c.call('DELETE', '/api/me', { token: await as('u-xs4') })).status).toBe(200)
    const log = await c.call('GET', `${URL}/audit-log`, { token: await as('u-sun') })
    const entry = log.body.items.find((e: { householdId: string }) => e.householdId === 'r-xs-5-2-301')
    expect(entry).toMatchObject({ actorName: null, roomName: '301', choice: 'agree' })
    expect((await get('u-xs0', '/meter')).body.tally).toMatchObject({ participatingOwners: 5, agreeOwners: 4 })
    const p = await get('u-xs0')
    expect(p.body.coInitiators).toContainEqual({ roomName: '301', name: null, status: 'confirmed' })
  })

  it('read routes refuse outsiders (403) and malformed paging (400); paper objections need publicity and a photo', async () => {
    for (const path of ['/meter', '/my-households', '/cost-table', '/audit-log', '/objections']) {
      expect((await get('u-li', path)).body.code).toBe('NOT_UNIT_OWNER')
    }
    expect((await get('u-sun', '/my-households')).body.households).toEqual([])
    expect((await c.call('POST', `${URL}/audit-log/verify`, { token: await as('u-zhou'), body: {} })).status).toBe(403)
    expect((await get('u-xs0', '/audit-log?cursor=abc')).status).toBe(400)
    const page = await get('u-xs0', '/audit-log?limit=2')
    expect(page.body).toMatchObject({ total: 5, nextCursor: '2' })
    expect(page.body.items).toHaveLength(2)
    const sun = await as('u-sun')
    const body = {
      householdId: 'r-xs-5-2-202',
      text: '书面异议：希望先公开管线迁移方案再施工。',
      photoId: await uploadedPhoto(c, sun),
    }
    expect(
      (await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-objections`, { token: sun, body })).body.code,
    ).toBe('NOT_IN_PUBLICITY')
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-objections`, {
          token: sun,
          body: { ...body, photoId: undefined },
        })
      ).status,
    ).toBe(400)
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/paper-objections`, {
          token: await as('u-zhao'),
          body,
        })
      ).body.code,
    ).toBe('OTHER_COMMUNITY')
    expect(
      (
        await c.call('POST', `/api/elevator/worker/petitions/${PID}/mediation`, {
          token: sun,
          body: { stage: 'mediation', note: '还在表决中' },
        })
      ).body.code,
    ).toBe('NOT_IN_MEDIATION')
  })

  it("worker lists the community's petitions; residents cannot", async () => {
    const list = await c.call('GET', '/api/elevator/worker/petitions', { token: await as('u-sun') })
    expect(list.body.map((p: { id: string }) => p.id)).toEqual([PID])
    expect(list.body[0].viewer).toMatchObject({ role: 'worker', canVote: false })
    expect((await c.call('GET', '/api/elevator/worker/petitions', { token: await as('u-zhao') })).body).toEqual([])
    expect((await c.call('GET', '/api/elevator/worker/petitions', { token: await as('u-xs0') })).status).toBe(403)
  })
})
