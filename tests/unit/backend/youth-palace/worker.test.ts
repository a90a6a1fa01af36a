/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

// The seed's clock (T0) is 2026-03-02 10:00 Beijing: the spring term's window is 1–8 March inclusive,
// classes start on Saturday 28 March; 书法 (ypc-calligraphy) meets on Saturdays from 09:00, free, first come.
const TERM = 'ypt-zpq-2026-spring'
const at = (local: string) => Date.parse(`${local}:00+08:00`)
const ISO_DATE = /\d{4}-\d{2}-\d{2}/

describe.each(TRANSPORTS)('youth palace, worker side: closing, draw reminders, roll call (%s)', (_name, make) => {
  let c: Client
  let zhao: string
  beforeEach(async () => {
    c = await make()
    zhao = await c.login('u-zhao')
  })
  afterEach(() => c.close())

  const workerTerm = async () =>
    (await c.call('GET', '/api/worker/youth-palace/terms', { token: zhao })).body.find(
      (t: { id: string }) => t.id === TERM,
    )
  const messages = async (token = zhao) =>
    (await c.call('GET', '/api/messages', { token })).body.items as { title: string; body: string; read: boolean }[]
  const reminders = async (token = zhao) => (await messages(token)).filter((m) => /^青少年宫.*抽签/.test(m.title))

  it('关闭报名 is refused until the day after the window, saying so with dates in words', async () => {
    expect(await workerTerm()).toMatchObject({ closableFrom: '2026-03-09', drawDue: null, lotteryCourseCount: 3 })
    c.clock.set(at('2026-03-08T23:30'))
    const early = await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })
    expect(early).toMatchObject({ status: 422, body: { code: 'WINDOW_NOT_ENDED' } })
    expect(early.body.message).toContain('2026年3月8日（周日） 当天结束')
    expect(early.body.message).toContain('2026年3月9日（周一） 起才能关闭报名')
    expect(early.body.message).not.toMatch(ISO_DATE)
    expect(await reminders()).toEqual([])
    c.clock.set(at('2026-03-09T00:05'))
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })).body).toMatchObject({
      status: 'closed',
      phase: 'closed',
    })
  })

  it('once the window is over, and again once classes begin, the workers are told to draw; the draw settles it', async () => {
    c.clock.set(at('2026-03-09T08:00'))
    expect(await workerTerm()).toMatchObject({ phase: 'ended', drawDue: 'ended' })
    await workerTerm()
    expect(await reminders()).toEqual([
      expect.objectContaining({ title: '青少年宫待抽签', read: false, body: expect.stringContaining('2026年3月8日') }),
    ])
    // Another community's worker is not told.
    expect(await reminders(await c.login('u-sun'))).toEqual([])
    c.clock.set(at('2026-03-28T09:00'))
    const chen = await c.login('u-chen')
    await c.call('GET', '/api/youth-palace/terms', { token: chen }) // any request of the feature runs the rule
    expect((await reminders()).map((m) => m.title)).toEqual(['青少年宫已开课，还没有抽签', '青少年宫待抽签'])
    expect((await reminders())[0].body).toContain('2026年3月28日（周六） 开课')
    expect(await workerTerm()).toMatchObject({ drawDue: 'started' })
    await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, { token: zhao })
    expect(await workerTerm()).toMatchObject({ status: 'closed', drawDue: 'started' })
    expect((await c.call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, { token: zhao })).status).toBe(200)
    expect(await workerTerm()).toMatchObject({ status: 'drawn', drawDue: null })
    expect((await reminders()).map((m) => m.read)).toEqual([true, true])
    c.clock.advance(7 * 24 * 3600_000)
    await workerTerm()
    expect(await reminders()).toHaveLength(2)
  })

  describe('roll call', () => {
    let chen: string
    let liu: string
    let mine: string
    let theirs: string
    const take = (body: object, token = zhao) =>
      c.call('POST', '/api/worker/youth-palace/courses/ypc-calligraphy/attendance', {
        token,
        body: { sessionDate: '2026-03-28', ...body },
      })
    const noShows = async () => c.backend.inspect('yp_no_shows', { parentId: 'u-liu', reason: 'absent' })
    beforeEach(async () => {
      chen = await c.login('u-chen')
      liu = await c.login('u-liu')
      for (const t of [chen, liu]) await c.call('POST', '/api/me/privacy', { token: t, body: { accepted: true } })
      const apply = async (childId: string, token: string) =>
        (
          await c.call('POST', '/api/youth-palace/applications', {
            token,
            body: { childId, courseId: 'ypc-calligraphy' },
          })
        ).body.id as string
      mine = await apply('ypk-chen-yue', chen)
      theirs = await apply('ypk-liu-yn', liu)
      c.clock.set(at('2026-03-28T09:20'))
    })

    it('every child must be marked, present or absent, and only one of them', async () => {
      const unmarked = await take({ presentEnrollmentIds: [mine] })
      expect(unmarked).toMatchObject({ status: 422, body: { code: 'UNMARKED' } })
      expect(unmarked.body.message).toBe('还有 1 个孩子没有点名：刘一诺。请为每个孩子选「到了」或「没到」，再提交')
      expect((await take({})).body.message).toMatch(/^还有 2 个孩子没有点名：(陈悦、刘一诺|刘一诺、陈悦)。/)
      const both = await take({ presentEnrollmentIds: [mine, theirs], absentEnrollmentIds: [theirs] })
      expect(both).toMatchObject({ status: 422, body: { code: 'CONFLICTING_MARKS' } })
      expect(both.body.message).toBe('刘一诺同时点了「到了」和「没到」，请只选一个')
      expect((await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: ['nobody'] })).body.code).toBe(
        'NOT_ON_ROSTER',
      )
      expect(await c.backend.inspect('yp_attendance', { courseId: 'ypc-calligraphy' })).toEqual([])
      expect(await noShows()).toEqual([])
    })

    it('a mark is corrected the same day (the no-show follows it), and is final from the next day', async () => {
      const first = await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })
      expect(first.body).toMatchObject({ present: [mine], absent: [theirs], corrected: [] })
      expect(await noShows()).toHaveLength(1)
      const told = (await messages(liu)).filter((m) => m.title === '青少年宫课程未到课')
      expect(told).toEqual([expect.objectContaining({ read: false })])
      expect(told[0].body).toContain('2026年3月28日（周六）')
      expect(told[0].body).not.toMatch(ISO_DATE)

      c.clock.set(at('2026-03-28T21:00'))
      const fixed = await take({ presentEnrollmentIds: [mine, theirs] })
      expect(fixed.body).toMatchObject({ present: [mine, theirs], absent: [], corrected: [theirs] })
      expect(await noShows()).toEqual([])
      const after = await messages(liu)
      expect(after[0]).toMatchObject({ title: '青少年宫点名已更正', read: false })
      expect(after.find((m) => m.title === '青少年宫课程未到课')?.read).toBe(true)
      // Back and forth: one absence counts once.
      await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })
      await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })
      expect(await noShows()).toHaveLength(1)
      const roster = (await c.call('GET', '/api/worker/youth-palace/courses/ypc-calligraphy/roster', { token: zhao }))
        .body as { enrollmentId: string; attendance: object; markedOn: object }[]
      expect(roster.find((r) => r.enrollmentId === theirs)).toMatchObject({
        attendance: { '2026-03-28': 'absent' },
        markedOn: { '2026-03-28': '2026-03-28' },
      })

      c.clock.set(at('2026-03-29T00:01'))
      const late = await take({ presentEnrollmentIds: [mine, theirs] })
      expect(late).toMatchObject({ status: 409, body: { code: 'ATTENDANCE_FINAL' } })
      expect(late.body.message).toBe(
        '这节课已在 2026年3月28日（周六） 点名。点名只能在当天更正，现在结果已确定，不能再改',
      )
      expect(await noShows()).toHaveLength(1)
    })

    it('leave asked before the session keeps the child off the roll call and is never a no-show', async () => {
      c.clock.set(at('2026-03-28T08:30'))
      const leave = (date = '2026-03-28', token = liu, id = theirs) =>
        c.call('POST', `/api/youth-palace/enrollments/${id}/leave`, { token, body: { sessionDate: date } })
      expect((await leave('2026-03-28', chen)).status).toBe(404)
      expect((await leave('2026-03-27')).body.code).toBe('NOT_A_SESSION_DATE')
      expect((await leave()).body).toEqual({ enrollmentId: theirs, sessionDate: '2026-03-28' })
      expect((await leave()).body.code).toBe('ALREADY_ON_LEAVE')
      const codes = (await c.call('GET', `/api/youth-palace/enrollments/${theirs}/checkin-codes`, { token: liu })).body
      expect(codes.slice(0, 2)).toMatchObject([
        { sessionDate: '2026-03-28', onLeave: true, canLeave: false },
        { sessionDate: '2026-04-11', onLeave: false, canLeave: true }, // 4 April is 清明: no class
      ])
      c.clock.set(at('2026-03-28T09:20'))
      // After the session started: refused in words, the roll call decides.
      const late = await leave('2026-03-28', chen, mine)
      expect(late).toMatchObject({ status: 422, body: { code: 'SESSION_STARTED' } })
      expect(late.body.message).toBe(
        '这节课已在 2026年3月28日（周六） 09:00 开始，开课后不能再请假。孩子没来的话会记一次未到课；如有特殊情况，请联系老师。',
      )
      const roster = (await c.call('GET', '/api/worker/youth-palace/courses/ypc-calligraphy/roster', { token: zhao }))
        .body as { enrollmentId: string; leave: string[] }[]
      expect(roster.find((r) => r.enrollmentId === theirs)?.leave).toEqual(['2026-03-28'])
      expect(roster.find((r) => r.enrollmentId === mine)?.leave).toEqual([])
      const absent = await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })
      expect(absent).toMatchObject({ status: 422, body: { code: 'ON_LEAVE' } })
      expect(absent.body.message).toBe('刘一诺这节课已请假，不记未到课，不用点「没到」')
      const taken = await take({ presentEnrollmentIds: [mine] })
      expect(taken.body).toMatchObject({ present: [mine], absent: [], onLeave: [theirs] })
      expect(await noShows()).toEqual([])
      expect(await c.backend.inspect('yp_attendance', { enrollmentId: theirs })).toEqual([])
    })

    it('leave may be taken back (撤销请假) until the session starts; then the child is on the roll call again', async () => {
      c.clock.set(at('2026-03-28T08:00'))
      const post = (path: string, token = liu, id = theirs) =>
        c.call('POST', `/api/youth-palace/enrollments/${id}/${path}`, { token, body: { sessionDate: '2026-03-28' } })
      expect((await post('leave/undo')).body.code).toBe('NOT_ON_LEAVE')
      expect((await post('leave')).status).toBe(200)
      const first = async () =>
        (await c.call('GET', `/api/youth-palace/enrollments/${theirs}/checkin-codes`, { token: liu })).body[0]
      expect(await first()).toMatchObject({ onLeave: true, canLeave: false, canUndoLeave: true })
      expect((await post('leave/undo', chen)).status).toBe(404) // not her child
      expect((await post('leave/undo')).body).toEqual({ enrollmentId: theirs, sessionDate: '2026-03-28' })
      expect(await first()).toMatchObject({ onLeave: false, canLeave: true, canUndoLeave: false })
      expect(await c.backend.inspect('yp_leaves', { enrollmentId: theirs })).toEqual([])
      const roster = (await c.call('GET', '/api/worker/youth-palace/courses/ypc-calligraphy/roster', { token: zhao }))
        .body as { enrollmentId: string; leave: string[] }[]
      expect(roster.find((r) => r.enrollmentId === theirs)?.leave).toEqual([])
      expect((await post('leave')).status).toBe(200)
      c.clock.set(at('2026-03-28T09:01'))
      const late = await post('leave/undo')
      expect(late).toMatchObject({ status: 422, body: { code: 'SESSION_STARTED' } })
      expect(late.body.message).toBe('这节课已在 2026年3月28日（周六） 09:00 开始，请假不能再撤销')
      expect(await first()).toMatchObject({ onLeave: true, canUndoLeave: false })
    })

    it('a session cancelled by the palace before it starts is announced, has no roll call and no no-shows', async () => {
      c.clock.set(at('2026-03-28T07:00'))
      const cancel = (body: object, token = zhao) =>
        c.call('POST', '/api/worker/youth-palace/courses/ypc-calligraphy/cancel-session', { token, body })
      expect((await cancel({ sessionDate: '2026-03-28', reason: 'weather' }, liu)).status).toBe(403)
      expect((await cancel({ sessionDate: '2026-03-28', reason: 'hail' })).status).toBe(400)
      expect((await cancel({ sessionDate: '2026-03-28', reason: 'weather' })).body).toEqual({
        courseId: 'ypc-calligraphy',
        sessionDate: '2026-03-28',
        reason: 'weather',
        told: 2,
      })
      expect((await cancel({ sessionDate: '2026-03-28', reason: 'teacher' })).body.code).toBe('ALREADY_CANCELLED')
      const told = (await messages(liu)).find((m) => m.title === '青少年宫停课通知')
      expect(told?.body).toBe(
        '刘一诺的《书法》2026年3月28日（周六） 09:00 的课因天气原因停课，不用到场，不记未到课。补课时间由社区另行通知。',
      )
      const leave = await c.call('POST', `/api/youth-palace/enrollments/${theirs}/leave`, {
        token: liu,
        body: { sessionDate: '2026-03-28' },
      })
      expect(leave.body.code).toBe('SESSION_CANCELLED')
      const codes = (await c.call('GET', `/api/youth-palace/enrollments/${theirs}/checkin-codes`, { token: liu })).body
      expect(codes[0]).toMatchObject({ sessionDate: '2026-03-28', cancelled: true, canLeave: false })
      c.clock.set(at('2026-03-28T09:20'))
      expect((await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })).body.code).toBe(
        'SESSION_CANCELLED',
      )
      expect(await noShows()).toEqual([])
      expect((await cancel({ sessionDate: '2026-04-04', reason: 'teacher' })).body.code).toBe('NOT_A_SESSION_DATE') // 清明
      expect((await cancel({ sessionDate: '2026-04-11', reason: 'teacher' })).body.told).toBe(2)
      c.clock.set(at('2026-04-18T09:01'))
      expect((await cancel({ sessionDate: '2026-04-18', reason: 'teacher' })).body.code).toBe('SESSION_STARTED')
    })

    it('a roll call taken a day late may be corrected that day', async () => {
      c.clock.set(at('2026-03-29T10:00'))
      await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })
      expect((await take({ presentEnrollmentIds: [mine, theirs] })).body.corrected).toEqual([theirs])
      c.clock.set(at('2026-03-30T10:00'))
      expect((await take({ presentEnrollmentIds: [mine], absentEnrollmentIds: [theirs] })).body.code).toBe(
        'ATTENDANCE_FINAL',
      )
      expect(await noShows()).toEqual([])
    })
  })
})
