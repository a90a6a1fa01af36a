/**
 * What a weak network shows, in the WeChat harness: each retry says 正在重试, home says its to-dos did not
 * load, and the dev panel still turns faults off.
 */
import { MiniProgram, loginAs } from './harness'

jest.setTimeout(60_000)

const toasts = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showToast').map((c) => String((c.args as { title?: string }).title ?? ''))

describe('WeChat build: what a weak network shows', () => {
  it('weak network: each retry says 正在重试, home says its to-dos did not load, and the dev panel still turns faults off', async () => {
    const mp = await loginAs('u-wang')
    await mp.backend().configureFaults({ enabled: true, rate: 1, latencyMs: 0, kinds: ['server-error'] })
    await mp.navigateTo('/packages/care-card/pages/index/index')
    await mp.settle(3000)
    expect(toasts(mp)).toEqual(
      expect.arrayContaining(['网络不稳，正在重试（第 1 次）…', '网络不稳，正在重试（第 2 次）…']),
    )
    // A 503 after the retries: the page offers 重试 (it may help).
    expect(mp.page.has(/^重试$/)).toBe(true)
    await mp.navigateBack()
    await mp.settle(3000)
    expect(mp.page.text()).toContain('暂时加载不了，点此重试')
    expect(mp.page.text()).not.toContain('暂时没有需要您处理的事情')
    // The dev panel's own requests are not faulted: it loads and turns faults off.
    await mp.navigateTo('/packages/settings/pages/dev/index')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('已开启')
    await mp.page.tap('faults-switch')
    await mp.settle(1000)
    expect(mp.page.text()).toContain('已关闭')
    // Back home (it reloads when shown): the to-dos load again.
    await mp.navigateBack()
    await mp.settle(1000)
    expect(mp.page.text()).not.toContain('暂时加载不了')
    expect(mp.page.text()).toContain('条未读消息')
  })
})
