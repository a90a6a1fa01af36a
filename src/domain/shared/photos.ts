/**
 * Photos people send (proofs, signed forms, a handwritten signature): the kinds accepted, the size
 * limits and their plain-Chinese texts, and recognising a kind from the file's first bytes (its
 * "magic number"), so a text file renamed `.jpg` is refused. One place for every photo rule: the
 * upload route (`src/backend/routes/photos.ts`) and the app's picker (`src/ui/photo.ts`) use these.
 */

/** Largest photo the upload route accepts, in bytes of the image (2 MB). */
export const PHOTO_MAX_BYTES = 2 * 1024 * 1024

/**
 * What the app compresses a photo to before uploading, in bytes (200 KB): fast on a mobile network
 * and small enough for the in-app store (WeChat storage: 1 MB per key, 10 MB in all).
 */
export const PHOTO_TARGET_BYTES = 200 * 1024

/** The kinds of image accepted, as MIME types. */
export const PHOTO_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const
export type PhotoType = (typeof PHOTO_TYPES)[number]

/** "2 MB" / "200 KB" from a byte count (the texts follow the constants). */
const sizeText = (bytes: number) => (bytes >= 1024 * 1024 ? `${bytes / (1024 * 1024)} MB` : `${bytes / 1024} KB`)

/** The upload route's answer to a photo over `PHOTO_MAX_BYTES` (413). */
export const PHOTO_TOO_LARGE_TEXT = `照片太大，请重新拍摄（不超过 ${sizeText(PHOTO_MAX_BYTES)}）`
/** The upload route's answer to a file that is not a JPEG, PNG or WebP image, or not the kind it says (415). */
export const PHOTO_TYPE_TEXT = '这不是一张照片，请重新拍摄或选择 JPG、PNG 格式的图片'
/** The app's message when even its strongest compression leaves a photo over `PHOTO_TARGET_BYTES`. */
export const PHOTO_TOO_BIG_TO_COMPRESS_TEXT = '照片太大，请靠近一些重新拍摄'

/** Bytes of the data a base64 text holds (no `data:` prefix, no line breaks). */
export const base64Bytes = (b64: string): number =>
  Math.floor((b64.length * 3) / 4) - (b64.endsWith('==') ? 2 : b64.endsWith('=') ? 1 : 0)

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'

/** The first bytes of a base64 text (at most `count`, a multiple of 3), decoded without Node or the DOM. */
export function base64Head(b64: string, count = 12): number[] {
  const out: number[] = []
  for (let i = 0; i + 4 <= b64.length && out.length < count; i += 4) {
    const n = [0, 1, 2, 3].map((k) => B64.indexOf(b64[i + k]))
    if (n[0] < 0 || n[1] < 0) break
    out.push((n[0] << 2) | (n[1] >> 4))
    if (n[2] >= 0) out.push(((n[1] & 15) << 4) | (n[2] >> 2))
    if (n[2] >= 0 && n[3] >= 0) out.push(((n[2] & 3) << 6) | n[3])
  }
  return out.slice(0, count)
}

const startsWith = (bytes: readonly number[], sig: readonly number[], at = 0) =>
  sig.every((b, i) => bytes[at + i] === b)

/**
 * The kind of image `head` (the file's first 12 bytes or more) begins with, or null: JPEG `FF D8 FF`,
 * PNG `89 50 4E 47 0D 0A 1A 0A`, WebP `RIFF` + 4 bytes of length + `WEBP`.
 */
export function sniffPhotoType(head: readonly number[]): PhotoType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(head, [0x52, 0x49, 0x46, 0x46]) && startsWith(head, [0x57, 0x45, 0x42, 0x50], 8)) return 'image/webp'
  return null
}
