import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useEffect, useRef, useState } from 'react'
import { errorMessage, newIdempotencyKey } from '@/api'
import { listElevatorAuditLog, verifyElevatorReceipts } from '@/api/endpoints/elevator'
import type { ElevatorAuditEntryDto, ElevatorVerifyDto } from '@/domain/elevator/contracts'
import { useSession } from '@/stores/session'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loading, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { CHANNEL_CN, CHOICE_CN, ROLE_CN, dateTimeOf, shortHash } from '@/packages/elevator/components/words'
import { receiptsOf, useReceipts } from '@/packages/elevator/store'
import '@/packages/elevator/feature.css'
import { href, openPage } from '@/ui/nav'

const PAGE = 20

/** The hash-chained ballot log, page by page, and "核对记录" against the receipts this device holds. */
export default function AuditPage() {
  useRequireLogin()
  const id = useRouter().params.id ?? ''
  const userId = useSession((s) => s.me?.id)
  const receipts = useReceipts((s) => receiptsOf(s, userId, id))
  const [cursor, setCursor] = useState<string | undefined>(undefined)
  const [history, setHistory] = useState<(string | undefined)[]>([])
  const { data, error, cause, loading, reload } = useLoader(() => listElevatorAuditLog(id, cursor, PAGE))
  const [check, setCheck] = useState<ElevatorVerifyDto | null>(null)
  const [checkError, setCheckError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const turn = (next: string | undefined, back: boolean) => {
    setHistory((h) => (back ? h.slice(0, -1) : [...h, cursor]))
    setCursor(next)
  }
  const first = useRef(true)
  useEffect(() => {
    if (first.current) {
      first.current = false
      return
    }
    reload()
  }, [cursor, reload])

  const verify = async () => {
    setBusy(true)
    setCheckError(null)
    try {
      setCheck(
        await verifyElevatorReceipts(
          id,
          receipts.map((r) => ({ seq: r.seq, hash: r.hash })),
          key.current,
        ),
      )
    } catch (e) {
      setCheckError(e)
    } finally {
      key.current = newIdempotencyKey()
      setBusy(false)
    }
  }

  const who = (e: ElevatorAuditEntryDto) => `${e.actorName ?? '已注销用户'}（${ROLE_CN[e.actorRole]}）`
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        表决记录
      </View>
      <View className="secondary">
        每一次投票、改票和代录都按顺序记录，每条记录的校验码都包含上一条，任何改动都会被发现。
      </View>

      <Section title="核对记录" id="verify">
        <View className="cell-note ev-row">
          本机保存了您的 {receipts.length} 张回执。核对会检查全部记录是否连续完整，并与您的回执比对。
        </View>
        {check && (
          <View className={check.check.ok ? 'ev-result' : 'error-note'} id="verify-result" role="status">
            <View className="ev-big">
              {check.check.ok ? '记录完整' : `记录在第 ${check.check.ok ? '' : check.check.brokenAt} 条处不一致`}
            </View>
            <View className="cell-note">{check.message}</View>
          </View>
        )}
        {!!checkError && <ErrorNote text={errorMessage(checkError)} cause={checkError} onRetry={verify} />}
        <Button id="verify-submit" onTap={verify} loading={busy}>
          核对记录
        </Button>
      </Section>

      <Section title={data ? `全部记录（共 ${data.total} 条）` : '全部记录'} id="audit-list">
        {loading && !data && <Loading lines={4} />}
        {error && <ErrorNote text={error} cause={cause} onRetry={reload} />}
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
