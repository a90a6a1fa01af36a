import { View } from '@tarojs/components'
import { endSession, errorMessage, listSessions } from '@/api'
import type { SessionDto } from '@/domain/shared/contracts'
import { formatDateTimeCn } from '@/domain/shared/time'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useRowAction } from '@/ui/useRowAction'

/** A session's device in words: its own name when it gave one, else how it logged in. */
const deviceName = (s: SessionDto) => s.device || (s.method === 'wechat' ? '微信' : '演示登录')

/**
 * 登录设备: where the person is logged in (newest first, this device marked), and 退出该设备 for any
 * other one. A session ends by itself after 30 days unused, and 180 days after logging in.
 */
export default function Devices() {
  const loader = useLoader(listSessions)
  const rows = useRowAction()
  const end = (s: SessionDto) =>
    rows.run(`end-${s.id}`, (key) => endSession(s.id, key), {
      row: s.id,
      confirm: {
        title: '退出该设备',
        content: `${deviceName(s)} 上的登录会退出，需要重新登录才能使用。`,
        confirmText: '退出',
      },
      always: loader.reload,
    })
  return (
    <Page requireLogin title="登录设备">
      <View className="secondary">30 天不用会自动退出登录；登录满 180 天也需要重新登录。</View>
      <Loaded of={loader}>
        {(list) => (
          <Section title={`正在登录的设备（${list.length}）`}>
            {list.map((s) => (
              <View key={s.id} id={`session-${s.id}`}>
                {/* Title over its note (a side-by-side row squeezed the title to two characters in elder mode). */}
                <View className="cell">
                  <View className="cell-main">
                    <View className="cell-title">
                      {deviceName(s)}
                      {s.current ? '（本机）' : ''}
                    </View>
                    <View className="cell-note">
                      {s.method === 'wechat' ? '微信登录' : '演示登录'}，{formatDateTimeCn(s.createdAt)} 登录，最近使用{' '}
                      {formatDateTimeCn(s.lastSeenAt)}
                    </View>
                  </View>
                </View>
                {!s.current && (
                  <Button
                    kind="secondary"
                    id={`end-${s.id}`}
                    loading={rows.busy === `end-${s.id}`}
                    onTap={() => end(s)}
                  >
                    退出该设备
                  </Button>
                )}
                {!!rows.failure(s.id) && (
                  <ErrorNote
                    text={errorMessage(rows.failure(s.id))}
                    cause={rows.failure(s.id)}
                    onRetry={() => end(s)}
                  />
                )}
              </View>
            ))}
          </Section>
        )}
      </Loaded>
    </Page>
  )
}
