import { View } from '@tarojs/components'
import { getMessageSettings, setMutedReminders } from '@/api/endpoints/message-settings'
import type { MessageSettingsDto } from '@/domain/shared/contracts'
import { REMINDER_KIND_LABELS } from '@/domain/shared/reminder-labels'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded } from '@/ui/States'
import { SwitchRow } from '@/ui/Switch'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'

/**
 * 我的 → 消息设置: each kind of reminder (deadlines, votes, appointments, credit…) on or off. Status
 * messages (a place admitted, a service booked) always come; only the scheduled reminders can be
 * turned off. Saved on the backend, so it holds on every device.
 */
export default function MessageSettings() {
  const settings = useLoader(getMessageSettings)
  const rows = useRowAction()
  const toggle = (s: MessageSettingsDto, kind: string, on: boolean) => {
    const muted = s.kinds.filter((k) => (k.kind === kind ? !on : !k.on)).map((k) => k.kind)
    void rows.run(`mute-${kind}`, (key) => setMutedReminders(muted, key), { row: kind, done: settings.set })
  }
  return (
    <Page requireLogin title="消息设置">
      <View className="secondary">
        到期前的提醒可以按类别关闭。办理结果的通知（如录取、预约成功）总会发送。夜间（21:00–8:00）不发提醒。
      </View>
      <Loaded of={settings} lines={6}>
        {(s) => (
          <View className="card">
            {s.kinds.map((k) => (
              <View key={k.kind}>
                <SwitchRow
                  id={`mute-${k.kind}`}
                  title={REMINDER_KIND_LABELS[k.kind]}
                  on={k.on}
                  onChange={(on) => toggle(s, k.kind, on)}
                />
                {rows.failure(k.kind) && <ErrorNote {...rows.failure(k.kind)!} />}
              </View>
            ))}
          </View>
        )}
      </Loaded>
    </Page>
  )
}
