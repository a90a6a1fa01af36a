/** Photos travel on their own route: uploaded first, then named by id in the form that uses them. */
import type { PhotoUploadDto } from '@/domain/shared/contracts'
import type { PhotoType } from '@/domain/shared/photos'
import { apiRequest } from '../request'

/**
 * Uploads one photo (base64 without a `data:` prefix, at most 2 MB of image) and answers its id, valid
 * for a day and for one submission. Errors: 413 `PHOTO_TOO_LARGE`, 415 `PHOTO_TYPE` (not the image
 * it says it is), both with a plain-Chinese message.
 */
export const uploadPhoto = (photo: { contentType: PhotoType; base64: string }) =>
  apiRequest<PhotoUploadDto>({ method: 'POST', path: '/api/photos', body: photo, asSelf: true })
