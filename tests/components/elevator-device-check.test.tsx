/**
 * The audit page checks the ballot chain on the device (issue 28): it fetches every entry and re-hashes
 * each link itself, so a log changed on the server is caught and the failing link named.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import AuditPage from '@/packages/elevator/pages/audit/index'
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
const result = () => document.getElementById('verify-result')?.textContent ?? ''
const tap = async (id: string) => {
  await act(async () => {
    fireEvent.click(document.getElementById(id)!)
  })
}

beforeEach(async () => {
  resetTaroDouble()
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-02T10:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  const h = { 'content-type': 'application/json' }
  const login = await backend.handle({
    method: 'POST',
    url: '/api/auth/mock-login',
    headers: h,
    body: { userId: 'u-xs3' },
  })
  const token = (login.body as { token: string }).token
  const me = await backend.handle({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } })
  useSession.setState({ token, me: me.body as never, actingFor: null })
})

it('re-hashes every entry on the device: intact, then an edited entry is named by its seq', async () => {
  const page = render(<AuditPage />)
  await waitFor(() => expect(document.getElementById('entry-5')).toBeTruthy())
  await tap('verify-submit')
  await waitFor(() => expect(result()).toContain('本机核验：记录完整'))
  expect(result()).toContain('全部 5 条')
  page.unmount()
  // Entry 3 changed on the server without re-hashing: the server's own verdict is not asked.
  await backend.tamper('elevator_log', 'ep-xs-5-2:3', { choice: 'oppose' })
  render(<AuditPage />)
  await waitFor(() => expect(document.getElementById('entry-5')).toBeTruthy())
  await tap('verify-submit')
  await waitFor(() => expect(result()).toContain('本机核验：第 3 条内容被改动'))
})

it('does not take the server’s word: a server that answers 核验通过 for a changed log is still caught', async () => {
  const asked: string[] = []
  const real = backend.handle.bind(backend)
  backend.handle = (async (req: Parameters<Backend['handle']>[0]) => {
    asked.push(`${req.method} ${req.url}`)
    // A server that lies: every verification it is asked says the chain is intact.
    if (/\/verify/.test(req.url)) return { status: 200, headers: {}, body: { ok: true, valid: true, brokenAt: null } }
    return real(req)
  }) as Backend['handle']
  await backend.tamper('elevator_log', 'ep-xs-5-2:3', { choice: 'oppose' })
  render(<AuditPage />)
  await waitFor(() => expect(document.getElementById('entry-5')).toBeTruthy())
  await tap('verify-submit')
  await waitFor(() => expect(result()).toContain('本机核验：第 3 条内容被改动'))
  expect(result()).not.toContain('记录完整')
  // The page's requests went through the lying server (the entries were fetched from it).
  expect(asked.some((r) => r.startsWith('GET /api/elevator/petitions/ep-xs-5-2'))).toBe(true)
})
