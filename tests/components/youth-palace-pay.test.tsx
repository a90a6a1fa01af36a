/**
 * Paying a course fee on 我的课程 (issue 24 item 4), rendered on the in-app backend with a WeChat Pay whose
 * order the test decides is paid: after WeChat Pay's sheet closes the app shows 支付确认中 and asks the
 * server every 1.5 s (fake timers) — the app's word never confirms — until the server knows the place is
 * confirmed; after 10 asks it says in plain words that the place confirms itself once the money arrives,
 * and a second tap only asks again (WeChat Pay is not opened twice, no second order).
 */
import { act, fireEvent, render } from '@testing-library/react'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import type { PayProvider } from '@/backend/core/services'
import { memoryStorage } from '@/backend/storage/memory'
import MyCourses from '@/packages/youth-palace/pages/my-courses/index'
import { useSession } from '@/stores/session'
import Taro from '@tarojs/taro'
import { resetTaroDouble } from '../doubles/taro'

const mockRequestPayment = jest.fn((_p: unknown) => Promise.resolve({ errMsg: 'requestPayment:ok' }))
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => ({ params: { childId: 'ypk-chen-le' } })
  const requestPayment = (p: unknown) => mockRequestPayment(p)
  return {
    ...double,
    __esModule: true,
    useDidShow,
    useRouter,
    requestPayment,
    default: { ...double.default, useDidShow, useRouter, requestPayment },
  }
})

let backend: Backend
/** Whether WeChat Pay (this test's) has the order paid; how often it was asked; orders made. */
let paidAtWechat = false
let queries = 0
let orders = 0
/** What this WeChat Pay says of refunds. */
let refundState: 'success' | 'processing' = 'success'
const pay: PayProvider = {
  prepay: async () => {
    orders++
    return { prepayId: 'wx-test', ...pay.payParams('wx-test') }
  },
  payParams: (prepayId) => ({
    timeStamp: '1',
    nonceStr: 'n',
    package: `prepay_id=${prepayId}`,
    signType: 'RSA',
    paySign: 'SIGNED',
  }),
  query: async () => {
    queries++
    return paidAtWechat ? { state: 'paid', transactionId: '4200000001', amountFen: 8000 } : { state: 'pending' }
  },
  refund: async (r) => ({ outRefundNo: r.outRefundNo, state: refundState }),
  refundQuery: async (outRefundNo) => ({ outRefundNo, refundId: '5030000001', state: refundState }),
  notification: () => {
    throw new Error('none here')
  },
}

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
const text = () => document.body.textContent ?? ''
/** Lets the app's requests and renders run (their promises), `ms` of fake time passing. */
const pass = async (ms = 0) => {
  await act(async () => {
    await jest.advanceTimersByTimeAsync(ms)
  })
}

let enrollment: string
let token: string
beforeEach(async () => {
  jest.useFakeTimers({ now: Date.UTC(2026, 2, 2, 2, 0, 0) })
  resetTaroDouble()
  mockRequestPayment.mockClear()
  paidAtWechat = false
  queries = 0
  orders = 0
  backend = createBackend({
    storage: memoryStorage(),
    clock: fixedClock(Date.UTC(2026, 2, 2, 2, 0, 0)),
    services: { pay },
  })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  refundState = 'success'
  token = (await call('POST', '/api/auth/mock-login', null, { userId: 'u-chen' })).token
  await call('POST', '/api/me/privacy', token, { accepted: true })
  enrollment = (
    await call('POST', '/api/youth-palace/applications', token, { childId: 'ypk-chen-le', courseId: 'ypc-drawing' })
  ).id
  useSession.setState({ token, me: await call('GET', '/api/me', token), actingFor: null })
})
afterEach(() => {
  jest.useRealTimers()
})

const tapPay = async () => {
  await act(async () => {
    fireEvent.click(document.getElementById(`confirm-${enrollment}`)!)
  })
  await pass()
}

it('支付确认中 until the server knows; then 名额已确认 — the app never confirms on its own', async () => {
  render(<MyCourses />)
  await pass()
  expect(text()).toContain('支付 ¥80.00 并确认')
  await tapPay()
  expect(mockRequestPayment).toHaveBeenCalledTimes(1)
  expect(mockRequestPayment.mock.calls[0][0]).toMatchObject({ package: 'prepay_id=wx-test', paySign: 'SIGNED' })
  expect(text()).toContain('支付确认中，请稍候')
  expect(text()).not.toContain('名额已确认')
  await pass(1500)
  await pass(1500)
  expect(queries).toBe(3)
  expect(text()).toContain('支付确认中，请稍候')
  paidAtWechat = true
  await pass(1500)
  await pass()
  expect(text()).toContain('已支付 ¥80.00')
  expect(text()).toContain('名额已确认')
  expect(text()).not.toContain('支付确认中')
  expect(orders).toBe(1)
})

it('no word after 10 asks: plain words, the place confirms itself; a second tap only asks again', async () => {
  render(<MyCourses />)
  await pass()
  await tapPay()
  for (let i = 0; i < 12; i++) await pass(1500)
  expect(queries).toBe(10)
  expect(text()).toContain('钱款到账后名额会自动确认')
  expect(text()).toContain('不用重复支付')
  expect(text()).not.toContain('支付确认中，请稍候')
  paidAtWechat = true
  await tapPay()
  await pass()
  expect(mockRequestPayment).toHaveBeenCalledTimes(1)
  expect(orders).toBe(1)
  expect(text()).toContain('名额已确认')
})

it('a refund not yet known done: opening 我的课程 asks WeChat Pay, and the row says 已退款', async () => {
  await call('POST', `/api/youth-palace/enrollments/${enrollment}/pay`, token)
  paidAtWechat = true
  expect((await call('GET', `/api/youth-palace/enrollments/${enrollment}/payment`, token)).status).toBe('confirmed')
  refundState = 'processing'
  await call('POST', `/api/youth-palace/enrollments/${enrollment}/cancel`, token)
  refundState = 'success'
  render(<MyCourses />)
  await pass()
  await pass()
  expect(text()).toContain('已退款 ¥80.00，原路退回微信支付')
  expect(text()).not.toContain('退款中')
})
