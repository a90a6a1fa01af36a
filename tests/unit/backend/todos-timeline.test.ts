/** @jest-environment node */
/**
 * Home's to-do list per persona at a few mock times (`GET /api/me/todos`): after a morning in which
 * 陈晓东 is offered a youth-palace place, 王秀英 books a window appointment and saves two legal
 * deadlines, and (next day) 马建华's lunch is delivered, each persona's to-dos are the expected kinds in
 * order of urgency (earliest deadline first), and each leaves the list when its deadline has passed.
 */
import { TRANSPORTS, type Client } from './client'

const HALL = 'hall-zh-district'
const at = (local: string) => Date.parse(`${local}:00+08:00`)

/** Persona → the kinds of their to-dos in order (the id's prefix, with the legal deadline's date). */
const TIMELINE: [string, Record<string, string[]>][] = [
  [
    '2026-03-02T10:30',
    {
      'u-chen': ['yp-offer'],
      'u-wang': ['ot-appointment', 'ot-deadline 2026-03-10', 'ot-deadline 2026-03-31'],
      'u-xs0': [],
      'u-xs1': ['el-vote'],
      'u-zhang': [],
    },
  ],
  [
    '2026-03-03T12:30',
    {
      'u-chen': [],
      'u-wang': ['ot-deadline 2026-03-10', 'ot-deadline 2026-03-31'],
      'u-xs0': ['care-rate'],
      'u-xs1': ['el-vote'],
      'u-zhang': [],
    },
  ],
  [
    '2026-03-11T10:00',
    {
      'u-chen': [],
      'u-wang': ['ot-deadline 2026-03-10', 'ot-deadline 2026-03-31'],
      'u-xs0': [],
      'u-xs1': ['el-vote'],
      'u-zhang': [],
    },
  ],
  [
    '2026-03-13T10:00',
    {
      'u-chen': [],
      'u-wang': ['ot-deadline 2026-03-31'],
      'u-xs0': [],
      'u-xs1': [],
      'u-zhang': [],
    },
  ],
]

describe.each(TRANSPORTS)('to-dos per persona over time (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  beforeAll(async () => {
    c = await make()
  })
  afterAll(() => c.close())

  const kinds = async (userId: string) =>
    ((await c.call('GET', '/api/me/todos', { token: await as(userId) })).body as { id: string }[]).map((t) => {
      const [kind, ...rest] = t.id.split(':')
      return kind === 'ot-deadline' ? `${kind} ${rest[1]}` : kind
    })

  it('the morning: an offered place, an appointment and two legal deadlines', async () => {
    c.clock.set(at('2026-03-02T10:00'))
    const chen = await as('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const offer = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: 'ypk-chen-le', courseId: 'ypc-drawing' },
    })
    expect(offer.body).toMatchObject({ status: 'admitted', confirmBy: '2026-03-03T10:00:00+08:00' })
    const wang = await as('u-wang')
    await c.call('POST', '/api/me/privacy', { token: wang, body: { accepted: true } })
    const saved = await c.call('PUT', '/api/one-thing/progress/newborn', {
      token: wang,
      body: {
        answers: { birthDate: '2026-02-28', parents: 'married' },
        ticked: [],
        deadlines: [
          { label: '出生登记', dueDate: '2026-03-31' },
          { label: '医保参保', dueDate: '2026-03-10' },
        ],
      },
    })
    expect(saved.status).toBe(200)
    const booked = await c.call('POST', '/api/one-thing/appointments', {
      token: wang,
      body: { eventId: 'newborn', eventName: '出生一件事', hallId: HALL, date: '2026-03-03', slot: '09:00' },
    })
    expect(booked.status).toBe(200)
  })

  it.each(TIMELINE)('at %s each persona has the expected to-dos, most urgent first', async (time, expected) => {
    if (time === '2026-03-03T12:30') {
      // 马建华's lunch of 3 March is delivered at noon.
      c.clock.set(at('2026-03-03T12:00'))
      const [order] = await c.backend.inspect('care_orders', { holderId: 'u-xs0', status: 'booked' })
      const r = await c.call('POST', `/api/worker/care-card/orders/${order.id}/deliver`, { token: await as('u-sun') })
      expect(r.status).toBe(200)
    }
    c.clock.set(at(time))
    const got: Record<string, string[]> = {}
    for (const userId of Object.keys(expected)) got[userId] = await kinds(userId)
    expect(got).toEqual(expected)
  })
})
