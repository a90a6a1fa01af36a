import { renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { useMessages } from '@/stores/messages'
import { showUnreadBadge, useUnreadBadge } from '@/ui/useUnreadBadge'
import { resetTaroDouble } from '../doubles/taro'

const setBadge = Taro.setTabBarBadge as unknown as jest.Mock
const removeBadge = Taro.removeTabBarBadge as unknown as jest.Mock

beforeEach(() => {
  resetTaroDouble()
  useMessages.getState().reset()
})

describe('the unread badge on the 消息 tab', () => {
  it('shows the count on the second tab, 99+ above 99, and goes away at 0', () => {
    showUnreadBadge(3)
    expect(setBadge).toHaveBeenLastCalledWith({ index: 1, text: '3' })
    showUnreadBadge(120)
    expect(setBadge).toHaveBeenLastCalledWith({ index: 1, text: '99+' })
    showUnreadBadge(0)
    expect(removeBadge).toHaveBeenLastCalledWith({ index: 1 })
  })

  it('follows the unread count of a tab page: a new message, then one read', () => {
    const { unmount } = renderHook(() => useUnreadBadge())
    expect(removeBadge).toHaveBeenCalledWith({ index: 1 })
    useMessages.setState({ unread: 2 })
    expect(setBadge).toHaveBeenLastCalledWith({ index: 1, text: '2' })
    useMessages.setState({ unread: 1 })
    expect(setBadge).toHaveBeenLastCalledWith({ index: 1, text: '1' })
    useMessages.setState({ unread: 0 })
    expect(removeBadge).toHaveBeenCalledTimes(2)
    unmount()
    setBadge.mockClear()
    useMessages.setState({ unread: 5 })
    expect(setBadge).not.toHaveBeenCalled()
  })

  it('does not throw where there is no tab bar (a page opened from a message)', async () => {
    setBadge.mockRejectedValueOnce(new Error('setTabBarBadge:fail not TabBar page'))
    expect(() => showUnreadBadge(4)).not.toThrow()
    await Promise.resolve()
  })
})
