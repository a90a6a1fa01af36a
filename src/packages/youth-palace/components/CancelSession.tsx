import { View } from '@tarojs/components'
import { useState } from 'react'
import { cancelYpSession } from '@/api/endpoints/youth-palace'
import type { YpCourseDetailDto } from '@/domain/youth-palace/contracts'
import { formatDateCn } from '@/domain/shared/time'
import {
  SESSION_CANCEL_REASONS,
  SESSION_CANCEL_REASON_LABELS,
  type SessionCancelReason,
} from '@/domain/youth-palace/types'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { ErrorNote, Section } from '@/ui/States'
import { useRowAction } from '@/ui/useRowAction'

/**
 * Worker: cancel one of the next sessions of a course (停课: weather, the teacher ill) before it starts.
 * The backend marks it (no roll call, no no-show) and tells every family with a confirmed place.
 */
export function CancelSession({
  course,
  today,
  done,
}: {
  course: YpCourseDetailDto
  today: string
  done: () => unknown
}) {
  const next = course.sessionDates.filter((d) => d >= today && !course.cancelledSessions.includes(d)).slice(0, 4)
  const [date, setDate] = useState<string | null>(null)
  const [reason, setReason] = useState<SessionCancelReason | null>(null)
  const [told, setTold] = useState<string | null>(null)
  const rows = useRowAction()
  const failure = rows.failure('cancel-session')
  const cancel = () => {
    if (!date || !reason) return
    rows.run('cancel-session', (key) => cancelYpSession(course.id, { sessionDate: date, reason }, key), {
      confirm: {
        title: '停课',
        content: `${formatDateCn(date)}的《${course.name}》因${SESSION_CANCEL_REASON_LABELS[reason]}停课？已确认名额的家长都会收到通知，这节课不点名、不记未到课。`,
        confirmText: '停课',
        cancelText: '不停课',
      },
      done: (r) => {
        setTold(`已停课，已通知 ${r.told} 个家庭。补课时间请另行通知家长。`)
        setDate(null)
        return done()
      },
    })
  }
  return (
    <Section title="停课" id="cancel-session">
      {course.cancelledSessions.length > 0 && (
        <View className="yp-line" id="cancelled-sessions">
          已停课：{course.cancelledSessions.map(formatDateCn).join('、')}
        </View>
      )}
      {next.length === 0 ? (
        <View className="yp-line">没有还没上的课。</View>
      ) : (
        <View>
          <Options
            id="cancel-date"
            label="哪一次课停课"
            value={date}
            onChange={setDate}
            options={next.map((d) => ({ value: d, label: formatDateCn(d) }))}
          />
          <Options
            id="cancel-reason"
            label="停课原因"
            value={reason}
            onChange={setReason}
            options={SESSION_CANCEL_REASONS.map((r) => ({ value: r, label: SESSION_CANCEL_REASON_LABELS[r] }))}
          />
          {date && reason && (
            <Button kind="secondary" id="cancel-session-submit" loading={rows.busy === 'cancel-session'} onTap={cancel}>
              停课并通知家长
            </Button>
          )}
        </View>
      )}
      {told && (
        <View className="notice" role="status" id="cancel-session-done">
          {told}
        </View>
      )}
      {failure && <ErrorNote text={failure.text} cause={failure.cause} />}
    </Section>
  )
}
