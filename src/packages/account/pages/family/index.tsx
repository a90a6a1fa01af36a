import { View } from '@tarojs/components'
import { FAMILY_RELATIONSHIPS } from '@/domain/shared/values'
import Taro, { useDidShow } from '@tarojs/taro'
import { confirmFamilyLink, declineFamilyLink, requestFamilyLink, revokeFamilyLink } from '@/api'
import { parseResidentId } from '@/domain/shared/residentId'
import { formatDateCn } from '@/domain/shared/time'
import { useDraft } from '@/stores/drafts'
import { useFamily } from '@/stores/family'
import { useSession } from '@/stores/session'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Section } from '@/ui/States'
import { useRowAction } from '@/ui/useRowAction'
import { idNumberProblem, useSubmission } from '@/ui/useSubmission'

const STATUS_CN = { pending: '待确认', confirmed: '已生效', declined: '已拒绝', revoked: '已撤销' } as const
const STATUS_TAG = { pending: 'tag-warn', confirmed: 'tag-ok', declined: 'tag-bad', revoked: 'tag-bad' } as const

/** Family links: ask to act for a family member, confirm or decline requests, revoke. */
export default function Family() {
  const { links, load, upsert, error: loadError } = useFamily()
  const actingFor = useSession((s) => s.actingFor)
  const {
    value: form,
    update,
    clear: clearDraft,
  } = useDraft('family-request', {
    principalName: '',
    principalIdNumber: '',
    relationship: '子女',
  })
  const { busy, errors, failure, cause, submit: run, clearError } = useSubmission()
  useDidShow(() => {
    load()
  })

  const submit = () =>
    run(
      () => ({
        principalName: form.principalName.trim().length < 2 ? '请填写家人的姓名' : '',
        principalIdNumber: idNumberProblem(parseResidentId, form.principalIdNumber),
      }),
      (key) =>
        requestFamilyLink(
          {
            principalName: form.principalName.trim(),
            principalIdNumber: form.principalIdNumber,
            relationship: form.relationship,
          },
          key,
        ),
      (link) => {
        upsert(link)
        clearDraft()
        Taro.showModal({
          title: '申请已发出',
          content: '请家人打开“现代社区”，在“我的 → 亲友代办”中确认。也可以带签字的授权书到社区办理。',
          showCancel: false,
        })
      },
      ['progress'],
    )

  const rows = useRowAction()
  /**
   * Confirms, declines or revokes a link (`action-<id>`): the button shows it is working, a failure is
   * said under the link with its reason, and the list is reloaded either way (an answer lost on the way
   * may hide a change that was made).
   */
  const act = (
    linkId: string,
    action: string,
    fn: (key: string) => Promise<unknown>,
    question?: { title: string; content: string },
  ) => rows.run(`${action}-${linkId}`, fn, { row: linkId, confirm: question, always: load })

  return (
    <Page requireLogin title="亲友代办">
      {loadError && <ErrorNote text={loadError} onRetry={load} />}
      <Section title="代办关系">
        {links.length === 0 && <Empty text="还没有代办关系。子女可以在下面申请为父母代办。" />}
        {links.map((l) => (
          <View key={l.id} className="cell" id={`link-${l.id}`}>
            <View className="cell-main">
              <View className="cell-title">
                {l.viewerSide === 'proxy'
                  ? `我为 ${l.principal.name} 代办`
                  : l.kind === 'worker'
                    ? `网格员 ${l.proxy.name} 为${l.viewerSide === 'principal' ? '我' : ` ${l.principal.name} `}代办`
                    : `${l.proxy.name} 为我代办`}
                （{l.relationship}）
              </View>
              {l.kind === 'worker' && (
                <View className="cell-note" id={`link-${l.id}-scope`}>
                  {l.scopeText} · 授权到 {l.endsOn ? formatDateCn(l.endsOn) : '—'} ·
                  凭老人签字的授权书，每次代办都会通知
                </View>
              )}
              <View className={`tag ${l.expired && l.status === 'confirmed' ? 'tag-bad' : STATUS_TAG[l.status]}`}>
                {l.expired && l.status === 'confirmed' ? '已过期' : STATUS_CN[l.status]}
              </View>
              {l.status === 'pending' && l.viewerSide === 'principal' && (
                <View className="btn-row">
                  <Button
                    id={`confirm-${l.id}`}
                    loading={rows.busy === `confirm-${l.id}`}
                    onTap={() =>
                      act(l.id, 'confirm', (key) => confirmFamilyLink(l.id, key), {
                        title: '同意代办',
                        content: `同意后，${l.proxy.name}可以用自己的微信为您申请和办理社区服务，所有操作都会记录。`,
                      })
                    }
                  >
                    同意
                  </Button>
                  <Button
                    kind="secondary"
                    id={`decline-${l.id}`}
                    loading={rows.busy === `decline-${l.id}`}
                    onTap={() => act(l.id, 'decline', (key) => declineFamilyLink(l.id, key))}
                  >
                    拒绝
                  </Button>
                </View>
              )}
              {(l.kind === 'worker'
                ? l.canRevoke
                : l.status === 'confirmed' || (l.status === 'pending' && l.viewerSide === 'proxy')) && (
                <Button
                  kind="danger"
                  id={`revoke-${l.id}`}
                  loading={rows.busy === `revoke-${l.id}`}
                  onTap={() =>
                    act(
                      l.id,
                      'revoke',
                      async (key) => {
                        await revokeFamilyLink(l.id, key)
                        if (actingFor?.userId === l.principal.userId) useSession.getState().setActingFor(null)
                      },
                      { title: '撤销代办', content: '撤销后将不能再代为办理。' },
                    )
                  }
                >
                  撤销
                </Button>
              )}
              {rows.failure(l.id) && (
                <ErrorNote text={`操作没有成功：${rows.failure(l.id)?.text}`} cause={rows.failure(l.id)?.cause} />
              )}
            </View>
          </View>
        ))}
      </Section>
      <Section title="申请为家人代办">
        <View className="cell-note">需要家人已在本小程序实名。填写家人的信息，家人确认后生效。</View>
        <Field
          id="family-name"
          label="家人姓名"
          value={form.principalName}
          onInput={(principalName) => {
            update({ principalName })
            clearError('principalName')
          }}
          error={errors.principalName}
          maxlength={20}
        />
        <Field
          id="family-id"
          label="家人身份证号码"
          type="idcard"
          value={form.principalIdNumber}
          onInput={(principalIdNumber) => {
            update({ principalIdNumber })
            clearError('principalIdNumber')
          }}
          error={errors.principalIdNumber}
        />
        <Options
          id="relationship"
          label="我是对方的"
          options={FAMILY_RELATIONSHIPS.map((r) => ({ value: r, label: r }))}
          value={form.relationship}
          onChange={(relationship) => update({ relationship })}
        />
        {failure && <ErrorNote text={failure} cause={cause} onRetry={submit} />}
        <Button id="family-submit" onTap={submit} loading={busy}>
          发送申请
        </Button>
      </Section>
    </Page>
  )
}
