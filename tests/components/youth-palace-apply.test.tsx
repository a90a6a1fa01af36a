/**
 * The course page before a family applies, rendered on the in-app backend (seeded; mock time): in the
 * residents-only days a parent without a verified room in the community is told when they may apply and
 * offered no 报名 button; a resident (verified room) is offered it.
 */
import { render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import Course from '@/packages/youth-palace/pages/course/index'
import { useYouthPalace } from '@/packages/youth-palace/store'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

const mockRoute: { params: Record<string, string> } = { params: {} }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // Pages load on show: here, once when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  return { ...double, __esModule: true, useDidShow, useRouter, default: { ...double.default, useDidShow, useRouter } }
})

const at = (local: string) => Date.parse(`${local}:00+08:00`)
let backend: Backend
let clock: MockClock
const call = async (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown) => {
  const r = await backend.handle({
    method,
    url,
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body,
  })
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as any
}
/** Logs the app in as `userId` (session store), as the login page would. */
const signIn = async (userId: string) => {
  const token = (await call('POST', '/api/auth/mock-login', null, { userId })).token as string
  useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
  return token
}
const byId = (id: string) => document.getElementById(id)

beforeEach(() => {
  resetTaroDouble()
  clock = fixedClock(at('2026-03-02T10:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  useSession.setState({ token: null, me: null, actingFor: null })
  useYouthPalace.setState(useYouthPalace.getInitialState())
  mockRoute.params = { id: 'ypc-calligraphy' }
})

describe('youth palace course page, residents-only days', () => {
  it('tells a parent without a verified room when they may apply, and offers no 报名', async () => {
    const token = await signIn('u-li')
    await call('POST', '/api/youth-palace/children', token, { name: '李小雨', birthDate: '2017-06-01' })
    render(<Course />)
    await waitFor(() => expect(byId('apply-not-yet')).toBeTruthy())
    expect(byId('apply-not-yet')!.textContent).toBe(
      '报名开始的前 3 天只接受本社区居民报名。您在本社区还没有已核实的房屋（业主绑定房屋后自动核实，租户和家属请到社区核实）。您可以从 2026年3月4日（周三） 起报名。',
    )
    await waitFor(() => expect(document.body.textContent).toContain('李小雨'))
    expect(byId('apply-submit')).toBeNull()
  })

  it('offers 报名 to a parent with a verified room, and to the others from the 4th day', async () => {
    const token = await signIn('u-chen')
    await call('POST', '/api/me/privacy', token, { accepted: true })
    const first = render(<Course />)
    await waitFor(() => expect(byId('apply-submit')).toBeTruthy())
    expect(byId('apply-not-yet')).toBeNull()
    first.unmount()
    useYouthPalace.setState(useYouthPalace.getInitialState())
    const li = await signIn('u-li')
    await call('POST', '/api/youth-palace/children', li, { name: '李小雨', birthDate: '2017-06-01' })
    clock.set(at('2026-03-04T08:00'))
    render(<Course />)
    await waitFor(() => expect(byId('apply-submit')).toBeTruthy())
    expect(byId('apply-not-yet')).toBeNull()
  })
})
