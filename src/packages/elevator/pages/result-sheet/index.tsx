import { View } from '@tarojs/components'
import { useRouter, useShareAppMessage } from '@tarojs/taro'
import { getElevatorResultSheet } from '@/api/endpoints/elevator'
import { fractionText } from '@/domain/elevator/thresholds'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { KV } from '@/packages/elevator/components/KV'
import { CHANNEL_CN, CHOICE_CN, areaText, dateOf, dateTimeOf } from '@/packages/elevator/components/words'
import { href } from '@/ui/nav'
import '@/packages/elevator/feature.css'
import './print.css'

const h5 = process.env.TARO_ENV === 'h5'

/**
 * The printable result sheet (issue 28): verdict, the four Civil Code art. 278 ratios (area and
 * headcount, participation ≥ 2/3 and approval ≥ 3/4), each household's ballot and how it was told, the
 * chain's head hash and the publicity window. H5 prints it whole (`print.css`); WeChat cannot print, so
 * the page says how: forward it to oneself and print from a computer.
 */
export default function ResultSheet() {
  const id = useRouter().params.id ?? ''
  const { data: s, cause, loading, reload } = useLoader(() => getElevatorResultSheet(id))
  useShareAppMessage(() => ({ title: '加装电梯表决结果单', path: href.elevator.resultSheet({ id }) }))
  const ratio = (
    label: string,
    r: { value: { num: number; den: number }; threshold: { num: number; den: number }; met: boolean },
    area: boolean,
  ) => (
    <KV
      label={label}
      value={`${area ? `${areaText(r.value.num / 100)} / ${areaText(r.value.den / 100)}` : `${r.value.num} / ${r.value.den} 人`}，需 ≥ ${fractionText(r.threshold)}：${r.met ? '已达到' : '未达到'}`}
    />
  )
  return (
    <Page requireLogin backTo={href.elevator.petition({ id })} title="加装电梯表决结果单">
      <Loaded of={{ data: s, cause, loading, reload }} lines={6} />
      {s && (
        <View id="sheet">
          <View className="sheet-screen-only notice" id="sheet-how-to-print">
            {h5
              ? '点“打印”后选择打印机或“另存为 PDF”，全部内容都会打印出来。'
              : '微信小程序不能直接打印：请点右上角“…”转发给自己（如“文件传输助手”），在电脑微信中打开后打印；或把本页分享给社区工作人员代为打印。'}
          </View>
          {h5 && (
            <View className="sheet-screen-only">
              <Button id="sheet-print" onTap={() => window.print()}>
                打印
              </Button>
            </View>
          )}
          <Section title={s.unitLabel} id="sheet-verdict">
            <View className="ev-big">{s.verdict}</View>
            <View className="cell-note">{s.summary}</View>
            <KV label="表决截止" value={dateTimeOf(s.votingDeadline)} />
            {s.withdrawal && (
              <KV
                label="撤回"
                value={`${dateTimeOf(s.withdrawal.at)}，${s.withdrawal.byName ?? '发起人'}：${s.withdrawal.reason}`}
              />
            )}
            <KV
              label="公示期"
              value={
                s.publicity ? `${dateOf(s.publicity.startsAt)} 至 ${dateOf(s.publicity.endsAt)}` : '无（未进入公示）'
              }
            />
          </Section>
          <Section title="计票（民法典第二百七十八条：面积和人数双重标准）" id="sheet-tally">
            {ratio('参与面积', s.meter.participationArea, true)}
            {ratio('参与人数', s.meter.participationOwners, false)}
            {ratio('同意面积（占参与）', s.meter.agreeArea, true)}
            {ratio('同意人数（占参与）', s.meter.agreeOwners, false)}
          </Section>
          <Section title={`各户表决与告知方式（共 ${s.households.length} 户）`} id="sheet-households">
            {s.households.map((h) => (
              <View key={h.roomName} className="sheet-table-row" id={`sheet-room-${h.roomName}`}>
                <View className="cell-title">{h.roomName} 室</View>
                <View>
                  {h.floor} 层 · {areaText(h.area)}
                </View>
                <View>{h.choice ? `${CHOICE_CN[h.choice]}（${CHANNEL_CN[h.ballotChannel ?? 'app']}）` : '未表决'}</View>
                <View className="cell-note">告知：{h.reach.length ? h.reach.join('；') : '无记录'}</View>
              </View>
            ))}
          </Section>
          <Section title="表决记录校验" id="sheet-chain">
            <KV label="记录条数" value={s.head ? `${s.head.seq} 条` : '0 条'} />
            <View className="cell-note">最新一条的校验码（任何改动都会使它变化）：</View>
            <View className="sheet-hash" id="sheet-head-hash">
              {s.head?.hash ?? '无'}
            </View>
            <KV label="生成时间" value={dateTimeOf(s.asOf)} />
          </Section>
        </View>
      )}
    </Page>
  )
}
