import { View } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage } from '@/api'
import { cancelAppointment, listMyAppointments } from '@/api/endpoints/one-thing'
import type { MyAppointmentsDto, OneThingAppointmentDto } from '@/domain/one-thing/contracts'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { findLifeEvent } from '@/packages/one-thing/content'
import '@/packages/one-thing/feature.css'
import { href, openPage, replacePage } from '@/ui/nav'
import { useActionKeys } from '@/ui/useActionKeys'

const STATUS = {
  upcoming: ['待办理', 'tag-info'],
  past: ['已过时间', 'tag-warn'],
  cancelled: ['已取消', 'tag-bad'],
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

/** My window appointments: upcoming (change or cancel) and past or cancelled. */
export default function Appointments() {
  useRequireLogin()
  const [data, setData] = useState<MyAppointmentsDto | null>(null)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState<string | null>(null)
  /** A cancel that did not go through: which appointment, and why. */
  const [failed, setFailed] = useState<{ id: string; cause: unknown } | null>(null)
  const keys = useActionKeys()
  const load = async () => {
    setError(null)
    try {
      setData(await listMyAppointments())
    } catch (e) {
      setError(e)
    }
  }
  useDidShow(() => {
    load()
  })

  const cancel = async (a: OneThingAppointmentDto) => {
    const ok = await Taro.showModal({
      title: '要取消这个预约吗？',
      content: `取消后 ${a.dateLabel} ${a.slot.start} 的名额会让给其他人，再办需要重新预约。`,
      confirmText: '确定取消',
      cancelText: '不取消',
    })
    if (!ok.confirm) return
    setBusy(a.id)
    setFailed(null)
    const name = `cancel-${a.id}`
    try {
      await cancelAppointment(a.id, keys.keyFor(name))
      keys.settle(name)
      Taro.showToast({ title: '已取消预约', icon: 'none' })
    } catch (e) {
      keys.settle(name, e)
      setFailed({ id: a.id, cause: e })
    } finally {
      setBusy(null)
      // Reloaded either way: a cancel whose answer was lost may have gone through.
      await load()
    }
  }

  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        我的窗口预约
      </View>
      {!!error && <ErrorNote text={errorMessage(error)} cause={error} onRetry={load} />}
      {!data && !error && <Loading />}
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
                <Button id={`cancel-${a.id}`} kind="danger" loading={busy === a.id} onTap={() => cancel(a)}>
                  取消预约
                </Button>
              </View>
              {failed?.id === a.id && (
                <ErrorNote text={`没有取消成功：${errorMessage(failed.cause)}`} cause={failed.cause} />
              )}
            </Card>
          ))}
        </Section>
      )}
      {data && data.past.length > 0 && (
        <Section title="已过去或已取消" id="past">
          {data.past.map((a) => (
            <Card key={a.id} a={a} />
          ))}
        </Section>
      )}
    </Page>
  )
}
