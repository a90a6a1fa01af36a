import { View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { bindRoom, errorMessage, listRooms, newIdempotencyKey } from '../../api'
import type { RoomOptionDto } from '../../domain/contracts'
import { useSession } from '../../stores/session'
import { Button } from '../../ui/Button'
import { Options } from '../../ui/Options'
import { Page } from '../../ui/Page'
import { ErrorNote, Loading, Section } from '../../ui/States'

type Role = 'owner' | 'tenant' | 'family'
const ROLES: { value: Role; label: string; note?: string }[] = [
  { value: 'owner', label: '我是业主', note: '按房产登记核对，面积以登记为准' },
  { value: 'tenant', label: '我是租户' },
  { value: 'family', label: '我是业主的家属' },
]

/** Room binding: choose a room of the community and a role; owner and area come from the property register. */
export default function Rooms() {
  const me = useSession((s) => s.me)
  const [rooms, setRooms] = useState<RoomOptionDto[] | null>(null)
  const [roomId, setRoomId] = useState<string | null>(null)
  const [role, setRole] = useState<Role>('owner')
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())
  const load = () => { setError(null); listRooms().then(setRooms, (e) => setError(errorMessage(e))) }
  useLoad(load)

  const submit = async () => {
    if (!roomId) { setError('请先选择房屋'); return }
    setBusy(true)
    setError(null)
    try {
      const binding = await bindRoom(roomId, role, key.current)
      await useSession.getState().refreshMe()
      await Taro.showModal({ title: '绑定成功', content: binding.role === 'owner' ? `已按房产登记确认您是业主，登记面积 ${binding.area?.toFixed(2)} ㎡。` : '已绑定，社区核实后生效。', showCancel: false })
      Taro.navigateBack().catch(() => Taro.switchTab({ url: '/pages/me/index' }))
    } catch (e) {
      key.current = newIdempotencyKey()
      setError(errorMessage(e))
    } finally {
      setBusy(false)
    }
  }

  if (!me) return <Page><Loading /></Page>
  return (
    <Page>
      <View className="page-title" role="heading" aria-level={1}>绑定房屋</View>
      {!me.realName && <ErrorNote text="请先完成实名认证，再绑定房屋。" onRetry={() => Taro.redirectTo({ url: '/pages/real-name/index' })} />}
      {!rooms && !error && <Loading />}
      {rooms && (
        <Section title={me.community.name}>
          <Options id="role" label="您的身份" options={ROLES} value={role} onChange={setRole} />
          <Options id="room" label="选择房屋" options={rooms.map((r) => ({ value: r.roomId, label: r.label }))} value={roomId} onChange={setRoomId} />
        </Section>
      )}
      {error && <ErrorNote text={error} />}
      <Button id="bind-room-submit" onTap={submit} loading={busy}>确认绑定</Button>
    </Page>
  )
}
