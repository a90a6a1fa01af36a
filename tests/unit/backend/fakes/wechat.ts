/**
 * A fake of WeChat's `jscode2session` on 127.0.0.1 (tests only): codes handed out with `issue(openid)`
 * are valid once (then errcode 40163), unknown codes get 40029, `mode` 'down' answers HTTP 503 and
 * 'busy' errcode -1. Checks the appid and secret as WeChat would (40013 / 40125).
 * Also `cgi-bin/token` (access tokens of `tokenTtlS` seconds) and `cgi-bin/message/subscribe/send`
 * (each valid send recorded in `sent`; `sendMode` 'down' answers HTTP 503, 'refuse' errcode 43101; an
 * unknown or expired token errcode 40001).
 */
import http from 'node:http'
import type { AddressInfo } from 'node:net'

export const FAKE_APPID = 'wx0123456789abcdef'
export const FAKE_SECRET = '0123456789abcdef0123456789abcdef'

export interface FakeWechat {
  url: string
  mode: 'up' | 'down' | 'busy'
  /** A fresh `wx.login` code for `openid`. */
  issue(openid: string): string
  /** Requests received. */
  calls: number
  /** Subscribe messages accepted by `subscribe/send`, in order. */
  sent: {
    touser: string
    template_id: string
    page: string
    data: Record<string, { value: string }>
    miniprogram_state: string
  }[]
  sendMode: 'up' | 'down' | 'refuse'
  /** Access tokens handed out. */
  tokensIssued: number
  /** Lifetime of the next tokens handed out, in seconds (WeChat: 7200). */
  tokenTtlS: number
  close(): Promise<void>
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const codes = new Map<string, string>()
  const used = new Set<string>()
  const tokens = new Map<string, number>()
  let seq = 0
  const send = (res: http.ServerResponse, status: number, body: object) => {
    res.writeHead(status, { 'content-type': 'application/json' })
    res.end(JSON.stringify(body))
  }
  const fake: FakeWechat = {
    url: '',
    mode: 'up',
    calls: 0,
    sent: [],
    sendMode: 'up',
    tokensIssued: 0,
    tokenTtlS: 7200,
    issue(openid) {
      const code = `code-${++seq}-${openid}`
      codes.set(code, openid)
      return code
    },
    close: () => new Promise((r) => server.close(() => r())),
  }
  const server = http.createServer((req, res) => {
    fake.calls++
    const url = new URL(req.url ?? '/', 'http://127.0.0.1')
    if (url.pathname === '/cgi-bin/token') {
      const q = url.searchParams
      if (q.get('appid') !== FAKE_APPID || q.get('secret') !== FAKE_SECRET)
        return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' })
      const token = `token-${++fake.tokensIssued}`
      tokens.set(token, Date.now() + fake.tokenTtlS * 1000)
      return send(res, 200, { access_token: token, expires_in: fake.tokenTtlS })
    }
    if (url.pathname === '/cgi-bin/message/subscribe/send' && req.method === 'POST') {
      let raw = ''
      req.on('data', (d) => (raw += d))
      req.on('end', () => {
        if (fake.sendMode === 'down') return send(res, 503, {})
        const until = tokens.get(url.searchParams.get('access_token') ?? '')
        if (!until || until < Date.now()) return send(res, 200, { errcode: 40001, errmsg: 'invalid credential' })
        if (fake.sendMode === 'refuse')
          return send(res, 200, { errcode: 43101, errmsg: 'user refuse to accept the msg' })
        const body = JSON.parse(raw) as FakeWechat['sent'][number]
        for (const [k, { value }] of Object.entries(body.data))
          if (k.startsWith('thing') && [...value].length > 20)
            return send(res, 200, { errcode: 47003, errmsg: `argument invalid! data.${k}.value` })
        fake.sent.push(body)
        send(res, 200, { errcode: 0, errmsg: 'ok', msgid: fake.sent.length })
      })
      return
    }
    if (url.pathname !== '/sns/jscode2session') return send(res, 404, {})
    if (fake.mode === 'down') return send(res, 503, {})
    if (fake.mode === 'busy') return send(res, 200, { errcode: -1, errmsg: 'system error' })
    const q = url.searchParams
    if (q.get('appid') !== FAKE_APPID) return send(res, 200, { errcode: 40013, errmsg: 'invalid appid' })
    if (q.get('secret') !== FAKE_SECRET) return send(res, 200, { errcode: 40125, errmsg: 'invalid appsecret' })
    const code = q.get('js_code') ?? ''
    if (used.has(code)) return send(res, 200, { errcode: 40163, errmsg: 'code been used' })
    const openid = codes.get(code)
    if (!openid || q.get('grant_type') !== 'authorization_code')
      return send(res, 200, { errcode: 40029, errmsg: 'invalid code' })
    used.add(code)
    send(res, 200, { openid, session_key: 'c2Vzc2lvbi1rZXk=' })
  })
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()))
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
  return fake
}
