/**
 * The care-card feature module (养老服务爱心卡, domain.md §1): applications and their review, cards with
 * their credit ledgers, service bookings, disputes and call-back tasks. Registered with the core in
 * `src/backend/index.ts`. Its records stay when an account is deleted (public funds and other people
 * rely on them), under the now anonymous user id; the deletion only cancels bookings not yet started.
 */
import { careCardExport } from './export'
import type { CareEntry } from '@/domain/care-card/ledger'
import type { Rows } from '@/backend/core/data/store'
import type { Feature, V2Collections } from '@/backend/core/feature'
import { catalogRows, PROVIDERS, type ListedProvider } from './catalog'
import type { CareApplication, CareCardRecord, CareDispute, CareDisputeStatus, CareOrder, CareTask } from './model'
import { cancelCareOrdersOf } from './orders'
import { CareCardRepository, ledgerRowOf } from './repository'
import { careCardReminders } from './reminders'
import { careCardTodos } from './todos'
import { careCardWorkerCounts } from './worker-counts'
import { careCardRoutes } from './routes'
import { seedCareCard } from './seed'
import { applicationsTable, CARE_CARD_TABLES, cardsTable, ledgerTable, ordersTable, tasksTable } from './tables'

const values = <T>(x: unknown): T[] => Object.values((x ?? {}) as Record<string, T>)

/** v2's order: the dispute's status inside the dispute. */
interface V2Order extends Omit<CareOrder, 'disputeStatus' | 'dispute'> {
  dispute?: CareDispute & { status: CareDisputeStatus }
}

/** An order as a row: the dispute's status becomes the `disputeStatus` column. */
function orderRow({ dispute, ...o }: V2Order): CareOrder {
  if (!dispute) return o
  const { status, ...rest } = dispute
  return { ...o, disputeStatus: status, dispute: rest }
}

/**
 * The care card's rows from what schema v2 stored: providers with their services nested (from the
 * catalog when v2 had none, as v2 seeded a missing collection), ledgers as lists per card id.
 */
function careCardFromV2(old: V2Collections): Rows {
  const providers = old.careProviders === undefined ? PROVIDERS : values<ListedProvider>(old.careProviders)
  const ledgers = (old.careLedgers ?? {}) as Record<string, CareEntry[]>
  return {
    ...catalogRows(providers),
    [applicationsTable.name]: values<CareApplication>(old.careApplications),
    [cardsTable.name]: values<CareCardRecord>(old.careCards),
    [ledgerTable.name]: Object.entries(ledgers).flatMap(([cardId, entries]) =>
      entries.map((e, seq) => ledgerRowOf(cardId, seq, e)),
    ),
    [ordersTable.name]: values<V2Order>(old.careOrders).map(orderRow),
    [tasksTable.name]: values<CareTask>(old.careTasks),
  }
}

/** The care-card feature: its tables, repository (`ctx.tx.careCard`), routes, seed and v2 migration. */
export const careCardFeature: Feature<'careCard'> = {
  name: 'careCard',
  tables: CARE_CARD_TABLES,
  repository: (tables) => new CareCardRepository(tables),
  routes: careCardRoutes,
  seed: (core, nowIso) => seedCareCard(core, nowIso),
  todos: careCardTodos,
  reminders: careCardReminders,
  exportOf: careCardExport,
  notPersonal: { care_providers: '服务商名录，公开信息', care_services: '服务项目与价格，公开信息' },
  workerCounts: careCardWorkerCounts,
  fromV2: careCardFromV2,
  /** Cancels the person's bookings not yet started (holds released, places freed). */
  onAccountDeleted: cancelCareOrdersOf,
}
