/** @jest-environment node */
/**
 * Photos through their own upload route, at the HTTP boundary: `POST /api/photos` accepts a real
 * JPEG, PNG or WebP of at most 2 MB, checks its first bytes against the declared kind, and answers an
 * id; submissions name the photo by that id (the caller's own, used once), and every other route keeps
 * the 256 KB body limit. The first block runs Fastify over the in-app backend (the transport's limits);
 * the second every transport of `client.ts` (in-app, and the server on PGlite and PostgreSQL when
 * enabled), so the rules hold on each store.
 */
import type { FastifyInstance } from 'fastify'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { PHOTO_UPLOAD_BODY_LIMIT } from '@/backend/core/http'
import { memoryStorage } from '@/backend/storage/memory'
import { PHOTO_MAX_BYTES } from '@/domain/shared/photos'
import { buildApp } from '@/server/app'
import { idNumberOf, TRANSPORTS, type Client } from '../backend/client'
import { TINY_JPEG, TINY_PNG, uploadedPhoto } from '../backend/photos'

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)

/** Base64 of `bytes` bytes beginning with `head` (the rest zeros). */
const fileOf = (head: number[], bytes: number) => {
  const b = Buffer.alloc(bytes)
  Buffer.from(head).copy(b)
  return b.toString('base64')
}
const JPEG_HEAD = [0xff, 0xd8, 0xff, 0xe0]
/** A WebP's first 12 bytes: RIFF, a length, WEBP. */
const WEBP_HEAD = [0x52, 0x49, 0x46, 0x46, 0x24, 0, 0, 0, 0x57, 0x45, 0x42, 0x50]

describe('the upload route over HTTP (Fastify, in-app backend)', () => {
  let app: FastifyInstance
  let url: string

  beforeEach(async () => {
    const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(T0), limits: false })
    app = buildApp(backend)
    url = await app.listen({ port: 0, host: '127.0.0.1' })
  })
  afterEach(() => app.close())

  async function send(method: string, path: string, body?: string, token?: string) {
    const headers: Record<string, string> = { 'content-type': 'application/json' }
    if (token) headers.authorization = `Bearer ${token}`
    const res = await fetch(url + path, { method, headers, body })
    return { status: res.status, body: JSON.parse(await res.text()) }
  }
  const login = async (userId: string) =>
    (await send('POST', '/api/auth/mock-login', JSON.stringify({ userId }))).body.token as string
  const upload = (token: string | undefined, contentType: string, base64: string) =>
    send('POST', '/api/photos', JSON.stringify({ contentType, base64 }), token)

  it('accepts a real tiny JPEG, PNG and WebP and answers an id', async () => {
    const token = await login('u-wang')
    const jpeg = await upload(token, 'image/jpeg', TINY_JPEG)
    expect(jpeg.status).toBe(200)
    expect(jpeg.body.photoId).toMatch(/^ph_[0-9a-f]{32}$/)
    const png = await upload(token, 'image/png', TINY_PNG)
    expect(png.status).toBe(200)
    expect(png.body.photoId).not.toBe(jpeg.body.photoId)
    expect((await upload(token, 'image/webp', fileOf(WEBP_HEAD, 44))).status).toBe(200)
  })

  it('refuses anyone not logged in (401)', async () => {
    expect((await upload(undefined, 'image/jpeg', TINY_JPEG)).status).toBe(401)
  })

  it('refuses a text file named .jpg with 415 PHOTO_TYPE in plain Chinese', async () => {
    const r = await upload(await login('u-wang'), 'image/jpeg', Buffer.from('hello world').toString('base64'))
    expect(r.status).toBe(415)
    expect(r.body.code).toBe('PHOTO_TYPE')
    expect(r.body.message).toMatch(/^这不是一张照片/)
  })

  it('refuses bytes that are not the declared kind: PNG declared, JPEG sent; JPEG declared, PNG sent', async () => {
    const token = await login('u-wang')
    expect((await upload(token, 'image/png', TINY_JPEG)).body.code).toBe('PHOTO_TYPE')
    expect((await upload(token, 'image/jpeg', TINY_PNG)).status).toBe(415)
    expect((await upload(token, 'image/gif', 'R0lGODlhAQABAAAAACw=')).status).toBe(415)
    expect((await upload(token, 'image/jpeg', '%%%not base64%%%')).status).toBe(415)
  })

  it('takes exactly 2 MB and refuses 2 MB + 1 byte with 413 PHOTO_TOO_LARGE naming the limit', async () => {
    const token = await login('u-wang')
    expect((await upload(token, 'image/jpeg', fileOf(JPEG_HEAD, PHOTO_MAX_BYTES))).status).toBe(200)
    const r = await upload(token, 'image/jpeg', fileOf(JPEG_HEAD, PHOTO_MAX_BYTES + 1))
    expect(r.status).toBe(413)
    expect(r.body).toMatchObject({ code: 'PHOTO_TOO_LARGE', message: '照片太大，请重新拍摄（不超过 2 MB）' })
  })

  it("refuses a body over the upload's own limit while reading it (413 BODY_TOO_LARGE)", async () => {
    const token = await login('u-wang')
    const base64 = 'A'.repeat(PHOTO_UPLOAD_BODY_LIMIT)
    const r = await upload(token, 'image/jpeg', base64)
    expect(r.status).toBe(413)
    expect(r.body.code).toBe('BODY_TOO_LARGE')
  })

  it('a submission route that used to carry photos now refuses a 300 KB body (413 BODY_TOO_LARGE)', async () => {
    const token = await login('u-wang')
    const body = JSON.stringify({ groups: [], proofs: [{ kind: 'household', photoId: 'x'.repeat(300 * 1024) }] })
    for (const path of ['/api/care-card/applications', '/api/youth-palace/children']) {
      const r = await send('POST', path, body, token)
      expect({ path, status: r.status, code: r.body.code }).toEqual({ path, status: 413, code: 'BODY_TOO_LARGE' })
    }
  })
})

describe.each(TRANSPORTS)('photos are attached by id, once, by their owner (%s)', (_name, make) => {
  let c: Client
  let chen: string
  const addChild = (token: string, name: string, hardshipProofPhotoId: string) =>
    c.call('POST', '/api/youth-palace/children', {
      token,
      body: { name, birthDate: '2019-05-01', hardship: true, hardshipProofPhotoId },
    })

  beforeEach(async () => {
    c = await make()
    chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  it("attaches the uploader's photo: the row keeps its id, the image its bytes", async () => {
    const photoId = await uploadedPhoto(c, chen)
    const r = await addChild(chen, '陈小宝', photoId)
    expect(r.status).toBe(200)
    expect(r.body.hardshipProof).toBe(true)
    const [kid] = await c.backend.inspect('yp_children', { name: '陈小宝' })
    expect(kid.hardshipProofImageId).toBe(photoId)
    expect(await c.backend.run((tx) => tx.core.images.get(photoId))).toBe(TINY_JPEG)
    const [photo] = await c.backend.inspect('photos', { id: photoId })
    expect(photo).toMatchObject({ ownerId: 'u-chen', contentType: 'image/jpeg', bytes: 612 })
    expect(photo.attachedTo).toBe(`youth-palace-child:${kid.id}`)
  })

  it("refuses someone else's photo id (422 PHOTO_UNKNOWN, the same answer as an unknown id)", async () => {
    const wang = await c.login('u-wang')
    const theirs = await uploadedPhoto(c, wang)
    const r = await addChild(chen, '陈小宝', theirs)
    expect(r.status).toBe(422)
    expect(r.body).toMatchObject({ code: 'PHOTO_UNKNOWN', message: '照片已失效，请重新拍摄' })
    expect(r.body.fields).toEqual({ hardshipProofPhotoId: '照片已失效，请重新拍摄' })
    const unknown = await addChild(chen, '陈小宝', 'ph_00000000000000000000000000000000')
    expect({ status: unknown.status, body: unknown.body }).toEqual({ status: r.status, body: r.body })
    // Nothing was saved, and the photo is still theirs to use.
    expect(await c.backend.inspect('yp_children', { name: '陈小宝' })).toEqual([])
    expect((await c.backend.inspect('photos', { id: theirs }))[0].attachedTo ?? null).toBeNull()
  })

  it('refuses a photo id used already (409 PHOTO_USED)', async () => {
    const photoId = await uploadedPhoto(c, chen)
    expect((await addChild(chen, '陈小宝', photoId)).status).toBe(200)
    const again = await addChild(chen, '陈二宝', photoId)
    expect(again.status).toBe(409)
    expect(again.body.code).toBe('PHOTO_USED')
    expect(again.body.message).toMatch(/只能用一次/)
    expect(await c.backend.inspect('yp_children', { name: '陈二宝' })).toEqual([])
  })

  it("a proxy's photo goes into the application they make for their family member, not the other way", async () => {
    const li = await c.login('u-li')
    const wang = await c.login('u-wang')
    const link = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })
    expect((await c.call('POST', `/api/family-links/${link.body.id}/confirm`, { token: wang })).status).toBe(200)
    const apply = (token: string, photoId: string, actingFor?: string) =>
      c.call('POST', '/api/care-card/applications', {
        token,
        actingFor,
        body: { groups: [], proofs: [{ kind: 'household', photoId }] },
      })
    // The elder cannot submit the photo her daughter took (it is the daughter's upload).
    const daughters = await uploadedPhoto(c, li, 'u-wang')
    const refused = await apply(wang, daughters)
    expect(refused.body.code).toBe('PHOTO_UNKNOWN')
    expect(refused.body.fields).toEqual({ 'proofs.0.photoId': '照片已失效，请重新拍摄' })
    const r = await apply(li, daughters, 'u-wang')
    expect(r.status).toBe(200)
    expect(r.body.proofs.map((p: { imageId: string }) => p.imageId)).toEqual([daughters])
  })

  it('a photo left pending for a day is removed, with its image', async () => {
    const photoId = await uploadedPhoto(c, chen)
    c.clock.advance(25 * 3600_000)
    // Any request runs the purge (at most every 10 minutes).
    await c.call('GET', '/api/me', { token: chen })
    expect(await c.backend.inspect('photos', { id: photoId })).toEqual([])
    expect(await c.backend.run((tx) => tx.core.images.get(photoId))).toBeNull()
    expect((await addChild(chen, '陈小宝', photoId)).body.code).toBe('PHOTO_UNKNOWN')
  })
})
