/**
 * Issue 16 item 7 (the worker screens), in the WeChat harness, as a community worker meets them on the
 * compiled app with the backend's mock time: the youth palace workbench (关闭报名 only once the
 * registration window is over, said in plain Chinese dates; the prompt to draw), the roll call (every
 * child starts unmarked and must be marked; 其余都到了; a correction the same day; final from the next
 * day) and the roster's words, and the elevator paper ballot (the list fresh after 继续录入下一户; an
 * owner of two flats named with both).
 */
import { addDays, beijingIso, formatDateCn } from '@/domain/shared/time'
import { MiniProgram, loginAs, textOf } from './harness'
import { ballotLog } from './harness/elevator'
import { callAs } from './harness/faults'

jest.setTimeout(120_000)

const YP = '/packages/youth-palace/pages'
const ISO_DATE = /\d{4}-\d{2}-\d{2}/
/** Epoch ms of a Beijing wall-clock time on `date` (`YYYY-MM-DD`, `HH:MM`). */
const beijing = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)

/** The seeded open term of 总浦桥 (its dates follow the day the backend was seeded). */
const openTerm = async (mp: MiniProgram) =>
  (await mp.backend().inspect<{ id: string; closesAt: string; startDate: string }>('yp_terms', { status: 'open' }))[0]

/** The `showModal` calls so far (title and content). */
const modals = (mp: MiniProgram) =>
  mp.calls.filter((c) => c.api === 'showModal').map((c) => c.args as { title?: string; content?: string })

const text = (mp: MiniProgram, id: string) => {
  const node = mp.page.byId(id)
  if (!node) throw new Error(`no #${id} on ${mp.page.route}: ${mp.page.text().slice(0, 300)}`)
  return textOf(node)
}

describe('WeChat build: worker screens (issue 16 item 7)', () => {
  it('the workbench offers 关闭报名 only after the window, in plain dates, then prompts the draw until it is run; the roster speaks of the family', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-zhao', { storage })
    const term = await openTerm(mp)
    const TERM = term.id
    const lastDay = formatDateCn(term.closesAt)
    const dayAfter = formatDateCn(addDays(term.closesAt, 1))

    // The last evening of the window: no 关闭报名, but when it will be possible, in words.
    mp.backend().clock.set(beijing(term.closesAt, '23:30'))
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    expect(mp.page.has(`close-${TERM}`)).toBe(false)
    expect(text(mp, `close-when-${TERM}`)).toBe(`报名到 ${lastDay} 当天结束，${dayAfter} 起可以关闭报名并抽签。`)
    expect(mp.page.has(`draw-due-${TERM}`)).toBe(false)
    expect(mp.page.text()).not.toMatch(ISO_DATE)
    // Asked anyway (e.g. from an old page), the backend refuses in the same plain words.
    await expect(callAs(mp, 'u-zhao', 'POST', `/api/worker/youth-palace/terms/${TERM}/close`)).rejects.toThrow(
      `报名到 ${lastDay} 当天结束，${dayAfter} 起才能关闭报名并抽签`,
    )
    const [still] = await mp.backend().inspect<{ status: string }>('yp_terms', { id: TERM })
    expect(still.status).toBe('open')

    // The next morning: 关闭报名 is offered, and the workbench prompts the close and the draw.
    mp = await loginAs('u-zhao', { storage, mockNow: beijing(addDays(term.closesAt, 1), '08:00') })
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    expect(mp.page.has(`close-when-${TERM}`)).toBe(false)
    let due = text(mp, `draw-due-${TERM}`)
    expect(due).toContain(`报名已于 ${lastDay} 截止`)
    expect(due).toContain('门抽签课程等您抽签')
    expect(due).toContain('请关闭报名并抽签。')
    const modalsBefore = modals(mp).length
    await mp.page.tap(`close-${TERM}`)
    await mp.settle(300)
    const [close] = modals(mp).slice(modalsBefore)
    expect(close.title).toBe('关闭报名')
    expect(close.content).toBe(`报名已于 ${lastDay} 截止。关闭后家长不能再报名，接下来请抽签。`)
    expect((await mp.backend().inspect<{ status: string }>('yp_terms', { id: TERM }))[0].status).toBe('closed')
    expect(text(mp, `term-state-${TERM}`)).toBe('报名已截止，待抽签')
    due = text(mp, `draw-due-${TERM}`)
    expect(due).toContain('请抽签。')
    expect(due).not.toContain('关闭报名')
    expect(mp.page.text()).not.toMatch(ISO_DATE)

    // Classes begin without a draw: the prompt says so.
    mp = await loginAs('u-zhao', { storage, mockNow: beijing(term.startDate, '08:00') })
    await mp.navigateTo(`${YP}/worker/index`)
    await mp.settle(300)
    due = text(mp, `draw-due-${TERM}`)
    expect(due).toContain(`已于 ${formatDateCn(term.startDate)} 开课`)
    expect(due).toContain('报名的家庭还不知道能不能上课。请抽签。')
    await mp.page.tap(`draw-${TERM}`)
    await mp.settle(300)
    expect(mp.page.has('draw-summary')).toBe(true)
    expect(mp.page.has(`draw-due-${TERM}`)).toBe(false)

    // The roster after the draw: those drawn wait for their family, not for the worker.
    await mp.page.tap('roster-ypc-pottery')
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/youth-palace/pages/worker-attendance/index')
    const admitted = await mp.backend().inspect<{ id: string }>('yp_enrollments', {
      courseId: 'ypc-pottery',
      status: 'admitted',
    })
    expect(admitted).toHaveLength(3)
    for (const e of admitted) expect(text(mp, `roster-${e.id}`)).toContain('已录取，等家长确认')
    expect(text(mp, 'roster')).not.toContain('您')
    expect(mp.errors).toEqual([])
  })

  it('roll call: everyone starts unmarked, nothing is sent until each child is marked, 其余都到了, a same-day correction, final the next day', async () => {
    const storage = new Map<string, string>()
    let mp = await loginAs('u-zhao', { storage })
    // Two families booked the free, first-come 书法 while registration was open.
    const ids: Record<string, string> = {}
    for (const [user, child] of [
      ['u-chen', 'ypk-chen-yue'],
      ['u-liu', 'ypk-liu-yn'],
    ]) {
      await callAs(mp, user, 'POST', '/api/me/privacy', { accepted: true })
      const e = await callAs(mp, user, 'POST', '/api/youth-palace/applications', {
        childId: child,
        courseId: 'ypc-calligraphy',
      })
      expect(e.status).toBe('confirmed')
      ids[user] = e.id
    }
    const chen = ids['u-chen']
    const liu = ids['u-liu']
    const course = await callAs(mp, 'u-zhao', 'GET', '/api/youth-palace/courses/ypc-calligraphy')
    const session: string = course.sessionDates[0]
    const noShowsOfLiu = () => mp.backend().inspect('yp_no_shows', { parentId: 'u-liu' })

    // The first class, 20 minutes in.
    mp = await loginAs('u-zhao', { storage, mockNow: beijing(session, '09:20') })
    await mp.navigateTo(`${YP}/worker-attendance/index?id=ypc-calligraphy`)
    await mp.settle(300)
    expect(text(mp, 'att-new')).toContain('请为每个孩子选「到了」或「没到」')
    for (const id of [chen, liu]) {
      expect(text(mp, `present-${id}`)).toBe('到了')
      expect(text(mp, `absent-${id}`)).toBe('没到')
    }
    expect(text(mp, 'att-count')).toBe('还有 2 个孩子没有点名')

    // 刘一诺 is not here; submitting now names the child not yet marked and sends nothing.
    await mp.page.tap(`absent-${liu}`)
    expect(text(mp, `absent-${liu}`)).toBe('✓ 没到')
    expect(text(mp, `present-${liu}`)).toBe('到了')
    expect(text(mp, 'att-count')).toBe('还有 1 个孩子没有点名')
    const modalsBefore = modals(mp).length
    await mp.page.tap('attendance-submit')
    await mp.settle(300)
    expect(mp.page.text()).toContain('还有 1 个孩子没有点名：陈悦。请为每个孩子选「到了」或「没到」')
    expect(modals(mp)).toHaveLength(modalsBefore)
    expect(await mp.backend().inspect('yp_attendance')).toEqual([])

    // 其余都到了 marks the rest present; then it is sent, after one confirmation.
    await mp.page.tap('attendance-all-present')
    expect(text(mp, `present-${chen}`)).toBe('✓ 到了')
    expect(text(mp, `absent-${liu}`)).toBe('✓ 没到')
    expect(text(mp, 'att-count')).toBe('已全部点名：共 2 人')
    expect(mp.page.has('attendance-all-present')).toBe(false)
    expect(mp.page.text()).not.toContain('还有 1 个孩子没有点名')
    await mp.page.tap('attendance-submit')
    await mp.settle(300)
    const [sent] = modals(mp).slice(modalsBefore)
    expect(sent.title).toBe('提交点名')
    expect(sent.content).toContain('到了 1 人，没到 1 人。')
    expect(sent.content).toContain(`今天（${formatDateCn(session)}）之内还可以更正，之后不能再改。`)
    expect(text(mp, 'att-result')).toBe('已点名。到了 1 人，没到 1 人（各记一次未到课）。')
    expect(await noShowsOfLiu()).toHaveLength(1)
    const marks = async () =>
      Object.fromEntries(
        (await mp.backend().inspect<{ enrollmentId: string; present: boolean }>('yp_attendance')).map((a) => [
          a.enrollmentId,
          a.present,
        ]),
      )
    expect(await marks()).toEqual({ [chen]: true, [liu]: false })

    // Taken today: shown, not editable, until the worker chooses to correct it.
    expect(text(mp, 'att-taken')).toContain('今天之内可以更正')
    expect(mp.page.has(`present-${liu}`)).toBe(false)
    expect(text(mp, `att-${liu}`)).toContain('没到')
    expect(text(mp, `att-${chen}`)).toContain('到了')

    // 刘一诺 arrives late: the worker corrects the roll call the same afternoon.
    mp.backend().clock.set(beijing(session, '15:00'))
    await mp.page.tap('attendance-correct')
    await mp.settle(300)
    expect(text(mp, `absent-${liu}`)).toBe('✓ 没到')
    expect(text(mp, `present-${chen}`)).toBe('✓ 到了')
    await mp.page.tap(`present-${liu}`)
    await mp.page.tap('attendance-submit')
    await mp.settle(300)
    const [corrected] = modals(mp).slice(modalsBefore + 1)
    expect(corrected.title).toBe('提交更正')
    expect(corrected.content).toContain('到了 2 人，没到 0 人。')
    expect(text(mp, 'att-result')).toContain('已更正 1 人。到了 2 人，没到 0 人')
    expect(await noShowsOfLiu()).toEqual([])
    expect(await marks()).toEqual({ [chen]: true, [liu]: true })

    // The next day the roll call is final: no marks to change.
    mp = await loginAs('u-zhao', { storage, mockNow: beijing(addDays(session, 1), '09:00') })
    await mp.navigateTo(`${YP}/worker-attendance/index?id=ypc-calligraphy`)
    await mp.settle(300)
    expect(text(mp, 'att-final')).toBe(`这次课已在 ${formatDateCn(session)} 点名，结果已确定，不能再改。`)
    for (const id of [chen, liu]) {
      expect(mp.page.has(`present-${id}`)).toBe(false)
      expect(text(mp, `att-${id}`)).toContain('到了')
    }
    expect(mp.page.has('attendance-submit')).toBe(false)
    expect(mp.page.has('attendance-correct')).toBe(false)
    // Sent anyway, a change is refused.
    await expect(
      callAs(mp, 'u-zhao', 'POST', '/api/worker/youth-palace/courses/ypc-calligraphy/attendance', {
        sessionDate: session,
        presentEnrollmentIds: [chen],
        absentEnrollmentIds: [liu],
      }),
    ).rejects.toThrow(/409/)
    expect(await marks()).toEqual({ [chen]: true, [liu]: true })
    expect(mp.errors).toEqual([])
  })

  it("paper ballot: the replace dialog names both of an owner's flats, and after 继续录入下一户 the list shows the ballot just entered", async () => {
    const mp = await loginAs('u-zhao')
    // 总浦桥 3幢1单元: 刘伟 starts a petition with 蒋玉兰 and 周强 (who owns 501 and 602); both confirm,
    // and 周强 votes 同意 online for both his flats.
    const deadline = `${beijingIso(mp.backend().clock.now() + 14 * 86_400_000).slice(0, 10)}T20:00:00+08:00`
    for (const u of ['u-liu', 'u-jiang', 'u-zhou']) await callAs(mp, u, 'POST', '/api/me/privacy', { accepted: true })
    const p = await callAs(mp, 'u-liu', 'POST', '/api/elevator/petitions', {
      roomId: 'r-zpq-3-1-701',
      coInitiatorRoomIds: ['r-zpq-3-1-702', 'r-zpq-3-1-602'],
      elevatorPosition: '单元南侧外墙，半层入户',
      budgetFen: 54_000_000,
      subsidiesFen: 20_000_000,
      yearlyMaintenanceFen: 1_500_000,
      votingDeadline: deadline,
    })
    await callAs(mp, 'u-jiang', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
    await callAs(mp, 'u-zhou', 'POST', `/api/elevator/petitions/${p.id}/confirm`)
    await callAs(mp, 'u-zhou', 'POST', `/api/elevator/petitions/${p.id}/ballots`, {
      householdId: 'r-zpq-3-1-501',
      choice: 'agree',
      signature: { kind: 'typed-name', name: '周强' },
    })

    await mp.navigateTo(`/packages/elevator/pages/worker-paper-ballot/index?id=${p.id}`)
    await mp.settle(300)
    expect(mp.page.route).toBe('packages/elevator/pages/worker-paper-ballot/index')
    const row = (room: string) => text(mp, `paper-household-r-zpq-3-1-${room}`)
    expect(row('602')).toContain('已线上表决：同意')
    expect(row('602')).toContain('业主还有 501 室，一票算全部')
    expect(row('501')).toContain('业主还有 602 室，一票算全部')
    expect(row('701')).toContain('未表决')

    const enter = async (room: string, choice: 'agree' | 'oppose') => {
      await mp.page.tap(`paper-household-r-zpq-3-1-${room}`)
      await mp.page.tap('paper-channel-paper')
      await mp.page.tap(`paper-choice-${choice}`)
      await mp.page.tap('paper-photo')
      await mp.settle(300)
      expect(mp.page.has('paper-photo-ok')).toBe(true)
      await mp.page.tap('paper-submit')
      await mp.settle(300)
      expect(mp.page.has('paper-done')).toBe(true)
    }

    // 周强 hands in a signed paper ballot, 反对, for 602: it replaces his online vote for both flats.
    const before = modals(mp).length
    await enter('602', 'oppose')
    const [replace] = modals(mp).slice(before)
    expect(replace.title).toBe('替换已有表决')
    expect(replace.content).toMatch(
      /^501、602（同一位业主的 2 套房，一票算全部） 已于 .+ 线上表决“同意”。录入后将替换为纸质表决票“反对”/,
    )
    expect(text(mp, 'paper-done')).toContain('501、602：反对（纸质）')

    // The next household: the list shows the ballot just entered, for both flats.
    await mp.page.tap('paper-another')
    await mp.settle(300)
    expect(mp.page.has('paper-refreshing')).toBe(false)
    expect(row('602')).toContain('已纸质表决：反对')
    expect(row('501')).toContain('已纸质表决：反对')
    expect(row('602')).not.toContain('同意')
    expect(row('701')).toContain('未表决')

    // 701 (one flat): a plain confirmation naming it; then it too shows as voted.
    await enter('701', 'agree')
    const [confirm] = modals(mp).slice(before + 1)
    expect(confirm.title).toBe('确认录入')
    expect(confirm.content).toBe('将以您的名义为 701 录入纸质表决票“同意”，业主会收到通知。')
    await mp.page.tap('paper-another')
    await mp.settle(300)
    expect(row('701')).toContain('已纸质表决：同意')
    expect(row('602')).toContain('已纸质表决：反对')
    // The ballot log: the last entry of each flat counts.
    const latest = Object.fromEntries(
      (await ballotLog(mp, p.id)).map((b) => [b.householdId.replace('r-zpq-3-1-', ''), `${b.channel}:${b.choice}`]),
    )
    expect(latest).toEqual({ '501': 'paper:oppose', '602': 'paper:oppose', '701': 'paper:agree' })
    expect(mp.errors).toEqual([])
  })
})
