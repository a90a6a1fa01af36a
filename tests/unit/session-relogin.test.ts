/**
 * An expired session (401 SESSION_EXPIRED) of a person who logged in with WeChat is renewed without
 * asking: `Taro.login` again, `POST /api/auth/wechat-login`, then the refused request is sent again with
 * its idempotency key and body; requests refused together share one login. A persona login is asked to
 * log in as before.
 */
import Taro from '@tarojs/taro'
import { getMe, requestFamilyLink } from '@/api'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

const request = Taro.request as unknown as jest.Mock
const T = Taro as unknown as { login: jest.Mock }
const answer = (data: unknown, statusCode = 200) => ({ statusCode, data, header: {}, errMsg: 'request:ok' })
const EXPIRED = answer({ code: 'SESSION_EXPIRED', message: '登录已过期，请重新登录' }, 401)
const ME = { id: 'u-1', privacyAccepted: true }

beforeEach(() => {
  resetTaroDouble()
  T.login = jest.fn(async () => ({ code: `code-${T.login.mock.calls.length}`, errMsg: 'login:ok' }))
})

/** Answers like a server whose sessions named `valid` are live. */
function server(valid: Set<string>) {
  request.mockImplementation(async (req: { url: string; header: Record<string, string>; data?: unknown }) => {
    if (req.url.endsWith('/api/auth/wechat-login')) {
      const token = `t-${(req.data as { code: string }).code}`
      valid.add(token)
      return answer({ token, me: ME })
    }
    return valid.has(req.header.authorization?.slice(7)) ? answer(req.url.includes('family') ? { ok: 1 } : ME) : EXPIRED
  })
}

describe('session renewal', () => {
  it('WeChat login: logs in again silently and re-sends the refused write with the same key and body', async () => {
    useSession.setState({ token: 'old', me: ME as never, loginMethod: 'wechat', actingFor: null })
    server(new Set())
    await expect(
      requestFamilyLink({ principalIdNumber: 'X', relationship: '女儿' } as never, 'key-1'),
    ).resolves.toEqual({
      ok: 1,
    })
    const writes = request.mock.calls.map((c) => c[0]).filter((r) => r.url.includes('family'))
    expect(writes).toHaveLength(2)
    expect(writes[1].header['idempotency-key']).toBe('key-1')
    expect(writes[1].data).toEqual(writes[0].data)
    expect(writes[1].header.authorization).toBe('Bearer t-code-1')
    expect(useSession.getState().token).toBe('t-code-1')
  })

  it('requests refused together share one WeChat login', async () => {
    useSession.setState({ token: 'old', me: ME as never, loginMethod: 'wechat', actingFor: null })
    server(new Set())
    await Promise.all([getMe(), getMe(), getMe()])
    expect(T.login).toHaveBeenCalledTimes(1)
  })

  it('persona login: not renewed silently; the session ends and the person is asked', async () => {
    useSession.setState({ token: 'old', me: ME as never, loginMethod: 'persona', actingFor: null })
    server(new Set())
    expect(await getMe().catch((e) => e.code)).toBe('SESSION_EXPIRED')
    expect(T.login).not.toHaveBeenCalled()
  })
})
