/**
 * Mock mode (the default build): answers `/api/...` requests from the embedded demo backend through a
 * `Taro.addInterceptor` interceptor, with data in Taro storage. Only the app entry imports this, and
 * only when `TARO_APP_API_BASE` is empty, so a real-backend build carries no mock code.
 *
 * The backend itself is not in the main package: on WeChat it is the subpackage
 * `packages/demo-backend`, loaded with the native `require.async` (分包异步化, base library ≥ 2.11.2);
 * on H5 a dynamic `import()` chunk. Loading starts at launch; a request made before it has loaded
 * waits for it (it is not failed), so the first screen shows its loading state meanwhile.
 */
import Taro from '@tarojs/taro'
import type { Backend } from '@/backend'
import type { InterceptorChain } from '@/backend/interceptor'
import { embeddedModule } from './registry'

/** WeChat's module loader: `require.async` loads another subpackage's module (not webpack's require). */
declare const __non_webpack_require__: { async(path: string): Promise<unknown> }

/**
 * Taro's storage API as explicit member calls: on H5 Taro's API calls are compiled into per-function
 * imports, so the `Taro` object itself does not carry them.
 */
const storageApi = {
  getStorageSync: (key: string) => Taro.getStorageSync(key),
  setStorageSync: (key: string, data: unknown) => Taro.setStorageSync(key, data),
  removeStorageSync: (key: string) => Taro.removeStorageSync(key),
  getStorageInfoSync: () => Taro.getStorageInfoSync(),
}

type Embedded = ReturnType<Awaited<typeof embeddedModule>['createEmbedded']>
let loading: Promise<Embedded> | null = null
let loaded: Embedded | null = null

/** Starts loading the backend's package (once) and creates the backend when it has run. */
function loadEmbedded(): Promise<Embedded> {
  if (!loading) {
    const fetch =
      process.env.TARO_ENV === 'h5'
        ? import(/* webpackChunkName: "demo-backend" */ './embedded').then(() => undefined)
        : // The path is relative to the main package's root; a literal, so WeChat's packager can see it.
          __non_webpack_require__.async('./packages/demo-backend/index.js')
    loading = fetch
      .then(() => embeddedModule)
      .then((m) => {
        loaded = m.createEmbedded(storageApi, { freeSpaceAdvice })
        return loaded
      })
    // A failed download (e.g. no network on first launch) may be retried by the next request.
    loading.catch(() => {
      loading = null
    })
  }
  return loading
}

/** The embedded backend, once loaded (tests reach it to set mock time or inspect data). */
function mockBackend(): Backend {
  if (!loaded) throw new Error('the embedded backend has not loaded yet')
  return loaded.backend
}

let freeSpaceAdvice: string | undefined

/**
 * Answers `/api/...` requests from the embedded backend. Call once, from the app entry.
 * `opts.freeSpaceAdvice`: where the person frees space on this platform, said when storage is full.
 */
export function installMockBackend(opts: { freeSpaceAdvice?: string } = {}): void {
  freeSpaceAdvice = opts.freeSpaceAdvice
  const g = globalThis as unknown as { __mcMockBackend: () => Backend; __mcMockBackendReady: () => Promise<Backend> }
  g.__mcMockBackend = mockBackend
  g.__mcMockBackendReady = () => loadEmbedded().then((e) => e.backend)
  Taro.addInterceptor(((chain: InterceptorChain) => {
    const path = String(chain.requestParams.url).replace(/^[a-z]+:\/\/[^/]+/i, '')
    if (!path.startsWith('/api/')) return chain.proceed(chain.requestParams)
    if (loaded) return loaded.interceptor(chain)
    return loadEmbedded().then(
      (e) => e.interceptor(chain),
      () => Promise.reject({ errMsg: 'request:fail 演示数据没有加载成功' }),
    )
  }) as unknown as Parameters<typeof Taro.addInterceptor>[0])
  loadEmbedded().catch(() => {})
}
