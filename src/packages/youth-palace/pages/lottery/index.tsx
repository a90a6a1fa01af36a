import { View } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { listMessages } from '@/api/endpoints/messages'
import { getYpLottery } from '@/api/endpoints/youth-palace'
import type { YpLotteryDto } from '@/domain/youth-palace/contracts'
import {
  LOTTERY_ALGORITHM_CN,
  commitmentInMessage,
  drawWithPriority,
  lotterySeed,
  verifyReveal,
} from '@/domain/youth-palace/lottery'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { Part } from '@/ui/Part'
import { Loaded, Section } from '@/ui/States'
import { formatInstantCn, useLoaded } from '@/packages/youth-palace/components/util'
import '@/packages/youth-palace/feature.css'
import { href } from '@/ui/nav'

const ORDER_PAGE = 20

/** Messages read back when looking for the commitment received before the draw (newest first). */
const MESSAGE_PAGES = 4

/**
 * The commitment this family received by message before the draw (the oldest such message of the last
 * `MESSAGE_PAGES` × 50), or null when none is found (e.g. applied by another way, or messages deleted).
 */
async function receivedCommitment(courseId: string): Promise<{ commitment: string | null }> {
  const link = href.youthPalace.lottery({ id: courseId })
  let found: string | null = null
  let cursor: string | undefined
  for (let page = 0; page < MESSAGE_PAGES; page++) {
    const r = await listMessages(cursor, 50)
    for (const m of r.items) if (m.link === link) found = commitmentInMessage(m.body) ?? found
    if (!r.nextCursor) break
    cursor = r.nextCursor
  }
  return { commitment: found }
}

/**
 * The app's own re-check of a drawn lottery: the reveal matches the commitment the family received by
 * message before the draw (the server's current one only when no message was found), the server still
 * shows that commitment, and the order re-runs the same.
 */
function recheck(l: YpLotteryDto, received: string | null): { ok: boolean; problems: string[] } {
  const problems: string[] = []
  if (!l.revealed || !l.seed || l.seats === null) return { ok: false, problems: ['结果数据不完整'] }
  if (received && received !== l.commitment) problems.push('现在公布的指纹与您报名后在消息里收到的指纹不一致')
  if (!verifyReveal(received ?? l.commitment, l.revealed))
    problems.push(received ? '公开的随机数与您在消息里收到的指纹不一致' : '公开的随机数与报名开始时公布的指纹不一致')
  const ids = l.applications.map((a) => a.id)
  let seed = ''
  try {
    seed = lotterySeed(l.revealed, l.courseId, ids)
  } catch {
    problems.push('无法用公开数据算出种子')
  }
  if (seed && seed !== l.seed) problems.push('用公开数据算出的种子与公布的种子不同')
  if (seed) {
    try {
      const again = drawWithPriority(l.applications, l.seats, seed)
      if (again.order.join(',') !== l.order.join(',')) problems.push('重新抽签得到的顺序与公布的顺序不同')
      if (again.admitted.join(',') !== l.admitted.join(',')) problems.push('重新抽签得到的录取名单与公布的不同')
    } catch {
      problems.push('无法重新抽签')
    }
  }
  return { ok: problems.length === 0, problems }
}

function Kv({ k, v, hash }: { k: string; v: string; hash?: boolean }) {
  return (
    <View className="yp-kv">
      <View className="yp-k">{k}</View>
      <View className={hash ? 'yp-v yp-hash' : 'yp-v'}>{v}</View>
    </View>
  )
}

/**
 * Lottery result: commitment, revealed value, seed, the algorithm, the full order (own entries marked), re-checked in
 * the app.
 */
export default function Lottery() {
  const id = useRouter().params.id ?? ''
  const lottery = useLoaded(() => getYpLottery(id))
  const received = useLoaded(() => receivedCommitment(id))
  const [shown, setShown] = useState(ORDER_PAGE)
  const l = lottery.data
  const mail = received.data
  // Checked once the messages are read: against what the family received, not what the server shows now.
  const check = l && mail && l.status !== 'committed' && l.revealed ? recheck(l, mail.commitment) : null
  const admitted = new Set(l?.admitted ?? [])
  const resident = new Map((l?.applications ?? []).map((a) => [a.id, a]))
  const mine = (l?.order ?? []).map((x, i) => ({ x, i })).filter(({ x }) => resident.get(x)?.mine)
  return (
    <Page requireLogin title={l ? `《${l.courseName}》抽签` : '抽签结果'}>
      <Loaded of={lottery} />
      {l && l.status !== 'committed' && (
        <Part of={[received]} what="您收到的抽签指纹">
          {() => null}
        </Part>
      )}
      {l && (
        <View>
          {l.status === 'committed' && (
            <View className="notice" role="status">
              报名截止后才抽签。下面是报名开始时公布的指纹，抽签后您可以用它核对结果没有被改动。
            </View>
          )}
          {l.status === 'allAdmitted' && (
            <View className="notice" role="status">
              报名人数没有超过名额，全部录取，不需要抽签。
            </View>
          )}
          {check && check.ok && (
            <View className="yp-ok" role="status" id="lottery-check">
              {mail?.commitment
                ? '✓ 已核对：结果与您报名后在消息里收到的指纹一致'
                : '✓ 已核对：结果与公布的指纹一致（没有找到您收到的指纹消息，只能与现在公布的核对）'}
            </View>
          )}
          {check && !check.ok && (
            <View className="yp-warn" role="alert" id="lottery-check">
              ⚠ 注意：本机核对没有通过。{check.problems.join('；')}。请联系社区工作人员说明情况。
            </View>
          )}
          {mine.length > 0 && (
            <Section title="您家的报名" id="lottery-mine">
              {mine.map(({ x, i }) => (
                <View key={x} className="cell-title">
                  第 {i + 1} 位：{admitted.has(x) ? '中签（已录取）' : `候补第 ${i + 1 - admitted.size} 位`}
                </View>
              ))}
            </Section>
          )}
          <Section title="公开数据" id="lottery-data">
            <Kv k="承诺指纹" v={l.commitment} hash />
            {mail?.commitment && <Kv k="您收到的指纹" v={mail.commitment} hash />}
            <Kv k="公布时间" v={formatInstantCn(l.committedAt)} />
            {l.revealed && <Kv k="公开的随机数" v={l.revealed} hash />}
            {l.revealedAt && <Kv k="公开时间" v={formatInstantCn(l.revealedAt)} />}
            {l.seed && <Kv k="抽签种子" v={l.seed} hash />}
            {l.seats !== null && <Kv k="名额" v={`${l.seats} 个，报名 ${l.applications.length} 份`} />}
          </Section>
          <Section title="怎么抽的">
            <View className="yp-v yp-block">{LOTTERY_ALGORITHM_CN}</View>
          </Section>
          {l.order.length > 0 && (
            <Section title="完整顺序（前面录取，后面候补）" id="lottery-order">
              {l.order.slice(0, shown).map((x, i) => {
                const a = resident.get(x)
                return (
                  <View key={x} className={`yp-order ${a?.mine ? 'yp-order-mine' : ''}`}>
                    <View className="yp-order-no">{i + 1}</View>
                    <View className="yp-order-id">
                      <View className="yp-hash">{x}</View>
                      <View>
                        {admitted.has(x) ? '录取' : '候补'}
                        {a?.resident ? ' · 本社区' : ' · 非本社区'}
                        {a?.mine ? ' · 【您家的报名】' : ''}
                      </View>
                    </View>
                  </View>
                )
              })}
              {l.order.length > shown && (
                <Button
                  kind="secondary"
                  onTap={() => setShown(shown + ORDER_PAGE)}
                >{`再看 ${Math.min(ORDER_PAGE, l.order.length - shown)} 位`}</Button>
              )}
            </Section>
          )}
          <Button kind="secondary" id="lottery-refresh" onTap={lottery.reload}>
            刷新结果
          </Button>
        </View>
      )}
    </Page>
  )
}
