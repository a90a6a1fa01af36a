import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, newIdempotencyKey } from '@/api'
import { getCareApplication, withdrawCareApplication } from '@/api/endpoints/care-card'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loading, Section } from '@/ui/States'
import { APP_TAG, dateTimeCn, messageOf, Timeline } from '@/packages/care-card/components/common'
import { useLoader } from '@/ui/useLoader'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/**
 * Application detail: the timeline (who acted, the proxy), rejection reason → correct and resubmit, withdraw while
 * under review.
 */
export default function ApplicationDetail() {
  useRequireLogin()
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: app, error, cause, loading, reload, set } = useLoader(() => getCareApplication(id))
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const key = useRef(newIdempotencyKey())

  const withdraw = async () => {
    const { confirm } = await Taro.showModal({
      title: '撤回申请',
      content: '撤回后审核将停止，如需办理要重新提交申请。确定撤回吗？',
      confirmText: '确定撤回',
      cancelText: '不撤回',
    })
    if (!confirm) return
    setBusy(true)
    setFailure(null)
    try {
      set(await withdrawCareApplication(id, key.current))
      key.current = newIdempotencyKey()
    } catch (e) {
      // Same key for a retry after no answer (the first try may have been saved); a new one after a refusal.
      if (!(e instanceof ApiError) || !e.retryable) key.current = newIdempotencyKey()
      setFailure(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const underReview = app && (app.status === 'community_review' || app.status === 'street_review')
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>
        申请进度
      </View>
      {loading && !app && <Loading />}
      {error && <ErrorNote text={error} cause={cause} onRetry={reload} />}
      {app && (
        <View>
          <View className="cell-title" id="application-status">
            状态：<View className={`tag ${APP_TAG[app.status]}`}>{app.statusText}</View>
          </View>
          <View className="secondary">
            申请人：{app.applicant.name}
            {app.proxy ? `（由 ${app.proxy.name} 代办）` : ''} · {app.communityName}
          </View>
          {app.status === 'approved' && app.activeFrom && (
            <View className="notice">
              审核已通过，爱心卡 {formatDateCn(app.activeFrom)} 起生效，每月 {formatFen(app.monthlyCreditFen)}。
            </View>
          )}
          {app.rejection && (
            <View className="notice" id="rejection">
              {app.rejection.stage === 'community' ? '社区初审' : '街道审核'}未通过（{app.rejection.by.name}，
              {dateTimeCn(app.rejection.at)}）：{app.rejection.reason}
            </View>
          )}
          <Section title="办理进度">
            <Timeline stages={app.stages} />
          </Section>
          <Section title="申请内容">
            <View className="cell-note">
              人群类别：{app.groupLabels.length ? app.groupLabels.join('、') : '无（按年龄）'}
            </View>
            <View className="cell-note">
              每月额度：{formatFen(app.monthlyCreditFen)}（{app.tierReason}）
            </View>
            <View className="cell-note">已交材料：{app.proofs.map((p) => p.label).join('、') || '无'}</View>
            <View className="cell-note">
              提交时间：{dateTimeCn(app.submittedAt)}
              {app.cycle > 1 ? `（第 ${app.cycle} 次提交）` : ''}
            </View>
          </Section>
          <Section title="全部记录">
            {app.history.map((h, i) => (
              <View key={i} className="cc-item">
                <View className="cell-title">{h.title}</View>
                <View className="cell-note">
                  {dateTimeCn(h.at)} · {h.actor.name}
                  {h.role === 'worker'
                    ? '（社区工作人员）'
                    : h.role === 'proxy'
                      ? `（为 ${app.applicant.name} 代办）`
                      : ''}
                </View>
                {h.note && <View className="cell-note">{h.note}</View>}
              </View>
            ))}
          </Section>
          {failure && <ErrorNote text={failure} />}
          {app.status === 'rejected' && (
            <Button id="application-resubmit" onTap={() => openPage(href.careCard.apply({ resubmit: app.id }))}>
              修改材料后重新提交
            </Button>
          )}
          {app.status === 'withdrawn' && (
            <Button id="application-again" onTap={() => openPage(href.careCard.apply())}>
              重新申请
            </Button>
          )}
          {underReview && (
            <Button id="application-withdraw" kind="danger" loading={busy} onTap={withdraw}>
              撤回申请
            </Button>
          )}
        </View>
      )}
    </Page>
  )
}
