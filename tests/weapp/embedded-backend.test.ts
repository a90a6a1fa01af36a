/**
 * The embedded demo backend lives outside the WeChat main package: the subpackage packages/demo-backend,
 * loaded with require.async when the app starts (分包异步化). Requests made before it has loaded wait for
 * it; the first screen shows its loading state meanwhile.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DEFAULT_DIST, MiniProgram } from './harness'
import { jsFiles, scanForServerCode } from '../shared/bundle-scan'

const SRC = path.resolve(__dirname, '../../src')

/** Error codes (`'NO_SUCH_APPOINTMENT'`…) written only in src/backend: their presence marks backend code. */
function backendOnlyCodes(): string[] {
  const read = (dir: string): string[] =>
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => /\.tsx?$/.test(f))
      .map((f) => fs.readFileSync(path.join(dir, f), 'utf8'))
  const codes = (texts: string[]) =>
    new Set(texts.flatMap((t) => [...t.matchAll(/'([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)'/g)].map((m) => m[1])))
  const backend = codes(read(path.join(SRC, 'backend')))
  const elsewhere = codes(
    ['api', 'domain', 'mock', 'packages', 'pages', 'stores', 'ui'].flatMap((d) => read(path.join(SRC, d))),
  )
  return [...backend].filter((c) => !elsewhere.has(c)).sort()
}

describe('WeChat build: the embedded backend in its own subpackage', () => {
  const app = JSON.parse(fs.readFileSync(path.join(DEFAULT_DIST, 'app.json'), 'utf8'))
  const files = jsFiles(DEFAULT_DIST)
  const text = (fs_: string[]) => fs_.map((f) => fs.readFileSync(path.join(DEFAULT_DIST, f), 'utf8')).join('\n')
  const mainFiles = files.filter((f) => !f.startsWith('packages/'))
  const backendFiles = files.filter((f) => f.startsWith('packages/demo-backend/'))

  it('declares packages/demo-backend as a subpackage without pages', () => {
    expect(app.subPackages.find((s: { root: string }) => s.root === 'packages/demo-backend')).toEqual({
      root: 'packages/demo-backend',
      pages: [],
    })
    expect(backendFiles).toContain('packages/demo-backend/index.js')
  })

  it('keeps the backend out of the main package and puts it in its own', () => {
    const codes = backendOnlyCodes()
    expect(codes.length).toBeGreaterThan(50)
    const main = text(mainFiles)
    const pkg = text(backendFiles)
    expect(codes.filter((c) => main.includes(`"${c}"`))).toEqual([])
    expect(codes.filter((c) => !pkg.includes(`"${c}"`))).toEqual([])
  })

  it('contains no server-only code (pg, PGlite, Fastify, SQL, migrations)', () => {
    expect(scanForServerCode(DEFAULT_DIST)).toEqual({})
  })

  it('loads the backend at launch; a request made before it has loaded waits, the page shows its loading state', async () => {
    const mp = await MiniProgram.launch({ asyncRequireDelayMs: 30_000 })
    expect(mp.asyncRequires).toEqual(['packages/demo-backend/index.js'])
    expect(mp.page.route).toBe('pages/login/index')
    if (mp.page.has('accept-privacy')) await mp.page.tap('accept-privacy')
    expect(mp.page.has('persona-u-wang')).toBe(false)
    expect(mp.page.text()).toContain('正在加载')
    await mp.settle(30_000)
    expect(mp.page.has('persona-u-wang')).toBe(true)
    expect(mp.page.text()).not.toContain('没有')
    await mp.page.tap('persona-u-wang')
    expect(mp.page.route).toBe('pages/index/index')
    expect(mp.errors).toEqual([])
    expect(mp.asyncRequires).toEqual(['packages/demo-backend/index.js'])
  })
})
