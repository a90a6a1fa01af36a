/**
 * The mocked backend: routes, one-at-a-time handling (a mutex), sessions and roles, idempotency keys,
 * per-request transactions, mock time and a fault schedule. Transport-neutral: the in-app interceptor
 * and the Node HTTP server both call `handle()`, and realise `decideFault()`'s verdict themselves.
 */
import { beijingIso } from '@/domain/time'
import { sha256Hex } from '@/domain/hash'
import { maskIdNumbersIn } from '@/domain/residentId'
import type { Collections } from '../model'
import { MockClock } from './clock'
import { Database } from './db'
import { FaultSchedule, type FaultDecision } from './faults'
import { forbidden, HttpError, notFound, unauthorized, type BackendRequest, type BackendResponse } from './http'
import { newId } from './ids'
import { Mutex } from './mutex'
import { maskTypedIdNumbers, matchRoute, validateInput, type Route, type RouteContext } from './router'
import type { KeyValueStorage } from '../storage/types'

export interface BackendOptions {
  storage: KeyValueStorage
  routes: Route[]
  seed: (nowIso: string) => Collections
  /** Defaults to a mock clock whose offset is persisted with the data. */
  clock?: MockClock
  /** Whether dev routes (mock time, faults, reset) are served. */
  devRoutes?: boolean
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
const IDEMPOTENCY_KEEP = 300

export class Backend {
  readonly db: Database
  readonly clock: MockClock
  readonly faults: FaultSchedule
  private mutex = new Mutex()

  constructor(private options: BackendOptions) {
    this.clock = options.clock ?? new MockClock()
    this.db = new Database(options.storage, () => options.seed(beijingIso(this.clock.now())))
    this.db.load()
    if (!options.clock) this.clock.offsetMs = this.db.data.meta.clockOffsetMs ?? 0
    this.faults = new FaultSchedule(this.db.data.meta.faults)
  }

  /**
   * The next request's fault, from the seeded schedule (none when faults are off). The dev panel's own
   * requests (`/api/dev/…`, e.g. turning faults off again) are never faulted and do not use up the schedule.
   */
  decideFault(path = ''): FaultDecision {
    if (/^\/api\/dev\//.test(path.replace(/^[a-z]+:\/\/[^/]+/i, ''))) return { kind: null, delayMs: 0 }
    return this.faults.next()
  }

  /** Handles one request, one at a time. Never throws: failures become error responses. */
  handle(req: BackendRequest): Promise<BackendResponse> {
    return this.mutex.run(() => this.handleNow(req))
  }

  /** Restores the seed, mock time back to real time, faults off. */
  reset(): void {
    this.db.reset()
    this.clock.offsetMs = 0
    this.faults.configure(this.db.data.meta.faults)
  }

  /** Records mock time and fault settings in the current transaction (dev panel). */
  private persistSettings(): void {
    const meta = this.db.write('meta')
    meta.clockOffsetMs = this.clock.offsetMs
    meta.faults = { ...this.faults.config }
  }

  private handleNow(req: BackendRequest): BackendResponse {
    const [path, queryString = ''] = req.url.split('?')
    const query = Object.fromEntries(new URLSearchParamsLite(queryString))
    try {
      const found = matchRoute(this.options.routes, req.method, path)
      if (!found) throw notFound('没有这个服务接口', 'NO_ROUTE')
      if ('allowed' in found) throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请求方式不正确')
      const { route, params } = found
      if (route.access === 'dev' && !this.options.devRoutes) throw notFound('没有这个服务接口', 'NO_ROUTE')
      const { user, token } = this.authenticate(route, req)
      const principal = this.principalFor(route, user, req.headers['x-acting-for'])
      const key = req.headers['idempotency-key']
      const mutating = MUTATING.has(req.method)
      const requestHash = sha256Hex(req.method, path, JSON.stringify(req.body ?? null), principal?.id ?? '')
      const idemKey = key && mutating ? `${user?.id ?? 'anon'}:${key}` : null
      if (idemKey) {
        const seen = this.db.data.idempotency[idemKey]
        if (seen && seen.requestHash !== requestHash) {
          throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '这次提交与之前的提交冲突，请刷新后重新操作')
        }
        if (seen) return { status: seen.status, body: seen.body, headers: { 'idempotent-replayed': 'true' } }
      }
      const input = route.input
        ? maskTypedIdNumbers(validateInput(route.input, mutating ? (req.body ?? {}) : query))
        : undefined
      this.db.begin()
      const ctx: RouteContext = {
        params,
        query,
        body: input,
        db: this.db,
        clock: this.clock,
        system: { faults: this.faults, saveSettings: () => this.persistSettings(), reset: () => this.reset() },
        nowIso: beijingIso(this.clock.now()),
        user: user!,
        principal: principal!,
        token,
        notify: (userId, title, body, link, ref) => {
          const id = newId('msg')
          // No message ever carries an ID number in full, whatever text it was built from.
          this.db.write('messages')[id] = {
            id,
            userId,
            title: maskIdNumbersIn(title),
            body: maskIdNumbersIn(body),
            link: link && maskIdNumbersIn(link),
            createdAt: beijingIso(this.clock.now()),
            ...(ref ? { ref } : {}),
          }
        },
        resolveMessages: (userId, ref) => {
          const open = Object.values(this.db.data.messages).filter(
            (m) => m.userId === userId && m.ref === ref && !m.readAt,
          )
          if (!open.length) return
          const messages = this.db.write('messages')
          for (const m of open) messages[m.id].readAt = beijingIso(this.clock.now())
        },
      }
      let result: BackendResponse
      try {
        const out = route.handler(ctx)
        result = isResponse(out) ? out : { status: 200, body: out ?? { ok: true } }
        if (idemKey) this.remember(idemKey, requestHash, result)
        this.db.commit()
      } catch (e) {
        this.db.rollback()
        throw e
      }
      return result
    } catch (e) {
      if (e instanceof HttpError) return { status: e.status, body: e.toBody() }
      const code = (e as { code?: string }).code
      if (code && /^[A-Z_]+$/.test(code)) return { status: 422, body: { code, message: (e as Error).message } }
      return { status: 500, body: { code: 'INTERNAL', message: '服务暂时出了点问题，请稍后再试' } }
    }
  }

  private authenticate(route: Route, req: BackendRequest) {
    if (route.access === 'public') return { user: undefined, token: undefined }
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    const session = token ? this.db.data.sessions[token] : undefined
    const user = session ? this.db.data.users[session.userId] : undefined
    if (route.access === 'dev') return { user, token }
    // "登录已过期" only when a session was sent and is no longer valid; nobody logged in is asked to log in.
    if (!user || user.deletedAt) throw unauthorized(token ? '登录已过期，请重新登录' : '请先登录')
    if (route.access === 'worker' && user.role !== 'worker') throw forbidden('只有社区工作人员可以进行此操作')
    return { user, token }
  }

  private principalFor(route: Route, user: Collections['users'][string] | undefined, actingFor: string | undefined) {
    if (!user || !actingFor || actingFor === user.id) return user
    if (!route.allowProxy) throw forbidden('代办时不能进行此操作，请切换回本人')
    const link = Object.values(this.db.data.familyLinks).find(
      (l) => l.proxyId === user.id && l.principalId === actingFor && l.status === 'confirmed',
    )
    const principal = this.db.data.users[actingFor]
    if (!link || !principal || principal.deletedAt)
      throw forbidden('您还没有获得对方的代办授权，或授权已撤销', 'NOT_A_PROXY')
    return principal
  }

  private remember(key: string, requestHash: string, res: BackendResponse) {
    const store = this.db.write('idempotency')
    store[key] = { requestHash, status: res.status, body: res.body, at: beijingIso(this.clock.now()) }
    const keys = Object.keys(store)
    if (keys.length > IDEMPOTENCY_KEEP) {
      keys
        .sort((a, b) => store[a].at.localeCompare(store[b].at))
        .slice(0, keys.length - IDEMPOTENCY_KEEP)
        .forEach((k) => delete store[k])
    }
  }
}

function isResponse(x: unknown): x is BackendResponse {
  return (
    !!x &&
    typeof x === 'object' &&
    'status' in x &&
    'body' in x &&
    typeof (x as BackendResponse).status === 'number' &&
    Object.keys(x).length <= 3
  )
}

/** Minimal query-string parsing (URLSearchParams is missing in some WeChat engines). */
class URLSearchParamsLite implements Iterable<[string, string]> {
  private pairs: [string, string][]
  constructor(qs: string) {
    this.pairs = qs
      .split('&')
      .filter(Boolean)
      .map((p) => {
        const [k, val = ''] = p.split('=')
        const dec = (s: string) => {
          try {
            return decodeURIComponent(s.replace(/\+/g, ' '))
          } catch {
            return s
          }
        }
        return [dec(k), dec(val)]
      })
  }
  [Symbol.iterator]() {
    return this.pairs[Symbol.iterator]()
  }
}
