/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const URL = '/api/elevator/petitions/ep-xs-5-2'

describe.each(TRANSPORTS)('elevator: the ballot receipt is kept in the owner’s messages (%s)', (_name, make) => {
  let c: Client
  beforeEach(async () => {
    c = await make()
  })
  afterEach(() => c.close())

  it('a ballot cast in the app puts its seq and full check code in the owner’s messages', async () => {
    const token = await c.login('u-xs3')
    const r = await c.call('POST', `${URL}/ballots`, {
      token,
      body: { householdId: 'r-xs-5-2-202', choice: 'agree', signature: { kind: 'typed-name', name: '林芳' } },
    })
    expect(r.status).toBe(200)
    const inbox = (await c.call('GET', '/api/messages?limit=50', { token })).body.items as {
      title: string
      body: string
    }[]
    const receipt = inbox.find((m) => m.title === '加装电梯表决回执')
    expect(receipt).toBeDefined()
    expect(receipt!.body).toContain(`202 第 ${r.body.receipt.seq} 条`)
    // The full 64-character code, in groups of 8: nothing masked.
    expect(receipt!.body.replace(/ /g, '')).toContain(r.body.receipt.hash)
    expect(receipt!.body).toContain('“同意”')
  })
})
