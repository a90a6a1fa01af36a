/**
 * The elevator worker's 告知记录 page (issue 28), rendered on the in-app backend (seeded; mock time):
 * the household not yet told is listed first, recording a door notice clears it, and publishing before
 * the deadline is refused in words.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import WorkerReach from '@/packages/elevator/pages/worker-reach/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

const mockRoute: { params: Record<string, string> } = { params: { id: 'ep-xs-5-2' } }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  return { ...double, __esModule: true, useDidShow, useRouter, default: { ...double.default, useDidShow, useRouter } }
})

let backend: Backend
const text = () => document.body.textContent ?? ''
const tap = async (id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  await act(async () => {
    fireEvent.click(el)
  })
}

beforeEach(async () => {
  resetTaroDouble()
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-02T10:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  await backend.tamper('elevator_reach', 'er-seed-r-xs-5-2-402', { householdId: 'r-xs-5-2-401' })
  const login = await backend.handle({
    method: 'POST',
    url: '/api/auth/mock-login',
    headers: { 'content-type': 'application/json' },
    body: { userId: 'u-sun' },
  })
  const token = (login.body as { token: string }).token
  const me = await backend.handle({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
  useSession.setState({ token, me: me.body as never, actingFor: null })
})

it('lists the household not yet told, records a door notice for it, and refuses publishing before the deadline', async () => {
  render(<WorkerReach />)
  await waitFor(() => expect(document.getElementById('reach-open-402')).toBeTruthy())
  expect(text()).toContain('还有 1 户未告知')
  expect(text()).toContain('401 室：应用内消息')
  await tap('reach-household-r-xs-5-2-402')
  await tap('reach-channel-door-notice')
  await tap('reach-submit')
  await waitFor(() => expect(text()).toContain('每户都已告知'))
  expect(document.getElementById('reach-open-402')).toBeNull()
  expect(text()).toContain('402 室：张贴/塞门告知单（2026年3月2日（周一），孙丽）')
  await tap('reach-publish')
  await waitFor(() => expect(text()).toContain('表决还没有截止'))
})
