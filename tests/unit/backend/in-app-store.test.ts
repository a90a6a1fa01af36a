/** @jest-environment node */
/**
 * The in-app store on its own: atomic commits through a journal (a kill at any write leaves all of a
 * transaction or none of it), the storage-full check counting the journal, two tabs over one storage,
 * and tables kept under one key per shard.
 */
import { InAppStore } from '@/backend/core/data/in-app-store'
import { table } from '@/backend/core/data/spec'
import { memoryStorage } from '@/backend/storage/memory'
import { StorageFullError, withWeChatLimits, type KeyValueStorage } from '@/backend/storage/types'

interface Account {
  id: string
  owner: string
  balance: number
}
interface Entry {
  id: string
  account: string
  amount: number
  day: string
}
const accounts = table<Account>({
  name: 'accounts',
  key: 'id',
  columns: { id: 'text', owner: 'text', balance: 'integer' },
  lookups: [['owner']],
})
const entries = table<Entry>({
  name: 'entries',
  key: 'id',
  columns: { id: 'text', account: 'text', amount: 'integer', day: 'date' },
  lookups: [['account']],
  shardOf: (e) => e.day,
})
const TABLES = [accounts, entries] as const

function open(storage: KeyValueStorage): InAppStore {
  const store = new InAppStore(storage, TABLES as never, { schemaVersion: 3 })
  store.load()
  return store
}

async function seeded(storage: KeyValueStorage): Promise<InAppStore> {
  const store = open(storage)
  await store.reset({
    accounts: [
      { id: 'a', owner: 'wang', balance: 100 },
      { id: 'b', owner: 'li', balance: 0 },
    ],
    entries: [],
  })
  return store
}

/** A transfer: two rows of one table and a row of another, in one transaction. */
const transfer = (store: InAppStore, amount: number, day = '2026-03-02') =>
  store.transaction(async (t) => {
    const a = (await t.of(accounts).get('a'))!
    const b = (await t.of(accounts).get('b'))!
    await t.of(accounts).update('a', { balance: a.balance - amount })
    await t.of(accounts).update('b', { balance: b.balance + amount })
    await t.of(entries).insert({ id: `e${amount}`, account: 'a', amount: -amount, day })
  })

/** Storage of a program killed at its n-th write or removal: from then on nothing more reaches storage. */
function dyingAt(inner: KeyValueStorage, n: number): KeyValueStorage & { dead: boolean } {
  let ops = 0
  const s = {
    dead: false,
    getItem: (k: string) => inner.getItem(k),
    keys: () => inner.keys(),
    setItem: (k: string, v: string) => {
      if (s.dead || ++ops === n) {
        s.dead = true
        throw new Error('killed')
      }
      inner.setItem(k, v)
    },
    removeItem: (k: string) => {
      if (s.dead || ++ops === n) {
        s.dead = true
        throw new Error('killed')
      }
      inner.removeItem(k)
    },
  }
  return s
}

const balances = async (store: InAppStore) =>
  store.transaction(async (t) => (await t.of(accounts).find({ where: {}, order: [] })).map((r) => r.balance))
const entryCount = async (store: InAppStore) => store.transaction((t) => t.of(entries).count({}))

describe('in-app store: transactions', () => {
  it('reads its own writes, orders by the given columns then the key, and throws away a failed transaction', async () => {
    const store = await seeded(memoryStorage())
    await transfer(store, 30)
    expect(await balances(store)).toEqual([70, 30])
    await expect(
      store.transaction(async (t) => {
        await t.of(accounts).update('a', { balance: 0 })
        expect((await t.of(accounts).get('a'))!.balance).toBe(0)
        throw new Error('refused')
      }),
    ).rejects.toThrow('refused')
    expect(await balances(store)).toEqual([70, 30])
    const ordered = await store.transaction((t) =>
      t.of(accounts).find({ where: { balance: { gte: 0 } }, order: [['balance', 'desc']] }),
    )
    expect(ordered.map((r) => r.id)).toEqual(['a', 'b'])
  })

  it('refuses a duplicate key and hands out copies (changing a returned row changes nothing)', async () => {
    const store = await seeded(memoryStorage())
    await expect(
      store.transaction((t) => t.of(accounts).insert({ id: 'a', owner: 'x', balance: 1 })),
    ).rejects.toMatchObject({ name: 'DuplicateKeyError' })
    await store.transaction(async (t) => {
      const a = (await t.of(accounts).get('a'))!
      a.balance = 999
    })
    expect(await balances(store)).toEqual([100, 0])
  })
})

describe('in-app store: a kill at any write leaves the whole transaction or none of it', () => {
  it('after a kill at each write of a commit, a restart finds both balances and the entry, or none of them', async () => {
    const outcomes = new Set<string>()
    for (let n = 1; n <= 12; n++) {
      const inner = memoryStorage()
      await seeded(inner)
      const dying = dyingAt(inner, n)
      const store = open(dying)
      await transfer(store, 30).catch(() => undefined)
      const restarted = open(inner)
      const state = `${(await balances(restarted)).join('/')} entries ${await entryCount(restarted)}`
      expect(['100/0 entries 0', '70/30 entries 1']).toContain(state)
      outcomes.add(state)
      if (!dying.dead) break
    }
    expect([...outcomes].sort()).toEqual(['100/0 entries 0', '70/30 entries 1'])
  })
})

describe('in-app store: storage full', () => {
  it('counts the journal: a commit that does not fit changes nothing and throws StorageFullError', async () => {
    const inner = memoryStorage()
    const limits = { perKey: 1024 * 1024, total: 10 * 1024 * 1024 }
    const store = await seeded(withWeChatLimits(inner, limits))
    limits.total = [...inner.data.entries()].reduce((sum, [k, v]) => sum + k.length + Buffer.byteLength(v), 0) + 120
    const before = new Map(inner.data)
    await expect(transfer(store, 30)).rejects.toBeInstanceOf(StorageFullError)
    expect(inner.data).toEqual(before)
    expect(await balances(store)).toEqual([100, 0])
  })
})

describe('in-app store: two tabs over one storage', () => {
  it('a stale tab reloads what the other changed before it works, so no write is lost', async () => {
    const shared = memoryStorage()
    const tab1 = await seeded(shared)
    const tab2 = open(shared)
    await transfer(tab1, 10)
    await transfer(tab2, 20, '2026-03-03')
    const fresh = open(shared)
    expect(await balances(fresh)).toEqual([70, 30])
    expect(await entryCount(fresh)).toBe(2)
    expect(await balances(tab1)).toEqual([70, 30])
  })
})

describe('in-app store: shards', () => {
  it('keeps a sharded table under one key per shard, and drops a shard once empty', async () => {
    const storage = memoryStorage()
    const store = await seeded(storage)
    await transfer(store, 10, '2026-03-02')
    await transfer(store, 20, '2026-03-03')
    expect([...storage.data.keys()].filter((k) => k.startsWith('mc:t:entries')).sort()).toEqual([
      'mc:t:entries@2026-03-02',
      'mc:t:entries@2026-03-03',
    ])
    await store.transaction((t) => t.of(entries).remove('e10'))
    expect([...storage.data.keys()].filter((k) => k.startsWith('mc:t:entries')).sort()).toEqual([
      'mc:t:entries@2026-03-03',
    ])
  })
})
