/**
 * Outside services a route may call (WeChat, a real-name service, WeChat Pay). Handlers never make
 * outbound calls inside the request's transaction (it may run twice): a route's `outside` step calls
 * them before the transaction opens, and the handler gets the result as `ctx.outside`. Each service
 * throws `HttpError`s with a plain-Chinese message (e.g. 503 `WECHAT_UNAVAILABLE`).
 */

/** WeChat's `jscode2session`: a `wx.login` code exchanged for the person's openid (and unionid). */
export interface WechatAuth {
  /**
   * @throws HttpError 401 `WECHAT_CODE_USED` (the code was used already), 401 `WECHAT_CODE_INVALID`
   *   (unknown or expired code), 503 `WECHAT_UNAVAILABLE` (WeChat down, busy or unreachable)
   */
  codeToSession(code: string): Promise<{ openid: string; unionid?: string }>
}

/**
 * A 实名核验 service (name + ID number against the national register, as government and licensed
 * vendors offer it): 'match' or 'mismatch'.
 */
export interface RealNameVerifier {
  /** @throws HttpError 503 `REAL_NAME_UNAVAILABLE` when the service cannot answer (not a failed attempt) */
  verify(name: string, idNumber: string): Promise<'match' | 'mismatch'>
}

/** One WeChat subscribe message (`subscribeMessage.send`), our template key not yet turned into its id. */
interface SubscribeMessage {
  /** The person's openid. */
  touser: string
  template: string
  /** The mini-program page it opens (no leading `/`). */
  page: string
  /** The template's field values, already cut to WeChat's limits: `{ thing1: '…', time3: '…' }`. */
  data: Record<string, string>
}

/**
 * Sends WeChat subscribe messages. Resolves 'sent', or 'refused' when WeChat says the person has no
 * acceptance left (errcode 43101: refused, or used up); throws on anything worth trying again later
 * (WeChat down or busy, a token problem).
 */
export interface SubscribeMessageSender {
  send(m: SubscribeMessage): Promise<'sent' | 'refused'>
}

/** An order to pay: our number (≤ 32 characters), fen, what it is for, and the payer's openid. */
interface PayOrder {
  outTradeNo: string
  amountFen: number
  description: string
  openid?: string
}

/** What `Taro.requestPayment` takes, signed by the server (`paySign` over appId, timeStamp, nonceStr, package). */
export interface PayParams {
  appId?: string
  timeStamp: string
  nonceStr: string
  /** `prepay_id=…` */
  package: string
  signType: 'RSA'
  paySign: string
}

/** An order as WeChat Pay knows it: paid (with its transaction id and fen), still open, closed, or unknown. */
export type TradeState =
  /** `amountFen` absent: the demo's mock, which does not know the amount. */
  | { state: 'paid'; transactionId: string; amountFen?: number }
  | { state: 'pending' }
  | { state: 'closed' }
  | { state: 'unknown' }

/** A refund as WeChat Pay knows it (`unknown`: it never received the request). */
export interface RefundState {
  outRefundNo: string
  refundId?: string
  state: 'success' | 'processing' | 'failed' | 'unknown'
}

/** What a verified notification says: an order paid, a refund settled (or failed), or something else. */
export type PayEvent =
  | { kind: 'paid'; outTradeNo: string; transactionId: string; amountFen: number }
  | { kind: 'refund'; outTradeNo: string; outRefundNo: string; refundId: string; state: 'success' | 'failed' }
  | { kind: 'other'; outTradeNo: string }

/**
 * WeChat Pay (the server's `wechat-pay.ts`; the demo's `mockPay`, which reports every order paid when
 * asked). Calls throw 503 `PAY_UNAVAILABLE` when WeChat Pay cannot answer.
 */
export interface PayProvider {
  /** True for the demo's mock only (no money moves): the one provider under which the app's word may confirm. */
  readonly mock?: boolean
  /** Makes an order (JSAPI prepay) and signs the parameters for `Taro.requestPayment`. */
  prepay(order: PayOrder): Promise<PayParams & { prepayId: string }>
  /** Fresh signed parameters for an order made before (no call to WeChat Pay). */
  payParams(prepayId: string): PayParams
  /** Asks WeChat Pay for the order with our number. */
  query(outTradeNo: string): Promise<TradeState>
  /** Asks for a refund (idempotent on `outRefundNo`). */
  refund(r: {
    outTradeNo: string
    outRefundNo: string
    totalFen: number
    refundFen: number
    reason: string
  }): Promise<RefundState>
  /** Asks WeChat Pay for a refund by our number. */
  refundQuery(outRefundNo: string): Promise<RefundState>
  /**
   * Verifies a notification (its headers, lower-case, and its exact body) and reads it.
   * @throws HttpError 401 `FAIL` when the signature, serial, time or content is not WeChat Pay's
   */
  notification(headers: Record<string, string | undefined>, rawBody: string): PayEvent
}

/**
 * The services a backend has; each may be missing: without `wechat` WeChat login answers 503; without
 * `realName` real-name binding checks the community's population register (the demo's in-app check);
 * without `pay` the demo uses `mockPay` and production answers 503 `PAY_NOT_AVAILABLE` to 缴费.
 */
export interface Services {
  wechat?: WechatAuth
  realName?: RealNameVerifier
  /** WeChat subscribe messages (the outbox's sender); without it rows are marked sent and not sent. */
  subscribeMessages?: SubscribeMessageSender
  pay?: PayProvider
}
