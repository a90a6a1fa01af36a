import { getDevState } from '../api/endpoints/dev'

/**
 * "Now" as the backend sees it, in epoch milliseconds. In mock mode the embedded backend's mock clock
 * (dev state, `nowIso`) decides, so moving mock time moves countdowns and "today"; with a real backend
 * (`TARO_APP_API_BASE`), or when the dev state cannot be read, the phone's clock.
 */
export async function serverNow(): Promise<number> {
  if (process.env.TARO_APP_API_BASE) return Date.now()
  try {
    return Date.parse((await getDevState()).nowIso)
  } catch {
    return Date.now()
  }
}
