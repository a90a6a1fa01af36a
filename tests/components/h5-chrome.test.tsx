/**
 * The H5-only DOM helpers: Taro's navigation bar (h5NavBar) and system dialog (h5Dialogs), built here as
 * Taro's H5 runtime builds them (plain elements with its class names), then enhanced by our code.
 */
import { act, fireEvent, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { installDialogA11y } from '@/ui/h5Dialogs'
import { installNavBar, useNavBack } from '@/ui/h5NavBar'
import { resetTaroDouble } from '../doubles/taro'

const T = Taro as unknown as Record<string, jest.Mock>

beforeEach(() => {
  resetTaroDouble()
  document.body.innerHTML = ''
})

/** Lets MutationObserver callbacks run. */
const settle = () => act(async () => {})

describe('h5NavBar', () => {
  function bar() {
    document.body.innerHTML = `
      <div id="taro-navigation-bar">
        <div class="taro-navigation-bar-back"><svg></svg></div>
        <div class="taro-navigation-bar-home"><svg></svg></div>
        <div class="taro-navigation-bar-title">爱心卡</div>
      </div>`
    const back = document.querySelector<HTMLElement>('.taro-navigation-bar-back')!
    const taroOwn = jest.fn()
    back.addEventListener('click', taroOwn)
    back.addEventListener('keydown', taroOwn)
    return { el: document.getElementById('taro-navigation-bar')!, back, taroOwn }
  }
  beforeAll(() => installNavBar())

  it('makes the back control a button named 返回, a tab stop, with icons hidden; once only', () => {
    const { el, back } = bar()
    const { rerender } = renderHook(({ to }) => useNavBack(to), {
      initialProps: { to: undefined as string | undefined },
    })
    expect(back.getAttribute('role')).toBe('button')
    expect(back.tabIndex).toBe(0)
    expect(back.textContent).toBe('返回')
    expect([...el.querySelectorAll('svg')].map((s) => s.getAttribute('aria-hidden'))).toEqual(['true', 'true'])
    expect(el.querySelector('.taro-navigation-bar-home')!.getAttribute('aria-hidden')).toBe('true')
    rerender({ to: '/pages/me/index' })
    expect(el.querySelectorAll('.mc-nav-back-word')).toHaveLength(1)
    expect(el.classList.contains('mc-nav-no-back')).toBe(false)
  })

  it('hides the control on a page that has no way back (backTo null)', () => {
    const { el } = bar()
    const { rerender } = renderHook(({ to }) => useNavBack(to), { initialProps: { to: null as string | null } })
    expect(el.classList.contains('mc-nav-no-back')).toBe(true)
    rerender({ to: '/pages/me/index' })
    expect(el.classList.contains('mc-nav-no-back')).toBe(false)
  })

  it('back goes to the page underneath when there is one, instead of Taro’s own handler', () => {
    const { back, taroOwn } = bar()
    renderHook(() => useNavBack(undefined))
    T.getCurrentPages.mockReturnValue([{ route: 'pages/index/index' }, { route: 'pages/me/index' }])
    fireEvent.click(back)
    expect(T.navigateBack).toHaveBeenCalledTimes(1)
    expect(taroOwn).not.toHaveBeenCalled()
  })

  it('on a page opened on its own goes to the page it names, or home; Enter and Space work too', () => {
    const { back, taroOwn } = bar()
    const { rerender } = renderHook(({ to }) => useNavBack(to), {
      initialProps: { to: '/packages/care-card/pages/orders/index' as string | undefined },
    })
    T.getCurrentPages.mockReturnValue([{ route: 'packages/care-card/pages/order/index' }])
    fireEvent.keyDown(back.querySelector('.mc-nav-back-word')!, { key: 'Enter' })
    expect(T.redirectTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/orders/index' })
    rerender({ to: undefined })
    fireEvent.keyDown(back, { key: ' ' })
    expect(T.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
    fireEvent.keyDown(back, { key: 'a' })
    expect(T.redirectTo).toHaveBeenCalledTimes(1)
    expect(T.switchTab).toHaveBeenCalledTimes(1)
    expect(taroOwn).toHaveBeenCalledTimes(1) // the 'a' key only
  })
})

describe('h5Dialogs', () => {
  beforeAll(() => installDialogA11y())
  afterEach(() => jest.useRealTimers())

  /** Taro's showModal DOM, hidden at first (as Taro keeps it in the body between dialogs). */
  async function dialog(title = '取消预约') {
    document.body.innerHTML = `
      <button id="opener">取消预约</button>
      <div class="taro__modal" style="display: none">
        <div class="taro-modal__content">
          <div class="taro-modal__title">${title}</div>
          <div class="taro-modal__text">取消后名额让给别人。</div>
          <div class="taro-modal__foot">
            <div class="taro-model__btn taro-model__cancel">取消</div>
            <div class="taro-model__btn taro-model__confirm">确定</div>
          </div>
        </div>
      </div>`
    const q = <E extends HTMLElement>(s: string) => document.querySelector<E>(s)!
    const opener = q('#opener')
    opener.focus()
    await settle() // (the last test's dialog is gone: closed)
    return {
      root: q('.taro__modal'),
      content: q('.taro-modal__content'),
      cancel: q('.taro-model__cancel'),
      confirm: q('.taro-model__confirm'),
      opener,
    }
  }

  it('when shown: an alertdialog named by its title and described by its text, focus on 确定', async () => {
    const d = await dialog()
    await settle()
    expect(d.content.getAttribute('role')).toBeNull()
    d.root.style.display = 'block'
    await settle()
    expect(d.content.getAttribute('role')).toBe('alertdialog')
    expect(d.content.getAttribute('aria-modal')).toBe('true')
    expect(document.getElementById(d.content.getAttribute('aria-labelledby')!)!.textContent).toBe('取消预约')
    expect(document.getElementById(d.content.getAttribute('aria-describedby')!)!.textContent).toBe(
      '取消后名额让给别人。',
    )
    for (const b of [d.cancel, d.confirm]) {
      expect(b.getAttribute('role')).toBe('button')
      expect(b.tabIndex).toBe(0)
    }
    expect(document.activeElement).toBe(d.confirm)
  })

  it('a dialog without a title is named 提示', async () => {
    const d = await dialog('')
    d.root.style.display = 'block'
    await settle()
    expect(d.content.getAttribute('aria-label')).toBe('提示')
    expect(d.content.getAttribute('aria-labelledby')).toBeNull()
  })

  it('Enter/Space press a button, Escape presses 取消; focus returns to the opener when it closes', async () => {
    const d = await dialog()
    d.root.style.display = 'block'
    await settle()
    const pressed: string[] = []
    d.cancel.addEventListener('click', () => pressed.push('取消'))
    d.confirm.addEventListener('click', () => pressed.push('确定'))
    fireEvent.keyDown(d.confirm, { key: 'Enter' })
    fireEvent.keyDown(d.cancel, { key: ' ' })
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(pressed).toEqual(['确定', '取消', '取消'])
    d.root.style.display = 'none'
    await settle()
    expect(document.activeElement).toBe(d.opener)
    fireEvent.keyDown(document, { key: 'Escape' })
    expect(pressed).toHaveLength(3)
  })

  it('keeps Tab inside the open dialog', async () => {
    const d = await dialog()
    d.root.style.display = 'block'
    await settle()
    d.opener.focus()
    expect(document.activeElement).toBe(d.confirm)
  })

  it('ignores a pointer tap on its buttons right after opening (a double tap’s tail), not a key; later taps count', async () => {
    jest.useFakeTimers({ now: new Date('2026-12-07T08:00:00.000Z') })
    const d = await dialog()
    d.root.style.display = 'block'
    await settle()
    const pressed = jest.fn()
    d.confirm.addEventListener('click', pressed)
    fireEvent.click(d.confirm, { detail: 1 })
    expect(pressed).not.toHaveBeenCalled()
    expect(d.root.dataset.mcReady).toBeUndefined()
    fireEvent.keyDown(d.confirm, { key: 'Enter' })
    expect(pressed).toHaveBeenCalledTimes(1)
    act(() => jest.advanceTimersByTime(700))
    expect(d.root.dataset.mcReady).toBe('1')
    fireEvent.click(d.confirm, { detail: 1 })
    expect(pressed).toHaveBeenCalledTimes(2)
  })
})
