/**
 * Drafts survive a kill: for every long form that uses `useDraft` (src/stores/drafts.ts),
 * a seeded persona types into it, the app is killed (a NEW MiniProgram on the same storage), the same
 * page is reopened and the values are back (and the page says so where it does); then the form is
 * submitted with valid seeded values, the draft's key leaves `mc:drafts`, and after another kill the
 * form opens empty. Every form here can be submitted from the seed (care-card photos come from the
 * harness's chooseMedia answer), so no submit half is skipped.
 * Checked to fail: with `skipHydration` on the drafts store every case fails after the kill; with
 * `useDraft`'s clear a no-op every case fails after submitting.
 */
import { seedRows } from '@/backend'
import { MiniProgram, loginAs, logout, seededIdNumber } from './harness'
import { callAs } from './harness/faults'

jest.setTimeout(120_000)

/** The open term of the youth palace as seeded today (its id follows the season it starts in). */
const openTermId = (seedRows(new Date().toISOString()).yp_terms as { id: string; status: string }[]).find(
  (t) => t.status === 'open',
)!.id
const PETITION = 'ep-xs-5-2'
const YP = '/packages/youth-palace/pages'
const CC = '/packages/care-card/pages'

/** The keys held in the persisted `mc:drafts` store. */
function draftKeys(storage: Map<string, string>): string[] {
  const text = storage.get('mc:drafts')
  if (!text) return []
  let v: unknown = JSON.parse(text)
  if (typeof v === 'string') v = JSON.parse(v)
  return Object.keys((v as { state?: { drafts?: Record<string, unknown> } }).state?.drafts ?? {})
}

const valueOf = (mp: MiniProgram, id: string) => String(mp.page.byId(id)?.attrs.value ?? '')
/** Whether an option/checkbox row is chosen (WeChat drops aria-checked; the row's class says it). */
const checked = (mp: MiniProgram, id: string) => (mp.page.byId(id)?.className ?? '').split(/\s+/).includes('option-on')

interface DraftCase {
  form: string
  persona: string
  url: string
  /** Draft key in `mc:drafts` (`<user>:<context>`). */
  key: string
  /** Mock time for every launch (test-set time is not persisted across launches). */
  mockNow?: () => number
  /** Work in other accounts first (fills `mockNow`). */
  prepare?: (storage: Map<string, string>) => Promise<void>
  /** After opening the page: reach the form (e.g. tap 添加孩子). */
  open?: (mp: MiniProgram) => Promise<void>
  fill: (mp: MiniProgram) => Promise<void>
  /** The values typed in `fill` are shown. */
  filled: (mp: MiniProgram) => void
  /** The form shows none of them (after submitting and a kill). */
  empty: (mp: MiniProgram) => void
  /** What the page says when it restored a draft. */
  restoredText?: string
  /** Submits with valid values and checks it went through; undefined when the seed cannot submit. */
  submit?: (mp: MiniProgram) => Promise<void>
}

let objectionTime = 0

const CASES: DraftCase[] = [
  {
    form: 'real-name',
    persona: 'u-chen',
    url: '/packages/account/pages/real-name/index',
    key: 'u-chen:real-name',
    fill: async (mp) => {
      await mp.page.input('real-name-name', '陈晓东')
      await mp.page.input('real-name-id', seededIdNumber('陈晓东'))
    },
    filled: (mp) => {
      expect(valueOf(mp, 'real-name-name')).toBe('陈晓东')
      expect(valueOf(mp, 'real-name-id')).toBe(seededIdNumber('陈晓东'))
    },
    // Once bound the page may no longer show the form: either way, nothing typed is shown.
    empty: (mp) => {
      expect(valueOf(mp, 'real-name-name')).toBe('')
      expect(valueOf(mp, 'real-name-id')).toBe('')
    },
    submit: async (mp) => {
      await mp.page.tap('real-name-submit')
      await mp.settle()
      const [chen] = await mp.backend().inspect<{ realName?: string }>('users', { id: 'u-chen' })
      expect(chen.realName).toBe('陈晓东')
    },
  },
  {
    form: 'family',
    persona: 'u-li',
    url: '/packages/account/pages/family/index',
    key: 'u-li:family-request',
    fill: async (mp) => {
      await mp.page.input('family-name', '王秀英')
      await mp.page.input('family-id', seededIdNumber('王秀英'))
      await mp.page.tap('relationship-其他亲属')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'family-name')).toBe('王秀英')
      expect(valueOf(mp, 'family-id')).toBe(seededIdNumber('王秀英'))
      expect(checked(mp, 'relationship-其他亲属')).toBe(true)
    },
    empty: (mp) => {
      expect(valueOf(mp, 'family-name')).toBe('')
      expect(valueOf(mp, 'family-id')).toBe('')
      expect(checked(mp, 'relationship-子女')).toBe(true)
    },
    submit: async (mp) => {
      await mp.page.tap('family-submit')
      await mp.settle()
      const links = await mp
        .backend()
        .inspect<{ proxyId: string; principalId: string; relationship: string }>('family_links')
      expect(links).toContainEqual(
        expect.objectContaining({ proxyId: 'u-li', principalId: 'u-wang', relationship: '其他亲属' }),
      )
    },
  },
  {
    // Shares its draft with the apply page: the groups checked here are the ones applied for.
    form: 'care-card eligibility',
    persona: 'u-wang',
    url: `${CC}/eligibility/index`,
    key: 'u-wang:care-card/apply:u-wang',
    fill: async (mp) => {
      await mp.page.tap('groups-disabled')
    },
    filled: (mp) => {
      expect(checked(mp, 'groups-disabled')).toBe(true)
    },
    empty: (mp) => {
      expect(checked(mp, 'groups-disabled')).toBe(false)
    },
    // Checking does not clear the draft; applying does (photos come from the harness's chooseMedia).
    submit: async (mp) => {
      await mp.page.tap('eligibility-check')
      await mp.settle()
      expect(mp.page.text()).toContain('符合条件')
      await mp.page.tap('eligibility-apply')
      expect(mp.page.route).toBe('packages/care-card/pages/apply/index')
      expect(checked(mp, 'apply-groups-disabled')).toBe(true)
      await applyWithPhotos(mp)
    },
  },
  {
    form: 'care-card apply',
    persona: 'u-wang',
    url: `${CC}/apply/index`,
    key: 'u-wang:care-card/apply:u-wang',
    restoredText: '已恢复上次选择的人群类别',
    fill: async (mp) => {
      await mp.page.tap('apply-groups-disabled')
    },
    filled: (mp) => {
      expect(checked(mp, 'apply-groups-disabled')).toBe(true)
    },
    empty: (mp) => {
      expect(checked(mp, 'apply-groups-disabled')).toBe(false)
    },
    submit: applyWithPhotos,
  },
  {
    form: 'elevator start',
    persona: 'u-liu',
    url: '/packages/elevator/pages/start/index?unitId=u-zpq-3-1',
    key: 'u-liu:elevator-start:u-zpq-3-1',
    restoredText: '已恢复上次填写的内容',
    fill: async (mp) => {
      await mp.page.tap('co-r-zpq-3-1-102')
      await mp.page.tap('co-r-zpq-3-1-302')
      await mp.page.input('start-position', '单元南侧楼梯间外，平层入户')
      await mp.page.input('start-budget', '500000')
      await mp.page.input('start-subsidies', '200000')
      await mp.page.input('start-maintenance', '12000')
    },
    filled: (mp) => {
      expect(checked(mp, 'co-r-zpq-3-1-102')).toBe(true)
      expect(checked(mp, 'co-r-zpq-3-1-302')).toBe(true)
      expect(valueOf(mp, 'start-position')).toBe('单元南侧楼梯间外，平层入户')
      expect(valueOf(mp, 'start-budget')).toBe('500000')
      expect(valueOf(mp, 'start-subsidies')).toBe('200000')
      expect(valueOf(mp, 'start-maintenance')).toBe('12000')
    },
    // After submitting, the unit has a petition: the start form (if shown) is blank.
    empty: (mp) => {
      expect(valueOf(mp, 'start-position')).toBe('')
      expect(valueOf(mp, 'start-budget')).toBe('')
    },
    submit: async (mp) => {
      await mp.page.tap('start-submit')
      expect(mp.page.text()).toContain('申请已发起')
    },
  },
  {
    form: 'elevator objections',
    persona: 'u-xs0',
    url: `/packages/elevator/pages/objections/index?id=${PETITION}`,
    key: `u-xs0:elevator-objection:${PETITION}`,
    // Publicity needs a passed vote: 102 and 201 vote 同意 (as in elevator.test.ts), then the deadline passes.
    prepare: async (storage) => {
      for (const [who, name] of [
        ['u-xs1', '朱丽'],
        ['u-xs2', '胡斌'],
      ]) {
        const mp = await loginAs(who, { storage })
        await mp.navigateTo(`/packages/elevator/pages/ballot/index?id=${PETITION}`)
        await mp.page.tap('choice-agree')
        await mp.page.input('sign-name', name)
        await mp.page.tap('ballot-submit')
        await mp.settle()
        expect(mp.page.text()).toContain('您的表决：同意')
        const [petition] = await mp
          .backend()
          .inspect<{ votingDeadline: string }>('elevator_petitions', { id: PETITION })
        objectionTime = Date.parse(petition.votingDeadline) + 2 * 3600_000
        await logout(mp)
      }
    },
    mockNow: () => objectionTime,
    fill: async (mp) => {
      await mp.page.input('objection-text', '电梯井道紧贴我家北侧窗户，影响采光和通风，请调整位置。')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'objection-text')).toBe('电梯井道紧贴我家北侧窗户，影响采光和通风，请调整位置。')
    },
    empty: (mp) => {
      expect(valueOf(mp, 'objection-text')).toBe('')
    },
    submit: async (mp) => {
      await mp.page.tap('objection-submit')
      expect(mp.page.text()).toContain('异议已提交')
    },
  },
  {
    form: 'youth palace add child',
    persona: 'u-chen',
    url: `${YP}/index/index`,
    key: 'u-chen:yp-child',
    open: async (mp) => {
      await mp.settle(300)
      await mp.page.tap('add-child')
    },
    fill: async (mp) => {
      await mp.page.input('child-name', '陈小天')
      await mp.page.change('child-birth', '2019-05-01')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'child-name')).toBe('陈小天')
      expect(valueOf(mp, 'child-birth')).toBe('2019-05-01')
    },
    empty: (mp) => {
      expect(valueOf(mp, 'child-name')).toBe('')
      expect(valueOf(mp, 'child-birth')).not.toBe('2019-05-01')
    },
    submit: async (mp) => {
      await mp.page.tap('child-submit')
      await mp.settle(300)
      expect(mp.page.text()).toContain('已添加 陈小天')
    },
  },
  {
    // 陈乐 has no course, so both the name and the birth date can change.
    form: 'youth palace child edit',
    persona: 'u-chen',
    url: `${YP}/child/index?id=ypk-chen-le`,
    key: 'u-chen:yp-child-edit:ypk-chen-le',
    restoredText: '已恢复您上次没有保存的修改',
    open: async (mp) => {
      await mp.settle(300)
    },
    fill: async (mp) => {
      await mp.page.input('child-name', '陈乐乐')
      await mp.page.change('child-birth', '2020-06-01')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'child-name')).toBe('陈乐乐')
      expect(valueOf(mp, 'child-birth')).toBe('2020-06-01')
    },
    // After saving, the form shows the saved profile, not a draft.
    empty: (mp) => {
      expect(mp.page.text()).not.toContain('已恢复您上次没有保存的修改')
      expect(valueOf(mp, 'child-name')).toBe('陈乐乐')
    },
    submit: async (mp) => {
      await mp.page.tap('child-save')
      await mp.settle(300)
      expect(mp.page.text()).toContain('已保存陈乐乐的资料')
      expect(await mp.backend().inspect('yp_children', { id: 'ypk-chen-le' })).toEqual([
        expect.objectContaining({ name: '陈乐乐', birthDate: '2020-06-01' }),
      ])
    },
  },
  {
    form: 'youth palace worker course',
    persona: 'u-zhao',
    url: `${YP}/worker-course/index?termId=${openTermId}`,
    key: `u-zhao:yp-course-${openTermId}`,
    fill: async (mp) => {
      await mp.page.input('course-name', '围棋入门')
      await mp.page.input('course-category', '棋类')
      await mp.page.input('course-site', '社区活动室')
      await mp.page.input('course-teacher', '王老师')
      await mp.page.input('course-capacity', '12')
      await mp.page.tap('course-admission-lottery')
      await mp.page.tap('course-weekday-0')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'course-name')).toBe('围棋入门')
      expect(valueOf(mp, 'course-category')).toBe('棋类')
      expect(valueOf(mp, 'course-site')).toBe('社区活动室')
      expect(valueOf(mp, 'course-teacher')).toBe('王老师')
      expect(valueOf(mp, 'course-capacity')).toBe('12')
      expect(checked(mp, 'course-admission-lottery')).toBe(true)
      expect(checked(mp, 'course-weekday-0')).toBe(true)
    },
    empty: (mp) => {
      expect(valueOf(mp, 'course-name')).toBe('')
      expect(valueOf(mp, 'course-capacity')).toBe('15')
      expect(checked(mp, 'course-admission-firstCome')).toBe(true)
    },
    submit: async (mp) => {
      await mp.page.tap('course-submit')
      await mp.settle()
      expect(mp.page.text()).toContain('《围棋入门》已添加')
    },
  },
  {
    form: 'care-card dispute reason',
    persona: 'u-xs0',
    url: `${CC}/order/index?id=co-seed-1`,
    key: 'u-xs0:care-card/order:co-seed-1',
    open: async (mp) => {
      await mp.settle()
    },
    fill: async (mp) => {
      await mp.page.input('dispute-reason', '饭菜是凉的，汤洒了一半')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'dispute-reason')).toBe('饭菜是凉的，汤洒了一半')
    },
    empty: (mp) => {
      expect(valueOf(mp, 'dispute-reason')).toBe('')
    },
    submit: async (mp) => {
      await mp.page.tap('dispute-submit')
      await mp.settle()
      expect(mp.page.text()).toContain('异议已提交')
    },
  },
  {
    form: 'care-card worker dispute opinion',
    persona: 'u-sun',
    url: `${CC}/worker-orders/index`,
    key: 'u-sun:care-card/worker-notes',
    prepare: async (storage) => {
      const mp = await loginAs('u-xs0', { storage })
      await callAs(mp, 'u-xs0', 'POST', '/api/care-card/orders/co-seed-1/dispute', { reason: '送晚了半小时' })
      await logout(mp)
    },
    open: async (mp) => {
      await mp.settle()
      await mp.page.tap('tab-disputed')
      await mp.settle()
    },
    fill: async (mp) => {
      await mp.page.input('resolve-co-seed-1', '已与助餐点核实，确实超时，退还本次费用')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'resolve-co-seed-1')).toBe('已与助餐点核实，确实超时，退还本次费用')
    },
    // Resolved, the dispute leaves the list.
    empty: (mp) => {
      expect(mp.page.has('resolve-co-seed-1')).toBe(false)
    },
    submit: async (mp) => {
      await mp.page.tap('uphold-co-seed-1')
      await mp.settle()
      expect(mp.page.text()).toContain('已处理：异议成立，已退款。')
    },
  },
  {
    form: 'youth palace new term',
    persona: 'u-zhao',
    url: `${YP}/worker/index`,
    key: 'u-zhao:youth-palace/new-term',
    open: async (mp) => {
      await mp.settle()
      // A restored draft opens the form by itself.
      if (!mp.page.has('term-form')) await mp.page.tap('new-term')
    },
    fill: async (mp) => {
      await mp.page.input('term-name', '2099年秋季学期')
      await mp.page.input('term-opens', '2099-08-01')
      await mp.page.input('term-closes', '2099-08-10')
      await mp.page.input('term-start', '2099-09-01')
      await mp.page.input('term-end', '2099-12-31')
    },
    filled: (mp) => {
      expect(valueOf(mp, 'term-name')).toBe('2099年秋季学期')
      expect(valueOf(mp, 'term-opens')).toBe('2099-08-01')
      expect(valueOf(mp, 'term-end')).toBe('2099-12-31')
    },
    empty: (mp) => {
      expect(valueOf(mp, 'term-name')).toBe('')
    },
    submit: async (mp) => {
      await mp.page.tap('term-submit')
      await mp.settle()
      expect(mp.page.text()).toContain('2099年秋季学期')
      expect(mp.page.has('term-form')).toBe(false)
    },
  },
]

/** Takes every photo the apply page asks for (the harness answers chooseMedia) and submits. */
async function applyWithPhotos(mp: MiniProgram): Promise<void> {
  for (const node of mp.page
    .nodes()
    .filter((n) => /^proof-(household|subsistence|marginal|destitute|disabled)$/.test(n.id ?? ''))) {
    await mp.page.tap(node.id!)
    await mp.settle()
  }
  await mp.page.tap('apply-submit')
  await mp.settle()
  expect(mp.page.text()).toContain('已提交，社区将在 5 个工作日内初审')
}

/** Kills the app and starts it again on the same storage (the session is kept), then opens `c.url`. */
async function relaunchAndOpen(c: DraftCase, storage: Map<string, string>): Promise<MiniProgram> {
  const mp = await MiniProgram.launch({ storage })
  if (c.mockNow) mp.backend().clock.set(c.mockNow())
  expect(mp.page.route).toBe('pages/index/index')
  await mp.navigateTo(c.url)
  await c.open?.(mp)
  return mp
}

describe('WeChat build: long-form drafts survive a kill and go on submit', () => {
  it.each(CASES.map((c) => [c.form, c] as const))('%s', async (_form, c) => {
    const storage = new Map<string, string>()
    await c.prepare?.(storage)
    let mp = await loginAs(c.persona, { storage, mockNow: c.mockNow?.() ?? null })
    await mp.navigateTo(c.url)
    await c.open?.(mp)
    expect(mp.page.text()).not.toContain(c.restoredText ?? '\u0000')
    await c.fill(mp)
    c.filled(mp)
    expect(draftKeys(storage)).toContain(c.key)

    // Killed mid-form: a new process on the same storage, the same page reopened.
    mp = await relaunchAndOpen(c, storage)
    c.filled(mp)
    if (c.restoredText) expect(mp.page.text()).toContain(c.restoredText)
    expect(mp.errors).toEqual([])

    if (!c.submit) return
    await c.submit(mp)
    expect(draftKeys(storage)).not.toContain(c.key)

    // Killed again after submitting: nothing comes back.
    mp = await relaunchAndOpen(c, storage)
    c.empty(mp)
    if (c.restoredText) expect(mp.page.text()).not.toContain(c.restoredText)
    expect(draftKeys(storage)).not.toContain(c.key)
    expect(mp.errors).toEqual([])
  })
})
