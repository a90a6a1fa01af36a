/**
 * Withdrawal of an elevator petition (issue 28) in the pages, on the in-app backend (seeded; mock time):
 * an initiator withdraws from the petition page with a reason; the petition page, its meter, 我的表决
 * (the ballot page) and the list then say 已撤回 and never 未通过.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import BallotPage from '@/packages/elevator/pages/ballot/index'
import ElevatorHome from '@/packages/elevator/pages/index/index'
import PetitionPage from '@/packages/elevator/pages/petition/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

const mockRoute: { params: Record<string, string> } = { params: { id: 'ep-xs-5-2' } }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  const useShareAppMessage = () => {}
  const hooks = { useDidShow, useRouter, useShareAppMessage }
  return { ...double, __esModule: true, ...hooks, default: { ...double.default, ...hooks } }
})

const REASON = '设计方案需要调整，重新征求意见后再发起'
const showModal = Taro.showModal as unknown as jest.Mock
let backend: Backend
const text = () => document.body.textContent ?? ''
const tap = async (id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  await act(async () => {
    fireEvent.click(el)
  })
}
const signIn = async (userId: string) => {
  const h = { 'content-type': 'application/json' }
  const login = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: h, body: { userId } })
  const token = (login.body as { token: string }).token
  const me = await backend.handle({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
  useSession.setState({ token, me: me.body as never, actingFor: null })
}

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-02T10:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

it('an initiator withdraws with a reason; every page then says 已撤回, never 未通过', async () => {
  await signIn('u-xs8')
  const page = render(<PetitionPage />)
  await waitFor(() => expect(document.getElementById('withdraw-open')).toBeTruthy())
  await tap('withdraw-open')
  await tap('withdraw-submit')
  expect(text()).toContain('请用至少 5 个字说明撤回原因')
  fireEvent.change(screen.getByLabelText('撤回原因'), { target: { value: REASON } })
  await tap('withdraw-submit')
  await waitFor(() => expect(document.getElementById('withdrawn')).toBeTruthy())
  expect(document.getElementById('petition-status')!.textContent).toBe('已撤回')
  expect(text()).toContain(REASON)
  await waitFor(() => expect(document.getElementById('meter-withdrawn')).toBeTruthy())
  expect(text()).toContain('撤回时的计票')
  expect(text().replace('不是“未通过”', '')).not.toContain('未通过')
  expect(document.getElementById('withdraw-open')).toBeNull()
  page.unmount()

  // 我的表决 of an owner who voted (101): withdrawn, not "voting closed".
  await signIn('u-xs0')
  const ballot = render(<BallotPage />)
  await waitFor(() => expect(document.getElementById('voting-withdrawn')).toBeTruthy())
  expect(document.getElementById('voting-closed')).toBeNull()
  expect(text()).toContain(REASON)
  ballot.unmount()

  // The list of my units.
  render(<ElevatorHome />)
  await waitFor(() => expect(document.getElementById('petition-ep-xs-5-2')).toBeTruthy())
  expect(document.getElementById('petition-ep-xs-5-2')!.textContent).toContain('已撤回')
  expect(document.getElementById('petition-ep-xs-5-2')!.textContent).not.toContain('未通过')
})
