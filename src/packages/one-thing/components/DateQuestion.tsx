import { View } from '@tarojs/components'
import { useState } from 'react'
import { pastOnlyDateError, PAST_ONLY_DATES, type Question } from '@/domain/one-thing/guides'
import { Button } from '@/ui/Button'
import { DateField } from '@/ui/DateField'
import { dateAnswerText, monthStart } from '../lib'

/**
 * Where the wheel starts for an unanswered question that is asked by month (`event.question` →
 * `YYYY-MM`): near the cohorts retiring now, so nobody scrolls 60 years. Only where the wheel starts:
 * nothing is chosen until the person picks.
 */
const WHEEL_START: Record<string, string> = { 'retirement.birthDate': '1966-01' }

/**
 * A date question: a date field (`DateField`: the native picker, elder-sized steppers in elder mode; by
 * month when `question.precision` is `'month'`) and 确定.
 * Day questions start on `initial` (today, or the earlier answer); month questions start with nothing
 * chosen. A birth or death date (`PAST_ONLY_DATES`) cannot be after `today`: the wheel ends there and a
 * later date is refused with a message under the field. `onAnswer` gets `YYYY-MM-DD` (the 1st of the
 * month for month questions).
 */
export function DateQuestion({
  eventId,
  question,
  answered,
  today,
  onAnswer,
}: {
  eventId: string
  question: Question
  /** The earlier answer, `YYYY-MM-DD`, if any. */
  answered?: string
  /** `YYYY-MM-DD`, the backend's today. */
  today: string
  onAnswer: (value: string) => void
}) {
  const byMonth = question.precision === 'month'
  const [picked, setPicked] = useState<string | null>(null)
  const [error, setError] = useState<string | null>(null)
  const chosen = picked ?? answered ?? (byMonth ? null : today)
  const pastOnly = !!PAST_ONLY_DATES[eventId]?.[question.id]
  const end = pastOnly ? today : '2099-12-31'
  const wheel = byMonth
    ? (chosen ?? monthStart(WHEEL_START[`${eventId}.${question.id}`] ?? today)).slice(0, 7)
    : (chosen ?? today)
  const what = byMonth ? '年月' : '日期'

  const pick = (raw: string) => {
    const value = byMonth ? monthStart(raw) : raw
    setPicked(value)
    setError(pastOnlyDateError(eventId, question.id, value, today))
  }
  const confirm = () => {
    if (!chosen) return setError(`请先点上面选择${what}。`)
    const refused = pastOnlyDateError(eventId, question.id, chosen, today)
    if (refused) return setError(refused)
    onAnswer(chosen)
  }
  const shown = chosen ? dateAnswerText(chosen, byMonth) : `还没有选择${what}`

  return (
    <View>
      <View className="field-label" id="q-date-label">
        {question.text}
      </View>
      <DateField
        id="q-date"
        label={question.text}
        fields={byMonth ? 'month' : 'day'}
        value={wheel}
        start="1900-01-01"
        end={end}
        onChange={pick}
      >
        <View className="cell-title">{shown}</View>
        <View className="cell-note">{`点这里选择${what}`}</View>
      </DateField>
      {error && (
        <View className="field-error" id="q-date-error" role="alert">
          ⚠ {error}
        </View>
      )}
      <Button id="q-next" onTap={confirm}>
        {chosen ? `确定：${shown}` : `请先选择${what}`}
      </Button>
    </View>
  )
}
