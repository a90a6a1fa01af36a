/** @jest-environment node */
/**
 * Privacy (issue 10, PIPL; domain.md §0: ID numbers are sensitive personal information):
 * - no response body carries an unmasked ID number — another person's or the caller's own — except the
 *   owner's own `GET /api/me/export`: every GET route, every persona (and a proxy acting for her
 *   mother), after a busy day that filled every feature; and every response of that day itself;
 * - no message text carries an ID number, even when someone types one into a free-text field;
 * - deleting an account erases the person's data from the backend (real name, ID number, phone,
 *   rooms, children, family links, messages, one-thing progress and appointments, kept responses,
 *   photos attached to them).
 * The WeChat side (URLs, logs, nothing stored before the privacy notice) is in tests/weapp/privacy.test.ts.
 */
import { Backend, ROUTES } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { IMG_PREFIX } from '@/backend/core/db'
import type { Method } from '@/backend/core/http'
import { maskTypedIdNumbers, route } from '@/backend/core/router'
import { buildSeed } from '@/backend/seed'
import { memoryStorage } from '@/backend/storage/memory'
import { parseResidentId } from '@/domain/residentId'
import { T0, idNumberOf, inProcess, type CallOptions, type Client } from './client'

const PHOTO = 'aGVsbG8gd29ybGQ='
const TODAY = '2026-03-02'

/** Valid 18-character ID numbers (GB 11643-1999 check character and a real birth date) inside `text`. */
export function idNumbersIn(text: string): string[] {
  return (text.match(/\d{17}[\dXx]/g) ?? []).filter((id) => {
    try {
      parseResidentId(id, TODAY)
      return true
    } catch {
      return false
    }
  })
}

let c: Client
const tokens: Record<string, string> = {}
const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
/** Every response seen (where it came from, and its JSON), to scan afterwards. */
let seen: { what: string; userId: string; json: string }[] = []
const call = async (userId: string, method: Method, url: string, opts: CallOptions = {}) => {
  const r = await c.call(method, url, { token: await as(userId), ...opts })
  seen.push({
    what: `${userId}${opts.actingFor ? `→${opts.actingFor}` : ''} ${method} ${url} ${r.status}`,
    userId,
    json: JSON.stringify(r.body),
  })
  return r
}
const ok = async (userId: string, method: Method, url: string, opts: CallOptions = {}) => {
  const r = await call(userId, method, url, opts)
  expect({ step: `${userId} ${method} ${url}`, status: r.status, body: r.status === 200 ? 'ok' : r.body }).toEqual({
    step: `${userId} ${method} ${url}`,
    status: 200,
    body: 'ok',
  })
  return r.body
}
/** Every ID number of the seed's population register (all personas and every owner). */
const everyIdNumber = () => Object.keys(c.backend.db.data.populationRegister)

/** The ID numbers of anyone that `json` shows unmasked. */
function leaks(json: string): string[] {
  return [...new Set([...everyIdNumber().filter((id) => json.includes(id)), ...idNumbersIn(json)])]
}

/**
 * A busy day: a proxy link confirmed by the elder, a care-card application by the daughter reviewed
 * twice, a booking delivered and rated badly, a real-name binding, a child added and signed up, an
 * elevator petition opened and voted on (in the app, by proxy and on paper), one-thing progress with a
 * deadline reminder and a window appointment, a dispute whose reason holds a typed ID number.
 */
async function busyDay(): Promise<void> {
  const link = (
    await ok('u-li', 'POST', '/api/family-links', {
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
  ).id
  await ok('u-wang', 'POST', `/api/family-links/${link}/confirm`)
  const app = await ok('u-li', 'POST', '/api/care-card/applications', {
    actingFor: 'u-wang',
    body: { groups: [], proofs: [{ kind: 'household', photo: PHOTO }] },
  })
  await ok('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'community', decision: 'approve' },
  })
  await ok('u-zhao', 'POST', `/api/worker/care-card/applications/${app.id}/review`, {
    body: { stage: 'street', decision: 'approve' },
  })
  // 陈晓东 binds his real name (the one request that carries his ID number) and signs up his son.
  await ok('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
  await ok('u-chen', 'POST', '/api/me/real-name', {
    body: { name: '陈晓东', idNumber: idNumberOf(c, 'u-chen') },
    key: 'rn-1',
  })
  await ok('u-chen', 'POST', '/api/youth-palace/children', {
    body: { name: '陈小明', birthDate: '2017-09-01', hardship: true, hardshipProofPhoto: PHOTO },
  })
  await ok('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-calligraphy' },
  })
  await ok('u-chen', 'POST', '/api/youth-palace/applications', {
    body: { childId: 'ypk-chen-yue', courseId: 'ypc-pottery' },
  })
  // An elevator petition on 总浦桥 3幢1单元.
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
  await ok('u-li', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    actingFor: 'u-wang',
    body: { householdId: 'r-zpq-3-1-202', choice: 'agree', signature: { kind: 'typed-name', name: '王秀英' } },
  })
  await ok('u-zhou', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
    body: { householdId: 'r-zpq-3-1-501', choice: 'oppose', signature: { kind: 'handwritten', image: PHOTO } },
  })
  await ok('u-zhao', 'POST', `/api/elevator/worker/petitions/${p.id}/paper-ballots`, {
    body: { householdId: 'r-zpq-3-1-101', choice: 'agree', channel: 'door', photo: PHOTO },
  })
  // One thing: a checklist with a deadline reminder, and a window appointment, by the daughter for her mother.
  await ok('u-li', 'PUT', '/api/one-thing/progress/after-death', {
    actingFor: 'u-wang',
    body: { answers: {}, ticked: [], deadlines: [{ label: '死亡户口注销', dueDate: '2026-03-20' }] },
  })
  await ok('u-li', 'POST', '/api/one-thing/appointments', {
    actingFor: 'u-wang',
    body: { eventId: 'after-death', hallId: 'hall-zh-district', date: '2026-03-03', slot: '09:00' },
  })
  await ok('u-chen', 'POST', '/api/one-thing/appointments', {
    body: { eventId: 'newborn', hallId: 'hall-zh-district', date: '2026-03-03', slot: '10:00' },
  })
  // 西山: tomorrow's lunch delivered, rated 1 star, disputed with an ID number typed into the reason.
  c.clock.set(Date.UTC(2026, 2, 3, 4, 0)) // 2026-03-03 12:00 Beijing
  await ok('u-sun', 'POST', '/api/worker/care-card/orders/co-seed-2/deliver')
  await ok('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/rate', { body: { stars: 1, comment: '送晚了' } })
  await ok('u-xs0', 'POST', '/api/care-card/orders/co-seed-2/dispute', {
    body: { reason: `送餐晚了一小时，本人身份证 ${idNumberOf(c, 'u-xs0')}` },
  })
  await ok('u-chen', 'PUT', '/api/one-thing/progress/newborn', {
    body: {
      answers: {},
      ticked: [],
      deadlines: [{ label: `出生登记 ${idNumberOf(c, 'u-chen')}`, dueDate: '2026-03-30' }],
    },
  })
}

/** Values for a route's path parameter, by the path segment before it. */
function candidates(segment: string, param: string): string[] {
  const d = c.backend.db.data
  const lists: Record<string, () => string[]> = {
    applications: () => Object.keys(d.careApplications),
    orders: () => Object.keys(d.careOrders),
    services: () =>
      Object.values(d.careProviders)
        .flatMap((p) => p.services.map((s) => s.id))
        .slice(0, 3),
    images: () => Object.values(d.careApplications).flatMap((a) => a.proofs.map((p) => p.imageId)),
    children: () => Object.keys(d.ypChildren),
    enrollments: () => Object.keys(d.ypEnrollments),
    courses: () => Object.keys(d.ypCourses),
    terms: () => Object.keys(d.ypTerms),
    petitions: () => Object.keys(d.elevatorPetitions),
    progress: () => [...new Set(Object.values(d.oneThingProgress).map((p) => p.eventId))],
    halls: () => Object.keys(d.oneThingHalls),
  }
  const list = lists[segment]
  if (!list) throw new Error(`privacy sweep: no candidates for :${param} after "${segment}" — add them`)
  return list()
}

/** Every concrete URL of a GET route (each path parameter filled with each candidate). */
function urlsOf(path: string): string[] {
  let urls = ['']
  const parts = path.split('/').filter(Boolean)
  parts.forEach((part, i) => {
    const values = part.startsWith(':') ? candidates(parts[i - 1], part.slice(1)) : [part]
    urls = urls.flatMap((u) => values.map((v) => `${u}/${encodeURIComponent(v)}`))
  })
  return urls
}

beforeEach(async () => {
  c = await inProcess() // mock time: Monday 2026-03-02 10:00 Beijing
  for (const k of Object.keys(tokens)) delete tokens[k]
  seen = []
})
afterEach(() => c.close())

describe('ID numbers never leave the backend unmasked', () => {
  it("no GET response of any route, for any persona or proxy, shows an ID number, but the owner's own export", async () => {
    await busyDay()
    const personas = Object.keys(c.backend.db.data.users)
    const gets = ROUTES.filter((r) => r.method === 'GET')
    seen = []
    for (const userId of personas) {
      for (const r of gets) for (const url of urlsOf(r.path)) await call(userId, 'GET', url)
    }
    for (const r of gets.filter((x) => x.allowProxy))
      for (const url of urlsOf(r.path)) await call('u-li', 'GET', url, { actingFor: 'u-wang' })

    const found = seen.flatMap((s) =>
      leaks(s.json).map((id) => ({
        what: s.what,
        id,
        own: id === c.backend.db.data.users[s.userId].realName?.idNumber,
      })),
    )
    const allowed = (f: { what: string; own: boolean }) =>
      f.own && / GET \/api\/me\/export 200$/.test(f.what) && !f.what.includes('→')
    expect(found.filter((f) => !allowed(f))).toEqual([])
    // The export does carry the owner's own number (so the scan can see one when it is there).
    expect(found.filter(allowed).length).toBeGreaterThan(20)
    const answered = new Set(
      seen.filter((s) => / 200$/.test(s.what)).map((s) => s.what.split(' ')[2].split('/').slice(0, 4).join('/')),
    )
    console.log(
      `privacy sweep: ${seen.length} GET responses (${seen.filter((s) => / 200$/.test(s.what)).length} answered 200) over ${gets.length} GET routes, ${personas.length} personas and a proxy`,
    )
    expect(seen.length).toBeGreaterThan(3000)
    expect(answered.size).toBeGreaterThan(10)
  }, 120_000)

  it('no response of a busy day shows an ID number (the real-name binding answers with a masked one)', async () => {
    await busyDay()
    expect(seen.length).toBeGreaterThan(20)
    expect(seen.flatMap((s) => leaks(s.json).map((id) => `${s.what}: ${id}`))).toEqual([])
    const bound = seen.find((s) => s.what.includes('POST /api/me/real-name'))!
    expect(JSON.parse(bound.json).realName.idNumberMasked).toMatch(/^330\*{11}\d{3}[\dX]$/)
  })

  it('no message carries an ID number, even one typed into a dispute or a deadline label', async () => {
    await busyDay()
    const messages = Object.values(c.backend.db.data.messages)
    expect(messages.length).toBeGreaterThan(30)
    expect(
      messages
        .filter((m) => leaks(`${m.title} ${m.body} ${m.link ?? ''}`).length)
        .map((m) => `${m.userId}: ${m.title}: ${m.body}`),
    ).toEqual([])
    // The typed numbers arrive masked.
    expect(messages.some((m) => m.title === '服务异议待处理' && /身份证 330\*{11}\d{3}[\dX]/.test(m.body))).toBe(true)
  })

  it("a message built from any text is stored masked (the backend's notify masks, whatever a handler passes it)", async () => {
    const id = '330211194403150011'
    const noisy = route({
      method: 'POST',
      path: '/api/test/notify',
      access: 'user',
      handler: (ctx) => {
        ctx.notify(ctx.user.id, `号码 ${id}`, `身份证：${id}。`, `/pages/x?id=${id}`)
      },
    })
    const b = new Backend({
      storage: memoryStorage(),
      routes: [...ROUTES, noisy],
      seed: buildSeed,
      clock: fixedClock(T0),
    })
    const login = await b.handle({
      method: 'POST',
      url: '/api/auth/mock-login',
      headers: {},
      body: { userId: 'u-wang' },
    })
    expect(
      (
        await b.handle({
          method: 'POST',
          url: '/api/test/notify',
          headers: { authorization: `Bearer ${(login.body as { token: string }).token}` },
        })
      ).status,
    ).toBe(200)
    const m = Object.values(b.db.data.messages).find((x) => x.title.startsWith('号码'))!
    expect([m.title, m.body, m.link]).toEqual([
      '号码 330***********0011',
      '身份证：330***********0011。',
      '/pages/x?id=330***********0011',
    ])
  })

  it('free text keeps no typed ID number, but real-name binding and family links get theirs as typed', () => {
    const id = '330211194403150011'
    expect(
      maskTypedIdNumbers({
        reason: `我的身份证${id}，电话13805740101`,
        list: [`${id}`],
        nested: { note: `A ${id.toLowerCase().slice(0, 17)}x b` },
      }),
    ).toEqual({
      reason: '我的身份证330***********0011，电话13805740101',
      list: ['330***********0011'],
      nested: { note: 'A 330***********001X b' },
    })
    expect(maskTypedIdNumbers({ idNumber: id, principalIdNumber: id, name: '王秀英' })).toEqual({
      idNumber: id,
      principalIdNumber: id,
      name: '王秀英',
    })
    // Not inside longer runs (a base64 photo, an order number).
    expect(maskTypedIdNumbers({ photo: `ab${id}cd`, order: `${id}9` })).toEqual({ photo: `ab${id}cd`, order: `${id}9` })
  })
})

describe("deleting an account erases the person's data", () => {
  it('real name, ID number, phone, rooms, children, links, messages, progress, appointments, kept responses and photos are gone', async () => {
    await busyDay()
    // 陈晓东 also asks to act for 王秀英; 赵敏 confirms it with a photo of a signed authorisation.
    const link = (
      await ok('u-chen', 'POST', '/api/family-links', {
        body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '其他亲属' },
      })
    ).id
    await ok('u-zhao', 'POST', `/api/worker/family-links/${link}/confirm`, { body: { authorizationPhoto: PHOTO } })
    await ok('u-chen', 'POST', '/api/me/rooms', { body: { roomId: 'r-zpq-3-1-301', role: 'tenant' } })
    const d = () => c.backend.db.data
    expect(d().users['u-chen'].rooms).toHaveLength(1)
    const idNumber = idNumberOf(c, 'u-chen')
    const phone = d().users['u-chen'].phone!
    const photos = [
      d().familyLinks[link].authorizationImageId!,
      ...(Object.values(d().ypChildren)
        .filter((k) => k.parentId === 'u-chen')
        .map((k) => k.hardshipProofImageId)
        .filter(Boolean) as string[]),
    ]
    expect(photos).toHaveLength(2)
    for (const id of photos) expect(c.backend.db.storage.getItem(IMG_PREFIX + id)).not.toBeNull()
    const mine = () => ({
      children: Object.values(d().ypChildren).filter((k) => k.parentId === 'u-chen').length,
      links: Object.values(d().familyLinks).filter((l) => l.proxyId === 'u-chen' || l.principalId === 'u-chen').length,
      messages: Object.values(d().messages).filter((m) => m.userId === 'u-chen').length,
      progress: Object.values(d().oneThingProgress).filter((p) => p.userId === 'u-chen').length,
      appointments: Object.values(d().oneThingAppointments).filter((a) => a.userId === 'u-chen').length,
      keptResponses: Object.keys(d().idempotency).filter((k) => k.startsWith('u-chen:')).length,
      sessions: Object.values(d().sessions).filter((s) => s.userId === 'u-chen').length,
    })
    expect(Object.values(mine()).every((n) => n > 0)).toBe(true)

    await ok('u-chen', 'DELETE', '/api/me')

    expect(mine()).toEqual({
      children: 0,
      links: 0,
      messages: 0,
      progress: 0,
      appointments: 0,
      keptResponses: 0,
      sessions: 0,
    })
    const user = d().users['u-chen']
    expect(user).toMatchObject({ nickname: '已注销用户', rooms: [], deletedAt: expect.any(String) })
    expect(user.realName).toBeUndefined()
    expect(user.phone).toBeUndefined()
    expect(user.privacyAcceptedAt).toBeUndefined()
    for (const id of photos) expect(c.backend.db.storage.getItem(IMG_PREFIX + id)).toBeNull()
    // Outside the government registers the app reads from, the number and the phone are nowhere.
    const { populationRegister: _p, propertyRegister: _q, ...rest } = d()
    const everything = JSON.stringify(rest)
    expect(everything).not.toContain(idNumber)
    expect(everything).not.toContain(phone)
    expect(everything).not.toContain('陈小明')
    // The account cannot log in any more; what others rely on still works without the erased records.
    // His daughter's applications were withdrawn (no no-show recorded), so the pottery draw has the 5 others.
    expect((await c.call('POST', '/api/auth/mock-login', { body: { userId: 'u-chen' } })).status).toBe(404)
    const his = Object.values(d().ypEnrollments).filter((e) => e.parentId === 'u-chen')
    expect(his.map((e) => [e.courseId, e.status, e.noShow ?? false])).toEqual([
      ['ypc-calligraphy', 'cancelled', false],
      ['ypc-pottery', 'cancelled', false],
    ])
    c.clock.set(Date.UTC(2026, 2, 9, 2, 0)) // 2026-03-09 10:00 Beijing, after registration closed
    await ok('u-zhao', 'POST', '/api/worker/youth-palace/terms/ypt-zpq-2026-spring/close')
    await ok('u-zhao', 'POST', '/api/worker/youth-palace/terms/ypt-zpq-2026-spring/draw')
    const roster = (await ok('u-zhao', 'GET', '/api/worker/youth-palace/courses/ypc-pottery/roster')) as {
      childName: string
      status: string
    }[]
    expect(roster.map((r) => r.status).sort()).toEqual([
      'admitted',
      'admitted',
      'admitted',
      'cancelled',
      'waitlisted',
      'waitlisted',
    ])
    expect(roster.find((r) => r.status === 'cancelled')!.childName).toBe('（已注销）')
    expect(JSON.stringify(c.backend.db.data.ypLotteries)).not.toContain(idNumber)
  })

  it('seats and bookings the person held are released: a paid seat is refunded and goes to the waitlist; a booked lunch is cancelled and its hold released', async () => {
    const d = () => c.backend.db.data
    // 陈悦 waits for 航模小班, whose 2 seats are paid for (郑丽华's daughter holds one).
    await ok('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
    const waiting = await ok('u-chen', 'POST', '/api/youth-palace/applications', {
      body: { childId: 'ypk-chen-yue', courseId: 'ypc-model-aircraft', joinWaitlist: true },
    })
    const seat = Object.values(d().ypEnrollments).find(
      (e) => e.courseId === 'ypc-model-aircraft' && e.parentId === 'u-zheng',
    )!
    expect(d().ypPayments[seat.paymentId!].status).toBe('paid')
    const zheng = await ok('u-zheng', 'DELETE', '/api/me')
    expect(zheng.released).toEqual(['《航模小班》的报名已取消，¥60.00 将原路退回微信支付'])
    expect(d().ypEnrollments[seat.id]).toMatchObject({ status: 'cancelled', noShow: false })
    expect(d().ypPayments[seat.paymentId!].status).toBe('refunded')
    expect(d().ypEnrollments[waiting.id].status).toBe('admitted')
    expect(
      Object.values(d().messages)
        .filter((m) => m.userId === 'u-chen')
        .map((m) => m.title),
    ).toContain('候补到名额了')

    // 马建华 has tomorrow's lunch booked (held on his card).
    const order = d().careOrders['co-seed-2']
    expect(order.status).toBe('booked')
    const ma = await ok('u-xs0', 'DELETE', '/api/me')
    expect(ma.released).toEqual([expect.stringMatching(/^\d+月\d+日 11:00 的.+预约已取消，冻结的 ¥\d+\.\d\d 已解冻$/)])
    expect(d().careOrders['co-seed-2'].status).toBe('cancelled')
    const entries = d()
      .careLedgers[order.cardId].filter((e) => e.orderId === 'co-seed-2')
      .map((e) => e.kind)
    expect(entries).toEqual(['hold', 'release'])
  })
})
