import { act, renderHook } from '@testing-library/react'
import { ApiError } from '@/api'
import { useSubmission, type SubmitOptions } from '@/ui/useSubmission'
import { resetTaroDouble } from '../doubles/taro'

beforeEach(() => resetTaroDouble())

/** A hook on useSubmission whose `send` records each key and fails with the next of `outcomes` (null: success). */
function setUp(outcomes: (ApiError | null)[]) {
  const keys: string[] = []
  const hook = renderHook(() => useSubmission())
  const send = (key: string) => {
    keys.push(key)
    const e = outcomes.shift()
    return e ? Promise.reject(e) : Promise.resolve('ok')
  }
  const submit = (options: SubmitOptions = {}) =>
    act(() =>
      hook.result.current.submit(
        () => ({}),
        send,
        () => {},
        options,
      ),
    )
  return { keys, hook, submit }
}

const noAnswer = () => new ApiError(0, 'NETWORK', '网络不太稳定')

describe('useSubmission: the idempotency key rule of useRowAction', () => {
  it.each([
    ['no answer', true, new ApiError(0, 'TIMEOUT', '超时')],
    ['a 500', true, new ApiError(500, 'INTERNAL', '出错')],
    ['a 429', true, new ApiError(429, 'TOO_MANY', '太快')],
    ['a refusal (409)', false, new ApiError(409, 'ALREADY', '处理过了')],
    ['success', false, null],
  ] as const)('after %s the next try sends the same key: %s', async (_what, kept, outcome) => {
    const { keys, submit } = setUp([outcome, null])
    await submit()
    await submit()
    expect(keys[1] === keys[0]).toBe(kept)
  })

  it('keeps one key per action: a 通过 retried after no answer is never sent with 不通过’s key', async () => {
    const { keys, submit } = setUp([noAnswer(), null, null])
    await submit({ action: 'approve' })
    await submit({ action: 'reject' })
    await submit({ action: 'approve' })
    expect(keys[1]).not.toBe(keys[0])
    expect(keys[2]).toBe(keys[0])
  })

  it('startOver gives every action a new key and clears what was shown', async () => {
    const { keys, hook, submit } = setUp([noAnswer(), null])
    await submit({ action: 'apply' })
    expect(hook.result.current.failure).toBe('网络不太稳定')
    act(() => hook.result.current.startOver())
    expect(hook.result.current.failure).toBeNull()
    expect(hook.result.current.errors).toEqual({})
    await submit({ action: 'apply' })
    expect(keys[1]).not.toBe(keys[0])
  })

  it('tells `failed` what was thrown, after the failure is shown; not on success', async () => {
    const refusal = new ApiError(422, 'REASON_REQUIRED', '请写明原因', { reason: '至少 4 个字' })
    const { hook, submit } = setUp([refusal, null])
    const failed = jest.fn()
    await submit({ failed })
    expect(failed).toHaveBeenCalledWith(refusal)
    expect(hook.result.current.errors).toEqual({ reason: '至少 4 个字' })
    await submit({ failed })
    expect(failed).toHaveBeenCalledTimes(1)
  })
})
