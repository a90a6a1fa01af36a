/**
 * WeChat's login service for the server: `GET {base}/sns/jscode2session` exchanges a `wx.login` code
 * for the openid (https://developers.weixin.qq.com/miniprogram/dev/OpenApiDoc/user-login/code2Session.html).
 * Errors as WeChat documents them: 40029 invalid code, 40163 code already used, 45011 / -1 busy.
 */
import type { WechatAuth } from '../backend/core/services'
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
