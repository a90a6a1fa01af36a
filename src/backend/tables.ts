/** The core's tables (identity, places, messages, infrastructure). Features declare their own. */
import { table } from './core/data/spec'
import type {
  Attempt,
  Building,
  Community,
  FamilyLink,
  IdempotencyRecord,
  Message,
  MessageSettings,
  OutboxMessage,
  Subscription,
  Photo,
  Rating,
  PiiAccess,
  PropertyRecord,
  ProxyAct,
  RegisterPerson,
  ReminderSent,
  Room,
  RoomBinding,
  Session,
  Settings,
  StairUnit,
  User,
} from './model'

export const settingsTable = table<Settings>({
  name: 'settings',
  key: 'id',
  columns: { id: 'text', clockOffsetMs: 'bigint', faults: 'jsonb', faultState: 'bigint', seededAt: 'timestamptz' },
  lookups: [],
})

export const communitiesTable = table<Community>({
  name: 'communities',
  key: 'id',
  columns: { id: 'text', name: 'text', city: 'text', district: 'text', street: 'text', gridWorker: 'jsonb' },
  lookups: [],
})

export const buildingsTable = table<Building>({
  name: 'buildings',
  key: 'id',
  columns: { id: 'text', communityId: 'text', name: 'text', storeys: 'integer' },
  lookups: [],
})

export const unitsTable = table<StairUnit>({
  name: 'units',
  key: 'id',
  columns: { id: 'text', buildingId: 'text', communityId: 'text', name: 'text', storeys: 'integer' },
  lookups: [],
})

export const roomsTable = table<Room>({
  name: 'rooms',
  key: 'id',
  columns: { id: 'text', unitId: 'text', buildingId: 'text', communityId: 'text', name: 'text', floor: 'integer' },
  lookups: [['communityId'], ['unitId']],
})

export const propertyRegisterTable = table<PropertyRecord>({
  name: 'property_register',
  key: 'roomId',
  columns: { roomId: 'text', ownerIdNumber: 'text', area: 'numeric' },
  lookups: [['ownerIdNumber']],
  sealed: ['ownerIdNumber'],
})

export const populationRegisterTable = table<RegisterPerson>({
  name: 'population_register',
  key: 'idNumber',
  columns: { idNumber: 'text', name: 'text', phone: 'text' },
  lookups: [],
  sealed: ['idNumber'],
})

export const usersTable = table<User>({
  name: 'users',
  key: 'id',
  columns: {
    id: 'text',
    nickname: 'text',
    persona: 'text',
    rank: 'integer',
    communityId: 'text',
    role: 'text',
    supervisor: 'boolean',
    realName: 'text',
    idNumber: 'text',
    realNameBoundAt: 'timestamptz',
    phone: 'text',
    privacyAcceptedAt: 'timestamptz',
    createdAt: 'timestamptz',
    deletedAt: 'timestamptz',
    wechatOpenid: 'text',
  },
  lookups: [['idNumber', 'deletedAt'], ['communityId', 'role', 'deletedAt'], ['deletedAt'], ['wechatOpenid']],
  sealed: ['idNumber'],
})

export const roomBindingsTable = table<RoomBinding>({
  name: 'room_bindings',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    roomId: 'text',
    role: 'text',
    area: 'numeric',
    verified: 'boolean',
    boundAt: 'timestamptz',
    decidedAt: 'timestamptz',
    decidedBy: 'text',
    rejectedReason: 'text',
  },
  lookups: [['userId'], ['roomId'], ['verified', 'decidedAt']],
})

export const sessionsTable = table<Session>({
  name: 'login_sessions',
  key: 'id',
  columns: {
    id: 'text',
    tokenHash: 'text',
    userId: 'text',
    method: 'text',
    device: 'text',
    createdAt: 'timestamptz',
    lastSeenAt: 'timestamptz',
    expiresAt: 'timestamptz',
  },
  lookups: [['tokenHash'], ['userId'], ['expiresAt']],
})

export const familyLinksTable = table<FamilyLink>({
  name: 'family_links',
  key: 'id',
  columns: {
    id: 'text',
    proxyId: 'text',
    principalId: 'text',
    relationship: 'text',
    kind: 'text',
    scope: 'text',
    endsOn: 'date',
    status: 'text',
    requestedBy: 'text',
    requestedAt: 'timestamptz',
    confirmedAt: 'timestamptz',
    confirmedBy: 'text',
    authorizationImageId: 'text',
    closedAt: 'timestamptz',
    closedBy: 'text',
  },
  lookups: [['proxyId', 'principalId', 'status'], ['proxyId'], ['principalId', 'status'], ['status']],
})

export const messagesTable = table<Message>({
  name: 'messages',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    title: 'text',
    body: 'text',
    link: 'text',
    ref: 'text',
    createdAt: 'timestamptz',
    readAt: 'timestamptz',
  },
  lookups: [
    ['userId', 'readAt'],
    ['userId', 'ref', 'readAt'],
  ],
})

/** Idempotency records: in the app one storage key per day, so none grows without bound. */
export const idempotencyTable = table<IdempotencyRecord>({
  name: 'idempotency',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    key: 'text',
    requestHash: 'text',
    status: 'integer',
    body: 'jsonb',
    at: 'timestamptz',
  },
  lookups: [['userId'], ['at']],
  shardOf: (r) => r.at.slice(0, 10),
})

export const attemptsTable = table<Attempt>({
  name: 'attempts',
  key: 'id',
  columns: { id: 'text', key: 'text', at: 'timestamptz' },
  lookups: [['key', 'at'], ['at']],
})

/** Which worker opened which resident's application or photos, and when (PIPL art. 45; `PiiAccess`). */
export const piiAccessLogTable = table<PiiAccess>({
  name: 'pii_access_log',
  key: 'id',
  columns: {
    id: 'text',
    workerId: 'text',
    workerName: 'text',
    residentId: 'text',
    kind: 'text',
    subjectId: 'text',
    what: 'text',
    at: 'timestamptz',
  },
  lookups: [['residentId']],
})

/** Uploaded photos: who sent them, their kind, and what they are attached to (`Photo`). */
export const photosTable = table<Photo>({
  name: 'photos',
  key: 'id',
  columns: {
    id: 'text',
    ownerId: 'text',
    contentType: 'text',
    bytes: 'integer',
    uploadedAt: 'timestamptz',
    attachedTo: 'text',
  },
  lookups: [['attachedTo'], ['ownerId']],
})

/** Scheduled reminders sent, one row per (kind, ref, user): each goes out once (`core/reminders.ts`). */
export const remindersSentTable = table<ReminderSent>({
  name: 'reminders_sent',
  key: 'id',
  columns: { id: 'text', kind: 'text', ref: 'text', userId: 'text', sentAt: 'timestamptz' },
  lookups: [['userId']],
})

/** Message settings per person: the reminder kinds they turned off. */
export const messageSettingsTable = table<MessageSettings>({
  name: 'message_settings',
  key: 'userId',
  columns: { userId: 'text', muted: 'jsonb', updatedAt: 'timestamptz' },
  lookups: [],
})

/** Ratings of appointments and courses with their follow-up (`Rating`): per person, per community's open follow-ups. */
export const ratingsTable = table<Rating>({
  name: 'ratings',
  key: 'id',
  columns: {
    id: 'text',
    kind: 'text',
    subjectId: 'text',
    userId: 'text',
    proxyId: 'text',
    communityId: 'text',
    what: 'text',
    link: 'text',
    stars: 'integer',
    comment: 'text',
    ratedAt: 'timestamptz',
    followUpStatus: 'text',
    followUpDueAt: 'timestamptz',
    followUpAnswer: 'text',
    followUpById: 'text',
    followUpAt: 'timestamptz',
    reStars: 'integer',
    reComment: 'text',
    reRatedAt: 'timestamptz',
  },
  lookups: [['userId'], ['communityId', 'followUpStatus']],
})

/** Acts of workers for elders (worker-held 代办, phone orders): per worker (their log), per elder (export). */
export const proxyActsTable = table<ProxyAct>({
  name: 'proxy_acts',
  key: 'id',
  columns: { id: 'text', workerId: 'text', principalId: 'text', linkId: 'text', what: 'text', at: 'timestamptz' },
  lookups: [['workerId'], ['principalId']],
})

/** What each person accepted per subscribe-message template (`Subscription`). */
export const subscriptionsTable = table<Subscription>({
  name: 'subscriptions',
  key: 'id',
  columns: {
    id: 'text',
    userId: 'text',
    template: 'text',
    accepted: 'integer',
    answer: 'text',
    updatedAt: 'timestamptz',
  },
  lookups: [['userId']],
})

/** WeChat subscribe messages to send after their transaction's commit (`OutboxMessage`, `core/outbox.ts`). */
export const outboxTable = table<OutboxMessage>({
  name: 'outbox',
  key: 'id',
  columns: {
    id: 'text',
    messageId: 'text',
    userId: 'text',
    template: 'text',
    page: 'text',
    data: 'jsonb',
    state: 'text',
    attempts: 'integer',
    nextAt: 'timestamptz',
    claimedUntil: 'timestamptz',
    lastError: 'text',
    createdAt: 'timestamptz',
    doneAt: 'timestamptz',
  },
  lookups: [['state', 'nextAt'], ['state', 'claimedUntil'], ['userId']],
})

/** Every core table, in the order rows may be inserted (referenced tables first). */
export const CORE_TABLES = [
  settingsTable,
  communitiesTable,
  buildingsTable,
  unitsTable,
  roomsTable,
  propertyRegisterTable,
  populationRegisterTable,
  usersTable,
  roomBindingsTable,
  sessionsTable,
  familyLinksTable,
  messagesTable,
  idempotencyTable,
  attemptsTable,
  piiAccessLogTable,
  photosTable,
  remindersSentTable,
  messageSettingsTable,
  ratingsTable,
  proxyActsTable,
  subscriptionsTable,
  outboxTable,
] as const
