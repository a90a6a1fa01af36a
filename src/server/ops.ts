/**
 * What the server needs to be run by others: a request id on every answer (`x-request-id`), one JSON
 * log line per request through Fastify's own logger (pino) that never holds a body, a token, a query
 * string or any personal data, CORS from an allow-list, security headers, and the health checks
 * `/healthz` (the process answers) and `/readyz` (the database answers and its migrations are current).
 */
import { randomUUID } from 'node:crypto'
import {
  LogController,
  type FastifyInstance,
  type FastifyReply,
  type FastifyRequest,
  type FastifyServerOptions,
} from 'fastify'
import { ROUTES } from '../backend'
import type { Method } from '../backend/core/http'
import { matchRoute } from '../backend/core/router'
import type { LogLevel } from './config'
import type { SqlDriver } from './drivers'
import { migrationFiles } from './migrate'

export interface OpsOptions {
  /** Origins allowed to call from a browser: `'*'` (default: any) or a list (none when empty). */
  corsOrigins?: '*' | readonly string[]
  /** Send `Strict-Transport-Security` (production: the server sits behind TLS). Default false. */
  hsts?: boolean
  /** Request logs: the level (default `silent`) and where lines go (default stdout). */
  log?: { level: LogLevel; stream?: { write(line: string): void } }
  /** The check behind `/readyz`; without it there is no `/readyz`. */
  readiness?: () => Promise<Readiness>
}

/** `/readyz`'s verdict: ready, or what is not (`database`: no answer to `SELECT 1`; `migrations`: behind). */
export type Readiness = { ready: true } | { ready: false; reason: 'database' | 'migrations' }

/** An incoming `x-request-id` (from a proxy in front) is kept when it looks like one; else a new UUID. */
const REQUEST_ID = /^[A-Za-z0-9._:-]{8,64}$/

/** Fastify's options for logging and request ids (spread into `Fastify({...})`). */
export function opsServerOptions(opts: OpsOptions = {}): FastifyServerOptions {
  const level = opts.log?.level ?? 'silent'
  return {
    logger:
      level === 'silent'
        ? false
        : {
            level,
            ...(opts.log?.stream ? { stream: opts.log.stream } : {}),
            // Defence in depth: our own lines never carry these, but a line that logs a request must not either.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'req.headers["x-acting-for"]',
                'req.url',
                'req.body',
                'body',
              ],
              censor: '[redacted]',
            },
          },
    // Fastify's two lines per request off: `installOps` writes one.
    logController: new LogController({ disableRequestLogging: true }),
    genReqId: (req) => {
      const given = req.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
  }
}

/**
 * The route a request matched, as its pattern (`/api/care-card/cards/:id`): never the URL itself, whose
 * segments and query string may hold a phone number or an ID number.
 */
function routeOf(req: FastifyRequest): string {
  const path = req.url.split('?')[0]
  if (path.startsWith('/api/')) {
    try {
      const found = matchRoute(ROUTES, req.method as Method, path)
      if (found && 'route' in found) return found.route.path
    } catch {
      // A malformed escape in a parameter: no route.
    }
    return '/api/*'
  }
  return req.routeOptions.url ?? '(none)'
}

const SECURITY_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  // Answers are JSON, never a page: nothing may load or frame them.
  'content-security-policy': "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'",
  'cross-origin-opener-policy': 'same-origin',
}

function corsHeaders(origin: string | undefined, allowed: '*' | readonly string[]): Record<string, string> {
  const expose = { 'access-control-expose-headers': 'retry-after, x-request-id, idempotent-replayed' }
  if (allowed === '*') return { 'access-control-allow-origin': '*', ...expose }
  if (origin && allowed.includes(origin)) return { 'access-control-allow-origin': origin, vary: 'origin', ...expose }
  return {}
}

/**
 * Adds to `app` (before its routes): the request id, CORS and security headers on every answer, one log
 * line per request (`reqId`, `method`, `route`, `status`, `durationMs`), `/healthz` and `/readyz`.
 */
export function installOps(app: FastifyInstance, opts: OpsOptions = {}): void {
  const allowed = opts.corsOrigins ?? '*'
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply) => {
    const origin = typeof req.headers.origin === 'string' ? req.headers.origin : undefined
    void reply.headers({
      'x-request-id': req.id,
      ...SECURITY_HEADERS,
      ...(opts.hsts ? { 'strict-transport-security': 'max-age=31536000; includeSubDomains' } : {}),
      ...corsHeaders(origin, allowed),
    })
    if (!reply.hasHeader('cache-control')) void reply.header('cache-control', 'no-store')
  })
  app.addHook('onResponse', async (req: FastifyRequest, reply: FastifyReply) => {
    const route = routeOf(req)
    const line = { method: req.method, route, status: reply.statusCode, durationMs: Math.round(reply.elapsedTime) }
    if (route === '/healthz' || route === '/readyz') req.log.debug(line, 'request')
    else req.log.info(line, 'request')
  })
  app.get('/healthz', async () => ({ status: 'ok' }))
  if (opts.readiness) {
    const readiness = opts.readiness
    app.get('/readyz', async (_req, reply) => {
      const r = await readiness()
      if (r.ready) return { status: 'ready' }
      return reply.code(503).send({ code: 'NOT_READY', message: '服务还没有准备好，请稍后再试', reason: r.reason })
    })
  }
}

/**
 * `/readyz`'s check on a database: `SELECT 1` answers within `timeoutMs` (default 3 s; PGlite's one
 * connection may be busy), and `schema_migrations` holds the newest migration file's version.
 */
export function databaseReadiness(driver: SqlDriver, timeoutMs = 3000): () => Promise<Readiness> {
  const newest = Math.max(0, ...migrationFiles().map((m) => m.version))
  return async () => {
    let timer: NodeJS.Timeout | undefined
    const timeout = new Promise<null>((resolve) => {
      timer = setTimeout(() => resolve(null), timeoutMs)
    })
    const check = driver
      .withConnection(async (c) => {
        await c.query('SELECT 1')
        const { rows } = await c.query("SELECT to_regclass('schema_migrations') IS NOT NULL AS present")
        if (!rows[0]?.present) return 0
        return Number((await c.query('SELECT max(version) AS v FROM schema_migrations')).rows[0]?.v ?? 0)
      })
      .catch(() => null)
    const version = await Promise.race([check, timeout])
    clearTimeout(timer)
    if (version === null) return { ready: false, reason: 'database' }
    return version >= newest ? { ready: true } : { ready: false, reason: 'migrations' }
  }
}
