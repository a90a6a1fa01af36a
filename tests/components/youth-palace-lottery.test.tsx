/**
 * The lottery page's own re-check on the phone, rendered on the in-app backend (seeded; mock time): it
 * compares the draw with the commitment the family received by message before the draw, so a server that
 * changed its commitment (and secret) after the messages went out is caught although its reveal, seed and
 * order agree with each other.
 */
import { render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import { createCommitment } from '@/domain/youth-palace/lottery'
import Lottery from '@/packages/youth-palace/pages/lottery/index'
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

const TERM = 'ypt-zpq-2026-spring'

beforeEach(() => {
  resetTaroDouble()
  clock = fixedClock(at('2026-03-02T10:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  useSession.setState({ token: null, me: null, actingFor: null })
  mockRoute.params = { id: 'ypc-pottery' }
})

/** 陈晓东 applies for 陈悦 to the 陶艺 lottery (the commitment message goes out); `meddle` runs before the draw. */
async function drawPottery(meddle: () => Promise<void>) {
  const chen = await signIn('u-chen')
  await call('POST', '/api/me/privacy', chen, { accepted: true })
  await call('POST', '/api/youth-palace/applications', chen, { childId: 'ypk-chen-yue', courseId: 'ypc-pottery' })
  await meddle()
  clock.set(at('2026-03-09T09:00'))
  const zhao = (await call('POST', '/api/auth/mock-login', null, { userId: 'u-zhao' })).token as string
  await call('POST', `/api/worker/youth-palace/terms/${TERM}/close`, zhao)
  await call('POST', `/api/worker/youth-palace/terms/${TERM}/draw`, zhao)
}

describe('youth palace lottery, re-checked on the phone', () => {
  it('passes against the commitment the family received', async () => {
    await drawPottery(async () => {})
    render(<Lottery />)
    await waitFor(() => expect(byId('lottery-check')).toBeTruthy())
    expect(byId('lottery-check')!.textContent).toBe('✓ 已核对：结果与您报名后在消息里收到的指纹一致')
  })

  it('catches a server that changed its commitment after the messages went out', async () => {
    await drawPottery(async () => {
      // A new secret and its matching commitment: the server's own data stays consistent.
      const secret = 'f'.repeat(64)
      await backend.tamper('yp_lotteries', 'ypc-pottery', { secret, commitment: createCommitment(secret) })
    })
    render(<Lottery />)
    await waitFor(() => expect(byId('lottery-check')).toBeTruthy())
    expect(byId('lottery-check')!.getAttribute('role')).toBe('alert')
    expect(byId('lottery-check')!.textContent).toContain('现在公布的指纹与您报名后在消息里收到的指纹不一致')
    expect(byId('lottery-check')!.textContent).toContain('公开的随机数与您在消息里收到的指纹不一致')
  })
})
