/**
 * The project's stages after approval (issue 28) on the petition page every owner sees: recorded
 * stages with their day and note, the rest 未开始, in order. In-app backend, seeded, mock time.
 */
import { render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import PetitionPage from '@/packages/elevator/pages/petition/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

const PID = 'ep-xs-5-2'
const mockRoute: { params: Record<string, string> } = { params: { id: PID } }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  const useShareAppMessage = () => {}
  const hooks = { useDidShow, useRouter, useShareAppMessage }
  return { ...double, __esModule: true, ...hooks, default: { ...double.default, ...hooks } }
})

let backend: Backend
let clock: MockClock
const call = async (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown) => {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }
  const r = await backend.handle({ method, url, headers, body })
  if (r.status >= 300) throw new Error(`${method} ${url}: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body as any
}
const login = async (userId: string) => (await call('POST', '/api/auth/mock-login', null, { userId })).token as string

beforeEach(() => {
  resetTaroDouble()
  clock = fixedClock(Date.parse('2026-03-02T10:00:00+08:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

it('shows every owner the stages recorded so far as a timeline, the rest 未开始', async () => {
  const voters: [string, string, string][] = [
    ['u-xs1', 'r-xs-5-2-102', '朱丽'],
    ['u-xs2', 'r-xs-5-2-201', '胡斌'],
    ['u-xs3', 'r-xs-5-2-202', '林芳'],
  ]
  for (const [u, householdId, name] of voters) {
    const signature = { kind: 'typed-name', name }
    await call('POST', `/api/elevator/petitions/${PID}/ballots`, await login(u), {
      householdId,
      choice: 'agree',
      signature,
    })
  }
  clock.set(Date.parse('2026-03-28T10:00:00+08:00'))
  const sun = await login('u-sun')
  const stage = { stage: 'design-review', date: '2026-03-25', note: '规划、住建部门联合审查通过' }
  await call('POST', `/api/elevator/worker/petitions/${PID}/stages`, sun, stage)
  const token = await login('u-xs0')
  useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
  render(<PetitionPage />)
  await waitFor(() => expect(document.getElementById('stages')).toBeTruthy())
  expect(document.getElementById('stage-design-review')!.textContent).toBe(
    '1. 设计方案联合审查：已于 2026年3月25日（周三）完成规划、住建部门联合审查通过',
  )
  expect(document.getElementById('stage-construction')!.textContent).toBe('3. 施工：未开始')
})
