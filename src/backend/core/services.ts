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

/**
 * The services a backend has; each may be missing: without `wechat` WeChat login answers 503; without
 * `realName` real-name binding checks the community's population register (the demo's in-app check).
 */
export interface Services {
  wechat?: WechatAuth
  realName?: RealNameVerifier
  /** WeChat subscribe messages (the outbox's sender); without it rows are marked sent and not sent. */
  subscribeMessages?: SubscribeMessageSender
}
