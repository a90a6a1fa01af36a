/**
 * The HTTP transport: Fastify, with one catch-all route that hands every `/api/...` request to the
 * backend's route table (valibot stays the one schema system). Fastify's own refusals (bad JSON, no
 * route, body too large, wrong content type) answer in the backend's `{ code, message }` shape in
 * plain Chinese. In demo mode the fault schedule is played out as on a real network: `timeout` holds
 * the request then drops it, `server-error` answers 503, `lost-response` runs the handler then drops
 * the connection.
 */
import Fastify, { type FastifyInstance, type FastifyReply, type RouteHandlerMethod } from 'fastify'
import type { Backend } from '../backend'
import { internalErrorBody, type Method } from '../backend/core/http'
import { installJsonParser, LIMIT_OPTIONS, registerLargeBodyRoutes } from './limits'
import { installOps, opsServerOptions, type OpsOptions } from './ops'
import { installWaitingRoom, type WaitingRoomOptions } from './waiting-room'

export interface AppOptions {
  /** Largest accepted body in bytes on routes that do not raise it (default 256 KB). */
  bodyLimit?: number
  /** How long a `timeout` fault holds the request before dropping it (ms). */
  timeoutHoldMs?: number
  /** Logs, request ids, CORS allow-list, security headers, health checks (`ops.ts`; defaults: the demo's). */
  ops?: OpsOptions
  /** Answer 503 `WAITING_ROOM` + `Retry-After` at once when this process is saturated (`waiting-room.ts`). */
  waitingRoom?: WaitingRoomOptions
}

/** CORS headers of every answer; the allowed origin comes from the allow-list (`ops.ts`). */
const CORS = {
  'access-control-allow-headers': 'authorization, content-type, idempotency-key, x-acting-for',
  'access-control-allow-methods': 'GET, POST, PUT, PATCH, DELETE',
}

/** Fastify's error codes → our answer. */
function fastifyError(e: { statusCode?: number; code?: string }): { status: number; code: string; message: string } {
  switch (e.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'BODY_TOO_LARGE', message: '提交的内容太大，请压缩照片或分几次提交' }
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE', message: '提交的内容格式不支持，请用 JSON 提交' }
    case 'JSON_TOO_DEEP':
      return { status: 400, code: 'JSON_TOO_DEEP', message: '提交的内容层次太深，格式不正确' }
    case 'FST_ERR_BAD_URL':
    case 'FST_ERR_MAX_PARAM_LENGTH':
      return { status: 400, code: 'BAD_PATH', message: '请求地址格式不正确' }
    case 'MALFORMED_JSON':
    case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
      return { status: 400, code: 'MALFORMED_JSON', message: '提交的内容格式不正确' }
    default:
      if (e.statusCode === 400 || e instanceof SyntaxError)
        return { status: 400, code: 'MALFORMED_JSON', message: '提交的内容格式不正确' }
      return { status: 500, code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' }
  }
}

/** A Fastify app serving `backend` (not yet listening). */
export function buildApp(backend: Backend, opts: AppOptions = {}): FastifyInstance {
  const app = Fastify({
    ...LIMIT_OPTIONS,
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
    // Logger and request ids (a well-formed id from the proxy in front is kept).
    ...opsServerOptions(opts.ops),
    // A path that is not valid percent-encoding, refused before routing.
    frameworkErrors: (error, req, reply) => {
      const { status, code, message } = fastifyError(error)
      void (reply as FastifyReply).code(status).headers(CORS).header('x-request-id', req.id).send({ code, message })
    },
  })
  // Request id, security headers and CORS on every answer; one log line per request; health checks.
  installOps(app, opts.ops)
  if (opts.waitingRoom) installWaitingRoom(app, opts.waitingRoom, CORS)
  installJsonParser(app)
  app.setErrorHandler((error, req, reply) => {
    const { status, code, message } = fastifyError(error as { statusCode?: number; code?: string })
    void reply
      .code(status)
      .headers(CORS)
      .send(code === 'INTERNAL' ? internalErrorBody(req.id) : { code, message })
  })
  app.setNotFoundHandler((_req, reply) => {
    void reply.code(404).headers(CORS).send({ code: 'NO_ROUTE', message: '没有这个服务接口' })
  })
  app.options('/*', (_req, reply) => {
    void reply.code(204).headers(CORS).send()
  })
  const handler: RouteHandlerMethod = async (req, reply) => {
    const fault = await backend.decideFault(req.url)
    if (fault.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs))
    if (fault.kind === 'timeout') {
      setTimeout(() => req.raw.socket.destroy(), opts.timeoutHoldMs ?? 10_000)
      return reply.hijack()
    }
    if (fault.kind === 'server-error') {
      return reply.code(503).headers(CORS).send({ code: 'SERVICE_UNAVAILABLE', message: '服务繁忙，请稍后再试' })
    }
    const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v]))
    const out = await backend.handle({
      method: req.method as Method,
      url: req.url,
      headers,
      body: req.body ?? undefined,
      rawBody: (req as { rawBody?: string }).rawBody,
      requestId: req.id,
      clientIp: req.ip,
    })
    if (fault.kind === 'lost-response') {
      req.raw.socket.destroy()
      return reply.hijack()
    }
    return reply
      .code(out.status)
      .headers({ ...CORS, ...(out.headers ?? {}) })
      .type('application/json; charset=utf-8')
      .send(JSON.stringify(out.body))
  }
  app.route({ method: ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'], url: '/api/*', handler })
  registerLargeBodyRoutes(app, backend.routes, handler)
  return app
}
