import Taro from '@tarojs/taro'
import { apiRequest, ApiError, configureApi, familyLinksForTest, onApiRetry } from './api-request.helpers'
import { canRetry } from '@/api/errors'
import { queueText } from '@/ui/retryNotice'
import { resetTaroDouble } from '../doubles/taro'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import {
  listFamilyLinks,
  listMessages,
  listPersonas,
  listTodos,
  mockLogin,
  requestFamilyLink,
  unreadCount,
} from '@/api'

const request = Taro.request as unknown as jest.Mock
const ok = (data: unknown, statusCode = 200) => ({ statusCode, data, header: {}, errMsg: 'request:ok' })

beforeEach(() => {
  resetTaroDouble()
  configureApi({
    baseUrl: '',
    getToken: () => 'tok',
    getActingFor: () => null,
    onUnauthorized: () => {},
    relogin: async () => null,
  })
})

describe('apiRequest', () => {
  it('sends the token, JSON body and an idempotency key on writes; none on reads', async () => {
    request.mockResolvedValueOnce(ok({ a: 1 })).mockResolvedValueOnce(ok({ b: 2 }))
    await expect(apiRequest({ path: '/api/x', query: { q: '总浦桥', empty: '' } })).resolves.toEqual({ a: 1 })
    await apiRequest({ method: 'POST', path: '/api/y', body: { n: 1 } })
    const [get, post] = request.mock.calls.map((c) => c[0])
    expect(get).toMatchObject({
      url: `/api/x?q=${encodeURIComponent('总浦桥')}`,
      method: 'GET',
      header: { authorization: 'Bearer tok' },
    })
    expect(get.header['idempotency-key']).toBeUndefined()
    expect(post).toMatchObject({ method: 'POST', data: { n: 1 } })
    expect(post.header['idempotency-key']).toMatch(/\w+-\w+-\w+/)
  })

  it('gives a read 6 s per attempt and a write 10 s, unless the caller says otherwise', async () => {
    request.mockResolvedValue(ok({}))
    await apiRequest({ path: '/api/x' })
    await apiRequest({ method: 'POST', path: '/api/y', body: {} })
    await apiRequest({ path: '/api/z', timeoutMs: 20_000 })
    expect(request.mock.calls.map((c) => c[0].timeout)).toEqual([6_000, 10_000, 20_000])
  })

  it('adds x-acting-for when acting for someone', async () => {
    configureApi({ getActingFor: () => 'u-wang' })
    request.mockResolvedValueOnce(ok({}))
    await apiRequest({ path: '/api/principal' })
    expect(request.mock.calls[0][0].header['x-acting-for']).toBe('u-wang')
  })

  it("leaves x-acting-for out of the user's own requests (messages, family links, to-dos) while acting", async () => {
    configureApi({ getActingFor: () => 'u-wang' })
    request.mockResolvedValue(ok({ items: [], nextCursor: null, unread: 0 }))
    await listMessages()
    await unreadCount()
    await listFamilyLinks()
    await listTodos()
    for (const [call] of request.mock.calls)
      expect({ url: call.url, actingFor: call.header['x-acting-for'] }).toEqual({ url: call.url, actingFor: undefined })
  })

  it('turns an error body into ApiError with code and fields, without retrying a 4xx', async () => {
    request.mockResolvedValueOnce(
      ok({ code: 'INVALID_RESIDENT_ID', message: '校验码不对', fields: { idNumber: '校验码不对' } }, 422),
    )
    const e = await apiRequest({ method: 'POST', path: '/api/me/real-name', body: {} }).catch((x) => x)
    expect(e).toBeInstanceOf(ApiError)
    expect(e).toMatchObject({
      status: 422,
      code: 'INVALID_RESIDENT_ID',
      message: '校验码不对',
      fields: { idNumber: '校验码不对' },
    })
    expect(request).toHaveBeenCalledTimes(1)
  })

  it('retries a lost answer with the same idempotency key and tells the caller', async () => {
    request.mockRejectedValueOnce({ errMsg: 'request:fail' }).mockResolvedValueOnce(ok({ id: 1 }))
    const onRetry = jest.fn()
    await expect(apiRequest({ method: 'POST', path: '/api/z', body: {}, onRetry })).resolves.toEqual({ id: 1 })
    const keys = request.mock.calls.map((c) => c[0].header['idempotency-key'])
    expect(keys[0]).toBe(keys[1])
    expect(onRetry).toHaveBeenCalledWith(1, expect.objectContaining({ code: 'NETWORK' }))
  })

  it('gives up after the retries with a plain-Chinese reason', async () => {
    request.mockResolvedValue(ok({ code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' }, 503))
    const e = await apiRequest({ path: '/api/x', retries: 2 }).catch((x) => x)
    expect(request).toHaveBeenCalledTimes(3)
    expect(e).toMatchObject({ status: 503, message: '服务繁忙，请稍后再试' })
  })

  it('waits out the waiting room (503 + Retry-After) with the same key and body, not counting it a retry', async () => {
    const queued = { ...ok({ code: 'WAITING_ROOM', message: '排队中' }, 503), header: { 'Retry-After': '0' } }
    request
      .mockResolvedValueOnce(queued)
      .mockResolvedValueOnce({ ...queued, header: { 'retry-after': '0' } })
      .mockResolvedValueOnce(ok({ id: 'ype-1' }))
    const onRetry = jest.fn()
    const body = { childId: 'k1', courseId: 'c1' }
    await expect(apiRequest({ method: 'POST', path: '/api/a', body, retries: 0, onRetry })).resolves.toEqual({
      id: 'ype-1',
    })
    const calls = request.mock.calls.map((c) => c[0])
    expect(calls).toHaveLength(3)
    expect(new Set(calls.map((c) => c.header['idempotency-key'])).size).toBe(1)
    expect(calls.map((c) => c.data)).toEqual([body, body, body])
    expect(onRetry.mock.calls.map(([n, e]) => [n, e.code, e.retryAfterS])).toEqual([
      [1, 'WAITING_ROOM', 0],
      [2, 'WAITING_ROOM', 0],
    ])
  })

  it("gives up in the waiting room after 30 waits, with the server's plain reason", async () => {
    request.mockResolvedValue({
      ...ok({ code: 'WAITING_ROOM', message: '排队中' }, 503),
      header: { 'Retry-After': '0' },
    })
    const e = await apiRequest({ path: '/api/x', retries: 0 }).catch((x) => x)
    expect(request).toHaveBeenCalledTimes(31)
    expect(e).toMatchObject({ status: 503, code: 'WAITING_ROOM' })
  })

  it('treats a 503 BUSY with Retry-After (a conflict still failing) as an ordinary retryable failure', async () => {
    request.mockResolvedValue({
      ...ok({ code: 'BUSY', message: '服务繁忙，请稍后再试' }, 503),
      header: { 'Retry-After': '0' },
    })
    const e = await apiRequest({ path: '/api/x', retries: 1 }).catch((x) => x)
    expect(request).toHaveBeenCalledTimes(2)
    expect(e).toMatchObject({ status: 503, code: 'BUSY' })
  })

  it('names a timeout as such, and calls onUnauthorized on 401', async () => {
    request.mockRejectedValue({ errMsg: 'request:fail timeout' })
    expect(await apiRequest({ path: '/api/x', retries: 0 }).catch((x) => x.code)).toBe('TIMEOUT')
    const onUnauthorized = jest.fn()
    configureApi({ onUnauthorized })
    request.mockResolvedValueOnce(ok({ code: 'UNAUTHORIZED', message: '请先登录' }, 401))
    expect(await apiRequest({ path: '/api/me' }).catch((x) => x.status)).toBe(401)
    expect(onUnauthorized).toHaveBeenCalled()
  })

  it('SESSION_EXPIRED: logs in again without asking and re-sends the same request (key, body) once', async () => {
    const relogin = jest.fn(async (refused: string | null) => (refused === 'tok' ? 'fresh' : null))
    const onUnauthorized = jest.fn()
    configureApi({ relogin, onUnauthorized })
    request
      .mockResolvedValueOnce(ok({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' }, 401))
      .mockResolvedValueOnce(ok({ saved: true }))
    await expect(apiRequest({ method: 'POST', path: '/api/y', body: { n: 1 }, idempotencyKey: 'k1' })).resolves.toEqual(
      {
        saved: true,
      },
    )
    const [first, again] = request.mock.calls.map((c) => c[0])
    expect(relogin).toHaveBeenCalledWith('tok')
    expect(again).toMatchObject({ data: { n: 1 }, header: { authorization: 'Bearer fresh', 'idempotency-key': 'k1' } })
    expect(first.header['idempotency-key']).toBe('k1')
    expect(onUnauthorized).not.toHaveBeenCalled()
    // Cannot log in silently (persona login): the person is asked, as before; tried once only.
    relogin.mockResolvedValue(null)
    request.mockReset()
    request.mockResolvedValue(ok({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' }, 401))
    expect(await apiRequest({ path: '/api/me' }).catch((x) => x.code)).toBe('SESSION_EXPIRED')
    expect(request).toHaveBeenCalledTimes(1)
    expect(onUnauthorized).toHaveBeenCalledWith('tok')
  })
})

describe('retry notice and retry button', () => {
  it('says 排队中 with the wait, in whole seconds (at least 1)', () => {
    expect([queueText(2), queueText(0.2)]).toEqual([
      '排队中，约 2 秒后自动重试，已选的不会丢',
      '排队中，约 1 秒后自动重试，已选的不会丢',
    ])
  })

  it('tells the app-wide onRetry before each automatic retry, with the attempt number', async () => {
    const onRetry = jest.fn()
    const stop = onApiRetry(onRetry)
    request
      .mockResolvedValueOnce(ok({ code: 'SERVICE_UNAVAILABLE' }, 503))
      .mockRejectedValueOnce({ errMsg: 'request:fail timeout' })
      .mockResolvedValueOnce(ok({ fine: true }))
    await expect(apiRequest({ path: '/api/x' })).resolves.toEqual({ fine: true })
    expect(onRetry.mock.calls.map((c) => c[0])).toEqual([1, 2])
    stop()
  })

  it('offers 重试 after no answer, a 5xx or 429, never after a refusal (4xx) or 401', () => {
    expect([0, 429, 500, 502, 503, 504].map((st) => canRetry(new ApiError(st, 'X', 'x')))).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
    ])
    expect([400, 401, 403, 404, 409, 422].map((st) => canRetry(new ApiError(st, 'X', 'x')))).toEqual([
      false,
      false,
      false,
      false,
      false,
      false,
    ])
    expect(canRetry(new Error('no photo'))).toBe(true)
  })

  it('one retry rule: 重试 and kept keys after no answer, 429 or any 5xx; retries by itself only 0 and 502–504', () => {
    const statuses = [0, 400, 401, 403, 404, 409, 422, 429, 500, 501, 502, 503, 504, 505]
    const errors = statuses.map((st) => new ApiError(st, 'X', 'x'))
    const offered = statuses.filter((_, i) => canRetry(errors[i]))
    expect(offered).toEqual([0, 429, 500, 501, 502, 503, 504, 505])
    expect(statuses.filter((_, i) => errors[i].retryable)).toEqual(offered)
    expect(statuses.filter((_, i) => errors[i].retriesByItself)).toEqual([0, 502, 503, 504])
  })

  it('a 500 is not tried again by itself (it answers the same), a 503 is', async () => {
    request.mockReset()
    request.mockResolvedValueOnce(ok({ code: 'INTERNAL' }, 500))
    expect(await apiRequest({ path: '/api/x' }).catch((x) => x.status)).toBe(500)
    expect(request).toHaveBeenCalledTimes(1)
    request.mockReset()
    request.mockResolvedValueOnce(ok({ code: 'SERVICE_UNAVAILABLE' }, 503)).mockResolvedValueOnce(ok({ fine: true }))
    await expect(apiRequest({ path: '/api/x' })).resolves.toEqual({ fine: true })
    expect(request).toHaveBeenCalledTimes(2)
  })
})

describe('the whole mock path: endpoint → Taro.request → interceptor → backend', () => {
  it('logs in and survives lost answers without duplicating records', async () => {
    const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.UTC(2026, 2, 2, 2)) })
    Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
    expect((await listPersonas())[0].displayName).toBe('王秀英')
    const { token } = await mockLogin('u-li')
    configureApi({ getToken: () => token })
    await backend.configureFaults({ enabled: true, rate: 1, latencyMs: 0, kinds: ['lost-response'] })
    const idNumber = (await backend.inspect<{ idNumber: string }>('population_register', { name: '王秀英' }))[0]
      .idNumber
    const attempt = requestFamilyLink({ principalName: '王秀英', principalIdNumber: idNumber, relationship: '子女' })
    await expect(attempt).rejects.toMatchObject({ code: 'NETWORK' })
    await backend.configureFaults({ enabled: false })
    expect(await familyLinksForTest(backend)).toHaveLength(1)
  })
})
