import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { cancelAppointment, listMyAppointments } from '@/api/endpoints/one-thing'
import type { OneThingAppointmentDto } from '@/domain/one-thing/contracts'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { findLifeEvent } from '@/packages/one-thing/content'
import '@/packages/one-thing/feature.css'
import { href, openPage, replacePage } from '@/ui/nav'
import { useRowAction } from '@/ui/useRowAction'
import { listMyRatings, rateAppointment } from '@/api/endpoints/ratings'
import { RatingForm } from '@/ui/RatingForm'

const STATUS = {
  upcoming: ['待办理', 'tag-info'],
  past: ['已过时间', 'tag-warn'],
  cancelled: ['已取消', 'tag-bad'],
  done: ['已办结', 'tag-ok'],
} as const

function Card({ a, children }: { a: OneThingAppointmentDto; children?: React.ReactNode }) {
  const [word, tag] = STATUS[a.status]
  const name = a.eventName ?? findLifeEvent(a.eventId)?.name ?? '一件事'
  return (
    <View className="ot-appt" id={`appt-${a.id}`}>
      <View className="cell-title">
        {name} <View className={`tag ${tag}`}>{word}</View>
      </View>
      <View className="ot-when">
        {a.dateLabel} {a.slot.start}–{a.slot.end}
      </View>
      <View className="cell-note">
        {a.hall.name}，{a.hall.window}
      </View>
      <View className="cell-note">地址：{a.hall.address}</View>
      {a.byProxy && <View className="cell-note">{a.proxyName ? `由 ${a.proxyName} 代为预约` : '由家人代为预约'}</View>}
      {!!a.calendarNote && <View className="cell-note">{a.calendarNote}</View>}
      {children}
    </View>
  )
}

/** My window appointments: upcoming (change or cancel), past (rate, 好差评) or cancelled. */
export default function Appointments() {
  const appointments = useLoader(listMyAppointments)
  const ratings = useLoader(listMyRatings)
  const data = appointments.data
  const ratingOf = (a: OneThingAppointmentDto) =>
    ratings.data?.find((r) => r.kind === 'appointment' && r.subjectId === a.id)
  /** Cancels; a cancel that did not go through is kept under its appointment, with why. */
  const rows = useRowAction()

  const cancel = (a: OneThingAppointmentDto) =>
    rows.run(`cancel-${a.id}`, (key) => cancelAppointment(a.id, key), {
      row: a.id,
      confirm: {
        title: '要取消这个预约吗？',
        content: `取消后 ${a.dateLabel} ${a.slot.start} 的名额会让给其他人，再办需要重新预约。`,
        confirmText: '确定取消',
        cancelText: '不取消',
      },
      done: () => Taro.showToast({ title: '已取消预约', icon: 'none' }),
      // Reloaded either way: a cancel whose answer was lost may have gone through.
      always: appointments.reload,
    })

  return (
    <Page requireLogin title="我的窗口预约">
      <Loaded of={appointments} />
      {data && (
        <Section title="待办理" id="upcoming">
          {data.upcoming.length === 0 && (
            <Empty
              text="没有待办理的预约。打开一件事的办事清单，就可以预约窗口。"
              action="去看看一件事"
              onAction={() => replacePage(href.oneThing.index())}
            />
          )}
          {data.upcoming.map((a) => (
            <Card key={a.id} a={a}>
              <View className="btn-row">
                <Button
                  id={`change-${a.id}`}
                  kind="secondary"
                  onTap={() => openPage(href.oneThing.appointment({ event: a.eventId, change: a.id, hall: a.hall.id }))}
                >
                  改约
                </Button>
                <Button
                  id={`cancel-${a.id}`}
                  kind="danger"
                  loading={rows.busy === `cancel-${a.id}`}
                  onTap={() => cancel(a)}
                >
                  取消预约
                </Button>
              </View>
              {rows.failure(a.id) && (
                <ErrorNote text={`没有取消成功：${rows.failure(a.id)?.text}`} cause={rows.failure(a.id)?.cause} />
              )}
            </Card>
          ))}
        </Section>
      )}
      {data && data.past.length > 0 && (
        <Section title="已办结、已过去或已取消" id="past">
          {data.past.map((a) => (
            <Card key={a.id} a={a}>
              {a.status === 'past' && ratings.data && (
                <RatingForm
                  id={`appt-${a.id}`}
                  rating={ratingOf(a)}
                  canRate
                  send={(input, key) => rateAppointment(a.id, input, key)}
                  done={ratings.reload}
                />
              )}
            </Card>
          ))}
        </Section>
      )}
    </Page>
  )
}
