/**
 * Photo of a signed paper form as base64 (≤ 200 KB). On WeChat, `Taro.chooseMedia` / `compressImage`
 * are called with explicit success/fail callbacks: where the wx API is not promisified (seen in the
 * test harness), `src/ui/photo.ts`'s `await Taro.chooseMedia()` gets `undefined`. H5 uses the shared helper.
 */
import Taro from '@tarojs/taro'
import { MAX_PHOTO_BYTES, PhotoError, base64Bytes, pickPhotoBase64 } from '../../../ui/photo'

const call = <R>(fn: (o: Record<string, unknown>) => unknown, opts: Record<string, unknown>) =>
  new Promise<R>((resolve, reject) => { fn({ ...opts, success: resolve, fail: reject }) })

export async function takeFormPhoto(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return pickPhotoBase64()
  let res: { tempFiles?: { tempFilePath: string }[] }
  try {
    res = await call(Taro.chooseMedia as never, { count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'] })
  } catch {
    throw new PhotoError('没有选择照片')
  }
  const src = res?.tempFiles?.[0]?.tempFilePath
  if (!src) throw new PhotoError('没有选择照片')
  const fs = Taro.getFileSystemManager()
  for (const quality of [80, 60, 40, 25]) {
    const { tempFilePath } = await call<{ tempFilePath: string }>(Taro.compressImage as never, { src, quality })
    const b64 = fs.readFileSync(tempFilePath, 'base64') as string
    if (base64Bytes(b64) <= MAX_PHOTO_BYTES) return b64
  }
  throw new PhotoError('照片太大，请靠近一些重新拍摄')
}
