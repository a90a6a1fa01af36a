import { View } from '@tarojs/components'
import { useRef, useState } from 'react'
import {
  deriveChecklist,
  effectiveAnswers,
  nextQuestion,
  type LifeEvent,
  type Question,
} from '@/domain/one-thing/guides'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { DateQuestion } from '@/packages/one-thing/components/DateQuestion'
import { GuestNotice } from '@/packages/one-thing/components/GuestNotice'
import { useEventProgress } from '@/packages/one-thing/components/useEventProgress'
import { answerText } from '@/packages/one-thing/lib'
import '@/packages/one-thing/feature.css'
import { href, replacePage } from '@/ui/nav'

/**
 * After an answer, taps are ignored this long while the next question takes its place: the second tap
 * of a double tap would otherwise land on the next question's option and answer it too.
 */
const ANSWER_SETTLE_MS = 450

/** The questions that are asked given the answers so far (in order). */
const visibleAnswered = (event: LifeEvent, answers: Record<string, string>) => {
  const kept = effectiveAnswers(event, answers)
  return event.questions.filter((q) => kept[q.id] !== undefined).map((q) => ({ q, value: kept[q.id] }))
}

/** Situation questions, one at a time; a summary where any answer can be changed; saved as you go. */
export default function Questions() {
  const { event, progress, today, guest, loadError, loadCause, saveError, saveCause, saving, load, save, retry } =
    useEventProgress()
  const [editing, setEditing] = useState<string | null>(null)
  /** The question on screen, and whether it is still settling in after the previous answer. */
  const onScreen = useRef<string | null>(null)
  const settling = useRef(false)

  if (!event)
    return (
      <Page>
        <Empty
          text="没有找到这件事，请返回重新选择。"
          action="返回一件事"
          onAction={() => replacePage(href.oneThing.index())}
        />
      </Page>
    )
  const title = (
    <View className="page-title" role="heading" aria-level={1}>
      {event.name}
    </View>
  )
  if (loadError)
    return (
      <Page>
        {title}
        <ErrorNote text={loadError} cause={loadCause} onRetry={load} />
      </Page>
    )
  if (!progress || !today)
    return (
      <Page>
        {title}
        <Loading />
      </Page>
    )

  const answers = effectiveAnswers(event, progress.answers)
  const current = (editing ? event.questions.find((q) => q.id === editing) : null) ?? nextQuestion(event, answers)
  onScreen.current = current?.id ?? null
  const answered = visibleAnswered(event, answers)
  const itemCount = deriveChecklist(event, answers).reduce((n, g) => n + g.items.length, 0)

  const answer = (q: Question, value: string) => {
    // A tap counts only for the question it was made on, and not while the next one settles in.
    if (settling.current || q.id !== onScreen.current) return
    settling.current = true
    setTimeout(() => {
      settling.current = false
    }, ANSWER_SETTLE_MS)
    const next = effectiveAnswers(event, { ...answers, [q.id]: value })
    setEditing(null)
    save(next, progress.ticked)
  }

  return (
    <Page>
      {title}
      {current ? (
        <View className="ot-question" id="question" key={current.id}>
          <View className="secondary">
            {editing ? '修改回答' : `第 ${answered.length + 1} 个问题`}，回答后为您列出要办的事。
          </View>
          {current.kind === 'choice' && (
            <Options
              id={`q-${current.id}`}
              label={current.text}
              options={current.options ?? []}
              value={answers[current.id] ?? null}
              onChange={(v) => answer(current, v)}
            />
          )}
          {current.kind === 'date' && (
            <DateQuestion
              eventId={event.id}
              question={current}
              answered={answers[current.id]}
              today={today}
              onAnswer={(v) => answer(current, v)}
            />
          )}
          {editing && (
            <Button kind="secondary" id="q-cancel-edit" onTap={() => setEditing(null)}>
              不修改了
            </Button>
          )}
        </View>
      ) : (
        <View className="notice" id="questions-done" role="status">
          问题都回答好了。按您的情况，一共要办 {itemCount} 项。
        </View>
      )}
      {saveError && <ErrorNote text={saveError} cause={saveCause} onRetry={retry} />}
      {guest && <GuestNotice />}
      {saving && (
        <View className="secondary" role="status">
          正在保存…
        </View>
      )}
      {answered.length > 0 && (
        <Section title="您的情况（可以修改）" id="answers">
          {answered.map(({ q, value }) => (
            <View key={q.id} className="cell">
              <View className="cell-main">
                <View className="cell-note">{q.text}</View>
                <View className="cell-title">{answerText(q, value)}</View>
              </View>
              <View id={`change-${q.id}`} className="ot-link" {...tappable(`修改：${q.text}`, () => setEditing(q.id))}>
                修改
              </View>
            </View>
          ))}
        </Section>
      )}
      {!current && (
        <Button id="go-checklist" onTap={() => replacePage(href.oneThing.checklist({ event: event.id }))}>
          查看办事清单
        </Button>
      )}
    </Page>
  )
}
