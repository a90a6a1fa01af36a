/**
 * Navigation never dead-ends:
 * - every route of app.json, opened as the first page (a shared link, a message, a scan) by a suitable
 *   persona with the ids it needs, renders without console errors and not blank, and has a way home:
 *   a tab page, or the "返回首页" control the app's Page shows on a lone page, which lands on home;
 * - a chain of 12 page opens through the app's own links never fails: once WeChat's 10-page stack is
 *   full the app replaces the top page (src/ui/nav.ts `openPage`), and going back ends on home.
 */
import { seedRows } from '@/backend'
import { MiniProgram, MAX_PAGE_STACK, loginAs } from './harness'

jest.setTimeout(60_000)

/** The open term of the youth palace as seeded today (its id follows the season it starts in). */
const openTermId = (seedRows(new Date().toISOString()).yp_terms as { id: string; status: string }[]).find(
  (t) => t.status === 'open',
)!.id

/** Who opens each page and with what query (seeded ids). Every route of app.json must be listed. */
const DEEP_LINKS: Record<string, [persona: string, query?: string]> = {
  'pages/index/index': ['u-wang'],
  'pages/messages/index': ['u-wang'],
  'pages/me/index': ['u-wang'],
  'pages/login/index': ['u-wang'],
  'packages/account/pages/real-name/index': ['u-chen'],
  'packages/account/pages/rooms/index': ['u-wang'],
  'packages/account/pages/family/index': ['u-li'],
  'packages/account/pages/privacy/index': ['u-wang'],
  'packages/settings/pages/export/index': ['u-wang'],
  'packages/settings/pages/follow-ups/index': ['u-zhao'],
  'packages/account/pages/worker/index': ['u-zhao'],
  'packages/account/pages/worker-rooms/index': ['u-zhao'],
  'packages/settings/pages/dev/index': ['u-wang'],
  'packages/settings/pages/devices/index': ['u-wang'],
  'packages/settings/pages/messages/index': ['u-wang'],
  'packages/care-card/pages/index/index': ['u-wang'],
  'packages/care-card/pages/eligibility/index': ['u-wang'],
  'packages/care-card/pages/apply/index': ['u-wang'],
  'packages/care-card/pages/application/index': ['u-xs0', 'id=ca-seed-xs0'],
  'packages/care-card/pages/card/index': ['u-xs0'],
  'packages/care-card/pages/services/index': ['u-xs0'],
  'packages/care-card/pages/book/index': ['u-xs0', 'id=cs-xs-lunch'],
  'packages/care-card/pages/orders/index': ['u-xs0'],
  'packages/care-card/pages/order/index': ['u-xs0', 'id=co-seed-1'],
  'packages/care-card/pages/worker/index': ['u-sun'],
  'packages/care-card/pages/worker-review/index': ['u-sun', 'id=ca-seed-xs0'],
  'packages/care-card/pages/worker-orders/index': ['u-sun'],
  'packages/care-card/pages/worker-proxy/index': ['u-zhao'],
  'packages/care-card/pages/worker-phone/index': ['u-zhao', 'elder=u-wang'],
  'packages/youth-palace/pages/index/index': ['u-wu'],
  'packages/youth-palace/pages/courses/index': ['u-wu'],
  'packages/youth-palace/pages/course/index': ['u-wu', 'id=ypc-calligraphy'],
  'packages/youth-palace/pages/lottery/index': ['u-wu', 'id=ypc-pottery'],
  'packages/youth-palace/pages/my-courses/index': ['u-wu'],
  'packages/youth-palace/pages/checkin/index': ['u-wu', 'id=ype-seed-wu-hr'],
  'packages/youth-palace/pages/worker/index': ['u-zhao'],
  'packages/youth-palace/pages/worker-course/index': ['u-zhao', `termId=${openTermId}`],
  'packages/youth-palace/pages/child/index': ['u-wu', 'id=ypk-wu-hr'],
  'packages/youth-palace/pages/worker-attendance/index': ['u-zhao', 'id=ypc-pottery'],
  'packages/elevator/pages/index/index': ['u-xs0'],
  'packages/elevator/pages/petition/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/elevator/pages/start/index': ['u-zhang', 'unitId=u-zpq-3-1'],
  'packages/elevator/pages/ballot/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/elevator/pages/cost/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/elevator/pages/audit/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/elevator/pages/objections/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/elevator/pages/worker/index': ['u-sun'],
  'packages/elevator/pages/worker-paper-ballot/index': ['u-sun', 'id=ep-xs-5-2'],
  'packages/elevator/pages/worker-objections/index': ['u-sun', 'id=ep-xs-5-2'],
  'packages/elevator/pages/worker-reach/index': ['u-sun', 'id=ep-xs-5-2'],
  'packages/elevator/pages/worker-stages/index': ['u-sun', 'id=ep-xs-5-2'],
  'packages/elevator/pages/result-sheet/index': ['u-xs0', 'id=ep-xs-5-2'],
  'packages/one-thing/pages/index/index': ['u-wang'],
  'packages/one-thing/pages/questions/index': ['u-wang', 'event=newborn'],
  'packages/one-thing/pages/checklist/index': ['u-wang', 'event=newborn'],
  'packages/one-thing/pages/bring/index': ['u-wang', 'event=newborn'],
  'packages/one-thing/pages/appointment/index': ['u-wang', 'event=newborn'],
  'packages/one-thing/pages/appointments/index': ['u-wang'],
  'packages/one-thing/pages/worker/index': ['u-zhao'],
}

/** Storage of a logged-in session per persona (logged in once through the login page). */
const sessions = new Map<string, Map<string, string>>()
async function storageOf(persona: string): Promise<Map<string, string>> {
  if (!sessions.has(persona)) {
    const storage = new Map<string, string>()
    await loginAs(persona, { storage })
    sessions.set(persona, storage)
  }
  return new Map(sessions.get(persona)!)
}

/** Opens `url` as the first page, logged in as `persona`. */
async function openFirst(persona: string, url: string): Promise<MiniProgram> {
  return MiniProgram.launch({ storage: await storageOf(persona), entry: url })
}

/** Rendered, not blank, no leaked placeholders, no console errors. */
function expectRendered(mp: MiniProgram, route: string) {
  const text = mp.page.text()
  expect({ route: mp.page.route, stack: mp.stack.length }).toEqual({ route, stack: 1 })
  expect({ route, text: text.replace(/\s/g, '').length > 12 ? 'rendered' : text }).toEqual({ route, text: 'rendered' })
  expect(text).not.toMatch(/undefined|NaN|Invalid Date|\[object Object\]/)
  expect(mp.errors).toEqual([])
}

/** The way home from a lone page: the app's "返回首页" lands on the home tab. */
async function expectWayHome(mp: MiniProgram) {
  expect(mp.page.has('go-home')).toBe(true)
  expect(
    mp.page
      .get('go-home')
      .children.map((c) => c.text)
      .join(''),
  ).toBe('返回首页')
  await mp.page.tap('go-home')
  expect(mp.page.route).toBe('pages/index/index')
  expect(mp.errors).toEqual([])
}

describe('WeChat build: deep links to every page', () => {
  it('lists every route of app.json', async () => {
    const mp = await MiniProgram.launch()
    expect(Object.keys(DEEP_LINKS).sort()).toEqual(mp.allRoutes().sort())
  })

  it.each(Object.entries(DEEP_LINKS))(
    '%s opens on its own, renders, and has a way home',
    async (route, [persona, query]) => {
      const mp = await openFirst(persona, `/${route}${query ? `?${query}` : ''}`)
      expectRendered(mp, route)
      if (mp.isTab(route)) {
        expect(mp.page.has('go-home')).toBe(false)
        return
      }
      if (route === 'pages/login/index') {
        // The login page is its own start: choosing who logs in goes home.
        await mp.page.tap('persona-u-wang')
        expect(mp.page.route).toBe('pages/index/index')
        return
      }
      await expectWayHome(mp)
    },
  )

  it('a message link to a petition opens it on its own, with a way home', async () => {
    const mp = await openFirst('u-xs0', '/packages/elevator/pages/index/index?petitionId=ep-xs-5-2')
    expectRendered(mp, 'packages/elevator/pages/petition/index')
    await expectWayHome(mp)
  })

  it("a page's own back button on a page opened on its own leads on (the cost page to its petition), never nowhere", async () => {
    const mp = await openFirst('u-xs0', '/packages/elevator/pages/cost/index?id=ep-xs-5-2')
    expectRendered(mp, 'packages/elevator/pages/cost/index')
    await mp.page.tap('cost-back')
    await mp.settle(1000)
    expectRendered(mp, 'packages/elevator/pages/petition/index')
    await expectWayHome(mp)
  })

  it('pages opened from another page show no extra home control', async () => {
    const mp = await loginAs('u-xs0')
    await mp.page.tap('entry-elevator')
    expect(mp.page.route).toBe('packages/elevator/pages/index/index')
    expect(mp.page.has('go-home')).toBe(false)
  })
})

describe('WeChat build: a long chain of page opens', () => {
  it("12 opens through the app's own links never fail (the top page is replaced once the stack is full); back ends on home", async () => {
    const mp = await loginAs('u-xs0')
    const taps: [string, string][] = [
      ['entry-elevator', 'packages/elevator/pages/index/index'],
      ['petition-ep-xs-5-2', 'packages/elevator/pages/petition/index'],
      ['go-cost', 'packages/elevator/pages/cost/index'],
    ]
    while (taps.length < 12) {
      taps.push(
        taps.length % 2
          ? ['cost-audit', 'packages/elevator/pages/audit/index']
          : ['audit-cost', 'packages/elevator/pages/cost/index'],
      )
    }
    for (const [i, [id, route]] of taps.entries()) {
      await mp.page.tap(id)
      expect({ open: i + 1, route: mp.page.route }).toEqual({ open: i + 1, route })
      expect(mp.stack.length).toBe(Math.min(i + 2, MAX_PAGE_STACK))
    }
    expect(mp.calls.filter((c) => c.api === 'redirectTo')).toHaveLength(3)
    expect(mp.errors).toEqual([])
    while (mp.stack.length > 1) await mp.navigateBack()
    expect(mp.page.route).toBe('pages/index/index')
  })
})
