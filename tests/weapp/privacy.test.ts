/**
 * Privacy on WeChat (the backend side is tests/unit/backend/privacy.test.ts):
 * - no URL the app builds — page navigations and requests — and nothing it logs carries an ID number,
 *   through real-name binding, a family link (typing the mother's number) and a care-card application
 *   by proxy; ID numbers travel only in the bodies of the two requests that need them;
 * - views show ID numbers masked;
 * - before the privacy notice is accepted the app stores nothing personal: only the privacy flag and
 *   settings (the embedded mocked backend's own `mc:t:` tables stand for the server's database).
 */
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { parseResidentId } from '@/domain/shared/residentId'
import { MiniProgram, loginAs, logout, seededIdNumber } from './harness'

jest.setTimeout(60_000)

const EVERY_ID = PEOPLE.map(idNumberOf)
const NAV_APIS = ['navigateTo', 'redirectTo', 'reLaunch', 'switchTab']

/** ID numbers in `text`: any seeded person's, or any valid 18-character number. */
function idNumbersIn(text: string): string[] {
  const shaped = (text.match(/\d{17}[\dXx]/g) ?? []).filter((id) => {
    try {
      parseResidentId(id, '2026-03-02')
      return true
    } catch {
      return false
    }
  })
  return [...new Set([...EVERY_ID.filter((id) => text.includes(id)), ...shaped])]
}

/** What one launch of the app exposed: navigation URLs, request URLs, logs, and request bodies. */
function exposedBy(mp: MiniProgram) {
  return {
    urls: mp.calls.filter((c) => NAV_APIS.includes(c.api)).map((c) => String((c.args as { url: string }).url)),
    requestUrls: mp.requests.map((r) => `${r.method} ${r.url}`),
    logs: [...mp.logs, ...mp.errors].map((args) => {
      try {
        return JSON.stringify(args)
      } catch {
        return String(args)
      }
    }),
    bodies: mp.requests.map((r) => ({ url: r.url, body: JSON.stringify(r.body ?? null) })),
  }
}

/** A persisted zustand slice as the app stored it (wx storage holds the JSON text zustand wrote). */
function persisted(mp: MiniProgram, key: string): Record<string, unknown> | undefined {
  const raw = mp.storage.get(key)
  if (raw === undefined) return undefined
  const value = JSON.parse(raw)
  return (typeof value === 'string' ? JSON.parse(value) : value).state
}

describe('WeChat build: privacy', () => {
  it('no navigation URL, request URL or log carries an ID number through real-name, a family link and a proxy application', async () => {
    const storage = new Map<string, string>()
    const launches: MiniProgram[] = []
    const login = async (userId: string) => {
      const mp = await loginAs(userId, { storage, recordRequests: true })
      launches.push(mp)
      return mp
    }
    // 陈晓东 binds his real name; the "我的" page shows the number masked.
    let mp = await login('u-chen')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('go-real-name')
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', seededIdNumber('陈晓东'))
    await mp.page.tap('real-name-submit')
    await mp.settle(2000)
    expect(mp.page.route).toBe('pages/me/index')
    expect(mp.page.text()).toMatch(/330\*{11}\d{3}[\dX]/)
    expect(idNumbersIn(mp.page.text())).toEqual([])
    await logout(mp)
    // 李红 asks to act for her mother, typing the mother's number; 王秀英 confirms.
    mp = await login('u-li')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('go-family')
    await mp.page.input('family-name', '王秀英')
    await mp.page.input('family-id', seededIdNumber('王秀英'))
    await mp.page.tap('family-submit')
    expect(mp.page.text()).toContain('待确认')
    expect(idNumbersIn(mp.page.text())).toEqual([])
    await logout(mp)
    mp = await login('u-wang')
    await mp.page.tap('李红申请为您代办')
    await mp.page.tap(/^同意$/)
    expect(mp.page.text()).toContain('已生效')
    await logout(mp)
    // 李红 acts for her mother: eligibility, apply with a photo, the application, then her own export.
    mp = await login('u-li')
    await mp.switchTab('/pages/me/index')
    await mp.page.tap('act-for-u-wang')
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.page.tap('go-eligibility')
    await mp.page.tap('eligibility-check')
    await mp.page.tap('eligibility-apply')
    await mp.page.tap('proof-household')
    await mp.page.tap('apply-submit')
    await mp.settle()
    await mp.page.tap('apply-view')
    await mp.settle()
    expect(mp.page.route).toBe('packages/care-card/pages/application/index')
    expect(idNumbersIn(mp.page.text())).toEqual([])

    const all = launches.map(exposedBy)
    const urls = all.flatMap((x) => x.urls)
    const requestUrls = all.flatMap((x) => x.requestUrls)
    expect(urls.length).toBeGreaterThan(8)
    expect(requestUrls.length).toBeGreaterThan(30)
    expect(urls.filter((u) => idNumbersIn(u).length)).toEqual([])
    expect(requestUrls.filter((u) => idNumbersIn(u).length)).toEqual([])
    expect(all.flatMap((x) => x.logs).filter((l) => idNumbersIn(l).length)).toEqual([])
    // The numbers did travel, in the bodies of exactly the two requests that need them.
    const carrying = all
      .flatMap((x) => x.bodies)
      .filter((b) => idNumbersIn(b.body).length)
      .map((b) => b.url)
    expect(carrying).toEqual(['/api/me/real-name', '/api/family-links'])
    for (const m of launches) expect(m.errors).toEqual([])
  })

  it('stores nothing personal before the privacy notice is accepted', async () => {
    const mp = await MiniProgram.launch({ recordRequests: true })
    expect(mp.page.route).toBe('pages/login/index')
    mp.modalAnswers = [false] // 不同意 → "返回" (stay on login; the other answer opens the guides)
    await mp.page.tap('不同意')
    expect(mp.page.route).toBe('pages/login/index')
    await mp.navigateTo('/packages/account/pages/privacy/index')
    await mp.navigateBack()
    // The embedded backend's tables and images (`mc:t:`, `mc:img:`) stand for the server's database.
    const appKeys = () => [...mp.storage.keys()].filter((k) => !k.startsWith('mc:t:') && !k.startsWith('mc:img:'))
    expect(appKeys().filter((k) => !['mc:settings', 'mc:session'].includes(k))).toEqual([])
    const session = persisted(mp, 'mc:session')
    if (session) expect(session).toMatchObject({ token: null, me: null, actingFor: null })
    // Nothing left the app but the public list of demo personas.
    expect(mp.requests.map((r) => `${r.method} ${r.url}`)).toEqual(['GET /api/auth/personas'])

    await mp.page.tap('accept-privacy')
    expect(appKeys()).toEqual(['mc:session'])
    expect(persisted(mp, 'mc:session')).toEqual({
      token: null,
      me: null,
      actingFor: null,
      privacyAcceptedOnDevice: true,
    })
    // Only after choosing who logs in does the session hold a person.
    await mp.page.tap('persona-u-wang')
    expect(persisted(mp, 'mc:session')).toMatchObject({ me: { displayName: '王秀英' } })
  })
})
