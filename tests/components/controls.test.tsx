import { fireEvent, render, screen } from '@testing-library/react'
import { useState } from 'react'
import { Button } from '@/ui/Button'
import { Cell } from '@/ui/Cell'
import { Options } from '@/ui/Options'
import { SwitchRow } from '@/ui/Switch'
import { tappable } from '@/ui/tappable'

describe('tappable', () => {
  const env = process.env.TARO_ENV
  afterEach(() => (process.env.TARO_ENV = env))

  it('on H5 gives a role, a name and a tab stop; Enter and Space activate, other keys do not', () => {
    const onTap = jest.fn()
    render(<div {...tappable('爱心卡', onTap)}>图标</div>)
    const el = screen.getByRole('button', { name: '爱心卡' })
    expect(el.tabIndex).toBe(0)
    fireEvent.keyDown(el, { key: 'Enter' })
    fireEvent.keyDown(el, { key: ' ' })
    fireEvent.keyDown(el, { key: 'a' })
    fireEvent.keyDown(el, { key: 'Tab' })
    expect(onTap).toHaveBeenCalledTimes(2)
    fireEvent.click(el)
    expect(onTap).toHaveBeenCalledTimes(3)
  })

  it('takes its name from the content without a label, and the role asked for', () => {
    const props = tappable(undefined, () => {}, 'link')
    expect(props).not.toHaveProperty('aria-label')
    render(<div {...props}>我的预约</div>)
    expect(screen.getByRole('link', { name: '我的预约' })).toBeTruthy()
  })

  it('on WeChat sends only the tap handler (no ARIA props to grow setData)', () => {
    process.env.TARO_ENV = 'weapp'
    const onTap = jest.fn()
    expect(tappable('爱心卡', onTap)).toEqual({ onClick: onTap })
  })
})

describe('Button', () => {
  it('is a button named by its text (or its label) that runs onTap on tap and on Enter/Space', () => {
    const onTap = jest.fn()
    render(<Button onTap={onTap}>提交申请</Button>)
    const b = screen.getByRole('button', { name: '提交申请' })
    expect(b.textContent).toBe('提交申请')
    expect(b.tabIndex).toBe(0)
    expect(b.getAttribute('aria-disabled')).toBeNull()
    fireEvent.click(b)
    fireEvent.keyDown(b, { key: 'Enter' })
    fireEvent.keyDown(b, { key: ' ' })
    expect(onTap).toHaveBeenCalledTimes(3)
    render(
      <Button onTap={() => {}} label="删除照片 1" kind="danger">
        删除
      </Button>,
    )
    const d = screen.getByRole('button', { name: '删除照片 1' })
    expect(d.textContent).toBe('删除')
    expect(d.className).toContain('btn-danger')
  })

  it('while loading says 请稍候… and ignores taps and keys (no double submit)', () => {
    const onTap = jest.fn()
    render(
      <Button onTap={onTap} loading>
        提交申请
      </Button>,
    )
    const b = screen.getByRole('button', { name: '提交申请' })
    expect(b.textContent).toBe('请稍候…')
    expect(b.getAttribute('aria-busy')).toBe('true')
    expect(b.getAttribute('aria-disabled')).toBe('true')
    fireEvent.click(b)
    fireEvent.click(b)
    fireEvent.keyDown(b, { key: 'Enter' })
    expect(onTap).not.toHaveBeenCalled()
  })

  it('when disabled keeps its text, says so and ignores taps', () => {
    const onTap = jest.fn()
    render(
      <Button onTap={onTap} disabled>
        确认预约
      </Button>,
    )
    const b = screen.getByRole('button', { name: '确认预约' })
    expect(b.textContent).toBe('确认预约')
    expect(b.getAttribute('aria-disabled')).toBe('true')
    expect(b.getAttribute('aria-busy')).toBeNull()
    fireEvent.click(b)
    fireEvent.keyDown(b, { key: ' ' })
    expect(onTap).not.toHaveBeenCalled()
  })
})

const TIMES = [
  { value: 'am', label: '上午', note: '9:00–11:30' },
  { value: 'pm', label: '下午' },
] as const

function Chooser({ onChange }: { onChange: (v: string) => void }) {
  const [v, setV] = useState<'am' | 'pm' | null>(null)
  return (
    <Options
      id="slot"
      label="时间段"
      options={[...TIMES]}
      value={v}
      onChange={(x) => {
        setV(x)
        onChange(x)
      }}
    />
  )
}

describe('Options', () => {
  it('is a named radio group; nothing chosen at first, no 已选', () => {
    render(<Chooser onChange={() => {}} />)
    expect(screen.getByRole('radiogroup', { name: '时间段' })).toBeTruthy()
    const radios = screen.getAllByRole('radio')
    expect(radios.map((r) => r.getAttribute('aria-label'))).toEqual(['上午', '下午'])
    expect(radios.map((r) => r.getAttribute('aria-checked'))).toEqual(['false', 'false'])
    expect(screen.queryByText('已选')).toBeNull()
    expect(screen.getByText('9:00–11:30')).toBeTruthy()
  })

  it('a tap (or Enter) chooses one, marked in words and aria-checked; choosing another moves the mark', () => {
    const onChange = jest.fn()
    render(<Chooser onChange={onChange} />)
    fireEvent.click(screen.getByRole('radio', { name: '上午' }))
    expect(onChange).toHaveBeenLastCalledWith('am')
    const am = screen.getByRole('radio', { name: '上午' })
    expect(am.getAttribute('aria-checked')).toBe('true')
    expect(am.textContent).toContain('已选')
    expect(am.textContent).toContain('●')
    fireEvent.keyDown(screen.getByRole('radio', { name: '下午' }), { key: 'Enter' })
    expect(onChange).toHaveBeenLastCalledWith('pm')
    expect(screen.getByRole('radio', { name: '上午' }).getAttribute('aria-checked')).toBe('false')
    expect(screen.getByRole('radio', { name: '下午' }).getAttribute('aria-checked')).toBe('true')
    expect(screen.getAllByText('已选')).toHaveLength(1)
    expect(screen.getByRole('radio', { name: '下午' }).textContent).toContain('已选')
  })
})

describe('SwitchRow', () => {
  function Toggle({ onChange }: { onChange: (on: boolean) => void }) {
    const [on, setOn] = useState(false)
    return (
      <SwitchRow
        id="elder"
        title="长辈模式"
        note="字更大"
        on={on}
        onChange={(x) => {
          setOn(x)
          onChange(x)
        }}
      />
    )
  }

  it('is a named switch saying its state in words; a tap or Space toggles it', () => {
    const onChange = jest.fn()
    render(<Toggle onChange={onChange} />)
    const s = screen.getByRole('switch', { name: '长辈模式' })
    expect(s.getAttribute('aria-checked')).toBe('false')
    expect(s.textContent).toContain('已关闭')
    expect(s.textContent).toContain('字更大')
    fireEvent.click(s)
    expect(onChange).toHaveBeenLastCalledWith(true)
    expect(s.getAttribute('aria-checked')).toBe('true')
    expect(s.textContent).toContain('已开启')
    fireEvent.keyDown(s, { key: ' ' })
    expect(onChange).toHaveBeenLastCalledWith(false)
    expect(s.getAttribute('aria-checked')).toBe('false')
    expect(s.textContent).toContain('已关闭')
  })
})

describe('Cell', () => {
  it('shows title, note and value; without onTap it is no control and has no arrow', () => {
    const { container } = render(<Cell title="住址" note="本人填写" value="3 栋 201" />)
    expect(screen.getByText('住址')).toBeTruthy()
    expect(screen.getByText('本人填写')).toBeTruthy()
    expect(screen.getByText('3 栋 201')).toBeTruthy()
    expect(screen.queryByRole('link')).toBeNull()
    expect(container.querySelector('.cell-arrow')).toBeNull()
    expect(container.querySelector('[tabindex]')).toBeNull()
  })

  it('with onTap is a link named by its content, with an arrow hidden from screen readers; tap and Enter open', () => {
    const onTap = jest.fn()
    const { container } = render(<Cell id="orders" title="我的预约" value="2 项" onTap={onTap} />)
    const link = screen.getByRole('link')
    expect(link.id).toBe('orders')
    expect(link.textContent).toContain('我的预约')
    expect(container.querySelector('.cell-arrow')?.getAttribute('aria-hidden')).toBe('true')
    fireEvent.click(link)
    fireEvent.keyDown(link, { key: 'Enter' })
    expect(onTap).toHaveBeenCalledTimes(2)
  })
})
