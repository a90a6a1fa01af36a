import { act, fireEvent, render, renderHook, screen } from '@testing-library/react'
import { ApiError } from '@/api/errors'
import { Loaded, type LoadedSource } from '@/ui/States'
import { useLoader } from '@/ui/useLoader'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // A page is shown once, when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

beforeEach(() => resetTaroDouble())

const src = <T,>(data: T | null, over: Partial<LoadedSource<T>> = {}): LoadedSource<T> => ({
  data,
  cause: null,
  loading: false,
  reload: jest.fn(),
  ...over,
})

describe('Loaded', () => {
  it('shows the skeleton until the first answer, with the lines asked for', () => {
    const { container } = render(<Loaded of={src<string[]>(null, { loading: true })} lines={5} />)
    expect(screen.getByRole('status', { name: '正在加载' })).toBeTruthy()
    expect(container.querySelectorAll('.skeleton-line')).toHaveLength(5)
  })

  it('keeps data on screen while reloading, without a skeleton', () => {
    render(<Loaded of={src(['甲'], { loading: true })}>{(d) => <p>{d.join()}</p>}</Loaded>)
    expect(screen.queryByRole('status', { name: '正在加载' })).toBeNull()
    expect(screen.getByText('甲')).toBeTruthy()
  })

  it('says a failure in words with 重试 that reloads; a refusal gets no 重试', () => {
    const reload = jest.fn()
    render(<Loaded of={src(null, { cause: new ApiError(503, 'BUSY', '服务繁忙，请稍后再试'), reload })} />)
    expect(screen.getByRole('alert').textContent).toContain('服务繁忙，请稍后再试')
    fireEvent.click(screen.getByRole('button', { name: '重试' }))
    expect(reload).toHaveBeenCalledTimes(1)
    render(<Loaded of={src(null, { cause: new ApiError(403, 'FORBIDDEN', '只有工作人员可以查看') })} />)
    expect(screen.getAllByRole('alert')[1].textContent).toContain('只有工作人员可以查看')
    expect(screen.getAllByRole('button', { name: '重试' })).toHaveLength(1)
  })

  it('says empty for an empty list (or by isEmpty), else renders the data', () => {
    render(
      <Loaded of={src<string[]>([])} empty="还没有预约。">
        {() => <p>列表</p>}
      </Loaded>,
    )
    expect(screen.getByText('还没有预约。')).toBeTruthy()
    expect(screen.queryByText('列表')).toBeNull()
    render(
      <Loaded of={src({ items: [] as string[] })} empty="没有课程。" isEmpty={(d) => d.items.length === 0}>
        {() => <p>课程</p>}
      </Loaded>,
    )
    expect(screen.getByText('没有课程。')).toBeTruthy()
    render(
      <Loaded of={src(['围棋'])} empty="没有课程。">
        {(d) => <p>{d[0]}</p>}
      </Loaded>,
    )
    expect(screen.getByText('围棋')).toBeTruthy()
  })
})

describe('useLoader deps', () => {
  it('loads again with the new value when a dependency changes (no setTimeout needed)', async () => {
    const load = jest.fn(async (tab: string) => `list of ${tab}`)
    const { result, rerender } = renderHook(({ tab }) => useLoader(() => load(tab), [tab]), {
      initialProps: { tab: 'booked' },
    })
    await act(async () => {})
    expect(load.mock.calls.map((c) => c[0])).toEqual(['booked'])
    expect(result.current.data).toBe('list of booked')
    rerender({ tab: 'tasks' })
    await act(async () => {})
    expect(load.mock.calls.map((c) => c[0])).toEqual(['booked', 'tasks'])
    expect(result.current.data).toBe('list of tasks')
    rerender({ tab: 'tasks' })
    await act(async () => {})
    expect(load).toHaveBeenCalledTimes(2)
  })
})
