/**
 * Issue 27 items 5 and 6, rendered on the in-app backend (seeded; mock time): the room verification
 * queue (register beside the claim; 不通过 needs a reason; the resident's 我的房屋 shows the outcome and
 * re-applies), the worker hub's counts (无 for 0, refreshed) and the one-thing worker page (今天的窗口
 * 预约, 已办结).
 */
import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import Rooms from '@/packages/account/pages/rooms/index'
import WorkerHub from '@/packages/account/pages/worker/index'
import WorkerRooms from '@/packages/account/pages/worker-rooms/index'
import OneThingWorker from '@/packages/one-thing/pages/worker/index'
import { resetTaroDouble } from '../doubles/taro'
import { at, inAppBackend, tap, type InApp } from './support/in-app'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // Pages load on show: here, once when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => ({ params: {} })
  return { ...double, __esModule: true, useDidShow, useRouter, default: { ...double.default, useDidShow, useRouter } }
})

const ROOM = 'r-zpq-3-1-202'
const SID = `u-li-${ROOM}`
const showModal = Taro.showModal as unknown as jest.Mock

let clock: MockClock
let call: InApp['call']
let login: InApp['login']
let signIn: InApp['signIn']
const text = () => document.body.textContent ?? ''

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  clock = fixedClock(at('2026-03-02T10:00'))
  ;({ call, login, signIn } = inAppBackend(clock))
})

describe('room verification', () => {
  it('shows the claim beside the register; 不通过 needs a reason; the resident sees it and applies again', async () => {
    const li = await login('u-li')
    await call('POST', '/api/me/rooms', li, { roomId: ROOM, role: 'family' })
    await signIn('u-zhao')
    const page = render(<WorkerRooms />)
    await waitFor(() => expect(document.getElementById(`binding-${SID}`)).toBeTruthy())
    expect(text()).toContain('李红 申请为 业主的家属')
    expect(text()).toContain('房产登记：业主 王*英')
    // No reason: said next to the field, nothing sent.
    await tap(`reject-${SID}`)
    expect(text()).toContain('请填写不通过的原因，居民会看到')
    expect((await call('GET', '/api/worker/room-bindings', await login('u-zhao'))).length).toBe(1)
    fireEvent.change(screen.getByLabelText('不通过的原因（通过时不用填）'), { target: { value: '未提供亲属证明' } })
    await tap(`reject-${SID}`)
    await waitFor(() => expect(text()).toContain('没有待核实的房屋。'))
    expect(text()).toContain('已核实为不通过，已通知居民')
    page.unmount()

    // The resident's 我的房屋: 未通过 with the reason, and 重新申请 puts it back in the queue.
    await signIn('u-li')
    const rooms = render(<Rooms />)
    await waitFor(() => expect(document.getElementById(`my-room-${ROOM}`)?.textContent).toContain('未通过'))
    expect(document.getElementById(`my-room-${ROOM}`)!.textContent).toContain('未提供亲属证明')
    await tap(`again-${ROOM}`)
    await waitFor(() => expect(document.getElementById(`my-room-${ROOM}`)?.textContent).toContain('待社区核实'))
    expect(document.getElementById(`again-${ROOM}`)).toBeNull()
    rooms.unmount()

    await signIn('u-zhao')
    render(<WorkerRooms />)
    await waitFor(() => expect(document.getElementById(`approve-${SID}`)).toBeTruthy())
    await tap(`approve-${SID}`)
    await waitFor(() => expect(text()).toContain('没有待核实的房屋。'))
    // WeChat refuses a modal whose button says more than 4 characters (the action would silently not run).
    const buttons = showModal.mock.calls.map(([o]) => (o as { confirmText?: string }).confirmText ?? '确定')
    expect(buttons.filter((t) => t.length > 4)).toEqual([])
    const me = await call('GET', '/api/me', li)
    expect(me.rooms.find((r: { roomId: string }) => r.roomId === ROOM)).toMatchObject({ status: 'verified' })
  })
})

describe('worker hub', () => {
  it('shows each count (无 for none), each row a link to its page', async () => {
    const li = await login('u-li')
    await signIn('u-zhao')
    const first = render(<WorkerHub />)
    await waitFor(() => expect(document.getElementById('count-room-bindings')).toBeTruthy())
    expect(document.getElementById('count-room-bindings')!.textContent).toContain('无')
    expect(document.getElementById('count-one-thing-today')).toBeTruthy()
    expect(document.getElementById('count-elevator-objections')).toBeTruthy()
    first.unmount()
    await call('POST', '/api/me/rooms', li, { roomId: ROOM, role: 'tenant' })
    render(<WorkerHub />)
    await waitFor(() => expect(document.getElementById('count-room-bindings')?.textContent).toContain('1 件'))
    await tap('count-room-bindings')
    expect(Taro.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: expect.stringContaining('pages/worker-rooms/index') }),
    )
  })
})

describe('one-thing worker page', () => {
  it("lists today's appointments at the community's halls and marks one 已办结", async () => {
    const li = await login('u-li')
    const booked = await call('POST', '/api/one-thing/appointments', li, {
      eventId: 'newborn',
      eventName: '出生一件事',
      hallId: 'hall-zh-district',
      date: '2026-03-03',
      slot: '09:00',
    })
    clock.set(at('2026-03-03T09:10'))
    await signIn('u-zhao')
    render(<OneThingWorker />)
    await waitFor(() => expect(document.getElementById(`wa-${booked.id}`)).toBeTruthy())
    expect(document.getElementById(`wa-${booked.id}`)!.textContent).toContain('李红')
    expect(document.getElementById(`wa-${booked.id}`)!.textContent).toContain('待办理')
    await tap(`done-${booked.id}`)
    await waitFor(() => expect(document.getElementById(`wa-${booked.id}`)?.textContent).toContain('已办结'))
    expect(document.getElementById(`done-${booked.id}`)).toBeNull()
    expect(showModal.mock.calls.map(([o]) => (o as { confirmText: string }).confirmText)).toEqual(['确认办结'])
    const mine = await call('GET', '/api/one-thing/appointments', li)
    expect(mine.past.find((a: { id: string }) => a.id === booked.id).status).toBe('done')
  })

  it('says so when there is nothing today', async () => {
    await signIn('u-zhao')
    render(<OneThingWorker />)
    await waitFor(() => expect(text()).toContain('今天没有窗口预约。'))
  })
})
