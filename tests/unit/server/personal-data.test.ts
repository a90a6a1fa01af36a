/** @jest-environment node */
/**
 * ID numbers at rest on the server (PIPL arts. 28, 51): every table read raw with SQL holds no ID number
 * in plain text — only `v1:<key id>:…` sealed values and keyed hashes — while lookups, the one-account-
 * per-ID-number rule and the masked answers work as before; a database from before migration 008 has
 * its plain-text numbers sealed at the next start; a key rotation reseals under the new key at start,
 * and a value under a key the server does not have is refused. PGlite (and PostgreSQL with `MC_PG_URL`).
 */
import { TABLES } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { DuplicateKeyError } from '@/backend/core/data/store'
import { idNumberOf, PEOPLE } from '@/backend/seed/people'
import { createSqlBackend } from '@/server/backend'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'
import { migrate, migrationFiles } from '@/server/migrate'
import { demoPiiKeys, PiiCipher, PiiSealError, type PiiKeys } from '@/server/pii'
import { sealPersonalData } from '@/server/pii-reseal'
import { describeSql, sqlDatabases } from './databases'

jest.setTimeout(120_000)

const T0 = Date.UTC(2026, 2, 2, 2, 0, 0)
const ID = (key: string) => idNumberOf(PEOPLE.find((p) => p.key === key)!)
/** Any 18-character ID-number shape (17 digits and a digit or X). */
const ID_SHAPE = /(^|[^0-9A-Za-z])\d{17}[\dXx](?![0-9A-Za-z])/

/** Every row of every table, as raw SQL returns it, as JSON text. */
async function rawDump(db: SqlDriver): Promise<string> {
  const tables = (
    await db.withConnection((c) =>
      c.query(`SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename`),
    )
  ).rows.map((r) => String(r.tablename))
  const out: Record<string, unknown[]> = {}
  for (const t of tables) out[t] = (await db.withConnection((c) => c.query(`SELECT * FROM "${t}"`))).rows
  return JSON.stringify(out)
}

const plainIdsIn = (dump: string) => PEOPLE.map((p) => idNumberOf(p)).filter((id) => dump.includes(id))
const rawColumn = async (db: SqlDriver, sql: string) =>
  (await db.withConnection((c) => c.query(sql))).rows.map((r) => Object.values(r)[0] as string)

describeSql.each(sqlDatabases(4))('ID numbers at rest on %s', (_kind, open) => {
  let db: SqlDriver
  beforeEach(async () => {
    db = await open()
  })
  afterEach(() => db.close())

  it('no table read raw holds an ID number in plain text; lookups, uniqueness and masked answers still work', async () => {
    const backend = await createSqlBackend({ driver: db, blobs: memoryBlobStore(), clock: fixedClock(T0) })
    const dump = await rawDump(db)
    expect(plainIdsIn(dump)).toEqual([])
    expect(dump).not.toMatch(ID_SHAPE)
    const cipher = new PiiCipher(demoPiiKeys())
    for (const sql of [
      'SELECT id_number FROM users WHERE id_number IS NOT NULL',
      'SELECT id_number FROM population_register',
      'SELECT owner_id_number FROM property_register',
    ]) {
      const values = await rawColumn(db, sql)
      expect(values.length).toBeGreaterThan(0)
      for (const v of values)
        expect(v).toMatch(new RegExp(`^v1:${cipher.currentKeyId}:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+$`))
    }
    // Two values of one number differ (a random IV each); the hashes agree and are keyed.
    const zhou = await rawColumn(db, `SELECT owner_id_number FROM property_register WHERE room_id LIKE 'r-zpq-3-1-%02'`)
    expect(new Set(zhou).size).toBe(zhou.length)
    const hashes = await rawColumn(db, 'SELECT id_number_hash FROM users WHERE id_number IS NOT NULL')
    expect(hashes).toContain(cipher.hash(ID('wang')))

    // Through the store, the numbers read as before and lookups by number find them.
    const found = await backend.run(async (tx) => ({
      user: (await tx.core.userByIdNumber(ID('wang')))?.id,
      lower: (await tx.core.userByIdNumber(ID('wang').toLowerCase()))?.id,
      person: (await tx.core.populationRegister.get(ID('chen')))?.name,
      rooms: (await tx.core.propertyOwnedBy(ID('zhou'))).map((r) => r.roomId).sort(),
      idNumber: (await tx.core.users.get('u-wang'))?.idNumber,
    }))
    expect(found).toEqual({
      user: 'u-wang',
      lower: 'u-wang',
      person: '陈晓东',
      rooms: ['r-zpq-3-1-501', 'r-zpq-3-1-602'],
      idNumber: ID('wang'),
    })
    // One live account per ID number, by its hash.
    await expect(
      backend.arrange('users', [
        {
          id: 'u-copy',
          idNumber: ID('wang'),
          nickname: 'x',
          persona: 'x',
          rank: 999,
          communityId: 'c-zpq',
          role: 'resident',
          createdAt: '2026-03-02T10:00:00+08:00',
        },
      ]),
    ).rejects.toBeInstanceOf(DuplicateKeyError)
    // The answers show the masked number as before; binding a real name stores it sealed.
    const login = await backend.handle({
      method: 'POST',
      url: '/api/auth/mock-login',
      headers: {},
      body: { userId: 'u-chen' },
    })
    const auth = { authorization: `Bearer ${(login.body as { token: string }).token}` }
    await backend.handle({ method: 'POST', url: '/api/me/privacy', headers: auth, body: { accepted: true } })
    const bound = await backend.handle({
      method: 'POST',
      url: '/api/me/real-name',
      headers: auth,
      body: { name: '陈晓东', idNumber: ID('chen') },
    })
    expect(bound.status).toBe(200)
    expect((bound.body as { realName: { idNumberMasked: string } }).realName.idNumberMasked).toBe(
      `${ID('chen').slice(0, 3)}***********${ID('chen').slice(-4)}`,
    )
    expect(plainIdsIn(await rawDump(db))).toEqual([])
    // A plain-text value written around the store is refused by the table itself.
    await expect(
      db.withConnection((c) => c.query(`UPDATE users SET id_number = '${ID('chen')}' WHERE id = 'u-chen'`)),
    ).rejects.toThrow(/users_id_number_sealed/)
  })

  it('a database from before migration 008 has its plain-text ID numbers sealed at the next start', async () => {
    const before = migrationFiles()
      .filter((m) => m.version < 8)
      .at(-1)!.version
    await migrate(db, { upTo: before })
    await db.withConnection(async (c) => {
      await c.query(
        `INSERT INTO settings (id, clock_offset_ms, faults, fault_state, seeded_at) VALUES ('demo', 0, '{"enabled":false}', 42, now())`,
      )
      await c.query(
        `INSERT INTO communities (id, name, city, district, street, grid_worker) VALUES ('c-x', '测试社区', '宁波市', '镇海区', '招宝山街道', '{}')`,
      )
      await c.query(`INSERT INTO buildings (id, community_id, name, storeys) VALUES ('b-x', 'c-x', '1幢', 6)`)
      await c.query(
        `INSERT INTO units (id, building_id, community_id, name, storeys) VALUES ('u-x', 'b-x', 'c-x', '1单元', 6)`,
      )
      await c.query(
        `INSERT INTO rooms (id, unit_id, building_id, community_id, name, floor) VALUES ('r-x', 'u-x', 'b-x', 'c-x', '101', 1)`,
      )
      await c.query(`INSERT INTO property_register (room_id, owner_id_number, area) VALUES ('r-x', $1, 80.5)`, [
        ID('wang'),
      ])
      await c.query(
        `INSERT INTO population_register (id_number, name, phone) VALUES ($1, '王秀英', '13805740101'), ($2, '陈晓东', '13805740103')`,
        [ID('wang'), ID('chen')],
      )
      await c.query(
        `INSERT INTO users (id, nickname, persona, rank, community_id, role, real_name, id_number, created_at) VALUES ('u-x', '王', '王', 1, 'c-x', 'resident', '王秀英', $1, now()), ('u-y', '陈', '陈', 2, 'c-x', 'resident', NULL, NULL, now())`,
        [ID('wang')],
      )
    })
    expect(plainIdsIn(await rawDump(db)).sort()).toEqual([ID('wang'), ID('chen')].sort())

    const backend = await createSqlBackend({ driver: db, blobs: memoryBlobStore(), seedWhenEmpty: false })
    expect(plainIdsIn(await rawDump(db))).toEqual([])
    expect(
      await backend.run(async (tx) => ({
        user: (await tx.core.userByIdNumber(ID('wang')))?.realName,
        rooms: (await tx.core.propertyOwnedBy(ID('wang'))).map((r) => r.roomId),
        person: (await tx.core.populationRegister.get(ID('chen')))?.name,
        unbound: (await tx.core.users.get('u-y'))?.idNumber,
      })),
    ).toEqual({ user: '王秀英', rooms: ['r-x'], person: '陈晓东', unbound: undefined })
    // Run again: nothing left to seal.
    expect(await sealPersonalData(db, TABLES, new PiiCipher(demoPiiKeys()))).toEqual({ sealed: 0, resealed: 0 })
  })

  it('a new key reseals every value at start; the old key is then not needed; an unknown key is refused', async () => {
    await createSqlBackend({ driver: db, blobs: memoryBlobStore(), clock: fixedClock(T0) })
    const old = demoPiiKeys()
    const key = (n: number) => Buffer.alloc(32, n)
    const rotated: PiiKeys = { current: key(1), previous: [old.current], hashKey: key(2) }
    const next = new PiiCipher(rotated)
    const b = await createSqlBackend({ driver: db, blobs: memoryBlobStore(), clock: fixedClock(T0), pii: rotated })
    const values = await rawColumn(db, 'SELECT id_number FROM population_register')
    expect(values.every((v) => v.startsWith(`v1:${next.currentKeyId}:`))).toBe(true)
    expect(await rawColumn(db, 'SELECT id_number_hash FROM population_register')).toContain(next.hash(ID('li')))
    expect(await b.run(async (tx) => (await tx.core.userByIdNumber(ID('li')))?.id)).toBe('u-li')
    // The old key is no longer needed…
    const only = await createSqlBackend({
      driver: db,
      blobs: memoryBlobStore(),
      clock: fixedClock(T0),
      pii: { current: key(1), hashKey: key(2) },
    })
    expect(await only.run(async (tx) => (await tx.core.users.get('u-li'))?.idNumber)).toBe(ID('li'))
    // …and a server with neither key cannot open anything.
    await expect(
      createSqlBackend({ driver: db, blobs: memoryBlobStore(), clock: fixedClock(T0) }),
    ).rejects.toBeInstanceOf(PiiSealError)
  })
})
