/**
 * Taking a photo for upload (proof of group, signed authorisation, paper ballot): chosen with
 * `Taro.chooseMedia`, compressed to ≤ 200 KB (WeChat `compressImage`; a canvas on H5), returned as
 * base64 text to send in JSON. Throws `PhotoError` with a plain-Chinese message.
 */
import Taro from '@tarojs/taro'

/** Largest photo we upload, in bytes. */
export const MAX_PHOTO_BYTES = 200 * 1024

export class PhotoError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PhotoError'
  }
}

/** Bytes of the data a base64 string holds. */
export const base64Bytes = (b64: string) =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)

/** Asks for one photo (camera or album) and returns it compressed as base64 (no data: prefix). */
export async function pickPhotoBase64(): Promise<string> {
  let res: Taro.chooseMedia.SuccessCallbackResult
  try {
    res = await Taro.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['compressed'],
      sourceType: ['camera', 'album'],
    })
  } catch {
    throw new PhotoError('没有选择照片')
  }
  const path = res.tempFiles[0]?.tempFilePath
  if (!path) throw new PhotoError('没有选择照片')
  return process.env.TARO_ENV === 'h5' ? compressOnCanvas(path) : compressOnWeChat(path)
}

async function compressOnWeChat(src: string): Promise<string> {
  const fs = Taro.getFileSystemManager()
  for (const quality of [80, 60, 40, 25]) {
    const { tempFilePath } = await Taro.compressImage({ src, quality })
    const b64 = fs.readFileSync(tempFilePath, 'base64') as string
    if (base64Bytes(b64) <= MAX_PHOTO_BYTES) return b64
  }
  throw new PhotoError('照片太大，请靠近一些重新拍摄')
}

async function compressOnCanvas(src: string): Promise<string> {
  const img = await new Promise<HTMLImageElement>((resolve, reject) => {
    const el = new Image()
    el.onload = () => resolve(el)
    el.onerror = () => reject(new PhotoError('照片无法打开，请换一张'))
    el.src = src
  })
  for (const [maxSide, quality] of [
    [1600, 0.8],
    [1280, 0.7],
    [1024, 0.6],
    [800, 0.5],
    [640, 0.4],
  ] as const) {
    const scale = Math.min(1, maxSide / Math.max(img.width, img.height))
    const canvas = document.createElement('canvas')
    canvas.width = Math.round(img.width * scale)
    canvas.height = Math.round(img.height * scale)
    canvas.getContext('2d')!.drawImage(img, 0, 0, canvas.width, canvas.height)
    const b64 = canvas.toDataURL('image/jpeg', quality).split(',')[1] ?? ''
    if (b64 && base64Bytes(b64) <= MAX_PHOTO_BYTES) return b64
  }
  throw new PhotoError('照片太大，请靠近一些重新拍摄')
}
