/**
 * The transport's limits, before any handler runs: JSON bodies at most 256 KB (`JSON_BODY_LIMIT`) but
 * on the photo upload (`POST /api/photos`, its own `bodyLimit`: 2 MB of image as base64), JSON nested
 * at most 64 levels. (The request
 * id on every answer, `x-request-id`, which a 500's body quotes, is set in `ops.ts`.) Oversized bodies are refused by
 * Fastify while reading (413), so a 50 MB body is never held in memory.
 */
import type { FastifyInstance, RouteHandlerMethod } from 'fastify'
import { JSON_BODY_LIMIT } from '../backend/core/http'
import type { Route } from '../backend/core/router'

/** Deepest nesting of arrays and objects a JSON body may have (no form of ours comes near 10). */
const MAX_JSON_DEPTH = 64

/** Fastify's options for the limits: the default body limit (request ids: `ops.ts`). */
export const LIMIT_OPTIONS = { bodyLimit: JSON_BODY_LIMIT }

/**
 * Whether the JSON text `text` nests arrays and objects deeper than `max` levels. Brackets inside
 * strings do not count. One pass, no recursion, so a 10,000-deep body costs no stack.
 */
function jsonTooDeep(text: string, max = MAX_JSON_DEPTH): boolean {
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i)
    if (inString) {
      if (ch === 92 /* \ */) i++
      else if (ch === 34 /* " */) inString = false
    } else if (ch === 34) inString = true
    else if (ch === 91 /* [ */ || ch === 123 /* { */) {
      if (++depth > max) return true
    } else if (ch === 93 /* ] */ || ch === 125 /* } */) depth--
  }
  return false
}

/**
 * Reads `application/json` bodies as text within the route's body limit, refuses nesting deeper than
 * `MAX_JSON_DEPTH` (400 `JSON_TOO_DEEP`) and malformed JSON (400 `MALFORMED_JSON`); an empty body is
 * no body (a POST without fields). Fastify's own `text/plain` parser is removed: the API takes JSON
 * only, so a plain-text body is 415 `UNSUPPORTED_MEDIA_TYPE` (not a confusing 400 from the checks).
 */
export function installJsonParser(app: FastifyInstance): void {
  app.removeContentTypeParser('text/plain')
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (req, text, done) => {
    if (!text) return done(null, undefined)
    // Kept as received for routes that verify a signature over the exact body (WeChat Pay's notifications).
    ;(req as { rawBody?: string }).rawBody = text as string
    if (jsonTooDeep(text as string))
      return done(Object.assign(new Error('JSON too deep'), { statusCode: 400, code: 'JSON_TOO_DEEP' }), undefined)
    try {
      done(null, JSON.parse(text as string))
    } catch {
      done(Object.assign(new Error('malformed JSON'), { statusCode: 400, code: 'MALFORMED_JSON' }), undefined)
    }
  })
}

/**
 * Registers the routes of `routes` that raise their body limit (the photo upload) as Fastify
 * routes of their own with that limit and the catch-all's `handler`; every other request meets the
 * default limit on the catch-all.
 */
export function registerLargeBodyRoutes(
  app: FastifyInstance,
  routes: readonly Route[],
  handler: RouteHandlerMethod,
): void {
  for (const r of routes) {
    if (r.bodyLimit === undefined || r.bodyLimit <= JSON_BODY_LIMIT) continue
    app.route({ method: r.method, url: r.path, bodyLimit: r.bodyLimit, handler })
  }
}
