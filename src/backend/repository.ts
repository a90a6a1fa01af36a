/**
 * The core's repository: every lookup and change the core routes (identity, family links, messages,
 * sessions, idempotency, rate limits, demo settings) make, over the transaction's tables. Lists state
 * their order. Features reach people and places through it too (`ctx.tx.core`).
 */
import type { Table, Tables } from './core/data/store'
import type {
  Attempt,
  Building,
  Community,
  FamilyLink,
  ProxyAct,
  IdempotencyRecord,
  Message,
  MessageSettings,
  OutboxMessage,
  Subscription,
  Photo,
  PiiAccess,
  PropertyRecord,
  Rating,
  RegisterPerson,
  ReminderSent,
  Room,
  RoomBinding,
  Session,
  Settings,
  StairUnit,
  User,
} from './model'
import {
  attemptsTable,
  buildingsTable,
  communitiesTable,
  familyLinksTable,
  idempotencyTable,
  messagesTable,
  messageSettingsTable,
  outboxTable,
  subscriptionsTable,
  photosTable,
  piiAccessLogTable,
  populationRegisterTable,
  propertyRegisterTable,
  ratingsTable,
  remindersSentTable,
  proxyActsTable,
  roomBindingsTable,
  roomsTable,
  sessionsTable,
  settingsTable,
  unitsTable,
  usersTable,
} from './tables'

/** Accounts ranked below this are the demo login's personas; residents signed up otherwise rank above. */
const PERSONA_RANK_LIMIT = 1000

/** Rows by key, in the order of `keys` (missing keys left out). */
async function many<R extends object>(table: Table<R>, keys: readonly string[]): Promise<R[]> {
  const out: R[] = []
  for (const k of [...new Set(keys)]) {
    const row = await table.get(k)
    if (row) out.push(row)
  }
  return out
}

/** The core's data in one transaction. */
export class CoreRepository {
  readonly settings: Table<Settings>
  readonly communities: Table<Community>
  readonly buildings: Table<Building>
  readonly units: Table<StairUnit>
  readonly rooms: Table<Room>
  readonly propertyRegister: Table<PropertyRecord>
  readonly populationRegister: Table<RegisterPerson>
  readonly users: Table<User>
  readonly roomBindings: Table<RoomBinding>
  readonly sessions: Table<Session>
  readonly familyLinks: Table<FamilyLink>
  readonly messages: Table<Message>
  readonly idempotency: Table<IdempotencyRecord>
  readonly attempts: Table<Attempt>
  readonly piiAccessLog: Table<PiiAccess>
  readonly photos: Table<Photo>
  readonly remindersSent: Table<ReminderSent>
  readonly messageSettings: Table<MessageSettings>
  readonly ratings: Table<Rating>
  readonly proxyActs: Table<ProxyAct>
  readonly subscriptions: Table<Subscription>
  readonly outbox: Table<OutboxMessage>
  /** Whether this transaction wrote an outbox row (the backend then dispatches after the commit). */
  outboxWritten = false

  constructor(readonly tables: Tables) {
    this.settings = tables.of(settingsTable)
    this.communities = tables.of(communitiesTable)
    this.buildings = tables.of(buildingsTable)
    this.units = tables.of(unitsTable)
    this.rooms = tables.of(roomsTable)
    this.propertyRegister = tables.of(propertyRegisterTable)
    this.populationRegister = tables.of(populationRegisterTable)
    this.users = tables.of(usersTable)
    this.roomBindings = tables.of(roomBindingsTable)
    this.sessions = tables.of(sessionsTable)
    this.familyLinks = tables.of(familyLinksTable)
    this.messages = tables.of(messagesTable)
    this.idempotency = tables.of(idempotencyTable)
    this.attempts = tables.of(attemptsTable)
    this.piiAccessLog = tables.of(piiAccessLogTable)
    this.photos = tables.of(photosTable)
    this.remindersSent = tables.of(remindersSentTable)
    this.messageSettings = tables.of(messageSettingsTable)
    this.ratings = tables.of(ratingsTable)
    this.proxyActs = tables.of(proxyActsTable)
    this.subscriptions = tables.of(subscriptionsTable)
    this.outbox = tables.of(outboxTable)
  }

  /** Photos and other images of this transaction. */
  get images() {
    return this.tables.images
  }

  /** Removes an image and, for a photo uploaded through `POST /api/photos`, its record (at commit). */
  async removeImage(id: string): Promise<void> {
    await this.photos.remove(id)
    await this.images.remove(id)
  }

  // People

  /** Users by id, in the order given (unknown ids left out). */
  usersByIds(ids: readonly string[]): Promise<User[]> {
    return many(this.users, ids)
  }

  /** The live (not deleted) account bound to this ID number, if any. */
  userByIdNumber(idNumber: string): Promise<User | undefined> {
    return this.users.first({ where: { idNumber, deletedAt: null }, order: [] })
  }

  /** Live demo personas (rank below 1000) for the demo login, by rank then id. */
  personas(): Promise<User[]> {
    return this.users.find({ where: { deletedAt: null, rank: { lt: PERSONA_RANK_LIMIT } }, order: [['rank', 'asc']] })
  }

  /** Every community, by id (the reminder job). */
  allCommunities(): Promise<Community[]> {
    return this.communities.find({ where: {}, order: [['id', 'asc']] })
  }

  /** The live residents (not workers) of a community, by id. */
  residentsOf(communityId: string): Promise<User[]> {
    return this.users.find({ where: { communityId, role: 'resident', deletedAt: null }, order: [['id', 'asc']] })
  }

  /** The live community workers of a community, by id. */
  workersOf(communityId: string): Promise<User[]> {
    return this.users.find({ where: { communityId, role: 'worker', deletedAt: null }, order: [] })
  }

  // Places

  /** The rooms of a community, by id. */
  roomsOfCommunity(communityId: string): Promise<Room[]> {
    return this.rooms.find({ where: { communityId }, order: [] })
  }

  /** The rooms of a stairwell unit, by floor then id. */
  roomsOfUnit(unitId: string): Promise<Room[]> {
    return this.rooms.find({ where: { unitId }, order: [['floor', 'asc']] })
  }

  /** Rooms by id, in the order given. */
  roomsByIds(ids: readonly string[]): Promise<Room[]> {
    return many(this.rooms, ids)
  }

  /** Property-register records by room id, in the order given (rooms without one left out). */
  propertyOf(roomIds: readonly string[]): Promise<PropertyRecord[]> {
    return many(this.propertyRegister, roomIds)
  }

  /** The property-register records of the owner with this ID number, by room id. */
  propertyOwnedBy(ownerIdNumber: string): Promise<PropertyRecord[]> {
    return this.propertyRegister.find({ where: { ownerIdNumber }, order: [] })
  }

  /** `总浦桥社区 3幢1单元 701` for a room id (the id itself when unknown). */
  async roomLabel(roomId: string): Promise<string> {
    const room = await this.rooms.get(roomId)
    if (!room) return roomId
    const [community, building, unit] = await Promise.all([
      this.communities.get(room.communityId),
      this.buildings.get(room.buildingId),
      this.units.get(room.unitId),
    ])
    return `${community?.name ?? ''} ${building?.name ?? ''}${unit?.name ?? ''} ${room.name}`.trim()
  }

  /** A user's room bindings, in the order they were made (then by id). */
  bindingsOf(userId: string): Promise<RoomBinding[]> {
    return this.roomBindings.find({ where: { userId }, order: [['boundAt', 'asc']] })
  }

  /** Every binding waiting for the community (not verified, not decided), oldest first. */
  pendingBindings(): Promise<RoomBinding[]> {
    return this.roomBindings.find({ where: { verified: false, decidedAt: null }, order: [['boundAt', 'asc']] })
  }

  /** The bindings to a room, in the order they were made. */
  bindingsOfRoom(roomId: string): Promise<RoomBinding[]> {
    return this.roomBindings.find({ where: { roomId }, order: [['boundAt', 'asc']] })
  }

  /** The account of a WeChat openid, if any (deleted accounts have none). */
  async userByWechatOpenid(openid: string): Promise<User | undefined> {
    return (await this.users.find({ where: { wechatOpenid: openid }, order: [], limit: 1 }))[0]
  }

  /** The first community by id (where a first WeChat login's account starts), if there is one. */
  async firstCommunity(): Promise<Community | undefined> {
    return (await this.communities.find({ where: {}, order: [], limit: 1 }))[0]
  }

  // Sessions

  /** The sessions of a user, oldest first. */
  sessionsOf(userId: string): Promise<Session[]> {
    return this.sessions.find({ where: { userId }, order: [['createdAt', 'asc']] })
  }

  /** The session whose token hashes to `tokenHash` (SHA-256 hex), if any. */
  async sessionByTokenHash(tokenHash: string): Promise<Session | undefined> {
    return (await this.sessions.find({ where: { tokenHash }, order: [], limit: 1 }))[0]
  }

  /** Up to `limit` sessions that expired before `beforeIso`, soonest first (for the purge). */
  sessionsExpiredBefore(beforeIso: string, limit: number): Promise<Session[]> {
    return this.sessions.find({ where: { expiresAt: { lt: beforeIso } }, order: [['expiresAt', 'asc']], limit })
  }

  // Family links

  /** The links where `userId` is the proxy or the principal, newest request first. */
  async linksOf(userId: string): Promise<FamilyLink[]> {
    const [asProxy, asPrincipal] = await Promise.all([
      this.familyLinks.find({ where: { proxyId: userId }, order: [] }),
      this.familyLinks.find({ where: { principalId: userId }, order: [] }),
    ])
    const byId = new Map([...asProxy, ...asPrincipal].map((l) => [l.id, l]))
    return [...byId.values()].sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || a.id.localeCompare(b.id))
  }

  /** The links from one proxy to one principal, newest request first. */
  linksBetween(proxyId: string, principalId: string): Promise<FamilyLink[]> {
    return this.familyLinks.find({ where: { proxyId, principalId }, order: [['requestedAt', 'desc']] })
  }

  /**
   * The confirmed link from `proxyId` to `principalId`, if any (a worker-held one may have passed its
   * `endsOn`: the caller judges that).
   */
  async confirmedLink(proxyId: string, principalId: string): Promise<FamilyLink | undefined> {
    const links = await this.familyLinks.find({
      where: { proxyId, principalId, status: 'confirmed' },
      order: [],
      limit: 1,
    })
    return links[0]
  }

  /**
   * The confirmed family proxies of a principal (their user ids), in link order. Worker-held links
   * (issue 27) are not among them: the worker acts, the family is told.
   */
  async confirmedProxiesOf(principalId: string): Promise<string[]> {
    const links = await this.familyLinks.find({
      where: { principalId, status: 'confirmed' },
      order: [['requestedAt', 'asc']],
    })
    return links.filter((l) => l.kind !== 'worker').map((l) => l.proxyId)
  }

  /** The worker-held links of a principal (any status), newest request first. */
  async workerLinksOf(principalId: string): Promise<FamilyLink[]> {
    const links = await this.familyLinks.find({ where: { principalId }, order: [['requestedAt', 'desc']] })
    return links.filter((l) => l.kind === 'worker')
  }

  /** The worker-held links of every worker of a community (any status), newest request first. */
  async workerLinksOfCommunity(communityId: string): Promise<FamilyLink[]> {
    const links: FamilyLink[] = []
    for (const w of await this.workersOf(communityId))
      links.push(...(await this.familyLinks.find({ where: { proxyId: w.id }, order: [] })))
    return links
      .filter((l) => l.kind === 'worker')
      .sort((a, b) => b.requestedAt.localeCompare(a.requestedAt) || a.id.localeCompare(b.id))
  }

  /** A worker's acts for elders (their 代办 log), newest first. */
  proxyActsOfWorker(workerId: string, limit = 100): Promise<ProxyAct[]> {
    return this.proxyActs.find({
      where: { workerId },
      order: [
        ['at', 'desc'],
        ['id', 'desc'],
      ],
      limit,
    })
  }

  /** Workers' acts for one elder, newest first (the elder's export). */
  proxyActsForPrincipal(principalId: string): Promise<ProxyAct[]> {
    return this.proxyActs.find({ where: { principalId }, order: [['at', 'desc']] })
  }

  /** Links waiting for an answer, oldest request first. */
  pendingLinks(): Promise<FamilyLink[]> {
    return this.familyLinks.find({ where: { status: 'pending' }, order: [['requestedAt', 'asc']] })
  }

  // Messages

  /** A page of a user's messages, newest first (then by id, descending). */
  messagesOf(userId: string, page: { offset: number; limit: number }): Promise<Message[]> {
    return this.messages.find({
      where: { userId },
      order: [
        ['createdAt', 'desc'],
        ['id', 'desc'],
      ],
      ...page,
    })
  }

  /** How many messages a user has, and how many are unread. */
  async messageCounts(userId: string): Promise<{ total: number; unread: number }> {
    const [total, unread] = await Promise.all([
      this.messages.count({ userId }),
      this.messages.count({ userId, readAt: null }),
    ])
    return { total, unread }
  }

  /** A user's unread messages about `ref` (what they ask the user to act on), oldest first. */
  unreadMessagesAbout(userId: string, ref: string): Promise<Message[]> {
    return this.messages.find({ where: { userId, ref, readAt: null }, order: [['createdAt', 'asc']] })
  }

  /** The scheduled reminders sent to a user, oldest first (account deletion). */
  /** A person's subscriptions, by template. */
  subscriptionsOf(userId: string): Promise<Subscription[]> {
    return this.subscriptions.find({ where: { userId }, order: [['template', 'asc']] })
  }

  /** A person's outbox rows, oldest first. */
  outboxOf(userId: string): Promise<OutboxMessage[]> {
    return this.outbox.find({ where: { userId }, order: [['createdAt', 'asc']] })
  }

  /** Outbox rows done (sent, refused or given up) before `beforeIso`, oldest first, at most `limit` (the purge). */
  outboxDoneBefore(beforeIso: string, limit: number): Promise<OutboxMessage[]> {
    return this.outbox.find({
      where: { state: { in: ['sent', 'refused', 'failed'] }, doneAt: { lt: beforeIso } },
      order: [['doneAt', 'asc']],
      limit,
    })
  }

  /**
   * Outbox rows a dispatcher may claim at `nowIso`: pending and due, then claims that lapsed (a
   * dispatcher that stopped mid-send), oldest first, at most `limit` of each.
   */
  async outboxDue(nowIso: string, limit: number): Promise<OutboxMessage[]> {
    const pending = await this.outbox.find({
      where: { state: 'pending', nextAt: { lte: nowIso } },
      order: [['nextAt', 'asc']],
      limit,
    })
    const lapsed = await this.outbox.find({
      where: { state: 'sending', claimedUntil: { lt: nowIso } },
      order: [['claimedUntil', 'asc']],
      limit,
    })
    return [...pending, ...lapsed]
  }

  remindersSentTo(userId: string): Promise<ReminderSent[]> {
    return this.remindersSent.find({ where: { userId }, order: [['sentAt', 'asc']] })
  }

  /** The reminder kinds a user turned off (none when they never changed a setting). */
  async mutedKinds(userId: string): Promise<string[]> {
    return (await this.messageSettings.get(userId))?.muted ?? []
  }

  // Rate limits and idempotency

  /** How many attempts under `key` were counted after `sinceIso`. */
  attemptsSince(key: string, sinceIso: string): Promise<number> {
    return this.attempts.count({ key, at: { gt: sinceIso } })
  }

  /** Idempotency records written before `beforeIso`, oldest first, at most `limit` (for the purge). */
  idempotencyBefore(beforeIso: string, limit: number): Promise<IdempotencyRecord[]> {
    return this.idempotency.find({ where: { at: { lt: beforeIso } }, order: [['at', 'asc']], limit })
  }

  /** Photos still pending (attached to nothing) uploaded before `beforeIso`, oldest first, at most `limit`. */
  pendingPhotosBefore(beforeIso: string, limit: number): Promise<Photo[]> {
    return this.photos.find({
      where: { attachedTo: null, uploadedAt: { lt: beforeIso } },
      order: [['uploadedAt', 'asc']],
      limit,
    })
  }

  /** The ratings of services for a person, oldest first. */
  ratingsOf(userId: string): Promise<Rating[]> {
    return this.ratings.find({ where: { userId }, order: [['ratedAt', 'asc']] })
  }

  /** A community's ratings whose follow-up is `status`, the earliest due first. */
  followUpsOf(communityId: string, status: 'open' | 'answered'): Promise<Rating[]> {
    return this.ratings.find({ where: { communityId, followUpStatus: status }, order: [['followUpDueAt', 'asc']] })
  }

  /** The photos a user uploaded, oldest first (their data export). */
  photosOf(ownerId: string): Promise<Photo[]> {
    return this.photos.find({ where: { ownerId }, order: [['uploadedAt', 'asc']] })
  }

  /** A user's idempotency records, oldest first (account deletion). */
  idempotencyOf(userId: string): Promise<IdempotencyRecord[]> {
    return this.idempotency.find({ where: { userId }, order: [['at', 'asc']] })
  }

  /** Attempts counted for a user's limits (keys ending in `:<userId>`), for account deletion. */
  attemptsOfKey(key: string): Promise<Attempt[]> {
    return this.attempts.find({ where: { key }, order: [['at', 'asc']] })
  }

  // Access to personal data

  /** Who opened which of this resident's applications and photos, oldest first (their data export). */
  piiAccessesOf(residentId: string): Promise<PiiAccess[]> {
    return this.piiAccessLog.find({ where: { residentId }, order: [['at', 'asc']] })
  }

  /** The demo settings row. @throws when the store was never seeded */
  async demoSettings(): Promise<Settings> {
    const s = await this.settings.get('demo')
    if (!s) throw new Error('the store holds no settings: it was never seeded')
    return s
  }
}
