/**
 * The 消息 tab's unread badge on WeChat (`src/ui/useUnreadBadge.ts`): `setTabBarBadge` with the unread
 * count when a tab page shows after a new message arrived, `removeTabBarBadge` once it is read.
 */
import { loginAs } from './harness'
import type { MiniProgram } from './harness'

jest.setTimeout(120_000)

/** The last badge call on the 消息 tab (index 1): its count, or 'none' when removed. */
function lastBadge(mp: MiniProgram): string | undefined {
  const call = [...mp.calls].reverse().find((c) => c.api === 'setTabBarBadge' || c.api === 'removeTabBarBadge')
  if (!call) return undefined
  const args = call.args as { index: number; text?: string }
  expect(args.index).toBe(1)
  return call.api === 'removeTabBarBadge' ? 'none' : args.text
}

describe('unread badge on the 消息 tab', () => {
  it('shows the count after a new message and goes once it is read', async () => {
    const mp = await loginAs('u-wang')
    const backend = mp.backend()
    // Start from nothing unread.
    for (const m of await backend.inspect<{ id: string; readAt?: string }>('messages', { userId: 'u-wang' }))
      if (!m.readAt) await backend.tamper('messages', m.id, { readAt: '2026-01-01T08:00:00+08:00' })
    await mp.switchTab('/pages/me/index')
    await mp.settle()
    expect(lastBadge(mp)).toBe('none')

    const at = new Date(backend.clock.now() + 8 * 3600_000).toISOString().slice(0, 19) + '+08:00'
    await backend.arrange('messages', [
      {
        id: 'msg-badge-1',
        userId: 'u-wang',
        title: '爱心卡申请已提交',
        body: '社区将在 5 个工作日内初审',
        createdAt: at,
      },
      { id: 'msg-badge-2', userId: 'u-wang', title: '服务预约成功', body: '明天 11:30 助餐', createdAt: at },
    ])
    await mp.switchTab('/pages/index/index')
    await mp.settle()
    expect(lastBadge(mp)).toBe('2')

    await mp.switchTab('/pages/messages/index')
    await mp.settle()
    await mp.page.tap('message-msg-badge-1')
    await mp.settle()
    expect(lastBadge(mp)).toBe('1')
    await mp.page.tap('message-msg-badge-2')
    await mp.settle()
    expect(lastBadge(mp)).toBe('none')
    expect(
      (await backend.inspect<{ readAt?: string }>('messages', { userId: 'u-wang' })).filter((m) => !m.readAt),
    ).toEqual([])
  })
})
