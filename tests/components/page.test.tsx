import { render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Page, PageTitle } from '@/ui/Page'
import { WorkerOnly } from '@/ui/WorkerOnly'
import { useSession } from '@/stores/session'
import { setElderMode } from '@/stores/settings'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // A page is shown once, when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

beforeEach(() => {
  resetTaroDouble()
  useSession.setState({ token: 't', me: { id: 'u-li', role: 'resident' } as never, actingFor: null })
})

describe('Page title', () => {
  it('renders the title as the one level-1 heading, before the content', () => {
    const { container } = render(
      <Page title="亲友代办">
        <div>内容</div>
      </Page>,
    )
    const heading = screen.getByRole('heading', { level: 1 })
    expect(heading.textContent).toBe('亲友代办')
    expect(heading.className).toBe('page-title')
    expect(container.textContent).toBe('亲友代办内容')
  })

  it('renders no heading without a title; PageTitle gives the same element elsewhere, with an id', () => {
    render(<Page>无标题</Page>)
    expect(screen.queryByRole('heading')).toBeNull()
    render(<PageTitle id="community-name">总浦桥社区</PageTitle>)
    const heading = screen.getByRole('heading', { level: 1 })
    expect(heading.id).toBe('community-name')
    expect(heading.className).toBe('page-title')
  })

  it('keeps elder mode on the root, title included', () => {
    setElderMode(true)
    const { container } = render(<Page title="我的">x</Page>)
    expect((container.firstChild as HTMLElement).className).toContain('elder')
    setElderMode(false)
    const plain = render(<Page title="我的">x</Page>)
    expect((plain.container.firstChild as HTMLElement).className).not.toContain('elder')
  })
})

describe('Page requireLogin', () => {
  it('sends someone logged out to the login page when shown', () => {
    useSession.setState({ token: null, me: null })
    render(<Page requireLogin title="我的课程" />)
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1)
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/pages\/login\/index/) })
  })

  it('leaves a logged-in person on the page, and a page without requireLogin alone', () => {
    render(<Page requireLogin title="我的课程" />)
    useSession.setState({ token: null, me: null })
    render(<Page title="登录" />)
    expect(Taro.reLaunch).not.toHaveBeenCalled()
  })

  it('WorkerOnly sends someone logged out to log in, and tells a resident the page is for workers', () => {
    render(
      <WorkerOnly>
        <div>工作台</div>
      </WorkerOnly>,
    )
    expect(screen.getByText('这个页面仅供社区工作人员使用。')).toBeTruthy()
    expect(screen.queryByText('工作台')).toBeNull()
    expect(Taro.reLaunch).not.toHaveBeenCalled()
    useSession.setState({ token: null, me: null })
    render(
      <WorkerOnly>
        <div>工作台</div>
      </WorkerOnly>,
    )
    expect(Taro.reLaunch).toHaveBeenCalledTimes(1)
  })
})
