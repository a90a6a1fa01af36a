import { Picker, View } from '@tarojs/components'
import Taro, { useLoad } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { bindRoom, errorMessage, listRooms, newIdempotencyKey } from '../../api'
import type { RoomOptionDto } from '../../domain/contracts'
import { useSession } from '../../stores/session'
import { Button } from '../../ui/Button'
import { Page } from '../../ui/Page'
import { ErrorNote, Loading, Section } from '../../ui/States'

const ROLES = [
  { value: 'owner', label: '我是业主（按房产登记核对）' },
  { value: 'tenant', label: '我是租户' },
  { value: 'family', label: '我是业主的家属' },
] as const

/** Room binding: choose a room of the community and a role; owner and area come from the property register. */
export default function Rooms() {
  const me = useSession((s) => s.me)
  const [rooms, setRooms] = useState<RoomOptionDto[] | null>(null)
  const [roomIndex, setRoomIndex] = useState(-1)
  const [roleIndex, setRoleIndex] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const key = useRef(newIdempotencyKey())
  const load = () => { setError(null); listRooms().then(setRooms, (e) => setError(errorMessage(e))) }
  useLoad(load)

  const submit = async () => {
    if (!rooms || roomIndex < 0) { setError('请先选择房屋'); return }
    setBusy(true)
    setError(null)
    try {
      const binding = await bindRoom(rooms[roomIndex].roomId, ROLES[roleIndex].value, key.current)
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
          <Picker mode="selector" range={rooms.map((r) => r.label)} value={Math.max(0, roomIndex)} onChange={(e) => setRoomIndex(Number(e.detail.value))}>
            <View id="room-picker" className="cell cell-link" role="button" aria-label="选择房屋">
              <View className="cell-main"><View className="cell-title">房屋</View></View>
              <View className="cell-value">{roomIndex >= 0 ? rooms[roomIndex].label : '请选择'}</View>
            </View>
          </Picker>
          <Picker mode="selector" range={ROLES.map((r) => r.label)} value={roleIndex} onChange={(e) => setRoleIndex(Number(e.detail.value))}>
            <View id="role-picker" className="cell cell-link" role="button" aria-label="选择身份">
              <View className="cell-main"><View className="cell-title">身份</View></View>
              <View className="cell-value">{ROLES[roleIndex].label}</View>
            </View>
          </Picker>
        </Section>
      )}
      {error && <ErrorNote text={error} />}
      <Button id="bind-room-submit" onTap={submit} loading={busy}>确认绑定</Button>
    </Page>
  )
}
