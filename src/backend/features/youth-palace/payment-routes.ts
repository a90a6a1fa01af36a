/**
 * Paying a course fee at confirmation through a mock WeChat Pay step: `POST .../pay` creates a payment
 * and returns the parameters for `Taro.requestPayment`; after the app's payment call succeeds it sends
 * `POST .../confirm-payment`, which marks the payment paid and confirms the place. In production the
 * server would create the order with WeChat Pay (JSAPI 统一下单), sign the parameters with the merchant
 * key, and trust only WeChat's payment notification or an order query — never the client's word.
 */
import * as v from 'valibot'
import { sha256Hex } from '@/domain/shared/hash'
import { conflict, notFound, unprocessable } from '@/backend/core/http'
import { newId, randomSecret } from '@/backend/core/ids'
import { route, type Route } from '@/backend/core/router'
import { lockedOwnEnrollment } from './access'
import { confirmable } from './enrollment-routes'
import type { YpPaymentRecord } from './model'
import { enrollmentView, feeForChild } from './views'

/** Payment routes under `/api/youth-palace/enrollments/:id`. */
export const paymentRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/pay',
    access: 'user',
    handler: async (ctx) => {
      const yp = ctx.tx.youthPalace
      const { enrollment: e, course } = await lockedOwnEnrollment(ctx, ctx.params.id)
      if (e.status === 'confirmed') throw conflict('ALREADY_CONFIRMED', '这个名额已经确认并支付过了')
      confirmable(ctx, e)
      const amountFen = feeForChild(course, await yp.children.get(e.childId))
      if (amountFen === 0) throw unprocessable('NO_FEE', '这门课免费，不用支付，直接确认名额即可')
      let p = await yp.latestPaymentOf(e.id)
      if (!p || p.status !== 'created' || p.amountFen !== amountFen) {
        const nonce = randomSecret().slice(0, 32)
        p = {
          id: newId('pay'),
          enrollmentId: e.id,
          parentId: e.parentId,
          amountFen,
          status: 'created',
          outTradeNo: `MCYP${ctx.clock.now()}${nonce.slice(0, 6)}`,
          prepayId: `wx_mock_${nonce.slice(0, 24)}`,
          nonceStr: nonce,
          timeStamp: String(Math.floor(ctx.clock.now() / 1000)),
          createdAt: ctx.nowIso,
        } satisfies YpPaymentRecord
        await yp.payments.insert(p)
      }
      const pkg = `prepay_id=${p.prepayId}`
      return {
        paymentId: p.id,
        amountFen: p.amountFen,
        timeStamp: p.timeStamp,
        nonceStr: p.nonceStr,
        package: pkg,
        signType: 'RSA' as const,
        paySign: `MOCK-${sha256Hex(p.timeStamp, p.nonceStr, pkg).slice(0, 40)}`,
      }
    },
  }),
  route({
    method: 'POST',
    path: '/api/youth-palace/enrollments/:id/confirm-payment',
    access: 'user',
    input: v.object({ paymentId: v.pipe(v.string('缺少支付单号'), v.minLength(1, '缺少支付单号'), v.maxLength(64)) }),
    handler: async (ctx) => {
      const yp = ctx.tx.youthPalace
      const { enrollment: found } = await lockedOwnEnrollment(ctx, ctx.params.id)
      const payment = await yp.payments.get(ctx.body.paymentId)
      if (!payment || payment.enrollmentId !== found.id) throw notFound('没有找到这笔支付', 'NO_SUCH_PAYMENT')
      if (payment.status !== 'created' || found.status === 'confirmed')
        throw conflict('ALREADY_CONFIRMED', '这笔费用已经支付，名额已确认')
      confirmable(ctx, found)
      const p = await yp.payments.update(payment.id, { status: 'paid', paidAt: ctx.nowIso })
      const e = await yp.enrollments.update(found.id, {
        status: 'confirmed',
        confirmedAt: ctx.nowIso,
        updatedAt: ctx.nowIso,
        paymentId: p.id,
      })
      return enrollmentView(ctx, e)
    },
  }),
]
