import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { listYpCheckinCodes } from '@/api/endpoints/youth-palace'
import { formatDateCn } from '@/domain/shared/time'
import { useRequireLogin } from '@/ui/auth'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { QrImage } from '@/ui/QrImage'
import { serverNow, useLoaded } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'

const ATTEND = { present: '已签到', absent: '缺课' } as const

/** Check-in code per session: one QR code at a time (the next session first), a list of sessions to switch. */
export default function Checkin() {
  useRequireLogin()
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
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        签到码
      </View>
      {title && <View className="secondary">{title}</View>}
      {codes.loading && !data && <Loading />}
      {codes.error && <ErrorNote text={codes.error} cause={codes.cause} onRetry={codes.reload} />}
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
            {current.attendance ? `本节：${ATTEND[current.attendance]}` : ''}
          </View>
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
              <View className="cell-value">
                {c.sessionDate === date ? '正在显示' : c.attendance ? ATTEND[c.attendance] : '点按显示'}
              </View>
            </View>
          ))}
        </Section>
      )}
    </Page>
  )
}
