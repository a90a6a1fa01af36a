/** @jest-environment node */
/**
 * Scheduled reminders (issue 26 item 2): each kind fires once at the right mock time, never at night
 * (21:00–08:00 Beijing: held to 08:00, or sent at 20:00 the evening before a deadline that passes in
 * the night), and never to a person who turned the kind off in 我的 → 消息设置.
 */
import { TRANSPORTS, type Client } from './client'

const at = (local: string) => Date.parse(`${local}:00+08:00`)

interface Msg {
  title: string
  body: string
  link?: string
}

describe.each(TRANSPORTS)('scheduled reminders (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  /** Moves mock time; the request after it runs the job (as in the app). */
  const moveTo = async (local: string) => {
    c.clock.set(at(local))
    await c.call('GET', '/api/messages/unread-count', { token: await as('u-zhao') })
  }
  const titled = async (userId: string, title: string) =>
    ((await c.call('GET', '/api/messages?limit=50', { token: await as(userId) })).body.items as Msg[]).filter(
      (m) => m.title === title,
    )

  describe('youth palace offer expiring in 4 hours', () => {
    const offer = async () => {
      const chen = await as('u-chen')
      await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
      const r = await c.call('POST', '/api/youth-palace/applications', {
        token: chen,
        body: { childId: 'ypk-chen-le', courseId: 'ypc-drawing' },
      })
      expect(r.body.status).toBe('admitted')
      return r.body as { id: string; confirmBy: string }
    }

    it('due at 06:00 falls in the night: held to 08:00, sent once', async () => {
      c.clock.set(at('2026-03-02T10:00'))
      const o = await offer()
      expect(o.confirmBy).toBe('2026-03-03T10:00:00+08:00')
      await moveTo('2026-03-03T06:30')
      await moveTo('2026-03-03T07:50')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
      await moveTo('2026-03-03T08:00')
      const [m, ...more] = await titled('u-chen', '青少年宫名额快到期了')
      expect(more).toEqual([])
      expect(m).toMatchObject({ link: '/packages/youth-palace/pages/my-courses/index?childId=ypk-chen-le' })
      expect(m.body).toContain('2026年3月3日')
      await moveTo('2026-03-03T08:30')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toHaveLength(1)
    })

    it('an offer ending at 01:00 is reminded at 20:00 the evening before, not at 21:00', async () => {
      c.clock.set(at('2026-03-03T01:00'))
      const o = await offer()
      expect(o.confirmBy).toBe('2026-03-04T01:00:00+08:00')
      await moveTo('2026-03-03T19:50')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
      await moveTo('2026-03-03T20:00')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toHaveLength(1)
    })

    it('a parent who turned the kind off gets none', async () => {
      c.clock.set(at('2026-03-02T10:00'))
      await offer()
      const put = await c.call('PUT', '/api/me/message-settings', {
        token: await as('u-chen'),
        body: { muted: ['yp-offer-expiring'] },
      })
      expect(put.status).toBe(200)
      const got = await c.call('GET', '/api/me/message-settings', { token: await as('u-chen') })
      expect(got.body.kinds).toContainEqual(
        expect.objectContaining({ kind: 'yp-offer-expiring', on: false, label: expect.any(String) }),
      )
      await moveTo('2026-03-03T08:00')
      await moveTo('2026-03-03T09:00')
      expect(await titled('u-chen', '青少年宫名额快到期了')).toEqual([])
    })
  })
})
