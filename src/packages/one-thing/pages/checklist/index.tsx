import { View } from '@tarojs/components'
import {
  computeDeadlines,
  deriveChecklist,
  effectiveAnswers,
  nextQuestion,
  type ChecklistItem,
  type Deadline,
  type LifeEvent,
} from '@/domain/one-thing/guides'
import { RETIREMENT_CATEGORY_LABELS, statutoryRetirement, type RetirementCategory } from '@/domain/one-thing/retirement'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { GuestNotice } from '@/packages/one-thing/components/GuestNotice'
import { ReadAloud } from '@/ui/ReadAloud'
import { useEventProgress } from '@/packages/one-thing/components/useEventProgress'
import { CHANNEL_CN, daysLeftText } from '@/packages/one-thing/lib'
import '@/packages/one-thing/feature.css'
import { href, openPage, replacePage } from '@/ui/nav'

/** Ends a message with a full stop unless it has one. */
const sentence = (s: string) => (/[。！？]$/.test(s) ? s : `${s}。`)

/**
 * The statutory retirement age and month for the retirement event's answers, or null; `reached` when
 * that month is already past (or is this month) by `today` (`YYYY-MM-DD`, the backend's).
 */
function retirementOf(event: LifeEvent, answers: Record<string, string>, today: string) {
  if (event.id !== 'retirement') return null
  const category = answers.category as RetirementCategory | undefined
  const birth = answers.birthDate
  if (!category || !birth || !(category in RETIREMENT_CATEGORY_LABELS)) return null
  try {
    const r = statutoryRetirement(birth.slice(0, 7), category)
    const [y, m] = r.retirementMonth.split('-').map(Number)
    const thisMonth = today.slice(0, 7)
    const when = r.retirementMonth < thisMonth ? 'past' : r.retirementMonth === thisMonth ? 'now' : 'future'
    return {
      ...r,
      when,
      category: RETIREMENT_CATEGORY_LABELS[category],
      monthCn: `${y}年${m}月`,
      ageCn: `${r.ageYears} 岁${r.ageMonths ? ` ${r.ageMonths} 个月` : ''}`,
    }
  } catch {
    return null
  }
}

/** The whole checklist in sentences, for reading aloud. */
function speechOf(
  event: LifeEvent,
  groups: ReturnType<typeof deriveChecklist>,
  ticked: string[],
  deadlines: Deadline[],
): string {
  const parts = [`${event.name}办事清单，共 ${groups.reduce((n, g) => n + g.items.length, 0)} 项。`]
  for (const d of deadlines) parts.push(`${d.label}请在${formatDateCn(d.dueDate)}前办理，${daysLeftText(d.daysLeft)}。`)
  for (const g of groups) {
    parts.push(`${g.agency}：`)
    for (const i of g.items) {
      parts.push(
        `${i.title}，${ticked.includes(i.id) ? '已办' : '未办'}。${CHANNEL_CN[i.channel]}办理：${i.where}。办理时限：${i.promise}。需要材料：${i.materials.join('、')}。`,
      )
    }
  }
  return parts.join('')
}

/** How an item's tick stands: saved as done or not, being saved, or its last save failed. */
type TickState = { done: boolean; pending: boolean; failure: string | null }

/**
 * One checklist item. Its box and tag show what the server has (`done`): while a change is being saved
 * they say 正在保存, and when that save failed the reason is said right under the item, with 重试.
 */
function Item({
  item,
  tick,
  deadline,
  onToggle,
  failureCause,
  onRetry,
}: {
  item: ChecklistItem
  tick: TickState
  deadline?: Deadline
  onToggle: () => void
  failureCause: unknown
  onRetry: () => void
}) {
  const { done, pending, failure } = tick
  const word = pending ? '正在保存' : done ? '已办' : '未办'
  return (
    <View className="ot-item" id={`item-${item.id}`}>
      <View
        id={`tick-${item.id}`}
        className={`ot-tick ${done && !pending ? 'ot-tick-on' : ''} ${pending ? 'ot-tick-pending' : ''}`}
        {...tappable(`${item.title}（${word}）`, onToggle, 'checkbox')}
        aria-checked={done && !pending ? 'true' : 'false'}
        aria-busy={pending ? 'true' : undefined}
      >
        <View className="ot-box" aria-hidden="true">
          {pending ? '…' : done ? '✓' : ''}
        </View>
        <View className="cell-main">
          <View className="ot-item-title">{item.title}</View>
        </View>
        <View className={`tag ${pending ? 'tag-info' : done ? 'tag-ok' : 'tag-warn'}`}>{word}</View>
      </View>
      {failure && (
        <View id={`tick-error-${item.id}`}>
          <ErrorNote text={failure} cause={failureCause} onRetry={onRetry} />
        </View>
      )}
      <View className="ot-detail">
        <View className="ot-line">
          <View className="tag tag-info">{CHANNEL_CN[item.channel]}</View> {item.where}
        </View>
        <View className="ot-line">办理时限：{item.promise}</View>
        <View className="ot-line">材料：{item.materials.join('、')}</View>
        {deadline && (
          <View className="ot-line ot-due">
            法定期限：{formatDateCn(deadline.dueDate)} 前（{daysLeftText(deadline.daysLeft)}）
          </View>
        )}
        {item.note && <View className="ot-line secondary">提示：{item.note}</View>}
      </View>
    </View>
  )
}

/** The checklist: items by agency with materials, where and time limit, ticks saved on the server, legal deadlines. */
export default function Checklist() {
  const {
    event,
    progress,
    saved,
    today,
    guest,
    loadError,
    loadCause,
    saveError,
    saveCause,
    saving,
    failed,
    load,
    save,
    retry,
  } = useEventProgress()
  if (!event)
    return (
      <Page>
        <Empty text="没有找到这件事，请返回重新选择。" />
      </Page>
    )
  const title = `${event.name} · 办事清单`
  if (loadError)
    return (
      <Page title={title}>
        <ErrorNote text={loadError} cause={loadCause} onRetry={load} />
      </Page>
    )
  if (!progress || !saved || !today)
    return (
      <Page title={title}>
        <Loading />
      </Page>
    )

  const answers = effectiveAnswers(event, progress.answers)
  const groups = deriveChecklist(event, answers)
  const items = groups.flatMap((g) => g.items)
  const listed = (ids: string[]) => ids.filter((id) => items.some((i) => i.id === id))
  /** What the screen asks for (toggles start from it), and what the server has. */
  const ticked = listed(progress.ticked)
  const savedTicked = listed(saved.ticked)
  const failedIds = failed
    ? items.filter((i) => failed.ticked.includes(i.id) !== savedTicked.includes(i.id)).map((i) => i.id)
    : []
  const tickOf = (id: string): TickState => {
    const done = savedTicked.includes(id)
    const failure = failedIds.includes(id)
      ? `${sentence(saveError ?? '')}这一项仍是“${done ? '已办' : '未办'}”。`
      : null
    return { done, pending: saving && ticked.includes(id) !== done, failure }
  }
  let deadlines: Deadline[] = []
  try {
    deadlines = computeDeadlines(event, answers, today)
  } catch {
    deadlines = []
  }
  const pending = nextQuestion(event, answers)
  const retirement = retirementOf(event, answers, today)
  const toggle = (id: string) => save(answers, ticked.includes(id) ? ticked.filter((x) => x !== id) : [...ticked, id])
  const doneCount = savedTicked.length
  const left = items.length - doneCount
  const status = saving
    ? '正在保存…'
    : failed
      ? failedIds.length
        ? `有 ${failedIds.length} 项没有保存成功，请看下面该项的说明。`
        : '最近一次没有保存成功。'
      : saved.version > 0
        ? '进度已保存。'
        : ''
  const hasWindow = items.some((i) => i.channel === 'window')

  return (
    <Page title={title}>
      {pending && (
        <View className="notice">
          <View>还有问题没有回答，回答后清单会更准确。</View>
          <Button
            id="continue-questions"
            kind="secondary"
            onTap={() => replacePage(href.oneThing.questions({ event: event.id }))}
          >
            继续回答问题
          </Button>
        </View>
      )}
      <View className="notice" id="checklist-progress" role="status">
        共 {items.length} 项，已办 {doneCount} 项{left > 0 ? `，还差 ${left} 项` : '，全部办好了'}。{status}
      </View>
      {saveError && failedIds.length === 0 && <ErrorNote text={saveError} cause={saveCause} onRetry={retry} />}
      {guest && <GuestNotice />}
      <ReadAloud text={speechOf(event, groups, savedTicked, deadlines)} label="朗读办事清单" />
      {deadlines.length > 0 && (
        <Section title="办理期限（法律规定）" id="deadlines">
          {deadlines.map((d) => (
            <View key={`${d.label}-${d.dueDate}`} className="ot-deadline">
              <View className="cell-title">
                {d.label}：请在 {formatDateCn(d.dueDate)} 前办理
              </View>
              <View className={`tag ${d.daysLeft < 0 ? 'tag-bad' : 'tag-warn'}`}>{daysLeftText(d.daysLeft)}</View>
              <View className="cell-note">依据：{d.source}</View>
            </View>
          ))}
          <View className="cell-note">期限提醒会发到“消息”里。</View>
        </Section>
      )}
      {retirement && (
        <Section title="您的法定退休时间" id="retirement">
          <View className="ot-deadline">
            <View className="cell-title">法定退休年龄：{retirement.ageCn}</View>
            {retirement.when === 'future' && <View className="cell-title">法定退休时间：{retirement.monthCn}</View>}
            {retirement.when === 'now' && (
              <View className="cell-title">法定退休时间：{retirement.monthCn}，就是本月</View>
            )}
            {retirement.when === 'past' && (
              <View className="cell-title" id="retirement-reached">
                按您的出生年月，已到法定退休年龄（{retirement.monthCn}）
              </View>
            )}
            <View className="cell-note">
              按{retirement.category}
              、出生年月计算。依据：全国人大常委会关于实施渐进式延迟法定退休年龄的决定（2025年1月1日起施行）。
            </View>
            <View className="cell-note">
              另外，符合条件的可以自愿申请弹性提前或延迟退休（最多 3 年），请向单位或社保经办机构咨询，这里不作计算。
            </View>
          </View>
        </Section>
      )}
      {groups.map((g) => (
        <Section key={g.agency} title={g.agency}>
          {g.items.map((i) => (
            <Item
              key={i.id}
              item={i}
              tick={tickOf(i.id)}
              deadline={deadlines.find((d) => d.itemId === i.id)}
              onToggle={() => toggle(i.id)}
              failureCause={saveCause}
              onRetry={retry}
            />
          ))}
        </Section>
      ))}
      {items.length === 0 && <Empty text="按您的情况，暂时没有要办的事。可以修改您的情况再看看。" />}
      <View className="btn-row">
        <Button id="go-bring" kind="secondary" onTap={() => openPage(href.oneThing.bring({ event: event.id }))}>
          要带的材料
        </Button>
        <Button
          id="go-change-answers"
          kind="secondary"
          onTap={() => replacePage(href.oneThing.questions({ event: event.id }))}
        >
          修改我的情况
        </Button>
      </View>
      {hasWindow && (
        <Button id="go-appointment" onTap={() => openPage(href.oneThing.appointment({ event: event.id }))}>
          预约窗口办理
        </Button>
      )}
    </Page>
  )
}
