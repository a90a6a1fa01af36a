/**
 * The waiting room: when this process is saturated it answers at once with 503 `WAITING_ROOM` and
 * `Retry-After` (seconds), before reading the body or touching the database, instead of queueing the
 * request until the person's phone gives up. The app shows 排队中 with the wait and sends the same request
 * again by itself (same idempotency key), keeping what the person chose. Saturation is measured by
 * `@fastify/under-pressure`: the event loop's mean delay (CPU-bound), or the database pool's queue (work
 * waiting for a connection: the database is the bottleneck) — in time, how long the first in the queue has
 * waited, since a queue of 40 is a few milliseconds on a quiet machine and seconds on a busy one; a count
 * is kept as a backstop. All are this process's own state; every
 * process decides for itself, and a load balancer in front sends the retry wherever there is room.
 * Health checks (`/healthz`, `/readyz`) and CORS preflights are never turned away.
 */
import underPressure from '@fastify/under-pressure'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'

export interface WaitingRoomOptions {
  /** Mean event-loop delay over one sample that counts as saturated (ms; default 200). */
  maxEventLoopDelayMs?: number
  /** Requests waiting for a database connection that count as saturated (default 40: 4× a pool of 10). */
  maxPoolWaiting?: number
  /** The pool's current queue (`SqlDriver.waiting`). */
  poolWaiting(): number
  /** How long the first request in the pool's queue has waited so far (ms; `SqlDriver.oldestWaitMs`). */
  poolWaitMs?(): number
  /**
   * A wait for a connection that counts as saturated (ms; default 100). Each request holds a connection
   * for 10–20 ms (docs/scaling.md), so 100 ms of queue keeps an admitted request's answer within a few
   * hundred milliseconds, where the aim is p99 < 500 ms.
   */
  maxPoolWaitMs?: number
  /** What `Retry-After` says, in whole seconds (default 2). */
  retryAfterS?: number
  /** How often the load is sampled (ms; default 100). */
  sampleIntervalMs?: number
}

/** The answer's body: plain Chinese, as every refusal of ours. */
export const WAITING_ROOM_BODY = {
  code: 'WAITING_ROOM',
  message: '现在报名的人很多，正在排队，稍后会自动重试，已填写的内容不会丢',
}

/** Installs the waiting room on `app` (call before the routes are registered); `headers`: CORS. */
export function installWaitingRoom(
  app: FastifyInstance,
  opts: WaitingRoomOptions,
  headers: Record<string, string>,
): void {
  const maxPoolWaiting = opts.maxPoolWaiting ?? 40
  const maxPoolWaitMs = opts.maxPoolWaitMs ?? 100
  const retryAfter = String(opts.retryAfterS ?? 2)
  void app.register(underPressure, {
    maxEventLoopDelay: opts.maxEventLoopDelayMs ?? 200,
    sampleInterval: opts.sampleIntervalMs ?? 100,
    healthCheck: async () => opts.poolWaiting() <= maxPoolWaiting && (opts.poolWaitMs?.() ?? 0) <= maxPoolWaitMs,
    healthCheckInterval: opts.sampleIntervalMs ?? 100,
    // A value returned is sent as the answer (and the request goes no further); undefined lets it through.
    // The plugin's types say void, its code (`handlePressure`) does this.
    pressureHandler: ((req: FastifyRequest, reply: FastifyReply) => {
      if (req.method === 'OPTIONS' || !req.url.startsWith('/api/')) return undefined
      void reply.code(503).headers(headers).header('retry-after', retryAfter)
      return WAITING_ROOM_BODY
    }) as unknown as (req: FastifyRequest, reply: FastifyReply) => void,
  })
}
