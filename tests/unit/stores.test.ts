import { act, renderHook } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { createBackend } from '@/backend'
import { fixedClock } from '@/backend/core/clock'
import { createMockInterceptor } from '@/backend/interceptor'
import { memoryStorage } from '@/backend/storage/memory'
import { draftKey, useDraft, useDrafts } from '@/stores/drafts'
import { useSession } from '@/stores/session'
import { isElderMode, setElderMode, useElderMode, useSettings } from '@/stores/settings'
import { resetTaroDouble, taroStorage } from '../doubles/taro'

beforeEach(() => {
  resetTaroDouble()
  useSession.setState({ token: null, me: null, actingFor: null, privacyAcceptedOnDevice: false })
  useSettings.setState({ elder: {}, offerAnswered: {} })
  useDrafts.setState({ drafts: {} })
  const backend = createBackend({ storage: memoryStorage(), clock: fixedClock(Date.UTC(2026, 2, 2, 2)) })
  Taro.addInterceptor(createMockInterceptor(backend, { wait: async () => {} }) as never)
})

describe('elder mode', () => {
  it("follows WeChat's font scale until the user chooses; the choice always wins", () => {
    expect(isElderMode(undefined, 1)).toBe(false)
    expect(isElderMode(undefined, 1.3)).toBe(true)
    expect(isElderMode(false, 1.4)).toBe(false)
    expect(isElderMode(true, 1)).toBe(true)
  })

  it("is kept per user: one persona's choice does not leak to another", () => {
    useSession.setState({ me: { id: 'u-a' } as never })
    const { result, rerender } = renderHook(() => useElderMode())
    act(() => setElderMode(true))
    rerender()
    expect(result.current).toBe(true)
    act(() => useSession.setState({ me: { id: 'u-b' } as never }))
    rerender()
    expect(result.current).toBe(false)
    expect(JSON.parse(taroStorage.get('mc:settings') as string).state.elder).toEqual({ 'u-a': true })
  })
})

describe('drafts', () => {
  it('autosave per user and context, survive a reload of the store, and clear on submit', () => {
    useSession.setState({ me: { id: 'u-a' } as never })
    const { result } = renderHook(() => useDraft('apply', { name: '', phone: '' }))
    act(() => result.current.update({ name: '王秀英' }))
    expect(result.current.value).toEqual({ name: '王秀英', phone: '' })
    // Typing on a fresh form is not "restored"; opening it again with the draft is.
    expect(result.current.restored).toBe(false)
    const saved = JSON.parse(taroStorage.get('mc:drafts') as string).state.drafts
    expect(Object.keys(saved)).toEqual([draftKey('u-a', 'apply')])
    act(() => useSession.setState({ me: { id: 'u-b' } as never }))
    const other = renderHook(() => useDraft('apply', { name: '', phone: '' }))
    expect(other.result.current.value.name).toBe('')
    act(() => useSession.setState({ me: { id: 'u-a' } as never }))
    const again = renderHook(() => useDraft('apply', { name: '', phone: '' }))
    expect(again.result.current.value.name).toBe('王秀英')
    expect(again.result.current.restored).toBe(true)
    act(() => again.result.current.clear())
    expect(again.result.current.restored).toBe(false)
    expect(useDrafts.getState().drafts).toEqual({})
  })
})

describe('session', () => {
  it('logs in through the API, sends privacy consent given on the device, persists the token', async () => {
    useSession.getState().acceptPrivacyOnDevice()
    const me = await useSession.getState().login('u-chen')
    expect(me.privacyAccepted).toBe(true)
    expect(useSession.getState().token).toBeTruthy()
    expect(JSON.parse(taroStorage.get('mc:session') as string).state.token).toBe(useSession.getState().token)
  })

  it('forgets the session when the server says it expired (401)', async () => {
    useSession.setState({ token: 'expired' })
    await expect(useSession.getState().refreshMe()).rejects.toMatchObject({ status: 401 })
    expect(useSession.getState().token).toBeNull()
  })

  it("a stale tab's 401 does not end the newer session another tab stored (H5)", async () => {
    await useSession.getState().login('u-chen') // the other tab: logged out and in as 陈, persisted
    const newer = useSession.getState().token
    const stored = taroStorage.get('mc:session') as string
    // This tab still holds the previous person's ended session in memory.
    useSession.setState({ token: 'ended-token', me: { id: 'u-wang' } as never })
    taroStorage.set('mc:session', stored)
    await expect(useSession.getState().refreshMe()).rejects.toMatchObject({ status: 401 })
    await new Promise((r) => setTimeout(r, 0))
    expect(useSession.getState().token).toBe(newer)
    expect(useSession.getState().me?.id).toBe('u-chen')
    expect(JSON.parse(taroStorage.get('mc:session') as string).state.token).toBe(newer)
  })
})
