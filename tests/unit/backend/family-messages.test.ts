/** @jest-environment node */
import { idNumberOf, TRANSPORTS, type Client } from './client'
import { TINY_JPEG, uploadedPhoto } from './photos'

describe.each(TRANSPORTS)('family links and messages (%s)', (_name, make) => {
  let c: Client
  let li: string
  let wang: string
  beforeEach(async () => {
    c = await make()
    li = await c.login('u-li')
    wang = await c.login('u-wang')
  })
  afterEach(() => c.close())

  const request = (key?: string) =>
    c.call('POST', '/api/family-links', {
      token: li,
      key,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '子女' },
    })

  it('a proxy acts only after the principal confirms, and not after revoking', async () => {
    const r = await request()
    expect(r.status).toBe(200)
    expect(r.body).toMatchObject({ status: 'pending', viewerSide: 'proxy', principal: { name: '王秀英' } })
    expect((await c.call('GET', '/api/principal', { token: li, actingFor: 'u-wang' })).body.code).toBe('NOT_A_PROXY')
    const inbox = await c.call('GET', '/api/messages', { token: wang })
    expect(inbox.body.items[0].title).toBe('家人申请为您代办')
    expect((await c.call('POST', `/api/family-links/${r.body.id}/confirm`, { token: li })).status).toBe(403)
    const confirmed = await c.call('POST', `/api/family-links/${r.body.id}/confirm`, { token: wang })
    expect(confirmed.body).toMatchObject({ status: 'confirmed', confirmedBy: 'principal' })
    const acting = await c.call('GET', '/api/principal', { token: li, actingFor: 'u-wang' })
    expect(acting.body.displayName).toBe('王秀英')
    expect(
      (await c.call('POST', '/api/me/privacy', { token: li, actingFor: 'u-wang', body: { accepted: true } })).status,
    ).toBe(403)
    await c.call('POST', `/api/family-links/${r.body.id}/revoke`, { token: wang })
    expect((await c.call('GET', '/api/principal', { token: li, actingFor: 'u-wang' })).status).toBe(403)
  })

  it('the request message is read once it is answered, withdrawn or confirmed by a worker; nothing else is marked read', async () => {
    const unreadOf = async (token: string) =>
      (await c.call('GET', '/api/messages', { token })).body.items
        .filter((m: { read: boolean }) => !m.read)
        .map((m: { title: string }) => m.title)
    const before = await unreadOf(wang)
    const first = await request()
    expect(await unreadOf(wang)).toEqual(['家人申请为您代办', ...before])
    await c.call('POST', `/api/family-links/${first.body.id}/confirm`, { token: wang })
    expect(await unreadOf(wang)).toEqual(before)
    expect(await unreadOf(li)).toContain('代办申请已同意')
    // Declined, withdrawn by the proxy, confirmed by the worker: each time her request message goes read.
    await c.call('POST', `/api/family-links/${first.body.id}/revoke`, { token: wang })
    const zhao = await c.login('u-zhao')
    for (const answer of ['decline', 'withdraw', 'worker'] as const) {
      const r = await request()
      expect(await unreadOf(wang)).toContain('家人申请为您代办')
      if (answer === 'decline') await c.call('POST', `/api/family-links/${r.body.id}/decline`, { token: wang })
      if (answer === 'withdraw') await c.call('POST', `/api/family-links/${r.body.id}/revoke`, { token: li })
      if (answer === 'worker')
        await c.call('POST', `/api/worker/family-links/${r.body.id}/confirm`, {
          token: zhao,
          body: { authorizationPhotoId: await uploadedPhoto(c, zhao) },
        })
      expect({ answer, unread: await unreadOf(wang) }).toEqual({
        answer,
        unread: expect.not.arrayContaining(['家人申请为您代办']),
      })
    }
  })

  it('refuses a second open request (409) and an unknown family member (422)', async () => {
    await request()
    expect((await request()).body.code).toBe('LINK_EXISTS')
    const unknown = await c.call('POST', '/api/family-links', {
      token: li,
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-zhang'), relationship: '子女' },
    })
    expect(unknown.body).toMatchObject({
      code: 'PRINCIPAL_NOT_FOUND',
      fields: { principalIdNumber: expect.any(String) },
    })
  })

  it('a worker of the same community confirms with a photo; others cannot', async () => {
    const r = await request()
    const sun = await c.login('u-sun')
    const zhao = await c.login('u-zhao')
    expect((await c.call('GET', '/api/worker/family-links', { token: li })).status).toBe(403)
    expect(
      (
        await c.call('POST', `/api/worker/family-links/${r.body.id}/confirm`, {
          token: sun,
          body: { authorizationPhotoId: await uploadedPhoto(c, sun) },
        })
      ).status,
    ).toBe(403)
    expect((await c.call('GET', '/api/worker/family-links', { token: zhao })).body).toHaveLength(1)
    const ok = await c.call('POST', `/api/worker/family-links/${r.body.id}/confirm`, {
      token: zhao,
      body: { authorizationPhotoId: await uploadedPhoto(c, zhao) },
    })
    expect(ok.body).toMatchObject({ status: 'confirmed', confirmedBy: 'worker' })
    const [link] = await c.backend.inspect<{ authorizationImageId?: string }>('family_links', { id: r.body.id })
    expect(await c.backend.store.transaction((t) => t.images.get(link.authorizationImageId!))).toBe(TINY_JPEG)
  })

  it("messages: pages, unread count, mark read; another user's message is not found", async () => {
    await request()
    let page = await c.call('GET', '/api/messages?limit=1', { token: wang })
    expect(page.body).toMatchObject({ unread: 2, nextCursor: '1' })
    expect(page.body.items).toHaveLength(1)
    const id = page.body.items[0].id
    expect((await c.call('POST', `/api/messages/${id}/read`, { token: li })).status).toBe(404)
    expect((await c.call('POST', `/api/messages/${id}/read`, { token: wang })).body.read).toBe(true)
    expect((await c.call('GET', '/api/messages/unread-count', { token: wang })).body.unread).toBe(1)
    page = await c.call('GET', '/api/messages?cursor=1&limit=5', { token: wang })
    expect(page.body.nextCursor).toBeNull()
    expect((await c.call('GET', '/api/messages?cursor=abc', { token: wang })).status).toBe(400)
  })

  it('idempotency: a repeated key returns the first result and changes nothing; a reused key with another body is refused', async () => {
    const first = await request('key-1')
    const again = await request('key-1')
    expect(again.body).toEqual(first.body)
    expect(await c.backend.inspect('family_links')).toHaveLength(1)
    const other = await c.call('POST', '/api/family-links', {
      token: li,
      key: 'key-1',
      body: { principalName: '王秀英', principalIdNumber: idNumberOf(c, 'u-wang'), relationship: '配偶' },
    })
    expect(other.status).toBe(422)
    expect(other.body.code).toBe('IDEMPOTENCY_KEY_REUSED')
  })
})
