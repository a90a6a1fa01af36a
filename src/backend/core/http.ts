/**
 * The backend's transport-neutral request and response, shared by the mock interceptor (in-app) and
 * the Node HTTP server (tests). Bodies are JSON values; errors use `{ code, message, fields? }`.
 */
import { PHOTO_MAX_BYTES } from '@/domain/shared/photos'

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE'

export interface BackendRequest {
  method: Method
  /** Path with query string, e.g. `/api/messages?cursor=10`. */
  url: string
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
  body?: unknown
  /** The body as received, before parsing (the server sets it; verified signatures need the exact bytes). */
  rawBody?: string
  /** The transport's id of this request (the server's `x-request-id`), quoted in a 500's body. */
  requestId?: string
  /** The client's IP address (the server's view of it), for the per-IP rate limits. */
  clientIp?: string
}

export interface BackendResponse {
  status: number
  body: unknown
  headers?: Record<string, string>
}

/**
 * Largest JSON body of a route (bytes): every route but the photo upload. Photos travel on their own
 * route (`POST /api/photos`); submissions name them by id.
 */
export const JSON_BODY_LIMIT = 256 * 1024

/**
 * Largest JSON body of the photo upload (bytes): a photo of `PHOTO_MAX_BYTES` (2 MB) as base64 text
 * (4 characters per 3 bytes: 2,796,204) and 1 KB for the field names and the content type: 2,797,228.
 */
export const PHOTO_UPLOAD_BODY_LIMIT = Math.ceil(PHOTO_MAX_BYTES / 3) * 4 + 1024

/** The JSON error body every failure carries. `fields` maps a field name to its message. */
export interface ErrorBody {
  code: string
  message: string
  fields?: Record<string, string>
}

/**
 * The body of an unexpected failure (500 `INTERNAL`): a plain sentence and the request's id, which the
 * person can quote and the operator finds in the log. Never the system's own message.
 */
export function internalErrorBody(requestId: string): ErrorBody & { requestId: string } {
  return { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试', requestId }
}

/** A failure with an HTTP status, thrown by handlers and turned into an error response. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly fields?: Record<string, string>,
  ) {
    super(message)
    this.name = 'HttpError'
  }

  toBody(): ErrorBody {
    return this.fields
      ? { code: this.code, message: this.message, fields: this.fields }
      : { code: this.code, message: this.message }
  }
}

/** 400: the request itself is malformed. */
export const badRequest = (message: string, fields?: Record<string, string>, code = 'BAD_REQUEST') =>
  new HttpError(400, code, message, fields)
/** 401: not logged in. */
export const unauthorized = (message = '请先登录') => new HttpError(401, 'UNAUTHORIZED', message)
/** 403: logged in but not allowed. */
export const forbidden = (message = '您没有权限进行此操作', code = 'FORBIDDEN') => new HttpError(403, code, message)
/** 404: no such thing (or not visible to this user). */
export const notFound = (message = '没有找到相关记录', code = 'NOT_FOUND') => new HttpError(404, code, message)
/** 409: conflicts with the current state (duplicate, already done). */
export const conflict = (code: string, message: string) => new HttpError(409, code, message)
/** 422: well-formed but breaks a business rule. */
export const unprocessable = (code: string, message: string, fields?: Record<string, string>) =>
  new HttpError(422, code, message, fields)
/** 429: too many attempts. */
export const tooMany = (message: string) => new HttpError(429, 'TOO_MANY_REQUESTS', message)
