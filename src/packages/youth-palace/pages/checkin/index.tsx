import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { askYpLeave, listYpCheckinCodes, undoYpLeave } from '@/api/endpoints/youth-palace'
import type { YpCheckinCodeDto } from '@/domain/youth-palace/contracts'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { useRowAction } from '@/ui/useRowAction'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { QrImage } from '@/ui/QrImage'
import { serverNow, useLoaded } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'

const ATTEND = { present: '已签到', absent: '缺课' } as const

/** A session's state in words: attendance once marked, else 已请假 when on leave. */
const stateCn = (c: YpCheckinCodeDto) =>
  c.cancelled ? '停课' : c.attendance ? ATTEND[c.attendance] : c.onLeave ? '已请假' : null

/**
 * Check-in code per session: one QR code at a time (the next session first), a list of sessions to switch,
 * and leave (请假) for the shown session until it starts (then the roll call decides).
 */
export default function Checkin() {
  const params = useRouter().params
  const id = params.id ?? ''
  const title = params.name ? decodeURIComponent(params.name) : ''
  const [picked, setPicked] = useState<string | null>(null)
  const codes = useLoaded(async () => {
    const [list, now] = await Promise.all([listYpCheckinCodes(id), serverNow()])
    const today = new Date(now + 8 * 3600_000).toISOString().slice(0, 10)
    return {
      list,
      next: list.find((c) => c.sessionDate >= today)?.sessionDate ?? list[list.length - 1]?.sessionDate ?? null,
    }
  })
  const data = codes.data
  const date = picked ?? data?.next ?? null
  const current = data?.list.find((c) => c.sessionDate === date)
  const rows = useRowAction()
  const leave = (c: YpCheckinCodeDto) =>
    rows.run('leave', (key) => askYpLeave(id, c.sessionDate, key), {
      row: c.sessionDate,
      notices: ['progress'],
      confirm: {
        title: '请假',
        content: `为 ${formatDateCn(c.sessionDate)} ${c.start} 的课请假？请假的课不用签到，也不记未到课。`,
        confirmText: '请假',
        cancelText: '不请假',
      },
      always: codes.reload,
    })
  const undo = (c: YpCheckinCodeDto) =>
    rows.run('undo', (key) => undoYpLeave(id, c.sessionDate, key), {
      row: c.sessionDate,
      confirm: {
        title: '撤销请假',
        content: `撤销 ${formatDateCn(c.sessionDate)} ${c.start} 这节课的请假？撤销后孩子要来上课，没来会记一次未到课。`,
        confirmText: '撤销请假',
        cancelText: '不撤销',
      },
      always: codes.reload,
    })
  return (
    <Page requireLogin title="签到码">
      {title && <View className="secondary">{title}</View>}
      <Loaded of={codes} />
      {data && data.list.length === 0 && <Empty text="这门课没有排课日期，请联系社区。" />}
      {current && (
        <View className="card card-pad" id="checkin-current">
          <View className="cell-title">
            {formatDateCn(current.sessionDate)} {current.start}–{current.end}
          </View>
          <QrImage
            id="checkin-qr"
            className="yp-qr"
            text={current.code}
            label={`${formatDateCn(current.sessionDate)}的签到二维码`}
          />
          <View className="yp-line">
            上课时请把这个二维码给老师扫，一节课一个码。
            {stateCn(current) ? `本节：${stateCn(current)}` : ''}
          </View>
          {current.cancelled && (
            <View className="notice" role="status" id="session-cancelled">
              这节课停课，不用到场，不记未到课。补课时间由社区另行通知。
            </View>
          )}
          {current.onLeave && !current.attendance && !current.cancelled && (
            <View className="notice" role="status" id="leave-done">
              这节课已请假，不用签到，也不记未到课。
            </View>
          )}
          {current.canUndoLeave && (
            <Button kind="secondary" id="leave-undo" loading={rows.busy === 'undo'} onTap={() => undo(current)}>
              撤销请假
            </Button>
          )}
          {current.canLeave && (
            <Button kind="secondary" id="leave-ask" loading={rows.busy === 'leave'} onTap={() => leave(current)}>
              这节课请假
            </Button>
          )}
          {rows.failure(current.sessionDate) && (
            <ErrorNote
              text={rows.failure(current.sessionDate)!.text}
              cause={rows.failure(current.sessionDate)!.cause}
            />
          )}
        </View>
      )}
      {data && data.list.length > 0 && (
        <Section title="全部上课日期">
          {data.list.map((c) => (
            <View
              key={c.sessionDate}
              id={`session-${c.sessionDate}`}
              className="cell cell-link"
              {...tappable(undefined, () => setPicked(c.sessionDate))}
            >
              <View className="cell-main">
                <View className="cell-title">
                  {formatDateCn(c.sessionDate)} {c.start}
                </View>
              </View>
              <View className="cell-value">{c.sessionDate === date ? '正在显示' : (stateCn(c) ?? '点按显示')}</View>
            </View>
          ))}
        </Section>
      )}
    </Page>
  )
}
