import type { ElevatorResultSheetDto } from '@/domain/elevator/contracts-sheet'
import { fractionText } from '@/domain/elevator/thresholds'
import { CHANNEL_CN, CHOICE_CN, areaText, dateOf, dateTimeOf } from '@/packages/elevator/components/words'

type Sheet = ElevatorResultSheetDto
type Ratio = Sheet['meter']['participationArea']

/**
 * One ratio of the Civil Code art. 278 double thresholds in words: `327.59 ㎡ / 631.31 ㎡，需 ≥ 2/3：未达到`
 * (areas arrive in hundredths of m², headcounts as people).
 */
export function ratioText(r: Ratio, area: boolean): string {
  const value = area
    ? `${areaText(r.value.num / 100)} / ${areaText(r.value.den / 100)}`
    : `${r.value.num} / ${r.value.den} 人`
  return `${value}，需 ≥ ${fractionText(r.threshold)}：${r.met ? '已达到' : '未达到'}`
}

/** The four ratios of the sheet with their labels, in the order the sheet shows them. */
export const sheetRatios = (s: Sheet): [string, string][] => [
  ['参与面积', ratioText(s.meter.participationArea, true)],
  ['参与人数', ratioText(s.meter.participationOwners, false)],
  ['同意面积（占参与）', ratioText(s.meter.agreeArea, true)],
  ['同意人数（占参与）', ratioText(s.meter.agreeOwners, false)],
]

/** A household's ballot in words: `同意（线上）` or `未表决`. */
export const ballotText = (h: Sheet['households'][number]): string =>
  h.choice ? `${CHOICE_CN[h.choice]}（${CHANNEL_CN[h.ballotChannel ?? 'app']}）` : '未表决'

/** How a household was told, in words (`无记录` when nothing was recorded). */
export const reachText = (h: Sheet['households'][number]): string =>
  `告知：${h.reach.length ? h.reach.join('；') : '无记录'}`

/** The publicity window in words, or that there was none. */
export const publicityText = (s: Sheet): string =>
  s.publicity ? `${dateOf(s.publicity.startsAt)} 至 ${dateOf(s.publicity.endsAt)}` : '无（未进入公示）'

/**
 * The whole sheet as lines of plain text, in reading order: what the share image on WeChat draws (the page
 * shows the same words in sections).
 */
export function sheetLines(s: Sheet): string[] {
  return [
    '加装电梯表决结果单',
    s.unitLabel,
    s.verdict,
    s.summary,
    `表决截止：${dateTimeOf(s.votingDeadline)}`,
    ...(s.withdrawal
      ? [`撤回：${dateTimeOf(s.withdrawal.at)}，${s.withdrawal.byName ?? '发起人'}：${s.withdrawal.reason}`]
      : []),
    `公示期：${publicityText(s)}`,
    '计票（民法典第二百七十八条：面积和人数双重标准）',
    ...sheetRatios(s).map(([label, text]) => `${label}：${text}`),
    `各户表决与告知方式（共 ${s.households.length} 户）`,
    ...s.households.map((h) => `${h.roomName} 室 ${h.floor} 层 ${areaText(h.area)} ${ballotText(h)}；${reachText(h)}`),
    `表决记录：${s.head ? `${s.head.seq} 条` : '0 条'}；最新一条的校验码：`,
    s.head?.hash ?? '无',
    `生成时间：${dateTimeOf(s.asOf)}`,
  ]
}
