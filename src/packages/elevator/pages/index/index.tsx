import { View } from '@tarojs/components'
import { useLoad } from '@tarojs/taro'
import { getMyElevatorUnits } from '@/api/endpoints/elevator'
import { APPROVAL_TEXT, PARTICIPATION_TEXT } from '@/domain/elevator/thresholds'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Empty, Loaded, Section } from '@/ui/States'
import { tappable } from '@/ui/tappable'
import { useLoader } from '@/ui/useLoader'
import { FREE_STATUSES, STATUS_TAG, areaText, dateTimeOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { href, openPage, replacePage } from '@/ui/nav'
import { useSession } from '@/stores/session'

/** 加装电梯: my unit(s) and their petition; entry to start one when there is none. */
export default function ElevatorHome() {
  // Messages saved before links went to the petition page point here with ?petitionId=…: open that petition.
  useLoad((q) => {
    if (q?.petitionId) replacePage(href.elevator.petition({ id: q.petitionId }))
  })
  const { data, cause, loading, reload } = useLoader(getMyElevatorUnits)
  // Acting for a family member, the flats are theirs, not the proxy's.
  const actingFor = useSession((s) => s.actingFor)

  return (
    <Page requireLogin title="加装电梯">
      <View className="secondary">
        {`老旧小区加装电梯由本单元业主共同决定：参与的业主面积和人数都要达到 ${PARTICIPATION_TEXT}，参与者中同意的面积和人数都要达到 ${APPROVAL_TEXT}。`}
      </View>
      <Loaded of={{ data, cause, loading, reload }} />
      {data && !data.realNameBound && (
        <Empty
          text="请先完成实名认证，系统核对房产登记后才能查看本单元的加装电梯事项。"
          action="去实名认证"
          onAction={() => openPage(href.account.realName())}
        />
      )}
      {data && data.realNameBound && data.units.length === 0 && (
        <Empty text="房产登记中没有找到您名下的房屋。只有业主可以参与加装电梯表决；如有疑问请联系社区网格员。" />
      )}
      {data?.units.map((u) => {
        const p = u.petition
        const canStart = u.storeys >= 4 && (!p || FREE_STATUSES.includes(p.status))
        return (
          <Section key={u.unitId} title={u.label} id={`unit-${u.unitId}`}>
            <View className="ev-row">
              <View className="cell-title">
                {actingFor ? `${actingFor.name}的房屋` : '我的房屋'}：
                {u.myRooms.map((r) => `${r.name}（${r.floor} 层，${areaText(r.area)}）`).join('、')}
              </View>
              <View className="cell-note">
                本单元 {u.storeys} 层，共 {u.households} 户
              </View>
            </View>
            {p ? (
              <View
                id={`petition-${p.id}`}
                className="cell cell-link"
                {...tappable(undefined, () => openPage(href.elevator.petition({ id: p.id })), 'link')}
              >
                <View className="cell-main">
                  <View className="cell-title">加装电梯申请</View>
                  <View className={`tag ${STATUS_TAG[p.status]}`}>{p.statusText}</View>
                  {p.status === 'voting' && <View className="cell-note">表决截止：{dateTimeOf(p.votingDeadline)}</View>}
                  {p.viewer.mustConfirm && <View className="cell-note">邀请您作为联合发起人，请进入确认</View>}
                </View>
                <View className="cell-arrow" aria-hidden="true">
                  ›
                </View>
              </View>
            ) : (
              <View className="cell-note ev-row">本单元还没有加装电梯申请。</View>
            )}
            {canStart && (
              <Button id={`start-${u.unitId}`} onTap={() => openPage(href.elevator.start({ unitId: u.unitId }))}>
                发起加装电梯
              </Button>
            )}
            {u.storeys < 4 && <View className="cell-note ev-row">加装电梯适用于 4 层及以上、没有电梯的住宅。</View>}
          </Section>
        )
      })}
    </Page>
  )
}
