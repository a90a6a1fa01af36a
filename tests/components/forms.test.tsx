import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import React from 'react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/errors'
import { Field } from '@/ui/Field'
import { ErrorNote } from '@/ui/States'
import { useActionKeys } from '@/ui/useActionKeys'
import { useSubmission, type SubmitOptions } from '@/ui/useSubmission'
import { resetTaroDouble } from '../doubles/taro'

beforeEach(() => resetTaroDouble())

describe('ErrorNote: a retry only where trying again can help', () => {
  it.each([
    [0, 'NETWORK', true],
    [0, 'TIMEOUT', true],
    [503, 'SERVICE_UNAVAILABLE', true],
    [500, 'INTERNAL', true],
    [409, 'SLOT_FULL', false],
    [422, 'NOT_ELIGIBLE', false],
    [403, 'FORBIDDEN', false],
  ] as const)('%i %s → 重试 shown: %s', (status, code, shown) => {
    const cause = new ApiError(status, code, '说明')
    render(<ErrorNote text={cause.message} cause={cause} onRetry={() => {}} />)
    expect(!!screen.queryByRole('button', { name: '重试' })).toBe(shown)
  })

  it('a 401 offers 去登录 instead, which comes back to the page after login', () => {
    render(
      <ErrorNote
        text="登录已过期，请重新登录"
        cause={new ApiError(401, 'UNAUTHORIZED', '登录已过期，请重新登录')}
        onRetry={() => {}}
      />,
    )
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '去登录' }))
    expect(Taro.reLaunch).toHaveBeenCalledWith({ url: expect.stringMatching(/^\/pages\/login\/index/) })
  })
})

/** A two-field form on useSubmission, as the app's forms use it. */
function Form({ send, options }: { send: (key: string) => Promise<unknown>; options?: SubmitOptions }) {
  const s = useSubmission()
  const [name, setName] = React.useState('')
  const [date, setDate] = React.useState('')
  const submit = () =>
    s.submit(
      () => ({ name: name ? '' : '请填写姓名', date: date ? '' : '请选择日期' }),
      send,
      () => {},
      options,
    )
  return (
    <div>
      <Field
        id="name"
        label="姓名"
        value={name}
        onInput={(v) => {
          setName(v)
          s.clearError('name')
        }}
        error={s.errors.name}
      />
      <Field
        id="date"
        label="日期"
        value={date}
        onInput={(v) => {
          setDate(v)
          s.clearError('date')
        }}
        error={s.errors.date}
      />
      {s.failure && <ErrorNote text={s.failure} cause={s.cause} onRetry={submit} />}
      <button type="button" onClick={submit}>
        提交
      </button>
    </div>
  )
}
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } })

describe('useSubmission with Field', () => {
  it("clears a field's error once that field is corrected, and only that field's", async () => {
    const send = jest.fn(() => Promise.resolve({}))
    render(<Form send={send} />)
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(screen.getByText('⚠ 请填写姓名')).toBeTruthy()
    expect(screen.getByText('⚠ 请选择日期')).toBeTruthy()
    type('日期', '2026-03-02')
    expect(screen.queryByText('⚠ 请选择日期')).toBeNull()
    expect(screen.getByText('⚠ 请填写姓名')).toBeTruthy()
    expect(send).not.toHaveBeenCalled()
  })

  it("clears a server's field error (renamed with fieldNames) once the field changes", async () => {
    const send = jest.fn(() =>
      Promise.reject(
        new ApiError(422, 'SIGNATURE_NAME_MISMATCH', '姓名不一致', { 'signature.name': '与业主实名不一致' }),
      ),
    )
    render(<Form send={send} options={{ fieldNames: { 'signature.name': 'name' } }} />)
    type('姓名', '胡 斌斌')
    type('日期', '2026-03-02')
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(screen.getByText('⚠ 与业主实名不一致')).toBeTruthy()
    type('姓名', '胡斌')
    expect(screen.queryByText('⚠ 与业主实名不一致')).toBeNull()
  })

  it('asks to confirm only after the checks pass, and sends nothing when declined', async () => {
    const send = jest.fn(() => Promise.resolve({}))
    const confirm = jest.fn(() => Promise.resolve(false))
    render(<Form send={send} options={{ confirm }} />)
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(confirm).not.toHaveBeenCalled()
    type('姓名', '胡斌')
    type('日期', '2026-03-02')
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(confirm).toHaveBeenCalledTimes(1)
    expect(send).not.toHaveBeenCalled()
  })

  it('keeps the idempotency key after a network failure (a retry may find it saved) and renews it after a refusal', async () => {
    const keys: string[] = []
    const outcomes = [new ApiError(0, 'NETWORK', '网络不太稳定'), new ApiError(409, 'CONFLICT', '已经处理过了'), null]
    const send = jest.fn((key: string) => {
      keys.push(key)
      const e = outcomes.shift()
      return e ? Promise.reject(e) : Promise.resolve({})
    })
    render(<Form send={send} />)
    type('姓名', '胡斌')
    type('日期', '2026-03-02')
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy()
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '重试' }))
    })
    expect(screen.getByText('⚠ 已经处理过了')).toBeTruthy()
    expect(screen.queryByRole('button', { name: '重试' })).toBeNull()
    await act(async () => {
      fireEvent.click(screen.getByText('提交'))
    })
    expect(keys[0]).toBe(keys[1])
    expect(keys[2]).not.toBe(keys[1])
  })
})

describe('useActionKeys: one key per action, kept only while a retry may find the first try saved', () => {
  it.each([
    ['no answer', true, new ApiError(0, 'TIMEOUT', '超时')],
    ['503', true, new ApiError(503, 'SERVICE_UNAVAILABLE', '忙')],
    ['429', true, new ApiError(429, 'TOO_MANY', '太快')],
    ['a refusal (409)', false, new ApiError(409, 'ALREADY', '处理过了')],
    ['success', false, undefined],
  ] as const)('after %s the same key is sent again: %s', (_what, kept, error) => {
    const { result } = renderHook(() => useActionKeys())
    const first = result.current.keyFor('confirm-1')
    expect(result.current.keyFor('confirm-1')).toBe(first)
    expect(result.current.keyFor('confirm-2')).not.toBe(first)
    result.current.settle('confirm-1', error)
    expect(result.current.keyFor('confirm-1') === first).toBe(kept)
  })
})
