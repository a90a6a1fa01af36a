import fc from 'fast-check'
import { DomainError } from '@/domain/shared/errors'
import { addDays } from '@/domain/shared/time'
import {
  computeDeadlines,
  conditionHolds,
  deriveChecklist,
  effectiveAnswers,
  eventsByStage,
  futureDateErrors,
  materialsToBring,
  nextQuestion,
  pastOnlyDateError,
  searchEvents,
  suggestedEvents,
  type Answers,
  type LifeEvent,
} from '@/domain/one-thing/guides'
import { LIFE_EVENTS, findLifeEvent } from '@/packages/one-thing/content'

const event = (id: string): LifeEvent => findLifeEvent(id) as LifeEvent
const itemIds = (e: LifeEvent, a: Answers) => deriveChecklist(e, a).flatMap((g) => g.items.map((i) => i.id))
const codeOf = (fn: () => unknown) => {
  try {
    fn()
    return 'none'
  } catch (e) {
    return (e as DomainError).code
  }
}

describe('conditionHolds', () => {
  const a = { x: 'yes', y: 'no' }
  it('compares, combines with all/any/not, and treats an unanswered question as equal to nothing', () => {
    expect(conditionHolds({ questionId: 'x', equals: 'yes' }, a)).toBe(true)
    expect(
      conditionHolds(
        {
          all: [
            { questionId: 'x', equals: 'yes' },
            { questionId: 'y', equals: 'yes' },
          ],
        },
        a,
      ),
    ).toBe(false)
    expect(
      conditionHolds(
        {
          any: [
            { questionId: 'x', equals: 'no' },
            { questionId: 'y', equals: 'no' },
          ],
        },
        a,
      ),
    ).toBe(true)
    expect(conditionHolds({ not: { questionId: 'z', equals: 'yes' } }, a)).toBe(true)
    expect(conditionHolds({ questionId: 'z', equals: 'yes' }, a)).toBe(false)
  })
})

describe('nextQuestion', () => {
  it('asks one question at a time, in order, skipping answered ones', () => {
    const e = event('newborn')
    expect(nextQuestion(e, {})?.id).toBe('birthDate')
    expect(nextQuestion(e, { birthDate: '2026-03-01' })?.id).toBe('parents')
    expect(nextQuestion(e, { parents: 'married', birthDate: '2026-03-01' })?.id).toBe('localHukou')
    expect(
      nextQuestion(e, { birthDate: '2026-03-01', parents: 'married', localHukou: 'yes', motherInsured: 'no' }),
    ).toBeNull()
  })

  it('skips a question whose showIf does not hold', () => {
    const e = event('employment')
    expect(nextQuestion(e, { jobType: 'employer' })?.id).toBe('startDate')
    expect(nextQuestion(e, { jobType: 'flexible' })).toBeNull()
  })

  it('drops a stale answer to a question hidden by a changed earlier answer', () => {
    const e = event('employment')
    expect(effectiveAnswers(e, { jobType: 'flexible', startDate: '2026-03-02', graduate: 'yes' })).toEqual({
      jobType: 'flexible',
    })
    expect(itemIds(e, { jobType: 'flexible', graduate: 'yes' })).not.toContain('graduate-registration')
  })
})

describe('deriveChecklist', () => {
  it('groups items by agency in order of first appearance', () => {
    const groups = deriveChecklist(event('newborn'), { parents: 'married', localHukou: 'yes', motherInsured: 'yes' })
    expect(groups.map((g) => g.agency)).toEqual([
      '卫生健康（助产医院）',
      '疾病预防控制（社区卫生服务中心）',
      '公安（派出所）',
      '医疗保障',
      '人力社保',
    ])
    expect(groups[3].items.map((i) => i.id)).toEqual(['mi-enrolment', 'maternity-benefit'])
  })

  it('newborn: local household registration goes online; elsewhere goes to the home-town window', () => {
    const e = event('newborn')
    expect(itemIds(e, { parents: 'married', localHukou: 'yes', motherInsured: 'no' })).toEqual([
      'birth-certificate',
      'vaccination-card',
      'hukou-registration',
      'mi-enrolment',
      'social-security-card',
    ])
    expect(itemIds(e, { parents: 'married', localHukou: 'no', motherInsured: 'yes' })).toEqual([
      'birth-certificate',
      'vaccination-card',
      'hukou-registration-elsewhere',
      'mi-enrolment-elsewhere',
      'maternity-benefit',
    ])
  })

  it('newborn: materials follow the parents’ marriage (paternity proof only when settling with an unmarried father)', () => {
    const materials = (parents: string) =>
      deriveChecklist(event('newborn'), { parents, localHukou: 'yes' })
        .flatMap((g) => g.items)
        .find((i) => i.id === 'hukou-registration')?.materials
    expect(materials('married')).toContain('父母的结婚证')
    expect(materials('married')).not.toContain('有资质的鉴定机构出具的亲子鉴定证明')
    expect(materials('unmarried-mother')).toContain('非婚生育情况说明（派出所提供样式）')
    expect(materials('unmarried-mother')).not.toContain('有资质的鉴定机构出具的亲子鉴定证明')
    expect(materials('unmarried-father')).toContain('有资质的鉴定机构出具的亲子鉴定证明')
    expect(
      deriveChecklist(event('newborn'), {})
        .flatMap((g) => g.items)
        .every((i) => !('conditionalMaterials' in i)),
    ).toBe(true)
  })

  it('school entry: migrant children add residence permit and social-insurance record; renters add tenancy filing', () => {
    const e = event('school-entry')
    const local = itemIds(e, { stage: 'primary', hukou: 'local', housing: 'owned' })
    expect(local).toEqual(['enrolment', 'vaccination-check', 'household-check'])
    const migrant = itemIds(e, { stage: 'junior', hukou: 'migrant', housing: 'rented' })
    expect(migrant).toEqual(['enrolment', 'residence-permit', 'social-insurance-record', 'tenancy-registration'])
  })

  it('marriage and childbirth: registration always, the rest by choice', () => {
    const e = event('marriage-childbirth')
    expect(itemIds(e, { premaritalCheck: 'no', moveHukou: 'no', pregnant: 'no' })).toEqual(['marriage-registration'])
    expect(itemIds(e, { premaritalCheck: 'yes', moveHukou: 'yes', pregnant: 'yes' })).toHaveLength(5)
  })

  it('employment: employer steps vs flexible-work steps; graduates add registration', () => {
    const e = event('employment')
    expect(itemIds(e, { jobType: 'employer', startDate: '2026-03-02', graduate: 'yes' })).toContain(
      'graduate-registration',
    )
    expect(itemIds(e, { jobType: 'employer', startDate: '2026-03-02', graduate: 'no' })).toEqual([
      'employment-registration',
      'social-insurance',
      'social-security-card',
      'housing-fund',
    ])
    expect(itemIds(e, { jobType: 'flexible' })).toEqual([
      'flexible-registration',
      'flexible-insurance',
      'social-security-card',
    ])
  })

  it('retirement: who applies depends on how the pension was paid; housing fund only with an account', () => {
    const e = event('retirement')
    expect(itemIds(e, { category: 'male', birthDate: '1965-05-10', insuredVia: 'self', housingFund: 'no' })).toEqual([
      'retirement-approval-self',
      'medical-insurance',
    ])
    expect(
      itemIds(e, { category: 'female-worker', birthDate: '1975-01-10', insuredVia: 'employer', housingFund: 'yes' }),
    ).toEqual(['retirement-approval-employer', 'medical-insurance', 'housing-fund-withdrawal'])
  })

  it('resale home: mortgage steps and gas transfer by situation; water, power and network always', () => {
    const e = event('resale-home')
    const plain = itemIds(e, { sellerMortgage: 'no', buyerLoan: 'none', pipedGas: 'no' })
    expect(plain).toEqual([
      'contract-filing',
      'taxes',
      'transfer-registration',
      'water-transfer',
      'power-transfer',
      'network-transfer',
    ])
    const full = itemIds(e, { sellerMortgage: 'yes', buyerLoan: 'housing-fund', pipedGas: 'yes' })
    expect(full).toEqual(
      expect.arrayContaining(['mortgage-release', 'housing-fund-loan', 'mortgage-registration', 'gas-transfer']),
    )
    expect(itemIds(e, { sellerMortgage: 'no', buyerLoan: 'commercial', pipedGas: 'no' })).not.toContain(
      'housing-fund-loan',
    )
  })

  it('starting a business: a sole trader without staff needs only the licence and tax steps', () => {
    const e = event('business-startup')
    expect(itemIds(e, { entityType: 'individual', hireStaff: 'no' })).toEqual(['business-licence', 'tax-invoice'])
    expect(itemIds(e, { entityType: 'company', hireStaff: 'yes', firstHireDate: '2026-03-02' })).toHaveLength(6)
  })

  it('after death: the certificate comes from the hospital or the community health centre', () => {
    const e = event('after-death')
    expect(itemIds(e, { place: 'hospital', pension: 'none' })).toEqual([
      'death-certificate-hospital',
      'hukou-deregistration',
      'funeral',
      'medical-insurance',
      'housing-fund',
    ])
    const home = itemIds(e, { place: 'home', pension: 'employee' })
    expect(home).toEqual(
      expect.arrayContaining(['death-certificate-home', 'pension-settlement', 'pension-account-inheritance']),
    )
    expect(itemIds(e, { place: 'home', pension: 'resident' })).not.toContain('pension-settlement')
  })
})

describe('materialsToBring', () => {
  it('lists window materials once each', () => {
    const list = materialsToBring(event('after-death'), { place: 'hospital', pension: 'none' })
    expect(list.filter((m) => m === '逝者身份证')).toHaveLength(1)
    expect(list).toContain('《居民死亡医学证明（推断）书》')
  })
})

describe('computeDeadlines (legal deadlines only)', () => {
  const newborn = (birthDate: string, today = birthDate) =>
    computeDeadlines(event('newborn'), { birthDate, parents: 'married', localHukou: 'yes' }, today)

  it('birth registration: within 1 month, same day next month', () => {
    expect(newborn('2026-03-15')).toEqual([
      {
        itemId: 'hukou-registration',
        label: '出生户口登记',
        dueDate: '2026-04-15',
        daysLeft: 31,
        source: expect.stringContaining('第七条'),
      },
    ])
  })

  it.each([
    ['2026-01-31', '2026-02-28'],
    ['2024-01-31', '2024-02-29'],
    ['2024-01-29', '2024-02-29'],
    ['2023-01-29', '2023-02-28'],
    ['2026-03-31', '2026-04-30'],
    ['2026-12-31', '2027-01-31'],
    ['2024-02-29', '2024-03-29'],
  ])('a birth on %s is due by %s (clamped to the month end)', (born, due) => {
    expect(newborn(born)[0].dueDate).toBe(due)
  })

  it("property: the due date is the same day next month, or that month's last day when it has no such day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 20000 }), (offset) => {
        const born = addDays('2000-01-01', offset)
        const due = newborn(born)[0].dueDate
        const [y, m, d] = born.split('-').map(Number)
        const [ny, nm] = m === 12 ? [y + 1, 1] : [y, m + 1]
        const lastDay = new Date(Date.UTC(ny, nm, 0)).getUTCDate()
        expect(due).toBe(`${ny}-${String(nm).padStart(2, '0')}-${String(Math.min(d, lastDay)).padStart(2, '0')}`)
      }),
    )
  })

  it('counts days left from today, negative when overdue', () => {
    expect(newborn('2026-01-31', '2026-02-28')[0].daysLeft).toBe(0)
    expect(newborn('2026-01-31', '2026-03-02')[0].daysLeft).toBe(-2)
  })

  it('follows the household-registration item to the home-town window', () => {
    const d = computeDeadlines(event('newborn'), { birthDate: '2026-03-15', localHukou: 'no' }, '2026-03-20')
    expect(d.map((x) => x.itemId)).toEqual(['hukou-registration-elsewhere'])
  })

  it('death registration: within 1 month of the death', () => {
    const [d] = computeDeadlines(event('after-death'), { deathDate: '2025-01-31' }, '2025-02-01')
    expect(d).toMatchObject({
      itemId: 'hukou-deregistration',
      dueDate: '2025-02-28',
      daysLeft: 27,
      source: expect.stringContaining('第八条'),
    })
  })

  it('social-insurance registration: 30 days from the start of employment', () => {
    const [d] = computeDeadlines(event('employment'), { jobType: 'employer', startDate: '2024-02-01' }, '2024-02-01')
    expect(d).toMatchObject({ dueDate: '2024-03-02', daysLeft: 30, source: expect.stringContaining('第五十八条') })
    expect(
      computeDeadlines(event('employment'), { jobType: 'employer', startDate: '2025-12-15' }, '2025-12-15')[0].dueDate,
    ).toBe('2026-01-14')
  })

  it('shows none for flexible work, for an unanswered date, or for events without a legal deadline', () => {
    expect(
      computeDeadlines(event('employment'), { jobType: 'flexible', startDate: '2026-03-01' }, '2026-03-01'),
    ).toEqual([])
    expect(computeDeadlines(event('newborn'), { localHukou: 'yes' }, '2026-03-01')).toEqual([])
    expect(computeDeadlines(event('retirement'), { birthDate: '1965-05-10' }, '2026-03-01')).toEqual([])
  })

  it('parses dates strictly and throws INVALID_DATE', () => {
    expect(codeOf(() => newborn('2026-2-3'))).toBe('INVALID_DATE')
    expect(codeOf(() => newborn('2025-02-29'))).toBe('INVALID_DATE')
    expect(codeOf(() => newborn('2026-03-15', '15/03/2026'))).toBe('INVALID_DATE')
  })
})

describe('searchEvents', () => {
  const first = (q: string) => searchEvents(LIFE_EVENTS, q)[0]?.id
  it.each([
    ['生孩子', 'newborn'],
    ['出生', 'newborn'],
    ['退休金', 'retirement'],
    ['过世', 'after-death'],
    ['去世', 'after-death'],
    ['结婚', 'marriage-childbirth'],
    ['买房', 'resale-home'],
    ['过户', 'resale-home'],
    ['开公司', 'business-startup'],
    ['上学', 'school-entry'],
    ['找工作', 'employment'],
    ['入职', 'employment'],
    ['我想办退休金', 'retirement'],
    [' 二手房 ', 'resale-home'],
    ['身后一件事', 'after-death'],
  ])('finds %s → %s first', (q, id) => {
    expect(first(q)).toBe(id)
  })

  it('returns nothing for a blank or unknown query, so the caller shows suggestions', () => {
    expect(searchEvents(LIFE_EVENTS, '   ')).toEqual([])
    expect(searchEvents(LIFE_EVENTS, '火星移民')).toEqual([])
    expect(suggestedEvents(LIFE_EVENTS).map((e) => e.id)).toEqual([
      'newborn',
      'school-entry',
      'employment',
      'marriage-childbirth',
    ])
    expect(suggestedEvents(LIFE_EVENTS, 10)).toHaveLength(7)
    expect(codeOf(() => suggestedEvents(LIFE_EVENTS, -1))).toBe('INVALID_ARGUMENT')
  })

  it('groups events by life stage in life-cycle order', () => {
    expect(eventsByStage(LIFE_EVENTS).map((g) => g.stage)).toEqual([
      '出生与成长',
      '教育',
      '就业与创业',
      '婚育',
      '住房',
      '退休与养老',
      '身后事',
    ])
  })
})

describe('past-only dates (a birth or a death has happened)', () => {
  const TODAY = '2026-03-02'
  it('refuses a newborn birth date after today, with the day in plain words', () => {
    expect(pastOnlyDateError('newborn', 'birthDate', '2027-11-30', TODAY)).toBe(
      '宝宝的出生日期不能晚于今天（2026年3月2日），请重新选择。',
    )
    expect(pastOnlyDateError('newborn', 'birthDate', '2026-03-03', TODAY)).toContain('不能晚于今天')
  })
  it('accepts today and earlier days', () => {
    expect(pastOnlyDateError('newborn', 'birthDate', TODAY, TODAY)).toBeNull()
    expect(pastOnlyDateError('after-death', 'deathDate', '2026-02-28', TODAY)).toBeNull()
  })
  it('accepts this month for a birth month stored on the 1st, refuses next month', () => {
    expect(pastOnlyDateError('retirement', 'birthDate', '2026-03-01', TODAY)).toBeNull()
    expect(pastOnlyDateError('retirement', 'birthDate', '2026-04-01', TODAY)).toContain('出生年月不能晚于今天')
  })
  it('refuses an impossible date, and leaves other questions (a start date of work may be ahead) alone', () => {
    expect(pastOnlyDateError('newborn', 'birthDate', '2026-02-30', TODAY)).toBe(
      '宝宝的出生日期格式不正确，请重新选择。',
    )
    expect(pastOnlyDateError('employment', 'startDate', '2026-04-01', TODAY)).toBeNull()
    expect(pastOnlyDateError('newborn', 'parents', 'married', TODAY)).toBeNull()
    expect(pastOnlyDateError('__proto__', 'birthDate', '2099-01-01', TODAY)).toBeNull()
  })
  it('futureDateErrors lists every refused answer by question id', () => {
    expect(futureDateErrors('newborn', { birthDate: '2027-11-30', parents: 'married' }, TODAY)).toEqual({
      birthDate: '宝宝的出生日期不能晚于今天（2026年3月2日），请重新选择。',
    })
    expect(futureDateErrors('newborn', { birthDate: '2026-02-20', parents: 'married' }, TODAY)).toEqual({})
  })
})
