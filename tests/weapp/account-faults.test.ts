/**
 * 我的 under the weak network: with the backend's seeded fault schedule on (each request has a 30 %
 * chance of each failing kind: timeout, 503, saved-but-the-answer-lost; every request takes 2 s more),
 * binding one's real name, asking to act for a family member who agrees, and deleting the account each
 * complete through the app's own retries (the API wrapper's retries with the same idempotency key,
 * then 重试 / submitting again as a person would, a bounded number of times). Each writes once, keeps
 * what was typed, and the page always says what is happening. What other people did before a journey
 * is set up through the backend directly (`callAs`), with no faults.
 */
import { loginAs, seededIdNumber } from './harness'
import { expectFaultsMet, faultsOn, inputValue, persist, rowsOf, seedsFrom, rowOf } from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { realName: 1, familyRequest: 5, familyConfirm: 5, deleteAccount: 3 }
const seedOf = seedsFrom(SEEDS)

describe('WeChat build: 我的 journeys under the seeded fault schedule write once', () => {
  it('我的: 陈晓东 binds his real name; 李红 asks to act for 王秀英, who agrees (one binding, one link)', async () => {
    let mp = await loginAs('u-chen')
    const storage = mp.storage
    let hits = faultsOn(mp, seedOf('realName'), /^\/api\/me\/real-name$/)
    const ID = seededIdNumber('陈晓东')
    await mp.navigateTo('/packages/account/pages/real-name/index')
    await persist(mp, 'real-name page', () => mp.page.has('real-name-submit'))
    await mp.page.input('real-name-name', '陈晓东')
    await mp.page.input('real-name-id', ID)
    await mp.page.tap('real-name-submit')
    // Bound, the app goes back to the page it came from (home), which greets him by name.
    await persist(
      mp,
      'real-name binding',
      () => mp.page.route !== 'packages/account/pages/real-name/index',
      async () => {
        expect(inputValue(mp, 'real-name-name')).toBe('陈晓东')
        expect(inputValue(mp, 'real-name-id')).toBe(ID)
        await mp.page.tap('real-name-submit')
      },
    )
    expect(mp.page.text()).toContain('您好，陈晓东')
    expect((await rowOf<{ realName?: string }>(mp, 'users', 'u-chen'))!.realName).toBe('陈晓东')
    expectFaultsMet(hits, /^\/api\/me\/real-name$/)

    mp = await loginAs('u-li', { storage })
    hits = faultsOn(mp, seedOf('familyRequest'), /^\/api\/family-links$/)
    const links = () =>
      rowsOf<{ id: string; status: string }>(mp, 'family_links', { proxyId: 'u-li', principalId: 'u-wang' })
    await mp.navigateTo('/packages/account/pages/family/index')
    await persist(mp, 'family page', () => mp.page.has('family-submit'))
    await mp.page.input('family-name', '王秀英')
    await mp.page.input('family-id', seededIdNumber('王秀英'))
    await mp.page.tap('family-submit')
    await persist(
      mp,
      'family request',
      () => mp.page.text().includes('待确认'),
      async () => {
        expect(inputValue(mp, 'family-name')).toBe('王秀英')
        await mp.page.tap('family-submit')
      },
    )
    expect(await links()).toEqual([expect.objectContaining({ status: 'pending' })])
    expectFaultsMet(hits, /^\/api\/family-links$/)

    mp = await loginAs('u-wang', { storage })
    hits = faultsOn(mp, seedOf('familyConfirm'), /^\/api\/family-links\/[^/]+\/confirm$/)
    const [link] = await links()
    await mp.navigateTo('/packages/account/pages/family/index')
    await persist(mp, 'family page', () => mp.page.has(`confirm-${link.id}`))
    await mp.page.tap(`confirm-${link.id}`)
    await persist(
      mp,
      'family confirm',
      () => mp.page.text().includes('已生效'),
      () => mp.page.tap(`confirm-${link.id}`),
    )
    expect(await links()).toEqual([expect.objectContaining({ status: 'confirmed', confirmedBy: 'principal' })])
    expectFaultsMet(hits, /^\/api\/family-links\/[^/]+\/confirm$/)
    expect(mp.errors).toEqual([])
  })

  it('我的: 陈晓东 deletes his account; its answer is lost, yet he ends on the login page (a retry meets the ended session, not a failure)', async () => {
    const mp = await loginAs('u-chen')
    const hits = faultsOn(mp, seedOf('deleteAccount'), /^\/api\/me$/)
    await mp.switchTab('/pages/me/index')
    await persist(mp, 'me page', () => mp.page.has('delete-account'))
    await mp.page.tap('delete-account')
    await persist(
      mp,
      'delete account',
      () => mp.page.route === 'pages/login/index',
      () => mp.page.tap('delete-account'),
    )
    expect((await rowOf(mp, 'users', 'u-chen'))!.deletedAt).toEqual(expect.any(String))
    expectFaultsMet(hits, /^\/api\/me$/)
    expect(mp.errors).toEqual([])
  })
})
