/**
 * A feature module (care card, youth palace, elevator, one thing): everything it brings to the backend,
 * registered with the core in `src/backend/index.ts`. The core names no feature's data.
 */
import type { TableSpec } from './data/spec'
import type { Rows, Tables } from './data/store'
import type {
  AccountDeletionHook,
  ExportProvider,
  FeatureRepositories,
  Route,
  RouteContext,
  TodoProvider,
  WorkerCountProvider,
} from './router'
import type { ReminderProvider } from './reminders'
import type { CoreSeed } from '../seed'

/** Collections as schema v2 stored them (`mc:db:<name>` → parsed JSON), for the migration to tables. */
export type V2Collections = Record<string, unknown>

export interface Feature<K extends keyof FeatureRepositories = keyof FeatureRepositories> {
  /** The key of its repository in a transaction (`ctx.tx.<name>`). */
  readonly name: K
  /** Its tables, referenced tables first. */
  readonly tables: readonly TableSpec<never>[]
  /** Its repository over a transaction's tables. */
  repository(tables: Tables): FeatureRepositories[K]
  readonly routes: readonly Route[]
  /** Its demo seed, given the core's (people, places) and the seeding instant. */
  seed(core: CoreSeed, nowIso: string): Rows
  /** Its rows from what schema v2 stored (the in-app migration). */
  fromV2(old: V2Collections): Rows
  /** Releases what a deleted account held (seats, bookings), before its personal records are erased. */
  readonly onAccountDeleted?: AccountDeletionHook
  /** Erases a deleted account's personal records of this feature (PIPL art. 47). */
  erase?(ctx: RouteContext, userId: string): Promise<void>
  /** What waits for a user with a deadline (home's "我的待办"), read-only. */
  readonly todos?: TodoProvider
  /** The person's records of this feature for their data export (`GET /api/me/export`), read-only. */
  readonly exportOf?: ExportProvider
  /** Its tables that hold no rows about a person, each with the reason (checked by the export's test). */
  readonly notPersonal?: Readonly<Record<string, string>>
  /** Its scheduled reminders (`core/reminders.ts`): what may be reminded now, read-only. */
  readonly reminders?: ReminderProvider
  /** What waits for the community's workers in its services (the worker hub's counts), read-only. */
  readonly workerCounts?: WorkerCountProvider
}
