/**
 * The backend: the route table, sessions and roles, idempotency keys, one transaction per request,
 * mock time and a fault schedule (demo). Transport-neutral: the in-app interceptor and the HTTP server
 * both call `handle()`, and realise `decideFault()`'s verdict themselves. Data lives in a `Store`
 * (in-app or SQL); demo settings (mock time, faults) are data too, read at the start of every request.
 */
import { DomainError } from '@/domain/shared/errors'
import { sha256Hex } from '@/domain/shared/hash'
import { beijingDate, beijingIso, formatDateCn } from '@/domain/shared/time'
import type { FamilyLink, User } from '../model'
import { recordWorkerAct } from '../proxy-acts'
import { CoreRepository } from '../repository'
import { liveSession, sessionExpired, sessionsToPurge, tokenHashOf } from '../sessions'
import { MockClock } from './clock'
import type { TableSpec, Where } from './data/spec'
import type { Rows, Store, Tables } from './data/store'
import { BusyError, DuplicateKeyError, RetryTransaction } from './data/store'
import { StorageFullError } from '../storage/types'
import type { Feature } from './feature'
import { drawFault, type FaultConfig, type FaultDecision } from './faults'
import {
  forbidden,
  HttpError,
  internalErrorBody,
  notFound,
  unauthorized,
  type BackendRequest,
  type BackendResponse,
} from './http'
import { newId } from './ids'
import { insertMessage } from './notifier'
import { dispatchOutbox, type DispatchResult } from './outbox'
import { sendDueReminders } from './reminders'
import { mockPay } from './mock-pay'
import type { Services } from './services'
import { checkRateLimits, memoryRateCounter, type RateCounter, type RateLimits } from './rate-limits'
import {
  maskTypedIdNumbers,
  matchRoute,
  validateInput,
  type DemoControls,
  type Route,
  type RouteContext,
  type Tx,
} from './router'

/** Routes a worker-held link of any scope may use: whom one acts for, and uploading a photo for an act. */
const ANY_SCOPE = new Set(['/api/principal', '/api/photos'])

export interface BackendOptions {
  store: Store
  /** Every table the store holds (for the test helpers `inspect`, `arrange`, `tamper`, `fingerprint`). */
  tables: readonly TableSpec<never>[]
  routes: readonly Route[]
  features: readonly Feature[]
  /** The rows of a fresh store (demo seed), stamped with `nowIso`. */
  seed: (nowIso: string) => Rows
  /** The wall clock (tests freeze it); mock time adds the stored offset. */
  clock?: MockClock
  /** Whether dev routes (mock time, faults, reset) are served. */
  devRoutes?: boolean
  /**
   * Production: nothing of the demo — no dev routes, no persona login (`demoOnly` routes answer 404
   * `NO_ROUTE`), no faults, and the wall clock as it is (a stored mock-time offset is ignored).
   */
  production?: boolean
  /** Rate limits per user and per IP (none when left out; the server passes `DEFAULT_RATE_LIMITS`). */
  rateLimits?: RateLimits
  /** Where the rate-limit counters live (default: in memory, for the in-app backend). */
  rateCounter?: RateCounter
  /** Outside services (WeChat login…) for the routes' `outside` steps; none in the embedded demo. */
  services?: Services
}

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])
/** Idempotency records are kept at least this long (then purged). */
const IDEMPOTENCY_KEEP_MS = 48 * 3600_000
/** How long an uploaded photo may wait for the submission that attaches it (a day: a form filled slowly). */
const PENDING_PHOTO_KEEP_MS = 24 * 3600_000
/** How long a subscribe message that left (or was refused or given up) stays in the outbox. */
const OUTBOX_KEEP_MS = 30 * 24 * 3600_000
const PURGE_EVERY_MS = 10 * 60_000
/** The reminder job runs at most this often (mock time), and again whenever mock time moves back. */
const REMIND_EVERY_MS = 10 * 60_000
const PURGE_BATCH = 200

/**
 * The response of a request that threw: an HTTP error's own, a domain rule (`DomainError`) as 422,
 * anything else (a bug, a full disk, a lost database) 500 `INTERNAL` with the request's id and a plain
 * sentence, never the system's message.
 */
function errorResponse(e: unknown, requestId: string): BackendResponse {
  if (e instanceof HttpError) return { status: e.status, body: e.toBody() }
  if (e instanceof BusyError) {
    return {
      status: 503,
      body: { code: 'BUSY', message: '现在办理的人比较多，请稍等几秒再试' },
      headers: { 'retry-after': '1' },
    }
  }
  if (e instanceof DuplicateKeyError)
    return { status: 409, body: { code: 'DUPLICATE', message: '这条记录已经存在，请刷新后再看' } }
  if (e instanceof StorageFullError) {
    const message = e.perKey
      ? '这份资料太大，无法保存。请压缩照片或分几次提交。'
      : `本机存储空间已满，本次操作没有保存，已提交的资料不受影响。${e.freeSpaceAdvice ?? '请清理存储空间后重试'}。`
    return { status: 507, body: { code: 'STORAGE_FULL', message } }
  }
  if (e instanceof DomainError) return { status: 422, body: { code: e.code, message: e.message } }
  // The caller sees a plain sentence and the id to quote; whoever runs the backend needs the cause (the log).
  console.error(`backend: unexpected error in request ${requestId}, answered 500:`, e)
  return { status: 500, body: internalErrorBody(requestId), headers: { 'x-request-id': requestId } }
}

export class Backend {
  readonly store: Store
  /**
   * Mock time: the wall clock plus the demo offset. Tests may move it (`set`, `advance`) without
   * awaiting: the next request saves a changed offset; otherwise the stored one (another tab's or
   * process's change) wins.
   */
  readonly clock: MockClock
  /** The offset as last read from or saved to the store. */
  private syncedOffsetMs = 0
  private lastPurgeMs = 0
  private lastRemindMs = Number.NEGATIVE_INFINITY
  private ready: Promise<void> | null = null
  /** The outbox round running now in this process (one at a time), and whether another was asked for. */
  private dispatching: Promise<void> | null = null
  private dispatchAgain = false
  private readonly rateCounter: RateCounter
  /** The outside services; the demo (not production) pays with `mockPay` when no WeChat Pay is given. */
  readonly services: Services

  constructor(private readonly options: BackendOptions) {
    this.store = options.store
    this.clock = options.clock ?? new MockClock()
    this.syncedOffsetMs = this.clock.offsetMs
    this.rateCounter = options.rateCounter ?? memoryRateCounter()
    const pay = options.services?.pay ?? (options.production ? undefined : mockPay(() => this.clock.now()))
    this.services = { ...options.services, pay }
  }

  /** The route table this backend serves (the server gives the photo upload its body limit). */
  get routes(): readonly Route[] {
    return this.options.routes
  }

  /** Seeds an empty store (first start). Awaited by every request. */
  start(): Promise<void> {
    if (!this.ready) {
      this.ready = (async () => {
        if (await this.store.isEmpty()) {
          await this.store.reset(this.options.seed(beijingIso(this.clock.now())))
          await this.store.transaction((t) =>
            new CoreRepository(t).settings.update('demo', { clockOffsetMs: this.clock.offsetMs }),
          )
        }
      })()
      this.ready.catch(() => {
        this.ready = null
      })
    }
    return this.ready
  }

  /** Saves a mock-time offset moved locally (tests), in a transaction of its own. */
  private async saveMovedClock(): Promise<void> {
    const offset = this.clock.offsetMs
    if (offset === this.syncedOffsetMs) return
    await this.store.transaction((t) => new CoreRepository(t).settings.update('demo', { clockOffsetMs: offset }))
    this.syncedOffsetMs = offset
  }

  /** Takes the stored mock-time offset (another tab's or process's change wins over a stale local one). */
  private adoptStoredOffset(stored: number): number {
    if (this.clock.offsetMs === this.syncedOffsetMs) this.clock.offsetMs = stored
    this.syncedOffsetMs = stored
    return stored
  }

  /**
   * The next request's fault, from the seeded schedule (none when faults are off). The dev panel's own
   * requests (`/api/dev/…`, e.g. turning faults off again) are never faulted and do not use up the schedule.
   */
  async decideFault(path = ''): Promise<FaultDecision> {
    if (this.options.production || /^\/api\/dev\//.test(path.replace(/^[a-z]+:\/\/[^/]+/i, '')))
      return { kind: null, delayMs: 0 }
    await this.start()
    await this.saveMovedClock()
    return this.store.transaction(async (t) => {
      const core = new CoreRepository(t)
      const s = await core.demoSettings()
      this.adoptStoredOffset(s.clockOffsetMs)
      if (!s.faults.enabled) return { kind: null, delayMs: 0 }
      const { decision, state } = drawFault(s.faults, s.faultState)
      await core.settings.update('demo', { faultState: state })
      return decision
    })
  }

  /** The fault settings now (tests and the dev panel). */
  async faultConfig(): Promise<FaultConfig> {
    await this.start()
    return this.store.transaction(async (t) => (await new CoreRepository(t).demoSettings()).faults)
  }

  /** Changes the fault settings; the schedule restarts from its seed. */
  async configureFaults(config: Partial<FaultConfig>): Promise<void> {
    await this.start()
    await this.store.transaction(async (t) => {
      const core = new CoreRepository(t)
      const faults = { ...(await core.demoSettings()).faults, ...config }
      await core.settings.update('demo', { faults, faultState: faults.seed })
    })
  }

  /** Replaces every table with a fresh seed at the clock's mock time, keeping mock time (tests). */
  async reseed(): Promise<void> {
    await this.store.reset(this.options.seed(beijingIso(this.clock.now())))
    this.ready = Promise.resolve()
    this.syncedOffsetMs = Number.NaN
  }

  /** Restores the seed, mock time back to real time, faults off. */
  async reset(): Promise<void> {
    this.clock.offsetMs = 0
    this.syncedOffsetMs = 0
    await this.store.reset(this.options.seed(beijingIso(this.clock.now())))
  }

  /** Runs `work` in a transaction with the repositories (test helpers and jobs). */
  async run<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    await this.start()
    return this.store.transaction((t) => work(this.txOf(t)))
  }

  private spec(name: string): TableSpec<Record<string, unknown>> {
    const spec = this.options.tables.find((t) => t.name === name)
    if (!spec) throw new Error(`no table ${name}: tables are ${this.options.tables.map((t) => t.name).join(', ')}`)
    return spec as unknown as TableSpec<Record<string, unknown>>
  }

  /**
   * Test helper: the rows of `table` (its SQL name, e.g. `care_orders`) meeting `where`, by key. Works
   * on every store; routes never use it.
   */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows of any table, typed by the caller
  async inspect<R = Record<string, any>>(table: string, where: Where<Record<string, unknown>> = {}): Promise<R[]> {
    await this.start()
    const spec = this.spec(table)
    return this.store.transaction(async (t) => (await t.of(spec).find({ where, order: [] })) as R[])
  }

  /** Test helper: inserts `rows` into `table`, or merges their fields into the rows with the same key. */
  async arrange(table: string, rows: readonly object[]): Promise<void> {
    await this.start()
    const spec = this.spec(table)
    await this.store.transaction(async (t) => {
      const tbl = t.of(spec)
      for (const row of rows as Record<string, unknown>[]) {
        const key = String(row[spec.key])
        if (await tbl.get(key)) await tbl.update(key, row)
        else await tbl.insert(row)
      }
    })
  }

  /** Test helper: changes stored fields of one row, bypassing every rule (tamper-evidence tests). */
  async tamper(table: string, key: string, patch: object): Promise<void> {
    await this.start()
    const spec = this.spec(table)
    await this.store.transaction(async (t) => {
      await t.of(spec).update(key, patch as Record<string, unknown>)
    })
  }

  /** Test helper: the row count and a hash of the rows of every table (to prove a request changed nothing). */
  async fingerprint(): Promise<Record<string, { count: number; hash: string }>> {
    await this.start()
    return this.store.transaction(async (t) => {
      const out: Record<string, { count: number; hash: string }> = {}
      for (const spec of this.options.tables) {
        const rows = await t.of(spec as TableSpec<Record<string, unknown>>).find({ where: {}, order: [] })
        out[spec.name] = { count: rows.length, hash: sha256Hex(JSON.stringify(rows)) }
      }
      return out
    })
  }

  /** The core's and every feature's repository over one transaction's tables. */
  txOf(tables: Tables): Tx {
    const tx: Record<string, unknown> = { core: new CoreRepository(tables) }
    for (const f of this.options.features) tx[f.name] = f.repository(tables)
    return tx as unknown as Tx
  }

  /** Handles one request as one transaction. Never throws: failures become error responses. */
  async handle(req: BackendRequest): Promise<BackendResponse> {
    let failureWork: ((tx: Tx) => Promise<void>)[] = []
    let afterWork: Parameters<RouteContext['afterCommit']>[0][] = []
    let resetAfter = false
    try {
      await this.start()
      await this.saveMovedClock()
      const limited = await this.rateLimited(req)
      if (limited) return limited
      const outside = await this.runOutside(req)
      let lastTx: Tx | undefined
      const response = await this.store.transaction(async (tables) => {
        failureWork = []
        afterWork = []
        resetAfter = false
        lastTx = this.txOf(tables)
        return this.handleIn(lastTx, req, {
          outside,
          onFailure: (w) => failureWork.push(w),
          afterCommit: (w) => afterWork.push(w),
          reset: () => {
            resetAfter = true
          },
        })
      })
      if (resetAfter) await this.reset()
      // After the commit: the subscribe messages this request queued (the committed attempt's only).
      if (lastTx?.core.outboxWritten) this.kickOutbox()
      for (const w of afterWork) {
        try {
          await w(this.services, (work) => this.store.transaction((t) => work(this.txOf(t))))
        } catch {
          // Retried elsewhere (a query or the next notification); the request itself succeeded.
        }
      }
      await this.purgeIdempotency()
      await this.remindQuietly()
      return response
    } catch (e) {
      if (failureWork.length) {
        try {
          await this.store.transaction(async (tables) => {
            const tx = this.txOf(tables)
            for (const w of failureWork) await w(tx)
          })
        } catch {
          // The failure is answered even when its bookkeeping could not be saved.
        }
      }
      return errorResponse(e, req.requestId ?? newId('req'))
    }
  }

  /**
   * The 429 answer when `req` exceeds a rate limit, else null (and always null without limits). Runs
   * before the request's transaction; the counters commit on their own, so refused requests count too.
   */
  private async rateLimited(req: BackendRequest): Promise<BackendResponse | null> {
    const limits = this.options.rateLimits
    if (!limits) return null
    const found = matchRoute(this.options.routes, req.method, req.url.split('?')[0])
    if (!found || !('route' in found)) return null
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    const userId =
      token && MUTATING.has(req.method)
        ? ((await this.store.transaction((t) => new CoreRepository(t).sessionByTokenHash(tokenHashOf(token))))
            ?.userId ?? null)
        : null
    const wallMs = this.clock.now() - this.clock.offsetMs
    return checkRateLimits(limits, this.rateCounter, req, found.route, userId, wallMs)
  }

  /** Runs the matched route's `outside` step, if it has one, on its validated body (before the transaction). */
  private async runOutside(req: BackendRequest): Promise<unknown> {
    const found = matchRoute(this.options.routes, req.method, req.url.split('?')[0])
    if (!found || !('route' in found) || !found.route.outside) return undefined
    const { route } = found
    // Nobody without a live session (or acting for someone without a right to) makes the backend call out.
    const caller =
      route.access === 'public'
        ? undefined
        : await this.store.transaction(async (t) => {
            const tx = this.txOf(t)
            const { user } = await this.authenticate(tx, route, req, this.clock.now())
            await this.principalFor(tx, route, user, req.headers['x-acting-for'], this.clock.now())
            return user
          })
    const input = route.input
      ? validateInput(route.input, MUTATING.has(req.method) ? (req.body ?? {}) : queryOf(req.url))
      : undefined
    return route.outside!(input, this.services, caller, {
      params: found.params,
      headers: req.headers,
      rawBody: req.rawBody ?? (req.body === undefined ? undefined : JSON.stringify(req.body)),
      read: (work) => this.store.transaction((t) => work(this.txOf(t))),
      nowMs: this.clock.now(),
      production: !!this.options.production,
    })
  }

  private async handleIn(
    tx: Tx,
    req: BackendRequest,
    hooks: {
      outside: unknown
      onFailure(work: (tx: Tx) => Promise<void>): void
      afterCommit: RouteContext['afterCommit']
      reset(): void
    },
  ): Promise<BackendResponse> {
    const [path, queryString = ''] = req.url.split('?')
    const query = queryOf(`?${queryString}`)
    const settings = await tx.core.demoSettings()
    let offset = this.adoptStoredOffset(this.options.production ? 0 : settings.clockOffsetMs)
    const wall = () => this.clock.now() - this.clock.offsetMs
    const clock = { now: () => wall() + offset }
    const found = matchRoute(this.options.routes, req.method, path)
    if (!found) throw notFound('没有这个服务接口', 'NO_ROUTE')
    if ('allowed' in found) throw new HttpError(405, 'METHOD_NOT_ALLOWED', '请求方式不正确')
    const { route, params } = found
    const { devRoutes, production } = this.options
    if (route.access === 'dev' ? !devRoutes || production : route.demoOnly && production)
      throw notFound('没有这个服务接口', 'NO_ROUTE')
    const { user, sessionId } = await this.authenticate(tx, route, req, clock.now())
    const acting = await this.principalFor(tx, route, user, req.headers['x-acting-for'], clock.now())
    const principal = acting?.principal
    const key = req.headers['idempotency-key']
    const mutating = MUTATING.has(req.method)
    const requestHash = sha256Hex(req.method, path, JSON.stringify(req.body ?? null), principal?.id ?? '')
    const idemId = key && mutating ? `${user?.id ?? 'anon'}:${key}` : null
    if (idemId) {
      const seen = await tx.core.idempotency.get(idemId)
      if (seen && seen.requestHash !== requestHash) {
        throw new HttpError(422, 'IDEMPOTENCY_KEY_REUSED', '这次提交与之前的提交冲突，请刷新后重新操作')
      }
      if (seen) return { status: seen.status, body: seen.body, headers: { 'idempotent-replayed': 'true' } }
    }
    const input = route.input
      ? maskTypedIdNumbers(validateInput(route.input, mutating ? (req.body ?? {}) : query))
      : undefined
    const nowIso = beijingIso(clock.now())
    const demo: DemoControls = {
      clockOffsetMs: offset,
      setNow: async (instantMs) => {
        const w = wall()
        offset = instantMs - w
        await tx.core.settings.update('demo', { clockOffsetMs: offset })
        this.clock.offsetMs = offset
        this.syncedOffsetMs = offset
        demo.clockOffsetMs = offset
      },
      faults: settings.faults,
      configureFaults: async (config) => {
        const faults = { ...settings.faults, ...config }
        await tx.core.settings.update('demo', { faults, faultState: faults.seed })
        demo.faults = faults
      },
      reset: hooks.reset,
    }
    const ctx: RouteContext = {
      params,
      query,
      body: input,
      tx,
      clock,
      demo,
      nowIso,
      user: user!,
      principal: principal!,
      proxyKind: acting?.link ? (acting.link.kind ?? 'family') : undefined,
      outside: hooks.outside,
      sessionId,
      device: req.headers['user-agent'],
      notify: async (userId, title, body, link, ref) => {
        await insertMessage(tx.core, { userId, title, body, link, ref }, nowIso)
      },
      resolveMessages: async (userId, ref) => {
        for (const m of await tx.core.unreadMessagesAbout(userId, ref))
          await tx.core.messages.update(m.id, { readAt: nowIso })
      },
      onFailure: hooks.onFailure,
      afterCommit: hooks.afterCommit,
    }
    const out = await route.handler(ctx)
    if (acting?.link?.kind === 'worker' && route.workerProxyAct)
      await recordWorkerAct(tx.core, user!, principal!, route.workerProxyAct, acting.link, nowIso, {
        // A look (GET) is told once a day, not at every opening of the page; every change is told.
        oncePerDay: req.method === 'GET',
      })
    const result: BackendResponse = isResponse(out) ? out : { status: 200, body: out ?? { ok: true } }
    if (idemId && user) {
      const record = {
        id: idemId,
        userId: user.id,
        key: key!,
        requestHash,
        status: result.status,
        body: result.body,
        at: nowIso,
      }
      try {
        await tx.core.idempotency.insert(record)
      } catch (e) {
        // Another request with this key committed first: run again, to answer with its result.
        if (e instanceof DuplicateKeyError) throw new RetryTransaction(`idempotency key ${idemId}`)
        throw e
      }
    }
    return result
  }

  /**
   * The caller of a route that needs one. No token: 401 `UNAUTHORIZED` (请先登录). A token that is not
   * a live session (expired, logged out, revoked from 登录设备, the account deleted): 401
   * `SESSION_EXPIRED`, on which the app logs in again and re-sends the request.
   */
  private async authenticate(
    tx: Tx,
    route: Route,
    req: BackendRequest,
    nowMs: number,
  ): Promise<{ user?: User; sessionId?: string }> {
    if (route.access === 'public') return {}
    const auth = req.headers.authorization ?? ''
    const token = auth.startsWith('Bearer ') ? auth.slice(7) : ''
    const session = token ? await liveSession(tx.core, token, nowMs) : undefined
    const found = session ? await tx.core.users.get(session.userId) : undefined
    const user = found && !found.deletedAt ? found : undefined
    if (route.access === 'dev') return { user, sessionId: session?.id }
    if (!user) throw token ? sessionExpired() : unauthorized('请先登录')
    if (route.access === 'worker' && user.role !== 'worker') throw forbidden('只有社区工作人员可以进行此操作')
    return { user, sessionId: session!.id }
  }

  /**
   * Whom the caller acts for (`x-acting-for`) and under which link: themselves (no link), or the
   * principal of a confirmed link. A worker-held link (issue 27) holds only for routes of its scope
   * (`/api/<scope>/…`), up to its `endsOn` (Beijing date, inclusive), and only while the elder lives
   * in the worker's community. @throws 403 in words otherwise
   */
  private async principalFor(
    tx: Tx,
    route: Route,
    user: User | undefined,
    actingFor: string | undefined,
    nowMs: number,
  ): Promise<{ principal: User; link?: FamilyLink } | undefined> {
    if (!user) return undefined
    if (!actingFor || actingFor === user.id) return { principal: user }
    if (!route.allowProxy) throw forbidden('代办时不能进行此操作，请切换回本人')
    const link = await tx.core.confirmedLink(user.id, actingFor)
    const principal = await tx.core.users.get(actingFor)
    if (!link || !principal || principal.deletedAt)
      throw forbidden('您还没有获得对方的代办授权，或授权已撤销', 'NOT_A_PROXY')
    if (link.kind === 'worker') {
      if (user.role !== 'worker' || principal.communityId !== user.communityId)
        throw forbidden('只能为本社区的居民代办', 'OTHER_COMMUNITY')
      if (link.endsOn && beijingDate(beijingIso(nowMs)) > link.endsOn)
        throw forbidden(`代办授权已于 ${formatDateCn(link.endsOn)}到期，请重新登记老人签字的授权书`, 'PROXY_EXPIRED')
      const scope = `/api/${link.scope ?? ''}`
      if (route.path !== scope && !route.path.startsWith(`${scope}/`) && !ANY_SCOPE.has(route.path))
        throw forbidden('这份代办授权不包括此项事务', 'OUT_OF_SCOPE')
    }
    return { principal, link }
  }

  /**
   * Sends the scheduled reminders due now (mock time): at most every 10 minutes of mock time, and
   * whenever mock time moved back; `force` runs it regardless (the server's timer, tests). Returns how
   * many were sent. @throws what the store throws
   */
  async runReminders(force = false): Promise<number> {
    await this.start()
    await this.saveMovedClock()
    const s = await this.store.transaction((t) => new CoreRepository(t).demoSettings())
    this.adoptStoredOffset(this.options.production ? 0 : s.clockOffsetMs)
    return this.remind(force)
  }

  private async remind(force: boolean): Promise<number> {
    const now = this.clock.now()
    if (!force && now - this.lastRemindMs < REMIND_EVERY_MS && now >= this.lastRemindMs) return 0
    this.lastRemindMs = now
    const providers = this.options.features.flatMap((f) => (f.reminders ? [f.reminders] : []))
    const sent = await sendDueReminders((work) => this.run(work), providers, now)
    if (sent) this.kickOutbox()
    return sent
  }

  /**
   * Sends the outbox rows due now (mock time) through the subscribe-message sender, one round: after a
   * commit that queued some, from the server's timer (retries), and in tests. @throws what the store throws
   */
  async dispatchOutbox(): Promise<DispatchResult> {
    await this.start()
    return dispatchOutbox((work) => this.run(work), this.options.services?.subscribeMessages, this.clock.now())
  }

  /** Starts an outbox round in the background (another after it when one is running); never throws. */
  private kickOutbox(): void {
    if (this.dispatching) {
      this.dispatchAgain = true
      return
    }
    this.dispatching = (async () => {
      do {
        this.dispatchAgain = false
        try {
          await this.dispatchOutbox()
        } catch (e) {
          console.error('backend: the outbox round failed, its rows are tried again later', e)
        }
      } while (this.dispatchAgain)
      this.dispatching = null
    })()
  }

  /** Resolves once no outbox round started after a commit is running (tests, shutdown). */
  async outboxSettled(): Promise<void> {
    while (this.dispatching) await this.dispatching
  }

  /** The reminder job after a request (clock already read): its failure never fails the request. */
  private async remindQuietly(): Promise<void> {
    try {
      await this.remind(false)
    } catch (e) {
      console.error('backend: the reminder job failed, it will run again', e)
    }
  }

  /**
   * Removes idempotency records older than their keeping time, photos left pending for a day, expired
   * sessions and outbox rows done 30 days ago, a batch of each at a time, at most every 10 minutes.
   */
  private async purgeIdempotency(): Promise<void> {
    const now = this.clock.now()
    if (now - this.lastPurgeMs < PURGE_EVERY_MS && now >= this.lastPurgeMs) return
    this.lastPurgeMs = now
    await this.store.transaction(async (t) => {
      const core = new CoreRepository(t)
      for (const r of await core.idempotencyBefore(beijingIso(now - IDEMPOTENCY_KEEP_MS), PURGE_BATCH))
        await core.idempotency.remove(r.id)
      // Uploaded photos no submission took (the person gave up, or the app was closed): not kept.
      for (const p of await core.pendingPhotosBefore(beijingIso(now - PENDING_PHOTO_KEEP_MS), PURGE_BATCH))
        await core.removeImage(p.id)
      for (const id of await sessionsToPurge(core, now, PURGE_BATCH)) await core.sessions.remove(id)
      for (const o of await core.outboxDoneBefore(beijingIso(now - OUTBOX_KEEP_MS), PURGE_BATCH))
        await core.outbox.remove(o.id)
    })
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

/** The query of a URL (`/api/x?a=1` → `{ a: '1' }`). */
function queryOf(url: string): Record<string, string> {
  return Object.fromEntries(new URLSearchParamsLite(url.split('?')[1] ?? ''))
}
