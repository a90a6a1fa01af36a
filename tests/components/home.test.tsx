import { act, fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import { SERVICES } from '@/pages/index/services'
import { useSession } from '@/stores/session'
import { useSettings } from '@/stores/settings'
import { useFamily } from '@/stores/family'
import { useMessages } from '@/stores/messages'
import type { MeDto } from '@/domain/shared/contracts'
import { resetTaroDouble } from '../doubles/taro'

const me = (age: number): MeDto => ({
  id: 'u-test',
  displayName: '王秀英',
  role: 'resident',
  community: {
    id: 'c-zpq',
    name: '总浦桥社区',
    city: '宁波市',
    district: '镇海区',
    street: '招宝山街道',
    gridWorker: { name: '赵敏', phone: '13805740107' },
  },
  realName: { name: '王秀英', idNumberMasked: '330***********0121', birthDate: '1944-03-15' },
  age,
  rooms: [],
  privacyAccepted: true,
})

beforeEach(() => {
  resetTaroDouble()
  useSettings.setState({ elder: {}, offerAnswered: {} })
  useSession.setState({ token: 't', me: me(82), actingFor: null })
  useFamily.setState({ links: [], status: 'ready', error: null })
  useMessages.setState({ unread: 0, unreadFailed: false })
})

describe('Home page', () => {
  it('shows the community name as the page heading and greets the user', () => {
    render(<Home />)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('总浦桥社区')
    expect(screen.getByText('您好，王秀英')).toBeTruthy()
  })

  it.each(SERVICES.map((s) => [s.title, s.url]))('tapping %s opens %s', (title, url) => {
    render(<Home />)
    fireEvent.click(screen.getByRole('button', { name: new RegExp(title) }))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url })
  })

  it('Enter on a focused entry opens it (keyboard users)', () => {
    render(<Home />)
    fireEvent.keyDown(screen.getByRole('button', { name: /一件事/ }), { key: 'Enter' })
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/one-thing/pages/index/index' })
  })

  it('calls the grid worker and the hotline 96345', () => {
    render(<Home />)
    fireEvent.click(screen.getByRole('button', { name: /养老热线/ }))
    fireEvent.click(screen.getByRole('button', { name: /网格员/ }))
    expect((Taro.makePhoneCall as jest.Mock).mock.calls.map((c) => c[0].phoneNumber)).toEqual(['96345', '13805740107'])
  })

  it('offers elder mode to a resident of 70 or more, and the switch turns it on', () => {
    render(<Home />)
    expect(screen.getByText(/您已年满 70 岁/)).toBeTruthy()
    const sw = screen.getByRole('switch', { name: '长辈模式' })
    expect(sw.getAttribute('aria-checked')).toBe('false')
    act(() => {
      fireEvent.click(sw)
    })
    expect(screen.getByRole('switch', { name: '长辈模式' }).getAttribute('aria-checked')).toBe('true')
    expect(document.querySelector('.page.elder')).not.toBeNull()
    expect(screen.queryByText(/您已年满 70 岁/)).toBeNull()
  })

  it('does not offer elder mode under 70', () => {
    useSession.setState({ me: me(45) })
    render(<Home />)
    expect(screen.queryByText(/您已年满 70 岁/)).toBeNull()
  })

  it('says there is nothing to do only when the to-dos did load', () => {
    render(<Home />)
    expect(screen.getByText('暂时没有需要您处理的事情。')).toBeTruthy()
    expect(screen.queryByText('暂时加载不了，点此重试')).toBeNull()
  })

  it.each([
    ['the family requests', () => useFamily.setState({ status: 'error', error: '网络不太稳定' })],
    ['the unread count', () => useMessages.setState({ unreadFailed: true })],
  ])('when %s failed to load, the to-do list says so and a tap loads again', async (_what, fail) => {
    act(() => {
      fail()
    })
    render(<Home />)
    expect(screen.queryByText('暂时没有需要您处理的事情。')).toBeNull()
    const retry = screen.getByRole('link', { name: /暂时加载不了，点此重试/ })
    const request = Taro.request as unknown as jest.Mock
    request.mockImplementation((o: { url: string }) =>
      Promise.resolve({
        statusCode: 200,
        header: {},
        errMsg: 'request:ok',
        data: o.url.includes('unread') ? { unread: 0 } : [],
      }),
    )
    await act(async () => {
      fireEvent.click(retry)
    })
    expect(request.mock.calls.map((c) => c[0].url)).toEqual(
      expect.arrayContaining(['/api/messages/unread-count', '/api/family-links']),
    )
    expect(screen.getByText('暂时没有需要您处理的事情。')).toBeTruthy()
  })
})
