import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import Home from '@/pages/index/index'
import { SERVICES } from '@/pages/index/services'
import { resetTaroDouble } from '../doubles/taro'

beforeEach(resetTaroDouble)

describe('Home page', () => {
  it('shows the community name as the page heading', () => {
    render(<Home />)
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('总浦桥社区')
  })

  it('offers the four services as buttons with accessible names', () => {
    render(<Home />)
    const names = screen.getAllByRole('button').map((b) => b.getAttribute('aria-label'))
    expect(names).toEqual(SERVICES.map((s) => `${s.title}，${s.desc}`))
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
})
