import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { applyForCareCard, resubmitCareApplication } from '@/api/endpoints/care-card'
import type { CareApplicationDto, CareGroupDto, CareProofKindDto } from '@/domain/care-card/contracts'
import { CARE_PROOF_LABELS } from '@/domain/care-card/kinds'
import { formatFen } from '@/domain/shared/money'
import { useDraft } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { PhotoError, usePhotoTaker } from '@/ui/photo'
import { ErrorNote, Section } from '@/ui/States'
import { GroupChecks } from '@/packages/care-card/components/GroupChecks'
import { Result } from '@/packages/care-card/components/Result'
import { useWho } from '@/packages/care-card/components/useWho'
import { OpenApplicationNotice, useOpenApplication } from '@/packages/care-card/components/OpenApplication'
import { useSubmission } from '@/ui/useSubmission'
import '@/packages/care-card/feature.css'
import { goBack, href, replacePage } from '@/ui/nav'

/** Apply (or correct and resubmit): groups, a photo per group + household register, submit, result. */
export default function Apply() {
  const { params } = useRouter()
  const resubmitId = params.resubmit
  const who = useWho()
  const principal = useSession((s) => s.actingFor?.userId ?? s.me?.id ?? 'guest')
  // The proofs are uploaded when taken: the draft keeps their ids (by proof kind), so nothing is lost.
  const {
    value: form,
    update,
    clear: clearDraft,
    restored,
  } = useDraft(`care-card/apply:${principal}`, {
    groups: [] as CareGroupDto[],
    photos: {} as Record<string, string>,
  })
  const photos = form.photos ?? {}
  const camera = usePhotoTaker()
  const [taking, setTaking] = useState<string | null>(null)
  const [done, setDone] = useState<CareApplicationDto | null>(null)
  const sub = useSubmission()
  const openApp = useOpenApplication()
  const { errors, clearError } = sub

  const kinds: CareProofKindDto[] = ['household', ...form.groups]

  const take = async (kind: string) => {
    setTaking(kind)
    try {
      const { photoId } = await camera.take()
      update({ photos: { ...photos, [kind]: photoId } })
      clearError(`proof-${kind}`, 'proofs')
    } catch (e) {
      sub.setErrors((x) => ({
        ...x,
        [`proof-${kind}`]: e instanceof PhotoError ? e.message : '照片没有选好，请再试一次',
      }))
    } finally {
      setTaking(null)
    }
  }

  const submit = () =>
    sub.submit(
      () => Object.fromEntries(kinds.map((k) => [`proof-${k}`, photos[k] ? '' : `请拍摄${CARE_PROOF_LABELS[k]}`])),
      (key) => {
        const input = { groups: form.groups, proofs: kinds.map((k) => ({ kind: k, photoId: photos[k] })) }
        return resubmitId ? resubmitCareApplication(resubmitId, input, key) : applyForCareCard(input, key)
      },
      (app) => {
        clearDraft()
        setDone(app)
      },
      { notices: ['progress'] },
    )

  if (done) {
    return (
      <Page requireLogin backTo={href.careCard.index()}>
        <Result
          title="已提交，社区将在 5 个工作日内初审"
          lines={[
            `${done.applicant.name}的爱心卡申请已提交（每月 ${formatFen(done.monthlyCreditFen)}）。`,
            `社区初审后由街道审核（5 个工作日内），通过后次月 1 日起生效。进展会通过“消息”通知${who.self ? '您' : '您和家人'}。`,
          ]}
          actions={[
            {
              id: 'apply-view',
              text: '查看办理进度',
              kind: 'primary',
              onTap: () => replacePage(href.careCard.application({ id: done.id })),
            },
            { text: '返回爱心卡首页', onTap: () => goBack(href.careCard.index()) },
          ]}
        />
      </Page>
    )
  }

  if (!resubmitId && openApp) {
    return (
      <Page requireLogin backTo={href.careCard.index()} title="申请爱心卡">
        <OpenApplicationNotice app={openApp} name={who.self ? '您' : who.name} />
      </Page>
    )
  }

  return (
    <Page requireLogin backTo={href.careCard.index()} title={resubmitId ? '修改后重新提交' : '申请爱心卡'}>
      <View className="secondary">
        申请人：{who.name}
        {who.self ? '' : '（您代办）'}
      </View>
      {restored && (form.groups.length > 0 || Object.keys(photos).length > 0) && (
        <View className="notice">已恢复上次选择的人群类别和拍好的照片。</View>
      )}
      <GroupChecks
        id="apply-groups"
        label="已登记的人群类别（可多选，没有就不选）"
        value={form.groups}
        onChange={(groups) => {
          update({ groups })
          clearError('groups')
        }}
      />
      <Section title="证明材料（拍照上传）">
        <View className="cell-note">请拍清楚整页，照片会自动压缩。只用于本次审核。</View>
        <View className="cell-note" id="proof-kept">
          拍好的照片会随草稿保留一天，超过一天需要重新拍。
        </View>
        {kinds.map((k) => (
          <View key={k} className="cc-proof" id={`proof-row-${k}`}>
            <View className="cell-main">
              <View className="cell-title">{CARE_PROOF_LABELS[k]}</View>
              <View className={`tag ${photos[k] ? 'tag-ok' : 'tag-warn'}`}>{photos[k] ? '已拍摄' : '还没拍'}</View>
              {errors[`proof-${k}`] && (
                <View className="field-error" role="alert">
                  ⚠ {errors[`proof-${k}`]}
                </View>
              )}
            </View>
            <Button
              id={`proof-${k}`}
              kind="secondary"
              label={`${photos[k] ? '重拍' : '拍照'}：${CARE_PROOF_LABELS[k]}`}
              onTap={() => take(k)}
              loading={taking === k}
              disabled={camera.busy && taking !== k}
            >
              {photos[k] ? '重拍' : '拍照'}
            </Button>
          </View>
        ))}
      </Section>
      {(errors.proofs || errors.groups) && (
        <View className="field-error" role="alert">
          ⚠ {errors.proofs || errors.groups}
        </View>
      )}
      {sub.failure && <ErrorNote text={sub.failure} cause={sub.cause} onRetry={submit} />}
      <Button id="apply-submit" onTap={submit} loading={sub.busy}>
        提交申请
      </Button>
    </Page>
  )
}
