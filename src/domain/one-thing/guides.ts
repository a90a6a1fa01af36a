/**
 * "One thing" service guides (一件事, domain.md §4): one life event, the agency steps it bundles, a few
 * situation questions that narrow the checklist, and the only legal deadlines we may show.
 * Pure: no Taro, no I/O. Dates are `YYYY-MM-DD` calendar dates in Beijing time.
 */
import { DomainError } from '../shared/errors'
import { DATE_FORMAT, beijingDate, isDate, parseDate } from '../shared/time'

/** Life stages used to browse events, in display order (PRODUCT). */
export const LIFE_STAGES = ['出生与成长', '教育', '就业与创业', '婚育', '住房', '退休与养老', '身后事'] as const
/** One of {@link LIFE_STAGES}. */
export type LifeStage = (typeof LIFE_STAGES)[number]

/** Answers by question id: a choice answer is the option `value`, a date answer is `YYYY-MM-DD`. */
export type Answers = Readonly<Record<string, string | undefined>>

/**
 * A condition over answers. `equals` compares with the option value; an unanswered (or hidden)
 * question never equals anything, so `{ not: { questionId, equals } }` holds while it is unanswered.
 */
export type Condition =
  { questionId: string; equals: string } | { all: Condition[] } | { any: Condition[] } | { not: Condition }

/** A situation question. `choice` answers are an option `value`; `date` answers are `YYYY-MM-DD`. */
export interface Question {
  id: string
  /** Plain, polite Chinese, one short question. */
  text: string
  kind: 'choice' | 'date'
  /** Required for `choice`. */
  options?: { value: string; label: string }[]
  /** Asked only when this holds (over the answers to earlier questions). */
  showIf?: Condition
  /**
   * For `date`: `'month'` when only the year and month are asked (a month picker, shown as 1965年5月);
   * the answer is still stored as `YYYY-MM-DD`, on the first of the month. Default `'day'`.
   */
  precision?: 'day' | 'month'
}

/** One agency step of the event. */
export interface ChecklistItem {
  id: string
  /** The agency that handles it, e.g. `公安（派出所）`; items are grouped by it. */
  agency: string
  title: string
  /** What to bring or upload, in plain words. */
  materials: string[]
  /** Materials needed only in some situations; `deriveChecklist` appends the ones that apply to `materials`. */
  conditionalMaterials?: { material: string; includeIf: Condition }[]
  channel: 'online' | 'window'
  /** The online channel (e.g. `浙里办「出生一件事」`) or the window (e.g. `区行政服务中心 综合窗口`). */
  where: string
  /** The promised time limit in words, e.g. `5 个工作日`, `当场办结` (PRODUCT, per city). */
  promise: string
  /** The same promise in working days when it is one, for `addWorkingDays` (workingDays.ts). */
  promiseWorkingDays?: number
  /** A plain-words hint shown under the item. */
  note?: string
  /** The item applies only when this holds. */
  includeIf?: Condition
}

/**
 * The only legal deadlines the app may show (domain.md §4, LAW). Nothing else counts as a deadline.
 * `months`: same day of the month after, clamped to that month's end (dayjs `add(1, 'month')`);
 * `days`: calendar days added to the start date.
 */
export const LEGAL_DEADLINES = {
  'birth-registration': {
    label: '出生户口登记',
    period: { months: 1 },
    source: '《中华人民共和国户口登记条例》第七条：婴儿出生后一个月以内申报出生登记',
  },
  'death-registration': {
    label: '死亡户口注销',
    period: { months: 1 },
    source: '《中华人民共和国户口登记条例》第八条：死亡后一个月以内申报死亡登记（城市在葬前）',
  },
  'social-insurance-registration': {
    label: '单位办理社会保险登记',
    period: { days: 30 },
    source: '《中华人民共和国社会保险法》第五十八条：用人单位自用工之日起三十日内为职工申请社会保险登记',
  },
} as const
/** A key of {@link LEGAL_DEADLINES}. */
type LegalDeadlineKind = keyof typeof LEGAL_DEADLINES

/**
 * Date answers that cannot be in the future, by event id and question id, with the words for the field
 * (PRODUCT: a birth or a death has happened; a start date of work may still be ahead). Used by the
 * question page and by the backend's progress route ({@link futureDateErrors}).
 */
export const PAST_ONLY_DATES: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  newborn: { birthDate: '宝宝的出生日期' },
  retirement: { birthDate: '出生年月' },
  'after-death': { deathDate: '去世日期' },
}

/**
 * Why a date answer may not be kept, or `null` when it may: only for the questions of
 * {@link PAST_ONLY_DATES}, a value that is not a real `YYYY-MM-DD` date or is after `today`.
 * The message is plain Chinese, e.g. `宝宝的出生日期不能晚于今天（2026年3月2日），请重新选择。`
 * @param today `YYYY-MM-DD`, Beijing (the backend's today where known)
 */
export function pastOnlyDateError(eventId: string, questionId: string, value: string, today: string): string | null {
  const label = Object.prototype.hasOwnProperty.call(PAST_ONLY_DATES, eventId)
    ? PAST_ONLY_DATES[eventId][questionId]
    : undefined
  if (!label) return null
  if (!isDate(value)) return `${label}格式不正确，请重新选择。`
  if (value > today) {
    const [y, m, d] = today.split('-').map(Number)
    return `${label}不能晚于今天（${y}年${m}月${d}日），请重新选择。`
  }
  return null
}

/**
 * Every refused date answer of one event (see {@link pastOnlyDateError}), question id → message; empty
 * when all may be kept.
 */
export function futureDateErrors(eventId: string, answers: Answers, today: string): Record<string, string> {
  const out: Record<string, string> = {}
  for (const [questionId, value] of Object.entries(answers)) {
    if (value === undefined) continue
    const error = pastOnlyDateError(eventId, questionId, value, today)
    if (error) out[questionId] = error
  }
  return out
}

/** Binds a legal deadline to the date question that starts it (and optionally to an item). */
interface DeadlineRule {
  kind: LegalDeadlineKind
  /** A `date` question of the same event: the birth, death or employment start date. */
  fromQuestionId: string
  /** The checklist item the deadline belongs to; no deadline when that item is not on the list. */
  itemId?: string
}

/** A life event (一件事) with its questions, merged agency items and legal deadlines. */
export interface LifeEvent {
  id: string
  name: string
  stage: LifeStage
  /** Formal search words (e.g. `出生登记`). */
  keywords: string[]
  /** Everyday words people type (e.g. `生孩子`), see content/synonyms.ts. */
  synonyms: string[]
  questions: Question[]
  items: ChecklistItem[]
  deadlines: DeadlineRule[]
}

/** Checklist items of one agency, in content order. */
export interface AgencyGroup {
  agency: string
  items: ChecklistItem[]
}

/** A computed legal deadline. `dueDate` is `YYYY-MM-DD`; `daysLeft` < 0 means overdue by that many days. */
export interface Deadline {
  itemId?: string
  label: string
  dueDate: string
  daysLeft: number
  source: string
}

/** Whether `condition` holds for `answers` (see {@link Condition} for unanswered questions). */
export function conditionHolds(condition: Condition, answers: Answers): boolean {
  if ('all' in condition) return condition.all.every((c) => conditionHolds(c, answers))
  if ('any' in condition) return condition.any.some((c) => conditionHolds(c, answers))
  if ('not' in condition) return !conditionHolds(condition.not, answers)
  return answers[condition.questionId] === condition.equals
}

/**
 * The answers that still count: those to questions that are visible given the earlier answers, in
 * question order. A stale answer to a question hidden by a changed earlier answer is dropped.
 */
export function effectiveAnswers(event: LifeEvent, answers: Answers): Record<string, string> {
  const kept: Record<string, string> = {}
  for (const q of event.questions) {
    if (q.showIf && !conditionHolds(q.showIf, kept)) continue
    const a = answers[q.id]
    if (a !== undefined && a !== '') kept[q.id] = a
  }
  return kept
}

/** The next visible, unanswered question (one at a time, in content order), or `null` when done. */
export function nextQuestion(event: LifeEvent, answers: Answers): Question | null {
  const kept = effectiveAnswers(event, answers)
  for (const q of event.questions) {
    if (q.showIf && !conditionHolds(q.showIf, kept)) continue
    if (kept[q.id] === undefined) return q
  }
  return null
}

/**
 * The items that apply, grouped by agency in order of first appearance (items keep content order).
 * Returned items are copies whose `materials` include the conditional materials that apply (and
 * carry no `conditionalMaterials`).
 */
export function deriveChecklist(event: LifeEvent, answers: Answers): AgencyGroup[] {
  const kept = effectiveAnswers(event, answers)
  const groups: AgencyGroup[] = []
  for (const { conditionalMaterials = [], ...item } of event.items) {
    if (item.includeIf && !conditionHolds(item.includeIf, kept)) continue
    const extra = conditionalMaterials.filter((m) => conditionHolds(m.includeIf, kept)).map((m) => m.material)
    let group = groups.find((g) => g.agency === item.agency)
    if (!group) groups.push((group = { agency: item.agency, items: [] }))
    group.items.push({ ...item, materials: [...item.materials, ...extra] })
  }
  return groups
}

/** Everything to bring to the windows of the derived checklist, de-duplicated, first mention first (一次告知). */
export function materialsToBring(event: LifeEvent, answers: Answers): string[] {
  const out: string[] = []
  for (const g of deriveChecklist(event, answers)) {
    for (const item of g.items) {
      if (item.channel !== 'window') continue
      for (const m of item.materials) if (!out.includes(m)) out.push(m)
    }
  }
  return out
}

/**
 * The legal deadlines that apply (domain.md §4, see {@link LEGAL_DEADLINES}), sorted by due date.
 * A rule counts once its date question is answered and visible and its item (if any) is on the list.
 * @param today `YYYY-MM-DD`, default today in Beijing
 * @throws DomainError `INVALID_DATE` when a date answer or `today` is not a real `YYYY-MM-DD` date
 */
export function computeDeadlines(
  event: LifeEvent,
  answers: Answers,
  today: string = beijingDate(Date.now()),
): Deadline[] {
  const kept = effectiveAnswers(event, answers)
  const listed = new Set(deriveChecklist(event, kept).flatMap((g) => g.items.map((i) => i.id)))
  const now = parseDate(today)
  const out: Deadline[] = []
  for (const rule of event.deadlines) {
    const start = kept[rule.fromQuestionId]
    if (start === undefined || (rule.itemId && !listed.has(rule.itemId))) continue
    const law = LEGAL_DEADLINES[rule.kind]
    const from = parseDate(start)
    const due = 'months' in law.period ? from.add(law.period.months, 'month') : from.add(law.period.days, 'day')
    out.push({
      itemId: rule.itemId,
      label: law.label,
      dueDate: due.format(DATE_FORMAT),
      daysLeft: due.diff(now, 'day'),
      source: law.source,
    })
  }
  return out.sort((a, b) => a.dueDate.localeCompare(b.dueDate))
}

const normalize = (s: string) =>
  String(s ?? '')
    .replace(/\s+/g, '')
    .toLowerCase()

/** How well one term matches the query: exact 100, query contains the term 50 + length, term contains the query 30. */
function termScore(term: string, q: string): number {
  const t = normalize(term)
  if (!t) return 0
  if (t === q) return 100
  if (t.length >= 2 && q.includes(t)) return 50 + t.length
  if (t.includes(q)) return 30
  return 0
}

/**
 * Events matching a free-text Chinese query by name, keywords and synonyms (e.g. `生孩子` → 出生,
 * `过户` → 二手房), best first; ties keep the input order. A name match weighs a little more.
 * Returns `[]` for a blank query or no match: the caller then shows {@link suggestedEvents}.
 */
export function searchEvents(events: readonly LifeEvent[], query: string): LifeEvent[] {
  const q = normalize(query)
  if (!q) return []
  return events
    .map((event, index) => {
      const name = termScore(event.name, q)
      const terms = Math.max(0, ...[...event.keywords, ...event.synonyms].map((t) => termScore(t, q)))
      return { event, index, score: Math.max(name > 0 ? name + 5 : 0, terms) }
    })
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((r) => r.event)
}

/** Events grouped by life stage in {@link LIFE_STAGES} order; empty stages are left out. */
export function eventsByStage(events: readonly LifeEvent[]): { stage: LifeStage; events: LifeEvent[] }[] {
  return LIFE_STAGES.map((stage) => ({ stage, events: events.filter((e) => e.stage === stage) })).filter(
    (g) => g.events.length > 0,
  )
}

/**
 * What to offer when a search finds nothing (PRODUCT): the first event of each life stage, in stage
 * order, up to `count` (default 4).
 * @throws DomainError `INVALID_ARGUMENT` for a negative or non-integer count
 */
export function suggestedEvents(events: readonly LifeEvent[], count = 4): LifeEvent[] {
  if (!Number.isInteger(count) || count < 0) throw new DomainError('INVALID_ARGUMENT', `推荐数量不正确：${count}`)
  return eventsByStage(events)
    .map((g) => g.events[0])
    .slice(0, count)
}
