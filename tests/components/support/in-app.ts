/**
 * The in-app backend for component tests: a seeded backend on a mock clock behind the Taro request
 * interceptor (as the demo app runs), with `call` (an API call as a given token; throws on ≥ 300) and
 * `signIn` (logs the app's session store in as a persona, as the login page would). Each test file still
 * mocks `@tarojs/taro` itself (Jest hoists `jest.mock` to the top of the file that calls it).
 */
import { act, fireEvent } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import type { MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import { useSession } from '@/stores/session'

/** The instant of a Beijing local time `YYYY-MM-DDTHH:mm` (ms). */
export const at = (local: string): number => Date.parse(`${local}:00+08:00`)

/** What `inAppBackend` gives a test. */
export interface InApp {
  backend: Backend
  /** One API call (`token` null: none); resolves the body. @throws an Error naming status and body at ≥ 300 */
  call(method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, token: string | null, body?: unknown): Promise<any>
  /** Logs persona `userId` in on the backend only (the app stays as it is); resolves the token. */
  login(userId: string): Promise<string>
  /** Logs the app in as persona `userId` (the session store: token, me, acting for nobody); resolves the token. */
  signIn(userId: string): Promise<string>
}

/** A new seeded in-app backend on `clock`, installed as the app's transport, with the session store emptied. */
export function inAppBackend(clock: MockClock): InApp {
  const backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  useSession.setState({ token: null, me: null, actingFor: null })
  const call: InApp['call'] = async (method, url, token, body) => {
    const r = await backend.handle({
      method,
      url,
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body,
    })
    if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
    return r.body
  }
  const login = async (userId: string) => (await call('POST', '/api/auth/mock-login', null, { userId })).token as string
  const signIn = async (userId: string) => {
    const token = await login(userId)
    useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
    return token
  }
  return { backend, call, login, signIn }
}

/** Taps the element with this id, as a person would, and lets what it starts settle. @throws when there is none */
export async function tap(id: string): Promise<void> {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  await act(async () => {
    fireEvent.click(el)
  })
}
