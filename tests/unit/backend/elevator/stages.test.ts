/** @jest-environment node */
import { TRANSPORTS, type Client } from '../client'

const PID = 'ep-xs-5-2'
const URL = `/api/elevator/petitions/${PID}`
const STAGES = `/api/elevator/worker/petitions/${PID}/stages`
const DEADLINE = '2026-03-12T20:00:00+08:00'
const PUBLICITY_END = '2026-03-22T20:00:00+08:00'
const NAMES: Record<string, [string, string]> = {
  'u-xs1': ['r-xs-5-2-102', '朱丽'],
  'u-xs2': ['r-xs-5-2-201', '胡斌'],
  'u-xs3': ['r-xs-5-2-202', '林芳'],
}

describe.each(TRANSPORTS)('elevator: project stages after approval (%s)', (_name, make) => {
  let c: Client
  const tokens: Record<string, string> = {}
  const as = async (userId: string) => (tokens[userId] ??= await c.login(userId))
  const record = async (body: Record<string, unknown>) => c.call('POST', STAGES, { token: await as('u-sun'), body })

  beforeEach(async () => {
    c = await make()
    for (const k of Object.keys(tokens)) delete tokens[k]
  })
  afterEach(() => c.close())

  it('refused before approval; after it, each stage is shown to owners as a timeline and messaged to every owner', async () => {
    const design = { stage: 'design-review', date: '2026-03-01', note: '规划、住建部门联合审查通过' }
    expect((await record(design)).body.code).toBe('NOT_APPROVED_YET')
    // Three more owners agree: 8 of 10 take part, 7 agree — approved; publicity passes without objections.
    for (const [u, [flat, name]] of Object.entries(NAMES)) {
      const body = { householdId: flat, choice: 'agree', signature: { kind: 'typed-name', name } }
      expect((await c.call('POST', `${URL}/ballots`, { token: await as(u), body })).status).toBe(200)
    }
    c.clock.set(Date.parse(DEADLINE) + 1000)
    c.clock.set(Date.parse(PUBLICITY_END) + 5 * 24 * 3600_000)
    expect((await c.call('GET', URL, { token: await as('u-xs0') })).body.status).toBe('concluded')
    expect((await record({ ...design, date: '2026-03-30' })).body.code).toBe('BAD_STAGE_DATE')
    expect((await record({ ...design, date: '2026-03-23' })).status).toBe(200)
    const pipes = { stage: 'pipe-relocation', date: '2026-03-22', note: '燃气管道已移位' }
    const r = await record(pipes)
    expect(r.status).toBe(200)
    // An owner (who opposed) sees the timeline, by date.
    const seen = await c.call('GET', URL, { token: await as('u-xs0') })
    expect(seen.body.stages).toEqual([
      { stage: 'pipe-relocation', stageText: '管线迁移', date: '2026-03-22', note: '燃气管道已移位' },
      { stage: 'design-review', stageText: '设计方案联合审查', date: '2026-03-23', note: '规划、住建部门联合审查通过' },
    ])
    // Every owner of the unit is told of each new stage, once; a correction sends nothing new.
    for (const u of ['u-xs0', 'u-xs9', 'u-xs3']) {
      const inbox = (await c.call('GET', '/api/messages?limit=50', { token: await as(u) })).body.items as {
        title: string
      }[]
      expect(inbox.filter((m) => m.title.startsWith('加装电梯进度：')).map((m) => m.title)).toEqual([
        '加装电梯进度：管线迁移',
        '加装电梯进度：设计方案联合审查',
      ])
    }
    expect((await record({ ...pipes, note: '燃气、给水管道已移位' })).status).toBe(200)
    const after = (await c.call('GET', '/api/messages?limit=50', { token: await as('u-xs0') })).body.items
    expect(after.filter((m: { title: string }) => m.title.startsWith('加装电梯进度：'))).toHaveLength(2)
    expect((await c.call('GET', URL, { token: await as('u-xs0') })).body.stages[0].note).toBe('燃气、给水管道已移位')
  })
})
