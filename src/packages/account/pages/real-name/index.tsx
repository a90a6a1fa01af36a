import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { bindRealName } from '@/api'
import { parseResidentId } from '@/domain/shared/residentId'
import { useDraft } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { goBack } from '@/ui/nav'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { Page } from '@/ui/Page'
import { ErrorNote } from '@/ui/States'
import { idNumberProblem, useSubmission } from '@/ui/useSubmission'

/** Real-name binding: name + ID number, checked on the spot and against the register. */
export default function RealName() {
  const { value: form, update, clear: clearDraft } = useDraft('real-name', { name: '', idNumber: '' })
  const { busy, errors, failure, cause, submit: run, clearError } = useSubmission()

  const submit = () =>
    run(
      () => ({
        name: form.name.trim().length < 2 ? '请填写身份证上的姓名' : '',
        idNumber: idNumberProblem(parseResidentId, form.idNumber),
      }),
      (key) => bindRealName(form.name.trim(), form.idNumber, key),
      async (me) => {
        useSession.getState().setMe(me)
        clearDraft()
        await Taro.showToast({ title: '实名认证成功', icon: 'success' })
        goBack()
      },
    )

  return (
    <Page requireLogin title="实名认证">
      <View className="secondary">
        请填写本人身份证上的姓名和号码。号码只用于核对身份，页面上只显示前 3 位和后 4 位。
      </View>
      <Field
        id="real-name-name"
        label="姓名"
        value={form.name}
        onInput={(name) => {
          update({ name })
          clearError('name')
        }}
        error={errors.name}
        placeholder="如：王秀英"
        maxlength={20}
      />
      <Field
        id="real-name-id"
        label="身份证号码（18 位）"
        type="idcard"
        value={form.idNumber}
        onInput={(idNumber) => {
          update({ idNumber })
          clearError('idNumber')
        }}
        error={errors.idNumber}
      />
      {failure && <ErrorNote text={failure} cause={cause} onRetry={submit} />}
      <Button id="real-name-submit" onTap={submit} loading={busy}>
        提交认证
      </Button>
    </Page>
  )
}
