/**
 * WeChat's login service for the server: `GET {base}/sns/jscode2session` exchanges a `wx.login` code
 * for the openid (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html).
 * Errors as WeChat documents them: 40029 invalid code, 40163 code already used, 45011 / -1 busy.
 */
import type { SubscribeMessageSender, WechatAuth } from '../backend/core/services'
import { HttpError } from '../backend/core/http'

/** Where and as whom the server calls WeChat (`WECHAT_API_BASE`, `WECHAT_APPID`, `WECHAT_SECRET`). */
export interface WechatConfig {
  /** e.g. https://api.weixin.qq.com (tests: a fake on 127.0.0.1). */
  apiBase: string
  appid: string
  secret: string
  /** Milliseconds before the call is given up as unreachable (default 5 s). */
  timeoutMs?: number
}

const unavailable = () => new HttpError(503, 'WECHAT_UNAVAILABLE', '微信登录暂时无法使用，请稍后再试')

/** The `WechatAuth` service over WeChat's HTTP API. Never logs the secret or the session key. */
export function wechatAuth(config: WechatConfig): WechatAuth {
  return {
    async codeToSession(code) {
      const q = new URLSearchParams({
        appid: config.appid,
        secret: config.secret,
        js_code: code,
        grant_type: 'authorization_code',
      })
      let body: { openid?: string; unionid?: string; errcode?: number }
      try {
        const res = await fetch(`${config.apiBase.replace(/\/$/, '')}/sns/jscode2session?${q}`, {
          signal: AbortSignal.timeout(config.timeoutMs ?? 5000),
        })
        if (!res.ok) throw unavailable()
        body = (await res.json()) as typeof body
      } catch {
        throw unavailable()
      }
      if (body.errcode === 40163)
        throw new HttpError(401, 'WECHAT_CODE_USED', '这次登录已经用过了，请重新点微信一键登录')
      if (body.errcode === 40029)
        throw new HttpError(401, 'WECHAT_CODE_INVALID', '微信登录没有成功，请重新点微信一键登录')
      if (body.errcode || typeof body.openid !== 'string' || !body.openid) throw unavailable()
      return { openid: body.openid, unionid: body.unionid }
    },
  }
}

/** Where and as whom the server sends subscribe messages: the login's config plus the template ids. */
export interface SubscribeSenderConfig extends WechatConfig {
  /** Our template key → the template id from the WeChat admin (`WECHAT_TMPL_PROGRESS`, `WECHAT_TMPL_REMINDER`). */
  templates: Partial<Record<string, string>>
  /** Which version of the mini-program a message opens: 'formal' (released), 'trial' or 'developer'. */
  miniprogramState: 'formal' | 'trial' | 'developer'
}

/** Errcodes of an access_token that is invalid or expired: fetch a new one and try again later. */
const TOKEN_ERRORS = new Set([40001, 40014, 42001])

/**
 * The subscribe-message sender over WeChat's HTTP API: `POST {base}/cgi-bin/message/subscribe/send`
 * (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/mp-message-management/subscribe-message/sendMessage.html)
 * with an access_token from `GET {base}/cgi-bin/token`, kept until 5 minutes before it expires (one
 * fetch at a time). 43101 (the person refused or used their acceptance) is 'refused'; anything else
 * not 0 throws (the outbox tries again later), and a token error drops the kept token first.
 */
export function wechatSubscribeSender(config: SubscribeSenderConfig): SubscribeMessageSender {
  const base = config.apiBase.replace(/\/$/, '')
  const timeout = () => AbortSignal.timeout(config.timeoutMs ?? 5000)
  let token: { value: string; until: number } | null = null
  let fetching: Promise<string> | null = null
  const accessToken = async (): Promise<string> => {
    if (token && Date.now() < token.until) return token.value
    fetching ??= (async () => {
      try {
        const q = new URLSearchParams({ grant_type: 'client_credential', appid: config.appid, secret: config.secret })
        const res = await fetch(`${base}/cgi-bin/token?${q}`, { signal: timeout() })
        const body = (await res.json()) as { access_token?: string; expires_in?: number; errcode?: number }
        if (!res.ok || !body.access_token) throw new Error(`WeChat token: HTTP ${res.status}, errcode ${body.errcode}`)
        token = { value: body.access_token, until: Date.now() + Math.max(0, (body.expires_in ?? 7200) - 300) * 1000 }
        return token.value
      } finally {
        fetching = null
      }
    })()
    return fetching
  }
  return {
    async send(m) {
      const templateId = config.templates[m.template]
      if (!templateId) throw new Error(`no template id for ${m.template}`)
      const at = await accessToken()
      const res = await fetch(`${base}/cgi-bin/message/subscribe/send?access_token=${encodeURIComponent(at)}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          touser: m.touser,
          template_id: templateId,
          page: m.page,
          data: Object.fromEntries(Object.entries(m.data).map(([k, value]) => [k, { value }])),
          miniprogram_state: config.miniprogramState,
          lang: 'zh_CN',
        }),
        signal: timeout(),
      })
      if (!res.ok) throw new Error(`WeChat subscribe send: HTTP ${res.status}`)
      const body = (await res.json()) as { errcode?: number; errmsg?: string }
      if (!body.errcode) return 'sent'
      if (body.errcode === 43101) return 'refused'
      if (TOKEN_ERRORS.has(body.errcode)) token = null
      throw new Error(`WeChat subscribe send: errcode ${body.errcode} ${body.errmsg ?? ''}`.trim())
    },
  }
}
