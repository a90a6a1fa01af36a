import Taro from '@tarojs/taro'
import { base64Bytes, MAX_PHOTO_BYTES, pickPhotoBase64 } from '@/ui/photo'
import { resetTaroDouble } from '../doubles/taro'

const b64OfBytes = (n: number) => 'A'.repeat(Math.ceil(n / 3) * 4)

describe('photo upload', () => {
  const env = process.env.TARO_ENV
  beforeEach(() => {
    resetTaroDouble()
    process.env.TARO_ENV = 'weapp'
  })
  afterAll(() => {
    process.env.TARO_ENV = env
  })

  it('measures base64 payloads in bytes', () => {
    expect(base64Bytes('aGVsbG8=')).toBe(5)
    expect(base64Bytes(b64OfBytes(300))).toBe(300)
  })

  it('compresses with lower quality until the photo is at most 200 KB (WeChat)', async () => {
    const sizes: Record<string, number> = { 80: 450_000, 60: 260_000, 40: 150_000, 25: 90_000 }
    ;(Taro.getFileSystemManager as jest.Mock).mockReturnValue({
      readFileSync: (path: string) => b64OfBytes(sizes[path.split('q=')[1]]),
    })
    const photo = await pickPhotoBase64()
    expect(base64Bytes(photo)).toBeLessThanOrEqual(MAX_PHOTO_BYTES)
    expect((Taro.compressImage as jest.Mock).mock.calls.map((c) => c[0].quality)).toEqual([80, 60, 40])
  })

  it('says so in plain words when even the lowest quality is too big', async () => {
    ;(Taro.getFileSystemManager as jest.Mock).mockReturnValue({ readFileSync: () => b64OfBytes(400_000) })
    await expect(pickPhotoBase64()).rejects.toThrow('照片太大')
  })

  it('says so when no photo was chosen', async () => {
    ;(Taro.chooseMedia as jest.Mock).mockRejectedValueOnce({ errMsg: 'chooseMedia:fail cancel' })
    await expect(pickPhotoBase64()).rejects.toThrow('没有选择照片')
  })
})
