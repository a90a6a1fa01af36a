/**
 * 登录设备 (settings subpackage), rendered on the in-app backend: the person's sessions newest first,
 * this device marked 本机 without an end button, and 退出该设备 (after a question) ending another one.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import Devices from '@/packages/settings/pages/devices/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

const showModal = Taro.showModal as unknown as jest.Mock
let backend: Backend

const login = async (userId: string) => {
  const r = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })
  return r.body as { token: string; me: never }
}

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-02T10:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

it('lists the sessions with this one marked, and 退出该设备 ends the other', async () => {
  const other = await login('u-wang')
  const mine = await login('u-wang')
  useSession.setState({ token: mine.token, me: mine.me, actingFor: null })
  render(<Devices />)
  await waitFor(() => expect(document.body.textContent).toContain('（本机）'))
  const sessions = await backend.inspect<{ id: string; tokenHash: string }>('login_sessions', { userId: 'u-wang' })
  expect(sessions).toHaveLength(2)
  const ends = [...document.querySelectorAll('[id^="end-"]')]
  expect(ends).toHaveLength(1)
  await act(async () => {
    fireEvent.click(ends[0])
  })
  await waitFor(() => expect(document.querySelectorAll('[id^="end-"]')).toHaveLength(0))
  expect(showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '退出该设备' }))
  const left = await backend.handle({
    method: 'GET',
    url: '/api/me',
    headers: { authorization: `Bearer ${other.token}` },
  })
  expect(left.body).toMatchObject({ code: 'SESSION_EXPIRED' })
  expect(document.body.textContent).toContain('正在登录的设备（1）')
})
