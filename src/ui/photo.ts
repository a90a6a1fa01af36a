/**
 * Taking a photo for a form (proof of group, signed authorisation, paper ballot): chosen with
 * `Taro.chooseMedia`, compressed to ≤ `PHOTO_TARGET_BYTES` (WeChat `compressImage`; a canvas on H5,
 * both JPEG), and uploaded right away (`POST /api/photos`); the form keeps the photo's id. Throws
 * `PhotoError` with a plain-Chinese message; `usePhotoTaker` adds a busy state for the button.
 */
import Taro from '@tarojs/taro'
import { useCallback, useState } from 'react'
import { ApiError } from '@/api/errors'
import { uploadPhoto } from '@/api/endpoints/photos'
import { base64Bytes, PHOTO_TARGET_BYTES, PHOTO_TOO_BIG_TO_COMPRESS_TEXT } from '@/domain/shared/photos'

/** Largest photo the app uploads, in bytes (it compresses to this). */
export const MAX_PHOTO_BYTES = PHOTO_TARGET_BYTES

export class PhotoError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'PhotoError'
  }
}

export { base64Bytes }

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
  throw new PhotoError(PHOTO_TOO_BIG_TO_COMPRESS_TEXT)
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
  throw new PhotoError(PHOTO_TOO_BIG_TO_COMPRESS_TEXT)
}

/** A photo taken and uploaded: the id its form sends, and its size in bytes (for "约 120 KB"). */
export interface TakenPhoto {
  photoId: string
  bytes: number
}

/**
 * Asks for one photo, compresses it and uploads it. @throws PhotoError: nothing chosen, too big, or the
 * upload failed (the server's plain-Chinese reason, or a network problem); tapping again retries.
 */
export async function takePhoto(): Promise<TakenPhoto> {
  const base64 = await pickPhotoBase64()
  try {
    const { photoId } = await uploadPhoto({ contentType: 'image/jpeg', base64 })
    return { photoId, bytes: base64Bytes(base64) }
  } catch (e) {
    throw new PhotoError(e instanceof ApiError ? `照片没有上传成功：${e.message}` : '照片没有上传成功，请再试一次')
  }
}

/**
 * `takePhoto` with `busy` true from choosing until the upload answered (show it on the button: a
 * second tap meanwhile is ignored).
 */
export function usePhotoTaker(): { busy: boolean; take: () => Promise<TakenPhoto> } {
  const [busy, setBusy] = useState(false)
  const take = useCallback(async () => {
    setBusy(true)
    try {
      return await takePhoto()
    } finally {
      setBusy(false)
    }
  }, [])
  return { busy, take }
}
