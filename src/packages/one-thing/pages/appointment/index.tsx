import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { ApiError } from '@/api'
import { bookAppointment, changeAppointment, getHallAvailability, listServiceHalls } from '@/api/endpoints/one-thing'
import type { HallAvailabilityDto, OneThingAppointmentDto, ServiceHallDto } from '@/domain/one-thing/contracts'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'
import { tappable } from '@/ui/tappable'
import { findLifeEvent } from '@/packages/one-thing/content'
import '@/packages/one-thing/feature.css'
import { href, replacePage } from '@/ui/nav'

const CLOSED_CN = {
  WEEKEND: '周末休息',
  HOLIDAY: '法定节假日休息',
  CALENDAR_NOT_COVERED: '放假安排还没公布，暂不能预约',
} as const

/** Book (or change) a window appointment: hall, working day, time slot with places left; then a confirmation. */
export default function Appointment() {
  const { params } = useRouter()
  const event = findLifeEvent(String(params.event ?? ''))
  const changeId = params.change ? String(params.change) : null
  const [halls, setHalls] = useState<ServiceHallDto[] | null>(null)
  const [hallId, setHallId] = useState<string | null>(params.hall ? String(params.hall) : null)
  const [avail, setAvail] = useState<HallAvailabilityDto | null>(null)
  const [date, setDate] = useState<string | null>(null)
  const [slot, setSlot] = useState<string | null>(null)
  const [loadError, setLoadError] = useState<unknown>(null)
  const [availError, setAvailError] = useState<unknown>(null)
  const [done, setDone] = useState<OneThingAppointmentDto | null>(null)
  const [choosingHall, setChoosingHall] = useState(false)
  const sub = useSubmission()

  const loadHalls = useCallback(async () => {
    setLoadError(null)
    try {
      const list = await listServiceHalls()
      setHalls(list)
      // Keep the chosen hall while the list still has it, else take the first.
      setHallId((id) => (id && list.some((h) => h.id === id) ? id : (list[0]?.id ?? null)))
    } catch (e) {
      setLoadError(e)
    }
  }, [])
  const loadAvail = async (id: string) => {
    setAvailError(null)
    setAvail(null)
    try {
      setAvail(await getHallAvailability(id))
    } catch (e) {
      setAvailError(e)
    }
  }
  useEffect(() => {
    loadHalls()
  }, [loadHalls])
  useEffect(() => {
    if (hallId) loadAvail(hallId)
  }, [hallId])

  if (!event)
    return (
      <Page requireLogin>
        <Empty text="没有找到这件事，请返回重新选择。" />
      </Page>
    )
  const heading = changeId ? `改约：${event.name}` : `预约窗口：${event.name}`

  if (done) {
    return (
      <Page requireLogin title={changeId ? '改约成功' : '预约成功'}>
        <View className="card card-pad" id="appointment-done">
          <View className="cell-title">{done.hall.name}</View>
          <View className="cell-note">
            {done.hall.address}，{done.hall.window}
          </View>
          <View className="ot-when">
            {done.dateLabel} {done.slot.start}–{done.slot.end}
          </View>
          <View className="tag tag-ok">已预约</View>
        </View>
        {!!done.calendarNote && (
          <View className="notice" id="calendar-note">
            {done.calendarNote}
          </View>
        )}
        <View className="notice">
          请在预约时间带齐材料和本人身份证到窗口办理。确认信息已发到“消息”。如不能前往，请提前在“我的窗口预约”里取消。
        </View>
        <Button id="done-bring" kind="secondary" onTap={() => replacePage(href.oneThing.bring({ event: event.id }))}>
          看看要带的材料
        </Button>
        <Button id="done-appointments" onTap={() => replacePage(href.oneThing.appointments())}>
          我的窗口预约
        </Button>
      </Page>
    )
  }

  const day = avail?.days.find((d) => d.date === date) ?? null
  const hall = halls?.find((h) => h.id === hallId) ?? null
  const submit = () =>
    sub.submit(
      () => ({ date: date ? '' : '请先选择日期', slot: !date || slot ? '' : '请先选择时段' }),
      (key) =>
        (changeId
          ? changeAppointment(changeId, { hallId: hallId!, date: date!, slot: slot! }, key)
          : bookAppointment(
              { eventId: event.id, eventName: event.name, hallId: hallId!, date: date!, slot: slot! },
              key,
            )
        ).catch((e) => {
          // Someone took the place: show the day as it is now.
          if (e instanceof ApiError && e.code === 'SLOT_FULL' && hallId) {
            setSlot(null)
            loadAvail(hallId)
          }
          throw e
        }),
      setDone,
      { notices: ['progress', 'reminder'] },
    )
  /** A new choice: complaints about the previous one no longer apply. */
  const choose = (d: string | null, s: string | null) => {
    setDate(d)
    setSlot(s)
    sub.clearError('date', 'slot')
    sub.clearFailure()
  }

  return (
    <Page requireLogin title={heading}>
      <Loaded
        of={{ data: halls, cause: loadError, loading: !loadError, reload: loadHalls }}
        empty="暂时没有可以预约的服务中心，请拨打 12345 咨询。"
      />
      {halls && halls.length > 0 && (choosingHall || !hall) && (
        <Options
          id="hall"
          label="1. 选择服务中心"
          value={hallId}
          options={halls.map((h) => ({
            value: h.id,
            label: `${h.name}${h.nearby ? '（离您近）' : ''}`,
            note: `${h.address}；${h.hours}`,
          }))}
          onChange={(id) => {
            setHallId(id)
            choose(null, null)
            setChoosingHall(false)
          }}
        />
      )}
      {hall && !choosingHall && (
        <View className="options" id="hall-chosen">
          <View className="field-label">1. 服务中心</View>
          <View className="card card-pad">
            <View className="cell-title">
              {hall.name}
              {hall.nearby ? '（离您近）' : ''}
            </View>
            <View className="cell-note">{hall.address}</View>
            <View className="cell-note">{hall.hours}</View>
            <View className="cell-note">接待窗口：{hall.windows[0]}</View>
            {halls!.length > 1 && (
              <Button id="change-hall" kind="secondary" onTap={() => setChoosingHall(true)}>
                换一个服务中心
              </Button>
            )}
          </View>
        </View>
      )}
      {hallId && (
        <View className="options" role="radiogroup" aria-label="2. 选择日期" id="days">
          <View className="field-label">2. 选择日期（只能约工作日）</View>
          {!!avail?.calendarNote && (
            <View className="notice" id="calendar-note">
              {avail.calendarNote}
            </View>
          )}
          <Loaded
            of={{ data: avail, cause: availError, loading: !availError, reload: () => loadAvail(hallId) }}
            lines={2}
          />
          {avail?.days.map((d) => {
            const places = d.slots.reduce((n, s) => n + s.remaining, 0)
            if (!d.open) {
              return (
                <View key={d.date} className="option ot-closed" id={`day-${d.date}`}>
                  <View className="cell-main">
                    <View className="cell-title">{d.label}</View>
                    <View className="cell-note">
                      不能预约：{d.closedMessage ?? (d.closedReason ? CLOSED_CN[d.closedReason] : '休息')}
                    </View>
                  </View>
                </View>
              )
            }
            const on = d.date === date
            return (
              <View
                key={d.date}
                id={`day-${d.date}`}
                className={`option ${on ? 'option-on' : ''}`}
                {...tappable(
                  `${d.label}，${places > 0 ? `还有 ${places} 个名额` : '已约满'}`,
                  () => choose(d.date, null),
                  'radio',
                )}
                aria-checked={on ? 'true' : 'false'}
              >
                <View className="option-mark" aria-hidden="true">
                  {on ? '●' : '○'}
                </View>
                <View className="cell-main">
                  <View className="cell-title">{d.label}</View>
                  <View className="cell-note">{places > 0 ? `还有 ${places} 个名额` : '已约满'}</View>
                </View>
                {on && <View className="option-word">已选</View>}
              </View>
            )
          })}
        </View>
      )}
      {day && (
        <View className="options" role="radiogroup" aria-label="3. 选择时段" id="slots">
          <View className="field-label">3. 选择 {day.label} 的时段</View>
          {day.slots.map((s) => {
            const on = s.start === slot
            const full = s.remaining <= 0
            const words = full ? '已约满' : `还剩 ${s.remaining} 个名额`
            return (
              <View
                key={s.start}
                id={`slot-${s.start.replace(':', '')}`}
                className={`option ${on ? 'option-on' : ''} ${full ? 'ot-closed' : ''}`}
                {...tappable(
                  `${s.start}–${s.end}，${words}`,
                  () => {
                    if (!full) choose(date, s.start)
                  },
                  'radio',
                )}
                aria-checked={on ? 'true' : 'false'}
                aria-disabled={full ? 'true' : undefined}
              >
                <View className="option-mark" aria-hidden="true">
                  {on ? '●' : '○'}
                </View>
                <View className="cell-main">
                  <View className="cell-title">
                    {s.start}–{s.end}
                  </View>
                  <View className="cell-note">{words}</View>
                </View>
                {on && <View className="option-word">已选</View>}
              </View>
            )
          })}
        </View>
      )}
      {(sub.errors.date || sub.errors.slot) && (
        <View className="field-error" role="alert">
          ⚠ {sub.errors.date || sub.errors.slot}
        </View>
      )}
      {sub.failure && <ErrorNote text={sub.failure} cause={sub.cause} onRetry={submit} />}
      {sub.cause instanceof ApiError && sub.cause.code === 'APPOINTMENT_EXISTS' && (
        <Button kind="secondary" onTap={() => replacePage(href.oneThing.appointments())}>
          查看我的窗口预约
        </Button>
      )}
      {halls && halls.length > 0 && (
        <Button id="appointment-submit" onTap={submit} loading={sub.busy}>
          {changeId ? '确认改约' : '确认预约'}
        </Button>
      )}
    </Page>
  )
}
