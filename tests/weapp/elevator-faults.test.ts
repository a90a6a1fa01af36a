/**
 * 加装电梯 under the weak network: with the backend's seeded fault schedule on (each request has a 30 %
 * chance of each failing kind: timeout, 503, saved-but-the-answer-lost; every request takes 2 s more),
 * casting a signed ballot, a worker's paper ballot, an owner's written objection, a worker's paper
 * objection and mediation step, starting a petition and a co-initiator's confirmation each complete
 * through the app's own retries (the API wrapper's retries with the same idempotency key, then 重试 /
 * submitting again as a person would, a bounded number of times). Each writes once, keeps what was
 * typed, and the page always says what is happening. What other people did before a journey is set up
 * through the backend directly (`callAs`), with no faults.
 */
import { loginAs } from './harness'
import { ballotLog, fillZpqPetitionStart } from './harness/elevator'
import {
  expectFaultsMet,
  faultsOn,
  inputValue,
  persist,
  retryToasts,
  rowsOf,
  seedsFrom,
  callAs,
  rowOf,
} from './harness/faults'

jest.setTimeout(300_000)

/**
 * The seed of each journey's schedule (it restarts from it when faults are turned on). Whatever the seed,
 * the journey's own write also loses its first answer (`faultsOn`'s third argument).
 */
const SEEDS = { ballot: 42, paperBallot: 5, objection: 1, workerObjection: 1, petition: 1, coInitiator: 5 }
const seedOf = seedsFrom(SEEDS)

const PETITION = 'ep-xs-5-2'

describe('WeChat build: 加装电梯 journeys under the seeded fault schedule write once', () => {
  it('加装电梯: 朱丽 signs and casts her ballot (one ballot for her household, the name she typed kept)', async () => {
    const mp = await loginAs('u-xs1')
    const hits = faultsOn(mp, seedOf('ballot'), /\/ballots$/)
    const PETITION = 'ep-xs-5-2'
    const logBefore = (await ballotLog(mp, PETITION)).length
    await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${PETITION}`)
    await persist(mp, 'ballot page', () => mp.page.has('choice-agree'))
    await mp.page.tap('choice-agree')
    await mp.page.input('sign-name', '朱丽')
    await mp.page.tap('ballot-submit')
    await persist(
      mp,
      'ballot',
      () => mp.page.text().includes('表决已提交'),
      async () => {
        // What was typed and chosen is still there.
        expect(inputValue(mp, 'sign-name')).toBe('朱丽')
        expect(mp.page.get('choice-agree').className).toContain('option-on')
        await mp.page.tap('ballot-submit')
      },
    )
    expect(mp.page.text()).toContain('您的表决：同意')
    const log = await ballotLog(mp, PETITION)
    expect(log).toHaveLength(logBefore + 1)
    expect(log.filter((e) => e.householdId === 'r-xs-5-2-102')).toHaveLength(1)
    expect(log[log.length - 1]).toMatchObject({ householdId: 'r-xs-5-2-102', choice: 'agree' })
    expectFaultsMet(hits, /\/ballots$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
  })

  it('加装电梯: 孙丽 enters a paper ballot; after the vote 马建华 files an objection; 孙丽 records a paper objection and a mediation step', async () => {
    let mp = await loginAs('u-sun')
    const storage = mp.storage
    const log = () => ballotLog(mp, PETITION)
    let hits = faultsOn(mp, seedOf('paperBallot'), /\/paper-ballots$/)
    await mp.navigateTo(`/packages/elevator/pages/worker-paper-ballot/index?id=${PETITION}`)
    await persist(mp, 'paper ballot page', () => mp.page.has('paper-submit'))
    await mp.page.tap('paper-household-r-xs-5-2-202')
    await mp.page.tap('paper-channel-paper')
    await mp.page.tap('paper-choice-oppose')
    // The photo is uploaded when taken, under the same faults: the worker waits (请稍候) or taps again.
    await mp.page.tap('paper-photo')
    await persist(
      mp,
      'photo',
      () => mp.page.has('paper-photo-ok'),
      () => mp.page.tap('paper-photo'),
    )
    await mp.page.tap('paper-submit')
    await persist(
      mp,
      'paper ballot',
      () => mp.page.has('paper-done'),
      async () => {
        expect(mp.page.get('paper-household-r-xs-5-2-202').className).toContain('option-on')
        expect(mp.page.has('paper-photo-ok')).toBe(true)
        await mp.page.tap('paper-submit')
      },
    )
    expect((await log()).filter((e) => e.householdId === 'r-xs-5-2-202')).toEqual([
      expect.objectContaining({ channel: 'paper', choice: 'oppose' }),
    ])
    expectFaultsMet(hits, /\/paper-ballots$/)

    // 102 and 201 vote 同意 (8 of 10 households, 6 agree: passes); the deadline passes; publicity.
    for (const [userId, householdId, name] of [
      ['u-xs1', 'r-xs-5-2-102', '朱丽'],
      ['u-xs2', 'r-xs-5-2-201', '胡斌'],
    ]) {
      await callAs(mp, userId, 'POST', `/api/elevator/petitions/${PETITION}/ballots`, {
        householdId,
        choice: 'agree',
        signature: { kind: 'typed-name', name },
      })
    }
    const deadline = Date.parse((await rowOf(mp, 'elevator_petitions', PETITION))!.votingDeadline as string)
    mp = await loginAs('u-xs0', { storage, mockNow: deadline + 2 * 3600_000 })
    hits = faultsOn(mp, seedOf('objection'), /\/objections$/)
    const TEXT = '电梯井道紧贴我家北侧窗户，影响采光和通风，请调整位置。'
    await mp.navigateTo(`/packages/elevator/pages/objections/index?id=${PETITION}`)
    await persist(mp, 'objections page', () => mp.page.has('objection-submit'))
    await mp.page.input('objection-text', TEXT)
    await mp.page.tap('objection-submit')
    await persist(
      mp,
      'objection',
      () => mp.page.has('objection-done'),
      async () => {
        expect(inputValue(mp, 'objection-text')).toBe(TEXT)
        await mp.page.tap('objection-submit')
      },
    )
    const objections = () => rowsOf<{ householdId: string }>(mp, 'elevator_objections', { petitionId: PETITION })
    expect((await objections()).filter((x) => x.householdId === 'r-xs-5-2-101')).toHaveLength(1)
    expectFaultsMet(hits, /\/objections$/)

    // 孙丽 records 201's paper objection, then, after publicity, a mediation step.
    mp = await loginAs('u-sun', { storage, mockNow: deadline + 3 * 3600_000 })
    hits = faultsOn(mp, seedOf('workerObjection'), /\/(paper-objections|mediation)$/)
    const PAPER = '施工期间噪音太大，希望避开午休时间并书面承诺。'
    await mp.navigateTo(`/packages/elevator/pages/worker-objections/index?id=${PETITION}`)
    await persist(mp, 'worker objections page', () => mp.page.has('wo-submit'))
    await mp.page.tap('wo-household-r-xs-5-2-201')
    await mp.page.input('wo-text', PAPER)
    await mp.page.tap('wo-photo')
    await persist(
      mp,
      'objection photo',
      () => mp.page.text().includes('已拍摄'),
      () => mp.page.tap('wo-photo'),
    )
    await mp.page.tap('wo-submit')
    await persist(
      mp,
      'paper objection',
      () => mp.page.text().includes('纸质异议已记录'),
      async () => {
        expect(inputValue(mp, 'wo-text')).toBe(PAPER)
        await mp.page.tap('wo-submit')
      },
    )
    expect(await objections()).toHaveLength(2)
    const publicityEnd = Date.parse((await rowOf(mp, 'elevator_petitions', PETITION))!.publicityEndsAt as string)
    mp.backend().clock.set(publicityEnd + 3600_000)
    await mp.navigateBack()
    await mp.navigateTo(`/packages/elevator/pages/worker-objections/index?id=${PETITION}`)
    await persist(mp, 'mediation form', () => mp.page.has('wm-submit'))
    const NOTE = '社区组织 101、201 与发起人面谈，约定调整井道位置。'
    await mp.page.tap('wm-stage-mediation')
    await mp.page.input('wm-note', NOTE)
    await mp.page.tap('wm-submit')
    await persist(
      mp,
      'mediation step',
      () => mp.page.text().includes('处理步骤已记录'),
      async () => {
        expect(inputValue(mp, 'wm-note')).toBe(NOTE)
        await mp.page.tap('wm-submit')
      },
    )
    const steps = await rowsOf<{ stage: string }>(mp, 'elevator_mediation_steps', { petitionId: PETITION })
    expect(steps.filter((s) => s.stage === 'mediation')).toHaveLength(1)
    expectFaultsMet(hits, /\/(paper-objections|mediation)$/)
    expect(retryToasts(mp).length).toBeGreaterThan(0)
    expect(mp.errors).toEqual([])
  })

  it('加装电梯: 刘 starts a petition with co-initiators (one petition, the plan typed kept); 钱芳 confirms (once)', async () => {
    let mp = await loginAs('u-liu')
    const storage = mp.storage
    let hits = faultsOn(mp, seedOf('petition'), /^\/api\/elevator\/petitions$/)
    const petitions = () => rowsOf<{ id: string }>(mp, 'elevator_petitions', { unitId: 'u-zpq-3-1' })
    const POSITION = '单元南侧楼梯间外，平层入户'
    await mp.navigateTo('/packages/elevator/pages/start/index?unitId=u-zpq-3-1')
    await persist(mp, 'start page', () => mp.page.has('start-submit'))
    await fillZpqPetitionStart(mp, POSITION)
    await mp.page.tap('start-submit')
    await persist(
      mp,
      'start',
      () => mp.page.text().includes('申请已发起'),
      async () => {
        expect(inputValue(mp, 'start-position')).toBe(POSITION)
        expect(inputValue(mp, 'start-budget')).toBe('500000')
        await mp.page.tap('start-submit')
      },
    )
    expect(await petitions()).toHaveLength(1)
    expectFaultsMet(hits, /^\/api\/elevator\/petitions$/)

    mp = await loginAs('u-qian', { storage })
    hits = faultsOn(mp, seedOf('coInitiator'), /\/petitions\/[^/]+\/confirm$/)
    const [{ id }] = await petitions()
    await mp.navigateTo(`/packages/elevator/pages/petition/index?id=${id}`)
    await persist(mp, 'petition page', () => mp.page.has('confirm-petition'))
    await mp.page.tap('confirm-petition')
    await persist(
      mp,
      'co-initiator confirm',
      () => !mp.page.has('confirm-petition') && mp.page.text().includes('已确认'),
      () => mp.page.tap('confirm-petition'),
    )
    // The petition's group (co-initiators are rows of their own) names her.
    expect(JSON.stringify(await rowsOf(mp, 'elevator_co_initiators', { petitionId: id }))).toContain('u-qian')
    expectFaultsMet(hits, /\/petitions\/[^/]+\/confirm$/)
    expect(mp.errors).toEqual([])
  })
})
