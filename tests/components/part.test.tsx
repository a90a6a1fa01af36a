import { fireEvent, render, screen } from '@testing-library/react'
import { ApiError } from '@/api'
import { Part, partFailureText, type PartSource } from '@/ui/Part'
import { resetTaroDouble } from '../doubles/taro'

const src = <T,>(data: T | null, over: Partial<PartSource<T>> = {}): PartSource<T> => ({
  data,
  cause: null,
  loading: false,
  reload: jest.fn(),
  ...over,
})

const busy = new ApiError(503, 'SERVICE_UNAVAILABLE', '服务繁忙，请稍后再试')
const offline = new ApiError(0, 'NETWORK', '网络不给力')
const refused = new ApiError(403, 'FORBIDDEN', '只有本单元的业主可以发起')

beforeEach(() => resetTaroDouble())

describe('partFailureText', () => {
  it('names the part and the cause in words: the network, or a busy server', () => {
    expect(partFailureText(offline, '孩子的信息')).toBe('网络不稳，孩子的信息没加载出来')
    expect(partFailureText(busy, '孩子的信息')).toBe('服务暂时繁忙，孩子的信息没加载出来')
    expect(partFailureText(new Error('x'))).toBe('网络不稳，这部分没加载出来')
  })

  it("gives a refusal's own reason", () => {
    expect(partFailureText(refused, '孩子的信息')).toBe('只有本单元的业主可以发起')
  })
})

describe('Part', () => {
  it('shows a loading state until every source has data, then renders them together', () => {
    const a = src<number>(null, { loading: true })
    const b = src('乙')
    const { rerender } = render(
      <Part of={[a, b]}>
        {(x, y) => (
          <div>
            内容 {x} {y}
          </div>
        )}
      </Part>,
    )
    expect(screen.getByRole('status').getAttribute('aria-label')).toBe('正在加载')
    expect(screen.queryByText(/内容/)).toBeNull()
    rerender(
      <Part of={[src(1), b]}>
        {(x, y) => (
          <div>
            内容 {x} {y}
          </div>
        )}
      </Part>,
    )
    expect(screen.getByText('内容 1 乙')).toBeTruthy()
    expect(screen.queryByRole('status')).toBeNull()
  })

  it('says which part failed with one 重试 that reloads only the failed sources', () => {
    const ok = src('甲')
    const bad = src<string>(null, { cause: busy })
    render(
      <Part of={[ok, bad]} what="业主名单">
        {() => <div>名单</div>}
      </Part>,
    )
    expect(screen.getByRole('alert').textContent).toContain('服务暂时繁忙，业主名单没加载出来')
    expect(screen.queryByText('名单')).toBeNull()
    const retries = screen.getAllByText('重试')
    expect(retries).toHaveLength(1)
    fireEvent.click(retries[0])
    expect(bad.reload).toHaveBeenCalledTimes(1)
    expect(ok.reload).not.toHaveBeenCalled()
  })

  it('keeps what is on screen when a reload fails, with the reason and 重试', () => {
    const s = src('旧的名单', { cause: offline })
    render(<Part of={[s]}>{(x) => <div>{x}</div>}</Part>)
    expect(screen.getByText('旧的名单')).toBeTruthy()
    expect(screen.getByRole('alert').textContent).toContain('网络不稳')
    expect(screen.getByText('重试')).toBeTruthy()
  })

  it('offers no 重试 for a refusal, and shows it before a failure a retry could mend', () => {
    render(<Part of={[src<string>(null, { cause: busy }), src<string>(null, { cause: refused })]}>{() => null}</Part>)
    expect(screen.getByRole('alert').textContent).toContain('只有本单元的业主可以发起')
    expect(screen.queryByText('重试')).toBeNull()
  })

  it('shows no failure while a retry is on its way', () => {
    render(<Part of={[src<string>(null, { cause: busy, loading: true })]}>{() => null}</Part>)
    expect(screen.queryByRole('alert')).toBeNull()
    expect(screen.getByRole('status')).toBeTruthy()
  })
})
