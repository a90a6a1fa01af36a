/** @jest-environment node */
/**
 * Privacy (PIPL; domain.md §0: ID numbers are sensitive personal information):
 * - no response body carries an unmasked ID number — another person's or the caller's own — except the
 *   owner's own `GET /api/me/export`: every GET route, every persona (and a proxy acting for her
 *   mother), after a busy day that filled every feature; and every response of that day itself;
 * - no message text carries an ID number, even when someone types one into a free-text field;
 * - deleting an account erases the person's data from the backend (real name, ID number, phone,
 *   rooms, children, family links, messages, one-thing progress and appointments, kept responses,
 *   photos attached to them).
 * The WeChat side (URLs, logs, nothing stored before the privacy notice) is in tests/weapp/privacy.test.ts.
 */
import { Backend, FEATURES, ROUTES, seedRows, TABLES } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { IMAGE_PREFIX as IMG_PREFIX, InAppStore } from '@/backend/core/data/in-app-store'
import { SCHEMA_VERSION } from '@/backend/core/migrations'
import type { Method } from '@/backend/core/http'
import type { CareApplication, CareOrder } from '@/backend/features/care-card/model'
import { maskTypedIdNumbers, route } from '@/backend/core/router'
import { memoryStorage } from '@/backend/storage/memory'
import { parseResidentId } from '@/domain/shared/residentId'
import { ledgerOf } from './care-card/data'
import { T0, idNumberOf, inProcess, type CallOptions, type Client } from './client'
import { photoOf } from './photos'
import { busyDay as sharedBusyDay } from './journeys'

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
let idNumbers: string[] = []
const everyIdNumber = () => idNumbers

/** The ID numbers of anyone that `json` shows unmasked. */
function leaks(json: string): string[] {
  return [...new Set([...everyIdNumber().filter((id) => json.includes(id)), ...idNumbersIn(json)])]
}

/** The shared busy day (journeys.ts), then the care-card ids its sweep needs. */
async function busyDay(): Promise<void> {
  await sharedBusyDay(c, ok)
  await readCareIds()
}

/** Care-card ids for the sweep's paths, read once the busy day is done (`readCareIds`). */
let careIds = { applications: [] as string[], orders: [] as string[], services: [] as string[], images: [] as string[] }
async function readCareIds(): Promise<void> {
  const applications = await c.backend.inspect<CareApplication>('care_applications')
  careIds = {
    applications: applications.map((a) => a.id),
    orders: (await c.backend.inspect('care_orders')).map((o) => o.id),
    services: (await c.backend.inspect('care_services')).map((s) => s.id).slice(0, 3),
    images: applications.flatMap((a) => a.proofs.map((p) => p.imageId)),
  }
}

/** Values for a route's path parameter, by the path segment before it. */
async function candidates(segment: string, param: string): Promise<string[]> {
  const ids = async (table: string) => (await c.backend.inspect<{ id: string }>(table)).map((r) => r.id)
  const lists: Record<string, () => string[] | Promise<string[]>> = {
    applications: () => careIds.applications,
    orders: () => careIds.orders,
    services: () => careIds.services,
    images: () => careIds.images,
    children: () => ids('yp_children'),
    enrollments: () => ids('yp_enrollments'),
    courses: () => ids('yp_courses'),
    terms: () => ids('yp_terms'),
    petitions: () => ids('elevator_petitions'),
    progress: async () => [
      ...new Set((await c.backend.inspect<{ eventId: string }>('one_thing_progress')).map((p) => p.eventId)),
    ],
    halls: () => ids('one_thing_halls'),
    elders: () => ['u-wang', 'u-jiang'],
  }
  const list = lists[segment]
  if (!list) throw new Error(`privacy sweep: no candidates for :${param} after "${segment}" — add them`)
  return list()
}

/** Every concrete URL of a GET route (each path parameter filled with each candidate). */
async function urlsOf(path: string): Promise<string[]> {
  let urls = ['']
  const parts = path.split('/').filter(Boolean)
  for (const [i, part] of parts.entries()) {
    const values = part.startsWith(':') ? await candidates(parts[i - 1], part.slice(1)) : [part]
    urls = urls.flatMap((u) => values.map((v) => `${u}/${encodeURIComponent(v)}`))
  }
  return urls
}

beforeEach(async () => {
  c = await inProcess() // mock time: Monday 2026-03-02 10:00 Beijing
  idNumbers = (await c.backend.inspect<{ idNumber: string }>('population_register')).map((p) => p.idNumber)
  for (const k of Object.keys(tokens)) delete tokens[k]
  seen = []
})
afterEach(() => c.close())

describe('ID numbers never leave the backend unmasked', () => {
  it("no GET response of any route, for any persona or proxy, shows an ID number, but the owner's own export", async () => {
    await busyDay()
    const users = await c.backend.inspect<{ id: string; idNumber?: string }>('users')
    const personas = users.map((u) => u.id)
    const idNumberOfUser = new Map(users.map((u) => [u.id, u.idNumber]))
    const gets = ROUTES.filter((r) => r.method === 'GET')
    seen = []
    for (const userId of personas) {
      for (const r of gets) for (const url of await urlsOf(r.path)) await call(userId, 'GET', url)
    }
    for (const r of gets.filter((x) => x.allowProxy))
      for (const url of await urlsOf(r.path)) await call('u-li', 'GET', url, { actingFor: 'u-wang' })

    const found = seen.flatMap((s) =>
      leaks(s.json).map((id) => ({ what: s.what, id, own: id === idNumberOfUser.get(s.userId) })),
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
    const messages = await c.backend.inspect<{ userId: string; title: string; body: string; link?: string }>('messages')
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
      handler: (ctx) => ctx.notify(ctx.user.id, `号码 ${id}`, `身份证：${id}。`, `/pages/x?id=${id}`),
    })
    const store = new InAppStore(memoryStorage(), TABLES, { schemaVersion: SCHEMA_VERSION })
    store.load()
    const b = new Backend({
      store,
      tables: TABLES,
      features: FEATURES,
      routes: [...ROUTES, noisy],
      seed: seedRows,
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
    const m = (await b.inspect<{ title: string; body: string; link?: string }>('messages')).find((x) =>
      x.title.startsWith('号码'),
    )!
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
    await ok('u-zhao', 'POST', `/api/worker/family-links/${link}/confirm`, {
      body: { authorizationPhotoId: await photoOf(ok, 'u-zhao') },
    })
    await ok('u-chen', 'POST', '/api/me/rooms', { body: { roomId: 'r-zpq-3-1-301', role: 'tenant' } })
    const rows = <T = any>(table: string, where = {}) => c.backend.inspect<T>(table, where)
    const userOf = async () => (await rows('users', { id: 'u-chen' }))[0]
    expect(await rows('room_bindings', { userId: 'u-chen' })).toHaveLength(2)
    const idNumber = idNumberOf(c, 'u-chen')
    const phone = (await userOf()).phone as string
    const photos = [
      (await rows('family_links', { id: link }))[0].authorizationImageId,
      ...((await c.backend.inspect('yp_children', { parentId: 'u-chen' }))
        .map((k) => k.hardshipProofImageId)
        .filter(Boolean) as string[]),
    ]
    expect(photos).toHaveLength(2)
    const image = (id: string) => c.backend.store.transaction((t) => t.images.get(id))
    for (const id of photos) expect(await image(id)).not.toBeNull()
    const mine = async () => ({
      children: (await c.backend.inspect('yp_children', { parentId: 'u-chen' })).length,
      links:
        (await rows('family_links', { proxyId: 'u-chen' })).length +
        (await rows('family_links', { principalId: 'u-chen' })).length,
      messages: (await rows('messages', { userId: 'u-chen' })).length,
      progress: (await rows('one_thing_progress', { userId: 'u-chen' })).length,
      appointments: (await rows('one_thing_appointments', { userId: 'u-chen' })).length,
      keptResponses: (await rows('idempotency', { userId: 'u-chen' })).length,
      sessions: (await rows('login_sessions', { userId: 'u-chen' })).length,
    })
    expect(Object.values(await mine()).every((n) => n > 0)).toBe(true)

    await ok('u-chen', 'DELETE', '/api/me')

    expect(await mine()).toEqual({
      children: 0,
      links: 0,
      messages: 0,
      progress: 0,
      appointments: 0,
      keptResponses: 0,
      sessions: 0,
    })
    const user = await userOf()
    expect(user).toMatchObject({ nickname: '已注销用户', deletedAt: expect.any(String) })
    expect(await rows('room_bindings', { userId: 'u-chen' })).toEqual([])
    expect(user.realName).toBeUndefined()
    expect(user.idNumber).toBeUndefined()
    expect(user.phone).toBeUndefined()
    expect(user.privacyAcceptedAt).toBeUndefined()
    for (const id of photos) expect(await image(id)).toBeNull()
    expect(
      JSON.stringify([...(c.backend.store as InAppStore).storage.keys()].filter((k) => k.startsWith(IMG_PREFIX))),
    ).not.toContain(photos[0])
    // Outside the government registers the app reads from, the number and the phone are nowhere.
    const tables = TABLES.map((t) => t.name).filter((n) => n !== 'population_register' && n !== 'property_register')
    const everything = JSON.stringify(await Promise.all(tables.map((n) => rows(n))))
    expect(everything).not.toContain(idNumber)
    expect(everything).not.toContain(phone)
    expect(everything).not.toContain('陈小明')
    // The account cannot log in any more; what others rely on still works without the erased records.
    // His daughter's applications were withdrawn (no no-show recorded), so the pottery draw has the 5 others.
    expect((await c.call('POST', '/api/auth/mock-login', { body: { userId: 'u-chen' } })).status).toBe(404)
    const his = await c.backend.inspect('yp_enrollments', { parentId: 'u-chen' })
    expect(his.map((e) => [e.courseId, e.status, e.noShow ?? false]).sort()).toEqual([
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
    expect(JSON.stringify(await c.backend.inspect('yp_lotteries'))).not.toContain(idNumber)
  })

  it('seats and bookings the person held are released: a paid seat is refunded and goes to the waitlist; a booked lunch is cancelled and its hold released', async () => {
    // 陈悦 waits for 航模小班, whose 2 seats are paid for (郑丽华's daughter holds one).
    await ok('u-chen', 'POST', '/api/me/privacy', { body: { accepted: true } })
    const waiting = await ok('u-chen', 'POST', '/api/youth-palace/applications', {
      body: { childId: 'ypk-chen-yue', courseId: 'ypc-model-aircraft', joinWaitlist: true },
    })
    const [seat] = await c.backend.inspect('yp_enrollments', { courseId: 'ypc-model-aircraft', parentId: 'u-zheng' })
    expect((await c.backend.inspect('yp_payments', { id: seat.paymentId }))[0].status).toBe('paid')
    const zheng = await ok('u-zheng', 'DELETE', '/api/me')
    expect(zheng.released).toEqual(['《航模小班》的报名已取消，¥60.00 将原路退回微信支付'])
    expect((await c.backend.inspect('yp_enrollments', { id: seat.id }))[0]).toMatchObject({
      status: 'cancelled',
      noShow: false,
    })
    expect((await c.backend.inspect('yp_payments', { id: seat.paymentId }))[0].status).toBe('refunded')
    expect((await c.backend.inspect('yp_enrollments', { id: waiting.id }))[0].status).toBe('admitted')
    expect(
      (await c.backend.inspect<{ title: string }>('messages', { userId: 'u-chen' })).map((m) => m.title),
    ).toContain('候补到名额了')

    // 马建华 has tomorrow's lunch booked (held on his card).
    const seedOrder = async () => (await c.backend.inspect<CareOrder>('care_orders', { id: 'co-seed-2' }))[0]
    const order = await seedOrder()
    expect(order.status).toBe('booked')
    const ma = await ok('u-xs0', 'DELETE', '/api/me')
    expect(ma.released).toEqual([expect.stringMatching(/^\d+月\d+日 11:00 的.+预约已取消，冻结的 ¥\d+\.\d\d 已解冻$/)])
    expect((await seedOrder()).status).toBe('cancelled')
    const entries = (await ledgerOf(c.backend, order.cardId))
      .filter((e) => e.orderId === 'co-seed-2')
      .map((e) => e.kind)
    expect(entries).toEqual(['hold', 'release'])
  })
})
