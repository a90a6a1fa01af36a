/**
 * 扫码签到 in the youth-palace roll call: a family's check-in code (scanned with a stubbed `Taro.scanCode`)
 * marks that child present for this session; another course's or day's code, or no code, is refused
 * in words; a cancelled scan changes nothing.
 */
import { act, fireEvent, render } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ScanCheckin } from '@/packages/youth-palace/components/ScanCheckin'
import { resetTaroDouble } from '../doubles/taro'

const taro = Taro as unknown as { scanCode?: jest.Mock }
const env = process.env.TARO_ENV
const roster = [
  { enrollmentId: 'ype-1', childName: '王小明' },
  { enrollmentId: 'ype-2', childName: '李小红' },
]
const SESSION = '2026-03-28'

beforeEach(() => {
  resetTaroDouble()
  taro.scanCode = jest.fn()
  process.env.TARO_ENV = 'weapp'
})
afterAll(() => {
  delete taro.scanCode
  process.env.TARO_ENV = env
})

async function scanWith(result: string | Error) {
  if (result instanceof Error) taro.scanCode!.mockRejectedValue(result)
  else taro.scanCode!.mockResolvedValue({ result })
  const onPresent = jest.fn()
  const view = render(<ScanCheckin roster={roster} session={SESSION} onPresent={onPresent} />)
  await act(async () => {
    fireEvent.click(view.container.querySelector('#att-scan')!)
  })
  return { onPresent, text: view.container.textContent ?? '' }
}

describe('ScanCheckin', () => {
  it("this session's code marks that child present, with the code to send", async () => {
    const { onPresent, text } = await scanWith(`MCYP:ype-2:${SESSION}:0a1b2c3d`)
    expect(onPresent.mock.calls).toEqual([['ype-2', `MCYP:ype-2:${SESSION}:0a1b2c3d`]])
    expect(text).toContain('李小红：到了')
  })

  it("another day's, another course's code and a non-code are refused in words", async () => {
    const day = await scanWith('MCYP:ype-1:2026-04-04:0a1b2c3d')
    expect(day.onPresent).not.toHaveBeenCalled()
    expect(day.text).toContain('2026年4月4日（周六） 那次课的签到码，不是 2026年3月28日（周六） 这次课的')
    const course = await scanWith(`MCYP:ype-9:${SESSION}:0a1b2c3d`)
    expect(course.onPresent).not.toHaveBeenCalled()
    expect(course.text).toContain('别的课程')
    const other = await scanWith('MCCARD:cc-1:12345678')
    expect(other.onPresent).not.toHaveBeenCalled()
    expect(other.text).toContain('不是青少年宫的签到码')
  })

  it('a cancelled scan marks nobody and says nothing', async () => {
    const { onPresent, text } = await scanWith(new Error('scanCode:fail cancel'))
    expect(onPresent).not.toHaveBeenCalled()
    expect(text).toBe('扫码签到')
  })

  it('is not offered on H5 (the 到了/没到 list is the way there)', () => {
    process.env.TARO_ENV = 'h5'
    const view = render(<ScanCheckin roster={roster} session={SESSION} onPresent={jest.fn()} />)
    expect(view.container.querySelector('#att-scan')).toBeNull()
  })
})
