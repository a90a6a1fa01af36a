/**
 * 导出我的数据 (settings subpackage), rendered on the in-app backend: the summary per service in plain
 * words, and the complete JSON saved as a file — written to the user folder and sent to a chat on
 * WeChat, downloaded through a Blob link on H5 — holding the same export the API answers.
 */
import { act, fireEvent, render, waitFor } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend, type Backend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import Export from '@/packages/settings/pages/export/index'
import { useSession } from '@/stores/session'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

let backend: Backend
const env = process.env.TARO_ENV

beforeEach(async () => {
  resetTaroDouble()
  backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.parse('2026-03-02T10:00:00+08:00')) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
  const r = await backend.handle({
    method: 'POST',
    url: '/api/auth/mock-login',
    headers: {},
    body: { userId: 'u-xs0' },
  })
  const { token, me } = r.body as { token: string; me: never }
  useSession.setState({ token, me, actingFor: null })
})
afterEach(() => {
  process.env.TARO_ENV = env
})

/** A Blob's text through FileReader (jsdom's Blob has no `text()`). */
const readBlob = (b: Blob) =>
  new Promise<string>((resolve) => {
    const r = new FileReader()
    r.onload = () => resolve(String(r.result))
    r.readAsText(b)
  })

const shown = async () => {
  render(<Export />)
  await waitFor(() => expect(document.body.textContent).toContain('爱心卡'))
}

it('shows the summary per service and sends the JSON file on WeChat', async () => {
  process.env.TARO_ENV = 'weapp'
  const written: { filePath: string; data: string }[] = []
  ;(Taro.getFileSystemManager as jest.Mock).mockReturnValue({
    writeFile: (o: { filePath: string; data: string; success: () => void }) => {
      written.push(o)
      o.success()
    },
  })
  const share = jest.fn(() => Promise.resolve({}))
  Object.assign(Taro, { env: { USER_DATA_PATH: 'wxfile://usr' }, shareFileMessage: share })
  await shown()
  expect(document.getElementById('export-save')?.textContent).toBe('发送完整数据文件')
  for (const service of ['账号与消息', '爱心卡', '青少年宫', '加装电梯', '一件事'])
    expect(document.body.textContent).toContain(service)
  expect(document.body.textContent).toMatch(/服务预约：\d+ 次/)
  await act(async () => {
    fireEvent.click(document.getElementById('export-save')!)
  })
  await waitFor(() => expect(document.getElementById('export-saved')?.textContent).toBe('数据文件已发送'))
  expect(written[0].filePath).toBe('wxfile://usr/现代社区-我的数据-2026-03-02.json')
  const file = JSON.parse(written[0].data)
  expect(file.schemaVersion).toBe(1)
  expect(file.tables.care_orders.map((o: { id: string }) => o.id)).toEqual(
    (await backend.inspect<{ id: string }>('care_orders', { holderId: 'u-xs0' }))
      .map((o) => o.id)
      .sort()
      .reverse(),
  )
  expect(share).toHaveBeenCalledWith({ filePath: written[0].filePath, fileName: '现代社区-我的数据-2026-03-02.json' })
})

it('downloads the JSON file on H5', async () => {
  process.env.TARO_ENV = 'h5'
  const blobs: Blob[] = []
  Object.assign(URL, { createObjectURL: (b: Blob) => (blobs.push(b), 'blob:x'), revokeObjectURL: () => {} })
  const clicked = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (
    this: HTMLAnchorElement,
  ) {
    expect(this.download).toBe('现代社区-我的数据-2026-03-02.json')
  })
  await shown()
  expect(document.getElementById('export-save')?.textContent).toBe('下载完整数据文件')
  await act(async () => {
    fireEvent.click(document.getElementById('export-save')!)
  })
  await waitFor(() => expect(document.getElementById('export-saved')?.textContent).toBe('数据文件已开始下载'))
  expect(clicked).toHaveBeenCalled()
  const file = JSON.parse(await readBlob(blobs[0]))
  expect(file.userId).toBe('u-xs0')
  expect(file.tables.care_cards).toHaveLength(1)
  expect(file.tables.care_cards[0].codeSecret).toBeUndefined()
})
