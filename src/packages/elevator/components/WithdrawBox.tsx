import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { withdrawElevatorPetition } from '@/api/endpoints/elevator'
import { Button } from '@/ui/Button'
import { Field } from '@/ui/Field'
import { ErrorNote, Section } from '@/ui/States'
import { useSubmission } from '@/ui/useSubmission'

/**
 * For an initiator before the vote ends: withdraw the petition with a reason (asked to confirm; every
 * household that voted and the retrofit group are told). `done` reloads the page.
 */
export function WithdrawBox({ id, done }: { id: string; done: () => void }) {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const s = useSubmission()
  const submit = () =>
    s.submit(
      () => ({ reason: reason.trim().length >= 5 ? '' : '请用至少 5 个字说明撤回原因' }),
      (key) => withdrawElevatorPetition(id, reason.trim(), key),
      done,
      {
        confirm: async () =>
          (
            await Taro.showModal({
              title: '撤回加装电梯申请',
              content: '撤回后表决立即停止，已投的票不再计算结果，已表决的业主和发起小组都会收到通知。撤回后不能恢复。',
              confirmText: '确定撤回',
              cancelText: '再想想',
            })
          ).confirm,
      },
    )
  if (!open) {
    return (
      <Button id="withdraw-open" kind="secondary" onTap={() => setOpen(true)}>
        撤回申请
      </Button>
    )
  }
  return (
    <Section title="撤回申请" id="withdraw-box">
      <View className="cell-note ev-row">表决截止前，发起人或联合发起人可以撤回。请写明原因，已表决的业主会看到。</View>
      <Field
        id="withdraw-reason"
        label="撤回原因"
        value={reason}
        onInput={setReason}
        error={s.errors.reason}
        maxlength={200}
      />
      {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
      <View className="btn-row">
        <Button id="withdraw-submit" kind="danger" onTap={submit} loading={s.busy}>
          确定撤回
        </Button>
        <Button id="withdraw-cancel" kind="secondary" onTap={() => setOpen(false)}>
          不撤回
        </Button>
      </View>
    </Section>
  )
}
