/**
 * The network boundary in mock mode: a `Taro.addInterceptor` interceptor that answers `/api/...`
 * requests from the backend without the network, after applying the fault schedule. Other URLs pass
 * through. Answers look exactly like `Taro.request`'s: `{ statusCode, data, header, errMsg }` for any
 * HTTP status, a rejection `{ errMsg: 'request:fail …' }` for a timeout or a lost response.
 */
import type { Backend } from './core/backend'
import type { Method } from './core/http'

/** The part of Taro's interceptor chain used here. */
export interface InterceptorChain {
  requestParams: { url: string; method?: string; data?: unknown; header?: Record<string, string>; timeout?: number }
  proceed(params: unknown): unknown
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** The interceptor function to pass to `Taro.addInterceptor`. */
export function createMockInterceptor(backend: Backend, opts: { wait?: (ms: number) => Promise<void> } = {}) {
  const wait = opts.wait ?? sleep
  return function mockBackendInterceptor(chain: InterceptorChain) {
    const params = chain.requestParams
    const path = String(params.url).replace(/^[a-z]+:\/\/[^/]+/i, '')
    if (!path.startsWith('/api/')) return chain.proceed(params)
    return (async () => {
      const fault = await backend.decideFault(path)
      if (fault.delayMs) await wait(fault.delayMs)
      if (fault.kind === 'timeout') {
        await wait(Math.min(params.timeout ?? 10_000, 10_000))
        throw { errMsg: 'request:fail timeout' }
      }
      if (fault.kind === 'server-error') {
        return {
          statusCode: 503,
          data: { code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' },
          header: {},
          errMsg: 'request:ok',
        }
      }
      const headers: Record<string, string> = {}
      for (const [k, val] of Object.entries(params.header ?? {})) headers[k.toLowerCase()] = String(val)
      let body = params.data
      if (typeof body === 'string' && body) {
        try {
          body = JSON.parse(body)
        } catch {
          body = { __malformed: true }
        }
      }
      const res = await backend.handle({
        method: String(params.method ?? 'GET').toUpperCase() as Method,
        url: path,
        headers,
        body,
      })
      if (fault.kind === 'lost-response') throw { errMsg: 'request:fail network connection lost' }
      return { statusCode: res.status, data: res.body, header: res.headers ?? {}, errMsg: 'request:ok' }
    })()
  }
}
