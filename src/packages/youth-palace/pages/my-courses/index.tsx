import { View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useRef, useState } from 'react'
import { ApiError } from '@/api'
import {
  cancelYpEnrollment,
  confirmYpEnrollment,
  declineYpEnrollment,
  getYpPayment,
  listYpEnrollments,
  payYpEnrollment,
} from '@/api/endpoints/youth-palace'
import type { YpEnrollmentDto } from '@/domain/youth-palace/contracts'
import { formatFen } from '@/domain/shared/money'
import { Button } from '@/ui/Button'
import { Page } from '@/ui/Page'
import { type RowQuestion, useRowAction } from '@/ui/useRowAction'
import { Empty, ErrorNote, Loaded, Section } from '@/ui/States'
import {
  ENROLLMENT_STATUS,
  formatInstantCn,
  serverNow,
  timeLeftCn,
  useLoaded,
} from '@/packages/youth-palace/components/util'
import { useYouthPalace } from '@/packages/youth-palace/store'
import '@/packages/youth-palace/feature.css'
import { listMyRatings, rateEnrollment } from '@/api/endpoints/ratings'
import { RatingForm } from '@/ui/RatingForm'
import { useLoader } from '@/ui/useLoader'
import { href, openPage } from '@/ui/nav'

/** Polls of the payment after WeChat Pay's sheet closes: 10 × 1.5 s (支付确认中), then the place confirms itself. */
const PAY_POLLS = 10
const PAY_POLL_MS = 1500

/** What paying came to: the place confirmed (or the server's other word on it), not yet known, or not paid. */
type PayOutcome = { done: YpEnrollmentDto } | { pending: true } | null

/**
 * Pays a fee: the pay endpoint (the server makes the WeChat Pay order) → `Taro.requestPayment` (or a
 * "模拟支付" dialog on H5 in mock mode) → asks the server (`getYpPayment`) until WeChat Pay has told it,
 * while `checking` shows 支付确认中. The app's word never confirms a payment. `paid` (enrollment ids)
 * remembers a payment WeChat Pay has taken but the server has not confirmed yet: tapping again then only
 * asks again (no second order, nobody asked to pay twice). A place whose order was made before (the app
 * closed while paying) is asked about first.
 * @returns the server's enrollment, `{ pending }` when it still does not know after the polls, or null
 *   when the person cancelled the payment
 * @throws ApiError `PAY_FAILED` when WeChat Pay fails; any API error of the requests
 */
async function payAndWait(
  e: YpEnrollmentDto,
  key: string,
  paid: Set<string>,
  checking: (on: boolean) => void,
): Promise<PayOutcome> {
  const settled = (v: YpEnrollmentDto) => v.status !== 'admitted' || v.payment?.status !== 'created'
  if (!paid.has(e.id) && e.payment?.status === 'created') {
    const v = await getYpPayment(e.id)
    if (settled(v)) return { done: v }
  }
  if (!paid.has(e.id)) {
    const p = await payYpEnrollment(e.id, key)
    const mock = p.paySign.startsWith('MOCK-')
    if (mock && process.env.TARO_ENV === 'h5') {
      const r = await Taro.showModal({
        title: '模拟支付',
        content: `演示环境没有微信支付。确定后视为已支付 ${formatFen(p.amountFen)}。`,
        confirmText: '模拟支付',
      })
      if (!r.confirm) return null
    } else {
      try {
        await Taro.requestPayment({
          timeStamp: p.timeStamp,
          nonceStr: p.nonceStr,
          package: p.package,
          signType: p.signType,
          paySign: p.paySign,
        })
      } catch (err) {
        const msg = String((err as { errMsg?: string })?.errMsg ?? '')
        if (msg.includes('cancel')) return null
        throw new ApiError(0, 'PAY_FAILED', '微信支付没有成功，名额仍为您保留到确认期限，请稍后再试')
      }
    }
    paid.add(e.id)
  }
  checking(true)
  try {
    for (let i = 0; i < PAY_POLLS; i++) {
      if (i > 0) await new Promise((r) => setTimeout(r, PAY_POLL_MS))
      const v = await getYpPayment(e.id)
      if (settled(v)) {
        paid.delete(e.id)
        return { done: v }
      }
    }
    return { pending: true }
  } finally {
    checking(false)
  }
}

/** What to say once paying came to `o` for `e` (null: nothing, the person cancelled). */
function paidWords(e: YpEnrollmentDto, o: PayOutcome): string | null {
  if (!o) return null
  if ('pending' in o) return '微信支付的结果还在确认中，不用重复支付。钱款到账后名额会自动确认，稍后回到这里看看即可。'
  if (o.done.status === 'confirmed')
    return `已支付 ${formatFen(e.feeDueFen)}，${e.childName}的《${e.courseName}》名额已确认。开课前可以在这里看签到码。`
  if (o.done.payment?.status === 'refunding' || o.done.payment?.status === 'refunded')
    return `名额在付款到账前已不再保留，已付的 ${formatFen(e.feeDueFen)} 会原路退回微信支付。`
  return null
}

/** My courses per child: status in words, waitlist position, offers with their deadline, confirm/decline/pay/cancel. */
export default function MyCourses() {
  const childId = useRouter().params.childId || undefined
  const children = useYouthPalace((s) => s.children)
  const [now, setNow] = useState(Date.now())
  const list = useLoaded(async () => {
    const [listed, t] = await Promise.all([listYpEnrollments(childId), serverNow()])
    setNow(t)
    // A refund not yet known done: the server asks WeChat Pay (and asks for it again if it never arrived).
    const items = await Promise.all(
      listed.map((e) => (e.payment?.status === 'refunding' ? getYpPayment(e.id).catch(() => e) : e)),
    )
    if (!useYouthPalace.getState().childrenState.loaded) useYouthPalace.getState().loadChildren()
    return items
  })
  const ratings = useLoader(listMyRatings)
  const [results, setResults] = useState<Record<string, string>>({})
  const rows = useRowAction()
  const paid = useRef(new Set<string>())
  /** The enrollment whose payment is being confirmed with the server (支付确认中), if any. */
  const [checking, setChecking] = useState<string | null>(null)

  /** Runs `action` on the enrollment `e`; what it says on success (null: nothing) is kept under the row. */
  const act = (
    e: YpEnrollmentDto,
    action: string,
    run: (key: string) => Promise<string | null>,
    confirm?: RowQuestion,
  ) =>
    rows.run(`${action}-${e.id}`, run, {
      row: e.id,
      confirm,
      done: async (said) => {
        if (said) setResults((now) => ({ ...now, [e.id]: said }))
        await list.reload()
      },
    })

  const confirm = (e: YpEnrollmentDto) =>
    act(e, 'confirm', async (key) => {
      if (e.feeDueFen > 0)
        return paidWords(e, await payAndWait(e, key, paid.current, (on) => setChecking(on ? e.id : null)))
      await confirmYpEnrollment(e.id, key)
      return `${e.childName}的《${e.courseName}》名额已确认。开课前可以在这里看签到码。`
    })

  const decline = (e: YpEnrollmentDto) =>
    act(
      e,
      'decline',
      async (key) => {
        await declineYpEnrollment(e.id, key)
        return `已放弃《${e.courseName}》，名额已释放，有候补的会顺延给下一位。`
      },
      {
        title: '放弃名额',
        content: `放弃后名额会给下一位候补的家庭，不能撤回。确定放弃${e.childName}的《${e.courseName}》吗？`,
        confirmText: '确定放弃',
      },
    )

  const cancel = (e: YpEnrollmentDto) => {
    const c = e.cancellation
    const paid = e.payment?.status === 'paid'
    const free = !c || c.free
    const content = free
      ? `现在取消是免费的${paid ? `，已付的 ${formatFen(e.payment!.amountFen)} 会原路退回` : ''}。取消后名额给下一位候补，不能撤回。`
      : `已过免费取消时间（${formatInstantCn(c!.cutoff)}），现在取消会记一次缺课${paid ? '，学费不退' : ''}；一学期缺课 3 次，下学期不能优先报名。`
    return act(e, 'cancel', async (key) => (await cancelYpEnrollment(e.id, key)).message, {
      title: free ? '免费取消' : '取消将记一次缺课',
      content,
      confirmText: '确定取消',
    })
  }

  const items = list.data ?? []
  const child = children.find((c) => c.id === childId)
  const byChild = new Map<string, YpEnrollmentDto[]>()
  for (const e of items) byChild.set(e.childName, [...(byChild.get(e.childName) ?? []), e])
  return (
    <Page requireLogin title={child ? `${child.name}的课程` : '我的课程'}>
      <Loaded of={list} />
      {list.data && items.length === 0 && (
        <Empty
          text="还没有报名课程。可以先去看看适合孩子的课程。"
          action="去看课程"
          onAction={() => openPage(href.youthPalace.courses({ childId }))}
        />
      )}
      {[...byChild.entries()].map(([name, es]) => (
        <Section key={name} title={name}>
          {es.map((e) => {
            const st = ENROLLMENT_STATUS[e.status]
            const busy = (a: string) => rows.busy === `${a}-${e.id}`
            const holds = ['pending', 'admitted', 'waitlisted', 'confirmed'].includes(e.status)
            return (
              <View key={e.id} id={`enrollment-${e.id}`} className="yp-course">
                <View className="yp-course-name">{e.courseName}</View>
                <View className="yp-line">
                  {e.scheduleText} · {e.site}
                </View>
                <View className="yp-row">
                  <View className={`tag ${st.tag}`}>{st.text}</View>
                  {e.source === 'waitlist' && e.status === 'admitted' && (
                    <View className="tag tag-info">候补递补到您</View>
                  )}
                  {e.source === 'draw' && e.status === 'admitted' && <View className="tag tag-info">抽签中签</View>}
                  {e.noShow && <View className="tag tag-bad">记缺课一次</View>}
                </View>
                {e.status === 'waitlisted' && e.waitlistPosition !== null && (
                  <View className="yp-line">
                    候补第 {e.waitlistPosition} 位{e.waitlistPosition === 1 ? '（下一个就是您）' : ''}
                    。有名额时会通知您，届时有 24 小时确认。
                  </View>
                )}
                {e.status === 'pending' && <View className="yp-line">报名截止后统一抽签，结果会通知您。</View>}
                {e.status === 'admitted' && e.confirmBy && (
                  <View>
                    <View className="yp-deadline" id={`deadline-${e.id}`}>
                      请在 {formatInstantCn(e.confirmBy)} 前确认（{timeLeftCn(e.confirmBy, now)}
                      ），过期名额会给下一位候补。
                    </View>
                    {e.feeDueFen > 0 && (
                      <View className="yp-line">需缴学费 {formatFen(e.feeDueFen)}，支付成功即确认名额。</View>
                    )}
                  </View>
                )}
                {e.payment?.status === 'paid' && (
                  <View className="yp-line">已支付 {formatFen(e.payment.amountFen)}</View>
                )}
                {(checking === e.id || (e.status === 'admitted' && e.payment?.status === 'created')) && (
                  <View className="notice" role="status" id={`paying-${e.id}`}>
                    {checking === e.id
                      ? '支付确认中，请稍候…'
                      : '如已付款：支付确认中，钱款到账后名额会自动确认，不用重复支付'}
                  </View>
                )}
                {e.payment?.status === 'refunding' && (
                  <View className="yp-line">退款中 {formatFen(e.payment.amountFen)}，将原路退回微信支付</View>
                )}
                {e.payment?.status === 'refunded' && (
                  <View className="yp-line">已退款 {formatFen(e.payment.amountFen)}，原路退回微信支付</View>
                )}
                {e.cancellation && holds && (
                  <View className="yp-line">
                    {e.cancellation.free
                      ? `${formatInstantCn(e.cancellation.cutoff)} 前取消免费`
                      : '已过免费取消时间，现在取消会记一次缺课'}
                  </View>
                )}
                {results[e.id] && (
                  <View className="notice" role="status">
                    {results[e.id]}
                  </View>
                )}
                {rows.failure(e.id) && <ErrorNote text={rows.failure(e.id)?.text ?? ''} />}
                {e.status === 'admitted' && (
                  <View className="btn-row">
                    <Button
                      id={`confirm-${e.id}`}
                      loading={busy('confirm') && checking !== e.id}
                      disabled={checking === e.id}
                      onTap={() => confirm(e)}
                    >
                      {checking === e.id
                        ? '支付确认中…'
                        : e.feeDueFen > 0
                          ? `支付 ${formatFen(e.feeDueFen)} 并确认`
                          : '确认名额'}
                    </Button>
                    <Button kind="secondary" id={`decline-${e.id}`} loading={busy('decline')} onTap={() => decline(e)}>
                      放弃名额
                    </Button>
                  </View>
                )}
                {e.status === 'confirmed' && (
                  <Button
                    kind="secondary"
                    id={`checkin-${e.id}`}
                    onTap={() =>
                      openPage(href.youthPalace.checkin({ id: e.id, name: `${e.childName}·${e.courseName}` }))
                    }
                  >
                    签到码
                  </Button>
                )}
                {e.status === 'pending' && e.courseId && (
                  <Button
                    kind="secondary"
                    id={`lottery-${e.id}`}
                    onTap={() => openPage(href.youthPalace.lottery({ id: e.courseId }))}
                  >
                    抽签公示
                  </Button>
                )}
                {e.source === 'draw' && (
                  <Button
                    kind="secondary"
                    id={`lottery-${e.id}`}
                    onTap={() => openPage(href.youthPalace.lottery({ id: e.courseId }))}
                  >
                    看抽签结果
                  </Button>
                )}
                {holds && (
                  <Button kind="danger" id={`cancel-${e.id}`} loading={busy('cancel')} onTap={() => cancel(e)}>
                    取消报名
                  </Button>
                )}
                {e.status === 'confirmed' && ratings.data && (
                  <RatingForm
                    id={`course-${e.id}`}
                    rating={ratings.data.find((r) => r.kind === 'course' && r.subjectId === e.id)}
                    canRate={!!e.canRate}
                    send={(input, key) => rateEnrollment(e.id, input, key)}
                    done={ratings.reload}
                  />
                )}
              </View>
            )
          })}
        </Section>
      ))}
    </Page>
  )
}
