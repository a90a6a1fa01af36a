/**
 * Mock mode (the default build): installs the embedded backend behind `Taro.request` with an
 * interceptor, persisted in Taro storage. Only the app entry imports this, and only when
 * `TARO_APP_API_BASE` is empty, so a real-backend build carries no mock code.
 * The backend is created on the first `/api/...` request: on H5, Taro's storage APIs are attached
 * after the entry module runs.
 */
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '../backend'
import { createMockInterceptor, type InterceptorChain } from '../backend/interceptor'
import { taroStorage } from '../backend/storage/taro'

let backend: Backend | null = null
let interceptor: ReturnType<typeof createMockInterceptor> | null = null

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

let freeSpaceAdvice: string | undefined

/** The embedded backend (created on first use). */
export function mockBackend(): Backend {
  if (!backend) backend = createBackend({ storage: taroStorage(storageApi, 'mc:', freeSpaceAdvice) })
  return backend
}

/**
 * Answers `/api/...` requests from the embedded backend. Call once, from the app entry.
 * `opts.freeSpaceAdvice`: where the person frees space on this platform, said when storage is full.
 */
export function installMockBackend(opts: { freeSpaceAdvice?: string } = {}): void {
  freeSpaceAdvice = opts.freeSpaceAdvice
  // Tests (WeChat harness, browser) reach the embedded backend to set mock time or inspect data.
  ;(globalThis as unknown as { __mcMockBackend: () => Backend }).__mcMockBackend = mockBackend
  Taro.addInterceptor(((chain: InterceptorChain) => {
    if (!interceptor) interceptor = createMockInterceptor(mockBackend())
    return interceptor(chain)
  }) as unknown as Parameters<typeof Taro.addInterceptor>[0])
}
