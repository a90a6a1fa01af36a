/** @jest-environment node */
/**
 * The authorisation sweep: EVERY route of the route table × every role, on every transport (in-app,
 * and over HTTP on PGlite and PostgreSQL when enabled). The routes are enumerated from `ROUTES`, and
 * each must have a line in `EXPECT` below, so a new route fails this test until someone states who
 * may call it. The rule-by-rule checks with their positive controls are in `authorisation.test.ts`;
 * this file checks that no route is left out of them:
 * - anonymous: 401 on every route but the public ones (and the demo's dev routes);
 * - residents (and a family proxy): 403 on every worker route;
 * - someone acting for another person (`x-acting-for`): 403 without a confirmed link, and 403 on
 *   routes that do not allow a proxy even with one;
 * - another resident, or the worker of another community: 403 or 404 on an object that is not theirs
 *   (the routes that read one object, given a seeded object in `EXPECT`); its owner, and the worker of
 *   its community where the object says so, get through.
 * "Gets through" means any answer but 401, 403 (and 404 for an owner): bodies here are empty, so
 * writes mostly end in 400.
 */
import { ROUTES } from '@/backend'
import type { Method } from '@/backend/core/http'
import { idNumberOf, TRANSPORTS, type Client } from './client'

/** Seeded: 西山 (u-sun's community) 5幢2单元 petition, owned among others by 马建华 u-xs0. */
const XS_PETITION = 'ep-xs-5-2'

/** A route's object, when the sweep reads one: its owner (a user), or the community whose worker may read it. */
interface Obj {
  params: Record<string, string>
  owner?: string
  community?: 'zh' | 'xs'
}
const own = (owner: string, id: string): Obj => ({ params: { id }, owner })
/** A petition of 西山: its owners read it, and so does 西山's worker. */
const xsPetition: Obj = { params: { id: XS_PETITION }, owner: 'u-xs0', community: 'xs' }

/**
 * Who may call a route, stated here independently of the route table (so a route whose access is
 * loosened fails the sweep): anyone (`public`), the demo's dev panel (`dev`), a logged-in user for
 * themselves (`user`), also a confirmed family proxy (`proxy`), or a community worker (`worker`); or
 * no login but WeChat Pay's signature (`signed`: the payment notification; every role here gets 401).
 */
type Kind = 'public' | 'dev' | 'user' | 'proxy' | 'worker' | 'signed'

/** Every route, `METHOD path` → who may call it, and the object it is called on (none: placeholder ids). */
const EXPECT: Record<string, [Kind, Obj?]> = {
  'GET /api/auth/personas': ['public'],
  'POST /api/auth/mock-login': ['public'],
  'POST /api/auth/wechat-login': ['public'],
  'POST /api/auth/logout': ['user'],
  'GET /api/me/sessions': ['user'],
  'DELETE /api/me/sessions/:id': ['user'],
  'GET /api/me': ['user'],
  'GET /api/me/todos': ['user'],
  'GET /api/me/message-settings': ['user'],
  'PUT /api/me/message-settings': ['user'],
  'POST /api/me/subscriptions': ['user'],
  'GET /api/principal': ['proxy'],
  'GET /api/community': ['user'],
  'POST /api/me/privacy': ['user'],
  'POST /api/me/real-name': ['user'],
  'GET /api/rooms': ['user'],
  'POST /api/me/rooms': ['user'],
  'DELETE /api/me/rooms/:roomId': ['user'],
  'GET /api/me/export': ['user'],
  'DELETE /api/me': ['user'],
  'GET /api/family-links': ['user'],
  'POST /api/family-links': ['user'],
  'POST /api/family-links/:id/confirm': ['user'],
  'POST /api/family-links/:id/decline': ['user'],
  'POST /api/family-links/:id/revoke': ['user'],
  'GET /api/worker/family-links': ['worker'],
  'POST /api/worker/family-links/:id/confirm': ['worker'],
  'POST /api/worker/elders/find': ['worker'],
  'GET /api/worker/elders/:id': ['worker'],
  'POST /api/worker/proxy-links': ['worker'],
  'GET /api/worker/proxy-links': ['worker'],
  'GET /api/worker/proxy-log': ['worker'],
  'GET /api/worker/room-bindings': ['worker'],
  'POST /api/worker/room-bindings/:id/verify': ['worker', { params: { id: 'u-chen:r-zpq-3-1-302' }, community: 'zh' }],
  'GET /api/worker/hub': ['worker'],
  'GET /api/messages': ['user'],
  'GET /api/messages/unread-count': ['user'],
  'POST /api/messages/:id/read': ['user'],
  'POST /api/photos': ['proxy'],
  'GET /api/dev/state': ['dev'],
  'POST /api/dev/clock': ['dev'],
  'POST /api/dev/faults': ['dev'],
  'POST /api/dev/reset': ['dev'],
  'GET /api/care-card/eligibility': ['proxy'],
  'POST /api/care-card/applications': ['proxy'],
  'GET /api/care-card/applications': ['proxy'],
  'GET /api/care-card/applications/:id': ['proxy', own('u-xs0', 'ca-seed-xs0')],
  'POST /api/care-card/applications/:id/withdraw': ['proxy'],
  'POST /api/care-card/applications/:id/resubmit': ['proxy'],
  'GET /api/care-card': ['proxy'],
  'GET /api/care-card/services': ['proxy'],
  'GET /api/care-card/services/:serviceId/slots': ['proxy'],
  'POST /api/care-card/orders': ['proxy'],
  'GET /api/care-card/orders': ['proxy'],
  'GET /api/care-card/orders/:id': ['proxy', own('u-xs0', 'co-seed-2')],
  'POST /api/care-card/orders/:id/cancel': ['proxy'],
  'POST /api/care-card/orders/:id/rate': ['proxy'],
  'POST /api/care-card/orders/:id/dispute': ['proxy'],
  'GET /api/worker/care-card/applications': ['worker'],
  'GET /api/worker/care-card/applications/:id': ['worker', { params: { id: 'ca-seed-xs0' }, community: 'xs' }],
  'GET /api/worker/care-card/applications/:id/images/:imageId': ['worker'],
  'POST /api/worker/care-card/applications/:id/review': ['worker'],
  'GET /api/worker/care-card/orders': ['worker'],
  'POST /api/worker/care-card/orders/:id/deliver': ['worker'],
  'POST /api/worker/care-card/orders/:id/pay-by-code': ['worker'],
  'POST /api/worker/care-card/orders/:id/dispute/resolve': ['worker'],
  'GET /api/worker/care-card/tasks': ['worker'],
  'POST /api/worker/care-card/tasks/:id/complete': ['worker'],
  'POST /api/worker/care-card/phone-orders': ['worker'],
  'GET /api/youth-palace/children': ['user'],
  'POST /api/youth-palace/children': ['user'],
  'GET /api/youth-palace/children/:id': ['user', own('u-chen', 'ypk-chen-le')],
  'PATCH /api/youth-palace/children/:id': ['user'],
  'DELETE /api/youth-palace/children/:id': ['user'],
  'GET /api/youth-palace/terms': ['user'],
  'GET /api/youth-palace/terms/:id/courses': ['user'],
  'GET /api/youth-palace/courses/:id': ['user'],
  'GET /api/youth-palace/courses/:id/lottery': ['user'],
  'POST /api/youth-palace/applications': ['user'],
  'GET /api/youth-palace/enrollments': ['user'],
  'GET /api/youth-palace/enrollments/:id': ['user', own('u-wu', 'ype-seed-wu-hr')],
  'POST /api/youth-palace/enrollments/:id/confirm': ['user'],
  'POST /api/youth-palace/enrollments/:id/decline': ['user'],
  'POST /api/youth-palace/enrollments/:id/cancel': ['user'],
  'POST /api/youth-palace/enrollments/:id/leave': ['user'],
  'POST /api/youth-palace/enrollments/:id/leave/undo': ['user'],
  'GET /api/youth-palace/enrollments/:id/checkin-codes': ['user', own('u-wu', 'ype-seed-wu-hr')],
  'POST /api/youth-palace/enrollments/:id/pay': ['user'],
  'POST /api/youth-palace/enrollments/:id/confirm-payment': ['user'],
  'GET /api/youth-palace/enrollments/:id/payment': ['user', own('u-wu', 'ype-seed-wu-hr')],
  'POST /api/pay/wechat/notify': ['signed'],
  'GET /api/worker/youth-palace/terms': ['worker'],
  'POST /api/worker/youth-palace/terms': ['worker'],
  'POST /api/worker/youth-palace/terms/:id/courses': ['worker'],
  'POST /api/worker/youth-palace/terms/:id/open': ['worker'],
  'POST /api/worker/youth-palace/terms/:id/close': ['worker'],
  'POST /api/worker/youth-palace/terms/:id/draw': ['worker'],
  'GET /api/worker/youth-palace/courses/:id/roster': ['worker'],
  'POST /api/worker/youth-palace/courses/:id/attendance': ['worker'],
  'POST /api/worker/youth-palace/courses/:id/cancel-session': ['worker'],
  'GET /api/elevator/my-units': ['proxy'],
  'POST /api/elevator/petitions': ['user'],
  'GET /api/elevator/petitions/:id': ['proxy', xsPetition],
  'POST /api/elevator/petitions/:id/confirm': ['user'],
  'POST /api/elevator/petitions/:id/decline': ['user'],
  'PUT /api/elevator/petitions/:id/compensation': ['user'],
  'GET /api/elevator/worker/petitions': ['worker'],
  'GET /api/elevator/petitions/:id/my-households': ['proxy', xsPetition],
  'POST /api/elevator/petitions/:id/ballots': ['proxy'],
  'GET /api/elevator/petitions/:id/meter': ['proxy', xsPetition],
  'GET /api/elevator/petitions/:id/cost-table': ['proxy', xsPetition],
  'GET /api/elevator/petitions/:id/audit-log': ['proxy', xsPetition],
  'POST /api/elevator/petitions/:id/audit-log/verify': ['proxy'],
  'POST /api/elevator/worker/petitions/:id/paper-ballots': ['worker'],
  'POST /api/elevator/petitions/:id/objections': ['user'],
  'GET /api/elevator/petitions/:id/objections': ['proxy', xsPetition],
  'POST /api/elevator/worker/petitions/:id/paper-objections': ['worker'],
  'POST /api/elevator/worker/petitions/:id/mediation': ['worker'],
  'GET /api/elevator/worker/petitions/:id/reach': ['user'],
  'POST /api/elevator/worker/petitions/:id/reach': ['user'],
  'POST /api/elevator/worker/petitions/:id/publish': ['worker'],
  'POST /api/elevator/petitions/:id/withdraw': ['user'],
  'POST /api/elevator/worker/petitions/:id/stages': ['worker'],
  'GET /api/elevator/petitions/:id/result-sheet': ['proxy'],
  'GET /api/one-thing/progress': ['proxy'],
  'GET /api/one-thing/progress/:eventId': ['proxy'],
  'PUT /api/one-thing/progress/:eventId': ['proxy'],
  'DELETE /api/one-thing/progress/:eventId': ['proxy'],
  'GET /api/one-thing/halls': ['proxy'],
  'GET /api/one-thing/halls/:hallId/availability': ['proxy'],
  'GET /api/one-thing/appointments': ['proxy'],
  'POST /api/one-thing/appointments': ['proxy'],
  'PATCH /api/one-thing/appointments/:id': ['proxy'],
  'POST /api/one-thing/appointments/:id/cancel': ['proxy'],
  'POST /api/one-thing/appointments/:id/rate': ['proxy'],
  'POST /api/youth-palace/enrollments/:id/rate': ['user'],
  'GET /api/me/ratings': ['proxy'],
  'GET /api/worker/ratings': ['worker'],
  'POST /api/worker/ratings/:id/answer': ['worker'],
  'GET /api/worker/one-thing/appointments': ['worker'],
  'POST /api/worker/one-thing/appointments/:id/done': ['worker'],
}

/** The roles: who calls, and for whom (`x-acting-for`). 王秀英 u-wang's daughter 李红 u-li is her confirmed proxy. */
const ROLES = {
  anonymous: { user: null, actingFor: undefined },
  resident: { user: 'u-wang', actingFor: undefined },
  'another resident': { user: 'u-zhang', actingFor: undefined },
  'family proxy': { user: 'u-li', actingFor: 'u-wang' },
  'unlinked proxy': { user: 'u-zhang', actingFor: 'u-wang' },
  'worker 总浦桥': { user: 'u-zhao', actingFor: undefined },
  'worker 西山': { user: 'u-sun', actingFor: undefined },
} as const
type Role = keyof typeof ROLES
const COMMUNITY_WORKER = { zh: 'u-zhao', xs: 'u-sun' }
const USERS = ['u-wang', 'u-zhang', 'u-li', 'u-zhao', 'u-sun', 'u-xs0', 'u-chen', 'u-wu']

type Expected = 'through' | 'owner' | 401 | 403 | '403/404'

/** Who gets what on `route` (see the file's comment). */
function expected(kind: Kind, role: Role, obj: Obj | undefined): Expected {
  const { user, actingFor } = ROLES[role]
  if (kind === 'public') return 'through'
  if (kind === 'signed') return 401
  if (kind === 'dev') return actingFor ? 403 : 'through' // demo mode: the dev panel needs no login
  if (!user) return 401
  if (kind === 'worker' && !Object.values(COMMUNITY_WORKER).includes(user)) return 403
  if (actingFor && (kind !== 'proxy' || role === 'unlinked proxy')) return 403
  const caller = actingFor ?? user
  if (!obj?.owner && !obj?.community) return 'through'
  const mine = obj.owner === caller || (obj.community && COMMUNITY_WORKER[obj.community] === user)
  return mine ? 'owner' : '403/404'
}

function meets(status: number, want: Expected): boolean {
  if (want === 'through') return ![401, 403].includes(status)
  if (want === 'owner') return ![401, 403, 404].includes(status)
  if (want === '403/404') return status === 403 || status === 404
  return status === want
}

describe.each(TRANSPORTS)('authorisation sweep (%s)', (_name, open) => {
  let c: Client
  let tokens: Record<string, string>

  /** A fresh seed: everyone logged in with the privacy notice accepted, 李红 confirmed as 王秀英's proxy. */
  async function fresh() {
    await c.backend.reseed()
    tokens = {}
    for (const u of USERS) {
      tokens[u] = await c.login(u)
      await c.call('POST', '/api/me/privacy', { token: tokens[u], body: { accepted: true } })
    }
    const link = await c.call('POST', '/api/family-links', {
      token: tokens['u-li'],
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    const confirmed = await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: tokens['u-wang'] })
    expect(confirmed.status).toBe(200)
  }

  beforeAll(async () => {
    c = await open()
    await fresh()
  })
  afterAll(() => c.close())

  it('every route of the route table has an expectation here, and no expectation names a missing route', () => {
    const keys = ROUTES.map((r) => `${r.method} ${r.path}`)
    expect(keys.filter((k) => !(k in EXPECT))).toEqual([])
    expect(Object.keys(EXPECT).filter((k) => !keys.includes(k))).toEqual([])
  })

  it('every route × every role: 401 / 403 / 404 or through, as expected', async () => {
    const wrong: string[] = []
    for (const r of ROUTES) {
      const key = `${r.method} ${r.path}`
      const [kind, obj] = EXPECT[key]
      const url = r.path.replace(/:([a-zA-Z]+)/g, (_m, name: string) => obj?.params[name] ?? 'no-such-id')
      // Refusals first, owners last: a refusal is checked before anything a call may change.
      const rank = (role: Role) =>
        (({ through: 1, owner: 2 }) as Record<string, number>)[String(expected(kind, role, obj))] ?? 0
      const roles = (Object.keys(ROLES) as Role[]).sort((a, b) => rank(a) - rank(b))
      let changed = false
      for (const role of roles) {
        const { user, actingFor } = ROLES[role]
        const want = expected(kind, role, obj)
        const res = await c.call(r.method as Method, url, {
          token: user ? tokens[user] : undefined,
          actingFor,
          body: r.method === 'GET' || r.method === 'DELETE' ? undefined : {},
        })
        if (!meets(res.status, want)) wrong.push(`${key} as ${role}: ${res.status} ${res.body?.code}, expected ${want}`)
        if (r.method !== 'GET' && res.status < 300) changed = true
      }
      // A write that went through (a logout, an account deleted, a reset) must not colour the next route.
      if (changed) await fresh()
    }
    expect(wrong).toEqual([])
  })
})
