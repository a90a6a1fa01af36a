/**
 * Sizes belong in stylesheets (750-design px, scaled to the screen on both platforms), not in inline
 * styles, where `16px` stays 16 px on every screen (issue 16). In the WeChat build.
 */
import { MiniProgram, loginAs } from './harness'

jest.setTimeout(120_000)

const YP = '/packages/youth-palace/pages'

describe('WeChat build: no inline px sizes', () => {
  it("youth-palace pages set no inline px sizes: the home term card, the lottery and the worker's terms", async () => {
    const inlinePx = (mp: MiniProgram) =>
      mp.page
        .nodes()
        .filter((n) => /\d+px/.test(n.style ?? ''))
        .map((n) => `${n.tag}.${n.attrs.class ?? ''} ${n.style}`)
    let mp = await loginAs('u-chen')
    await mp.navigateTo(`${YP}/index/index`)
    await mp.settle(300)
    expect(mp.page.has('yp-term-state')).toBe(true)
    expect(inlinePx(mp)).toEqual([])
    await mp.navigateTo(`${YP}/lottery/index?id=ypc-pottery`)
    await mp.settle(300)
    expect(mp.page.text()).toContain('怎么抽的')
    expect(inlinePx(mp)).toEqual([])
    mp = await loginAs('u-zhao', { storage: mp.storage })
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    expect(mp.page.nodes().some((n) => n.id?.startsWith('term-state-'))).toBe(true)
    expect(inlinePx(mp)).toEqual([])
  })
})
