/** @jest-environment node */
/**
 * The data export (PIPL art. 45, `GET /api/me/export`): after a busy day in every service, each
 * person's export holds what the API's own GETs show them (cards, ledger, orders, applications,
 * children, enrollments, ballots, progress, appointments, messages, sessions, family links), as
 * versioned JSON without secrets; and every table of the schema (the table specs and the SQL
 * migrations) is either exported or declared as holding nothing about a person, with the reason.
 */
import fs from 'node:fs'
import path from 'node:path'
import { NOT_PERSONAL_TABLES, TABLES } from '@/backend'
import type { Method } from '@/backend/core/http'
import { EXPORT_SCHEMA_VERSION } from '@/domain/shared/contracts'
import { TRANSPORTS, type CallOptions, type Client } from './client'
import { busyDay } from './journeys'

const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort()

describe.each(TRANSPORTS)('the data export (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const ok = async (userId: string, method: Method, url: string, opts: CallOptions = {}) => {
    const r = await c.call(method, url, { token: await as(userId), ...opts })
    expect({ step: `${userId} ${method} ${url}`, status: r.status }).toEqual({
      step: `${userId} ${method} ${url}`,
      status: 200,
    })
    return r.body
  }

  beforeAll(async () => {
    c = await make()
    await busyDay(c, ok)
    // More of u-wang's life: a grandchild at the youth palace, reminders turned off.
    await ok('u-wang', 'POST', '/api/me/privacy', { body: { accepted: true } })
    const child = await ok('u-wang', 'POST', '/api/youth-palace/children', {
      body: { name: '王小丫', birthDate: '2017-05-01', hardship: false },
    })
    await ok('u-wang', 'POST', '/api/youth-palace/applications', {
      body: { childId: child.id, courseId: 'ypc-calligraphy' },
    })
    await ok('u-wang', 'PUT', '/api/me/message-settings', { body: { muted: ['vote-closing'] } })
  })
  afterAll(() => c.close())

  it.each(['u-wang', 'u-xs0', 'u-chen', 'u-li'])(
    "%s's export holds what the API's own GETs show, without secrets",
    async (userId) => {
      const x = await ok(userId, 'GET', '/api/me/export')
      expect(x.schemaVersion).toBe(EXPORT_SCHEMA_VERSION)
      expect(x.userId).toBe(userId)
      const t = x.tables as Record<string, any[]>

      const me = await ok(userId, 'GET', '/api/me')
      expect(t.users.map((u) => u.id)).toEqual([me.id])
      expect(t.room_bindings.map((b) => b.roomId).sort()).toEqual(me.rooms.map((r: any) => r.roomId).sort())

      const sessions = await ok(userId, 'GET', '/api/me/sessions')
      expect(ids(t.login_sessions)).toEqual(ids(sessions.sessions ?? sessions))
      for (const s of t.login_sessions) expect(Object.keys(s)).not.toContain('tokenHash')

      const links = await ok(userId, 'GET', '/api/family-links')
      const linkIds = [...(links.asProxy ?? []), ...(links.asPrincipal ?? []), ...(Array.isArray(links) ? links : [])]
      expect(ids(t.family_links)).toEqual(ids(linkIds))

      const messages = await ok(userId, 'GET', '/api/messages?limit=50')
      expect(ids(t.messages)).toEqual(ids(messages.items ?? messages))

      const settings = await ok(userId, 'GET', '/api/me/message-settings')
      expect(t.message_settings.flatMap((s) => s.muted).sort()).toEqual(
        settings.kinds.filter((k: any) => !k.on).map((k: any) => k.kind),
      )

      const apps = await ok(userId, 'GET', '/api/care-card/applications')
      expect(ids(t.care_applications)).toEqual(ids(apps.items ?? apps))
      const orders = await ok(userId, 'GET', '/api/care-card/orders?limit=50')
      expect(ids(t.care_orders)).toEqual(ids(orders.items ?? orders))
      const card = await c.call('GET', '/api/care-card', { token: await as(userId) })
      expect(t.care_cards.map((k) => k.id)).toEqual(card.status === 200 ? [card.body.cardId] : [])
      for (const k of t.care_cards) expect(Object.keys(k)).not.toContain('codeSecret')
      expect(t.care_ledger_entries.every((e) => e.cardId === card.body.cardId)).toBe(true)

      const children = await ok(userId, 'GET', '/api/youth-palace/children')
      expect(ids(t.yp_children.filter((k) => !k.deletedAt))).toEqual(ids(children.items ?? children))
      const enrollments = await ok(userId, 'GET', '/api/youth-palace/enrollments')
      expect(ids(t.yp_enrollments)).toEqual(ids(enrollments.items ?? enrollments))
      for (const e of t.yp_enrollments) expect(Object.keys(e)).not.toContain('checkinSalt')

      const progress = await ok(userId, 'GET', '/api/one-thing/progress')
      expect(t.one_thing_progress.map((p) => p.eventId).sort()).toEqual(
        (progress.items ?? progress).map((p: any) => p.eventId).sort(),
      )
      const appointments = await ok(userId, 'GET', '/api/one-thing/appointments')
      expect(ids(t.one_thing_appointments)).toEqual(ids([...appointments.upcoming, ...appointments.past]))

      const units = await ok(userId, 'GET', '/api/elevator/my-units')
      const petitions = units.units.flatMap((u: any) => (u.petition ? [u.petition.id] : []))
      for (const id of petitions) expect(t.elevator_petitions.map((p) => p.id)).toContain(id)
      for (const id of petitions) {
        const mine = await ok(userId, 'GET', `/api/elevator/petitions/${id}/my-households`)
        const voted = (mine.households ?? mine).filter((h: any) => h.ballot ?? h.choice ?? h.voted)
        for (const h of voted)
          expect(t.elevator_log.map((e) => e.householdId)).toContain(h.roomId ?? h.householdId ?? h.id)
      }

      // The readable summary names every service, in plain words.
      expect(x.summary.map((s: any) => s.service)).toEqual(['账号与消息', '爱心卡', '青少年宫', '加装电梯', '一件事'])
      expect(x.text).toContain('【爱心卡】')
    },
  )

  it("u-wang's export has rows in every service; the busy day's records are there", async () => {
    const x = await ok('u-wang', 'GET', '/api/me/export')
    const counts = Object.fromEntries(
      Object.entries(x.tables as Record<string, unknown[]>).map(([k, v]) => [k, v.length]),
    )
    expect(counts).toMatchObject({
      users: 1,
      family_links: 1,
      message_settings: 1,
      care_applications: 1,
      yp_children: 1,
      yp_enrollments: 1,
      one_thing_progress: 1,
      one_thing_appointments: 1,
    })
    expect(counts.messages).toBeGreaterThan(0)
    expect(counts.elevator_petitions).toBeGreaterThan(0)
    expect(counts.elevator_log).toBeGreaterThan(0)
    expect(counts.photos).toBe(0) // her daughter uploaded the proof: it is in u-li's export
    const li = await ok('u-li', 'GET', '/api/me/export')
    expect(li.tables.photos.length).toBeGreaterThan(0)
    // The other party of a family link appears by a masked name only.
    expect(x.tables.family_links[0].otherName).toMatch(/^李\*+$/)
    expect(JSON.stringify(x.tables.family_links)).not.toContain('李秀兰')
  })

  it('covers every table of the schema: exported, or declared as holding nothing about a person', async () => {
    const x = await ok('u-wang', 'GET', '/api/me/export')
    const exported = Object.keys(x.tables)
    const dir = path.join(__dirname, '../../../src/server/migrations')
    const sql = fs
      .readdirSync(dir)
      .sort()
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
      .join('\n')
    const created = [...sql.matchAll(/CREATE TABLE (?:IF NOT EXISTS )?(\w+)/gi)].map((m) => m[1])
    const dropped = [...sql.matchAll(/DROP TABLE (?:IF EXISTS )?(\w+)/gi)].map((m) => m[1])
    const schema = new Set([...TABLES.map((t) => t.name), ...created.filter((t) => !dropped.includes(t)), ...dropped])
    const unaccounted = [...schema].filter((t) => !exported.includes(t) && !(t in NOT_PERSONAL_TABLES))
    expect(unaccounted).toEqual([])
    expect(exported.filter((t) => t in NOT_PERSONAL_TABLES)).toEqual([])
    for (const reason of Object.values(NOT_PERSONAL_TABLES)) expect(reason.length).toBeGreaterThan(4)
  })
})
