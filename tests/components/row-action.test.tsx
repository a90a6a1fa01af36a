import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import Taro from '@tarojs/taro'
import { ApiError } from '@/api/errors'
import { useRowAction } from '@/ui/useRowAction'
import { resetTaroDouble } from '../doubles/taro'

beforeEach(() => resetTaroDouble())

const showModal = Taro.showModal as unknown as jest.Mock
const question = { title: '取消预约', content: '取消后名额让给别人。', confirmText: '确定取消' }

describe('useRowAction', () => {
  it('asks first and does nothing when the person does not confirm', async () => {
    showModal.mockResolvedValueOnce({ confirm: false, cancel: true })
    const send = jest.fn(async () => 'ok')
    const { result } = renderHook(() => useRowAction())
    let answer: string | undefined = 'x'
    await act(async () => {
      answer = await result.current.run('cancel-a1', send, { confirm: question })
    })
    expect(showModal).toHaveBeenCalledWith(question)
    expect(send).not.toHaveBeenCalled()
    expect(answer).toBeUndefined()
  })

  it('shows busy on the running action only, then runs done with the answer', async () => {
    let finish: (v: string) => void = () => {}
    const send = jest.fn(() => new Promise<string>((r) => (finish = r)))
    const done = jest.fn()
    const { result } = renderHook(() => useRowAction())
    let running: Promise<unknown> = Promise.resolve()
    act(() => {
      running = result.current.run('confirm-e1', send, { done })
    })
    await act(async () => {})
    expect(result.current.busy).toBe('confirm-e1')
    await act(async () => {
      finish('已确认')
      await running
    })
    expect(result.current.busy).toBeNull()
    expect(done).toHaveBeenCalledWith('已确认')
  })

  it('keeps the idempotency key after a failure that may have been saved (no answer, 500), a new one after a refusal', async () => {
    const keys: string[] = []
    const failures = [
      new ApiError(0, 'NETWORK', '网络不给力'),
      new ApiError(500, 'INTERNAL', '服务暂时出了点问题'),
      new ApiError(409, 'ALREADY_CANCELLED', '已经取消了'),
    ]
    const send = jest.fn(async (key: string) => {
      keys.push(key)
      const e = failures.shift()
      if (e) throw e
      return 'ok'
    })
    const { result } = renderHook(() => useRowAction())
    for (let i = 0; i < 4; i++) await act(() => result.current.run('cancel-a1', send).then(() => {}))
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).toBe(keys[0])
    expect(keys[3]).not.toBe(keys[2])
    // Another action has its own key.
    await act(() => result.current.run('cancel-a2', send).then(() => {}))
    expect(keys[4]).not.toBe(keys[3])
  })

  it('runs one action at a time: a second tap while one runs (or its question is open) does nothing', async () => {
    let finish: () => void = () => {}
    const send = jest.fn(() => new Promise<void>((r) => (finish = r)))
    const { result } = renderHook(() => useRowAction())
    let first: Promise<unknown> = Promise.resolve()
    act(() => {
      first = result.current.run('draw-t1', send, { confirm: question })
    })
    await act(() => result.current.run('draw-t1', send, { confirm: question }).then(() => {}))
    await act(() => result.current.run('open-t2', send).then(() => {}))
    await act(async () => {
      finish()
      await first
    })
    expect(showModal).toHaveBeenCalledTimes(1)
    expect(send).toHaveBeenCalledTimes(1)
  })

  it('keeps each row its own failure: two rows failing one after the other both show (no stale state)', async () => {
    function Rows() {
      const rows = useRowAction()
      const fail = (id: string) =>
        rows.run(`cancel-${id}`, async () => Promise.reject(new ApiError(409, 'X', `${id} 不能取消`)), { row: id })
      return (
        <div>
          {['a1', 'a2'].map((id) => (
            <div key={id}>
              <button onClick={() => fail(id)}>取消 {id}</button>
              {rows.failure(id) && <p role="alert">{rows.failure(id)?.text}</p>}
            </div>
          ))}
          <button onClick={() => rows.run('cancel-a1', async () => 'ok', { row: 'a1' })}>重做 a1</button>
        </div>
      )
    }
    render(<Rows />)
    await act(async () => fireEvent.click(screen.getByText('取消 a1')))
    await act(async () => fireEvent.click(screen.getByText('取消 a2')))
    expect(screen.getAllByRole('alert').map((n) => n.textContent)).toEqual(['a1 不能取消', 'a2 不能取消'])
    // A success on a row clears that row's failure only.
    await act(async () => fireEvent.click(screen.getByText('重做 a1')))
    expect(screen.getAllByRole('alert').map((n) => n.textContent)).toEqual(['a2 不能取消'])
  })
})
