/** @jest-environment node */
import { ledgerOf } from './data'
import { TRANSPORTS, type Client } from '../client'
import { uploadedPhoto } from '../photos'

const bj = (y: number, m: number, d: number, h = 9, min = 0) => Date.UTC(y, m - 1, d, h - 8, min)
const MIN = 60_000

describe.each(TRANSPORTS)('care card payment code, scanned by a worker (%s)', (_name, make) => {
  let c: Client
  let t: Record<string, string>
  beforeEach(async () => {
    c = await make()
    t = {}
    for (const u of ['u-wang', 'u-zhang', 'u-zhao']) t[u] = await c.login(u)
  })
  afterEach(() => c.close())

  const call = (method: 'GET' | 'POST', url: string, user: string, body?: unknown) =>
    c.call(method, url, { token: t[user], body })
  /** Applies for `user`, approves both stages; returns the card id (active from next month). */
  async function cardFor(user: string, groups: string[] = []) {
    const proofs = [{ kind: 'household', photoId: await uploadedPhoto(c, t[user]) }]
    for (const g of groups) proofs.push({ kind: g, photoId: await uploadedPhoto(c, t[user]) })
    const app = await call('POST', '/api/care-card/applications', user, { groups, proofs })
    expect(app.status).toBe(200)
    await call('POST', `/api/worker/care-card/applications/${app.body.id}/review`, 'u-zhao', {
      stage: 'community',
      decision: 'approve',
    })
    const street = { stage: 'street', decision: 'approve' }
    return (await call('POST', `/api/worker/care-card/applications/${app.body.id}/review`, 'u-zhao', street)).body
      .cardId as string
  }
  const code = async (user = 'u-wang') => (await call('GET', '/api/care-card', user)).body.paymentCode
  const pay = (orderId: string, text: string) =>
    call('POST', `/api/worker/care-card/orders/${orderId}/pay-by-code`, 'u-zhao', { code: text })
  /** Books lunch on 1 April 2026 (11:00) for `user`; returns the order id. */
  const book = async (user: string, slot = 'cs-zpq-lunch@2026-04-01T11:00') =>
    (await call('POST', '/api/care-card/orders', user, { slotId: slot })).body.id as string

  it('a good code charges the booking once; the elder sees the charge and a message at once', async () => {
    const cardId = await cardFor('u-wang')
    c.clock.set(bj(2026, 4, 1, 9))
    const order = await book('u-wang')
    c.clock.set(bj(2026, 4, 1, 11, 30))
    const shown = await code()
    expect(shown.code).toMatch(/^\d{8}$/)
    expect(shown.payload).toBe(`MCCARD:${cardId}:${shown.code}`)
    expect(Date.parse(shown.expiresAt)).toBe(bj(2026, 4, 1, 11, 35))
    expect(JSON.stringify(await call('GET', '/api/care-card', 'u-wang'))).not.toContain('codeSecret')
    const early = await pay(order, shown.payload)
    expect(early.status).toBe(200)
    expect(early.body.status).toBe('delivered')
    const charges = (await ledgerOf(c.backend, cardId)).filter((e) => e.kind === 'charge')
    expect(charges).toEqual([expect.objectContaining({ orderId: order, amountFen: early.body.priceFen })])
    const home = (await call('GET', '/api/care-card?limit=50', 'u-wang')).body
    expect(home.ledger.items[0]).toMatchObject({ kind: 'charge', orderId: order })
    const inbox = (await call('GET', '/api/messages?limit=50', 'u-wang')).body.items
    expect(inbox.map((m: { title: string }) => m.title)).toContain('服务已完成')
    // Replayed: refused, nothing charged twice.
    const replay = await pay(order, shown.payload)
    expect(replay).toMatchObject({ status: 409, body: { code: 'CODE_USED' } })
    expect(replay.body.message).toContain('已经用过')
    expect((await ledgerOf(c.backend, cardId)).filter((e) => e.kind === 'charge')).toHaveLength(1)
  })

  it('a code is refused once expired; the previous window is still accepted (a scan as it rotates)', async () => {
    await cardFor('u-wang')
    c.clock.set(bj(2026, 4, 1, 9))
    const order = await book('u-wang')
    c.clock.set(bj(2026, 4, 1, 11, 30))
    const old = await code()
    c.clock.advance(10 * MIN)
    const expired = await pay(order, old.code)
    expect(expired).toMatchObject({ status: 422, body: { code: 'CODE_EXPIRED' } })
    expect(expired.body.message).toContain('已过期')
    const fresh = await code()
    expect(fresh.code).not.toBe(old.code)
    c.clock.advance(5 * MIN) // the next window: the code just shown is the previous one
    expect((await code()).code).not.toBe(fresh.code)
    expect((await pay(order, fresh.code)).body.status).toBe('delivered')
    // Once used, that window's code and the one before are used up, even for another booking.
    expect((await pay(order, fresh.code)).body.code).toBe('CODE_USED')
  })

  it("another card's code, wrong digits and nonsense are refused in words; nothing is charged", async () => {
    const cardId = await cardFor('u-wang')
    await cardFor('u-zhang', ['subsistence'])
    c.clock.set(bj(2026, 4, 1, 9))
    const order = await book('u-wang')
    c.clock.set(bj(2026, 4, 1, 11, 30))
    const theirs = await code('u-zhang')
    const other = await pay(order, theirs.payload)
    expect(other).toMatchObject({ status: 422, body: { code: 'CODE_OTHER_CARD' } })
    expect(other.body.message).toContain('另一张爱心卡')
    expect((await pay(order, theirs.code)).body.code).toBe('CODE_WRONG')
    const mine = (await code()).code
    const wrong = `${mine.slice(0, 7)}${(Number(mine[7]) + 1) % 10}`
    const refused = await pay(order, wrong)
    expect(refused).toMatchObject({ status: 422, body: { code: 'CODE_WRONG' } })
    expect(refused.body.message).toContain('付款码不对')
    expect((await pay(order, 'hello')).body.code).toBe('CODE_WRONG')
    expect((await ledgerOf(c.backend, cardId)).filter((e) => e.kind === 'charge')).toHaveLength(0)
    // Refused attempts consume nothing: the right code (typed with spaces) still works.
    expect((await pay(order, `  ${mine.slice(0, 4)} ${mine.slice(4)} `)).body.status).toBe('delivered')
  })

  it('a code does not charge a booking not yet due, and stays usable', async () => {
    await cardFor('u-wang')
    c.clock.set(bj(2026, 4, 1, 9))
    const order = await book('u-wang')
    const shown = await code()
    const early = (await pay(order, shown.code)).body
    expect(early.code).toBe('NOT_STARTED')
    // Said as the worker acted: collecting the payment, not marking the service done.
    expect(early.message).toMatch(/还没到，服务完成后再收款$/)
    c.clock.set(bj(2026, 4, 1, 11, 0))
    expect((await pay(order, (await code()).code)).body.status).toBe('delivered')
  })
})
