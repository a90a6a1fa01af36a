/**
 * Leave (请假) on the screens, rendered on the in-app backend (seeded; mock time): a parent asks leave for
 * the next session on the check-in page until it starts; the worker's roll call shows 请假 for that child,
 * needs no mark for them and records no no-show. A worker cancels a session (停课) before it starts: the
 * families are told, and their check-in page says it.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import WorkerAttendance from '@/packages/youth-palace/pages/worker-attendance/index'
import Checkin from '@/packages/youth-palace/pages/checkin/index'
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
const showModal = Taro.showModal as unknown as jest.Mock

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
const login = async (userId: string) => (await call('POST', '/api/auth/mock-login', null, { userId })).token as string
/** Logs the app in as `userId` (session store), as the login page would. */
const signIn = async (userId: string) => {
  const token = await login(userId)
  useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
  return token
}
const text = () => document.body.textContent ?? ''
const tap = async (id: string) => {
  const el = document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  await act(async () => {
    fireEvent.click(el)
  })
}

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  clock = fixedClock(at('2026-03-02T10:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  useSession.setState({ token: null, me: null, actingFor: null })
})

describe('leave (请假)', () => {
  let chenChild: string
  let liuChild: string
  beforeEach(async () => {
    for (const [user, child] of [
      ['u-chen', 'ypk-chen-yue'],
      ['u-liu', 'ypk-liu-yn'],
    ]) {
      const t = await login(user)
      await call('POST', '/api/me/privacy', t, { accepted: true })
      const e = await call('POST', '/api/youth-palace/applications', t, { childId: child, courseId: 'ypc-calligraphy' })
      if (user === 'u-chen') chenChild = e.id
      else liuChild = e.id
    }
  })

  it('a parent asks leave for the next session before it starts; afterwards the page offers none', async () => {
    await signIn('u-liu')
    clock.set(at('2026-03-28T08:00'))
    mockRoute.params = { id: liuChild, name: '刘一诺·书法' }
    const page = render(<Checkin />)
    await waitFor(() => expect(document.getElementById('leave-ask')).toBeTruthy())
    await tap('leave-ask')
    expect(showModal.mock.calls[0][0].content).toBe(
      '为 2026年3月28日（周六） 09:00 的课请假？请假的课不用签到，也不记未到课。',
    )
    await waitFor(() => expect(document.getElementById('leave-done')).toBeTruthy())
    expect(document.getElementById('leave-ask')).toBeNull()
    expect(await backend.inspect('yp_leaves', { enrollmentId: liuChild })).toHaveLength(1)
    page.unmount()
    clock.set(at('2026-04-11T09:05')) // 4 April is 清明: no class
    render(<Checkin />)
    await waitFor(() => expect(document.getElementById('checkin-current')).toBeTruthy())
    expect(text()).toContain('2026年4月11日（周六） 09:00')
    expect(text()).not.toContain('2026年4月4日')
    expect(document.getElementById('leave-ask')).toBeNull()
  })

  it('leave asked by mistake is taken back with 撤销请假 before the session starts', async () => {
    await signIn('u-liu')
    clock.set(at('2026-03-28T08:00'))
    mockRoute.params = { id: liuChild, name: '刘一诺·书法' }
    render(<Checkin />)
    await waitFor(() => expect(document.getElementById('leave-ask')).toBeTruthy())
    expect(document.getElementById('leave-undo')).toBeNull()
    await tap('leave-ask')
    await waitFor(() => expect(document.getElementById('leave-undo')).toBeTruthy())
    await tap('leave-undo')
    expect(showModal.mock.calls[1][0].content).toBe(
      '撤销 2026年3月28日（周六） 09:00 这节课的请假？撤销后孩子要来上课，没来会记一次未到课。',
    )
    await waitFor(() => expect(document.getElementById('leave-ask')).toBeTruthy())
    expect(document.getElementById('leave-done')).toBeNull()
    expect(await backend.inspect('yp_leaves', { enrollmentId: liuChild })).toEqual([])
  })

  it('the roll call shows 请假, needs no mark for that child and records no no-show', async () => {
    const liu = await login('u-liu')
    clock.set(at('2026-03-28T08:00'))
    await call('POST', `/api/youth-palace/enrollments/${liuChild}/leave`, liu, { sessionDate: '2026-03-28' })
    await signIn('u-zhao')
    mockRoute.params = { id: 'ypc-calligraphy' }
    clock.set(at('2026-03-28T09:20'))
    render(<WorkerAttendance />)
    await waitFor(() => expect(document.getElementById(`present-${chenChild}`)).toBeTruthy())
    expect(document.getElementById(`leave-${liuChild}`)!.textContent).toBe('请假')
    expect(document.getElementById(`absent-${liuChild}`)).toBeNull()
    expect(document.getElementById('att-count')!.textContent).toBe('还有 1 个孩子没有点名')
    await tap(`present-${chenChild}`)
    expect(document.getElementById('att-count')!.textContent).toBe('已全部点名：共 2 人（其中 1 人请假）')
    await tap('attendance-submit')
    await waitFor(() => expect(document.getElementById('att-result')).toBeTruthy())
    expect(document.getElementById('att-result')!.textContent).toContain('请假 1 人（不记未到课）')
    expect(await backend.inspect('yp_no_shows', { parentId: 'u-liu' })).toEqual([])
  })

  it('a worker cancels the next session for the weather; the parent is told and the check-in page says so', async () => {
    await signIn('u-zhao')
    mockRoute.params = { id: 'ypc-calligraphy' }
    clock.set(at('2026-03-27T18:00'))
    const page = render(<WorkerAttendance />)
    await waitFor(() => expect(document.getElementById('cancel-date')).toBeTruthy())
    await tap('cancel-date-2026-03-28')
    await tap('cancel-reason-weather')
    await tap('cancel-session-submit')
    expect(showModal.mock.calls[0][0].content).toContain('2026年3月28日（周六）的《书法》因天气原因停课？')
    await waitFor(() => expect(document.getElementById('cancel-session-done')).toBeTruthy())
    expect(document.getElementById('cancel-session-done')!.textContent).toBe(
      '已停课，已通知 2 个家庭。补课时间请另行通知家长。',
    )
    await waitFor(() => expect(document.getElementById('cancelled-sessions')).toBeTruthy())
    expect(document.getElementById('cancelled-sessions')!.textContent).toBe('已停课：2026年3月28日（周六）')
    page.unmount()
    const liu = await signIn('u-liu')
    const inbox = (await call('GET', '/api/messages', liu)).items as { title: string }[]
    expect(inbox[0].title).toBe('青少年宫停课通知')
    mockRoute.params = { id: liuChild, name: '刘一诺·书法' }
    render(<Checkin />)
    await waitFor(() => expect(document.getElementById('session-cancelled')).toBeTruthy())
    expect(document.getElementById('leave-ask')).toBeNull()
  })
})
