/**
 * Issue 27: the worker's 为老人代办 page (find the elder, record the signed authorisation, act for
 * them through the acting-for switch, the 代办 log), the phone-order page, the elder's orders showing
 * 由网格员 X 代办 · 电话预约, and the elder's 亲友代办 page listing the worker's authorisation with 撤销.
 * Rendered on the in-app backend (seeded; mock time).
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { fixedClock, type MockClock } from '@/backend/core/clock'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import Family from '@/packages/account/pages/family/index'
import Orders from '@/packages/care-card/pages/orders/index'
import WorkerPhone from '@/packages/care-card/pages/worker-phone/index'
import WorkerProxy from '@/packages/care-card/pages/worker-proxy/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'
import { at, inAppBackend, tap, type InApp } from './support/in-app'
import { TINY_JPEG } from '../unit/backend/photos'

const mockRoute: { params: Record<string, string> } = { params: {} }
jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  const useRouter = () => mockRoute
  return { ...double, __esModule: true, useDidShow, useRouter, default: { ...double.default, useDidShow, useRouter } }
})

const showModal = Taro.showModal as unknown as jest.Mock
const WANG_ID = idNumberOf(PEOPLE.find((p) => p.key === 'wang')!)

let clock: MockClock
let call: InApp['call']
let login: InApp['login']
let signIn: InApp['signIn']
const text = () => document.body.textContent ?? ''
const typeInto = async (id: string, value: string) => {
  const el = document.querySelector(`#${id} input, input#${id}`) ?? document.getElementById(id)
  if (!el) throw new Error(`no #${id}`)
  await act(async () => {
    fireEvent.change(el, { target: { value } })
    fireEvent.input(el, { target: { value } })
  })
}
/** 王秀英 gets an approved card (active from April), applied by herself; 徐建平 reviews. */
async function wangCard() {
  const wang = await login('u-wang')
  const xu = await login('u-xu')
  const photo = await call('POST', '/api/photos', wang, { contentType: 'image/jpeg', base64: TINY_JPEG })
  const app = await call('POST', '/api/care-card/applications', wang, {
    groups: [],
    proofs: [{ kind: 'household', photoId: photo.photoId }],
  })
  for (const stage of ['community', 'street'])
    await call('POST', `/api/worker/care-card/applications/${app.id}/review`, xu, { stage, decision: 'approve' })
  return wang
}

beforeEach(() => {
  resetTaroDouble()
  showModal.mockImplementation(() => Promise.resolve({ confirm: true, cancel: false }))
  clock = fixedClock(at('2026-03-10T10:00'))
  ;({ call, login, signIn } = inAppBackend(clock))
  ;(Taro.getFileSystemManager as jest.Mock).mockReturnValue({ readFileSync: () => TINY_JPEG })
})

describe('为老人代办 (worker)', () => {
  it('finds the elder, needs the signed authorisation photo, records it, then acts for the elder', async () => {
    await signIn('u-zhao')
    render(<WorkerProxy />)
    await waitFor(() => expect(text()).toContain('还没有代办记录'))
    await typeInto('proxy-name', '王秀英')
    await typeInto('proxy-id', WANG_ID)
    await tap('proxy-find')
    await waitFor(() => expect(document.getElementById('proxy-elder')).toBeTruthy())
    expect(text()).toContain('王秀英（81 岁）')
    expect(text()).toContain('330***')
    // No photo yet: said in words, nothing recorded.
    await tap('proxy-grant')
    await waitFor(() => expect(text()).toContain('请拍摄老人签字的授权书'))
    expect(document.getElementById('proxy-act')).toBeNull()
    process.env.TARO_ENV = 'weapp' // the WeChat photo path: no canvas in jsdom
    try {
      await tap('proxy-photo')
      await waitFor(() => expect(text()).toContain('授权书已拍摄'))
    } finally {
      process.env.TARO_ENV = 'h5'
    }
    await tap('proxy-grant')
    await waitFor(() => expect(document.getElementById('proxy-act')).toBeTruthy())
    expect(text()).toContain('赵敏代办 · 爱心卡服务')
    expect(text()).toContain('2026年9月6日')
    await tap('proxy-act')
    expect(useSession.getState().actingFor).toEqual({ userId: 'u-wang', name: '王秀英' })
  })
})

describe('站长 (supervisor)', () => {
  it('sees the grid worker’s authorisation for the elder and revokes it', async () => {
    const zhao = await login('u-zhao')
    const photo = await call('POST', '/api/photos', zhao, { contentType: 'image/jpeg', base64: TINY_JPEG })
    const link = await call('POST', '/api/worker/proxy-links', zhao, {
      principalId: 'u-wang',
      scope: 'care-card',
      endsOn: '2026-12-31',
      authorizationPhotoId: photo.photoId,
    })
    await signIn('u-xu')
    render(<WorkerProxy />)
    await typeInto('proxy-name', '王秀英')
    await typeInto('proxy-id', WANG_ID)
    await tap('proxy-find')
    await waitFor(() => expect(document.getElementById(`proxy-revoke-${link.id}`)).toBeTruthy())
    await tap(`proxy-revoke-${link.id}`)
    await waitFor(() => expect(document.getElementById(`proxy-link-${link.id}`)!.textContent).toContain('已撤销'))
    expect(document.getElementById(`proxy-revoke-${link.id}`)).toBeNull()
    expect(showModal.mock.calls.at(-1)[0].title).toBe('撤销代办授权')
  })
})

describe('电话预约 (worker) and what the elder sees', () => {
  it('keys in a phone booking; the elder sees 由网格员 赵敏 代办 · 电话预约, and a bad caller number is said', async () => {
    const wangToken = await wangCard()
    clock.set(at('2026-04-01T09:00'))
    await signIn('u-zhao')
    mockRoute.params = { elder: 'u-wang' }
    const page = render(<WorkerPhone />)
    await waitFor(() => expect(text()).toContain('为 王秀英 录入电话预约'))
    await tap('phone-submit')
    await waitFor(() => expect(text()).toContain('请选择服务和时间'))
    const options = [...document.querySelectorAll('#phone-service [role="radio"]')] as HTMLElement[]
    const bathOption = options.find((o) => (o.textContent ?? '').includes('助浴'))!
    await act(async () => {
      fireEvent.click(bathOption)
    })
    await waitFor(() => expect(document.getElementById('phone-day')).toBeTruthy())
    const day = [...document.querySelectorAll('#phone-day [role="radio"]')].find((o) =>
      (o.textContent ?? '').includes('4月2日'),
    ) as HTMLElement
    await act(async () => {
      fireEvent.click(day)
    })
    await waitFor(() => expect(document.getElementById('phone-slot')).toBeTruthy())
    const nine = [...document.querySelectorAll('#phone-slot [role="radio"]')].find((o) =>
      (o.textContent ?? '').includes('09:00'),
    ) as HTMLElement
    await act(async () => {
      fireEvent.click(nine)
    })
    await typeInto('phone-caller', '12')
    await tap('phone-submit')
    await waitFor(() => expect(text()).toContain('请填写正确的来电号码'))
    await typeInto('phone-caller', '0574-86281234')
    await tap('phone-submit')
    await waitFor(() => expect(text()).toContain('电话预约已录入'))
    expect(text()).toContain('来电 0574-86281234')
    page.unmount()

    // The elder's orders: who booked, and how.
    useSession.setState({ token: wangToken, me: await call('GET', '/api/me', wangToken), actingFor: null })
    render(<Orders />)
    await waitFor(() => expect(text()).toContain('由网格员 赵敏 代办'))
    expect(text()).toContain('电话预约 · 96345')
  })
})

describe('亲友代办 (the elder)', () => {
  it('lists the worker-held authorisation with its scope and end date, and 撤销 ends it', async () => {
    const zhao = await login('u-zhao')
    const photo = await call('POST', '/api/photos', zhao, { contentType: 'image/jpeg', base64: TINY_JPEG })
    const link = await call('POST', '/api/worker/proxy-links', zhao, {
      principalId: 'u-wang',
      scope: 'care-card',
      endsOn: '2026-12-31',
      authorizationPhotoId: photo.photoId,
    })
    await signIn('u-wang')
    render(<Family />)
    await waitFor(() => expect(text()).toContain('网格员 赵敏 为我代办'))
    expect(document.getElementById(`link-${link.id}-scope`)!.textContent).toContain('授权到 2026年12月31日')
    await tap(`revoke-${link.id}`)
    await waitFor(() => expect(text()).toContain('已撤销'))
    const after = await call('GET', '/api/family-links', await login('u-wang'))
    expect(after[0]).toMatchObject({ id: link.id, status: 'revoked' })
  })
})
