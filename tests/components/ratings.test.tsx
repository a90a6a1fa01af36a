/**
 * Ratings (好差评) on the in-app backend: a past window appointment is rated on 我的窗口预约 (a low
 * rating then shows the follow-up's deadline); the worker's 差评回访 page lists it, refuses an empty
 * answer and sends a written one, after which the resident sees the answer and may rate once more.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import Appointments from '@/packages/one-thing/pages/appointments/index'
import FollowUps from '@/packages/settings/pages/follow-ups/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

let backend: Backend
const as = async (userId: string) => {
  const r = await backend.handle({ method: 'POST', url: '/api/auth/mock-login', headers: {}, body: { userId } })
  const { token, me } = r.body as { token: string; me: never }
  useSession.setState({ token, me, actingFor: null })
}
const tap = async (id: string) =>
  act(async () => {
    fireEvent.click(document.getElementById(id)!)
  })
const text = () => document.body.textContent ?? ''

beforeEach(async () => {
  resetTaroDouble()
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-03T15:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  // 陈晓东 went to the district hall this morning.
  await backend.arrange('one_thing_appointments', [
    {
      id: 'ota-1',
      userId: 'u-chen',
      eventId: 'newborn',
      eventName: '新生儿出生',
      hallId: 'hall-zh-district',
      date: '2026-03-03',
      slot: '09:00',
      status: 'booked',
      bookedAt: '2026-03-01T10:00:00+08:00',
    },
  ])
  await backend.arrange('users', [{ id: 'u-chen', privacyAcceptedAt: '2026-03-01T10:00:00+08:00' }])
})

it('a 2-star rating on 我的窗口预约 reaches the worker, whose answer lets the resident rate again', async () => {
  await as('u-chen')
  const page = render(<Appointments />)
  await waitFor(() => expect(document.getElementById('appt-ota-1-stars')).not.toBeNull())
  await tap('appt-ota-1-rate')
  expect(text()).toContain('请选择评价')
  await tap('appt-ota-1-stars-2')
  fireEvent.change(screen.getByLabelText('想说的话（可不填）'), { target: { value: '排队太久' } })
  await tap('appt-ota-1-rate')
  await waitFor(() => expect(text()).toContain('社区回访中，会在 2026年3月4日'))
  expect(document.getElementById('appt-ota-1-stars')).toBeNull()
  page.unmount()

  await as('u-zhao')
  const worker = render(<FollowUps />)
  await waitFor(() => expect(text()).toContain('待答复（1）'))
  expect(text()).toContain('微信用户陈：★★')
  expect(text()).toContain('排队太久')
  expect(text()).not.toContain('已超时')
  const id = 'appointment-ota-1'
  await tap(`answer-submit-${id}`)
  expect(text()).toContain('请填写答复')
  fireEvent.change(screen.getByLabelText('答复居民（回访情况和处理办法）'), {
    target: { value: '已请窗口上午加派人手' },
  })
  await tap(`answer-submit-${id}`)
  await waitFor(() => expect(text()).toContain('待答复（0）'))
  expect(text()).toContain('答复：已请窗口上午加派人手')
  worker.unmount()

  await as('u-chen')
  render(<Appointments />)
  await waitFor(() => expect(text()).toContain('社区答复：已请窗口上午加派人手'))
  expect(text()).toContain('可再评价一次')
  await tap('appt-ota-1-stars-4')
  await tap('appt-ota-1-rate')
  await waitFor(() => expect(text()).toContain('再次评价：★★★★'))
  expect(document.getElementById('appt-ota-1-stars')).toBeNull()
})
