/** @jest-environment node */
/**
 * Personal data on the server's disk and in its output (PIPL art. 51), with a real server process
 * (`npm run server` on PGlite in a temporary `DATA_DIR`):
 * - the data folder, PGlite's folder and the photo folder are readable by the server's user only:
 *   every folder 0700 and every file 0600, including a photo left 0644 by an older version;
 * - no file under the data folder holds an ID number in plain text (they are sealed at rest);
 * - in a journey (real-name binding, a care-card application with a photo, a worker opening it, the
 *   resident's export) no response shows a full ID number but the owner's own export, and the server's
 *   log (stdout and stderr) shows none.
 * Runs when `MC_SQL=1`.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { describeSql } from './databases'
import { call, login, startServerProcess, stopAllServers, type ServerProcess } from './processes'
import { TINY_JPEG } from '../backend/photos'

jest.setTimeout(240_000)

const PHOTO = 'aGVsbG8gd29ybGQ='
const ALL_IDS = PEOPLE.map((p) => idNumberOf(p))
/** A full ID-number shape (17 digits and a digit or X) not inside a longer run. */
const ID_SHAPE = /(?<![0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/g

/** Every path under `dir` (itself included) with its permission bits. */
function modes(dir: string): { path: string; dir: boolean; mode: number }[] {
  const out = [{ path: dir, dir: true, mode: fs.statSync(dir).mode & 0o777 }]
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name)
    if (e.isDirectory()) out.push(...modes(p))
    else if (e.isFile()) out.push({ path: p, dir: false, mode: fs.statSync(p).mode & 0o777 })
  }
  return out
}

describeSql('the server keeps personal data to itself', () => {
  let dataDir: string
  let server: ServerProcess | null = null
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mc-folders-'))
    fs.chmodSync(dataDir, 0o755)
    // A photo written by an older version with the default umask.
    fs.mkdirSync(path.join(dataDir, 'blobs'), { mode: 0o755 })
    fs.writeFileSync(path.join(dataDir, 'blobs', 'img_old'), PHOTO, { mode: 0o644 })
    fs.chmodSync(path.join(dataDir, 'blobs'), 0o755)
  })
  afterAll(async () => {
    await stopAllServers()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })

  it('folders 0700 and files 0600, no ID number in plain text on disk, in responses or in the log', async () => {
    server = await startServerProcess({ DATA_DIR: dataDir })
    const base = server.url
    const seen: { what: string; json: string; own?: string }[] = []
    const as = async (userId: string) => {
      const token = await login(base, userId)
      return async (method: 'GET' | 'POST', url: string, body?: unknown) => {
        const r = await call(base, method, url, { token, body })
        seen.push({ what: `${userId} ${method} ${url} ${r.status}`, json: JSON.stringify(r.body) })
        return r
      }
    }
    const chen = await as('u-chen')
    await chen('POST', '/api/me/privacy', { accepted: true })
    const chenId = idNumberOf(PEOPLE.find((p) => p.key === 'chen')!)
    expect((await chen('POST', '/api/me/real-name', { name: '陈晓东', idNumber: chenId })).status).toBe(200)
    const wang = await as('u-wang')
    const uploaded = await wang('POST', '/api/photos', { contentType: 'image/jpeg', base64: TINY_JPEG })
    expect(uploaded.status).toBe(200)
    const applied = await wang('POST', '/api/care-card/applications', {
      groups: [],
      proofs: [{ kind: 'household', photoId: uploaded.body.photoId }],
    })
    expect(applied.status).toBe(200)
    const zhao = await as('u-zhao')
    await zhao('GET', '/api/worker/care-card/applications?status=all')
    expect((await zhao('GET', `/api/worker/care-card/applications/${applied.body.id}`)).status).toBe(200)
    const image = applied.body.proofs[0].imageId
    expect((await zhao('GET', `/api/worker/care-card/applications/${applied.body.id}/images/${image}`)).status).toBe(
      200,
    )
    for (const [who, fn] of [
      ['u-wang', wang],
      ['u-chen', chen],
      ['u-zhao', zhao],
    ] as const) {
      for (const url of ['/api/me', '/api/me/export', '/api/principal', '/api/messages?limit=50'])
        await fn('GET', url).then(() => (seen[seen.length - 1].own = who))
    }
    const wangId = idNumberOf(PEOPLE.find((p) => p.key === 'wang')!)
    expect(seen.find((s) => s.what === 'u-wang GET /api/me/export 200')!.json).toContain(wangId)
    await server.kill('SIGTERM')

    // Only the owner's own export shows their own number in full.
    const ownNumber: Record<string, string> = Object.fromEntries(PEOPLE.map((p) => [`u-${p.key}`, idNumberOf(p)]))
    const leaks = seen.flatMap((s) =>
      [...s.json.matchAll(ID_SHAPE)]
        .map((m) => m[0])
        .filter((id) => !(/ GET \/api\/me\/export 200$/.test(s.what) && id === ownNumber[s.what.split(' ')[0]]))
        .map((id) => `${s.what}: ${id}`),
    )
    expect(leaks).toEqual([])
    expect(server.output().match(ID_SHAPE) ?? []).toEqual([])

    const wrong = modes(dataDir)
      .filter((e) => e.mode !== (e.dir ? 0o700 : 0o600))
      .map((e) => `${path.relative(dataDir, e.path) || '.'} ${e.mode.toString(8)}`)
    expect(wrong).toEqual([])
    expect(modes(dataDir).filter((e) => !e.dir).length).toBeGreaterThan(10)

    const onDisk = modes(dataDir)
      .filter((e) => !e.dir)
      .flatMap((e) => {
        const bytes = fs.readFileSync(e.path).toString('latin1')
        return ALL_IDS.filter((id) => bytes.includes(id)).map((id) => `${path.relative(dataDir, e.path)}: ${id}`)
      })
    expect(onDisk).toEqual([])
  })
})
