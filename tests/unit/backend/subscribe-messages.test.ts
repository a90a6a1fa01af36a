/** @jest-environment node */
/**
 * WeChat subscribe messages through the outbox: a message to a person with an openid and an unused
 * acceptance of its template goes out once, after the commit, through WeChat's `subscribe/send` (a
 * fake on 127.0.0.1); without an acceptance only the inbox gets it; a rolled-back transaction sends
 * nothing; a failed send is tried again later and not lost; two dispatchers never send a row twice;
 * 43101 uses up the acceptances; `POST /api/me/subscriptions` banks what the person accepted.
 */
import { OUTBOX_FIRST_RETRY_MS, OUTBOX_MAX_ATTEMPTS } from '@/backend/core/outbox'
import { insertMessage } from '@/backend/core/notifier'
import { RetryTransaction } from '@/backend/core/data/store'
import { wechatSubscribeSender } from '@/server/wechat'
import { FAKE_APPID, FAKE_SECRET, startFakeWechat, type FakeWechat } from './fakes/wechat'
import { TRANSPORTS, type Client } from './client'

const TEMPLATES = { progress: 'TMPL-PROGRESS-ID', reminder: 'TMPL-REMINDER-ID' }

describe.each(TRANSPORTS)('WeChat subscribe messages (%s)', (_name, make) => {
  let c: Client
  let wx: FakeWechat
  let chen: string
  beforeAll(async () => {
    wx = await startFakeWechat()
  })
  afterAll(() => wx.close())
  beforeEach(async () => {
    wx.sendMode = 'up'
    wx.sent.length = 0
    const sender = wechatSubscribeSender({
      apiBase: wx.url,
      appid: FAKE_APPID,
      secret: FAKE_SECRET,
      templates: TEMPLATES,
      miniprogramState: 'trial',
    })
    c = await make({ services: { subscribeMessages: sender } })
    chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(async () => {
    await c.backend.outboxSettled()
    await c.close()
  })

  const withOpenid = () => c.backend.arrange('users', [{ id: 'u-chen', wechatOpenid: 'o-chen' }])
  const subscribe = (results: object) => c.call('POST', '/api/me/subscriptions', { token: chen, body: { results } })
  /** A status change that tells u-chen (a youth palace place), then the outbox round after its commit. */
  const apply = async (courseId = 'ypc-drawing') => {
    const r = await c.call('POST', '/api/youth-palace/applications', {
      token: chen,
      body: { childId: 'ypk-chen-le', courseId },
    })
    expect(r.status).toBe(200)
    await c.backend.outboxSettled()
    return r
  }
  /** A message to u-chen written by a transaction of its own (no outbox round after it). */
  const tell = (title: string) =>
    c.backend.run((tx) =>
      insertMessage(tx.core, { userId: 'u-chen', title, body: '内容' }, '2026-03-02T10:00:00+08:00'),
    )
  const outbox = () =>
    c.backend.inspect<{ state: string; attempts: number; template: string }>('outbox', { userId: 'u-chen' })
  const accepted = async (template: string) =>
    (await c.backend.inspect<{ accepted: number }>('subscriptions', { id: `u-chen:${template}` }))[0]?.accepted ?? 0

  it('subscribed with an openid: sent once after the commit, in subscribeMessage.send shape', async () => {
    await withOpenid()
    const s = await subscribe({ progress: 'accept', reminder: 'reject' })
    expect(s.status).toBe(200)
    expect(s.body.templates).toEqual([
      { template: 'progress', accepted: 1 },
      { template: 'reminder', accepted: 0 },
    ])
    await apply()
    const inbox = (await c.call('GET', '/api/messages', { token: chen })).body.items as { title: string }[]
    expect(wx.sent).toHaveLength(1)
    const [m] = wx.sent
    expect(m.touser).toBe('o-chen')
    expect(m.template_id).toBe(TEMPLATES.progress)
    expect(m.miniprogram_state).toBe('trial')
    expect(m.page).toMatch(/^packages\/youth-palace\/pages\//)
    expect(m.data.thing1.value).toBe(inbox[0].title)
    expect([...m.data.thing2.value].length).toBeLessThanOrEqual(20)
    expect(m.data.time3.value).toMatch(/^\d{4}年\d{1,2}月\d{1,2}日/)
    expect((await outbox()).map((o) => o.state)).toEqual(['sent'])
    // The acceptance is used: the next message stays in the inbox only.
    expect(await accepted('progress')).toBe(0)
    await tell('第二条')
    await c.backend.dispatchOutbox()
    expect(wx.sent).toHaveLength(1)
    expect(await c.backend.inspect('messages', { userId: 'u-chen', title: '第二条' })).toHaveLength(1)
  })

  it('no acceptance, or no openid: the inbox only', async () => {
    await apply()
    expect(wx.sent).toEqual([])
    expect(await outbox()).toEqual([])
    await subscribe({ progress: 'accept' })
    // Still no openid (never logged in with WeChat).
    await tell('测试')
    expect(await outbox()).toEqual([])
    expect(await accepted('progress')).toBe(1)
  })

  it('a transaction that rolls back or runs again sends nothing twice', async () => {
    await withOpenid()
    await subscribe({ progress: 'accept' })
    await expect(
      c.backend.run(async (tx) => {
        await insertMessage(tx.core, { userId: 'u-chen', title: '回滚', body: '不会发出' }, '2026-03-02T10:00:00+08:00')
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    await c.backend.dispatchOutbox()
    expect(wx.sent).toEqual([])
    expect(await outbox()).toEqual([])
    expect(await accepted('progress')).toBe(1)
    if (c.name !== 'in-app') {
      // The SQL store runs a conflicted transaction again: the first attempt's row went with its rollback.
      let attempt = 0
      await c.backend.run(async (tx) => {
        await insertMessage(tx.core, { userId: 'u-chen', title: '重跑', body: '只发一次' }, '2026-03-02T10:00:00+08:00')
        if (++attempt === 1) throw new RetryTransaction('conflict')
      })
      expect(attempt).toBe(2)
      await c.backend.dispatchOutbox()
      expect(wx.sent.map((m) => m.data.thing1.value)).toEqual(['重跑'])
      expect(await outbox()).toHaveLength(1)
      await subscribe({ progress: 'accept' })
      wx.sent.length = 0
    }
    // A request replayed with the same idempotency key answers from its record: one message, one send.
    const body = { childId: 'ypk-chen-le', courseId: 'ypc-drawing' }
    const first = await c.call('POST', '/api/youth-palace/applications', { token: chen, body, key: 'k-once' })
    const again = await c.call('POST', '/api/youth-palace/applications', { token: chen, body, key: 'k-once' })
    expect(again.body).toEqual(first.body)
    await c.backend.outboxSettled()
    await c.backend.dispatchOutbox()
    expect(wx.sent).toHaveLength(1)
    expect((await outbox()).filter((o) => o.state === 'sent')).toHaveLength(c.name === 'in-app' ? 1 : 2)
  })

  it('a failed send is tried again later with a growing wait, then given up; never lost silently', async () => {
    await withOpenid()
    await subscribe({ progress: 'accept' })
    wx.sendMode = 'down'
    await apply()
    expect(wx.sent).toEqual([])
    expect(await outbox()).toMatchObject([{ state: 'pending', attempts: 1 }])
    // Not due again before the wait.
    expect((await c.backend.dispatchOutbox()).retrying).toBe(0)
    wx.sendMode = 'up'
    c.clock.advance(OUTBOX_FIRST_RETRY_MS)
    expect(await c.backend.dispatchOutbox()).toMatchObject({ sent: 1 })
    expect(wx.sent).toHaveLength(1)
    expect(await outbox()).toMatchObject([{ state: 'sent', attempts: 2 }])
    // Kept 30 days after it left, then purged (after a request).
    c.clock.advance(29 * 86_400_000)
    await c.call('GET', '/api/messages/unread-count', { token: chen })
    expect(await outbox()).toHaveLength(1)
    c.clock.advance(2 * 86_400_000)
    await c.call('GET', '/api/messages/unread-count', { token: chen })
    expect(await outbox()).toEqual([])

    await subscribe({ progress: 'accept' })
    wx.sendMode = 'down'
    await tell('一直发不出')
    await c.backend.dispatchOutbox()
    for (let i = 1; i < OUTBOX_MAX_ATTEMPTS; i++) {
      c.clock.advance(OUTBOX_FIRST_RETRY_MS * 2 ** i)
      await c.backend.dispatchOutbox()
    }
    const states = (await outbox()).map((o) => `${o.state}:${o.attempts}`)
    expect(states).toEqual([`failed:${OUTBOX_MAX_ATTEMPTS}`])
  })

  it('two dispatchers at once: each row is sent once', async () => {
    await withOpenid()
    for (let i = 0; i < 3; i++) await subscribe({ progress: 'accept' })
    for (let i = 0; i < 3; i++) await tell(`通知${i}`)
    const rounds = await Promise.all([
      c.backend.dispatchOutbox(),
      c.backend.dispatchOutbox(),
      c.backend.dispatchOutbox(),
    ])
    expect(rounds.reduce((n, r) => n + r.sent, 0)).toBe(3)
    expect(wx.sent.map((m) => m.data.thing1.value).sort()).toEqual(['通知0', '通知1', '通知2'])
  })

  it('43101 (refused or used up): the row is refused and the acceptances set to 0; ban drops them too', async () => {
    await withOpenid()
    await subscribe({ progress: 'accept' })
    await subscribe({ progress: 'accept' })
    wx.sendMode = 'refuse'
    await apply()
    expect(await outbox()).toMatchObject([{ state: 'refused' }])
    expect(await accepted('progress')).toBe(0)
    await subscribe({ reminder: 'accept' })
    expect(await accepted('reminder')).toBe(1)
    await subscribe({ reminder: 'ban' })
    expect(await accepted('reminder')).toBe(0)
  })

  it('bad answers are refused in Chinese; the export lists the subscriptions', async () => {
    const bad = await subscribe({ progress: 'maybe' })
    expect(bad.status).toBe(400)
    expect(JSON.stringify(bad.body)).toMatch(/订阅结果不正确/)
    expect((await subscribe({ coupon: 'accept' })).status).toBe(400)
    await subscribe({ progress: 'accept' })
    const text = (await c.call('GET', '/api/me/export', { token: chen })).body.text as string
    expect(text).toContain('微信订阅消息：办理进度通知 还可发送 1 条（允许）')
  })
})
