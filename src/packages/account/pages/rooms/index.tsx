import { View } from '@tarojs/components'
import { ROOM_ROLES, type RoomRole } from '@/domain/shared/values'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { bindRoom, listRooms } from '@/api'
import { useSession } from '@/stores/session'
import { goBack, href, replacePage } from '@/ui/nav'
import { Button } from '@/ui/Button'
import { Options } from '@/ui/Options'
import { Page } from '@/ui/Page'
import { Empty, ErrorNote, Loaded, Loading, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { useSubmission } from '@/ui/useSubmission'
import { useRowAction } from '@/ui/useRowAction'
import type { RoomBindingDto } from '@/domain/shared/contracts'

const ROLE_CHOICES: Record<RoomRole, { label: string; note?: string }> = {
  owner: { label: '我是业主', note: '按房产登记核对，面积以登记为准' },
  tenant: { label: '我是租户' },
  family: { label: '我是业主的家属' },
}
const ROLES = ROOM_ROLES.map((value) => ({ value, ...ROLE_CHOICES[value] }))
const ROLE_CN: Record<RoomRole, string> = { owner: '业主', tenant: '租户', family: '家属' }
const STATUS_TAG = {
  verified: ['已核实', 'tag-ok'],
  pending: ['待社区核实', 'tag-warn'],
  rejected: ['未通过', 'tag-bad'],
} as const

/** 我的房屋: each bound room with where it stands; a rejected one shows the reason and 重新申请. */
function MyRooms() {
  const mine = useLoader(async () => {
    await useSession.getState().refreshMe()
    return useSession.getState().me?.rooms ?? []
  })
  const rows = useRowAction()
  const again = (r: RoomBindingDto) =>
    rows.run(`again-${r.roomId}`, (key) => bindRoom(r.roomId, r.role, key), {
      row: r.roomId,
      confirm: { title: '重新申请核实', content: `${r.label}将重新提交社区核实。`, confirmText: '重新申请' },
      always: mine.reload,
    })
  return (
    <Section title="我的房屋" id="my-rooms">
      <Loaded of={mine} lines={1} empty="还没有绑定房屋。">
        {(list) =>
          list.map((r) => {
            const [word, tag] = STATUS_TAG[r.status ?? (r.verified ? 'verified' : 'pending')]
            const failure = rows.failure(r.roomId)
            return (
              <View key={r.roomId} className="cell" id={`my-room-${r.roomId}`}>
                <View className="cell-main">
                  <View className="cell-title">
                    {r.label} <View className={`tag ${tag}`}>{word}</View>
                  </View>
                  <View className="cell-note">
                    {ROLE_CN[r.role]}
                    {r.area ? ` · 登记面积 ${r.area.toFixed(2)} ㎡` : ''}
                    {r.status === 'rejected' ? `（${r.rejectedReason ?? '未说明原因'}）` : ''}
                  </View>
                  {failure && <ErrorNote text={failure.text} cause={failure.cause} />}
                  {r.status === 'rejected' && (
                    <Button
                      id={`again-${r.roomId}`}
                      kind="secondary"
                      loading={rows.busy === `again-${r.roomId}`}
                      onTap={() => void again(r)}
                    >
                      补齐材料后重新申请
                    </Button>
                  )}
                </View>
              </View>
            )
          })
        }
      </Loaded>
    </Section>
  )
}

/** Room binding: choose a room of the community and a role; owner and area come from the property register. */
export default function Rooms() {
  const me = useSession((s) => s.me)
  const rooms = useLoader(listRooms)
  const [roomId, setRoomId] = useState<string | null>(null)
  const [role, setRole] = useState<RoomRole>('owner')
  const { busy, errors, failure, cause, submit: run, clearError } = useSubmission()

  const submit = () =>
    run(
      () => ({ roomId: roomId ? '' : '请先选择房屋' }),
      (key) => bindRoom(roomId!, role, key),
      async (binding) => {
        await useSession.getState().refreshMe()
        await Taro.showModal({
          title: '绑定成功',
          content:
            binding.role === 'owner'
              ? `已按房产登记确认您是业主，登记面积 ${binding.area?.toFixed(2)} ㎡。`
              : '已绑定，社区核实后生效。',
          showCancel: false,
        })
        goBack(href.me())
      },
    )

  if (!me)
    return (
      <Page requireLogin backTo={href.me()}>
        <Loading />
      </Page>
    )
  if (!me.realName) {
    return (
      <Page requireLogin backTo={href.me()} title="绑定房屋">
        <Empty
          text="请先完成实名认证，再绑定房屋。"
          action="去实名认证"
          onAction={() => replacePage(href.account.realName())}
        />
      </Page>
    )
  }
  return (
    <Page requireLogin backTo={href.me()} title="绑定房屋">
      <MyRooms />
      <Loaded of={rooms} />
      {rooms.data && (
        <Section title={me.community.name}>
          <Options
            id="role"
            label="您的身份"
            options={ROLES}
            value={role}
            onChange={(r) => {
              setRole(r)
              clearError('roomId')
            }}
          />
          <Options
            id="room"
            label="选择房屋"
            options={rooms.data.map((r) => ({ value: r.roomId, label: r.label }))}
            value={roomId}
            onChange={(r) => {
              setRoomId(r)
              clearError('roomId')
            }}
          />
          {errors.roomId && (
            <View className="field-error" role="alert">
              ⚠ {errors.roomId}
            </View>
          )}
        </Section>
      )}
      {failure && <ErrorNote text={failure} cause={cause} onRetry={submit} />}
      <Button id="bind-room-submit" onTap={submit} loading={busy}>
        确认绑定
      </Button>
    </Page>
  )
}
