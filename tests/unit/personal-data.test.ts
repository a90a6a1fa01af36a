/**
 * A person's data leaves the device with them (issue 16, item 3): every zustand store in `src` is
 * registered with `registerStore` (src/stores/personal.ts), and logging out leaves each one empty, so
 * a store added later cannot forget; account deletion also forgets the person's device settings;
 * switching whom a proxy acts for drops what was loaded for the previous person, and a draft filled
 * for one principal never shows for another.
 */
import { readdirSync, readFileSync, statSync } from 'fs'
import { join, relative } from 'path'
import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import { resetTaroDouble, taroStorage } from '../doubles/taro'

/* eslint-disable @typescript-eslint/no-require-imports -- stores load per test (registry reset, jest.isolateModules) */

const SRC = join(__dirname, '../../src')

/** Every source file under `dir`. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f)
    return statSync(p).isDirectory() ? sources(p) : /\.tsx?$/.test(f) ? [p] : []
  })
}

/** Files creating a zustand store (`create(` or `create<…>(` imported from zustand), with the count. */
const storeFiles = sources(SRC)
  .map((p) => ({ p, text: readFileSync(p, 'utf8') }))
  .filter(({ text }) => /from 'zustand'/.test(text))
  .map(({ p, text }) => ({
    file: relative(SRC, p),
    creates: (text.match(/\bcreate(<[^>]*>)?\(/g) ?? []).length,
    registers: (text.match(/\bregisterStore\(/g) ?? []).length,
    persistNames: [...text.matchAll(/name: '(mc:[^']+)'/g)].map((m) => m[1]),
  }))
  .filter((f) => f.creates > 0)

/** Loads every store module, so each registers (subpackage stores register when first loaded). */
function loadAllStores() {
  for (const f of storeFiles) require(join(SRC, f.file))
}

const personal = () => require('@/stores/personal') as typeof import('@/stores/personal')

/** A registered store's data now, and whether it is back to its initial data (kept fields aside). */
const stateOf = (s: ReturnType<typeof import('@/stores/personal').registeredStores>[number]) =>
  personal().dataOf(s.store.getState(), s.keep?.fields)
const isEmpty = (s: ReturnType<typeof import('@/stores/personal').registeredStores>[number]) =>
  JSON.stringify(stateOf(s)) === JSON.stringify(personal().dataOf(s.store.getInitialState(), s.keep?.fields))
const session = () => require('@/stores/session').useSession as typeof import('@/stores/session').useSession

beforeEach(() => {
  loadAllStores()
  resetTaroDouble()
  for (const s of personal().registeredStores()) s.store.setState(s.store.getInitialState(), true)
  const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.UTC(2026, 2, 2, 2)) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

describe('personal data on the device', () => {
  it('every zustand store in src registers with what clears it, one registration per store', () => {
    expect(storeFiles.length).toBeGreaterThanOrEqual(9)
    for (const f of storeFiles)
      expect({ file: f.file, registers: f.registers }).toEqual({ file: f.file, registers: f.creates })
    loadAllStores()
    const names = personal()
      .registeredStores()
      .map((s) => s.name)
    expect(names).toHaveLength(storeFiles.reduce((n, f) => n + f.creates, 0))
  })

  it('every persisted store is listed as personal (removed on logout) or a device setting, under its own key', () => {
    const { PERSONAL_STORAGE_KEYS, DEVICE_STORAGE_KEYS, registeredStores } = personal()
    loadAllStores()
    const persisted = storeFiles.flatMap((f) => f.persistNames).sort()
    expect(persisted).toEqual([...PERSONAL_STORAGE_KEYS, ...DEVICE_STORAGE_KEYS].sort())
    const declared = registeredStores()
      .map((s) => s.storageKey)
      .filter(Boolean)
      .sort()
    expect(declared).toEqual(persisted)
    // What a store keeps across a logout is only device settings, each with its reason.
    for (const s of registeredStores()) if (s.keep) expect(s.keep.why.length).toBeGreaterThan(20)
  })

  it("logging out leaves every store empty, whatever was in it (caches and unloaded stores' storage too)", async () => {
    loadAllStores()
    const { registeredStores } = personal()
    await session().getState().login('u-liu')
    // Fill every data field of every store with something that is not its initial value.
    for (const s of registeredStores()) {
      const state = s.store.getState() as Record<string, unknown>
      const filled = Object.fromEntries(
        Object.keys(stateOf(s)).map((k) => [k, Array.isArray(state[k]) ? [{ filled: k }] : { filled: k }]),
      )
      s.store.setState(filled)
      // (A store of device settings only, e.g. elder mode, has nothing else to fill.)
      if (Object.keys(filled).length)
        expect({ name: s.name, empty: isEmpty(s) }).toEqual({ name: s.name, empty: false })
    }
    taroStorage.set('mc:cache:courses', '[1]')
    await session().getState().logout()
    for (const s of registeredStores())
      expect({ name: s.name, state: stateOf(s) }).toEqual({ name: s.name, state: emptyOf(s.name) })
    expect(taroStorage.has('mc:cache:courses')).toBe(false)
  })

  it('a persisted store of a subpackage not loaded in this run still loses its storage on logout', () => {
    jest.isolateModules(() => {
      const storage = require('../doubles/taro').taroStorage as Map<string, unknown>
      const { clearPersonalData, registeredStores } = personal()
      require('@/stores/drafts')
      expect(registeredStores().map((s) => s.name)).not.toContain('elevator-receipts')
      storage.set(
        'mc:elevator-receipts',
        JSON.stringify({ state: { byUser: { 'u-liu': { p: [{ seq: 1 }] } } }, version: 0 }),
      )
      clearPersonalData('logout', 'u-liu')
      expect(storage.has('mc:elevator-receipts')).toBe(false)
    })
  })

  it('刘伟 logs out and 张建国 logs in: the youth palace no longer lists 刘一诺, drafts and receipts are gone', async () => {
    loadAllStores()
    const { useYouthPalace } = require('@/packages/youth-palace/store')
    const { useDrafts } = require('@/stores/drafts')
    const { useReceipts } = require('@/packages/elevator/store')
    await session().getState().login('u-liu')
    await useYouthPalace.getState().load()
    expect(useYouthPalace.getState().children.map((c: { name: string }) => c.name)).toContain('刘一诺')
    useDrafts.getState().save('u-liu:family-request', { principalName: '刘' })
    useReceipts
      .getState()
      .add('u-liu', 'ep-1', [
        { seq: 1, hash: 'a'.repeat(64), roomName: '701', choice: 'agree', at: '2026-03-02T10:00:00+08:00' },
      ])
    await session().getState().logout()
    await session().getState().login('u-zhang')
    expect(useYouthPalace.getState().children).toEqual([])
    expect(useDrafts.getState().drafts).toEqual({})
    expect(useReceipts.getState().byUser).toEqual({})
    expect(JSON.parse(taroStorage.get('mc:drafts') as string).state.drafts).toEqual({})
  })

  it('the elder-mode choice is a device setting: kept on logout, forgotten when the account is deleted', async () => {
    loadAllStores()
    const { useSettings } = require('@/stores/settings')
    useSettings.setState({ elder: { 'u-wang': true, 'u-li': false }, offerAnswered: { 'u-wang': true } })
    await session().getState().login('u-wang')
    await session().getState().logout()
    expect(useSettings.getState().elder).toEqual({ 'u-wang': true, 'u-li': false })
    await session().getState().login('u-wang')
    session().getState().accountDeleted()
    expect(useSettings.getState()).toMatchObject({ elder: { 'u-li': false }, offerAnswered: {} })
    expect(session().getState()).toMatchObject({ token: null, me: null, actingFor: null })
  })

  it("the session ending (401) drops what is not kept per person; the person's drafts wait for them", async () => {
    loadAllStores()
    const { useYouthPalace } = require('@/packages/youth-palace/store')
    const { useDrafts } = require('@/stores/drafts')
    await session().getState().login('u-liu')
    await useYouthPalace.getState().load()
    useDrafts.getState().save('u-liu:real-name', { name: '刘伟' })
    session().setState({ token: 'expired' })
    await expect(session().getState().refreshMe()).rejects.toMatchObject({ status: 401 })
    expect(useYouthPalace.getState().children).toEqual([])
    expect(Object.keys(useDrafts.getState().drafts)).toEqual(['u-liu:real-name'])
  })

  it('switching acting-for drops what was loaded for the previous person; a draft for one principal never shows for another', async () => {
    loadAllStores()
    const { useYouthPalace } = require('@/packages/youth-palace/store')
    const { useFamily } = require('@/stores/family')
    const { useDraft } = require('@/stores/drafts')
    await session().getState().login('u-liu')
    await useYouthPalace.getState().load()
    await useFamily.getState().load()
    const form = renderHook(() => useDraft('care-card/apply', { groups: [] as string[] }))
    act(() => form.result.current.update({ groups: ['subsistence'] }))
    act(() => session().getState().setActingFor({ userId: 'u-wang', name: '王秀英' }))
    expect(useYouthPalace.getState().children).toEqual([])
    // The user's own family links (whom they may act for) stay, to switch back.
    expect(useFamily.getState().status).toBe('ready')
    form.rerender()
    expect(form.result.current.value.groups).toEqual([])
    act(() => form.result.current.update({ groups: ['disabled'] }))
    act(() => session().getState().setActingFor(null))
    form.rerender()
    expect(form.result.current.value.groups).toEqual(['subsistence'])
  })
})

/** A store's initial data (without the fields it keeps). */
function emptyOf(name: string): Record<string, unknown> {
  const s = personal()
    .registeredStores()
    .find((x) => x.name === name)!
  const initial = s.store.getInitialState() as Record<string, unknown>
  return Object.fromEntries(Object.keys(stateOf(s)).map((k) => [k, initial[k]]))
}
