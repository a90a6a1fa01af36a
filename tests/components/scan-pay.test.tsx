/**
 * 扫码收款 (care card, worker): WeChat scans the elder's payment-code QR with `Taro.scanCode` (stubbed
 * here); on H5, or when the scan is cancelled or fails, or the code is refused, the 8 digits are typed.
 */
import { act, fireEvent, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ScanPay } from '@/packages/care-card/components/ScanPay'
import { resetTaroDouble } from '../doubles/taro'

const taro = Taro as unknown as { scanCode?: jest.Mock }
const env = process.env.TARO_ENV

beforeEach(() => {
  resetTaroDouble()
  taro.scanCode = jest.fn()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  delete taro.scanCode
  process.env.TARO_ENV = env
})

async function tap(el: Element | null) {
  expect(el).not.toBeNull()
  await act(async () => {
    fireEvent.click(el!)
  })
}
const type = (el: Element | null, value: string) =>
  act(() => {
    fireEvent.change(el!, { target: { value } })
  })

function mount(pay: jest.Mock) {
  const view = render(<ScanPay id="o1" holderName="王秀英" busy={false} pay={pay} />)
  const $ = (sel: string) => view.container.querySelector(sel)
  return { $, text: () => view.container.textContent ?? '' }
}

describe('ScanPay', () => {
  it('on WeChat sends what the camera read, once, and opens no field when it is accepted', async () => {
    taro.scanCode!.mockResolvedValue({ result: 'MCCARD:cc-1:12345678' })
    const pay = jest.fn(async () => ({ status: 'delivered' }))
    const { $ } = mount(pay)
    await tap($('#scan-o1'))
    expect(taro.scanCode).toHaveBeenCalledWith({ onlyFromCamera: true, scanType: ['qrCode'] })
    expect(pay.mock.calls).toEqual([['MCCARD:cc-1:12345678']])
    expect($('#paycode-o1')).toBeNull()
  })

  it('a cancelled scan says so and offers typing; only 8 digits are sent', async () => {
    taro.scanCode!.mockRejectedValue({ errMsg: 'scanCode:fail cancel' })
    const pay = jest.fn(async () => ({ status: 'delivered' }))
    const { $, text } = mount(pay)
    await tap($('#scan-o1'))
    expect(text()).toContain('没有扫到付款码')
    await type($('#paycode-o1'), '1234567')
    await tap($('#paycode-send-o1'))
    expect(text()).toContain('请输入付款码下面的 8 位数字')
    expect(pay).not.toHaveBeenCalled()
    await type($('#paycode-o1'), '8765 4321')
    await tap($('#paycode-send-o1'))
    expect(pay.mock.calls).toEqual([['87654321']])
  })

  it('a refused code (the page shows why) leaves the typing field open', async () => {
    taro.scanCode!.mockResolvedValue({ result: 'MCCARD:cc-2:00000000' })
    const pay = jest.fn(async () => undefined)
    const { $ } = mount(pay)
    await tap($('#scan-o1'))
    expect(pay).toHaveBeenCalledTimes(1)
    expect($('#paycode-o1')).not.toBeNull()
  })

  it('on H5 the digits are typed: no camera scan is tried', async () => {
    process.env.TARO_ENV = 'h5'
    const pay = jest.fn(async () => ({ status: 'delivered' }))
    const { $ } = mount(pay)
    await tap($('#scan-o1'))
    expect(taro.scanCode).not.toHaveBeenCalled()
    await type($('#paycode-o1'), '12345678')
    await tap($('#paycode-send-o1'))
    expect(pay.mock.calls).toEqual([['12345678']])
  })
})
