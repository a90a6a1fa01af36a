import { Picker, View } from '@tarojs/components'
import { useState, type ReactNode } from 'react'
import { formatDateCn } from '../domain/shared/time'
import { useElderMode } from '../stores/settings'
import { Button } from './Button'
import { clampDate, stepDate, type DateUnit } from './dateSteps'
import { tappable } from './tappable'
import './DateField.css'

const h5 = process.env.TARO_ENV === 'h5'

/** A date or month for people: `2026年3月2日（周一）`, or `1966年1月` for a month. */
const shownAs = (date: string, byMonth: boolean) =>
  byMonth ? `${Number(date.slice(0, 4))}年${Number(date.slice(5, 7))}月` : formatDateCn(date)

/** One stepper row: the earlier and later buttons around the value (the words on the buttons name them). */
const STEPS: Record<DateUnit, { earlier: string; later: string; value: (date: string) => string }> = {
  year: { earlier: '上一年', later: '下一年', value: (d) => `${Number(d.slice(0, 4))}年` },
  month: { earlier: '上个月', later: '下个月', value: (d) => `${Number(d.slice(5, 7))}月` },
  day: { earlier: '前一天', later: '后一天', value: (d) => `${Number(d.slice(8, 10))}日` },
}

/**
 * A date (or month) question's answer field, for every date the app asks. Normal mode: Taro's native
 * date Picker (WeChat's wheel), opened from the row. Elder mode: the row opens big steppers under it —
 * year, month and day, each with earlier/later buttons (≥ 60 px, words on them), ten years at a time for
 * long ranges — and 取消 / 确定; nothing outside `start`…`end` can be chosen (a step that would leave the
 * range stops at its end and says so). The stock H5 wheel (12 px text, 19 px buttons) never opens there.
 *
 * `value` is where it opens and `onChange` gets the choice, both `YYYY-MM-DD`, or `YYYY-MM` when
 * `fields` is 'month' (as Taro's Picker). `id` names the row (in normal mode the Picker) for tests; the
 * elder buttons are `<id>-<unit>-earlier|later`, `<id>-decade-earlier|later`, `<id>-ok`, `<id>-cancel`.
 */
export function DateField({
  id,
  label,
  value,
  start,
  end,
  fields = 'day',
  onChange,
  children,
}: {
  id: string
  /** What is asked (names the steppers for screen readers). */
  label: string
  value: string
  /** The earliest and latest dates offered, `YYYY-MM-DD`, inclusive. */
  start: string
  end: string
  fields?: 'day' | 'month'
  onChange: (value: string) => void
  /** What the row shows (also its accessible name): the date chosen or `点这里选择…`. */
  children: ReactNode
}) {
  const elder = useElderMode()
  const [draft, setDraft] = useState<string | null>(null)
  const [note, setNote] = useState('')
  const byMonth = fields === 'month'
  const row = (onTap: () => void, extra: Record<string, unknown> = {}) => (
    <View className="date-field-row" {...extra} {...tappable(undefined, onTap)}>
      <View className="cell-main">{children}</View>
      <View className="cell-arrow" aria-hidden="true">
        ›
      </View>
    </View>
  )
  if (!elder) {
    return (
      <Picker
        id={id}
        mode="date"
        fields={fields}
        value={value}
        start={start}
        end={end}
        onChange={(e) => onChange(String(e.detail.value))}
      >
        {row(() => {})}
      </Picker>
    )
  }

  // Months are stepped as their first day, within the months of start and end.
  const min = byMonth ? `${start.slice(0, 7)}-01` : start
  const max = byMonth ? `${end.slice(0, 7)}-01` : end
  const open = draft !== null
  const close = () => {
    setDraft(null)
    setNote('')
    // The buttons that had focus are gone: give it back to the row (H5; WeChat has no keyboard focus).
    if (h5 && typeof document !== 'undefined') setTimeout(() => document.getElementById(id)?.focus(), 0)
  }
  const toggle = () => (open ? close() : setDraft(clampDate(byMonth ? `${value.slice(0, 7)}-01` : value, min, max)))
  const step = (unit: DateUnit, delta: number) => {
    if (draft === null) return
    const next = stepDate(draft, unit, delta, min, max)
    const wanted = stepDate(draft, unit, delta, '0000-01-01', '9999-12-31')
    setDraft(next)
    setNote(
      wanted < min
        ? `最早只能选到 ${shownAs(min, byMonth)}`
        : wanted > max
          ? `最晚只能选到 ${shownAs(max, byMonth)}`
          : '',
    )
  }
  const stepButton = (key: string, text: string, onTap: () => void) => (
    <View id={`${id}-${key}`} className="date-step-btn" {...tappable(undefined, onTap)}>
      {text}
    </View>
  )
  const units: DateUnit[] = byMonth ? ['year', 'month'] : ['year', 'month', 'day']

  return (
    <View>
      {row(toggle, { id, ...(h5 ? { 'aria-expanded': open ? 'true' : 'false', 'data-date-field': fields } : {}) })}
      {draft !== null && (
        <View className="date-panel" id={`${id}-panel`} role="group" aria-label={label}>
          <View className="date-panel-now" role="status">
            {shownAs(draft, byMonth)}
          </View>
          {units.map((unit) => (
            <View key={unit} className="date-step">
              {stepButton(`${unit}-earlier`, STEPS[unit].earlier, () => step(unit, -1))}
              <View className="date-step-value">{STEPS[unit].value(draft)}</View>
              {stepButton(`${unit}-later`, STEPS[unit].later, () => step(unit, 1))}
            </View>
          ))}
          {Number(max.slice(0, 4)) - Number(min.slice(0, 4)) > 10 && (
            <View className="date-step">
              {stepButton('decade-earlier', '前十年', () => step('year', -10))}
              {stepButton('decade-later', '后十年', () => step('year', 10))}
            </View>
          )}
          {note && (
            <View className="date-panel-note" role="alert">
              {note}
            </View>
          )}
          <View className="btn-row">
            <Button kind="secondary" id={`${id}-cancel`} onTap={close}>
              取消
            </Button>
            <Button
              id={`${id}-ok`}
              onTap={() => {
                onChange(byMonth ? draft.slice(0, 7) : draft)
                close()
              }}
            >
              确定
            </Button>
          </View>
        </View>
      )}
    </View>
  )
}
