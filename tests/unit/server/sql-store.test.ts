/** @jest-environment node */
/**
 * The SQL store on its own, on PGlite and (when `MC_PG_URL` is set) on PostgreSQL: values come back in
 * the in-app store's shapes; a failed transaction changes nothing and removes the photos it wrote; a
 * duplicate key is refused without spoiling the transaction; conflicting concurrent transactions are
 * retried until each has run once (PostgreSQL, SERIALIZABLE); orphan photos are swept.
 */
import { TABLES } from '@/backend'
import { table } from '@/backend/core/data/spec'
import { memoryBlobStore } from '@/server/blobs'
import type { SqlDriver } from '@/server/drivers'
import { migrate } from '@/server/migrate'
import { SqlStore } from '@/server/sql-store'
import { describeSql, sqlDatabases } from './databases'

jest.setTimeout(120_000)

interface Settings {
  id: string
  clockOffsetMs: number
  faults: object
  faultState: number
  seededAt: string
}
const settings = table<Settings>({
  name: 'settings',
  key: 'id',
  columns: { id: 'text', clockOffsetMs: 'bigint', faults: 'jsonb', faultState: 'bigint', seededAt: 'timestamptz' },
  lookups: [],
})
const SEEDED_AT = '2026-03-02T10:00:00+08:00'

describeSql.each(sqlDatabases(12))('SQL store on %s', (kind, open) => {
  let driver: SqlDriver
  let blobs: ReturnType<typeof memoryBlobStore>
  let store: SqlStore
  beforeAll(async () => {
    driver = await open()
    await migrate(driver)
  })
  beforeEach(async () => {
    blobs = memoryBlobStore()
    store = new SqlStore(driver, TABLES, blobs)
    await store.reset({
      settings: [{ id: 'demo', clockOffsetMs: 0, faults: { enabled: false }, faultState: 42, seededAt: SEEDED_AT }],
    })
  })
  afterAll(() => driver.close())

  it('returns instants as ISO with +08:00, numbers as numbers, jsonb as objects, and drops nulls', async () => {
    const row = await store.transaction((t) => t.of(settings).get('demo'))
    expect(row).toEqual({
      id: 'demo',
      clockOffsetMs: 0,
      faults: { enabled: false },
      faultState: 42,
      seededAt: SEEDED_AT,
    })
    const updated = await store.transaction((t) =>
      t.of(settings).update('demo', { clockOffsetMs: -86_400_000, seededAt: '2027-01-01T00:00:00+08:00' }),
    )
    expect(updated).toMatchObject({ clockOffsetMs: -86_400_000, seededAt: '2027-01-01T00:00:00+08:00' })
  })

  it('a transaction that throws changes nothing and removes the photos it wrote', async () => {
    await expect(
      store.transaction(async (t) => {
        await t.images.put('img_a', 'aGVsbG8=')
        await t.of(settings).update('demo', { clockOffsetMs: 5 })
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect((await store.transaction((t) => t.of(settings).get('demo')))!.clockOffsetMs).toBe(0)
    expect(blobs.files.has('img_a')).toBe(false)
    await store.transaction((t) => t.images.put('img_b', 'aGVsbG8='))
    expect(await store.transaction((t) => t.images.get('img_b'))).toBe('aGVsbG8=')
    await store.transaction((t) => t.images.remove('img_b'))
    expect(blobs.files.has('img_b')).toBe(false)
  })

  it('refuses a duplicate key with DuplicateKeyError and the transaction goes on', async () => {
    const result = await store.transaction(async (t) => {
      const dup = await t
        .of(settings)
        .insert({ id: 'demo', clockOffsetMs: 1, faults: {}, faultState: 1, seededAt: SEEDED_AT })
        .catch((e) => e.name)
      await t.of(settings).update('demo', { faultState: 7 })
      return dup
    })
    expect(result).toBe('DuplicateKeyError')
    expect((await store.transaction((t) => t.of(settings).get('demo')))!.faultState).toBe(7)
  })

  it('sweeps photos no row names once they are old, keeps the rest', async () => {
    await store.transaction((t) => t.images.put('img_kept', 'eA=='))
    await blobs.write('img_orphan', 'eA==')
    expect(await store.sweepOrphanImages(Date.now() + 2 * 3600_000)).toBe(1)
    expect([...blobs.files.keys()]).toEqual(['img_kept'])
  })

  const concurrent = kind === 'PostgreSQL' ? it : it.skip
  const increment = (lock: boolean) =>
    store.transaction(async (t) => {
      const s = (await t.of(settings).get('demo', { lock }))!
      await new Promise((r) => setTimeout(r, 2))
      await t.of(settings).update('demo', { faultState: s.faultState + 1 })
    })
  const faultState = async () => (await store.transaction((t) => t.of(settings).get('demo')))!.faultState

  concurrent('conflicting concurrent transactions without a lock are retried until each has run once', async () => {
    await Promise.all(Array.from({ length: 10 }, () => increment(false)))
    expect(await faultState()).toBe(42 + 10)
  })

  concurrent('50 concurrent writers of one row locked FOR UPDATE queue up and all succeed', async () => {
    await Promise.all(Array.from({ length: 50 }, () => increment(true)))
    expect(await faultState()).toBe(42 + 50)
  })
})
