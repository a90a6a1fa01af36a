/**
 * Mock mode (the default build): installs the embedded backend behind `Taro.request` with an
 * interceptor, persisted in Taro storage. Only the app entry imports this, and only when
 * `TARO_APP_API_BASE` is empty, so a real-backend build carries no mock code.
 */
import Taro from '@tarojs/taro'
import { createBackend } from '../backend'
import { createMockInterceptor } from '../backend/interceptor'
import { taroStorage } from '../backend/storage/taro'

let installed: ReturnType<typeof createBackend> | null = null

/** Creates the backend once and answers `/api/...` requests from it. */
export function installMockBackend() {
  if (installed) return installed
  installed = createBackend({ storage: taroStorage(Taro) })
  Taro.addInterceptor(createMockInterceptor(installed) as unknown as Parameters<typeof Taro.addInterceptor>[0])
  return installed
}
