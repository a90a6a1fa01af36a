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
