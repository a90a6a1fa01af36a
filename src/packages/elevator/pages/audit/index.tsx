import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { errorMessage } from '@/api'
import { listElevatorAuditLog } from '@/api/endpoints/elevator'
import type { ElevatorAuditEntryDto } from '@/domain/elevator/contracts'
import { BROKEN_WHY, checkOnDevice, type DeviceCheck } from '@/packages/elevator/components/deviceCheck'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'
import { CHANNEL_CN, CHOICE_CN, ROLE_CN, dateTimeOf, shortHash } from '@/packages/elevator/components/words'
import { receiptsOf, useReceipts } from '@/packages/elevator/store'
import '@/packages/elevator/feature.css'
import { href, openPage } from '@/ui/nav'

const PAGE = 20

/** The hash-chained ballot log, page by page, and "核对记录" against the receipts this device holds. */
export default function AuditPage() {
  const id = useRouter().params.id ?? ''
  const userId = useSession((s) => s.me?.id)
  const receipts = useReceipts((s) => receiptsOf(s, userId, id))
  const [cursor, setCursor] = useState<string | undefined>(undefined)
  const [history, setHistory] = useState<(string | undefined)[]>([])
  const { data, cause, loading, reload } = useLoader(() => listElevatorAuditLog(id, cursor, PAGE), [cursor])
  const [check, setCheck] = useState<DeviceCheck | null>(null)
  const rows = useRowAction()
  const checkError = rows.failure('verify')?.cause

  const turn = (next: string | undefined, back: boolean) => {
    setHistory((h) => (back ? h.slice(0, -1) : [...h, cursor]))
    setCursor(next)
  }
  const verify = () =>
    rows.run(
      'verify',
      () =>
        checkOnDevice(
          id,
          receipts.map((r) => ({ seq: r.seq, hash: r.hash })),
        ),
      { done: setCheck },
    )

  const who = (e: ElevatorAuditEntryDto) => `${e.actorName ?? '已注销用户'}（${ROLE_CN[e.actorRole]}）`
  return (
    <Page requireLogin title="表决记录">
      <View className="secondary">
        每一次投票、改票和代录都按顺序记录，每条记录的校验码都包含上一条，任何改动都会被发现。
      </View>

      <Section title="核对记录" id="verify">
        <View className="cell-note ev-row">
          本机保存了您的 {receipts.length}{' '}
          张回执。核对时，手机会下载全部记录，在本机逐条重新计算校验码，检查是否连续完整，并与您的回执比对，不依赖服务器的结论。换了手机的，回执在“消息”里的“表决回执”中，可以逐条对照。
        </View>
        {check && (
          <View
            className={check.check.ok && check.headMatches ? 'ev-result' : 'error-note'}
            id="verify-result"
            role="status"
          >
            <View className="ev-big">
              {check.check.ok
                ? check.headMatches
                  ? '本机核验：记录完整'
                  : '本机核验：最新记录与服务器公布的不一致'
                : `本机核验：第 ${check.check.brokenAt} 条${BROKEN_WHY[check.check.reason]}`}
            </View>
            <View className="cell-note">
              手机已重新计算全部 {check.entries} 条记录的校验码
              {check.check.ok && check.headMatches
                ? `，逐条相连无误${receipts.length ? `，您的 ${receipts.length} 张回执均一致` : ''}。`
                : '。请截图保存，并联系社区或街道。'}
            </View>
          </View>
        )}
        {!!checkError && <ErrorNote text={errorMessage(checkError)} cause={checkError} onRetry={verify} />}
        <Button id="verify-submit" onTap={verify} loading={rows.busy === 'verify'}>
          核对记录
        </Button>
      </Section>

      <Section title={data ? `全部记录（共 ${data.total} 条）` : '全部记录'} id="audit-list">
        <Loaded of={{ data, cause, loading, reload }} lines={4} />
        {data && data.items.length === 0 && <Empty text="还没有表决记录。表决开始后，每一张选票都会记录在这里。" />}
        {data?.items.map((e) => (
          <View key={e.seq} className="ev-row" id={`entry-${e.seq}`}>
            <View className="cell-title">
              第 {e.seq} 条 · {e.roomName} · {CHOICE_CN[e.choice]} · {CHANNEL_CN[e.channel]}
            </View>
            <View className="cell-note">
              {dateTimeOf(e.at)} · {who(e)} · {e.signatureKind === 'handwritten' ? '手写签名' : '输入姓名签名'}
              {e.photoRef ? ' · 附签字照片' : ''}
            </View>
            <View className="cell-note">校验码 {shortHash(e.hash)}</View>
          </View>
        ))}
      </Section>
      {data && (
        <View className="btn-row">
          {history.length > 0 && (
            <Button id="audit-prev" kind="secondary" onTap={() => turn(history[history.length - 1], true)}>
              上一页
            </Button>
          )}
          {data.nextCursor && (
            <Button id="audit-next" kind="secondary" onTap={() => turn(data.nextCursor!, false)}>
              下一页
            </Button>
          )}
        </View>
      )}
      <Button id="audit-cost" kind="secondary" onTap={() => openPage(href.elevator.cost({ id }))}>
        各户费用分摊表
      </Button>
    </Page>
  )
}
