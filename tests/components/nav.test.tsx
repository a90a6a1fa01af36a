/**
 * Navigation that never dead-ends: `openPage` switches to tab pages and replaces the top page
 * once WeChat's 10-page stack is full; a page opened on its own (a shared link, a message) offers
 * "返回首页". The WeChat harness checks the same on every route (tests/weapp/deep-links.test.ts).
 */
import { fireEvent, render, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { Page } from '@/ui/Page'
import { goBack, href, isLonePage, MAX_PAGES, openPage, TAB_ROUTES, toHref } from '@/ui/nav'
import { resetTaroDouble } from '../doubles/taro'

const stack = (...routes: string[]) =>
  (Taro.getCurrentPages as jest.Mock).mockReturnValue(routes.map((route) => ({ route })))
const CC = 'packages/care-card/pages/card/index'

beforeEach(() => resetTaroDouble())

describe('openPage', () => {
  it('opens with navigateTo while there is room on the stack', async () => {
    stack('pages/index/index', CC)
    await openPage(href.careCard.orders())
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/orders/index' })
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it(`replaces the top page once ${MAX_PAGES} pages are open`, async () => {
    stack(...Array.from({ length: MAX_PAGES }, () => CC))
    await openPage(href.careCard.orders())
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/orders/index' })
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })

  it('switches to a tab page (navigateTo cannot open one)', async () => {
    stack(CC)
    await openPage(toHref('/pages/me/index?from=message')!)
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/me/index?from=message' })
  })

  it('knows the tab pages of app.config.ts', () => {
    ;(globalThis as unknown as { defineAppConfig: (c: unknown) => unknown }).defineAppConfig = (c) => c
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded after the global it needs is set
    const config = require('@/app.config').default as { tabBar: { list: { pagePath: string }[] } }
    expect(TAB_ROUTES).toEqual(config.tabBar.list.map((t) => t.pagePath))
  })
})

describe('a page opened on its own offers a way home', () => {
  it('is a lone page: one page on the stack, not a tab page, not the login page', () => {
    stack(CC)
    expect(isLonePage()).toBe(true)
    stack('/packages/care-card/pages/card/index')
    expect(isLonePage()).toBe(true)
    for (const s of [[], ['pages/index/index'], ['pages/me/index'], ['pages/login/index'], ['pages/index/index', CC]]) {
      stack(...s)
      expect([s, isLonePage()]).toEqual([s, false])
    }
  })

  it('shows "返回首页" on a lone page; tapping it switches to the home tab', () => {
    stack(CC)
    render(
      <Page>
        <span>爱心卡</span>
      </Page>,
    )
    fireEvent.click(screen.getByRole('link', { name: '返回首页' }))
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })

  it('shows nothing extra on a page opened from another page', () => {
    stack('pages/index/index', CC)
    render(
      <Page>
        <span>爱心卡</span>
      </Page>,
    )
    expect(screen.queryByText('返回首页')).toBeNull()
  })
})

describe('goBack: a back button never does nothing', () => {
  it('goes back when a page is underneath', async () => {
    stack('pages/index/index', CC)
    await goBack(href.careCard.index())
    expect(Taro.navigateBack).toHaveBeenCalled()
    expect(Taro.redirectTo).not.toHaveBeenCalled()
  })

  it('on a page opened on its own, replaces it with the fallback page', async () => {
    stack(CC)
    await goBack(href.careCard.index())
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(Taro.redirectTo).toHaveBeenCalledWith({ url: '/packages/care-card/pages/index/index' })
  })

  it('switches to a tab page fallback (home by default)', async () => {
    stack(CC)
    await goBack()
    expect(Taro.switchTab).toHaveBeenCalledWith({ url: '/pages/index/index' })
  })
})
