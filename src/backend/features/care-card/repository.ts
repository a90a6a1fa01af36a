/**
 * The care card's data in one transaction: providers and services, applications, cards and their
 * ledgers, orders and call-back tasks. Every list states its order.
 */
import type { CareEntry, CareLedger } from '@/domain/care-card/ledger'
import type { CareApplicationStatusDto, CareOrderStatusDto } from '@/domain/care-card/contracts'
import type { Table, Tables } from '@/backend/core/data/store'
import type {
  CareApplication,
  CareCardRecord,
  CareLedgerRow,
  CareOrder,
  CareProvider,
  CareService,
  CareTask,
} from './model'
import {
  applicationsTable,
  cardsTable,
  ledgerTable,
  ordersTable,
  providersTable,
  servicesTable,
  tasksTable,
} from './tables'

/** A ledger row as the domain's entry. */
function entryOf(r: CareLedgerRow): CareEntry {
  const e: CareEntry = { id: r.entryId, kind: r.kind, amountFen: r.amountFen, at: r.at, year: r.year, note: r.note }
  if (r.orderId != null) e.orderId = r.orderId
  if (r.month != null) e.month = r.month
  return e
}

/** A domain entry as the ledger row at position `seq` of card `cardId`. */
export function ledgerRowOf(cardId: string, seq: number, e: CareEntry): CareLedgerRow {
  const row: CareLedgerRow = {
    id: `${cardId}:${e.id}`,
    cardId,
    seq,
    entryId: e.id,
    kind: e.kind,
    amountFen: e.amountFen,
    at: e.at,
    year: e.year,
    note: e.note,
  }
  if (e.orderId !== undefined) row.orderId = e.orderId
  if (e.month !== undefined) row.month = e.month
  return row
}

/** Which of a community's orders a worker lists: booked, delivered (or rated), with an open dispute, or all. */
export type OrderFilter = 'booked' | 'delivered' | 'disputed' | 'all'

/** The care card's tables in one transaction, and the lookups its routes make. */
export class CareCardRepository {
  readonly providers: Table<CareProvider>
  readonly services: Table<CareService>
  readonly applications: Table<CareApplication>
  readonly cards: Table<CareCardRecord>
  readonly ledger: Table<CareLedgerRow>
  readonly orders: Table<CareOrder>
  readonly tasks: Table<CareTask>

  constructor(tables: Tables) {
    this.providers = tables.of(providersTable)
    this.services = tables.of(servicesTable)
    this.applications = tables.of(applicationsTable)
    this.cards = tables.of(cardsTable)
    this.ledger = tables.of(ledgerTable)
    this.orders = tables.of(ordersTable)
    this.tasks = tables.of(tasksTable)
  }

  // Providers and services

  /** The providers of a community, in list order (`rank`). */
  providersOf(communityId: string): Promise<CareProvider[]> {
    return this.providers.find({ where: { communityId }, order: [['rank', 'asc']] })
  }

  /** A provider's services, in list order (`rank`). */
  servicesOf(providerId: string): Promise<CareService[]> {
    return this.services.find({ where: { providerId }, order: [['rank', 'asc']] })
  }

  // Applications

  /** A person's applications, newest first (by creation). */
  applicationsOf(applicantId: string): Promise<CareApplication[]> {
    return this.applications.find({ where: { applicantId }, order: [['createdAt', 'desc']] })
  }

  /** A person's applications in one of `statuses` (e.g. under review), newest submission first. */
  applicationsIn(applicantId: string, statuses: readonly CareApplicationStatusDto[]): Promise<CareApplication[]> {
    return this.applications.find({
      where: { applicantId, status: { in: statuses } },
      order: [['submittedAt', 'desc']],
    })
  }

  /** A community's applications, in one of `statuses` when given, oldest submission first. */
  applicationsOfCommunity(
    communityId: string,
    statuses?: readonly CareApplicationStatusDto[],
  ): Promise<CareApplication[]> {
    const where = statuses ? { communityId, status: { in: statuses } } : { communityId }
    return this.applications.find({ where, order: [['submittedAt', 'asc']] })
  }

  // Cards and ledgers

  /** A person's card (at most one per person), or undefined. */
  cardOf(holderId: string): Promise<CareCardRecord | undefined> {
    return this.cards.first({ where: { holderId }, order: [['createdAt', 'asc']] })
  }

  /** A card's ledger entries, in append order (`seq`). */
  async ledgerOf(cardId: string): Promise<CareEntry[]> {
    return (await this.ledger.find({ where: { cardId }, order: [['seq', 'asc']] })).map(entryOf)
  }

  /**
   * Appends the entries of `entries` from position `from` on (what a ledger function added to the
   * `from` entries read) to the card's ledger, marked with `actor` (who acted for the elder) when given.
   * Call with the card locked.
   */
  async appendLedger(
    cardId: string,
    entries: CareLedger,
    from: number,
    actor?: { id: string; name: string },
  ): Promise<void> {
    for (let seq = from; seq < entries.length; seq++) {
      const row = ledgerRowOf(cardId, seq, entries[seq])
      await this.ledger.insert(actor ? { ...row, actedBy: actor.id, actorName: actor.name } : row)
    }
  }

  // Orders

  /** A page of a holder's orders, newest first (by creation, then id, descending). */
  ordersOf(holderId: string, page: { offset: number; limit: number }): Promise<CareOrder[]> {
    return this.orders.find({
      where: { holderId },
      order: [
        ['createdAt', 'desc'],
        ['id', 'desc'],
      ],
      ...page,
    })
  }

  /** A holder's booked orders starting after `afterIso`, soonest first. */
  bookedOrdersOf(holderId: string, afterIso: string): Promise<CareOrder[]> {
    return this.orders.find({
      where: { holderId, status: 'booked', startAt: { gt: afterIso } },
      order: [['startAt', 'asc']],
    })
  }

  /** A holder's delivered orders not yet rated, earliest delivery first (home's to-dos). */
  unratedOfHolder(holderId: string): Promise<CareOrder[]> {
    return this.orders.find({ where: { holderId, status: 'delivered' }, order: [['deliveredAt', 'asc']] })
  }

  /** A holder's order taking a place in a slot (not cancelled), or undefined. */
  holderOrderInSlot(holderId: string, slotId: string): Promise<CareOrder | undefined> {
    return this.orders.first({
      where: { slotId, holderId, status: { ne: 'cancelled' } },
      order: [['createdAt', 'asc']],
    })
  }

  /** How many orders take a place in a slot (not cancelled). */
  placesTaken(slotId: string): Promise<number> {
    return this.orders.count({ slotId, status: { ne: 'cancelled' } })
  }

  /** The orders of a service taking a place (not cancelled) in slots starting from `fromIso` to `toIso`, by start. */
  placesTakenBetween(serviceId: string, fromIso: string, toIso: string): Promise<CareOrder[]> {
    return this.orders.find({
      where: { serviceId, startAt: { gte: fromIso, lte: toIso }, status: { ne: 'cancelled' } },
      order: [['startAt', 'asc']],
    })
  }

  /** A community's orders matching `filter`, soonest service first (then by id). */
  ordersOfCommunity(communityId: string, filter: OrderFilter): Promise<CareOrder[]> {
    const statuses: Record<Exclude<OrderFilter, 'disputed' | 'all'>, CareOrderStatusDto[]> = {
      booked: ['booked'],
      delivered: ['delivered', 'rated'],
    }
    const where =
      filter === 'all'
        ? { communityId }
        : filter === 'disputed'
          ? { communityId, disputeStatus: 'open' as const }
          : { communityId, status: { in: statuses[filter] } }
    return this.orders.find({ where, order: [['startAt', 'asc']] })
  }

  /** Every card, by id (the reminder job). */
  allCards(): Promise<CareCardRecord[]> {
    return this.cards.find({ where: {}, order: [['id', 'asc']] })
  }

  /** A community's delivered orders not yet rated, earliest delivery first (the reminder job). */
  unratedOf(communityId: string): Promise<CareOrder[]> {
    return this.orders.find({ where: { communityId, status: 'delivered' }, order: [['deliveredAt', 'asc']] })
  }

  // Call-back tasks

  /** A community's call-back tasks, with `status` when given, earliest due first. */
  tasksOf(communityId: string, status?: CareTask['status']): Promise<CareTask[]> {
    return this.tasks.find({ where: status ? { communityId, status } : { communityId }, order: [['dueAt', 'asc']] })
  }

  /** The call-back tasks about a holder's orders, oldest first (their data export). */
  tasksOfHolder(holderId: string): Promise<CareTask[]> {
    return this.tasks.find({ where: { holderId }, order: [['createdAt', 'asc']] })
  }

  /** A card's ledger rows as stored, in append order (their data export). */
  ledgerRowsOf(cardId: string): Promise<CareLedgerRow[]> {
    return this.ledger.find({ where: { cardId }, order: [['seq', 'asc']] })
  }
}

declare module '../../core/router' {
  interface FeatureRepositories {
    careCard: CareCardRepository
  }
}
