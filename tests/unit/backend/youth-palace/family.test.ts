/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'
import { uploadedPhoto } from '../photos'

const LE = 'ypk-chen-le'
const YUE = 'ypk-chen-yue'
const TERM = 'ypt-zpq-2026-spring'
const at = (local: string) => Date.parse(`${local}:00+08:00`)

describe.each(TRANSPORTS)('youth palace: children, catalogue and applying (%s)', (_name, make) => {
  let c: Client
  let chen: string
  const apply = (childId: string, courseId: string, token = chen, extra: Record<string, unknown> = {}) =>
    c.call('POST', '/api/youth-palace/applications', { token, body: { childId, courseId, ...extra } })
  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
  })
  afterEach(() => c.close())

  it('children need the privacy notice; then the parent sees 陈乐 (5) and 陈悦 (9)', async () => {
    expect((await c.call('GET', '/api/youth-palace/children', { token: chen })).body.code).toBe('PRIVACY_NOT_ACCEPTED')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const list = await c.call('GET', '/api/youth-palace/children', { token: chen })
    expect(list.body.map((k: { name: string }) => k.name)).toEqual(['陈悦', '陈乐'])
    const terms = await c.call('GET', '/api/youth-palace/terms', { token: chen })
    const spring = terms.body.find((t: { id: string }) => t.id === TERM)
    expect(spring).toMatchObject({
      status: 'open',
      opensAt: '2026-03-01',
      closesAt: '2026-03-08',
      startDate: '2026-03-28',
      resident: true,
      priority: true,
    })
    const courses = await c.call('GET', `/api/youth-palace/terms/${TERM}/courses?childId=${LE}`, { token: chen })
    expect(courses.body.length).toBeGreaterThan(2)
    expect(courses.body.every((x: { childFits: boolean }) => x.childFits)).toBe(true)
    expect(courses.body.map((x: { name: string }) => x.name)).not.toContain('书法')
    const yue = await c.call('GET', `/api/youth-palace/terms/${TERM}/courses?childId=${YUE}`, { token: chen })
    expect(yue.body.map((x: { name: string }) => x.name)).toEqual(expect.arrayContaining(['书法', '陶艺小班']))
  })

  it('books for both children; the clash and the 2-course cap are refused with clear messages and change nothing', async () => {
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const drawing = await apply(LE, 'ypc-drawing')
    expect(drawing.body).toMatchObject({ status: 'admitted', feeDueFen: 8000, confirmBy: '2026-03-03T10:00:00+08:00' })
    const clash = await apply(LE, 'ypc-latin')
    expect(clash).toMatchObject({ status: 422, body: { code: 'SCHEDULE_CLASH' } })
    expect(clash.body.message).toBe(
      '《拉丁舞》（周六 10:00–11:30）与已报名的《创意绘画》（周六 09:00–10:30）时间冲突。请选择其他时段的课程',
    )
    expect((await apply(LE, 'ypc-chinese-dance')).body.status).toBe('confirmed')
    const before = (await c.backend.inspect('yp_enrollments')).length
    const cap = await apply(LE, 'ypc-rope')
    expect(cap).toMatchObject({ status: 422, body: { code: 'TOO_MANY_COURSES' } })
    expect(cap.body.message).toContain('每个孩子每学期最多报 2 门课，已报《创意绘画》《中国舞》')
    expect((await c.backend.inspect('yp_enrollments')).length).toBe(before)
    expect((await apply(LE, 'ypc-calligraphy')).body.code).toBe('AGE_OUT_OF_BAND')
    expect((await apply(LE, 'ypc-drawing')).body.code).toBe('ALREADY_APPLIED')
    expect((await apply(YUE, 'ypc-pottery')).body.status).toBe('pending')
    const yueClash = await apply(YUE, 'ypc-taekwondo')
    expect(yueClash.body.code).toBe('SCHEDULE_CLASH')
    expect((await apply(YUE, 'ypc-calligraphy')).body.status).toBe('confirmed')
    const mine = await c.call('GET', `/api/youth-palace/enrollments?childId=${YUE}`, { token: chen })
    expect(mine.body.map((e: { courseName: string }) => e.courseName).sort()).toEqual(['书法', '陶艺小班'])
    expect((await c.call('GET', '/api/youth-palace/enrollments', { token: chen })).body).toHaveLength(4)
    const detail = await c.call('GET', `/api/youth-palace/enrollments/${drawing.body.id}`, { token: chen })
    expect(detail.body.cancellation).toEqual({
      free: true,
      cutoff: '2026-03-27T09:00:00+08:00',
      firstSession: '2026-03-28T09:00:00+08:00',
    })
    expect((await apply(YUE, 'ypc-nothing')).status).toBe(404)
    expect(
      (await c.call('POST', '/api/youth-palace/applications', { token: chen, body: { childId: YUE } })).status,
    ).toBe(400)
  })

  it('an idempotency key replays the same application', async () => {
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const a = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      key: 'k1',
      body: { childId: YUE, courseId: 'ypc-go' },
    })
    const b = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      key: 'k1',
      body: { childId: YUE, courseId: 'ypc-go' },
    })
    expect(b.body.id).toBe(a.body.id)
  })

  it('course detail: teacher, site, schedule, seats left, fee and the hardship price with proof', async () => {
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const d = await c.call('GET', `/api/youth-palace/courses/ypc-drawing?childId=${LE}`, { token: chen })
    expect(d.body).toMatchObject({
      teacher: '蒋彩云',
      site: '总浦桥社区文化家园',
      scheduleText: '周六 09:00–10:30',
      capacity: 12,
      seatsLeft: 12,
      feeFen: 8000,
      hardshipFeeFen: 4000,
      childFeeFen: 8000,
      childFits: true,
    })
    expect(d.body.sessionDates[0]).toBe('2026-03-28')
    await c.call('PATCH', `/api/youth-palace/children/${LE}`, { token: chen, body: { hardship: true } })
    expect(
      (await c.call('GET', `/api/youth-palace/courses/ypc-drawing?childId=${LE}`, { token: chen })).body.childFeeFen,
    ).toBe(8000)
    await c.call('PATCH', `/api/youth-palace/children/${LE}`, {
      token: chen,
      body: { hardshipProofPhotoId: await uploadedPhoto(c, chen) },
    })
    expect(
      (await c.call('GET', `/api/youth-palace/courses/ypc-drawing?childId=${LE}`, { token: chen })).body.childFeeFen,
    ).toBe(4000)
    const filtered = await c.call(
      'GET',
      `/api/youth-palace/terms/${TERM}/courses?category=体育&site=${encodeURIComponent('总浦桥社区文化家园')}&weekday=0`,
      { token: chen },
    )
    expect(filtered.body.map((x: { name: string }) => x.name)).toEqual(['跳绳'])
    expect((await c.call('GET', `/api/youth-palace/terms/${TERM}/courses?weekday=9`, { token: chen })).status).toBe(400)
    expect((await c.call('GET', '/api/youth-palace/courses/nope', { token: chen })).status).toBe(404)
    expect((await c.call('GET', '/api/youth-palace/terms/nope/courses', { token: chen })).status).toBe(404)
  })

  it('non-residents apply from the 4th day; a family with 3 no-shows last term loses priority; closed after the window', async () => {
    const xs = await c.login('u-xs0')
    const kid = await c.call('POST', '/api/youth-palace/children', {
      token: xs,
      body: { name: '马小跳', birthDate: '2017-06-01' },
    })
    const terms = await c.call('GET', '/api/youth-palace/terms?communityId=c-zpq', { token: xs })
    expect(terms.body[0]).toMatchObject({ resident: false, priority: false, viewerOpensAt: '2026-03-04' })
    const early = await apply(kid.body.id, 'ypc-calligraphy', xs)
    expect(early).toMatchObject({ status: 422, body: { code: 'RESIDENTS_ONLY_PERIOD' } })
    expect(early.body.message).toContain('2026年3月4日')
    const zhang = await c.login('u-zhang')
    expect((await c.call('GET', '/api/youth-palace/terms', { token: zhang })).body[0]).toMatchObject({
      resident: true,
      priority: false,
    })
    expect((await apply('ypk-zhang-zh', 'ypc-calligraphy', zhang)).body.code).toBe('RESIDENTS_ONLY_PERIOD')
    c.clock.set(at('2026-03-04T08:00'))
    expect((await apply(kid.body.id, 'ypc-calligraphy', xs)).body.status).toBe('confirmed')
    c.clock.set(at('2026-03-09T08:00'))
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    expect((await apply(YUE, 'ypc-go')).body.code).toBe('REGISTRATION_CLOSED')
  })

  it('residents-only days go by a verified room in the community, not by the account or what the app sends', async () => {
    const li = await c.login('u-li')
    const kid = (
      await c.call('POST', '/api/youth-palace/children', {
        token: li,
        body: { name: '李小雨', birthDate: '2017-06-01' },
      })
    ).body.id
    const view = async () => (await c.call('GET', '/api/youth-palace/courses/ypc-calligraphy', { token: li })).body
    // An account of this community without a room: not a resident, told before trying and refused in words.
    expect((await c.call('GET', '/api/youth-palace/terms', { token: li })).body[0]).toMatchObject({
      resident: false,
      priority: false,
      viewerOpensAt: '2026-03-04',
    })
    expect(await view()).toMatchObject({ viewerResident: false, viewerPriority: false, viewerOpensAt: '2026-03-04' })
    const early = await apply(kid, 'ypc-calligraphy', li, { communityId: 'c-zpq', resident: true })
    expect(early).toMatchObject({ status: 422, body: { code: 'RESIDENTS_ONLY_PERIOD' } })
    expect(early.body.message).toContain('在本社区有已核实的房屋')
    expect(early.body.message).toContain('您可以从 2026年3月4日（周三） 起报名')
    // A tenant binding the community has not checked yet does not count either.
    const bound = await c.call('POST', '/api/me/rooms', {
      token: li,
      body: { roomId: 'r-zpq-3-1-202', role: 'tenant' },
    })
    expect(bound.body).toMatchObject({ verified: false })
    expect((await apply(kid, 'ypc-calligraphy', li)).body.code).toBe('RESIDENTS_ONLY_PERIOD')
    // Once the community verified it, the family is a resident with priority from the first day.
    await c.backend.arrange('room_bindings', [{ id: 'u-li:r-zpq-3-1-202', verified: true }])
    expect(await view()).toMatchObject({ viewerResident: true, viewerPriority: true, viewerOpensAt: '2026-03-01' })
    expect((await apply(kid, 'ypc-calligraphy', li)).body.status).toBe('confirmed')
  })

  it('after the residents-only days a family without a verified room applies like anyone', async () => {
    const li = await c.login('u-li')
    const kid = (
      await c.call('POST', '/api/youth-palace/children', {
        token: li,
        body: { name: '李小雨', birthDate: '2017-06-01' },
      })
    ).body.id
    c.clock.set(at('2026-03-03T23:59'))
    expect((await apply(kid, 'ypc-calligraphy', li)).body.code).toBe('RESIDENTS_ONLY_PERIOD')
    c.clock.set(at('2026-03-04T00:00'))
    expect((await c.call('GET', '/api/youth-palace/courses/ypc-calligraphy', { token: li })).body).toMatchObject({
      viewerResident: false,
      today: '2026-03-04',
    })
    expect((await apply(kid, 'ypc-calligraphy', li)).body.status).toBe('confirmed')
  })

  it('another parent can neither see nor act on these children or their enrollments', async () => {
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    const e = await apply(LE, 'ypc-drawing')
    const liu = await c.login('u-liu')
    expect((await c.call('GET', `/api/youth-palace/children/${LE}`, { token: liu })).status).toBe(404)
    expect(
      (await c.call('PATCH', `/api/youth-palace/children/${LE}`, { token: liu, body: { name: '刘乐' } })).status,
    ).toBe(404)
    expect((await c.call('DELETE', `/api/youth-palace/children/${LE}`, { token: liu })).status).toBe(404)
    expect((await apply(LE, 'ypc-host', liu)).status).toBe(404)
    expect((await c.call('GET', `/api/youth-palace/enrollments?childId=${LE}`, { token: liu })).status).toBe(404)
    expect((await c.call('GET', `/api/youth-palace/courses/ypc-drawing?childId=${LE}`, { token: liu })).status).toBe(
      404,
    )
    for (const action of ['cancel', 'confirm', 'decline', 'pay']) {
      expect(
        (await c.call('POST', `/api/youth-palace/enrollments/${e.body.id}/${action}`, { token: liu })).status,
      ).toBe(404)
    }
    expect(
      (
        await c.call('POST', `/api/youth-palace/enrollments/${e.body.id}/confirm-payment`, {
          token: liu,
          body: { paymentId: 'x' },
        })
      ).status,
    ).toBe(404)
    expect((await c.call('GET', `/api/youth-palace/enrollments/${e.body.id}`, { token: liu })).status).toBe(404)
    expect(
      (await c.call('GET', `/api/youth-palace/enrollments/${e.body.id}/checkin-codes`, { token: liu })).status,
    ).toBe(404)
    expect((await c.call('GET', '/api/youth-palace/enrollments', { token: liu })).body).toHaveLength(1)
    expect(
      (await c.call('GET', '/api/youth-palace/children', { token: liu })).body.map((k: { name: string }) => k.name),
    ).toEqual(['刘一诺'])
    expect((await c.call('GET', '/api/worker/youth-palace/courses/ypc-drawing/roster', { token: liu })).status).toBe(
      403,
    )
  })
})
