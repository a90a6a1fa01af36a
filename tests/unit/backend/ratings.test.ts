/** @jest-environment node */
/**
 * Ratings of window appointments and courses (好差评): an appointment is rated once its time has come,
 * a course after 3 attended sessions (or once the term is over); 1–2 stars open a follow-up due by
 * 18:00 on the next working day (holidays respected), listed for the community's workers and flagged
 * when overdue; the worker's written answer is sent to the resident, who may then rate once more.
 */
import { followUpDueAt } from '@/domain/shared/ratings'
import { TRANSPORTS, idNumberOf, type Client } from './client'

describe('the follow-up deadline', () => {
  it('is 18:00 on the next working day, after weekends and statutory holidays', () => {
    expect(followUpDueAt('2026-03-03T11:00:00+08:00')).toBe('2026-03-04T18:00:00+08:00') // Tue → Wed
    expect(followUpDueAt('2026-03-06T23:30:00+08:00')).toBe('2026-03-09T18:00:00+08:00') // Fri → Mon
    expect(followUpDueAt('2026-04-30T15:00:00+08:00')).toBe('2026-05-06T18:00:00+08:00') // May Day, 1–5 May
    expect(followUpDueAt('2026-05-08T10:00:00+08:00')).toBe('2026-05-09T18:00:00+08:00') // Sat 9 May is worked
  })
})

describe.each(TRANSPORTS)('ratings of appointments and courses (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  const titles = async (userId: string) =>
    (await c.backend.inspect<{ title: string; body: string }>('messages', { userId })).map((m) => m.title)

  it('a low rating of a visited appointment opens a follow-up; the answer allows one re-rating', async () => {
    const [chen, zhao] = [await c.login('u-chen'), await c.login('u-zhao')]
    expect((await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })).status).toBe(200)
    const bound = await c.call('POST', '/api/me/real-name', {
      token: chen,
      body: { name: '陈晓东', idNumber: idNumberOf(c, 'u-chen') },
      key: 'rn-1',
    })
    expect(bound.status).toBe(200)
    const booked = await c.call('POST', '/api/one-thing/appointments', {
      token: chen,
      body: { eventId: 'newborn', hallId: 'hall-zh-district', date: '2026-03-03', slot: '10:00' },
    })
    expect(booked.status).toBe(200)
    const rate = (stars: number, comment?: string) =>
      c.call('POST', `/api/one-thing/appointments/${booked.body.id}/rate`, { token: chen, body: { stars, comment } })

    expect((await rate(2)).body.code).toBe('NOT_YET_VISITED')
    c.clock.set(Date.parse('2026-03-03T11:00:00+08:00'))
    expect((await rate(0)).status).toBe(400)
    const low = await rate(2, '等了一个小时')
    expect(low.status).toBe(200)
    expect(low.body.notice).toContain('下一个工作日 18:00 前')
    expect(low.body.rating).toMatchObject({
      stars: 2,
      comment: '等了一个小时',
      followUp: { status: 'open', dueAt: '2026-03-04T18:00:00+08:00', overdue: false },
      canReRate: false,
    })
    expect(await titles('u-zhao')).toContain('差评回访待处理')
    expect((await rate(5)).body.code).toBe('ALREADY_RATED')

    const list = await c.call('GET', '/api/worker/ratings', { token: zhao })
    expect(list.body.open.map((r: any) => [r.id, r.residentName, r.followUp.overdue])).toEqual([
      [low.body.rating.id, '陈晓东', false],
    ])
    c.clock.set(Date.parse('2026-03-04T18:01:00+08:00'))
    expect((await c.call('GET', '/api/worker/ratings', { token: zhao })).body.open[0].followUp.overdue).toBe(true)
    // A resident cannot answer; a worker must write something.
    expect((await c.call('GET', '/api/worker/ratings', { token: chen })).status).toBe(403)
    const id = encodeURIComponent(low.body.rating.id)
    expect(
      (await c.call('POST', `/api/worker/ratings/${id}/answer`, { token: zhao, body: { text: ' ' } })).status,
    ).toBe(400)
    const answered = await c.call('POST', `/api/worker/ratings/${id}/answer`, {
      token: zhao,
      body: { text: '已联系窗口，增加了上午的人手' },
    })
    expect(answered.status).toBe(200)
    expect(answered.body).toMatchObject({ followUp: { status: 'answered', overdue: true }, canReRate: true })
    expect(await titles('u-chen')).toContain('差评回访已答复')
    expect(
      (await c.call('POST', `/api/worker/ratings/${id}/answer`, { token: zhao, body: { text: '再说一次' } })).body.code,
    ).toBe('ALREADY_ANSWERED')

    const again = await rate(4, '改进了')
    expect(again.body.rating).toMatchObject({ stars: 2, reRating: { stars: 4, comment: '改进了' }, canReRate: false })
    expect((await rate(5)).body.code).toBe('ALREADY_RATED')
    const mine = await c.call('GET', '/api/me/ratings', { token: chen })
    expect(mine.body.map((r: any) => [r.kind, r.stars, r.reRating?.stars])).toEqual([['appointment', 2, 4]])
    const exported = await c.call('GET', '/api/me/export', { token: chen })
    expect(exported.body.tables.ratings.map((r: any) => r.id)).toEqual([low.body.rating.id])
  })

  it('a course is rated after 3 attended sessions; a good rating opens no follow-up', async () => {
    const wu = await c.login('u-wu')
    await c.call('POST', '/api/me/privacy', { token: wu, body: { accepted: true } })
    const [e] = await c.backend.inspect<{ id: string; courseId: string }>('yp_enrollments', {
      parentId: 'u-wu',
      status: 'confirmed',
    })
    const rate = (stars: number) =>
      c.call('POST', `/api/youth-palace/enrollments/${e.id}/rate`, { token: wu, body: { stars } })
    const early = await rate(5)
    expect(early.body).toMatchObject({ code: 'TOO_EARLY_TO_RATE' })
    expect(early.body.message).toContain('现在 0 次')
    await c.backend.arrange(
      'yp_attendance',
      ['2026-03-08', '2026-03-15', '2026-03-22'].map((sessionDate, i) => ({
        id: `att-${i}`,
        enrollmentId: e.id,
        courseId: e.courseId,
        sessionDate,
        present: true,
        markedBy: 'u-zhao',
        markedAt: '2026-03-02T10:00:00+08:00',
      })),
    )
    const rated = await rate(5)
    expect(rated.status).toBe(200)
    expect(rated.body.rating).toMatchObject({ kind: 'course', stars: 5, followUp: { status: 'none' } })
    expect(rated.body.rating.what).toContain('航模小班')
    expect(await titles('u-zhao')).not.toContain('差评回访待处理')
    // Someone else's enrollment is not found.
    const zheng = await c.login('u-zheng')
    await c.call('POST', '/api/me/privacy', { token: zheng, body: { accepted: true } })
    expect(
      (await c.call('POST', `/api/youth-palace/enrollments/${e.id}/rate`, { token: zheng, body: { stars: 1 } })).status,
    ).toBe(404)
  })
})
