import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { ApiError } from '@/api'
import { bookCareService, getCareCard, listCareServices, listCareSlots } from '@/api/endpoints/care-card'
import { bookingShortfallText } from '@/domain/care-card/booking'
import type { CareOrderDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { beijingDate, formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded } from '@/ui/States'
import { Result } from '@/packages/care-card/components/Result'
import { useWho } from '@/packages/care-card/components/useWho'
import { dateTimeCn } from '@/packages/care-card/components/words'
import { useSubmission } from '@/ui/useSubmission'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { goBack, href, replacePage } from '@/ui/nav'

const timeOf = (iso: string) => new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16)

/**
 * Booking: pick a day and a slot (big rows), confirm that the price will be held, result view. A balance
 * too low for the price is said when 预约 is tapped, before the confirmation (the card is read with the
 * slots; if it does not load, the backend's refusal says the same after it).
 */
export default function Book() {
  const { params } = useRouter()
  const serviceId = params.id ?? ''
  const who = useWho()
  const { data, cause, loading, reload } = useLoader(async () => {
    const [services, slots, card] = await Promise.all([
      listCareServices(),
      listCareSlots(serviceId),
      getCareCard(undefined, 1).catch(() => null),
    ])
    return { service: services.find((s) => s.id === serviceId) ?? null, slots, card }
  })
  const [day, setDay] = useState<string | null>(null)
  const [slotId, setSlotId] = useState<string | null>(null)
  const [done, setDone] = useState<CareOrderDto | null>(null)
  const sub = useSubmission()
  const service = data?.service
  const slots = data?.slots ?? []
  const days = [...new Set(slots.map((s) => beijingDate(s.startAt)))]
  const daySlots = slots.filter((s) => day && beijingDate(s.startAt) === day)
  const chosen = slots.find((s) => s.id === slotId)

  const book = () => {
    if (!service || !chosen) return
    sub.submit(
      () => ({ balance: data?.card ? (bookingShortfallText(data.card, service.priceFen) ?? '') : '' }),
      (key) =>
        bookCareService(chosen.id, key).catch((e) => {
          // Someone took the last place, or the time passed: show the slots as they are now.
          if (e instanceof ApiError && (e.code === 'SLOT_FULL' || e.code === 'SLOT_PASSED')) reload()
          throw e
        }),
      setDone,
      {
        notices: ['progress', 'reminder'],
        confirm: async () =>
          (
            await Taro.showModal({
              title: '确认预约',
              content: `${service.name}，${dateTimeCn(chosen.startAt)}。将从爱心卡冻结 ${formatFen(service.priceFen)}，服务完成后扣款；服务开始前取消会退回。`,
              confirmText: '确认预约',
              cancelText: '再想想',
            })
          ).confirm,
      },
    )
  }
  /** A new choice: the refusal of the previous one no longer applies. */
  const choose = (d: string | null, slot: string | null) => {
    setDay(d)
    setSlotId(slot)
    sub.clearFailure()
    sub.clearError('balance')
  }

  if (done) {
    return (
      <Page requireLogin backTo={href.careCard.index()}>
        <Result
          title="预约成功"
          lines={[
            `${done.service.name}（${done.service.providerName}），${dateTimeCn(done.startAt)}。`,
            `已从爱心卡冻结 ${formatFen(done.priceFen)}，服务完成后扣款。服务开始前可以在“我的预约”中取消。`,
          ]}
          actions={[
            {
              id: 'book-orders',
              text: '查看我的预约',
              kind: 'primary',
              onTap: () => replacePage(href.careCard.orders()),
            },
            { text: '返回', onTap: () => goBack(href.careCard.index()) },
          ]}
        />
      </Page>
    )
  }

  return (
    <Page requireLogin backTo={href.careCard.index()} title={`预约${service ? service.kindLabel : '服务'}`}>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && !service && <Empty text="没有找到这项服务，请返回重新选择。" />}
      {service && (
        <View>
          <View className="cc-hero">
            <View className="cell-title">{service.name}</View>
            <View className="cell-note">
              {service.providerName} · {service.address}
            </View>
            <View className="cell-note">
              价格 {formatFen(service.priceFen)}/{service.unit}，约 {service.durationMinutes} 分钟 · 为
              {who.self ? '您' : ` ${who.name} `}预约
            </View>
            {data?.card && (
              <View className="cell-note" id="book-balance">
                爱心卡可用余额 {formatFen(data.card.balanceFen)}
              </View>
            )}
          </View>
          {days.length === 0 && <Empty text="未来 7 天没有可预约的时段，请过几天再来看看。" />}
          {days.length > 0 && (
            <Options
              id="book-day"
              label="选择日期"
              value={day}
              onChange={(d) => choose(d, null)}
              options={days.map((d) => ({
                value: d,
                label: formatDateCn(d),
                note: slots.some((s) => beijingDate(s.startAt) === d && !s.full) ? undefined : '已约满',
              }))}
            />
          )}
          {day && (
            <Options
              id="book-slot"
              label="选择时间"
              value={slotId}
              onChange={(slot) => choose(day, slot)}
              options={daySlots.map((s) => ({
                value: s.id,
                label: `${timeOf(s.startAt)}–${timeOf(s.endAt)}（${s.full ? '已约满' : `还剩 ${s.remaining} 个名额`}）`,
              }))}
            />
          )}
          {sub.errors.balance && <ErrorNote text={sub.errors.balance} />}
          {sub.failure && <ErrorNote text={sub.failure} cause={sub.cause} onRetry={book} />}
          <Button id="book-submit" onTap={book} loading={sub.busy} disabled={!chosen || chosen.full}>
            {chosen ? `预约（冻结 ${formatFen(service.priceFen)}）` : '请先选择日期和时间'}
          </Button>
        </View>
      )}
    </Page>
  )
}
