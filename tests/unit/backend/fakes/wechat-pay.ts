/**
 * A fake of WeChat Pay's APIv3 on 127.0.0.1 (tests only), in public-key mode: it makes its own merchant
 * and platform key pairs, checks every request's `Authorization` signature with the merchant's public
 * key (401 SIGN_ERROR otherwise), and signs every answer and notification with the platform key.
 * Orders (`/v3/pay/transactions/jsapi`, query by out_trade_no) and refunds (`/v3/refund/domestic/refunds`)
 * are kept in memory; the test decides when an order is paid (`pay`) or a refund done (`finishRefund`)
 * and gets the signed notification to deliver (`notification`), which it may alter. `mode: 'down'`
 * answers 503 to everything.
 */
import { createCipheriv, createSign, createVerify, generateKeyPairSync, randomBytes } from 'node:crypto'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { WechatPayConfig } from '@/server/wechat-pay'

const FAKE_PAY_APPID = 'wx0123456789abcdef'
const FAKE_MCHID = '1900000001'
const SERIAL = '5157F09EFDC096DE15EBE81A47057A7232F1B8E1'
const PUB_KEY_ID = 'PUB_KEY_ID_0119000000012025010100000000000001'
const API_V3_KEY = '0123456789abcdefghijklmnopqrstuv'

interface Order {
  outTradeNo: string
  amountFen: number
  openid?: string
  state: 'NOTPAY' | 'SUCCESS' | 'CLOSED'
  transactionId?: string
}
interface Refund {
  outTradeNo: string
  outRefundNo: string
  refundId: string
  amountFen: number
  status: 'PROCESSING' | 'SUCCESS'
}

/** A signed notification as WeChat Pay would POST it: lower-case headers and the exact body. */
export interface Notification {
  headers: Record<string, string>
  body: string
}

export interface FakeWechatPay {
  url: string
  mode: 'up' | 'down'
  /** Refunds answer SUCCESS at once ('instant') or PROCESSING until `finishRefund` ('later'). */
  refundMode: 'instant' | 'later'
  orders: Map<string, Order>
  refunds: Map<string, Refund>
  /** Requests received, as `METHOD path`. */
  calls: string[]
  /** The server's configuration for this fake (`notifyUrl` unused: the test delivers notifications). */
  config(overrides?: Partial<WechatPayConfig>): WechatPayConfig
  /** The parent pays the order: it becomes SUCCESS; returns its signed payment notification. */
  pay(outTradeNo: string): Notification
  /** The refund completes; returns its signed refund notification. */
  finishRefund(outRefundNo: string): Notification
  /** A signed notification of `event_type` over `resource` (`ts`: its timestamp in s, default now). */
  notification(eventType: string, resource: object, opts?: { ts?: number; serial?: string }): Notification
  /** Verifies a `paySign` as WeChat's client would (RSA-SHA256 with the merchant's public key). */
  verifyPaySign(p: { timeStamp: string; nonceStr: string; package: string; paySign: string }): boolean
  close(): Promise<void>
}

const pem = () =>
  generateKeyPairSync('rsa', {
    modulusLength: 2048,
    publicKeyEncoding: { type: 'spki', format: 'pem' },
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  })

export async function startFakeWechatPay(): Promise<FakeWechatPay> {
  const merchant = pem()
  const platform = pem()
  let seq = 0
  const sign = (ts: number, n: string, body: string) =>
    createSign('RSA-SHA256').update(`${ts}\n${n}\n${body}\n`).sign(platform.privateKey, 'base64')
  const signedHeaders = (body: string, ts = Math.floor(Date.now() / 1000), serial = PUB_KEY_ID) => {
    const n = randomBytes(16).toString('hex')
    return {
      'wechatpay-timestamp': String(ts),
      'wechatpay-nonce': n,
      'wechatpay-signature': sign(ts, n, body),
      'wechatpay-serial': serial,
    }
  }
  const send = (res: http.ServerResponse, status: number, body?: object) => {
    const text = body ? JSON.stringify(body) : ''
    res.writeHead(status, { 'content-type': 'application/json', ...signedHeaders(text) })
    res.end(text)
  }
  const encrypt = (plain: string) => {
    const nonce = randomBytes(6).toString('hex')
    const aad = 'transaction'
    const c = createCipheriv('aes-256-gcm', Buffer.from(API_V3_KEY), Buffer.from(nonce))
    c.setAAD(Buffer.from(aad))
    const data = Buffer.concat([c.update(plain, 'utf8'), c.final(), c.getAuthTag()])
    return { algorithm: 'AEAD_AES_256_GCM', ciphertext: data.toString('base64'), associated_data: aad, nonce }
  }
  const refundResource = (r: Refund) => ({
    mchid: FAKE_MCHID,
    out_trade_no: r.outTradeNo,
    transaction_id: fake.orders.get(r.outTradeNo)?.transactionId,
    out_refund_no: r.outRefundNo,
    refund_id: r.refundId,
    refund_status: r.status,
    amount: { total: r.amountFen, refund: r.amountFen, payer_total: r.amountFen, payer_refund: r.amountFen },
  })
  const fake: FakeWechatPay = {
    url: '',
    mode: 'up',
    refundMode: 'instant',
    orders: new Map(),
    refunds: new Map(),
    calls: [],
    config: (overrides = {}) => ({
      apiBase: fake.url,
      appid: FAKE_PAY_APPID,
      mchid: FAKE_MCHID,
      serial: SERIAL,
      privateKey: merchant.privateKey,
      publicKey: platform.publicKey,
      publicKeyId: PUB_KEY_ID,
      apiV3Key: API_V3_KEY,
      notifyUrl: 'https://example.cn/api/pay/wechat/notify',
      ...overrides,
    }),
    notification(eventType, resource, opts = {}) {
      const body = JSON.stringify({
        id: `EV-${++seq}`,
        create_time: new Date().toISOString(),
        resource_type: 'encrypt-resource',
        event_type: eventType,
        summary: '通知',
        resource: { original_type: 'transaction', ...encrypt(JSON.stringify(resource)) },
      })
      return {
        headers: { 'content-type': 'application/json', ...signedHeaders(body, opts.ts, opts.serial) },
        body,
      }
    },
    pay(outTradeNo) {
      const o = fake.orders.get(outTradeNo)
      if (!o) throw new Error(`fake WeChat Pay: no order ${outTradeNo}`)
      o.state = 'SUCCESS'
      o.transactionId ??= `42000${String(++seq).padStart(10, '0')}`
      return fake.notification('TRANSACTION.SUCCESS', {
        mchid: FAKE_MCHID,
        appid: FAKE_PAY_APPID,
        out_trade_no: o.outTradeNo,
        transaction_id: o.transactionId,
        trade_type: 'JSAPI',
        trade_state: 'SUCCESS',
        amount: { total: o.amountFen, payer_total: o.amountFen, currency: 'CNY' },
        payer: { openid: o.openid },
      })
    },
    finishRefund(outRefundNo) {
      const r = fake.refunds.get(outRefundNo)
      if (!r) throw new Error(`fake WeChat Pay: no refund ${outRefundNo}`)
      r.status = 'SUCCESS'
      return fake.notification('REFUND.SUCCESS', refundResource(r))
    },
    verifyPaySign: (p) =>
      createVerify('RSA-SHA256')
        .update(`${FAKE_PAY_APPID}\n${p.timeStamp}\n${p.nonceStr}\n${p.package}\n`)
        .verify(merchant.publicKey, p.paySign, 'base64'),
    close: () => new Promise((r) => server.close(() => r())),
  }
  const authorised = (req: http.IncomingMessage, path: string, body: string) => {
    const m = /^WECHATPAY2-SHA256-RSA2048 (.*)$/.exec(req.headers.authorization ?? '')
    if (!m) return false
    const f = Object.fromEntries([...m[1].matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]))
    if (f.mchid !== FAKE_MCHID || f.serial_no !== SERIAL) return false
    return createVerify('RSA-SHA256')
      .update(`${req.method}\n${path}\n${f.timestamp}\n${f.nonce_str}\n${body}\n`)
      .verify(merchant.publicKey, f.signature, 'base64')
  }
  const server = http.createServer((req, res) => {
    let body = ''
    req.on('data', (c: Buffer) => (body += c.toString('utf8')))
    req.on('end', () => {
      const path = req.url ?? '/'
      fake.calls.push(`${req.method} ${path.split('?')[0]}`)
      if (fake.mode === 'down') return send(res, 503, { code: 'SYSTEM_ERROR', message: '系统繁忙' })
      if (!authorised(req, path, body)) return send(res, 401, { code: 'SIGN_ERROR', message: '签名错误' })
      const j = (body ? JSON.parse(body) : {}) as Record<string, any>
      const url = new URL(path, 'http://127.0.0.1')
      if (req.method === 'POST' && url.pathname === '/v3/pay/transactions/jsapi') {
        if (j.mchid !== FAKE_MCHID || j.appid !== FAKE_PAY_APPID || !(j.amount?.total > 0))
          return send(res, 400, { code: 'PARAM_ERROR', message: '参数错误' })
        if (!fake.orders.has(j.out_trade_no))
          fake.orders.set(j.out_trade_no, {
            outTradeNo: j.out_trade_no,
            amountFen: j.amount.total,
            openid: j.payer?.openid,
            state: 'NOTPAY',
          })
        return send(res, 200, { prepay_id: `wx${Buffer.from(j.out_trade_no).toString('hex').slice(0, 30)}` })
      }
      const q = /^\/v3\/pay\/transactions\/out-trade-no\/([^/]+)$/.exec(url.pathname)
      if (req.method === 'GET' && q) {
        const o = fake.orders.get(decodeURIComponent(q[1]))
        if (!o) return send(res, 404, { code: 'ORDER_NOT_EXIST', message: '订单不存在' })
        return send(res, 200, {
          mchid: FAKE_MCHID,
          out_trade_no: o.outTradeNo,
          transaction_id: o.transactionId,
          trade_state: o.state,
          amount: { total: o.amountFen, payer_total: o.state === 'SUCCESS' ? o.amountFen : 0 },
        })
      }
      if (req.method === 'POST' && url.pathname === '/v3/refund/domestic/refunds') {
        const o = fake.orders.get(j.out_trade_no)
        if (!o || o.state !== 'SUCCESS') return send(res, 400, { code: 'RESOURCE_NOT_EXISTS', message: '订单不存在' })
        let r = fake.refunds.get(j.out_refund_no)
        if (!r) {
          r = {
            outTradeNo: o.outTradeNo,
            outRefundNo: j.out_refund_no,
            refundId: `50300${String(++seq).padStart(10, '0')}`,
            amountFen: j.amount.refund,
            status: fake.refundMode === 'instant' ? 'SUCCESS' : 'PROCESSING',
          }
          fake.refunds.set(r.outRefundNo, r)
        }
        return send(res, 200, { ...refundResource(r), status: r.status })
      }
      const rq = /^\/v3\/refund\/domestic\/refunds\/([^/]+)$/.exec(url.pathname)
      if (req.method === 'GET' && rq) {
        const r = fake.refunds.get(decodeURIComponent(rq[1]))
        if (!r) return send(res, 404, { code: 'RESOURCE_NOT_EXISTS', message: '退款单不存在' })
        return send(res, 200, { ...refundResource(r), status: r.status })
      }
      send(res, 404, { code: 'NOT_FOUND', message: '' })
    })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
