import Taro from '@tarojs/taro'
import { call, goToLogin, maskPhone, returnAfterLogin } from '@/ui/auth'
import { askToSubscribe } from '@/ui/subscribe'
import { resetTaroDouble } from '../doubles/taro'

const T = Taro as unknown as Record<string, jest.Mock> & { getCurrentInstance: () => unknown }
const realInstance = Taro.getCurrentInstance

beforeEach(() => resetTaroDouble())
afterEach(() => {
  ;(Taro as unknown as { getCurrentInstance: unknown }).getCurrentInstance = realInstance
})

const onPage = (path: string, params: Record<string, string> = {}) => {
  ;(Taro as unknown as { getCurrentInstance: unknown }).getCurrentInstance = () => ({ router: { path, params } })
}

describe('goToLogin', () => {
  it('restarts at the login page with the current page (and its query, without Taro’s own) as redirect', () => {
    onPage('/packages/care-card/pages/order/index?id=o1', { id: 'o 1', $taroTimestamp: '123', stamp: '9', empty: '' })
    goToLogin()
    expect(T.reLaunch).toHaveBeenCalledTimes(1)
    const url = T.reLaunch.mock.calls[0][0].url as string
    expect(url.startsWith('/pages/login/index?redirect=')).toBe(true)
    const redirect = decodeURIComponent(url.split('redirect=')[1])
    expect(redirect).toBe('/packages/care-card/pages/order/index?id=o%201')
  })

  it('no redirect from the login page itself, from no page, or from a page that is not this app’s', () => {
    for (const path of ['pages/login/index', '', '/pages/nowhere/index']) {
      T.reLaunch.mockClear()
      onPage(path)
      goToLogin()
      expect(T.reLaunch.mock.calls[0][0].url).toBe('/pages/login/index')
    }
  })
})

describe('returnAfterLogin', () => {
  const afterAfter: (() => void)[] = []
  afterEach(() => afterAfter.splice(0).forEach((f) => f()))

  it('on WeChat opens the page right after switchTab resolves (WeChat resolves once home is shown)', async () => {
    const taroEnv = process.env.TARO_ENV
    process.env.TARO_ENV = 'weapp'
    afterAfter.push(() => (process.env.TARO_ENV = taroEnv))
    T.getCurrentPages.mockImplementation(() => [{ route: 'pages/login/index' }])
    const t0 = Date.now()
    await returnAfterLogin(encodeURIComponent('/packages/care-card/pages/order/index?id=o1'))
    expect(T.navigateTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/order/index?id=o1' })
    expect(Date.now() - t0).toBeLessThan(1_000)
  })

  it('goes back to the redirect page with home underneath, opening it only once home is on screen (H5)', async () => {
    const taroEnv = process.env.TARO_ENV
    process.env.TARO_ENV = 'h5'
    afterAfter.push(() => (process.env.TARO_ENV = taroEnv))
    // As on H5: switchTab resolves at once, home is made a moment later (here 200 ms).
    let stack = [{ route: 'pages/login/index' }]
    T.getCurrentPages.mockImplementation(() => stack)
    T.switchTab.mockImplementation(() => {
      setTimeout(() => (stack = [{ route: 'pages/index/index' }]), 200)
      return Promise.resolve({ errMsg: 'switchTab:ok' })
    })
    const done = returnAfterLogin(encodeURIComponent('/packages/care-card/pages/order/index?id=o1'))
    await new Promise((r) => setTimeout(r, 120))
    expect(T.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
    expect(T.navigateTo).not.toHaveBeenCalled() // home is not there yet
    await done
    expect(T.navigateTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/order/index?id=o1' })
    expect(T.switchTab.mock.invocationCallOrder[0]).toBeLessThan(T.navigateTo.mock.invocationCallOrder[0])
  })

  it('a tab page is switched to (without a query); nothing, login or an unknown page goes home', async () => {
    await returnAfterLogin('/pages/me/index?x=1')
    expect(T.switchTab.mock.calls).toEqual([[{ url: '/pages/me/index' }]])
    for (const r of [undefined, '', '/pages/login/index', '/pages/nowhere/index', 'https://evil.example/']) {
      T.switchTab.mockClear()
      await returnAfterLogin(r)
      expect(T.switchTab.mock.calls).toEqual([[{ url: '/pages/index/index' }]])
    }
    expect(T.navigateTo).not.toHaveBeenCalled()
  })
})

describe('maskPhone and call', () => {
  it('masks the middle four digits of an 11-digit number, leaves anything else as it is', () => {
    expect(maskPhone('13812345678')).toBe('138****5678')
    expect(maskPhone('12345')).toBe('12345')
    expect(maskPhone('')).toBe('')
  })

  it('call dials the number and never throws when the call is refused', async () => {
    T.makePhoneCall.mockRejectedValueOnce({ errMsg: 'makePhoneCall:fail cancel' })
    expect(() => call('12345')).not.toThrow()
    await Promise.resolve()
    expect(T.makePhoneCall).toHaveBeenCalledWith({ phoneNumber: '12345' })
  })
})

describe('askToSubscribe', () => {
  const env = process.env.TARO_ENV
  let unhandled: unknown[] = []
  const onUnhandled = (e: unknown) => unhandled.push(e)
  beforeEach(() => {
    unhandled = []
    process.on('unhandledRejection', onUnhandled)
    ;(Taro as unknown as { requestSubscribeMessage: jest.Mock }).requestSubscribeMessage = jest.fn(() =>
      Promise.resolve({ errMsg: 'ok' }),
    )
  })
  afterEach(() => {
    process.env.TARO_ENV = env
    process.off('unhandledRejection', onUnhandled)
    delete (Taro as unknown as { requestSubscribeMessage?: unknown }).requestSubscribeMessage
  })

  it('on WeChat asks with the template ids of the notices named', () => {
    process.env.TARO_ENV = 'weapp'
    askToSubscribe('progress', 'reminder')
    expect(T.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['MC_TMPL_PROGRESS', 'MC_TMPL_REMINDER'] })
  })

  it('never throws (nor leaves a rejection) when the person refuses', async () => {
    process.env.TARO_ENV = 'weapp'
    T.requestSubscribeMessage.mockImplementationOnce(() => Promise.reject({ errMsg: 'requestSubscribeMessage:fail' }))
    expect(() => askToSubscribe('progress')).not.toThrow()
    await new Promise((r) => setTimeout(r, 0))
    expect(T.requestSubscribeMessage).toHaveBeenCalledWith({ tmplIds: ['MC_TMPL_PROGRESS'] })
    expect(unhandled).toEqual([])
  })

  it('tells the server what the person chose (accept, reject, ban; not filter), then resolves', async () => {
    process.env.TARO_ENV = 'weapp'
    T.requestSubscribeMessage.mockImplementationOnce(() =>
      Promise.resolve({ errMsg: 'ok', MC_TMPL_PROGRESS: 'accept', MC_TMPL_REMINDER: 'filter' }),
    )
    T.request.mockImplementation(() => Promise.resolve({ statusCode: 200, header: {}, data: { templates: [] } }))
    await askToSubscribe('progress', 'reminder')
    const sent = T.request.mock.calls.map((c) => c[0] as { url: string; method: string; data: unknown })
    expect(sent).toHaveLength(1)
    expect(sent[0].url).toMatch(/\/api\/me\/subscriptions$/)
    expect(sent[0].method).toBe('POST')
    expect(sent[0].data).toEqual({ results: { progress: 'accept' } })
    // The server unreachable: still resolves, nothing thrown.
    T.request.mockImplementation(() => Promise.reject({ errMsg: 'request:fail' }))
    T.requestSubscribeMessage.mockImplementationOnce(() =>
      Promise.resolve({ errMsg: 'ok', MC_TMPL_PROGRESS: 'reject' }),
    )
    await expect(askToSubscribe('progress')).resolves.toBeUndefined()
  })

  it('asks nothing on H5 or with no notice named', () => {
    askToSubscribe('progress')
    process.env.TARO_ENV = 'weapp'
    askToSubscribe()
    expect(T.requestSubscribeMessage).not.toHaveBeenCalled()
  })
})
