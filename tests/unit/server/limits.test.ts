/** @jest-environment node */
/**
 * The server's limits at the HTTP boundary (Fastify on 127.0.0.1, real HTTP): JSON bodies ≤ 256 KB
 * except on the photo upload (its own checks: `photos.test.ts`), a JSON depth limit, malformed paths,
 * and unexpected errors answered 500 `INTERNAL` with a request id instead of the system's message.
 * The backend here is the in-app one (the transport is what is tested); the SQL stores have their own
 * suites.
 */
import type { FastifyInstance } from 'fastify'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { memoryStorage } from '@/backend/storage/memory'
import { buildApp } from '@/server/app'

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)
let backend: Backend
let app: FastifyInstance
let url: string

beforeEach(async () => {
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(T0), limits: false })
  app = buildApp(backend)
  url = await app.listen({ port: 0, host: '127.0.0.1' })
})
afterEach(() => app.close())

async function send(method: string, path: string, body?: string, token?: string) {
  const headers: Record<string, string> = { 'content-type': 'application/json' }
  if (token) headers.authorization = `Bearer ${token}`
  const res = await fetch(url + path, { method, headers, body })
  const text = await res.text()
  return { status: res.status, headers: res.headers, body: JSON.parse(text), text }
}

async function login(userId: string): Promise<string> {
  const r = await send('POST', '/api/auth/mock-login', JSON.stringify({ userId }))
  expect(r.status).toBe(200)
  return r.body.token as string
}

/** A JSON object padded with a text field to `bytes` long. */
const padded = (bytes: number, extra: object = {}) => {
  const base = JSON.stringify({ ...extra, note: '' })
  return JSON.stringify({ ...extra, note: 'x'.repeat(bytes - base.length) })
}

describe('JSON bodies', () => {
  it('a body over 256 KB on an ordinary route is refused with 413 BODY_TOO_LARGE in plain Chinese', async () => {
    const token = await login('u-wang')
    const r = await send('POST', '/api/me/privacy', padded(256 * 1024 + 1, { accepted: true }), token)
    expect(r.status).toBe(413)
    expect(r.body.code).toBe('BODY_TOO_LARGE')
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
  })

  it('a text/plain body is refused with 415 UNSUPPORTED_MEDIA_TYPE in plain Chinese, before any handler', async () => {
    const token = await login('u-wang')
    const res = await fetch(url + '/api/me/privacy', {
      method: 'POST',
      headers: { 'content-type': 'text/plain', authorization: `Bearer ${token}` },
      body: JSON.stringify({ accepted: true }),
    })
    const body = await res.json()
    expect([res.status, body.code]).toEqual([415, 'UNSUPPORTED_MEDIA_TYPE'])
    expect(body.message).toMatch(/JSON/)
  })

  it('a body just under 256 KB on an ordinary route is read', async () => {
    const token = await login('u-wang')
    const r = await send('POST', '/api/me/privacy', padded(256 * 1024 - 16, { accepted: true }), token)
    expect(r.status).toBe(200)
  })

  it('only the photo upload reads more than 256 KB: a 2 MB photo is read there, refused on a submission route', async () => {
    const token = await login('u-xs1')
    const base64 = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(2 * 1024 * 1024 - 4)]).toString(
      'base64',
    )
    const upload = JSON.stringify({ contentType: 'image/jpeg', base64 })
    expect(upload.length).toBeGreaterThan(2_700_000)
    const r = await send('POST', '/api/photos', upload, token)
    expect(r.status).toBe(200)
    const proofs = [{ kind: 'household', photo: base64 }]
    const onSubmission = await send(
      'POST',
      '/api/care-card/applications',
      JSON.stringify({ groups: [], proofs }),
      token,
    )
    expect({ status: onSubmission.status, code: onSubmission.body.code }).toEqual({
      status: 413,
      code: 'BODY_TOO_LARGE',
    })
    const tooBig = await send('POST', '/api/photos', padded(3 * 1024 * 1024, { contentType: 'image/jpeg' }), token)
    expect({ status: tooBig.status, code: tooBig.body.code }).toEqual({ status: 413, code: 'BODY_TOO_LARGE' })
  })

  it('JSON nested deeper than 64 levels is refused with 400 before any handler runs; 64 levels are read', async () => {
    const token = await login('u-wang')
    const deep = (n: number) => '{"accepted":true,"x":' + '['.repeat(n) + ']'.repeat(n) + '}'
    const r = await send('POST', '/api/me/privacy', deep(10_000), token)
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'JSON_TOO_DEEP' })
    expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
    // Brackets inside strings are text, not nesting.
    const inText = JSON.stringify({ accepted: true, note: '['.repeat(10_000) })
    expect((await send('POST', '/api/me/privacy', inText, token)).status).toBe(200)
    expect((await send('POST', '/api/me/privacy', deep(62), token)).status).toBe(200)
  })
})

describe('paths', () => {
  it.each(['/api/messages/%E0%A4%A/read', '/api/%E0%A4%A', '/api/youth-palace/children/%'])(
    'a malformed percent escape (%s) is answered 400 BAD_PATH',
    async (path) => {
      const token = await login('u-wang')
      const r = await send('POST', path, '{}', token)
      expect({ status: r.status, code: r.body.code }).toEqual({ status: 400, code: 'BAD_PATH' })
    },
  )
})

describe('unexpected errors', () => {
  it('a system error (ENOSPC) is answered 500 INTERNAL with the request id, never its message', async () => {
    const token = await login('u-wang')
    const transaction = backend.store.transaction.bind(backend.store)
    let fail = false
    backend.store.transaction = (work) => {
      if (fail) {
        fail = false
        return Promise.reject(
          Object.assign(new Error("ENOSPC: no space left on device, write '/srv/data/pg/base/16384'"), {
            code: 'ENOSPC',
          }),
        )
      }
      return transaction(work)
    }
    fail = true
    const r = await send('POST', '/api/me/privacy', JSON.stringify({ accepted: true }), token)
    expect(r.status).toBe(500)
    expect(r.body).toEqual({
      code: 'INTERNAL',
      message: '服务暂时出了点问题，请稍后再试',
      requestId: expect.any(String),
    })
    expect(r.body.requestId.length).toBeGreaterThan(8)
    expect(r.headers.get('x-request-id')).toBe(r.body.requestId)
    expect(r.text).not.toMatch(/ENOSPC|srv/)
  })

  it('every answer carries an x-request-id, a different one per request', async () => {
    const a = await send('GET', '/api/auth/personas')
    const b = await send('GET', '/api/no-such-thing')
    expect(a.headers.get('x-request-id')).toBeTruthy()
    expect(b.headers.get('x-request-id')).toBeTruthy()
    expect(a.headers.get('x-request-id')).not.toBe(b.headers.get('x-request-id'))
  })

  it('known domain errors keep their status and code', async () => {
    const token = await login('u-chen')
    expect((await send('POST', '/api/me/privacy', JSON.stringify({ accepted: true }), token)).status).toBe(200)
    const r = await send('POST', '/api/me/real-name', JSON.stringify({ name: '陈晓东', idNumber: '123' }), token)
    expect({ status: r.status, code: r.body.code }).toEqual({ status: 422, code: 'INVALID_RESIDENT_ID' })
  })
})
