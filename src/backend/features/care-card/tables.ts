/**
 * Tables of the care card. `jsonb` holds value objects no route queries: an application's declared
 * `groups`, `proofs`, `rejection` and `acts`; a card's `groups`; a service's `slotTimes`; an order's
 * `rating`, `dispute` (its text; where it stands is the `disputeStatus` column) and `acts`.
 */
import { table } from '@/backend/core/data/spec'
import type {
  CareApplication,
  CareCardRecord,
  CareLedgerRow,
  CareOrder,
  CareProvider,
  CareService,
  CareTask,
} from './model'

/** Service providers, per community in list order. */
export const providersTable = table<CareProvider>({
  name: 'care_providers',
  key: 'id',
  columns: { id: 'text', rank: 'integer', communityId: 'text', name: 'text', phone: 'text', address: 'text' },
  lookups: [['communityId']],
})

/** A provider's bookable services (price, slot times, capacity per slot). */
export const servicesTable = table<CareService>({
  name: 'care_services',
  key: 'id',
  columns: {
    id: 'text',
    providerId: 'text',
    rank: 'integer',
    kind: 'text',
    name: 'text',
    priceFen: 'integer',
    unit: 'text',
    durationMinutes: 'integer',
    slotTimes: 'jsonb',
    capacity: 'integer',
  },
  lookups: [['providerId']],
})

/** Applications for a card: per person (one open at a time) and per community's review queue. */
export const applicationsTable = table<CareApplication>({
  name: 'care_applications',
  key: 'id',
  columns: {
    id: 'text',
    applicantId: 'text',
    communityId: 'text',
    proxyId: 'text',
    groups: 'jsonb',
    proofs: 'jsonb',
    status: 'text',
    cycle: 'integer',
    monthlyCreditFen: 'integer',
    tierReason: 'text',
    submittedAt: 'timestamptz',
    communityDueDate: 'date',
    streetDueDate: 'date',
    rejection: 'jsonb',
    activeFrom: 'date',
    cardId: 'text',
    acts: 'jsonb',
    createdAt: 'timestamptz',
  },
  lookups: [
    ['applicantId', 'status'],
    ['communityId', 'status'],
  ],
})

/** Issued cards, one per holder. */
export const cardsTable = table<CareCardRecord>({
  name: 'care_cards',
  key: 'id',
  columns: {
    id: 'text',
    holderId: 'text',
    communityId: 'text',
    applicationId: 'text',
    birthDate: 'date',
    groups: 'jsonb',
    activeFrom: 'date',
    codeSecret: 'text',
    codeUsedWindow: 'integer',
    createdAt: 'timestamptz',
  },
  lookups: [['holderId']],
})

/** Ledger entries, one row each. `at` is text: a calendar date (issues) or an instant, as the domain wrote it. */
export const ledgerTable = table<CareLedgerRow>({
  name: 'care_ledger_entries',
  key: 'id',
  columns: {
    id: 'text',
    cardId: 'text',
    seq: 'integer',
    entryId: 'text',
    kind: 'text',
    amountFen: 'integer',
    at: 'text',
    year: 'integer',
    orderId: 'text',
    month: 'text',
    note: 'text',
    actedBy: 'text',
    actorName: 'text',
  },
  lookups: [['cardId']],
})

/**
 * Bookings: per holder (newest first; booked ones on account deletion), per slot (places taken), per
 * service (slot availability), per community (workers' lists by status or open dispute).
 */
export const ordersTable = table<CareOrder>({
  name: 'care_orders',
  key: 'id',
  columns: {
    id: 'text',
    cardId: 'text',
    holderId: 'text',
    communityId: 'text',
    providerId: 'text',
    serviceId: 'text',
    priceFen: 'integer',
    slotId: 'text',
    startAt: 'timestamptz',
    status: 'text',
    createdAt: 'timestamptz',
    proxyId: 'text',
    channel: 'text',
    callerPhone: 'text',
    deliveredAt: 'timestamptz',
    deliveredById: 'text',
    rating: 'jsonb',
    disputeStatus: 'text',
    dispute: 'jsonb',
    acts: 'jsonb',
  },
  lookups: [
    ['holderId', 'status'],
    ['slotId', 'holderId'],
    ['serviceId'],
    ['communityId', 'status'],
    ['communityId', 'disputeStatus'],
  ],
})

/** Call-back tasks after a bad rating, per community and status. */
export const tasksTable = table<CareTask>({
  name: 'care_tasks',
  key: 'id',
  columns: {
    id: 'text',
    kind: 'text',
    orderId: 'text',
    communityId: 'text',
    holderId: 'text',
    stars: 'integer',
    comment: 'text',
    createdAt: 'timestamptz',
    dueAt: 'timestamptz',
    status: 'text',
    doneAt: 'timestamptz',
    doneById: 'text',
    outcome: 'text',
  },
  lookups: [['communityId', 'status'], ['holderId']],
})

/** The feature's tables, referenced tables first. */
export const CARE_CARD_TABLES = [
  providersTable,
  servicesTable,
  applicationsTable,
  cardsTable,
  ledgerTable,
  ordersTable,
  tasksTable,
] as const
