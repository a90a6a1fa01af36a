/**
 * Real tiny images for the route tests, and uploading one: submissions name photos by the id
 * `POST /api/photos` answers, and that route accepts only real JPEG, PNG or WebP images.
 */
import type { Client } from './client'
import type { Ok } from './journeys'

/** A 2×2 grey JPEG (612 bytes), made with jpeg-js. */
export const TINY_JPEG =
  '/9j/4AAQSkZJRgABAQAAAQABAAD/2wCEABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBkeFxlZ2MBERISGBUYLxoaL2NCOEJjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY//AABEIAAIAAgMBEQACEQEDEQH/xAGiAAABBQEBAQEBAQAAAAAAAAAAAQIDBAUGBwgJCgsQAAIBAwMCBAMFBQQEAAABfQECAwAEEQUSITFBBhNRYQcicRQygZGhCCNCscEVUtHwJDNicoIJChYXGBkaJSYnKCkqNDU2Nzg5OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6g4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2drh4uPk5ebn6Onq8fLz9PX29/j5+gEAAwEBAQEBAQEBAQAAAAAAAAECAwQFBgcICQoLEQACAQIEBAMEBwUEBAABAncAAQIDEQQFITEGEkFRB2FxEyIygQgUQpGhscEJIzNS8BVictEKFiQ04SXxFxgZGiYnKCkqNTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqCg4SFhoeIiYqSk5SVlpeYmZqio6Slpqeoqaqys7S1tre4ubrCw8TFxsfIycrS09TV1tfY2dri4+Tl5ufo6ery8/T19vf4+fr/2gAMAwEAAhEDEQA/AOkoA//Z'

/** A 1×1 blue PNG (70 bytes), made with pngjs. */
export const TINY_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR4AWOQSznxHwAEOAJKxtFocAAAAABJRU5ErkJggg=='

/**
 * Uploads `TINY_JPEG` as the user of `token` (acting for `actingFor` when given) and returns the
 * photo's id for a submission's `photoId` field. @throws when the upload is refused
 */
export async function uploadedPhoto(c: Client, token: string, actingFor?: string): Promise<string> {
  const r = await c.call('POST', '/api/photos', {
    token,
    actingFor,
    body: { contentType: 'image/jpeg', base64: TINY_JPEG },
  })
  if (r.status !== 200) throw new Error(`photo upload: ${r.status} ${JSON.stringify(r.body)}`)
  return r.body.photoId as string
}

/** `uploadedPhoto` through a suite's `ok` helper (the upload must succeed): the photo id. */
export async function photoOf(ok: Ok, userId: string, actingFor?: string): Promise<string> {
  const body = { contentType: 'image/jpeg', base64: TINY_JPEG }
  return (await ok(userId, 'POST', '/api/photos', { actingFor, body })).photoId as string
}
