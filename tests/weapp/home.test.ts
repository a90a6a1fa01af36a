/**
 * Home, in the WeChat harness: a grid worker's home offers her hub, a resident's the call to the
 * hotline; a request waiting for the person comes before the services.
 */
import { loginAs, seededIdNumber, walk } from './harness'
import { callAs } from './harness/faults'

jest.setTimeout(60_000)

describe('WeChat build: what home offers first', () => {
  it("a grid worker's home offers her hub, not a button to call herself; a resident's offers the call", async () => {
    let mp = await loginAs('u-sun')
    expect(mp.page.has('call-grid-worker')).toBe(false)
    await mp.page.tap('home-go-worker')
    await mp.settle(500)
    expect(mp.page.route).toBe('packages/account/pages/worker/index')
    mp = await loginAs('u-xs0')
    expect(mp.page.has('call-grid-worker')).toBe(true)
    expect(mp.page.has('home-go-worker')).toBe(false)
  })

  it('a request waiting for the person (李红 asks to act for 王秀英) comes before the services on her home', async () => {
    let mp = await loginAs('u-li')
    await callAs(mp, 'u-li', 'POST', '/api/family-links', {
      principalName: '王秀英',
      principalIdNumber: seededIdNumber('王秀英'),
      relationship: '子女',
    })
    mp = await loginAs('u-wang', { storage: mp.storage })
    await mp.settle(500)
    const ids = walk(mp.page.root).map((n) => n.id ?? '')
    expect(mp.page.text()).toContain('李红申请为您代办')
    expect(ids.indexOf('todo')).toBeGreaterThan(-1)
    expect(ids.indexOf('todo')).toBeLessThan(ids.indexOf('entry-care-card'))
    // With nothing waiting, the services come first.
    const plain = await loginAs('u-xs0')
    const plainIds = walk(plain.page.root).map((n) => n.id ?? '')
    expect(plainIds.indexOf('todo')).toBeGreaterThan(plainIds.indexOf('entry-care-card'))
  })
})
