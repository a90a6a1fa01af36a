/**
 * Proof photo for the care-card forms. Same contract as `pickPhotoBase64` (src/ui/photo.ts), which it
 * uses on H5. On WeChat it calls `chooseMedia` with callbacks: this Taro version does not promisify
 * `chooseMedia` on weapp (it is missing from `needPromiseApis`), so `await Taro.chooseMedia()` resolves
 * to undefined there and `pickPhotoBase64` fails. Remove this file once src/ui/photo.ts is fixed.
 */
import Taro from '@tarojs/taro'
import { base64Bytes, MAX_PHOTO_BYTES, pickPhotoBase64, PhotoError } from '../../../ui/photo'

function choosePath(): Promise<string> {
  return new Promise((resolve, reject) => {
    Taro.chooseMedia({
      count: 1, mediaType: ['image'], sizeType: ['compressed'], sourceType: ['camera', 'album'],
      success: (res) => {
        const path = res?.tempFiles?.[0]?.tempFilePath
        if (path) resolve(path)
        else reject(new PhotoError('没有选择照片'))
      },
      fail: () => reject(new PhotoError('没有选择照片')),
    })
  })
}

/** Asks for one photo (camera or album) and returns it compressed (≤ 200 KB) as base64. */
export async function pickProofPhoto(): Promise<string> {
  if (process.env.TARO_ENV === 'h5') return pickPhotoBase64()
  const src = await choosePath()
  const fs = Taro.getFileSystemManager()
  for (const quality of [80, 60, 40, 25]) {
    const { tempFilePath } = await Taro.compressImage({ src, quality })
    const b64 = fs.readFileSync(tempFilePath, 'base64') as string
    if (base64Bytes(b64) <= MAX_PHOTO_BYTES) return b64
  }
  throw new PhotoError('照片太大，请靠近一些重新拍摄')
}
