import { View } from '@tarojs/components'
import { useState } from 'react'
import { listCareOrders } from '@/api/endpoints/care-card'
import type { CareOrderDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { useWho } from '@/packages/care-card/components/useWho'
import { dateTimeCn, messageOf, ORDER_TAG, bookedByWords } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/** What the person can do next with an order, in words. */
export const nextStep = (o: CareOrderDto) =>
  o.canCancel
    ? '服务开始前可取消'
    : o.canRate
      ? '请确认并评价'
      : o.dispute?.status === 'open'
        ? '异议处理中'
        : o.canDispute
          ? `如有问题，${o.disputeUntil ? formatDateCn(o.disputeUntil) : ''}前可提出异议`
          : ''

/** My orders, newest first, status in words; tap one to cancel, rate or dispute. */
export default function Orders() {
  const who = useWho()
  const [more, setMore] = useState<CareOrderDto[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [moreError, setMoreError] = useState<unknown>(null)
  const { data, cause, loading, reload } = useLoader(async () => {
    const page = await listCareOrders()
    setMore([])
    setCursor(page.nextCursor)
    return page
  })
  const loadMore = async () => {
    if (!cursor) return
    setBusy(true)
    setMoreError(null)
    try {
      const page = await listCareOrders(cursor)
      setMore((m) => [...m, ...page.items])
      setCursor(page.nextCursor)
    } catch (e) {
      setMoreError(e)
    } finally {
      setBusy(false)
    }
  }
  const items = data ? [...data.items, ...more] : []
  return (
    <Page requireLogin title="我的预约">
      <View className="secondary">{who.self ? '我的服务预约' : `${who.name}的服务预约`}</View>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && items.length === 0 && (
        <Empty
          text="还没有预约。可以在“预约服务”中预约助餐、助浴等服务。"
          action="去预约服务"
          onAction={() => openPage(href.careCard.services())}
        />
      )}
      {items.length > 0 && (
        <View className="card">
          {items.map((o) => (
            <View
              key={o.id}
              id={`order-${o.id}`}
              className="cc-item"
              {...tappable(undefined, () => openPage(href.careCard.order({ id: o.id })), 'link')}
            >
              <View className="cell-title">
                {o.service.kindLabel} · {o.service.name}{' '}
                <View className={`tag ${ORDER_TAG[o.status]}`}>{o.statusText}</View>
              </View>
              <View className="cell-note">
                {dateTimeCn(o.startAt)} · {o.service.providerName} · {formatFen(o.priceFen)}
              </View>
              {o.bookedBy && (
                <View className="cell-note" id={`order-${o.id}-booked-by`}>
                  {bookedByWords(o.bookedBy)}
                  {o.channel === 'phone' ? ' · 电话预约 · 96345' : ''}
                </View>
              )}
              {nextStep(o) && <View className="cell-note">{nextStep(o)} ›</View>}
            </View>
          ))}
        </View>
      )}
      {!!moreError && <ErrorNote text={messageOf(moreError)} cause={moreError} onRetry={loadMore} />}
      {cursor && (
        <Button kind="secondary" loading={busy} onTap={loadMore}>
          加载更多
        </Button>
      )}
    </Page>
  )
}
