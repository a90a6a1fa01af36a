/**
 * Saved client state is versioned (src/stores/persisted.ts): the state saved before versions existed
 * (tests/fixtures/client-state-v0.json, zustand version 0) comes back whole and is saved again as
 * version 1; damaged, unreadable or newer-version state never crashes a store and keeps what can
 * still be read.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as v from 'valibot'
import { useReceipts } from '@/packages/elevator/store'
import { useDrafts } from '@/stores/drafts'
import { versioned } from '@/stores/persisted'
import { useSession } from '@/stores/session'
import { useSettings } from '@/stores/settings'
import { resetTaroDouble, taroStorage } from '../doubles/taro'

const V0 = JSON.parse(fs.readFileSync(path.join(__dirname, '../fixtures/client-state-v0.json'), 'utf8')) as Record<
  string,
  string
>
const savedState = (key: string) => (JSON.parse(V0[key]) as { state: Record<string, unknown> }).state

const STORES = {
  'mc:session': useSession,
  'mc:settings': useSettings,
  'mc:drafts': useDrafts,
  'mc:elevator-receipts': useReceipts,
} as const
type Key = keyof typeof STORES

/** What a store saves, as in its own partialize. */
const picked = (key: Key): Record<string, unknown> => {
  const s = STORES[key].getState() as unknown as Record<string, unknown>
  return Object.fromEntries(Object.keys(savedState(key)).map((k) => [k, s[k]]))
}

const DEFAULTS = {
  'mc:session': { token: null, me: null, actingFor: null, privacyAcceptedOnDevice: false },
  'mc:settings': { elder: {}, offerAnswered: {} },
  'mc:drafts': { drafts: {} },
  'mc:elevator-receipts': { byUser: {} },
}

/** Stores `raw` under `key` and reloads the store from it, starting from its defaults. */
async function reload(key: Key, raw: string) {
  ;(STORES[key] as unknown as { setState: (s: unknown) => void }).setState(DEFAULTS[key])
  taroStorage.set(key, raw)
  await STORES[key].persist.rehydrate()
}

beforeEach(() => resetTaroDouble())

describe('every persisted store has a version', () => {
  it.each(Object.keys(STORES) as Key[])('%s is saved as version 1', (key) => {
    expect(STORES[key].persist.getOptions().version).toBe(1)
  })
})

describe('unversioned state (version 0) migrates to version 1 and loses nothing', () => {
  it.each(Object.keys(STORES) as Key[])('%s', async (key) => {
    await reload(key, V0[key])
    expect(picked(key)).toEqual(savedState(key))
    // Written back at once as version 1, the same state.
    const written = JSON.parse(taroStorage.get(key) as string) as { state: unknown; version: number }
    expect(written).toEqual({ state: savedState(key), version: 1 })
  })
})

describe('damaged state never crashes a store and keeps what can be read', () => {
  it.each(Object.keys(STORES) as Key[])('%s: unreadable JSON reads as nothing saved', async (key) => {
    await reload(key, '{"state":{"tok')
    expect(picked(key)).toEqual(DEFAULTS[key])
  })

  it.each(Object.keys(STORES) as Key[])('%s: a state that is not an object reads as the defaults', async (key) => {
    for (const state of [42, 'x', null, [1, 2]]) {
      await reload(key, JSON.stringify({ state, version: 1 }))
      expect([state, picked(key)]).toEqual([state, DEFAULTS[key]])
    }
  })

  it.each(Object.keys(STORES) as Key[])(
    '%s: a newer app’s state (version 99) keeps the fields this app reads',
    async (key) => {
      const state = { ...savedState(key), addedLater: { x: 1 } }
      await reload(key, JSON.stringify({ state, version: 99 }))
      expect(picked(key)).toEqual(savedState(key))
    },
  )

  it('session: a damaged field falls back alone; the token and consent stay', async () => {
    const state = { ...savedState('mc:session'), me: { displayName: 'no id' }, actingFor: 'u-wang' }
    await reload('mc:session', JSON.stringify({ state, version: 1 }))
    expect(picked('mc:session')).toEqual({
      token: 't-7f3a9c',
      me: null,
      actingFor: null,
      privacyAcceptedOnDevice: true,
    })
  })

  it('drafts: a damaged draft is dropped, the others stay', async () => {
    const { drafts } = savedState('mc:drafts') as { drafts: Record<string, unknown> }
    const state = { drafts: { ...drafts, 'u-li:broken': { value: { a: 1 } }, 'u-li:odd': 7 } }
    await reload('mc:drafts', JSON.stringify({ state, version: 0 }))
    expect(useDrafts.getState().drafts).toEqual(drafts)
  })

  it('receipts: a damaged receipt is dropped, the others of the petition stay', async () => {
    const { byUser } = savedState('mc:elevator-receipts') as { byUser: Record<string, Record<string, unknown[]>> }
    const good = byUser['u-li']['p-xs-5-2']
    const state = { byUser: { 'u-li': { 'p-xs-5-2': [good[0], { seq: '8' }, good[1]], 'p-x': 'nope' }, 'u-z': 3 } }
    await reload('mc:elevator-receipts', JSON.stringify({ state, version: 1 }))
    expect(useReceipts.getState().byUser).toEqual({ 'u-li': { 'p-xs-5-2': good, 'p-x': [] }, 'u-z': {} })
  })

  it('settings: a choice that is not true/false is dropped, the others stay', async () => {
    const state = { elder: { 'u-wang': true, 'u-li': 'yes' }, offerAnswered: 'all' }
    await reload('mc:settings', JSON.stringify({ state, version: 1 }))
    expect(picked('mc:settings')).toEqual({ elder: { 'u-wang': true }, offerAnswered: {} })
  })
})

describe('versioned(): migrations run step by step', () => {
  it('applies each step from the saved version up, in order', () => {
    const opts = versioned({
      name: 'mc:test',
      version: 3,
      schema: v.object({ n: v.number() }),
      migrations: {
        0: (s) => ({ n: Number((s as { count: string }).count) }),
        1: (s) => ({ n: (s as { n: number }).n * 10 }),
        2: (s) => ({ n: (s as { n: number }).n + 1 }),
      },
    })
    expect(opts.migrate!({ count: '4' }, 0)).toEqual({ n: 41 })
    expect(opts.migrate!({ n: 4 }, 2)).toEqual({ n: 5 })
    expect(opts.migrate!({ n: 4, later: true }, 7)).toEqual({ n: 4, later: true })
  })

  it('refuses a store whose migration steps do not reach its version', () => {
    expect(() => versioned({ name: 'mc:test', version: 2, schema: v.object({}), migrations: { 0: (s) => s } })).toThrow(
      'mc:test: no migration from version 1',
    )
  })
})
