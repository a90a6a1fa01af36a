/**
 * The route table: `METHOD /api/path/:param` → handler. Each route declares who may call it and a
 * valibot schema for its body (or query); invalid input gets 400 with a message per field.
 */
import type { Services } from './services'
import * as v from 'valibot'
import type { Clock } from './clock'
import type { FaultConfig } from './faults'
import { maskIdNumbersIn } from '@/domain/shared/residentId'
import { badRequest, type Method } from './http'
import type { ExportSummaryDto, TodoDto, WorkerHubCountDto } from '@/domain/shared/contracts'
import type { User } from '../model'
import type { CoreRepository } from '../repository'

/** Who may call a route: anyone, a logged-in user, a community worker, or the mock-mode dev panel. */
type Access = 'public' | 'user' | 'worker' | 'dev'

/**
 * The features' repositories in a transaction, by feature name. Each feature adds its own with module
 * augmentation (`declare module '…/core/router' { interface FeatureRepositories { careCard: … } }`), so
 * the core names none of them.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- augmented by each feature
export interface FeatureRepositories {}

/** Everything a request's transaction reaches: the core's repository and each feature's. */
export type Tx = FeatureRepositories & { readonly core: CoreRepository }

/**
 * What a feature does when an account is deleted, inside the deletion's transaction and before the
 * account's personal records are erased (e.g. release the seats and bookings it holds). Returns what it
 * did, one plain-Chinese line each (e.g. "《航模小班》已取消，¥60.00 将原路退回"), for the answer.
 */
export type AccountDeletionHook = (ctx: RouteContext, userId: string) => Promise<string[]>

/** Mock-mode controls for the dev routes: mock time, fault settings, demo reset. */
export interface DemoControls {
  /** Mock time's offset from the wall clock (ms). */
  clockOffsetMs: number
  /** Sets mock time to `instantMs` (epoch ms), saved with the request. */
  setNow(instantMs: number): Promise<void>
  faults: FaultConfig
  /** Changes the fault settings (the schedule restarts from its seed), saved with the request. */
  configureFaults(config: Partial<FaultConfig>): Promise<void>
  /** Restores the seed, mock time back to real time, faults off (after this request). */
  reset(): void
}

/**
 * A feature's to-dos for a user (home's "我的待办"): what waits for them with a deadline, read-only
 * (nothing is written; an item whose deadline passed is left out).
 */
export type TodoProvider = (ctx: RouteContext, userId: string) => Promise<TodoDto[]>

/**
 * A feature's part of the person's data export (`GET /api/me/export`), read-only: the person's rows per
 * table name (every table the feature does not declare `notPersonal`, an empty list when none; secrets
 * left out, other people by id and masked name) and a summary of plain-Chinese lines.
 */
export type ExportProvider = (
  ctx: RouteContext,
  userId: string,
) => Promise<{ tables: Record<string, Record<string, unknown>[]>; summary: ExportSummaryDto }>

/**
 * A feature's counts for the worker hub (`GET /api/worker/hub`): what waits for the workers of
 * `communityId` in each of its services, each with the worker page where it is done. Read-only.
 */
export type WorkerCountProvider = (ctx: RouteContext, communityId: string) => Promise<WorkerHubCountDto[]>

/** What a handler receives. `user` is set for every access but `public`; `principal` is whom the user acts for. */
export interface RouteContext<B = unknown> {
  params: Record<string, string>
  query: Record<string, string>
  body: B
  /** The request's transaction: the core's and the features' repositories. */
  tx: Tx
  /** Mock time (epoch ms): the wall clock plus the demo offset read when the request began. */
  clock: Clock
  /** Dev routes only (mock mode). */
  demo: DemoControls
  /** Now as an ISO instant with the +08:00 offset. */
  nowIso: string
  user: User
  /** The person the user acts for: themselves, or the principal of a confirmed family link (`x-acting-for`). */
  principal: User
  /**
   * How the user acts for the principal: a family member (`family`), a grid worker holding the elder's
   * signed authorisation or keying in a phone order (`worker`); unset when acting for themselves.
   */
  proxyKind?: 'family' | 'worker'
  /** What the route's `outside` step returned (undefined without one). */
  outside?: unknown
  /** The id of the caller's session (routes with `access: 'user' | 'worker'`). */
  sessionId?: string
  /** The request's `user-agent` header, if any (names the device in 登录设备). */
  device?: string
  /**
   * Adds a message to a user (saved with the request's changes). `ref` names what it asks the user to
   * act on (e.g. `family-link:<id>`), so `resolveMessages` can mark it read once that is done.
   */
  notify(userId: string, title: string, body: string, link?: string, ref?: string): Promise<void>
  /** Marks `userId`'s unread messages about `ref` as read (what they asked for is done, wherever it was done). */
  resolveMessages(userId: string, ref: string): Promise<void>
  /**
   * Work to save even though the request fails (e.g. counting a failed real-name attempt): run in a
   * transaction of its own after the request's changes are rolled back.
   */
  onFailure(work: (tx: Tx) => Promise<void>): void
  /**
   * Work after the request's changes are committed (e.g. asking WeChat Pay for a refund the request
   * recorded as due): gets the services and a way to run a transaction of its own. Runs before the
   * answer is sent; its failures are swallowed (what it does must be retried elsewhere, e.g. a query).
   */
  afterCommit(work: (services: Services, run: <T>(work: (tx: Tx) => Promise<T>) => Promise<T>) => Promise<void>): void
}

/** What a route's `outside` step knows of the request besides its body. */
interface OutsideRequest {
  params: Record<string, string>
  /** Lower-case header names. */
  headers: Record<string, string | undefined>
  /** The body exactly as received (HTTP; the in-app backend: its JSON), for signatures over it. */
  rawBody?: string
  /** Runs a read in a transaction of its own (what the outside call needs to know). */
  read<T>(work: (tx: Tx) => Promise<T>): Promise<T>
  /** Mock time now (epoch ms). */
  nowMs: number
  /** Whether this is a production backend. */
  production: boolean
}

/** A handler answers with a body (status 200), or `{ status, body }`. */
type HandlerResult = unknown | { status: number; body: unknown }

export interface Route<B = unknown> {
  method: Method
  path: string
  access: Access
  /** valibot schema of the JSON body (POST/PUT/PATCH) or of the query (GET/DELETE). */
  input?: v.GenericSchema<unknown, B>
  /** Whether a proxy acting for someone may call it (default: false — only for oneself). */
  allowProxy?: boolean
  /**
   * What the route does in words (e.g. `预约服务`): when a grid worker does it for an elder under a
   * worker-held link, the core logs it (`proxy_acts`) and messages the elder and family proxies.
   */
  workerProxyAct?: string
  /** Served in demo mode only (persona login): a production backend answers 404 `NO_ROUTE`. */
  demoOnly?: boolean
  /**
   * Largest JSON body in bytes the server reads for this route (default `JSON_BODY_LIMIT`, 256 KB);
   * only the photo upload raises it (`PHOTO_UPLOAD_BODY_LIMIT`). Larger bodies get 413 `BODY_TOO_LARGE`.
   */
  bodyLimit?: number
  /** Which rate limit of `rate-limits.ts` counts it besides the one on writes: logging in, real-name verification. */
  rateLimit?: 'login' | 'real-name'
  /**
   * Work outside the transaction, before it opens: calls to outside services (WeChat, real-name), which
   * must not run twice when the transaction is retried. Gets the validated input; what it returns is
   * the handler's `ctx.outside`. Runs after the rate limits and, on routes that need a caller, only for
   * a live session (checked in a transaction of its own first; `caller` is its user, as read then).
   */
  outside?: (body: B, services: Services, caller: User | undefined, req: OutsideRequest) => Promise<unknown>
  handler: (ctx: RouteContext<B>) => Promise<HandlerResult> | HandlerResult
}

/** Declares a route; with an `input` schema the handler's `body` is typed from it. */
export function route<S extends v.GenericSchema = v.GenericSchema<unknown, undefined>>(
  def: Omit<Route<v.InferOutput<S>>, 'input'> & { input?: S },
): Route {
  return def as unknown as Route
}

/**
 * Finds the route for a method and path; `params` from `:name` segments.
 * @throws 400 `BAD_PATH` when a segment is not valid percent-encoding (e.g. `%E0%A4%A`)
 */
export function matchRoute(
  routes: readonly Route[],
  method: Method,
  path: string,
): { route: Route; params: Record<string, string> } | { allowed: Method[] } | null {
  const parts = path.split('/').filter(Boolean)
  const allowed: Method[] = []
  for (const r of routes) {
    const pattern = r.path.split('/').filter(Boolean)
    if (pattern.length !== parts.length) continue
    const params: Record<string, string> = {}
    const ok = pattern.every((seg, i) => {
      if (seg.startsWith(':')) {
        params[seg.slice(1)] = decodePathSegment(parts[i])
        return parts[i].length > 0
      }
      return seg === parts[i]
    })
    if (!ok) continue
    if (r.method === method) return { route: r, params }
    allowed.push(r.method)
  }
  return allowed.length ? { allowed } : null
}

function decodePathSegment(segment: string): string {
  try {
    return decodeURIComponent(segment)
  } catch {
    throw badRequest('请求地址格式不正确', undefined, 'BAD_PATH')
  }
}

/**
 * Validates `input` against a route's schema; throws 400 with per-field messages in Chinese. A field left
 * out altogether gets the words its own schema gives (`v.string('请选择孩子')`), as when it is sent empty;
 * valibot's own English messages become 格式不正确.
 */
export function validateInput<T>(schema: v.GenericSchema<unknown, T>, input: unknown): T {
  const result = v.safeParse(schema, input)
  if (result.success) return result.output
  const entries = (schema as { entries?: Record<string, { message?: unknown }> }).entries
  const fields: Record<string, string> = {}
  for (const issue of result.issues) {
    const key = v.getDotPath(issue) ?? '_'
    const own = issue.type === 'object' && entries?.[key]?.message
    if (!fields[key])
      fields[key] = issue.message.startsWith('Invalid') ? (typeof own === 'string' ? own : '格式不正确') : issue.message
  }
  throw badRequest('提交的内容有误，请检查后再试', fields, 'INVALID_INPUT')
}

/**
 * Masks ID numbers typed into free text anywhere in a validated input (strings at any depth), so a
 * number someone types into a reason, a comment or a label is never stored, messaged or shown in full.
 * Fields whose name ends in `idNumber` (any case: `idNumber`, `principalIdNumber`) carry an ID number
 * on purpose (real-name binding, a family link) and are kept as typed.
 */
export function maskTypedIdNumbers<T>(input: T): T {
  const walk = (value: unknown, key: string): unknown => {
    if (typeof value === 'string') return /idnumber$/i.test(key) ? value : maskIdNumbersIn(value)
    if (Array.isArray(value)) return value.map((x) => walk(x, key))
    if (value && typeof value === 'object')
      return Object.fromEntries(Object.entries(value).map(([k, x]) => [k, walk(x, k)]))
    return value
  }
  return walk(input, '') as T
}
