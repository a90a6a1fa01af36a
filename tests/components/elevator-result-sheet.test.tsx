/**
 * The printable result sheet (issue 28) on the in-app backend: after the deadline it shows the verdict,
 * the four art. 278 ratios, every household with how it was told, and the chain's head hash; a
 * withdrawn petition's sheet says 已撤回.
 */
import { render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import ResultSheet from '@/packages/elevator/pages/result-sheet/index'
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
const text = (id: string) => document.getElementById(id)?.textContent ?? ''
const call = async (method: 'GET' | 'POST', url: string, token: string | null, body?: unknown) => {
  const headers = { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) }
  return (await backend.handle({ method, url, headers, body })).body as any
}
const signIn = async (userId: string) => {
  const token = (await call('POST', '/api/auth/mock-login', null, { userId })).token as string
  useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
  return token
}

beforeEach(() => {
  resetTaroDouble()
  clock = fixedClock(Date.parse('2026-03-02T10:00:00+08:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

it('after the deadline: verdict, the four ratios, each household and how it was told, the head hash', async () => {
  clock.set(Date.parse('2026-03-13T09:00:00+08:00'))
  const token = await signIn('u-xs3')
  const head = (await call('GET', `/api/elevator/petitions/${PID}/audit-log`, token)).head.hash as string
  render(<ResultSheet />)
  await waitFor(() => expect(document.getElementById('sheet')).toBeTruthy())
  expect(text('sheet-verdict')).toContain('表决未通过')
  expect(text('sheet-tally')).toContain('参与人数5 / 10 人，需 ≥ 2/3：未达到')
  expect(text('sheet-tally')).toContain('参与面积327.59 ㎡ / 631.31 ㎡')
  expect(text('sheet-room-101')).toContain('反对（线上）')
  expect(text('sheet-room-101')).toContain('告知：应用内消息 2026年2月25日')
  expect(text('sheet-room-202')).toContain('未表决')
  expect(text('sheet-head-hash')).toBe(head)
  expect(text('sheet-how-to-print')).not.toBe('')
})

it('a withdrawn petition’s sheet says 已撤回', async () => {
  const token = await signIn('u-xs8')
  await call('POST', `/api/elevator/petitions/${PID}/withdraw`, token, { reason: '设计方案需要调整，重新征求意见' })
  render(<ResultSheet />)
  await waitFor(() => expect(document.getElementById('sheet')).toBeTruthy())
  expect(text('sheet-verdict')).toContain('已撤回')
  expect(document.body.textContent).not.toContain('未通过')
})
