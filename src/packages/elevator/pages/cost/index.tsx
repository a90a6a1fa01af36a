import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { getElevatorCostTable } from '@/api/endpoints/elevator'
import { formatFen } from '@/domain/shared/money'
import { useRequireLogin } from '@/ui/auth'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { ErrorNote, Loading, Section } from '@/ui/States'
import { KV } from '@/packages/elevator/components/KV'
import { useLoader } from '@/ui/useLoader'
import { areaText, dateOf } from '@/packages/elevator/components/words'
import '@/packages/elevator/feature.css'
import { goBack, href, openPage } from '@/ui/nav'

/** The whole unit's cost-sharing table: every flat's floor, area, coefficient, share; total = net cost. */
export default function CostPage() {
  useRequireLogin()
  const id = useRouter().params.id ?? ''
  const { data, error, cause, loading, reload } = useLoader(() => getElevatorCostTable(id))
  return (
    <Page backTo={href.elevator.petition({ id })}>
      <View className="page-title" role="heading" aria-level={1}>
        费用分摊表
      </View>
      {loading && !data && <Loading lines={6} />}
      {error && <ErrorNote text={error} cause={cause} onRetry={reload} />}
      {data && (
        <View>
          <View className="secondary">{data.unitLabel}</View>
          <Section title="费用" id="cost-plan">
            <KV label="工程预算" value={formatFen(data.plan.budgetFen)} />
            <KV label="补助" value={formatFen(data.plan.subsidiesFen)} />
            <KV label="业主分摊合计（净费用）" value={formatFen(data.plan.netCostFen)} />
            <KV label="每年维护费用" value={formatFen(data.plan.yearlyMaintenanceFen)} />
          </Section>
          <Section title="各户分摊" id="cost-rows">
            {data.rows.map((r) => (
              <View key={r.householdId} className="ev-row" id={`cost-${r.householdId}`}>
                <View className="cell-title">
                  {r.roomName}：{formatFen(r.shareFen)}
                </View>
                <View className="cell-note">
                  {r.floor} 层 · {areaText(r.area)} · 系数 {r.coefficient} · 每年维护 {formatFen(r.maintenanceShareFen)}
                </View>
              </View>
            ))}
            <View className="ev-row ev-total" id="cost-total">
              <View className="cell-title">
                合计 {formatFen(data.totalShareFen)}（= 净费用 {formatFen(data.plan.netCostFen)}）
              </View>
              <View className="cell-note">
                总面积 {areaText(data.totalArea)} · 每年维护合计 {formatFen(data.totalMaintenanceFen)}
              </View>
            </View>
          </Section>
          <Section title="低层住户补偿" id="compensation">
            {data.compensation ? (
              <View className="ev-row">
                <View className="cell-title">
                  {formatFen(data.compensation.amountFen)}：{data.compensation.text}
                </View>
                <View className="cell-note">
                  {data.compensation.recordedByName ?? '已注销用户'} 记录于 {dateOf(data.compensation.recordedAt)}
                  （不计入上表分摊）
                </View>
              </View>
            ) : (
              <View className="cell-note ev-row">暂未约定低层补偿。</View>
            )}
          </Section>
          <Section title="计算方法">
            <View className="cell-note ev-row">{data.rule}</View>
          </Section>
          <Button id="cost-audit" kind="secondary" onTap={() => openPage(href.elevator.audit({ id }))}>
            表决记录与核对
          </Button>
          <Button id="cost-back" kind="secondary" onTap={() => goBack(href.elevator.petition({ id }))}>
            返回
          </Button>
        </View>
      )}
    </Page>
  )
}
