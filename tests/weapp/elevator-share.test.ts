import { MiniProgram } from './harness'

describe('WeChat build: sharing a petition', () => {
  it('the petition page shares a link that opens the same petition', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('accept-privacy')
    await mp.page.tap('persona-u-xs1')
    await mp.navigateTo('/packages/elevator/pages/petition/index?id=ep-xs-5-2')
    expect(mp.page.text()).toContain('表决')
    const share = mp.page.instance.onShareAppMessage?.({ from: 'menu' })
    expect(share).toMatchObject({
      title: expect.stringContaining('加装电梯'),
      path: '/packages/elevator/pages/petition/index?id=ep-xs-5-2',
    })
  })
})

describe('WeChat build: the result sheet as an image (WeChat cannot print)', () => {
  it('after the deadline 生成结果单图片 draws the whole sheet and opens the share-image menu with it', async () => {
    const mp = await MiniProgram.launch()
    await mp.page.tap('accept-privacy')
    await mp.page.tap('persona-u-xs7')
    const [p] = await mp.backend().inspect<{ votingDeadline: string }>('elevator_petitions', { id: 'ep-xs-5-2' })
    mp.backend().clock.set(Date.parse(p.votingDeadline) + 3600_000)
    await mp.navigateTo('/packages/elevator/pages/result-sheet/index?id=ep-xs-5-2')
    await mp.settle()
    expect(mp.page.has('sheet-print')).toBe(false)
    expect(mp.page.text()).toContain('生成结果单图片')
    const hash = mp.page
      .get('sheet-head-hash')
      .children.map((c) => c.text ?? '')
      .join('')
    expect(hash).toMatch(/^[0-9a-f]{64}$/)
    await mp.page.tap('sheet-share-image')
    await mp.settle()
    const canvases = mp.calls.filter((c) => c.api === 'createOffscreenCanvas').map((c) => c.args as { drawn: string[] })
    const drawn = canvases[canvases.length - 1].drawn.join('')
    expect(drawn).toContain('加装电梯表决结果单')
    expect(drawn).toContain('参与面积')
    expect(drawn).toContain('502 室')
    expect(drawn).toContain(hash)
    const menu = mp.calls.filter((c) => c.api === 'showShareImageMenu')
    expect(menu.map((c) => (c.args as { path: string }).path)).toEqual(['wxfile://tmp/canvas.png'])
    expect(mp.errors).toEqual([])
  })
})
