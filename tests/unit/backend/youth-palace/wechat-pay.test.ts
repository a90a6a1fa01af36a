/** @jest-environment node */
/**
 * WeChat Pay for course fees (issue 24 item 4) against a fake WeChat Pay on 127.0.0.1: the server makes
 * the order and signs `requestPayment`'s parameters; a place is confirmed only by WeChat Pay's verified
 * notification or the server's query — a notification twice, late, out of order, or never (the app
 * killed) — and refunds go the same way. Forged or stale notifications change nothing.
 */
import { ROUTES } from '@/backend'
import { wechatPay } from '@/server/wechat-pay'
import { TRANSPORTS, type Client } from '../client'
import { startFakeWechatPay, type FakeWechatPay, type Notification } from '../fakes/wechat-pay'

const LE = 'ypk-chen-le'

describe.each(TRANSPORTS)('WeChat Pay for course fees (%s)', (_name, make) => {
  let c: Client
  let wx: FakeWechatPay
  let chen: string
  beforeAll(async () => {
    wx = await startFakeWechatPay()
  })
  afterAll(() => wx.close())
  beforeEach(async () => {
    wx.mode = 'up'
    wx.refundMode = 'instant'
    wx.orders.clear()
    wx.refunds.clear()
    c = await make({ services: { pay: wechatPay(wx.config()) } })
    chen = await c.login('u-chen')
    await c.call('POST', '/api/me/privacy', { token: chen, body: { accepted: true } })
  })
  afterEach(() => c.close())

  /** An admitted place on the paid drawing course (80 元) and its order, made at the fake. */
  const ordered = async () => {
    const e = (
      await c.call('POST', '/api/youth-palace/applications', {
        token: chen,
        body: { childId: LE, courseId: 'ypc-drawing' },
      })
    ).body
    expect(e.status).toBe('admitted')
    const params = (await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })).body
    const [p] = await c.backend.inspect('yp_payments', { enrollmentId: e.id })
    return { id: e.id as string, params, outTradeNo: p.outTradeNo as string }
  }
  const notify = (n: Notification) => c.call('POST', '/api/pay/wechat/notify', { headers: n.headers, rawBody: n.body })
  const view = async (id: string) =>
    (await c.call('GET', `/api/youth-palace/enrollments/${id}/payment`, { token: chen })).body
  const titles = async () =>
    ((await c.call('GET', '/api/messages', { token: chen })).body.items as { title: string }[]).map((m) => m.title)

  it('pay makes one order and signs requestPayment; a second tap re-signs it; nothing is paid yet', async () => {
    const { id, params, outTradeNo } = await ordered()
    expect(params).toMatchObject({ amountFen: 8000, signType: 'RSA', appId: 'wx0123456789abcdef' })
    expect(params.package).toMatch(/^prepay_id=wx[0-9a-f]+$/)
    expect(wx.verifyPaySign(params)).toBe(true)
    expect(wx.verifyPaySign({ ...params, package: 'prepay_id=other' })).toBe(false)
    expect(wx.orders.get(outTradeNo)).toMatchObject({ amountFen: 8000, state: 'NOTPAY' })
    const again = (await c.call('POST', `/api/youth-palace/enrollments/${id}/pay`, { token: chen })).body
    expect(again.paymentId).toBe(params.paymentId)
    expect(again.package).toBe(params.package)
    expect(wx.verifyPaySign(again)).toBe(true)
    expect(wx.orders.size).toBe(1)
    // Not paid at WeChat Pay: the query says so and the place waits.
    const v = await view(id)
    expect(v).toMatchObject({ status: 'admitted', payment: { status: 'created' } })
  })

  it('with real WeChat Pay, even a demo server takes no word of the app: confirm-payment is 404', async () => {
    const { id, params, outTradeNo } = await ordered()
    const r = await c.call('POST', `/api/youth-palace/enrollments/${id}/confirm-payment`, {
      token: chen,
      body: { paymentId: params.paymentId },
    })
    expect(r).toMatchObject({ status: 404, body: { code: 'NO_ROUTE' } })
    expect(await view(id)).toMatchObject({ status: 'admitted', payment: { status: 'created' } })
    expect(wx.orders.get(outTradeNo)).toMatchObject({ state: 'NOTPAY' })
  })

  it('the payment notification confirms the place once; delivered again it changes nothing', async () => {
    const { id, outTradeNo } = await ordered()
    const n = wx.pay(outTradeNo)
    const first = await notify(n)
    expect(first).toEqual({ status: 200, body: { code: 'SUCCESS', message: '成功' } })
    expect(await view(id)).toMatchObject({ status: 'confirmed', payment: { status: 'paid', amountFen: 8000 } })
    const [p] = await c.backend.inspect('yp_payments', { outTradeNo })
    expect(p.transactionId).toBe(wx.orders.get(outTradeNo)!.transactionId)
    expect((await titles()).filter((t) => t === '青少年宫缴费成功')).toHaveLength(1)
    const before = await c.backend.fingerprint()
    expect((await notify(n)).body.code).toBe('SUCCESS')
    expect((await notify(wx.pay(outTradeNo))).body.code).toBe('SUCCESS')
    expect(await c.backend.fingerprint()).toEqual(before)
  })

  it('the app killed before it said anything: the query confirms; the late notification is ignored', async () => {
    const { id, outTradeNo } = await ordered()
    const late = wx.pay(outTradeNo)
    expect(await view(id)).toMatchObject({ status: 'confirmed', payment: { status: 'paid' } })
    const before = await c.backend.fingerprint()
    expect((await notify(late)).status).toBe(200)
    expect(await c.backend.fingerprint()).toEqual(before)
    expect((await titles()).filter((t) => t === '青少年宫缴费成功')).toHaveLength(1)
  })

  it('forged, stale, wrong-serial, altered or unknown notifications: 401 FAIL, nothing changes', async () => {
    const { outTradeNo } = await ordered()
    const good = wx.pay(outTradeNo)
    const before = await c.backend.fingerprint()
    // WeChat Pay's own signature over the real payment, but 10 minutes old (a replay).
    const paidResource = {
      mchid: '1900000001',
      out_trade_no: outTradeNo,
      transaction_id: wx.orders.get(outTradeNo)!.transactionId,
      trade_state: 'SUCCESS',
      amount: { total: 8000 },
    }
    const stale = wx.notification('TRANSACTION.SUCCESS', paidResource, { ts: Math.floor(Date.now() / 1000) - 600 })
    const bad: Notification[] = [
      {
        ...good,
        headers: {
          ...good.headers,
          'wechatpay-signature': good.headers['wechatpay-signature'].replace(/^./, (x) => (x === 'A' ? 'B' : 'A')),
        },
      },
      { ...good, body: good.body.replace('"TRANSACTION.SUCCESS"', '"TRANSACTION.SUCCESS" ') },
      { ...good, headers: { ...good.headers, 'wechatpay-serial': 'PUB_KEY_ID_OTHER' } },
      stale,
      wx.notification('TRANSACTION.SUCCESS', {
        mchid: '1900000001',
        out_trade_no: 'MCYPnope',
        transaction_id: '1',
        trade_state: 'SUCCESS',
        amount: { total: 8000 },
      }),
      wx.notification('TRANSACTION.SUCCESS', {
        mchid: '1900000001',
        out_trade_no: outTradeNo,
        transaction_id: '2',
        trade_state: 'SUCCESS',
        amount: { total: 1 },
      }),
    ]
    for (const n of bad) {
      const r = await notify(n)
      expect(r.status).toBe(401)
      expect(r.body.code).toBe('FAIL')
      expect(r.body.message).toMatch(/[\u4e00-\u9fa5]/)
    }
    expect(await c.backend.fingerprint()).toEqual(before)
  })

  it('WeChat Pay down: 缴费 answers 503 in Chinese and makes no payment; the poll marks nothing paid', async () => {
    const e = (
      await c.call('POST', '/api/youth-palace/applications', {
        token: chen,
        body: { childId: LE, courseId: 'ypc-drawing' },
      })
    ).body
    wx.mode = 'down'
    const r = await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })
    expect(r.status).toBe(503)
    expect(r.body).toEqual({ code: 'PAY_UNAVAILABLE', message: '微信支付暂时无法使用，请稍后再试，没有扣款' })
    expect(await c.backend.inspect('yp_payments', { enrollmentId: e.id })).toHaveLength(0)
    wx.mode = 'up'
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e.id}/pay`, { token: chen })).status).toBe(200)
    const [p] = await c.backend.inspect('yp_payments', { enrollmentId: e.id })
    wx.pay(p.outTradeNo)
    wx.mode = 'down'
    expect(await view(e.id)).toMatchObject({ status: 'admitted', payment: { status: 'created' } })
    wx.mode = 'up'
    expect(await view(e.id)).toMatchObject({ status: 'confirmed', payment: { status: 'paid' } })
  })

  it('cancelling a paid place asks for the refund; its notification settles it, twice or out of order changes nothing', async () => {
    wx.refundMode = 'later'
    const { id, outTradeNo } = await ordered()
    const paid = wx.pay(outTradeNo)
    expect((await notify(paid)).status).toBe(200)
    const cancel = await c.call('POST', `/api/youth-palace/enrollments/${id}/cancel`, { token: chen })
    expect(cancel.body).toMatchObject({ refund: true, refundedFen: 8000, enrollment: { status: 'cancelled' } })
    expect(cancel.body.enrollment.payment.status).toBe('refunding')
    const [p] = await c.backend.inspect('yp_payments', { outTradeNo })
    expect(p.outRefundNo).toBe(`R${outTradeNo}`)
    expect(wx.refunds.get(p.outRefundNo)).toMatchObject({ status: 'PROCESSING', amountFen: 8000 })
    // The payment notification again (out of order, after the refund was asked): nothing changes.
    let before = await c.backend.fingerprint()
    expect((await notify(paid)).status).toBe(200)
    expect(await c.backend.fingerprint()).toEqual(before)
    const done = wx.finishRefund(p.outRefundNo)
    expect((await notify(done)).body.code).toBe('SUCCESS')
    expect((await view(id)).payment).toMatchObject({
      status: 'refunded',
      refundId: wx.refunds.get(p.outRefundNo)!.refundId,
    })
    before = await c.backend.fingerprint()
    expect((await notify(done)).status).toBe(200)
    expect((await notify(paid)).status).toBe(200)
    expect(await c.backend.fingerprint()).toEqual(before)
    expect(wx.refunds.size).toBe(1)
  })

  it('a refund asked while WeChat Pay is down is asked again by the query; money for a lapsed place goes back', async () => {
    const { id, outTradeNo } = await ordered()
    expect((await notify(wx.pay(outTradeNo))).status).toBe(200)
    wx.mode = 'down'
    const cancel = await c.call('POST', `/api/youth-palace/enrollments/${id}/cancel`, { token: chen })
    expect(cancel.status).toBe(200)
    expect(wx.refunds.size).toBe(0)
    expect((await view(id)).payment.status).toBe('refunding')
    wx.mode = 'up'
    expect((await view(id)).payment.status).toBe('refunded')
    expect(wx.refunds.size).toBe(1)

    // Money arriving after the family declined the place: paid, then refunded at once, the parent told.
    const e2 = (
      await c.call('POST', '/api/youth-palace/applications', {
        token: chen,
        body: { childId: LE, courseId: 'ypc-drawing' },
      })
    ).body
    await c.call('POST', `/api/youth-palace/enrollments/${e2.id}/pay`, { token: chen })
    const [p2] = await c.backend.inspect('yp_payments', { enrollmentId: e2.id })
    expect((await c.call('POST', `/api/youth-palace/enrollments/${e2.id}/decline`, { token: chen })).status).toBe(200)
    expect((await notify(wx.pay(p2.outTradeNo))).status).toBe(200)
    expect(await view(e2.id)).toMatchObject({ status: 'declined', payment: { status: 'refunded' } })
    expect(await titles()).toContain('青少年宫缴费将退回')
  })
})

describe('WeChat Pay in production', () => {
  it('the app’s word never confirms: confirm-payment is a demo-only route (404 in production)', () => {
    const r = ROUTES.find((x) => x.path === '/api/youth-palace/enrollments/:id/confirm-payment')
    expect(r?.demoOnly).toBe(true)
    expect(ROUTES.find((x) => x.path === '/api/pay/wechat/notify')?.access).toBe('public')
  })

  it('without WeChat Pay (production not configured): 缴费 answers 503 PAY_NOT_AVAILABLE in Chinese', async () => {
    const pay = ROUTES.find((x) => x.method === 'POST' && x.path === '/api/youth-palace/enrollments/:id/pay')!
    await expect(pay.outside!(undefined, {}, undefined, {} as never)).rejects.toMatchObject({
      status: 503,
      code: 'PAY_NOT_AVAILABLE',
      message: '微信支付暂未开通，暂时不能在线缴费，请联系社区青少年宫',
    })
  })
})
