/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

// The seed's clock (T0) is 2026-03-02 10:00 Beijing: the spring term's window is 1–8 March, inclusive.
const TERM = 'ypt-zpq-2026-spring'
const YUE = 'ypk-chen-yue'
const at = (local: string) => Date.parse(`${local}:00+08:00`)

describe.each(TRANSPORTS)('youth palace: the registration phase follows the backend clock (%s)', (_name, make) => {
  let c: Client
  let chen: string
  let zhao: string
  const term = async (token: string, path = '/api/youth-palace/terms') =>
    (await c.call('GET', path, { token })).body.find((t: { id: string }) => t.id === TERM)
  const course = async (id: string) => (await c.call('GET', `/api/youth-palace/courses/${id}`, { token: chen })).body
  const listed = async (id: string) =>
    (await c.call('GET', `/api/youth-palace/terms/${TERM}/courses`, { token: chen })).body.find(
      (x: { id: string }) => x.id === id,
    )
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    zhao = await c.login('u-zhao')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it('within the window the term and its courses are open, with today by the backend clock', async () => {
    expect(await term(chen)).toMatchObject({
      status: 'open',
      phase: 'open',
      today: '2026-03-02',
      closesAt: '2026-03-08',
    })
    expect(await course('ypc-pottery')).toMatchObject({
      phase: 'open',
      closesAt: '2026-03-08',
      pendingCount: 5,
      draw: null,
    })
    c.clock.set(at('2026-03-08T23:59'))
    expect(await term(chen)).toMatchObject({ phase: 'open', today: '2026-03-08' })
  })

  it('an opened term is upcoming before its first day', async () => {
    c.clock.set(at('2026-02-28T12:00'))
    expect(await term(chen)).toMatchObject({ status: 'open', phase: 'upcoming', today: '2026-02-28' })
    expect((await listed('ypc-calligraphy')).phase).toBe('upcoming')
  })

  it('a non-resident in the residents-only days sees an open term starting later for them', async () => {
    const xs = await c.login('u-xs0')
    const t = await term(xs, '/api/youth-palace/terms?communityId=c-zpq')
    expect(t).toMatchObject({ phase: 'open', today: '2026-03-02', viewerOpensAt: '2026-03-04' })
  })

  it('after the closing date, before a worker closes the term: ended for parents, course list, course page and the worker list', async () => {
    c.clock.set(at('2026-03-09T00:00'))
    expect(await term(chen)).toMatchObject({ status: 'open', phase: 'ended', today: '2026-03-09' })
    expect(await term(zhao, '/api/worker/youth-palace/terms')).toMatchObject({
      status: 'open',
      phase: 'ended',
      courseCount: 13,
    })
    expect(await listed('ypc-pottery')).toMatchObject({
      phase: 'ended',
      closesAt: '2026-03-08',
      pendingCount: 5,
      draw: null,
    })
    expect(await course('ypc-calligraphy')).toMatchObject({ phase: 'ended', admission: 'firstCome', draw: null })
  })

  it('after the closing date nobody can apply or join a waitlist, and the refusal says so without inviting a waitlist', async () => {
    c.clock.set(at('2026-03-09T08:00'))
    const lottery = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-pottery' },
    })
    expect(lottery).toMatchObject({ status: 422, body: { code: 'REGISTRATION_CLOSED' } })
    expect(lottery.body.message).toBe(
      '2026年春季学期报名已于 2026年3月8日（周日） 截止，不再接受新的报名，也不能再加入候补。可以关注下学期的报名通知',
    )
    // The full first-come course refuses a waitlist join too: the window is checked before the seats.
    const waitlist = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: YUE, courseId: 'ypc-model-aircraft', joinWaitlist: true },
    })
    expect(waitlist).toMatchObject({ status: 422, body: { code: 'REGISTRATION_CLOSED' } })
    expect(await c.backend.inspect('yp_enrollments', { childId: YUE })).toEqual([])
  })

  it('after the draw a lottery course carries what the draw decided, not the pending count', async () => {
    c.clock.set(at('2026-03-09T09:00'))
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })).body).toMatchObject({
      status: 'closed',
      phase: 'closed',
    })
    expect((await listed('ypc-pottery')).phase).toBe('closed')
    const draw = await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: zhao })
    expect(draw.body.term).toMatchObject({ status: 'drawn', phase: 'drawn' })
    const pottery = await course('ypc-pottery')
    expect(pottery).toMatchObject({
      phase: 'drawn',
      pendingCount: 0,
      seatsLeft: 0,
      draw: { drawn: true, applicants: 5, admitted: 3, waitlisted: 2 },
    })
    // An under-subscribed lottery course: drawn without a draw; a first-come course: no draw at all.
    expect((await listed('ypc-go')).draw).toEqual({ drawn: false, applicants: 0, admitted: 0, waitlisted: 0 })
    expect((await listed('ypc-calligraphy')).draw).toBeNull()

    // The figures are the draw's: a later decline (and the promotion it causes) does not change them.
    const admitted = (await c.backend.inspect('yp_enrollments', { courseId: 'ypc-pottery', status: 'admitted' }))[0]
    const parent = await c.login(admitted.parentId)
    await c.call('POST', '/api/me/privacy', { token: parent, body: { accepted: true } })
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${admitted.id}/decline`, { token: parent })).body.status,
    ).toBe('declined')
    expect((await course('ypc-pottery')).draw).toEqual({ drawn: true, applicants: 5, admitted: 3, waitlisted: 2 })
  })
})
