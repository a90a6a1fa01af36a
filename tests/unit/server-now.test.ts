import Taro from '@tarojs/taro'
import { serverNow } from '@/ui/serverNow'
import { resetTaroDouble } from '../doubles/taro'

const request = Taro.request as unknown as jest.Mock

beforeEach(() => resetTaroDouble())

describe('serverNow (the backend\'s "now", shared by one-thing and youth-palace)', () => {
  it('reads the mock clock from the dev state in mock mode', async () => {
    request.mockResolvedValueOnce({
      statusCode: 200,
      data: { nowIso: '2026-11-30T09:00:00+08:00' },
      header: {},
      errMsg: 'request:ok',
    })
    await expect(serverNow()).resolves.toBe(Date.parse('2026-11-30T01:00:00Z'))
    expect(request.mock.calls[0][0].url).toBe('/api/dev/state')
  })

  it("falls back to the phone's clock when the dev state cannot be read", async () => {
    request.mockResolvedValue({
      statusCode: 404,
      data: { code: 'NO_ROUTE', message: '没有这个服务接口' },
      header: {},
      errMsg: 'request:ok',
    })
    const before = Date.now()
    const now = await serverNow()
    expect(now).toBeGreaterThanOrEqual(before)
    expect(now).toBeLessThanOrEqual(Date.now())
  })
})
