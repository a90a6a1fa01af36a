/**
 * The route table (src/domain/routes.ts, docs/conventions.md "Routes"): every href opens a page that
 * app.config.ts registers and that exists on disk, every registered page has an href, and parameters
 * are encoded so an id or a name never breaks the query.
 */
import fs from 'node:fs'
import path from 'node:path'
import { ALL_ROUTES, href, toHref } from '@/domain/routes'

interface AppConfig {
  pages: string[]
  subPackages: { root: string; pages: string[] }[]
  tabBar: { list: { pagePath: string }[] }
  preloadRule: Record<string, { packages: string[] }>
}

const SRC = path.resolve(__dirname, '../../../src')

function appConfig(): AppConfig {
  ;(globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the global it needs is set
  return require('@/app.config').default as AppConfig
}

/** Every page app.config.ts registers, as `packages/x/pages/y/index` or `pages/y/index`. */
const registered = () => {
  const c = appConfig()
  return [...c.pages, ...c.subPackages.flatMap((p) => p.pages.map((page) => `${p.root}/${page}`))]
}

/** Every page folder on disk (an `index.tsx` under a pages folder). */
function pagesOnDisk(): string[] {
  const found: string[] = []
  const walk = (dir: string) => {
    for (const e of fs.readdirSync(path.join(SRC, dir), { withFileTypes: true })) {
      const rel = `${dir}/${e.name}`
      if (e.isDirectory()) walk(rel)
      else if (e.name === 'index.tsx' && /(^|\/)pages\/[a-z-]+\/index\.tsx$/.test(rel)) found.push(rel.slice(0, -4))
    }
  }
  walk('pages')
  walk('packages')
  return found
}

describe('route table', () => {
  it('registers exactly the pages of href in app.config.ts', () => {
    expect(registered().sort()).toEqual(ALL_ROUTES.map((r) => r.path).sort())
    expect(new Set(ALL_ROUTES.map((r) => r.path)).size).toBe(ALL_ROUTES.length)
  })

  it('has an href for every page on disk, and a page on disk for every href', () => {
    expect(pagesOnDisk().sort()).toEqual(ALL_ROUTES.map((r) => r.path).sort())
    for (const r of ALL_ROUTES)
      expect([r.path, fs.existsSync(path.join(SRC, `${r.path}.config.ts`))]).toEqual([r.path, true])
  })

  it('every href of the table, main package and each subpackage, opens a registered page', () => {
    const pages = new Set(registered())
    const links = Object.values(href).flatMap((v) =>
      typeof v === 'function' ? [(v as () => string)()] : Object.values(v).map((f) => (f as () => string)()),
    )
    expect(links).toHaveLength(ALL_ROUTES.length)
    for (const link of links) expect([link, pages.has(link.replace(/^\//, '').split('?')[0])]).toEqual([link, true])
  })

  it('keeps the main package first, the tab pages and the preloads on registered pages', () => {
    const c = appConfig()
    expect(c.pages[0]).toBe('pages/index/index')
    expect(c.tabBar.list.map((t) => t.pagePath)).toEqual([
      'pages/index/index',
      'pages/messages/index',
      'pages/me/index',
    ])
    expect(c.subPackages.map((p) => p.root)).toEqual(
      expect.arrayContaining([
        'packages/account',
        'packages/care-card',
        'packages/youth-palace',
        'packages/elevator',
        'packages/one-thing',
        'packages/settings',
      ]),
    )
    expect(c.preloadRule['pages/index/index'].packages).toEqual([
      'packages/account',
      'packages/care-card',
      'packages/youth-palace',
      'packages/elevator',
      'packages/one-thing',
    ])
    expect(c.preloadRule['pages/me/index'].packages).toEqual(['packages/account', 'packages/settings'])
  })
})

describe('href builders', () => {
  it('builds the page URL with a leading slash, no query without parameters', () => {
    expect(href.home()).toBe('/pages/index/index')
    expect(href.careCard.index()).toBe('/packages/care-card/pages/index/index')
    expect(href.settings.export()).toBe('/packages/settings/pages/export/index')
    expect(href.account.realName()).toBe('/packages/account/pages/real-name/index')
  })

  it('encodes every parameter and keeps their order', () => {
    expect(href.careCard.order({ id: 'o-1' })).toBe('/packages/care-card/pages/order/index?id=o-1')
    expect(href.youthPalace.checkin({ id: 'e 1&x=2', name: '小明·美术' })).toBe(
      '/packages/youth-palace/pages/checkin/index?id=e%201%26x%3D2&name=%E5%B0%8F%E6%98%8E%C2%B7%E7%BE%8E%E6%9C%AF',
    )
    expect(href.oneThing.appointment({ event: 'birth', change: 'a1', hall: 'h/2' })).toBe(
      '/packages/one-thing/pages/appointment/index?event=birth&change=a1&hall=h%2F2',
    )
  })

  it('leaves out absent and empty optional parameters', () => {
    expect(href.youthPalace.courses({ termId: 't1', childId: undefined })).toBe(
      '/packages/youth-palace/pages/courses/index?termId=t1',
    )
    expect(href.youthPalace.myCourses({ childId: '' })).toBe('/packages/youth-palace/pages/my-courses/index')
    expect(href.careCard.apply()).toBe('/packages/care-card/pages/apply/index')
  })

  it('round-trips a login redirect: the encoded link decodes to the page it names', () => {
    const back = href.elevator.petition({ id: 'p 1' })
    const login = href.login({ redirect: back })
    expect(login).toBe(`/pages/login/index?redirect=${encodeURIComponent(back)}`)
    expect(decodeURIComponent(login.split('redirect=')[1])).toBe(back)
  })
})

describe('toHref: links that came as data', () => {
  it('accepts a link to a registered page, with or without the leading slash', () => {
    expect(toHref('/packages/elevator/pages/petition/index?id=p1')).toBe(
      '/packages/elevator/pages/petition/index?id=p1',
    )
    expect(toHref('pages/me/index')).toBe('/pages/me/index')
  })

  it('refuses what names no page of this app', () => {
    for (const bad of [
      '',
      '/pages/nowhere/index',
      'https://example.com/pages/me/index',
      '/packages/care-card/pages/x/index',
    ])
      expect([bad, toHref(bad)]).toEqual([bad, null])
  })
})
