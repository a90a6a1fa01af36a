/** @jest-environment node */
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { memoryStorage } from '@/backend/storage/memory'
import { T0, TRANSPORTS, idNumberOf, type Client } from '../client'

const URL = '/api/one-thing/progress/newborn'
const birth = { label: '出生登记', dueDate: '2026-03-31', source: '户口登记条例第七条' }
const saved = {
  answers: { birthDate: '2026-02-28', parents: 'married' },
  ticked: ['birth-certificate'],
  deadlines: [birth],
}

describe.each(TRANSPORTS)('one thing: saved progress (%s)', (_name, make) => {
  let c: Client
  let wang: string
  let li: string
  beforeEach(async () => {
    c = await make()
    wang = await c.login('u-wang')
    li = await c.login('u-li')
  })
  afterEach(() => c.close())

  const inbox = async (token: string, title = '办理期限提醒') =>
    ((await c.call('GET', '/api/messages?limit=50', { token })).body.items as { title: string; body: string }[])
      .filter((m) => m.title === title)
      .map((m) => m.body)

  it('an event never saved reads as empty progress, version 0', async () => {
    const r = await c.call('GET', URL, { token: wang })
    expect(r.status).toBe(200)
    expect(r.body).toEqual({
      eventId: 'newborn',
      answers: {},
      ticked: [],
      deadlines: [],
      version: 0,
      updatedAt: null,
      updatedByProxy: false,
    })
    expect((await c.call('GET', '/api/one-thing/progress', { token: wang })).body).toEqual([])
  })

  it('saves answers, ticked items and deadlines; reads them back; lists the event', async () => {
    const put = await c.call('PUT', URL, { token: wang, body: saved })
    expect(put.status).toBe(200)
    expect(put.body).toMatchObject({
      eventId: 'newborn',
      answers: saved.answers,
      ticked: ['birth-certificate'],
      version: 1,
      updatedAt: '2026-03-02T10:00:00+08:00',
    })
    expect(put.body.deadlines).toEqual([{ ...birth, remindedAt: '2026-03-02T10:00:00+08:00' }])
    expect((await c.call('GET', URL, { token: wang })).body).toEqual(put.body)
    const list = await c.call('GET', '/api/one-thing/progress', { token: wang })
    expect(list.body).toEqual([
      {
        eventId: 'newborn',
        answeredCount: 2,
        tickedCount: 1,
        nextDueDate: '2026-03-31',
        updatedAt: '2026-03-02T10:00:00+08:00',
      },
    ])
  })

  it('another user sees none of it: their own empty progress and an empty list', async () => {
    await c.call('PUT', URL, { token: wang, body: saved })
    expect((await c.call('GET', URL, { token: li })).body).toMatchObject({ version: 0, answers: {}, ticked: [] })
    expect((await c.call('GET', '/api/one-thing/progress', { token: li })).body).toEqual([])
    await c.call('PUT', URL, { token: li, body: { answers: {}, ticked: ['x'] } })
    expect((await c.call('GET', URL, { token: wang })).body.ticked).toEqual(['birth-certificate'])
  })

  it("sends one reminder per deadline, with the client's label; a new due date sends a new one", async () => {
    await c.call('PUT', URL, { token: wang, body: saved })
    expect(await inbox(wang)).toEqual(['出生登记请在 2026年3月31日 前办理（户口登记条例第七条）'])
    await c.call('PUT', URL, { token: wang, body: { ...saved, ticked: ['birth-certificate', 'vaccination'] } })
    expect(await inbox(wang)).toHaveLength(1)
    const moved = await c.call('PUT', URL, {
      token: wang,
      body: {
        ...saved,
        answers: { birthDate: '2026-03-01' },
        deadlines: [{ label: '出生登记', dueDate: '2026-04-01' }],
      },
    })
    expect(moved.body.deadlines).toEqual([
      { label: '出生登记', dueDate: '2026-04-01', remindedAt: '2026-03-02T10:00:00+08:00' },
    ])
    expect(await inbox(wang)).toContain('出生登记请在 2026年4月1日 前办理')
    await c.call('PUT', URL, { token: wang, body: saved })
    expect(await inbox(wang)).toHaveLength(2)
    expect(await inbox(li)).toEqual([])
  })

  it('an overdue deadline gets an overdue notice; duplicates in one save count once', async () => {
    const late = { label: '死亡户口注销', dueDate: '2026-02-20' }
    const r = await c.call('PUT', '/api/one-thing/progress/after-death', {
      token: wang,
      body: { answers: {}, ticked: [], deadlines: [late, late] },
    })
    expect(r.body.deadlines).toHaveLength(1)
    expect(await inbox(wang)).toEqual(['死亡户口注销的办理期限 2026年2月20日 已过，请尽快办理'])
  })

  it('refuses a stale save from another device (409) and accepts the current version', async () => {
    await c.call('PUT', URL, { token: wang, body: { ...saved, baseVersion: 0 } })
    const stale = await c.call('PUT', URL, { token: wang, body: { ...saved, ticked: [], baseVersion: 0 } })
    expect(stale.status).toBe(409)
    expect(stale.body.code).toBe('PROGRESS_CHANGED')
    expect(
      (await c.call('PUT', URL, { token: wang, body: { ...saved, ticked: [], baseVersion: 1 } })).body.version,
    ).toBe(2)
  })

  it('replays a save with the same idempotency key instead of saving twice', async () => {
    const a = await c.call('PUT', URL, { token: wang, body: saved, key: 'k1' })
    const b = await c.call('PUT', URL, { token: wang, body: saved, key: 'k1' })
    expect(b.body).toEqual(a.body)
    expect((await c.call('GET', URL, { token: wang })).body.version).toBe(1)
  })

  it('clears progress with DELETE', async () => {
    await c.call('PUT', URL, { token: wang, body: saved })
    expect((await c.call('DELETE', URL, { token: wang })).body.version).toBe(0)
    expect((await c.call('GET', URL, { token: wang })).body.answers).toEqual({})
    expect((await c.call('GET', '/api/one-thing/progress', { token: wang })).body).toEqual([])
  })

  it.each([
    ['a malformed event id', 'GET', '/api/one-thing/progress/bad%20id!', undefined, 'INVALID_ID'],
    ['a prototype key as event id', 'PUT', '/api/one-thing/progress/__proto__', saved, 'INVALID_ID'],
    ['an overlong event id', 'GET', `/api/one-thing/progress/${'a'.repeat(49)}`, undefined, 'INVALID_ID'],
    ['an unsafe question id', 'PUT', URL, { answers: { 'a b': 'yes' }, ticked: [] }, 'INVALID_INPUT'],
    ['an unsafe answer', 'PUT', URL, { answers: { parents: '<script>' }, ticked: [] }, 'INVALID_INPUT'],
    [
      '31 answers',
      'PUT',
      URL,
      { answers: Object.fromEntries(Array.from({ length: 31 }, (_, i) => [`q${i}`, 'yes'])), ticked: [] },
      'INVALID_INPUT',
    ],
    [
      '61 ticked items',
      'PUT',
      URL,
      { answers: {}, ticked: Array.from({ length: 61 }, (_, i) => `i${i}`) },
      'INVALID_INPUT',
    ],
    ['an unsafe item id', 'PUT', URL, { answers: {}, ticked: ['../x'] }, 'INVALID_INPUT'],
    [
      '6 deadlines',
      'PUT',
      URL,
      {
        answers: {},
        ticked: [],
        deadlines: Array.from({ length: 6 }, (_, i) => ({ label: `期限${i}`, dueDate: '2026-04-01' })),
      },
      'INVALID_INPUT',
    ],
    [
      'an impossible due date',
      'PUT',
      URL,
      { answers: {}, ticked: [], deadlines: [{ label: '出生登记', dueDate: '2026-02-30' }] },
      'INVALID_INPUT',
    ],
    [
      'a label with a line break',
      'PUT',
      URL,
      { answers: {}, ticked: [], deadlines: [{ label: '出生\n登记', dueDate: '2026-04-01' }] },
      'INVALID_INPUT',
    ],
    ['a missing ticked list', 'PUT', URL, { answers: {} }, 'INVALID_INPUT'],
  ])('400 for %s', async (_what, method, url, body, code) => {
    const r = await c.call(method as 'GET' | 'PUT', url as string, { token: wang, body })
    expect(r.status).toBe(400)
    expect(r.body.code).toBe(code)
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('refuses a birth date after today (422 with a message for the field) and saves nothing', async () => {
    const r = await c.call('PUT', URL, {
      token: wang,
      body: { answers: { birthDate: '2027-11-30', parents: 'married' }, ticked: [] },
    })
    expect(r.status).toBe(422)
    expect(r.body.code).toBe('DATE_IN_FUTURE')
    expect(r.body.fields).toEqual({ 'answers.birthDate': '宝宝的出生日期不能晚于今天（2026年3月2日），请重新选择。' })
    expect((await c.call('GET', URL, { token: wang })).body.version).toBe(0)
    // Today itself (the backend's mock clock) is fine, as is a start date of work ahead (not a birth or death).
    expect(
      (await c.call('PUT', URL, { token: wang, body: { answers: { birthDate: '2026-03-02' }, ticked: [] } })).status,
    ).toBe(200)
    expect(
      (
        await c.call('PUT', '/api/one-thing/progress/employment', {
          token: wang,
          body: { answers: { startDate: '2026-04-01' }, ticked: [] },
        })
      ).status,
    ).toBe(200)
  })

  it.each([
    ['retirement', 'birthDate', '2026-04-01', '出生年月'],
    ['after-death', 'deathDate', '2026-03-03', '去世日期'],
  ])('refuses a %s %s of %s (422)', async (eventId, questionId, date, label) => {
    const r = await c.call('PUT', `/api/one-thing/progress/${eventId}`, {
      token: wang,
      body: { answers: { [questionId]: date }, ticked: [] },
    })
    expect(r.status).toBe(422)
    expect(r.body.fields[`answers.${questionId}`]).toContain(`${label}不能晚于今天`)
  })

  it('needs a login (401) and accepted privacy to save (403)', async () => {
    expect((await c.call('GET', URL)).status).toBe(401)
    const chen = await c.login('u-chen')
    const r = await c.call('PUT', URL, { token: chen, body: saved })
    expect(r.status).toBe(403)
    expect(r.body.code).toBe('PRIVACY_NOT_ACCEPTED')
  })

  it('keeps at most 30 events per user (422 for the 31st)', async () => {
    for (let i = 0; i < 30; i++)
      expect(
        (await c.call('PUT', `/api/one-thing/progress/e${i}`, { token: wang, body: { answers: {}, ticked: [] } }))
          .status,
      ).toBe(200)
    const r = await c.call('PUT', '/api/one-thing/progress/e30', { token: wang, body: { answers: {}, ticked: [] } })
    expect(r.status).toBe(422)
    expect(r.body.code).toBe('TOO_MANY_EVENTS')
    expect(
      (await c.call('PUT', '/api/one-thing/progress/e0', { token: wang, body: { answers: {}, ticked: ['done'] } }))
        .status,
    ).toBe(200)
  })

  it('a confirmed family proxy saves for the principal; both get the reminder; others get 403', async () => {
    expect((await c.call('GET', URL, { token: li, actingFor: 'u-wang' })).body.code).toBe('NOT_A_PROXY')
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })
    const r = await c.call('PUT', '/api/one-thing/progress/retirement', {
      token: li,
      actingFor: 'u-wang',
      body: { ...saved, deadlines: [birth] },
    })
    expect(r.body).toMatchObject({ updatedByProxy: true, version: 1 })
    expect((await c.call('GET', '/api/one-thing/progress/retirement', { token: wang })).body.ticked).toEqual([
      'birth-certificate',
    ])
    expect((await c.call('GET', '/api/one-thing/progress/retirement', { token: li })).body.version).toBe(0)
    expect(await inbox(wang)).toHaveLength(1)
    expect((await inbox(li))[0]).toContain('（您为王秀英代办）出生登记请在')
  })
})

describe('one thing: progress survives a restart', () => {
  it('a new backend over the same storage reads the saved progress and does not remind again', async () => {
    const storage = memoryStorage()
    const call = (
      b: ReturnType<typeof createBackend>,
      method: 'GET' | 'PUT',
      url: string,
      token?: string,
      body?: unknown,
    ) => b.handle({ method, url, headers: token ? { authorization: `Bearer ${token}` } : {}, body })
    const a = createBackend({ storage, clock: fixedClock(T0) })
    const token = (
      (await a.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId: 'u-wang' } }))
        .body as { token: string }
    ).token
    expect((await call(a, 'PUT', URL, token, saved)).status).toBe(200)
    expect(storage.data.has('mc:t:one_thing_progress')).toBe(true)

    const b = createBackend({ storage, clock: fixedClock(T0 + 86_400_000) })
    const r = await call(b, 'GET', URL, token)
    expect(r.body).toMatchObject({ answers: saved.answers, ticked: saved.ticked, version: 1 })
    await call(b, 'PUT', URL, token, saved)
    const reminders = await b.inspect('messages', { userId: 'u-wang', title: '办理期限提醒' })
    expect(reminders).toHaveLength(1)
  })
})
