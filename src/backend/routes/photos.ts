/**
 * Photos travel on their own route: `POST /api/photos` takes one photo (JSON `{ contentType, base64 }`,
 * so the in-app backend and WeChat's `Taro.request` share one path), checks its size and that its
 * first bytes are the image it claims to be, and keeps it pending, owned by the uploader. Submissions
 * (a care-card application, a signed form…) then name it by `photoId`: `attachPhoto` checks it is the
 * caller's and unused, and attaches it to their row. Pending photos are removed after a day
 * (`Backend.purgeIdempotency`).
 */
import * as v from 'valibot'
import type { PhotoUploadDto } from '@/domain/shared/contracts'
import {
  base64Bytes,
  base64Head,
  PHOTO_MAX_BYTES,
  PHOTO_TOO_LARGE_TEXT,
  PHOTO_TYPE_TEXT,
  PHOTO_TYPES,
  sniffPhotoType,
} from '@/domain/shared/photos'
import { conflict, HttpError, PHOTO_UPLOAD_BODY_LIMIT, unprocessable } from '../core/http'
import { newId } from '../core/ids'
import { route, type Route, type RouteContext } from '../core/router'
import type { Photo } from '../model'

/** 415 `PHOTO_TYPE`: not a JPEG, PNG or WebP image, or not the kind it was declared as. */
const wrongType = () => new HttpError(415, 'PHOTO_TYPE', PHOTO_TYPE_TEXT)

/** A submission's photo field: the id `POST /api/photos` answered. */
export const photoIdSchema = (missing: string) =>
  v.pipe(v.string(missing), v.minLength(1, missing), v.maxLength(64, '照片编号不正确'))

/**
 * Attaches the uploaded photo `photoId` to `attachedTo` (what row it belongs to, e.g.
 * `care-application:ca_…`) and returns its id, which is also the id of its image. The photo must have
 * been uploaded by the caller, or by the person they act for, and not be attached yet. `field` names
 * the form field in the error.
 * @throws 422 `PHOTO_UNKNOWN` when there is no such photo or it is someone else's (the same answer, so
 * ids cannot be probed); 409 `PHOTO_USED` when it is attached already
 */
export async function attachPhoto(ctx: RouteContext, photoId: string, attachedTo: string, field = 'photoId') {
  const photo = await ctx.tx.core.photos.get(photoId, { lock: true })
  if (!photo || (photo.ownerId !== ctx.user.id && photo.ownerId !== ctx.principal.id)) {
    const message = '照片已失效，请重新拍摄'
    throw unprocessable('PHOTO_UNKNOWN', message, { [field]: message })
  }
  if (photo.attachedTo) throw conflict('PHOTO_USED', '这张照片已经提交过了，每张照片只能用一次，请重新拍摄')
  await ctx.tx.core.photos.update(photo.id, { attachedTo })
  return photo.id
}

const uploadInput = v.object({
  contentType: v.string('请选择照片'),
  base64: v.pipe(v.string('请选择照片'), v.minLength(4, '请选择照片')),
})

/** The upload route (logged-in users; a proxy may upload for the person they act for). */
export const photoRoutes: Route[] = [
  route({
    method: 'POST',
    path: '/api/photos',
    access: 'user',
    allowProxy: true,
    bodyLimit: PHOTO_UPLOAD_BODY_LIMIT,
    input: uploadInput,
    handler: async (ctx): Promise<PhotoUploadDto> => {
      const { contentType, base64 } = ctx.body
      const bytes = base64Bytes(base64)
      if (bytes > PHOTO_MAX_BYTES) throw new HttpError(413, 'PHOTO_TOO_LARGE', PHOTO_TOO_LARGE_TEXT)
      if (!/^[A-Za-z0-9+/]+={0,2}$/.test(base64) || base64.length % 4 !== 0) throw wrongType()
      const declared = PHOTO_TYPES.find((t) => t === contentType)
      if (!declared || sniffPhotoType(base64Head(base64)) !== declared) throw wrongType()
      const photo: Photo = {
        id: newId('ph'),
        ownerId: ctx.user.id,
        contentType: declared,
        bytes,
        uploadedAt: ctx.nowIso,
      }
      await ctx.tx.core.images.put(photo.id, base64)
      await ctx.tx.core.photos.insert(photo)
      return { photoId: photo.id }
    },
  }),
]
