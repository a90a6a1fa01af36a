/** @jest-environment node */
/**
 * Authorisation checklist, in-process, one test per rule. Some rules are also tested inside
 * the feature suites; here each has a short explicit test, so this file reads as the whole list:
 * - a resident cannot read or act on another household's care card, applications and orders,
 *   children, enrollments, ballots, one-thing checklists and appointments, messages, family links;
 * - a proxy (`x-acting-for`) acts only for the person who confirmed the link, only on routes that
 *   allow a proxy, and not after the link is revoked by either side;
 * - only owners of a unit vote in it, once per household (a second ballot replaces the first);
 * - workers act only in their own community (赵敏 u-zhao 总浦桥, 孙丽 u-sun 西山); residents never on
 *   worker routes.
 * Every refusal is checked to change nothing, and each rule has a positive control (the rightful
 * person gets through), so a guard that stopped everyone would fail too.
 */
import { ROUTES } from '@/backend'
import type { Method } from '@/backend/core/http'
import { idNumberOf, inProcess, type CallOptions, type Client } from './client'
import { photoOf } from './photos'

/** Seeded: 马建华 (u-xs0, 西山) holds the only card, its application and two orders. */
const CARD = { holder: 'u-xs0', app: 'ca-seed-xs0', delivered: 'co-seed-1', booked: 'co-seed-2' }
/** Seeded: the 西山 5幢2单元 petition under vote; u-xs0 owns 101 (voted 反对), u-xs1 owns 102. */
const XS_PETITION = 'ep-xs-5-2'

let c: Client
const tokens: Record<string, string> = {}
const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
const call = async (userId: string, method: Method, url: string, opts: CallOptions = {}) =>
  c.call(method, url, { token: await as(userId), ...opts })
/** Everything the backend stores but the rate-limit counters (a count and a hash per table). */
const stored = async () => {
  const { attempts: _a, ...rest } = await c.backend.fingerprint()
  return JSON.stringify(rest)
}

/** Calls as `userId`, expects `status` and `code`, and that nothing stored changed. */
async function refused(
  userId: string,
  method: Method,
  url: string,
  status: number,
  code: string,
  opts: CallOptions = {},
) {
  await as(userId)
  const before = await stored()
  const r = await call(userId, method, url, opts)
  expect({ call: `${userId} ${method} ${url}`, status: r.status, code: r.body.code }).toEqual({
    call: `${userId} ${method} ${url}`,
    status,
    code,
  })
  expect(await stored()).toBe(before)
  return r
}
/** Calls as `userId` and expects 200. */
async function ok(userId: string, method: Method, url: string, opts: CallOptions = {}) {
  const r = await call(userId, method, url, opts)
  expect({ call: `${userId} ${method} ${url}`, status: r.status, body: r.status === 200 ? 'ok' : r.body }).toEqual({
    call: `${userId} ${method} ${url}`,
    status: 200,
    body: 'ok',
  })
  return r.body
}

/** 李红 (u-li) asks to act for her mother 王秀英 (u-wang); returns the link id. */
async function askLink(proxy = 'u-li', principal = 'u-wang', name = '王秀英') {
  return (
    await ok(proxy, 'POST', '/api/family-links', {
      body: { principalName: name, principalIdNumber: idNumberOf(c, principal), relationship: '子女' },
    })
  ).id as string
}

beforeEach(async () => {
  c = await inProcess() // mock time: Monday 2026-03-02 10:00 Beijing
  for (const k of Object.keys(tokens)) delete tokens[k]
})
afterEach(() => c.close())

describe("a resident cannot read or act on another household's data", () => {
  it('care card: another elder\'s card, application and orders are "not found", and nothing changes', async () => {
    for (const stranger of ['u-xs1', 'u-li']) {
      // a neighbour in 西山, and someone from 总浦桥
      await refused(stranger, 'GET', '/api/care-card', 404, 'NO_CARD')
      expect(await ok(stranger, 'GET', '/api/care-card/applications')).toEqual([])
      expect((await ok(stranger, 'GET', '/api/care-card/orders')).items).toEqual([])
      await refused(stranger, 'GET', `/api/care-card/applications/${CARD.app}`, 404, 'NOT_FOUND')
      await refused(stranger, 'POST', `/api/care-card/applications/${CARD.app}/withdraw`, 404, 'NOT_FOUND')
      await refused(stranger, 'POST', `/api/care-card/applications/${CARD.app}/resubmit`, 404, 'NOT_FOUND', {
        body: { groups: [], proofs: [{ kind: 'household', photoId: await photoOf(ok, stranger) }] },
      })
      await refused(stranger, 'GET', `/api/care-card/orders/${CARD.booked}`, 404, 'NOT_FOUND')
      await refused(stranger, 'POST', `/api/care-card/orders/${CARD.booked}/cancel`, 404, 'NOT_FOUND')
      await refused(stranger, 'POST', `/api/care-card/orders/${CARD.delivered}/rate`, 404, 'NOT_FOUND', {
        body: { stars: 1 },
      })
      await refused(stranger, 'POST', `/api/care-card/orders/${CARD.delivered}/dispute`, 404, 'NOT_FOUND', {
        body: { reason: '饭菜是凉的，不满意' },
      })
    }
    // The holder does get through.
    expect((await ok(CARD.holder, 'GET', `/api/care-card/orders/${CARD.booked}`)).id).toBe(CARD.booked)
    expect((await ok(CARD.holder, 'GET', '/api/care-card')).holder.userId).toBe(CARD.holder)
  })

  it("youth palace: another family's children cannot be read, edited, deleted or signed up", async () => {
    await ok('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
    const child = 'ypk-chen-le'
    expect((await ok('u-zhang', 'GET', '/api/youth-palace/children')).map((k: { id: string }) => k.id)).not.toContain(
      child,
    )
    await refused('u-zhang', 'GET', `/api/youth-palace/children/${child}`, 404, 'NO_SUCH_CHILD')
    await refused('u-zhang', 'PATCH', `/api/youth-palace/children/${child}`, 404, 'NO_SUCH_CHILD', {
      body: { name: '张冒名' },
    })
    await refused('u-zhang', 'DELETE', `/api/youth-palace/children/${child}`, 404, 'NO_SUCH_CHILD')
    await refused('u-zhang', 'POST', '/api/youth-palace/applications', 404, 'NO_SUCH_CHILD', {
      body: { childId: child, courseId: 'ypc-pottery' },
    })
    expect((await ok('u-chen', 'GET', `/api/youth-palace/children/${child}`)).name).toBe('陈乐')
  })

  it("youth palace: another family's enrollment cannot be read, confirmed, declined, paid, cancelled or checked in", async () => {
    const e = 'ype-seed-wu-hr' // 吴刚's son, pottery
    const mine = await ok('u-zhang', 'GET', '/api/youth-palace/enrollments')
    expect(JSON.stringify(mine)).not.toContain(e)
    await refused('u-zhang', 'GET', `/api/youth-palace/enrollments/${e}`, 404, 'NO_SUCH_ENROLLMENT')
    for (const act of ['confirm', 'decline', 'cancel', 'pay'])
      await refused('u-zhang', 'POST', `/api/youth-palace/enrollments/${e}/${act}`, 404, 'NO_SUCH_ENROLLMENT')
    await refused('u-zhang', 'POST', `/api/youth-palace/enrollments/${e}/confirm-payment`, 404, 'NO_SUCH_ENROLLMENT', {
      body: { paymentId: 'pay-x' },
    })
    await refused('u-zhang', 'GET', `/api/youth-palace/enrollments/${e}/checkin-codes`, 404, 'NO_SUCH_ENROLLMENT')
    expect((await ok('u-wu', 'GET', `/api/youth-palace/enrollments/${e}`)).childName).toBe('吴浩然')
  })

  it("elevator: a petition of another unit cannot be seen or voted in; an owner cannot vote for a neighbour's flat", async () => {
    for (const url of ['', '/my-households', '/meter', '/cost-table', '/audit-log', '/objections']) {
      await refused('u-zhang', 'GET', `/api/elevator/petitions/${XS_PETITION}${url}`, 403, 'NOT_UNIT_OWNER')
    }
    await refused('u-zhang', 'POST', `/api/elevator/petitions/${XS_PETITION}/ballots`, 403, 'NOT_HOUSEHOLD_OWNER', {
      body: { householdId: 'r-xs-5-2-102', choice: 'agree', signature: { kind: 'typed-name', name: '张建国' } },
    })
    // 马建华 owns 101, not 102 (朱丽's).
    await refused('u-xs0', 'POST', `/api/elevator/petitions/${XS_PETITION}/ballots`, 403, 'NOT_HOUSEHOLD_OWNER', {
      body: { householdId: 'r-xs-5-2-102', choice: 'agree', signature: { kind: 'typed-name', name: '马建华' } },
    })
    expect(
      (await ok('u-xs1', 'GET', `/api/elevator/petitions/${XS_PETITION}/my-households`)).households.map(
        (h: { householdId: string }) => h.householdId,
      ),
    ).toEqual(['r-xs-5-2-102'])
  })

  it("one thing: another person's saved checklist cannot be read, changed or cleared", async () => {
    await ok('u-wang', 'PUT', '/api/one-thing/progress/retirement', {
      body: { answers: { q: 'a' }, ticked: ['id-card'] },
    })
    const before = JSON.stringify(await c.backend.inspect('one_thing_progress'))
    expect(await ok('u-zhang', 'GET', '/api/one-thing/progress')).toEqual([])
    expect(await ok('u-zhang', 'GET', '/api/one-thing/progress/retirement')).toMatchObject({ ticked: [], version: 0 })
    await ok('u-zhang', 'DELETE', '/api/one-thing/progress/retirement')
    expect(JSON.stringify(await c.backend.inspect('one_thing_progress'))).toBe(before)
    await refused('u-zhang', 'GET', '/api/one-thing/progress/retirement', 403, 'NOT_A_PROXY', { actingFor: 'u-wang' })
    expect(await ok('u-wang', 'GET', '/api/one-thing/progress/retirement')).toMatchObject({
      ticked: ['id-card'],
      version: 1,
    })
  })

  it("one thing: another person's window appointment cannot be seen, moved or cancelled", async () => {
    const a = await ok('u-wang', 'POST', '/api/one-thing/appointments', {
      body: { eventId: 'retirement', hallId: 'hall-zh-district', date: '2026-03-03', slot: '09:00' },
    })
    expect(JSON.stringify(await ok('u-zhang', 'GET', '/api/one-thing/appointments'))).not.toContain(a.id)
    await refused('u-zhang', 'PATCH', `/api/one-thing/appointments/${a.id}`, 404, 'NO_SUCH_APPOINTMENT', {
      body: { date: '2026-03-04', slot: '10:00' },
    })
    await refused('u-zhang', 'POST', `/api/one-thing/appointments/${a.id}/cancel`, 404, 'NO_SUCH_APPOINTMENT')
    expect((await ok('u-wang', 'POST', `/api/one-thing/appointments/${a.id}/cancel`)).status).toBe('cancelled')
  })

  it("messages: another person's messages are not listed and cannot be marked read", async () => {
    const hers = 'm-welcome-u-wang'
    expect((await ok('u-zhang', 'GET', '/api/messages?limit=50')).items.map((m: { id: string }) => m.id)).not.toContain(
      hers,
    )
    await refused('u-zhang', 'POST', `/api/messages/${hers}/read`, 404, 'NOT_FOUND')
    const readAt = async () => (await c.backend.inspect<{ readAt?: string }>('messages', { id: hers }))[0].readAt
    expect(await readAt()).toBeUndefined()
    expect((await ok('u-wang', 'POST', `/api/messages/${hers}/read`)).read ?? (await readAt())).toBeTruthy()
  })

  it('family links: a link between other people cannot be seen, confirmed, declined or revoked', async () => {
    const link = await askLink()
    expect(await ok('u-zhang', 'GET', '/api/family-links')).toEqual([])
    await refused('u-zhang', 'POST', `/api/family-links/${link}/confirm`, 403, 'FORBIDDEN')
    await refused('u-zhang', 'POST', `/api/family-links/${link}/decline`, 403, 'FORBIDDEN')
    await refused('u-zhang', 'POST', `/api/family-links/${link}/revoke`, 404, 'NOT_FOUND')
    expect((await ok('u-wang', 'GET', '/api/family-links')).map((l: { id: string }) => l.id)).toEqual([link])
  })
})

describe('a proxy acts only for the person who confirmed the link', () => {
  const principalName = async (proxy: string, principal: string) =>
    await call(proxy, 'GET', '/api/principal', { actingFor: principal })

  it('not before the principal confirms, and the proxy cannot confirm her own request', async () => {
    const link = await askLink()
    await refused('u-li', 'GET', '/api/principal', 403, 'NOT_A_PROXY', { actingFor: 'u-wang' })
    await refused('u-li', 'POST', `/api/family-links/${link}/confirm`, 403, 'FORBIDDEN')
    await ok('u-wang', 'POST', `/api/family-links/${link}/confirm`)
    expect(
      (await principalName('u-li', 'u-wang')).body.displayName ?? (await principalName('u-li', 'u-wang')).body.name,
    ).toBe('王秀英')
  })

  it('only for that person: not for anyone else, not by anyone else, not the other way round', async () => {
    await ok('u-wang', 'POST', `/api/family-links/${await askLink()}/confirm`)
    await refused('u-li', 'GET', '/api/principal', 403, 'NOT_A_PROXY', { actingFor: 'u-zhang' })
    await refused('u-chen', 'GET', '/api/principal', 403, 'NOT_A_PROXY', { actingFor: 'u-wang' })
    await refused('u-wang', 'GET', '/api/principal', 403, 'NOT_A_PROXY', { actingFor: 'u-li' })
    await refused('u-li', 'GET', '/api/care-card/eligibility', 403, 'NOT_A_PROXY', { actingFor: 'u-zhang' })
    expect((await principalName('u-li', 'u-wang')).status).toBe(200)
  })

  it("only on routes that allow a proxy: never the principal's identity, links, children or account", async () => {
    await ok('u-wang', 'POST', `/api/family-links/${await askLink()}/confirm`)
    const asProxy = { actingFor: 'u-wang' }
    await refused('u-li', 'DELETE', '/api/me', 403, 'FORBIDDEN', asProxy)
    await refused('u-li', 'POST', '/api/me/privacy', 403, 'FORBIDDEN', { ...asProxy, body: { accepted: true } })
    await refused('u-li', 'POST', '/api/me/rooms', 403, 'FORBIDDEN', {
      ...asProxy,
      body: { roomId: 'r-zpq-3-1-101', role: 'family' },
    })
    await refused('u-li', 'DELETE', '/api/me/rooms/r-zpq-3-1-202', 403, 'FORBIDDEN', asProxy)
    await refused('u-li', 'GET', '/api/me/export', 403, 'FORBIDDEN', asProxy)
    await refused('u-li', 'GET', '/api/messages', 403, 'FORBIDDEN', asProxy)
    await refused('u-li', 'GET', '/api/family-links', 403, 'FORBIDDEN', asProxy)
    await refused('u-li', 'POST', '/api/youth-palace/children', 403, 'FORBIDDEN', {
      ...asProxy,
      body: { name: '王小宝', birthDate: '2018-05-01' },
    })
    expect((await c.backend.inspect<{ deletedAt?: string }>('users', { id: 'u-wang' }))[0].deletedAt).toBeUndefined()
  })

  it('not after the principal revokes, nor after the proxy revokes', async () => {
    for (const revoker of ['u-wang', 'u-li']) {
      const link = await askLink()
      await ok('u-wang', 'POST', `/api/family-links/${link}/confirm`)
      expect((await principalName('u-li', 'u-wang')).status).toBe(200)
      await ok(revoker, 'POST', `/api/family-links/${link}/revoke`)
      await refused('u-li', 'GET', '/api/principal', 403, 'NOT_A_PROXY', { actingFor: 'u-wang' })
      await refused('u-li', 'GET', '/api/care-card/eligibility', 403, 'NOT_A_PROXY', { actingFor: 'u-wang' })
      await refused('u-li', 'PUT', '/api/one-thing/progress/retirement', 403, 'NOT_A_PROXY', {
        actingFor: 'u-wang',
        body: { answers: {}, ticked: [] },
      })
      await refused('u-li', 'POST', `/api/elevator/petitions/${XS_PETITION}/ballots`, 403, 'NOT_A_PROXY', {
        actingFor: 'u-wang',
        body: { householdId: 'r-zpq-3-1-202', choice: 'agree', signature: { kind: 'typed-name', name: '王秀英' } },
      })
    }
  })

  it('a worker confirms a signed authorisation only for residents of her own community', async () => {
    const link = await askLink()
    expect(await ok('u-sun', 'GET', '/api/worker/family-links')).toEqual([])
    await refused('u-sun', 'POST', `/api/worker/family-links/${link}/confirm`, 403, 'FORBIDDEN', {
      body: { authorizationPhotoId: await photoOf(ok, 'u-sun') },
    })
    expect((await ok('u-zhao', 'GET', '/api/worker/family-links')).map((l: { id: string }) => l.id)).toEqual([link])
    expect(
      (
        await ok('u-zhao', 'POST', `/api/worker/family-links/${link}/confirm`, {
          body: { authorizationPhotoId: await photoOf(ok, 'u-zhao') },
        })
      ).status,
    ).toBe('confirmed')
  })
})

describe('only owners of a unit vote in it, once per household', () => {
  /** 总浦桥 3幢1单元: 刘伟 (701) starts with 蒋玉兰 (702) and 周强 (602, also owns 501); both confirm. */
  async function zpqPetition(): Promise<string> {
    const p = await ok('u-liu', 'POST', '/api/elevator/petitions', {
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
    await ok('u-jiang', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
    await ok('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
    return p.id
  }
  const ballot = (householdId: string, name: string, choice = 'agree') => ({
    body: { householdId, choice, signature: { kind: 'typed-name', name } },
  })
  const meter = async (id: string, worker = 'u-zhao') => {
    const m = await ok(worker, 'GET', `/api/elevator/petitions/${id}/meter`)
    return {
      ballots: m.ballots,
      owners: m.tally.participatingOwners,
      area: m.tally.participatingArea,
      agree: m.tally.agreeOwners,
    }
  }

  it('a family member living in the flat, a worker and an unbound resident cannot vote; the owner can', async () => {
    const id = await zpqPetition()
    // 李红 lives with her mother and binds 202 as 家属 (family): the register's owner is 王秀英.
    await ok('u-li', 'POST', '/api/me/rooms', { body: { roomId: 'r-zpq-3-1-202', role: 'family' } })
    await refused('u-li', 'GET', `/api/elevator/petitions/${id}`, 403, 'NOT_UNIT_OWNER')
    await refused(
      'u-li',
      'POST',
      `/api/elevator/petitions/${id}/ballots`,
      403,
      'NOT_HOUSEHOLD_OWNER',
      ballot('r-zpq-3-1-202', '李红'),
    )
    await refused(
      'u-zhao',
      'POST',
      `/api/elevator/petitions/${id}/ballots`,
      403,
      'NOT_HOUSEHOLD_OWNER',
      ballot('r-zpq-3-1-202', '赵敏'),
    )
    await refused(
      'u-chen',
      'POST',
      `/api/elevator/petitions/${id}/ballots`,
      422,
      'REAL_NAME_REQUIRED',
      ballot('r-zpq-3-1-202', '陈晓东'),
    )
    expect(await meter(id)).toMatchObject({ ballots: 0, owners: 0 })
    await ok('u-wang', 'POST', `/api/elevator/petitions/${id}/ballots`, ballot('r-zpq-3-1-202', '王秀英'))
    expect(await meter(id)).toMatchObject({ ballots: 1, owners: 1, agree: 1 })
  })

  it('a second ballot for a household replaces the first: the meter counts one ballot and one owner', async () => {
    const before = await meter(XS_PETITION, 'u-sun') // seeded: 5 households voted, 101 (马建华) against
    expect(before).toMatchObject({ ballots: 5, owners: 5, agree: 4 })
    await ok('u-xs0', 'POST', `/api/elevator/petitions/${XS_PETITION}/ballots`, ballot('r-xs-5-2-101', '马建华'))
    expect(await meter(XS_PETITION, 'u-sun')).toEqual({ ...before, agree: 5 })
    await ok('u-xs0', 'POST', `/api/elevator/petitions/${XS_PETITION}/ballots`, ballot('r-xs-5-2-101', '马建华'))
    // A worker's paper ballot does not silently replace the owner's own vote: refused, naming it, unless asked to.
    const paper = {
      householdId: 'r-xs-5-2-101',
      choice: 'oppose',
      channel: 'paper',
      photoId: await photoOf(ok, 'u-sun'),
    }
    const refused = await c.call('POST', `/api/elevator/worker/petitions/${XS_PETITION}/paper-ballots`, {
      token: await as('u-sun'),
      body: paper,
    })
    expect(refused.status).toBe(409)
    expect(refused.body).toMatchObject({
      code: 'ALREADY_VOTED',
      message: expect.stringMatching(/^101 已于 \d+月\d+日 \d\d:\d\d 线上表决“同意”/),
    })
    expect(await meter(XS_PETITION, 'u-sun')).toEqual({ ...before, agree: 5 })
    await ok('u-sun', 'POST', `/api/elevator/worker/petitions/${XS_PETITION}/paper-ballots`, {
      body: { ...paper, replaceExisting: true },
    })
    expect(await meter(XS_PETITION, 'u-sun')).toEqual(before)
    // Workers see each household's current ballot in the cost table; owners do not (there).
    const forWorker = (await ok('u-sun', 'GET', `/api/elevator/petitions/${XS_PETITION}/cost-table`)).rows as {
      householdId: string
      ballot?: unknown
    }[]
    expect(forWorker.find((r) => r.householdId === 'r-xs-5-2-101')!.ballot).toMatchObject({
      channel: 'paper',
      choice: 'oppose',
    })
    expect(forWorker.find((r) => r.householdId === 'r-xs-5-2-502')!.ballot).toBeNull()
    const forOwner = (await ok('u-xs0', 'GET', `/api/elevator/petitions/${XS_PETITION}/cost-table`)).rows as {
      ballot?: unknown
    }[]
    expect(forOwner.every((r) => !('ballot' in r))).toBe(true)
    // The log keeps every act (append-only); only the latest per household counts.
    expect(
      await c.backend.inspect('elevator_log', { petitionId: XS_PETITION, householdId: 'r-xs-5-2-101' }),
    ).toHaveLength(4)
  })

  it('the owner and her proxy vote for one household once; an owner of two flats counts as one owner', async () => {
    const id = await zpqPetition()
    await ok('u-wang', 'POST', `/api/family-links/${await askLink()}/confirm`)
    await ok('u-wang', 'POST', `/api/elevator/petitions/${id}/ballots`, ballot('r-zpq-3-1-202', '王秀英', 'oppose'))
    await ok('u-li', 'POST', `/api/elevator/petitions/${id}/ballots`, {
      actingFor: 'u-wang',
      ...ballot('r-zpq-3-1-202', '王秀英'),
    })
    expect(await meter(id)).toMatchObject({ ballots: 1, owners: 1, agree: 1 })
    await ok('u-zhou', 'POST', `/api/elevator/petitions/${id}/ballots`, ballot('r-zpq-3-1-501', '周强'))
    await ok('u-zhou', 'POST', `/api/elevator/petitions/${id}/ballots`, ballot('r-zpq-3-1-602', '周强'))
    expect(await meter(id)).toMatchObject({ ballots: 3, owners: 2, agree: 2 })
  })

  it("a worker entering a paper ballot for one of an owner's two flats is told about both", async () => {
    const id = await zpqPetition()
    const rows = async () =>
      (await ok('u-zhao', 'GET', `/api/elevator/petitions/${id}/cost-table`)).rows as {
        householdId: string
        ownerRooms: string[]
      }[]
    const byId = (rs: { householdId: string; ownerRooms: string[] }[], h: string) =>
      rs.find((r) => r.householdId === h)!.ownerRooms
    const before = await rows()
    expect(byId(before, 'r-zpq-3-1-602')).toEqual(['501', '602'])
    expect(byId(before, 'r-zpq-3-1-501')).toEqual(['501', '602'])
    expect(byId(before, 'r-zpq-3-1-701')).toEqual(['701'])
    // Owners do not see it.
    const forOwner = (await ok('u-liu', 'GET', `/api/elevator/petitions/${id}/cost-table`)).rows as object[]
    expect(forOwner.every((r) => !('ownerRooms' in r))).toBe(true)
    await ok('u-zhou', 'POST', `/api/elevator/petitions/${id}/ballots`, ballot('r-zpq-3-1-501', '周强'))
    const refusedPaper = await c.call('POST', `/api/elevator/worker/petitions/${id}/paper-ballots`, {
      token: await as('u-zhao'),
      body: { householdId: 'r-zpq-3-1-602', choice: 'oppose', channel: 'paper', photoId: await photoOf(ok, 'u-zhao') },
    })
    expect(refusedPaper).toMatchObject({ status: 409, body: { code: 'ALREADY_VOTED' } })
    expect(refusedPaper.body.message).toMatch(/^501、602 已于 \d+月\d+日 \d\d:\d\d 线上表决“同意”/)
  })
})

describe('workers act only in their own community', () => {
  it('care card: 赵敏 (总浦桥) cannot see or act on 西山 applications, orders or tasks; 孙丽 (西山) can', async () => {
    expect(await ok('u-zhao', 'GET', '/api/worker/care-card/applications?status=all')).toEqual([])
    expect(await ok('u-zhao', 'GET', '/api/worker/care-card/orders?status=all')).toEqual([])
    await refused('u-zhao', 'GET', `/api/worker/care-card/applications/${CARD.app}`, 403, 'OTHER_COMMUNITY')
    await refused('u-zhao', 'POST', `/api/worker/care-card/applications/${CARD.app}/review`, 403, 'OTHER_COMMUNITY', {
      body: { stage: 'community', decision: 'reject', reason: '材料不全' },
    })
    await refused('u-zhao', 'POST', `/api/worker/care-card/orders/${CARD.booked}/deliver`, 403, 'OTHER_COMMUNITY')
    await refused(
      'u-zhao',
      'POST',
      `/api/worker/care-card/orders/${CARD.delivered}/dispute/resolve`,
      403,
      'OTHER_COMMUNITY',
      { body: { decision: 'upheld', reason: '核实属实' } },
    )
    expect(
      (await ok('u-sun', 'GET', '/api/worker/care-card/applications?status=all')).map((a: { id: string }) => a.id),
    ).toEqual([CARD.app])
    expect((await ok('u-sun', 'GET', `/api/worker/care-card/applications/${CARD.app}`)).id).toBe(CARD.app)
  })

  it("care card: a call-back task of 西山 cannot be completed by 总浦桥's worker", async () => {
    // A bad rating of a fresh delivery creates a call-back task in 西山.
    c.clock.set(Date.UTC(2026, 2, 3, 4, 0)) // 2026-03-03 12:00 Beijing, after tomorrow's 11:00 lunch
    await ok('u-sun', 'POST', `/api/worker/care-card/orders/${CARD.booked}/deliver`)
    await ok(CARD.holder, 'POST', `/api/care-card/orders/${CARD.booked}/rate`, {
      body: { stars: 1, comment: '送晚了' },
    })
    const [task] = await ok('u-sun', 'GET', '/api/worker/care-card/tasks')
    expect(await ok('u-zhao', 'GET', '/api/worker/care-card/tasks')).toEqual([])
    await refused('u-zhao', 'POST', `/api/worker/care-card/tasks/${task.id}/complete`, 403, 'OTHER_COMMUNITY', {
      body: { outcome: '已电话回访' },
    })
  })

  it("youth palace: 孙丽 (西山) cannot run 总浦桥's terms, courses, roster or attendance; 赵敏 can", async () => {
    const term = 'ypt-zpq-2026-spring'
    expect(await ok('u-sun', 'GET', '/api/worker/youth-palace/terms')).toEqual([])
    for (const act of ['open', 'close', 'draw'])
      await refused('u-sun', 'POST', `/api/worker/youth-palace/terms/${term}/${act}`, 403, 'OTHER_COMMUNITY')
    await refused('u-sun', 'POST', `/api/worker/youth-palace/terms/${term}/courses`, 403, 'OTHER_COMMUNITY', {
      body: {
        name: '围棋',
        category: '棋类',
        site: '社区活动室',
        teacher: '孙老师',
        ageMin: 6,
        ageMax: 12,
        capacity: 15,
        feeFen: 0,
        admission: 'firstCome',
        sessions: [{ weekday: 6, start: '09:00', end: '10:00' }],
      },
    })
    await refused('u-sun', 'GET', '/api/worker/youth-palace/courses/ypc-pottery/roster', 403, 'OTHER_COMMUNITY')
    await refused('u-sun', 'POST', '/api/worker/youth-palace/courses/ypc-pottery/attendance', 403, 'OTHER_COMMUNITY', {
      body: { sessionDate: '2026-03-28', absent: [] },
    })
    expect((await ok('u-zhao', 'GET', '/api/worker/youth-palace/terms')).map((t: { id: string }) => t.id)).toContain(
      term,
    )
    expect((await ok('u-zhao', 'GET', '/api/worker/youth-palace/courses/ypc-pottery/roster')).length).toBe(5)
  })

  it("elevator: 赵敏 (总浦桥) cannot see 西山's petition, enter paper ballots or objections, or mediate; 孙丽 can", async () => {
    expect(await ok('u-zhao', 'GET', '/api/elevator/worker/petitions')).toEqual([])
    await refused('u-zhao', 'GET', `/api/elevator/petitions/${XS_PETITION}`, 403, 'OTHER_COMMUNITY')
    await refused('u-zhao', 'GET', `/api/elevator/petitions/${XS_PETITION}/meter`, 403, 'OTHER_COMMUNITY')
    await refused(
      'u-zhao',
      'POST',
      `/api/elevator/worker/petitions/${XS_PETITION}/paper-ballots`,
      403,
      'OTHER_COMMUNITY',
      {
        body: { householdId: 'r-xs-5-2-102', choice: 'agree', channel: 'paper', photoId: await photoOf(ok, 'u-zhao') },
      },
    )
    await refused(
      'u-zhao',
      'POST',
      `/api/elevator/worker/petitions/${XS_PETITION}/paper-objections`,
      403,
      'OTHER_COMMUNITY',
      {
        body: {
          householdId: 'r-xs-5-2-102',
          text: '担心加装电梯后低层采光和通风受到影响',
          photoId: await photoOf(ok, 'u-zhao'),
        },
      },
    )
    await refused('u-zhao', 'POST', `/api/elevator/worker/petitions/${XS_PETITION}/mediation`, 403, 'OTHER_COMMUNITY', {
      body: { stage: 'mediation', note: '组织双方协商调解' },
    })
    expect((await ok('u-sun', 'GET', '/api/elevator/worker/petitions')).map((p: { id: string }) => p.id)).toEqual([
      XS_PETITION,
    ])
  })

  it('residents never get through a worker route', async () => {
    const workerRoutes = ROUTES.filter((r) => r.access === 'worker')
    expect(workerRoutes.length).toBeGreaterThan(15)
    for (const r of workerRoutes) {
      const url = r.path.replace(/:[a-zA-Z]+/g, (p) => ({ ':id': XS_PETITION })[p] ?? 'x')
      await refused('u-xs0', r.method, url, 403, 'FORBIDDEN', { body: {} })
    }
  })
})
