/**
 * Paying a course fee with WeChat Pay (issue 24 item 4). `POST …/pay` makes the order with WeChat Pay
 * (JSAPI prepay, outside the transaction) and returns what `Taro.requestPayment` takes; a second tap
 * within 90 minutes re-signs the same order (no second order). The place is confirmed only when WeChat
 * Pay says the order is paid — its signed notification (`POST /api/pay/wechat/notify`) or the server's
 * query (`GET …/payment`, which the app polls behind 支付确认中) — never on the app's word. The
 * demo's mock provider reports every order paid when asked, so the app's path is the same in both;
 * the demo also keeps `POST …/confirm-payment` (404 in production).
 */
import * as v from 'valibot'
import { HttpError, conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId, randomSecret } from '@/backend/core/ids'
import { route, type Route } from '@/backend/core/router'
import type { PayEvent, PayParams, RefundState, TradeState } from '@/backend/core/services'
import { lockedOwnEnrollment, ownEnrollment } from './access'
import { confirmable } from './enrollment-routes'
import type { YpPaymentRecord } from './model'
import { refundRequestOf, settlePaid, settleRefund } from './settle'
import { enrollmentView, feeForChild } from './views'

/** An order is re-signed for a second tap while younger than this (WeChat's prepay id lives 2 hours). */
const REUSE_ORDER_MS = 90 * 60_000

/** What the pay route's outside step made or found: the order and fresh `requestPayment` parameters. */
interface Prepaid {
  outTradeNo: string
  prepayId: string
  params: PayParams
}

const payNotAvailable = () =>
  new HttpError(503, 'PAY_NOT_AVAILABLE', '微信支付暂未开通，暂时不能在线缴费，请联系社区青少年宫')

/** A fresh order number: `MCYP` + Beijing-agnostic epoch seconds + 10 random hex (≤ 32 characters). */
const orderNo = (nowMs: number) => `MCYP${Math.floor(nowMs / 1000)}${randomSecret().slice(0, 10)}`

/** Payment routes under `/api/youth-palace/enrollments/:id`, and WeChat Pay's notification. */
export const paymentRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/pay',
    access: 'user',
    outside: async (_body, { pay }, caller, req): Promise<Prepaid | null> => {
      if (!pay) throw payNotAvailable()
      const found = await req.read(async (tx) => {
        const yp = tx.youthPalace
        const e = await yp.enrollments.get(req.params.id)
        if (!e || e.parentId !== caller?.id || e.status !== 'admitted') return null
        const course = await yp.courses.get(e.courseId)
        if (!course) return null
        const amountFen = feeForChild(course, await yp.children.get(e.childId))
        return { course, amountFen, latest: await yp.latestPaymentOf(e.id) }
      })
      // The handler answers why (not found, not an offer, free) with the place locked.
      if (!found || found.amountFen === 0) return null
      const { latest, amountFen } = found
      if (
        latest?.status === 'created' &&
        latest.amountFen === amountFen &&
        req.nowMs - Date.parse(latest.createdAt) < REUSE_ORDER_MS
      )
        return { outTradeNo: latest.outTradeNo, prepayId: latest.prepayId, params: pay.payParams(latest.prepayId) }
      const outTradeNo = orderNo(req.nowMs)
      const { prepayId, ...params } = await pay.prepay({
        outTradeNo,
        amountFen,
        description: `青少年宫-${found.course.name}`,
        openid: caller?.wechatOpenid,
      })
      return { outTradeNo, prepayId, params }
    },
    handler: async (ctx) => {
      const yp = ctx.tx.youthPalace
      const { enrollment: e, course } = await lockedOwnEnrollment(ctx, ctx.params.id)
      if (e.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '这个名额已经确认并支付过了')
      confirmable(ctx, e)
      const amountFen = feeForChild(course, await yp.children.get(e.childId))
      if (amountFen === 0) throw unprocessable('NO_FEE', '这门课免费，不用支付，直接确认名额即可')
      const o = ctx.outside as Prepaid | null
      if (!o) throw conflict('PAYMENT_CHANGED', '报名状态刚刚有变化，请刷新后再试')
      let p = await yp.latestPaymentOf(e.id)
      if (p?.outTradeNo !== o.outTradeNo) {
        p = {
          id: newId('pay'),
          enrollmentId: e.id,
          parentId: e.parentId,
          amountFen,
          status: 'created',
          outTradeNo: o.outTradeNo,
          prepayId: o.prepayId,
          nonceStr: o.params.nonceStr,
          timeStamp: o.params.timeStamp,
          createdAt: ctx.nowIso,
        } satisfies YpPaymentRecord
        await yp.payments.insert(p)
      } else if (p.status !== 'created') {
        throw conflict('ALREADY_PAID', '这笔费用已经支付，正在确认名额，请稍候刷新')
      }
      return { paymentId: p.id, amountFen: p.amountFen, ...o.params }
    },
  }),
  route({
    method: 'GET',
    path: '/api/youth-palace/enrollments/:id/payment',
    access: 'user',
    // Asks WeChat Pay about an order not yet known paid, or a refund not yet known done (and asks for
    // the refund again when WeChat Pay never got it). WeChat Pay not answering: the stored state.
    outside: async (_body, { pay }, caller, req) => {
      if (!pay) return null
      const p = await req.read(async (tx) => {
        const e = await tx.youthPalace.enrollments.get(req.params.id)
        if (!e || e.parentId !== caller?.id) return undefined
        return tx.youthPalace.latestPaymentOf(e.id)
      })
      try {
        if (p?.status === 'created') return { paymentId: p.id, trade: await pay.query(p.outTradeNo) }
        if (p?.status === 'refunding' && p.outRefundNo) {
          let refund: RefundState = await pay.refundQuery(p.outRefundNo)
          if (refund.state === 'unknown') refund = await pay.refund(refundRequestOf(p))
          return { paymentId: p.id, refund }
        }
      } catch {
        return null
      }
      return null
    },
    handler: async (ctx) => {
      const found = await ownEnrollment(ctx, ctx.params.id)
      const o = ctx.outside as { paymentId: string; trade?: TradeState; refund?: RefundState } | null
      if (o?.trade?.state === 'paid') {
        const p = await ctx.tx.youthPalace.payments.get(o.paymentId)
        if (p && (o.trade.amountFen === undefined || o.trade.amountFen === p.amountFen))
          await settlePaid(ctx, o.paymentId, o.trade.transactionId)
      }
      if (o?.refund?.state === 'success') await settleRefund(ctx, o.refund.outRefundNo, o.refund.refundId)
      return enrollmentView(ctx, (await ctx.tx.youthPalace.enrollments.get(found.id))!)
    },
  }),
  route({
    method: 'POST',
    path: '/api/pay/wechat/notify',
    access: 'public',
    // Verified and decrypted before the transaction; an order or refund we never made is refused too.
    outside: async (_body, { pay }, _caller, req): Promise<{ event: PayEvent; paymentId: string }> => {
      if (!pay) throw new HttpError(401, 'FAIL', '没有开通微信支付')
      const event = pay.notification(req.headers, req.rawBody ?? '')
      const p = await req.read((tx) =>
        tx.youthPalace.payments.first({ where: { outTradeNo: event.outTradeNo }, order: [] }),
      )
      if (!p) throw new HttpError(401, 'FAIL', '没有这笔订单')
      if (event.kind === 'paid' && event.amountFen !== p.amountFen) throw new HttpError(401, 'FAIL', '金额不符')
      if (event.kind === 'refund' && event.outRefundNo !== p.outRefundNo)
        throw new HttpError(401, 'FAIL', '没有这笔退款')
      return { event, paymentId: p.id }
    },
    handler: async (ctx) => {
      const { event, paymentId } = ctx.outside as { event: PayEvent; paymentId: string }
      if (event.kind === 'paid') await settlePaid(ctx, paymentId, event.transactionId)
      if (event.kind === 'refund' && event.state === 'success')
        await settleRefund(ctx, event.outRefundNo, event.refundId)
      return { code: 'SUCCESS', message: '成功' }
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/confirm-payment',
    access: 'user',
    demoOnly: true,
    input: v.object({ paymentId: v.pipe(v.string('缺少支付单号'), v.minLength(1, '缺少支付单号'), v.maxLength(64)) }),
    // Only where no money moves: a demo server with real WeChat Pay settings waits for WeChat Pay too.
    outside: async (_body, services) => {
      if (!services.pay?.mock) throw notFound('没有这个服务接口', 'NO_ROUTE')
      return undefined
    },
    handler: async (ctx) => {
      const yp = ctx.tx.youthPalace
      const { enrollment: found } = await lockedOwnEnrollment(ctx, ctx.params.id)
      const payment = await yp.payments.get(ctx.body.paymentId)
      if (!payment || payment.enrollmentId !== found.id) throw notFound('没有找到这笔支付', 'NO_SUCH_PAYMENT')
      if (payment.status !== 'created' || found.status === 'confirmed')
        throw conflict('ALREADY_CONFIRMED', '这笔费用已经支付，名额已确认')
      confirmable(ctx, found)
      await settlePaid(ctx, payment.id, `mock-${payment.outTradeNo}`)
      return enrollmentView(ctx, (await yp.enrollments.get(found.id))!)
    },
  }),
]
