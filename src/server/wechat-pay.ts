/**
 * WeChat Pay (APIv3, JSAPI, "public-key mode") for the server, with node's crypto only:
 * - requests are signed with the merchant key (`Authorization: WECHATPAY2-SHA256-RSA2048 …` over
 *   `METHOD\nPATH\nTIMESTAMP\nNONCE\nBODY\n`), and every answer's signature is checked like a notification's;
 * - `prepay` makes a JSAPI order (`POST /v3/pay/transactions/jsapi`) and signs what `wx.requestPayment`
 *   takes (`paySign`: RSA-SHA256 over `appId\ntimeStamp\nnonceStr\npackage\n`);
 * - `query` asks for an order (`GET /v3/pay/transactions/out-trade-no/{no}`), `refund` / `refundQuery`
 *   (`/v3/refund/domestic/refunds`), both idempotent at WeChat Pay on our numbers;
 * - `notification` checks a payment or refund notification's `Wechatpay-*` headers (our platform
 *   public key's id as serial, a 5-minute window, RSA-SHA256 with that key) and decrypts its `resource`
 *   (AEAD_AES_256_GCM with the APIv3 key).
 * https://pay.weixin.qq.com/doc/v3/merchant/4012791856 (JSAPI), …/4013053249 (public-key verification).
 */
import { createDecipheriv, createPrivateKey, createPublicKey, createSign, createVerify, randomBytes } from 'node:crypto'
import type { KeyObject } from 'node:crypto'
import { HttpError } from '../backend/core/http'
import type { PayEvent, PayProvider, RefundState, TradeState } from '../backend/core/services'

/** The merchant's WeChat Pay settings (`WECHATPAY_*`, see `.env.example`). */
export interface WechatPayConfig {
  /** e.g. https://api.mch.weixin.qq.com (tests: a fake on 127.0.0.1). */
  apiBase: string
  /** The mini-program's AppID the orders are made for. */
  appid: string
  mchid: string
  /** Serial number of the merchant's API certificate (`WECHATPAY_SERIAL`). */
  serial: string
  /** The merchant's API private key, PEM. */
  privateKey: string
  /** WeChat Pay's platform public key, PEM, and its id (`PUB_KEY_ID_…`, the `Wechatpay-Serial` it signs with). */
  publicKey: string
  publicKeyId: string
  /** The APIv3 key (32 characters) that encrypts notifications. */
  apiV3Key: string
  /** Where WeChat Pay sends notifications: https://…/api/pay/wechat/notify. */
  notifyUrl: string
  /** Milliseconds before a call is given up (default 5 s). */
  timeoutMs?: number
  /** The wall clock (epoch ms) for the 5-minute window (tests). */
  now?: () => number
}

const WINDOW_S = 300
const unavailable = () => new HttpError(503, 'PAY_UNAVAILABLE', '微信支付暂时无法使用，请稍后再试，没有扣款')
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- WeChat Pay's JSON, read field by field
type Json = Record<string, any>
const rejected = (message: string) => new HttpError(401, 'FAIL', message)
const nonce = () => randomBytes(16).toString('hex')

/** RSA-SHA256 of `lines` (each followed by `\n`), base64. */
function signLines(key: KeyObject, lines: string[]): string {
  return createSign('RSA-SHA256')
    .update(lines.map((l) => `${l}\n`).join(''))
    .sign(key, 'base64')
}

/** The `PayProvider` over WeChat Pay's APIv3. Never logs a key. */
export function wechatPay(config: WechatPayConfig): PayProvider {
  const merchantKey = createPrivateKey(config.privateKey)
  const platformKey = createPublicKey(config.publicKey)
  const base = config.apiBase.replace(/\/$/, '')
  const now = config.now ?? Date.now

  /** Checks a signed message from WeChat Pay (an answer or a notification); throws `fail` when it is not. */
  const verify = (headers: Record<string, string | undefined>, body: string, fail: (why: string) => Error) => {
    const ts = headers['wechatpay-timestamp'] ?? ''
    const n = headers['wechatpay-nonce'] ?? ''
    const sig = headers['wechatpay-signature'] ?? ''
    if (headers['wechatpay-serial'] !== config.publicKeyId) throw fail('签名证书不对')
    if (!/^\d{1,12}$/.test(ts) || Math.abs(now() / 1000 - Number(ts)) > WINDOW_S) throw fail('时间戳过期')
    const ok = createVerify('RSA-SHA256').update(`${ts}\n${n}\n${body}\n`).verify(platformKey, sig, 'base64')
    if (!ok) throw fail('签名不对')
  }

  /** One signed call; the answer's status and JSON body (its signature checked when it has a body). */
  const call = async (method: 'GET' | 'POST', path: string, body?: object) => {
    const text = body ? JSON.stringify(body) : ''
    const ts = String(Math.floor(now() / 1000))
    const n = nonce()
    const signature = signLines(merchantKey, [method, path, ts, n, text])
    const authorization = `WECHATPAY2-SHA256-RSA2048 mchid="${config.mchid}",nonce_str="${n}",signature="${signature}",timestamp="${ts}",serial_no="${config.serial}"`
    let res: Response
    let answer: string
    try {
      res = await fetch(base + path, {
        method,
        headers: { authorization, accept: 'application/json', 'content-type': 'application/json' },
        body: body ? text : undefined,
        signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
      })
      answer = await res.text()
    } catch {
      throw unavailable()
    }
    if (res.status >= 500 || res.status === 429) throw unavailable()
    const headers: Record<string, string | undefined> = {}
    res.headers.forEach((value, key) => (headers[key] = value))
    // A 2xx answer that is not WeChat Pay's own (forged or altered on the way) is not believed.
    if (res.ok) verify(headers, answer, () => unavailable())
    try {
      return { status: res.status, json: (answer ? JSON.parse(answer) : {}) as Json }
    } catch {
      throw unavailable()
    }
  }

  const payParams = (prepayId: string) => {
    const timeStamp = String(Math.floor(now() / 1000))
    const nonceStr = nonce()
    const pkg = `prepay_id=${prepayId}`
    return {
      appId: config.appid,
      timeStamp,
      nonceStr,
      package: pkg,
      signType: 'RSA' as const,
      paySign: signLines(merchantKey, [config.appid, timeStamp, nonceStr, pkg]),
    }
  }

  const refundState = (j: Json): RefundState => ({
    outRefundNo: String(j.out_refund_no ?? ''),
    refundId: j.refund_id ? String(j.refund_id) : undefined,
    state: j.status === 'SUCCESS' ? 'success' : j.status === 'PROCESSING' ? 'processing' : 'failed',
  })

  return {
    async prepay(order) {
      const { status, json } = await call('POST', '/v3/pay/transactions/jsapi', {
        appid: config.appid,
        mchid: config.mchid,
        description: order.description.slice(0, 127),
        out_trade_no: order.outTradeNo,
        notify_url: config.notifyUrl,
        amount: { total: order.amountFen, currency: 'CNY' },
        payer: { openid: order.openid },
      })
      if (status !== 200 || typeof json.prepay_id !== 'string') throw unavailable()
      return { prepayId: json.prepay_id, ...payParams(json.prepay_id) }
    },
    payParams,
    async query(outTradeNo): Promise<TradeState> {
      const path = `/v3/pay/transactions/out-trade-no/${encodeURIComponent(outTradeNo)}?mchid=${config.mchid}`
      const { status, json } = await call('GET', path)
      if (status === 404) return { state: 'unknown' }
      if (status !== 200) throw unavailable()
      if (json.trade_state === 'SUCCESS' || json.trade_state === 'REFUND')
        return { state: 'paid', transactionId: String(json.transaction_id), amountFen: Number(json.amount?.total) }
      if (json.trade_state === 'CLOSED' || json.trade_state === 'REVOKED' || json.trade_state === 'PAYERROR')
        return { state: 'closed' }
      return { state: 'pending' }
    },
    async refund(r) {
      const { status, json } = await call('POST', '/v3/refund/domestic/refunds', {
        out_trade_no: r.outTradeNo,
        out_refund_no: r.outRefundNo,
        reason: r.reason.slice(0, 80),
        notify_url: config.notifyUrl,
        amount: { refund: r.refundFen, total: r.totalFen, currency: 'CNY' },
      })
      if (status !== 200) throw unavailable()
      return refundState(json)
    },
    async refundQuery(outRefundNo) {
      const { status, json } = await call('GET', `/v3/refund/domestic/refunds/${encodeURIComponent(outRefundNo)}`)
      if (status === 404) return { outRefundNo, state: 'unknown' }
      if (status !== 200) throw unavailable()
      return refundState(json)
    },
    notification(headers, rawBody): PayEvent {
      verify(headers, rawBody, (why) => rejected(`通知验签失败：${why}`))
      let r: Json
      try {
        const note = JSON.parse(rawBody) as { event_type?: string; resource?: Record<string, string> }
        const res = note.resource ?? {}
        if (res.algorithm !== 'AEAD_AES_256_GCM') throw new Error('algorithm')
        const data = Buffer.from(res.ciphertext, 'base64')
        const decipher = createDecipheriv('aes-256-gcm', Buffer.from(config.apiV3Key, 'utf8'), Buffer.from(res.nonce))
        decipher.setAAD(Buffer.from(res.associated_data ?? ''))
        decipher.setAuthTag(data.subarray(data.length - 16))
        const plain = Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()])
        r = { ...(JSON.parse(plain.toString('utf8')) as object), event_type: note.event_type }
      } catch {
        throw rejected('通知内容无法解密')
      }
      if (r.mchid !== undefined && r.mchid !== config.mchid) throw rejected('不是本商户的通知')
      if (typeof r.out_refund_no === 'string')
        return {
          kind: 'refund',
          outTradeNo: String(r.out_trade_no),
          outRefundNo: r.out_refund_no,
          refundId: String(r.refund_id ?? ''),
          state: r.refund_status === 'SUCCESS' ? 'success' : 'failed',
        }
      if (r.trade_state === 'SUCCESS')
        return {
          kind: 'paid',
          outTradeNo: String(r.out_trade_no),
          transactionId: String(r.transaction_id),
          amountFen: Number(r.amount?.total),
        }
      return { kind: 'other', outTradeNo: String(r.out_trade_no ?? '') }
    },
  }
}
