import { View } from '@tarojs/components'
import type { MeterRatio } from '@/domain/elevator/meter'
import { fractionText } from '@/domain/elevator/thresholds'
import type { ElevatorMeterDto } from '@/domain/elevator/contracts'
import { areaText, dateTimeOf } from './words'

const pct = (r: MeterRatio) => (r.value.den > 0 ? Math.min(100, (r.value.num * 100) / r.value.den) : 0)
const thresholdText = (r: MeterRatio) => fractionText(r.threshold)

/** One ratio: label, numbers, a bar with the threshold mark, and whether it is reached in words. */
function Ratio({
  id,
  label,
  r,
  unit,
  of,
}: {
  id: string
  label: string
  r: MeterRatio
  unit: 'area' | 'owners'
  of: string
}) {
  const fmt = (n: number) => (unit === 'area' ? areaText(n / 100) : `${n} 人`)
  const p = pct(r)
  return (
    <View className="ev-ratio" id={id}>
      <View className="ev-ratio-head">
        <View className="cell-title">{label}</View>
        <View className={`tag ${r.met ? 'tag-ok' : 'tag-warn'}`}>
          {r.met ? `已达 ${thresholdText(r)}` : `未达 ${thresholdText(r)}`}
        </View>
      </View>
      <View className="cell-note">
        {r.value.den > 0
          ? `${fmt(r.value.num)}，占${of} ${fmt(r.value.den)} 的 ${p.toFixed(1)}%；需达到 ${thresholdText(r)}`
          : `尚无${of}，需达到 ${thresholdText(r)}`}
      </View>
      <View className="ev-bar" aria-hidden="true">
        <View className={`ev-bar-fill ${r.met ? 'ev-bar-met' : ''}`} style={{ width: `${p}%` }} />
        <View className="ev-bar-mark" style={{ left: `${(r.threshold.num * 100) / r.threshold.den}%` }} />
      </View>
    </View>
  )
}

/** The live meter: the four Civil Code art. 278 ratios against their thresholds, with the status in words. */
export function Meter({ m }: { m: ElevatorMeterDto }) {
  const { meter } = m
  // Withdrawn: the tally as it stood, with no verdict in words (it is not a failed vote).
  const w = m.withdrawal
  return (
    <View className="ev-meter" id="meter">
      {w && (
        <View className="notice" id="meter-withdrawn">
          已撤回：发起人于 {dateTimeOf(w.at)} 撤回了申请，表决停止，以下是撤回时的计票，不产生表决结果（不是“未通过”）。
        </View>
      )}
      <View className="ev-meter-status" id="meter-participation">
        <View className="cell-note">参与（需面积和人数都达到 {thresholdText(meter.participationOwners)}）</View>
        {!w && <View className="ev-status-text">{meter.participationStatus}</View>}
      </View>
      <Ratio id="ratio-p-owners" label="参与人数" r={meter.participationOwners} unit="owners" of="全体业主" />
      <Ratio id="ratio-p-area" label="参与面积" r={meter.participationArea} unit="area" of="总面积" />
      <View className="ev-meter-status" id="meter-approval">
        <View className="cell-note">同意（需达到参与者面积和人数的 {thresholdText(meter.agreeOwners)}）</View>
        {!w && <View className="ev-status-text">{meter.approvalStatus}</View>}
      </View>
      <Ratio id="ratio-a-owners" label="同意人数" r={meter.agreeOwners} unit="owners" of="目前参与业主" />
      <Ratio id="ratio-a-area" label="同意面积" r={meter.agreeArea} unit="area" of="目前参与面积" />
      <View className="cell-note">
        已表决 {m.ballots} / {m.households} 户{w ? '（撤回时）' : m.final ? '（最终结果）' : '（实时）'}
      </View>
    </View>
  )
}
