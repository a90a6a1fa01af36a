/** @jest-environment node */
/**
 * Home's to-dos (`GET /api/me/todos`, issue 16 item 9): a place offered with a deadline is a to-do
 * until the deadline.
 */
import { formatInstantCn } from '@/domain/youth-palace/types'
import { TRANSPORTS, type Client } from './client'

describe.each(TRANSPORTS)('home to-dos (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  it('a place to confirm is a to-do, soonest first, until its deadline; nobody else sees it', async () => {
    const chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
    expect((await c.call('GET', '/api/me/todos', { token: chen })).body).toEqual([])
    const offer = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: 'ypk-chen-le', courseId: 'ypc-drawing' },
    })
    expect(offer.body).toMatchObject({ status: 'admitted', confirmBy: expect.any(String) })
    const todos = (await c.call('GET', '/api/me/todos', { token: chen })).body
    expect(todos).toEqual([
      {
        id: `yp-offer:${offer.body.id}`,
        title: `陈乐获得《${offer.body.courseName}》的名额`,
        note: `请在 ${formatInstantCn(offer.body.confirmBy)} 前确认并缴费 ¥80.00，逾期名额顺延给下一位`,
        link: '/packages/youth-palace/pages/my-courses/index?childId=ypk-chen-le',
        dueAt: offer.body.confirmBy,
      },
    ])
    expect((await c.call('GET', '/api/me/todos', { token: await c.login('u-zhang') })).body).toEqual([])
    c.clock.set(Date.parse(offer.body.confirmBy) + 1000)
    expect((await c.call('GET', '/api/me/todos', { token: chen })).body).toEqual([])
  })
})
