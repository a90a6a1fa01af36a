import { Image, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { getCareApplicationImage, getWorkerCareApplication, reviewCareApplication } from '@/api/endpoints/care-card'
import { formatFen } from '@/domain/shared/money'
import { formatDateCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { Result } from '@/packages/care-card/components/Result'
import { Timeline } from '@/packages/care-card/components/Timeline'
import { APP_TAG, dateTimeCn, messageOf } from '@/packages/care-card/components/words'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { isWorkerNow, WorkerOnly } from '@/ui/WorkerOnly'
import '@/packages/care-card/feature.css'
import { goBack, href } from '@/ui/nav'

/**
 * A proof photo as an image source. WeChat: written to a local file (a data URL of up to 270 KB would
 * go through setData); falls back to a data URL where the file system is not available. H5: data URL.
 * `contentType`: the kind the server recorded at upload (JPEG, PNG or WebP).
 */
function imageSrc(imageId: string, base64: string, contentType = 'image/jpeg'): string {
  if (process.env.TARO_ENV === 'weapp') {
    try {
      const ext = contentType === 'image/png' ? 'png' : contentType === 'image/webp' ? 'webp' : 'jpg'
      const path = `${(Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH}/care-${imageId}.${ext}`
      const fs = Taro.getFileSystemManager() as unknown as { writeFileSync?: (p: string, d: string, e: string) => void }
      if (fs.writeFileSync) {
        fs.writeFileSync(path, base64, 'base64')
        return path
      }
    } catch {
      /* fall back to a data URL */
    }
  }
  return `data:${contentType};base64,${base64}`
}

/** Review one application at its current stage (社区初审 / 街道审核): materials, approve, or reject with a reason. */
export default function WorkerReview() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const {
    data: app,
    cause,
    loading,
    reload,
    set,
  } = useLoader(async () => (isWorkerNow() ? getWorkerCareApplication(id) : null))
  const [shown, setShown] = useState<{ imageId: string; label: string; src: string } | null>(null)
  const [photoError, setPhotoError] = useState<string | null>(null)
  const [reason, setReason] = useState('')
  const [deciding, setDeciding] = useState<'approve' | 'reject' | null>(null)
  const [done, setDone] = useState<string | null>(null)
  // One key per decision: a 通过 retried after no answer is never replayed as 不通过 (or back).
  const review = useSubmission()

  const stage = app?.status === 'community_review' ? 'community' : app?.status === 'street_review' ? 'street' : null
  const stageName = stage === 'community' ? '社区初审' : '街道审核'

  const show = async (imageId: string, label: string) => {
    setPhotoError(null)
    try {
      const img = await getCareApplicationImage(id, imageId)
      setShown({ imageId, label, src: imageSrc(imageId, img.base64, img.contentType) })
    } catch (e) {
      setPhotoError(messageOf(e))
    }
  }

  const decide = async (decision: 'approve' | 'reject') => {
    if (!app || !stage || review.busy) return
    setDeciding(decision)
    await review.submit(
      () => ({
        reason:
          decision === 'reject' && reason.trim().length < 4 ? '请写明不通过的原因和需要补充的材料（至少 4 个字）' : '',
      }),
      (key) => reviewCareApplication(id, { stage, decision, reason: reason.trim() || undefined }, key),
      (next) => {
        set(next)
        setReason('')
        setDone(
          decision === 'reject'
            ? `已退回，申请人会收到原因：${next.rejection?.reason ?? ''}`
            : next.status === 'approved'
              ? `审核通过，爱心卡 ${next.activeFrom ? formatDateCn(next.activeFrom) : '次月 1 日'} 起生效。`
              : '社区初审已通过，已转街道审核。',
        )
      },
      {
        action: decision,
        confirm: async () =>
          (
            await Taro.showModal(
              decision === 'approve'
                ? {
                    title: `${stageName}通过`,
                    content:
                      stage === 'community'
                        ? '通过后转街道审核。'
                        : `通过后爱心卡次月 1 日起生效，每月 ${formatFen(app.monthlyCreditFen)}。`,
                    confirmText: '确认通过',
                  }
                : {
                    title: `${stageName}不通过`,
                    content: '申请人会收到原因，可修改后重新提交。',
                    confirmText: '确认退回',
                  },
            )
          ).confirm,
      },
    )
  }
  const busy = review.busy ? deciding : null

  if (done && app) {
    return (
      <WorkerOnly>
        <Page requireLogin backTo={href.careCard.worker()}>
          <Result
            title={`${app.applicant.name}：${app.statusText}`}
            lines={[done]}
            actions={[
              ...(app.status === 'street_review'
                ? [
                    {
                      id: 'review-next-stage',
                      text: '继续街道审核',
                      kind: 'primary' as const,
                      onTap: () => setDone(null),
                    },
                  ]
                : []),
              {
                id: 'review-back',
                text: '返回待审核列表',
                onTap: () => goBack(href.careCard.worker()),
              },
            ]}
          />
        </Page>
      </WorkerOnly>
    )
  }

  return (
    <WorkerOnly>
      <Page requireLogin backTo={href.careCard.worker()} title="审核申请">
        <Loaded of={{ data: app, cause, loading, reload }} />
        {app && (
          <View>
            <View className="cell-title">
              {app.applicant.name}（{app.applicantAge} 岁）{' '}
              <View className={`tag ${APP_TAG[app.status]}`}>{app.statusText}</View>
              {app.overdue && <View className="tag tag-bad">已超期</View>}
            </View>
            <View className="secondary">
              身份证 {app.applicantIdMasked}
              {app.proxy ? ` · 由 ${app.proxy.name} 代办` : ''}
            </View>
            {app.dueDate && (
              <View className="notice">
                请在 {formatDateCn(app.dueDate)} 前完成{stageName}。
              </View>
            )}
            <Section title="申请内容">
              <View className="cell-note">
                人群类别：{app.groupLabels.length ? app.groupLabels.join('、') : '无（按年龄）'}
              </View>
              <View className="cell-note">
                每月额度：{formatFen(app.monthlyCreditFen)}（{app.tierReason}）
              </View>
              <View className="cell-note">
                提交时间：{dateTimeCn(app.submittedAt)}
                {app.cycle > 1 ? `（第 ${app.cycle} 次提交）` : ''}
              </View>
            </Section>
            <Section title="证明材料" id="materials">
              {app.proofs.map((p) => (
                <View key={p.imageId} className="cc-proof">
                  <View className="cell-main">
                    <View className="cell-title">{p.label}</View>
                  </View>
                  <Button
                    id={`proof-view-${p.kind}`}
                    kind="secondary"
                    label={`查看：${p.label}`}
                    onTap={() => show(p.imageId, p.label)}
                  >
                    查看
                  </Button>
                </View>
              ))}
              {photoError && <ErrorNote text={photoError} />}
              {shown && <Image className="cc-photo" src={shown.src} mode="aspectFit" aria-label={shown.label} />}
            </Section>
            <Section title="办理进度">
              <Timeline stages={app.stages} />
            </Section>
            {stage && (
              <Section title={stageName} id="decision">
                <Field
                  id="review-reason"
                  label="审核意见（不通过时必填）"
                  value={reason}
                  onInput={(v) => {
                    setReason(v)
                    review.clearError('reason')
                  }}
                  error={review.errors.reason || undefined}
                  maxlength={300}
                  placeholder="例如：低保证明照片不清楚，请重新拍摄"
                />
                {review.failure && <ErrorNote text={review.failure} />}
                <Button
                  id="review-approve"
                  loading={busy === 'approve'}
                  onTap={() => decide('approve')}
                >{`${stageName}通过`}</Button>
                <Button id="review-reject" kind="danger" loading={busy === 'reject'} onTap={() => decide('reject')}>
                  不通过，退回修改
                </Button>
              </Section>
            )}
          </View>
        )}
      </Page>
    </WorkerOnly>
  )
}
