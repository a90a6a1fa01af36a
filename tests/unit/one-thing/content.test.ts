import {
  LEGAL_DEADLINES,
  LIFE_STAGES,
  PAST_ONLY_DATES,
  computeDeadlines,
  deriveChecklist,
  nextQuestion,
  type Condition,
  type LifeEvent,
} from '@/domain/one-thing/guides'
import { EVENT_SYNONYMS, LIFE_EVENTS, findLifeEvent } from '@/packages/one-thing/content'
import { answerText } from '@/packages/one-thing/lib'

const FIXED_DATE = '2026-01-31'

/** Every condition of an event, with where it sits. */
function conditionsOf(event: LifeEvent): { where: string; condition: Condition }[] {
  const out: { where: string; condition: Condition }[] = []
  for (const q of event.questions) if (q.showIf) out.push({ where: `question ${q.id}`, condition: q.showIf })
  for (const i of event.items) {
    if (i.includeIf) out.push({ where: `item ${i.id}`, condition: i.includeIf })
    for (const m of i.conditionalMaterials ?? []) out.push({ where: `material of ${i.id}`, condition: m.includeIf })
  }
  return out
}

/** The leaf comparisons of a condition. */
function leaves(c: Condition): { questionId: string; equals: string }[] {
  if ('all' in c) return c.all.flatMap(leaves)
  if ('any' in c) return c.any.flatMap(leaves)
  if ('not' in c) return leaves(c.not)
  return [c]
}

/** Every answer path the question flow allows: choices branch, dates get a fixed date. */
function answerPaths(event: LifeEvent): Record<string, string>[] {
  const done: Record<string, string>[] = []
  const walk = (answers: Record<string, string>) => {
    const q = nextQuestion(event, answers)
    if (!q) return void done.push(answers)
    if (q.kind === 'date') return walk({ ...answers, [q.id]: FIXED_DATE })
    for (const o of q.options ?? []) walk({ ...answers, [q.id]: o.value })
  }
  walk({})
  return done
}

/** Every combination of choice answers, ignoring showIf (dates fixed). */
function allCombinations(event: LifeEvent): Record<string, string>[] {
  return event.questions.reduce<Record<string, string>[]>(
    (acc, q) => {
      const values = q.kind === 'date' ? [FIXED_DATE] : (q.options ?? []).map((o) => o.value)
      return acc.flatMap((a) => values.map((v) => ({ ...a, [q.id]: v })))
    },
    [{}],
  )
}

const byEvent = LIFE_EVENTS.map((e) => [e.id, e] as const)

describe('one-thing content', () => {
  it('offers at least the 8 life events of domain.md §4, with unique ids', () => {
    const ids = LIFE_EVENTS.map((e) => e.id)
    expect(new Set(ids).size).toBe(ids.length)
    expect(ids).toEqual(
      expect.arrayContaining([
        'newborn',
        'school-entry',
        'marriage-childbirth',
        'employment',
        'retirement',
        'resale-home',
        'business-startup',
        'after-death',
      ]),
    )
  })

  it('keeps one synonyms list per event and uses it', () => {
    for (const e of LIFE_EVENTS)
      expect(e.synonyms).toEqual([...(EVENT_SYNONYMS as Record<string, readonly string[]>)[e.id]])
  })

  describe.each(byEvent)('%s', (_id, event) => {
    it('has a life stage, a name, keywords and synonyms', () => {
      expect(LIFE_STAGES).toContain(event.stage)
      expect(event.name).toMatch(/一件事$/)
      expect(event.keywords.length).toBeGreaterThan(0)
      expect(event.synonyms.length).toBeGreaterThan(0)
    })

    it('has unique question and item ids, and 1–3 situation (choice) questions', () => {
      const qIds = event.questions.map((q) => q.id)
      const iIds = event.items.map((i) => i.id)
      expect(new Set(qIds).size).toBe(qIds.length)
      expect(new Set(iIds).size).toBe(iIds.length)
      const choices = event.questions.filter((q) => q.kind === 'choice').length
      expect(choices).toBeGreaterThanOrEqual(1)
      expect(choices).toBeLessThanOrEqual(3)
    })

    it('gives choice questions 2+ distinct options and date questions none', () => {
      for (const q of event.questions) {
        if (q.kind === 'date') expect(q.options).toBeUndefined()
        else {
          const values = (q.options ?? []).map((o) => o.value)
          expect(values.length).toBeGreaterThanOrEqual(2)
          expect(new Set(values).size).toBe(values.length)
        }
      }
    })

    it('refers only to existing choice questions and to one of their option values', () => {
      for (const { where, condition } of conditionsOf(event)) {
        for (const leaf of leaves(condition)) {
          const q = event.questions.find((x) => x.id === leaf.questionId)
          expect({ where, question: q?.id, kind: q?.kind }).toEqual({
            where,
            question: leaf.questionId,
            kind: 'choice',
          })
          expect(q?.options?.map((o) => o.value)).toContain(leaf.equals)
        }
      }
    })

    it('makes a question depend only on earlier questions', () => {
      event.questions.forEach((q, index) => {
        const earlier = event.questions.slice(0, index).map((x) => x.id)
        for (const leaf of q.showIf ? leaves(q.showIf) : []) expect(earlier).toContain(leaf.questionId)
      })
    })

    it('describes every item fully: agency, materials, channel, where, promise', () => {
      for (const i of event.items) {
        expect(i.agency && i.title && i.where && i.promise).toBeTruthy()
        expect(i.materials.length).toBeGreaterThan(0)
        expect(['online', 'window']).toContain(i.channel)
        const days = /(\d+) 个工作日/.exec(i.promise)
        expect(i.promiseWorkingDays).toBe(days ? Number(days[1]) : undefined)
      }
    })

    it('binds deadlines only to legal rules, date questions and existing items', () => {
      for (const d of event.deadlines) {
        expect(Object.keys(LEGAL_DEADLINES)).toContain(d.kind)
        expect(event.questions.find((q) => q.id === d.fromQuestionId)?.kind).toBe('date')
        if (d.itemId) expect(event.items.map((i) => i.id)).toContain(d.itemId)
      }
    })

    it('invents no time limit in its texts (only the legal deadlines are deadlines)', () => {
      const texts = [
        ...event.questions.map((q) => q.text),
        ...event.items.flatMap((i) => [i.title, i.note ?? '', i.where, ...i.materials]),
      ]
      for (const t of texts) expect(t).not.toMatch(/[0-9一二三四五六七八九十]+ ?(日|天|个月)(以)?内/)
    })

    it('yields a non-empty checklist on every answer path and every combination of answers', () => {
      const paths = answerPaths(event)
      expect(paths.length).toBeGreaterThan(1)
      for (const answers of [...paths, ...allCombinations(event)]) {
        expect(nextQuestion(event, answers)).toBeNull()
        expect(deriveChecklist(event, answers).flatMap((g) => g.items).length).toBeGreaterThan(0)
      }
    })

    it('reaches every item and every deadline on some answer path', () => {
      const paths = answerPaths(event)
      const reached = new Set(paths.flatMap((a) => deriveChecklist(event, a).flatMap((g) => g.items.map((i) => i.id))))
      expect([...reached].sort()).toEqual(event.items.map((i) => i.id).sort())
      const deadlines = paths.flatMap((a) => computeDeadlines(event, a, FIXED_DATE))
      for (const d of event.deadlines) expect(deadlines.map((x) => x.itemId)).toContain(d.itemId)
    })
  })

  it('shows deadlines only for the newborn, employment, business and after-death events', () => {
    const withDeadlines = LIFE_EVENTS.filter((e) => e.deadlines.length > 0)
      .map((e) => e.id)
      .sort()
    expect(withDeadlines).toEqual(['after-death', 'business-startup', 'employment', 'newborn'])
  })

  it('names only date questions of real events as past-only (birth and death dates)', () => {
    const named = Object.entries(PAST_ONLY_DATES).flatMap(([eventId, qs]) =>
      Object.keys(qs).map((q) => `${eventId}.${q}`),
    )
    expect(named.sort()).toEqual(['after-death.deathDate', 'newborn.birthDate', 'retirement.birthDate'])
    for (const [eventId, qs] of Object.entries(PAST_ONLY_DATES)) {
      for (const q of Object.keys(qs))
        expect(findLifeEvent(eventId)?.questions.find((x) => x.id === q)?.kind).toBe('date')
    }
  })

  it('asks the retirement birth date by year and month only, and shows it without day or weekday', () => {
    const q = findLifeEvent('retirement')!.questions.find((x) => x.id === 'birthDate')!
    expect(q.precision).toBe('month')
    expect(answerText(q, '1965-05-01')).toBe('1965年5月')
    expect(answerText(findLifeEvent('newborn')!.questions[0], '2026-02-20')).toBe('2026年2月20日（周五）')
  })
})
