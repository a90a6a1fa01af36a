import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError, bindRealName, errorMessage, newIdempotencyKey } from '../../api'
import { parseResidentId } from '../../domain/residentId'
import { useDraft } from '../../stores/drafts'
import { useSession } from '../../stores/session'
import { Button } from '../../ui/Button'
import { Field } from '../../ui/Field'
import { Page } from '../../ui/Page'
import { ErrorNote } from '../../ui/States'

/** Real-name binding: name + ID number, checked on the spot and against the register. */
export default function RealName() {
  const [form, update, clearDraft] = useDraft('real-name', { name: '', idNumber: '' })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())

  const submit = async () => {
    const errs: Record<string, string> = {}
    if (form.name.trim().length < 2) errs.name = '请填写身份证上的姓名'
    try { parseResidentId(form.idNumber) } catch (e) { errs.idNumber = (e as Error).message }
    setErrors(errs)
    setFailure(null)
    if (Object.keys(errs).length) return
    setBusy(true)
    try {
      const me = await bindRealName(form.name.trim(), form.idNumber, key.current)
      useSession.getState().setMe(me)
      clearDraft()
      await Taro.showToast({ title: '实名认证成功', icon: 'success' })
      Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))
    } catch (e) {
      key.current = newIdempotencyKey()
      if (e instanceof ApiError && Object.keys(e.fields).length) setErrors(e.fields)
      else setFailure(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>实名认证</View>
      <View className="secondary">请填写本人身份证上的姓名和号码。号码只用于核对身份，页面上只显示前 3 位和后 4 位。</View>
      <Field id="real-name-name" label="姓名" value={form.name} onInput={(name) => update({ name })} error={errors.name} placeholder="如：王秀英" maxlength={20} />
      <Field id="real-name-id" label="身份证号码（18 位）" type="idcard" value={form.idNumber} onInput={(idNumber) => update({ idNumber })} error={errors.idNumber} maxlength={18} />
      {failure && <ErrorNote text={failure} onRetry={submit} />}
      <Button id="real-name-submit" onTap={submit} loading={busy}>提交认证</Button>
    </Page>
  )
}
