/**
 * The screens a community worker uses, rendered on the in-app backend (seeded; mock time): the youth
 * palace workbench (关闭报名 only once the window is over, the prompt to draw), the roll call (every
 * child starts unmarked and must be marked; same-day correction; final the next day) and the roster's
 * words, and the elevator paper ballot (fresh list for the next household; an owner's two flats named).
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import WorkerPaperBallot from '@/packages/elevator/pages/worker-paper-ballot/index'
import { WORKER_ENROLLMENT_STATUS } from '@/packages/youth-palace/components/util'
import WorkerAttendance from '@/packages/youth-palace/pages/worker-attendance/index'
import Worker from '@/packages/youth-palace/pages/worker/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'
import { TINY_JPEG } from '../unit/backend/photos'

const mockRoute: { params: Record<string, string> } = { params: {} }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // Pages load on show: here, once when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  return { ...double, __esModule: true, useDidShow, useRouter, default: { ...double.default, useDidShow, useRouter } }
})

const TERM = 'ypt-zpq-2026-spring'
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
const pressed = (id: string) => document.getElementById(id)?.getAttribute('aria-pressed')

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  clock = fixedClock(at('2026-03-02T10:00'))
  backend = createBackend({ storage: memoryStorage(), clock })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  useSession.setState({ token: null, me: null, actingFor: null })
})

describe('youth palace workbench', () => {
  it('offers 关闭报名 only once the window is over, and prompts the draw until it is run', async () => {
    await signIn('u-zhao')
    clock.set(at('2026-03-08T23:30'))
    const first = render(<Worker />)
    await waitFor(() => expect(document.getElementById(`term-state-${TERM}`)).toBeTruthy())
    expect(document.getElementById(`close-${TERM}`)).toBeNull()
    expect(document.getElementById(`close-when-${TERM}`)!.textContent).toBe(
      '报名到 2026年3月8日（周日） 当天结束，2026年3月9日（周一） 起可以关闭报名并抽签。',
    )
    expect(document.getElementById(`draw-due-${TERM}`)).toBeNull()
    first.unmount()

    clock.set(at('2026-03-09T08:00'))
    render(<Worker />)
    await waitFor(() => expect(document.getElementById(`close-${TERM}`)).toBeTruthy())
    expect(document.getElementById(`draw-due-${TERM}`)!.textContent).toContain('报名已于 2026年3月8日（周日） 截止')
    expect(document.getElementById(`draw-due-${TERM}`)!.textContent).toContain('请关闭报名并抽签')
    await tap(`close-${TERM}`)
    expect(showModal.mock.calls[0][0].content).toContain('报名已于 2026年3月8日（周日） 截止')
    await waitFor(() => expect(document.getElementById(`draw-${TERM}`)).toBeTruthy())
    expect(document.getElementById(`draw-due-${TERM}`)!.textContent).toContain('请抽签')
    await tap(`draw-${TERM}`)
    await waitFor(() => expect(document.getElementById('draw-summary')).toBeTruthy())
    expect(document.getElementById(`draw-due-${TERM}`)).toBeNull()
    expect(text()).not.toMatch(/\d{4}-\d{2}-\d{2}/)
  })

  it('says so more urgently once classes have begun without a draw', async () => {
    await signIn('u-zhao')
    clock.set(at('2026-03-28T08:00'))
    render(<Worker />)
    await waitFor(() => expect(document.getElementById(`draw-due-${TERM}`)).toBeTruthy())
    expect(document.getElementById(`draw-due-${TERM}`)!.textContent).toContain('已于 2026年3月28日（周六） 开课')
  })
})

describe('roll call', () => {
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
    await signIn('u-zhao')
    mockRoute.params = { id: 'ypc-calligraphy' }
    clock.set(at('2026-03-28T09:20'))
  })

  it('starts every child unmarked, sends nothing until each is marked, then allows a same-day correction', async () => {
    const page = render(<WorkerAttendance />)
    await waitFor(() => expect(document.getElementById(`present-${chenChild}`)).toBeTruthy())
    for (const id of [chenChild, liuChild]) {
      expect(pressed(`present-${id}`)).toBe('false')
      expect(pressed(`absent-${id}`)).toBe('false')
    }
    expect(document.getElementById('att-count')!.textContent).toBe('还有 2 个孩子没有点名')
    await tap(`present-${chenChild}`)
    expect(pressed(`present-${chenChild}`)).toBe('true')
    await tap('attendance-submit')
    expect(text()).toContain('还有 1 个孩子没有点名：刘一诺')
    expect(showModal).not.toHaveBeenCalled()
    expect(await backend.inspect('yp_attendance')).toEqual([])

    await tap(`absent-${liuChild}`)
    await tap('attendance-submit')
    expect(showModal.mock.calls[0][0].content).toContain('到了 1 人，没到 1 人')
    await waitFor(() => expect(document.getElementById('att-result')).toBeTruthy())
    expect(await backend.inspect('yp_no_shows', { parentId: 'u-liu' })).toHaveLength(1)
    // Taken today: shown, not editable, until the worker chooses to correct it.
    await waitFor(() => expect(document.getElementById('att-taken')).toBeTruthy())
    expect(document.getElementById(`present-${liuChild}`)).toBeNull()
    await tap('attendance-correct')
    expect(pressed(`absent-${liuChild}`)).toBe('true')
    await tap(`present-${liuChild}`)
    await tap('attendance-submit')
    await waitFor(() => expect(document.getElementById('att-result')?.textContent).toContain('已更正 1 人'))
    expect(await backend.inspect('yp_no_shows', { parentId: 'u-liu' })).toEqual([])
    page.unmount()

    // The next day the roll call is final: no marks to change.
    clock.set(at('2026-03-29T09:00'))
    render(<WorkerAttendance />)
    await waitFor(() => expect(document.getElementById('att-final')).toBeTruthy())
    expect(document.getElementById('att-final')!.textContent).toContain('2026年3月28日（周六）')
    expect(document.getElementById(`present-${liuChild}`)).toBeNull()
    expect(document.getElementById('attendance-submit')).toBeNull()
    expect(document.getElementById('attendance-correct')).toBeNull()
  })

  it("the roster speaks of the family's turn, not the worker's", async () => {
    render(<WorkerAttendance />)
    await waitFor(() => expect(document.getElementById(`roster-${chenChild}`)).toBeTruthy())
    expect(document.getElementById(`roster-${chenChild}`)!.textContent).toContain('已确认名额')
    expect(WORKER_ENROLLMENT_STATUS.admitted.text).toBe('已录取，等家长确认')
    expect(Object.values(WORKER_ENROLLMENT_STATUS).filter((s) => s.text.includes('您'))).toEqual([])
  })
})

describe('elevator paper ballot', () => {
  it("names both of an owner's flats when replacing, and lists fresh ballots for the next household", async () => {
    // 总浦桥 3幢1单元: 刘伟 starts a petition with 蒋玉兰 and 周强 (who owns 501 and 602); both confirm.
    const liu = await login('u-liu')
    const p = await call('POST', '/api/elevator/petitions', liu, {
      roomId: 'r-zpq-3-1-701',
      coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'],
      elevatorPosition: '单元南侧外墙，半层入户',
      budgetFen: 54_000_000,
      subsidiesFen: 20_000_000,
      yearlyMaintenanceFen: 1_500_000,
      votingDeadline: '2026-03-16T20:00:00+08:00',
    })
    await call('POST', `/api/elevator/petitions/${p.id}/confirm`, await login('u-jiang'))
    const zhou = await login('u-zhou')
    await call('POST', `/api/elevator/petitions/${p.id}/confirm`, zhou)
    await call('POST', `/api/elevator/petitions/${p.id}/ballots`, zhou, {
      householdId: 'r-zpq-3-1-501',
      choice: 'agree',
      signature: { kind: 'typed-name', name: '周强' },
    })
    await signIn('u-zhao')
    mockRoute.params = { id: p.id }
    ;(Taro.getFileSystemManager as jest.Mock).mockReturnValue({ readFileSync: () => TINY_JPEG })
    render(<WorkerPaperBallot />)
    await waitFor(() => expect(document.getElementById('paper-household-r-zpq-3-1-602')).toBeTruthy())
    expect(document.getElementById('paper-household-r-zpq-3-1-602')!.textContent).toContain('业主还有 501 室')

    const enter = async (household: string, choice: string) => {
      await tap(`paper-household-${household}`)
      await tap(`paper-choice-${choice}`)
      process.env.TARO_ENV = 'weapp' // the WeChat photo path: no canvas in jsdom
      try {
        await tap('paper-photo')
        await waitFor(() => expect(document.getElementById('paper-photo-ok')).toBeTruthy())
      } finally {
        process.env.TARO_ENV = 'h5'
      }
      await tap('paper-submit')
      await waitFor(() => expect(document.getElementById('paper-done')).toBeTruthy())
    }
    await enter('r-zpq-3-1-602', 'oppose')
    const replace = showModal.mock.calls[0][0]
    expect(replace.title).toBe('替换已有表决')
    expect(replace.content).toMatch(/^501、602（同一位业主的 2 套房，一票算全部） 已于/)

    // The next household: the list shows the ballot just entered.
    await tap('paper-another')
    await waitFor(() =>
      expect(document.getElementById('paper-household-r-zpq-3-1-701')!.textContent).toContain('未表决'),
    )
    await waitFor(() =>
      expect(document.getElementById('paper-household-r-zpq-3-1-602')!.textContent).toContain('已纸质表决：反对'),
    )
    expect(document.getElementById('paper-household-r-zpq-3-1-501')!.textContent).toContain('已纸质表决：反对')
    await enter('r-zpq-3-1-701', 'agree')
    expect(showModal.mock.calls[1][0]).toMatchObject({ title: '确认录入' })
    expect(showModal.mock.calls[1][0].content).toContain('701')
  })
})
