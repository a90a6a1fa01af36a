import { View } from '@tarojs/components'
import { useEffect, useRef, useState } from 'react'
import { getCareCard } from '@/api/endpoints/care-card'
import type { CareLedgerEntryDto } from '@/domain/care-card/contracts'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useWho } from '@/packages/care-card/components/useWho'
import { dateTimeCn, messageOf } from '@/packages/care-card/components/words'
import { QrImage } from '@/ui/QrImage'
import { useLoader } from '@/ui/useLoader'
import { serverNow } from '@/ui/serverNow'
import '@/packages/care-card/feature.css'

const KIND_CN: Record<CareLedgerEntryDto['kind'], string> = {
  issue: '发放',
  hold: '预约冻结',
  release: '取消退回',
  charge: '服务扣款',
  refund: '异议退款',
  lapse: '年底清零',
}

/**
 * A ledger line's amount: +¥ or −¥ by its effect on the spendable balance. A charge settles what the
 * booking already held (its −¥ line), so it changes nothing spendable: its amount is shown without a
 * sign, and said so, never as +¥0.00.
 */
function Amount({ e }: { e: CareLedgerEntryDto }) {
  if (e.signedFen === 0) return <View className="cc-amount-minus">{formatFen(e.amountFen)}</View>
  return (
    <View className={e.signedFen > 0 ? 'cc-amount-plus' : 'cc-amount-minus'}>
      {e.signedFen > 0 ? '+' : '−'}
      {formatFen(Math.abs(e.signedFen))}
    </View>
  )
}

/**
 * Calls `refresh` when the payment code expiring at `expiresAt` (ISO) has rotated (the backend's clock, a
 * second after; at least 5 s from now). Nothing when there is no code.
 */
function useRotate(expiresAt: string | undefined, refresh: () => unknown) {
  const latest = useRef(refresh)
  latest.current = refresh
  useEffect(() => {
    if (!expiresAt) return
    let timer: ReturnType<typeof setTimeout> | undefined
    let live = true
    void serverNow().then((now) => {
      if (live) timer = setTimeout(() => latest.current(), Math.max(5_000, Date.parse(expiresAt) - now + 1_000))
    })
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [expiresAt])
}

/** Card: balance, pay code (QR and its 8 digits, renewed as it rotates) and the ledger, newest first, paged. */
export default function Card() {
  const who = useWho()
  const {
    data: card,
    cause,
    loading,
    reload,
  } = useLoader(async () => {
    const c = await getCareCard()
    setMore([])
    setCursor(c.ledger.nextCursor)
    return c
  })
  const [more, setMore] = useState<CareLedgerEntryDto[]>([])
  const [cursor, setCursor] = useState<string | null>(null)
  const [moreError, setMoreError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)

  const loadMore = async () => {
    if (!cursor) return
    setBusy(true)
    setMoreError(null)
    try {
      const next = await getCareCard(cursor)
      setMore((m) => [...m, ...next.ledger.items])
      setCursor(next.ledger.nextCursor)
    } catch (e) {
      setMoreError(e)
    } finally {
      setBusy(false)
    }
  }

  useRotate(card?.paymentCode?.expiresAt, reload)
  const entries = card ? [...card.ledger.items, ...more] : []
  return (
    <Page requireLogin title="爱心卡余额">
      <View className="secondary">{who.self ? '我的爱心卡' : `${who.name}的爱心卡`}</View>
      <Loaded of={{ data: card, cause, loading, reload }} />
      {card && (
        <View>
          <View className="cc-hero">
            <View className="cc-hero-label">可用余额</View>
            <View className="cc-hero-amount" id="card-balance">
              {formatFen(card.balanceFen)}
            </View>
            <View className="cell-note">
              本月发放 {formatFen(card.thisMonth.issuedFen)}，本月已用 {formatFen(card.thisMonth.spentFen)}
              {card.heldFen > 0 ? `，预约冻结 ${formatFen(card.heldFen)}` : ''}
            </View>
            <View className="cell-note">
              {card.year.year} 年共发放 {formatFen(card.year.issuedFen)}；未用完的额度在 {formatDateCn(card.lapsesOn)}{' '}
              后清零
            </View>
          </View>
          <Section title="付款码" id="pay-section">
            {card.paymentCode ? (
              <View>
                <QrImage
                  id="pay-code"
                  className="cc-qr"
                  wrapClassName="cc-qr-wrap"
                  text={card.paymentCode.payload}
                  label="付款码"
                />
                <View className="cc-pay-digits" id="pay-digits" aria-label={`付款码数字 ${card.paymentCode.code}`}>
                  {card.paymentCode.code.slice(0, 4)} {card.paymentCode.code.slice(4)}
                </View>
                <View className="cell-note">
                  在服务点出示此码，或把这 8 位数字报给服务人员。{dateTimeCn(card.paymentCode.expiresAt).slice(-5)}{' '}
                  后自动更新，每个码只能用一次，请勿截图给他人。
                </View>
                <Button kind="secondary" id="pay-refresh" onTap={reload}>
                  刷新付款码
                </Button>
              </View>
            ) : (
              <Empty text={`爱心卡 ${formatDateCn(card.activeFrom)} 起生效，生效后这里会显示付款码。`} />
            )}
          </Section>
          <Section title="明细" id="ledger">
            {entries.length === 0 && <Empty text="还没有明细。每月 1 日发放额度后会显示在这里。" />}
            {entries.map((e) => (
              <View key={e.id} className="cc-item">
                <View className="cell-title">
                  {KIND_CN[e.kind]} <Amount e={e} />
                </View>
                {e.signedFen === 0 && (
                  <View className="cell-note">预约时已冻结，这次从冻结的金额中扣款，可用余额不变</View>
                )}
                <View className="cell-note">
                  {dateTimeCn(e.at)}
                  {e.note ? ` · ${e.note}` : ''}
                </View>
              </View>
            ))}
            {!!moreError && <ErrorNote text={messageOf(moreError)} cause={moreError} onRetry={loadMore} />}
            {cursor && (
              <Button id="ledger-more" kind="secondary" loading={busy} onTap={loadMore}>
                加载更多
              </Button>
            )}
            {!cursor && entries.length > 0 && <View className="cell-note">共 {card.ledger.total} 条，已全部显示</View>}
          </Section>
        </View>
      )}
    </Page>
  )
}
