import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { getCareApplication, withdrawCareApplication } from '@/api/endpoints/care-card'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { Timeline } from '@/packages/care-card/components/Timeline'
import { APP_TAG, dateTimeCn, messageOf, proxyWords } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'
import '@/packages/care-card/feature.css'
import { href, openPage } from '@/ui/nav'

/**
 * Application detail: the timeline (who acted, the proxy), rejection reason → correct and resubmit, withdraw while
 * under review.
 */
export default function ApplicationDetail() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const { data: app, cause, loading, reload, set } = useLoader(() => getCareApplication(id))
  const rows = useRowAction()
  const busy = rows.busy !== null
  const failed = rows.failure('withdraw')
  const failure = failed && messageOf(failed.cause)

  const withdraw = () =>
    rows.run('withdraw', (key) => withdrawCareApplication(id, key), {
      confirm: {
        title: '撤回申请',
        content: '撤回后审核将停止，如需办理要重新提交申请。确定撤回吗？',
        confirmText: '确定撤回',
        cancelText: '不撤回',
      },
      done: set,
    })

  const underReview = app && (app.status === 'community_review' || app.status === 'street_review')
  return (
    <Page requireLogin title="申请进度">
      <Loaded of={{ data: app, cause, loading, reload }} />
      {app && (
        <View>
          <View className="cell-title" id="application-status">
            状态：<View className={`tag ${APP_TAG[app.status]}`}>{app.statusText}</View>
          </View>
          <View className="secondary">
            申请人：{app.applicant.name}
            {app.proxy ? `（${proxyWords(app.proxy)}）` : ''} · {app.communityName}
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
