/**
 * The demo's WeChat Pay (`PayProvider`): no money moves. Orders get a mock prepay id and a mock
 * `paySign`; asked about an order, it reports it paid (the app's 模拟支付 stands for the payment), so
 * the demo runs the same pay → 支付确认中 → query path as the real server. Refunds succeed at once.
 * It receives no notifications (any is refused).
 */
import { sha256Hex } from '@/domain/shared/hash'
import { HttpError } from './http'
import { randomSecret } from './ids'
import type { PayParams, PayProvider } from './services'

/** The mock provider of the demo (the embedded backend and a server without `WECHATPAY_*` in demo mode). */
export function mockPay(now: () => number = Date.now): PayProvider {
  const payParams = (prepayId: string): PayParams => {
    const timeStamp = String(Math.floor(now() / 1000))
    const nonceStr = randomSecret().slice(0, 32)
    const pkg = `prepay_id=${prepayId}`
    return {
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA',
      paySign: `MOCK-${sha256Hex(timeStamp, nonceStr, pkg).slice(0, 40)}`,
    }
  }
  return {
    mock: true,
    async prepay(order) {
      const prepayId = `wx_mock_${sha256Hex(order.outTradeNo).slice(0, 24)}`
      return { prepayId, ...payParams(prepayId) }
    },
    payParams,
    async query(outTradeNo) {
      return { state: 'paid', transactionId: `mock${sha256Hex(outTradeNo).slice(0, 24)}` }
    },
    async refund(r) {
      return { outRefundNo: r.outRefundNo, refundId: `mock${sha256Hex(r.outRefundNo).slice(0, 24)}`, state: 'success' }
    },
    async refundQuery(outRefundNo) {
      return { outRefundNo, refundId: `mock${sha256Hex(outRefundNo).slice(0, 24)}`, state: 'success' }
    },
    notification() {
      throw new HttpError(401, 'FAIL', '演示模式不接收支付通知')
    },
  }
}
