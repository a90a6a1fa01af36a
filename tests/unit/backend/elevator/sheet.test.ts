/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const PID = 'ep-xs-5-2'
const URL = `/api/elevator/petitions/${PID}`
const DEADLINE = '2026-03-12T20:00:00+08:00'

describe.each(TRANSPORTS)('elevator: the printable result sheet (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const sheet = async (userId = 'u-xs3') => c.call('GET', `${URL}/result-sheet`, { token: await as(userId) })

  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  it('refused before the result; after it: tally by area and headcount, each household, head hash', async () => {
    expect((await sheet()).body.code).toBe('RESULT_NOT_PUBLISHED')
    c.clock.set(Date.parse(DEADLINE) + 1000)
    const s = await sheet()
    expect(s.status).toBe(200)
    expect(s.body).toMatchObject({
      status: 'rejected',
      verdict: '表决未通过',
      tally: { totalOwners: 10, participatingOwners: 5, totalArea: 631.31, participatingArea: 327.59 },
      meter: { participationOwners: { value: { num: 5, den: 10 }, threshold: { num: 2, den: 3 }, met: false } },
      head: { seq: 5, hash: expect.stringMatching(/^[0-9a-f]{64}$/) },
      publicity: null,
      withdrawal: null,
    })
    expect(s.body.households).toHaveLength(10)
    expect(s.body.households.find((h: { roomName: string }) => h.roomName === '101')).toMatchObject({
      choice: 'oppose',
      ballotChannel: 'app',
      reach: [expect.stringContaining('应用内消息 2026年2月25日')],
    })
    expect(s.body.households.find((h: { roomName: string }) => h.roomName === '202')).toMatchObject({
      choice: null,
      ballotChannel: null,
    })
    const log = await c.call('GET', `${URL}/audit-log`, { token: await as('u-xs3') })
    expect(s.body.head).toEqual(log.body.head)
  })

  it('a withdrawn petition’s sheet says 已撤回, not a failed vote', async () => {
    const w = await c.call('POST', `${URL}/withdraw`, {
      token: await as('u-xs8'),
      body: { reason: '设计方案需要调整，重新征求意见后再发起' },
    })
    expect(w.status).toBe(200)
    const s = await sheet()
    expect(s.body).toMatchObject({ status: 'withdrawn', verdict: '已撤回', withdrawal: { byName: '宋涛' } })
    expect(JSON.stringify(s.body)).not.toContain('未通过')
  })
})
