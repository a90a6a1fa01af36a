import { View } from '@tarojs/components'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { getElevatorResultSheet } from '@/api/endpoints/elevator'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Loaded, Section } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { KV } from '@/packages/elevator/components/KV'
import { areaText, dateTimeOf } from '@/packages/elevator/components/words'
import { shareSheetImage } from '@/packages/elevator/components/sheet-image'
import {
  ballotText,
  publicityText,
  reachText,
  sheetLines,
  sheetRatios,
} from '@/packages/elevator/components/sheet-text'
import { href } from '@/ui/nav'
import '@/packages/elevator/feature.css'
import './print.css'

const h5 = process.env.TARO_ENV === 'h5'

/**
 * The printable result sheet (issue 28): verdict, the four Civil Code art. 278 ratios (area and
 * headcount, participation ≥ 2/3 and approval ≥ 3/4), each household's ballot and how it was told, the
 * chain's head hash and the publicity window. H5 prints it whole (`print.css`); WeChat cannot print, so
 * there it draws the sheet as an image for WeChat's share menu (send to oneself, save, print on a computer).
 */
export default function ResultSheet() {
  const id = useRouter().params.id ?? ''
  const { data: s, cause, loading, reload } = useLoader(() => getElevatorResultSheet(id))
  useShareAppMessage(() => ({ title: '加装电梯表决结果单', path: href.elevator.resultSheet({ id }) }))
  const share = () =>
    s &&
    shareSheetImage(sheetLines(s)).catch(() =>
      Taro.showToast({ title: '这部手机的微信不能生成图片，请转发本页', icon: 'none', duration: 3000 }).catch(() => {}),
    )
  return (
    <Page requireLogin backTo={href.elevator.petition({ id })} title="加装电梯表决结果单">
      <Loaded of={{ data: s, cause, loading, reload }} lines={6} />
      {s && (
        <View id="sheet">
          <View className="sheet-screen-only notice" id="sheet-how-to-print">
            {h5
              ? '点“打印”后选择打印机或“另存为 PDF”，全部内容都会打印出来。'
              : '微信小程序不能直接打印：点“生成结果单图片”，发送给自己（如“文件传输助手”）或保存到相册，在电脑上打印；也可以把本页转发给社区工作人员代为打印。'}
          </View>
          <View className="sheet-screen-only">
            {h5 ? (
              <Button id="sheet-print" onTap={() => window.print()}>
                打印
              </Button>
            ) : (
              <Button id="sheet-share-image" onTap={share}>
                生成结果单图片
              </Button>
            )}
          </View>
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
            <KV label="公示期" value={publicityText(s)} />
          </Section>
          <Section title="计票（民法典第二百七十八条：面积和人数双重标准）" id="sheet-tally">
            {sheetRatios(s).map(([label, text]) => (
              <KV key={label} label={label} value={text} />
            ))}
          </Section>
          <Section title={`各户表决与告知方式（共 ${s.households.length} 户）`} id="sheet-households">
            {s.households.map((h) => (
              <View key={h.roomName} className="sheet-table-row" id={`sheet-room-${h.roomName}`}>
                <View className="cell-title">{h.roomName} 室</View>
                <View>
                  {h.floor} 层 · {areaText(h.area)}
                </View>
                <View>{ballotText(h)}</View>
                <View className="cell-note">{reachText(h)}</View>
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
