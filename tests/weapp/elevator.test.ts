/**
 * Elevator retrofit petition and vote in the WeChat harness, on the seeded 西山社区 5幢2单元
 * petition (vote under way, 5 of 10 households voted: 501/401/301/302 agree, 101 oppose).
 * Owners without a ballot yet: 102 朱丽 (u-xs1), 201 胡斌 (u-xs2), 202 林芳 (u-xs3), 402 梁雪, 502 唐敏.
 * Areas (m²): 101 64.2, 102 58.75, 201 64.2, 202 58.75, 301 66.48, 302 60.1, 401 66.48, 402 60.1,
 * 501 70.33, 502 61.92 → total 631.31; 2/3 of it is 420.87.
 */
import { MiniProgram, loginAs, logout } from './harness'
import { ballotLog } from './harness/elevator'

jest.setTimeout(120_000)
const PETITION = 'ep-xs-5-2'
const HOME = '/packages/elevator/pages/index/index'

const modalTexts = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => String((c.args as { content?: string }).content ?? ''))

function expectSmallSetData(mp: MiniProgram) {
  const big = mp.setDataLog.filter((r) => r.route.startsWith('packages/elevator') && r.bytes > 16 * 1024)
  expect(big).toEqual([])
}

async function vote(mp: MiniProgram, choice: 'agree' | 'oppose' | 'abstain', name: string) {
  await mp.page.tap(`choice-${choice}`)
  await mp.page.input('sign-name', name)
  await mp.page.tap('ballot-submit')
  await mp.settle()
}

describe('WeChat build: elevator petition and vote', () => {
  it('owners vote, one changes, a worker enters a paper ballot, the vote closes, the result publishes, an objection is filed', async () => {
    const storage = new Map<string, string>()

    // 102 朱丽 (floor 1, pays nothing) opens her unit and votes 同意.
    let mp = await loginAs('u-xs1', { storage: storage })
    await mp.navigateTo(HOME)
    expect(mp.page.text()).toContain('西山社区 5幢2单元')
    expect(mp.page.text()).toContain('表决进行中')
    await mp.page.tap(`petition-${PETITION}`)
    expect(mp.page.route).toBe('packages/elevator/pages/petition/index')
    expect(mp.page.text()).toContain('还差 2 户参与 / 93.29 ㎡')
    expect(mp.page.text()).toContain('表决截止')
    await mp.page.tap('go-ballot')
    expect(mp.page.route).toBe('packages/elevator/pages/ballot/index')
    expect(mp.page.text()).toContain('您家需要分摊的费用')
    expect(mp.page.text()).toContain('¥0.00')
    await vote(mp, 'agree', '朱丽')
    expect(modalTexts(mp).some((t) => t.includes('提交后可在截止前修改'))).toBe(true)
    expect(mp.page.text()).toContain('表决已提交')
    expect(mp.page.text()).toContain('您的表决：同意')
    expect(mp.page.text()).toMatch(/记录第 6 条/)
    // A short check code (first 8 hex digits, grouped), the full 64 one tap away.
    expect(mp.page.text()).toMatch(/校验码 [0-9a-f]{4} [0-9a-f]{4}查看完整校验码/)
    expect(mp.page.text()).not.toMatch(/[0-9a-f]{64}/)
    await mp.page.tap('receipt-6-full')
    expect(mp.page.text()).toMatch(/校验码 [0-9a-f]{64}收起完整校验码/)
    // The audit page verifies the log against the receipt kept on this device.
    await mp.page.tap('result-audit')
    expect(mp.page.route).toBe('packages/elevator/pages/audit/index')
    expect(mp.page.text()).toContain('线上')
    expect(mp.page.text()).toContain('本机保存了您的 1 张回执')
    await mp.page.tap('verify-submit')
    expect(mp.page.text()).toContain('记录完整')
    await mp.navigateBack()
    await mp.page.tap('back-petition')
    await mp.settle()
    expect(mp.page.route).toBe('packages/elevator/pages/petition/index')
    expect(mp.page.text()).toContain('还差 1 户参与 / 34.54 ㎡')
    expectSmallSetData(mp)
    expect(mp.errors).toEqual([])
    await logout(mp)

    // 201 胡斌: a wrong name is refused next to the field before any confirmation (signature first,
    // then one confirmation), said once; correcting the name clears it; votes 反对, then changes to 同意.
    mp = await loginAs('u-xs2', { storage: storage })
    await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${PETITION}`)
    const modalsBefore = modalTexts(mp).length
    await vote(mp, 'oppose', '胡 斌斌')
    expect(modalTexts(mp).length).toBe(modalsBefore)
    expect(mp.page.text().match(/不一致/g)).toHaveLength(1)
    await mp.page.input('sign-name', '胡斌')
    expect(mp.page.text()).not.toContain('不一致')
    await mp.page.tap('ballot-submit')
    await mp.settle()
    expect(modalTexts(mp).length).toBe(modalsBefore + 1)
    expect(mp.page.text()).toContain('您的表决：反对')
    await mp.page.tap('change-ballot')
    expect(mp.page.text()).toContain('您已表决：反对')
    await vote(mp, 'agree', '胡斌')
    expect(mp.page.text()).toContain('您的表决：同意（已改票）')
    await mp.navigateTo(`/packages/elevator/pages/petition/index?id=${PETITION}`)
    expect(mp.page.text()).toContain('参与已达标（面积与人数均达 2/3）')
    expect(mp.page.text()).toContain('同意已达标')
    expect(mp.page.text()).toContain('已表决 7 / 10 户')
    expectSmallSetData(mp)
    await logout(mp)

    // The worker 孙丽 enters 202's paper ballot (反对) with a photo of the signed form.
    mp = await loginAs('u-sun', { storage: storage })
    await mp.navigateTo('/packages/elevator/pages/worker/index')
    await mp.page.tap(`paper-${PETITION}`)
    expect(mp.page.route).toBe('packages/elevator/pages/worker-paper-ballot/index')
    await mp.page.tap('paper-household-r-xs-5-2-202')
    await mp.page.tap('paper-channel-paper')
    await mp.page.tap('paper-choice-oppose')
    await mp.page.tap('paper-submit')
    expect(mp.page.text()).toContain('请拍摄业主签字的表决票')
    await mp.page.tap('paper-photo')
    expect(mp.calls.some((c) => c.api === 'chooseMedia')).toBe(true)
    expect(mp.page.text()).toContain('已拍摄')
    await mp.page.tap('paper-submit')
    expect(mp.page.text()).toContain('已录入')
    expect(mp.page.text()).toContain('202：反对（纸质）')
    const log = await ballotLog(mp, PETITION)
    expect(log[log.length - 1]).toMatchObject({ householdId: 'r-xs-5-2-202', channel: 'paper', choice: 'oppose' })
    await mp.page.tap('paper-back')
    await mp.page.tap(`detail-${PETITION}`)
    // 8 participants, 6 agree: exactly 3/4 of the owners (inclusive) and 386.34 of 509.29 ㎡ (≥ 3/4).
    expect(mp.page.text()).toContain('已表决 8 / 10 户')
    expect(mp.page.text()).toContain('6 人，占目前参与业主 8 人 的 75.0%')
    expect(mp.page.text()).toContain('同意已达标')
    expectSmallSetData(mp)

    // The deadline passes: the vote closes by itself and the result is published, dated the deadline.
    const petition = async () =>
      (
        await mp.backend().inspect<{ votingDeadline: string; publicityEndsAt?: string }>('elevator_petitions', {
          id: PETITION,
        })
      )[0]
    const deadline: string = (await petition()).votingDeadline
    mp.backend().clock.set(Date.parse(deadline) + 3600_000)
    await mp.navigateBack()
    await mp.navigateTo(`/packages/elevator/pages/petition/index?id=${PETITION}`)
    expect(mp.page.text()).toContain('表决通过，公示中')
    expect(mp.page.get('result-verdict').children[0].text).toBe('表决通过')
    const d = new Date(Date.parse(deadline) + 8 * 3600_000)
    expect(mp.page.text()).toContain(`${d.getUTCFullYear()}年${d.getUTCMonth() + 1}月${d.getUTCDate()}日`)
    expect(mp.page.text()).toContain('最终计票')
    expect(mp.page.text()).toContain('公示期')
    expect(mp.page.has('go-ballot')).toBe(false)
    await logout(mp)

    // 101 马建华 files a real-name written objection during publicity.
    mp = await loginAs('u-xs0', { storage: storage })
    mp.backend().clock.set(Date.parse(deadline) + 2 * 3600_000)
    await mp.navigateTo(`/packages/elevator/pages/petition/index?id=${PETITION}`)
    await mp.page.tap('go-objections')
    expect(mp.page.route).toBe('packages/elevator/pages/objections/index')
    await mp.page.input('objection-text', '太短')
    await mp.page.tap('objection-submit')
    expect(mp.page.text()).toContain('至少 10 个字')
    await mp.page.input('objection-text', '电梯井道紧贴我家北侧窗户，影响采光和通风，请调整位置。')
    await mp.page.tap('objection-submit')
    expect(mp.page.text()).toContain('异议已提交')
    expect(mp.page.text()).toContain('影响采光和通风')
    expect(mp.page.text()).toContain('已收到书面异议1 份')
    expectSmallSetData(mp)
    // A resident cannot use the worker pages.
    await mp.navigateTo('/packages/elevator/pages/worker/index')
    expect(mp.page.text()).toContain('仅供社区工作人员使用')
    expect(mp.errors).toEqual([])
    await logout(mp)

    // The worker records a paper objection from 201, then, after publicity, the mediation step.
    mp = await loginAs('u-sun', { storage: storage })
    mp.backend().clock.set(Date.parse(deadline) + 3 * 3600_000)
    await mp.navigateTo('/packages/elevator/pages/worker/index')
    await mp.page.tap(`objections-${PETITION}`)
    expect(mp.page.route).toBe('packages/elevator/pages/worker-objections/index')
    expect(mp.page.text()).toContain('书面异议（1 份）')
    await mp.page.tap('wo-household-r-xs-5-2-201')
    await mp.page.input('wo-text', '施工期间噪音太大，希望避开午休时间并书面承诺。')
    await mp.page.tap('wo-photo')
    await mp.page.tap('wo-submit')
    expect(mp.page.text()).toContain('纸质异议已记录')
    expect(mp.page.text()).toContain('书面异议（2 份）')
    const publicityEnd: string = (await petition()).publicityEndsAt!
    mp.backend().clock.set(Date.parse(publicityEnd) + 3600_000)
    await mp.navigateBack()
    await mp.navigateTo(`/packages/elevator/pages/worker-objections/index?id=${PETITION}`)
    expect(mp.page.text()).toContain('协商调解（当前：协商）')
    await mp.page.tap('wm-stage-mediation')
    await mp.page.input('wm-note', '社区组织 101、201 与发起人面谈，约定调整井道位置。')
    await mp.page.tap('wm-submit')
    expect(mp.page.text()).toContain('处理步骤已记录')
    expect(mp.page.text()).toContain('协商调解（当前：调解）')
    await mp.navigateTo(`/packages/elevator/pages/petition/index?id=${PETITION}`)
    expect(mp.page.text()).toContain('公示期有异议，协商调解中')
    expect(mp.page.text()).toContain('当前阶段调解')
    expectSmallSetData(mp)
    expect(mp.errors).toEqual([])
  })

  it('an owner starts a petition with co-initiators (draft kept), a co-initiator confirms from her own account', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-liu', { storage: storage })
    await mp.navigateTo(HOME)
    expect(mp.page.text()).toContain('总浦桥社区 3幢1单元')
    expect(mp.page.text()).toContain('本单元还没有加装电梯申请')
    await mp.page.tap('start-u-zpq-3-1')
    expect(mp.page.route).toBe('packages/elevator/pages/start/index')
    await mp.page.input('start-position', '单元南侧楼梯间外，平层入户')
    // The draft survives leaving the page.
    await mp.navigateBack()
    await mp.page.tap('start-u-zpq-3-1')
    expect(mp.page.text()).toContain('已恢复上次填写的内容')
    await mp.page.tap('co-r-zpq-3-1-102')
    await mp.page.input('start-budget', '500000')
    await mp.page.input('start-subsidies', '200000.5')
    await mp.page.input('start-maintenance', '12000')
    await mp.page.tap('start-submit')
    expect(mp.page.text()).toContain('请选择 2 到 4 位联合发起人')
    await mp.page.tap('co-r-zpq-3-1-302')
    await mp.page.input('start-subsidies', '200000.50')
    expect(mp.page.text()).toContain('业主分摊合计：¥299,999.50')
    await mp.page.tap('start-submit')
    expect(mp.page.text()).toContain('申请已发起')
    const [created] = await mp.backend().inspect('elevator_petitions', { unitId: 'u-zpq-3-1' })
    const { elevatorPosition, budgetFen, subsidiesFen, yearlyMaintenanceFen } = created
    expect({ elevatorPosition, budgetFen, subsidiesFen, yearlyMaintenanceFen }).toEqual({
      elevatorPosition: '单元南侧楼梯间外，平层入户',
      budgetFen: 50_000_000,
      subsidiesFen: 20_000_050,
      yearlyMaintenanceFen: 1_200_000,
    })
    expect(created.votingDeadline).toMatch(/T20:00:00\+08:00$/)
    await mp.page.tap('open-petition')
    await mp.settle()
    expect(mp.page.route).toBe('packages/elevator/pages/petition/index')
    expect(mp.page.text()).toContain('等待联合发起人确认')
    expect(mp.page.has('confirm-petition')).toBe(false)
    expectSmallSetData(mp)
    await logout(mp)

    // 钱芳 (102) confirms from her own account; 吴刚 (302) still pending.
    mp = await loginAs('u-qian', { storage: storage })
    await mp.navigateTo(HOME)
    expect(mp.page.text()).toContain('邀请您作为联合发起人')
    await mp.page.tap(`petition-${created.id}`)
    expect(mp.page.text()).toContain('请您确认是否作为联合发起人')
    await mp.page.tap('confirm-petition')
    expect(mp.page.has('confirm-petition')).toBe(false)
    expect(mp.page.text()).toContain('已确认')
    expect(mp.page.text()).toContain('待确认')
    expect(mp.errors).toEqual([])
  })
})
