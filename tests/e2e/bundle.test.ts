/**
 * The H5 test build: the embedded demo backend is its own `import()` chunk, not in the app's entry
 * chunk, and no chunk carries server-only code (pg, PGlite, Fastify, SQL, migrations).
 */
import fs from 'node:fs'
import path from 'node:path'
import { H5_TEST_DIST } from './support/server'
import { jsFiles, scanForServerCode } from '../shared/bundle-scan'

describe('H5 build contents', () => {
  const files = jsFiles(H5_TEST_DIST)
  const read = (f: string) => fs.readFileSync(path.join(H5_TEST_DIST, f), 'utf8')

  it('loads the embedded backend as its own chunk', () => {
    const backend = files.filter((f) => /(^|\/)demo-backend\.[0-9a-f]+\.js$/.test(f))
    expect(backend).toHaveLength(1)
    expect(read(backend[0])).toContain('NO_SUCH_APPOINTMENT')
    const app = files.filter((f) => /(^|\/)app\.[0-9a-f]+\.js$/.test(f))
    expect(app).toHaveLength(1)
    expect(read(app[0])).not.toContain('NO_SUCH_APPOINTMENT')
  })

  it('carries no server-only code', () => {
    expect(scanForServerCode(H5_TEST_DIST)).toEqual({})
  })
})
