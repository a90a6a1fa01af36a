/**
 * DateField (src/ui/DateField.tsx): Taro's native date Picker in normal mode; big steppers in elder mode
 * that open from the row, stay within start…end and answer only on 确定.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import React from 'react'
import { DateField } from '@/ui/DateField'
import { useSettings } from '@/stores/settings'

function Form({ fields = 'day' as 'day' | 'month', onChange = jest.fn() }) {
  const [value, setValue] = React.useState(fields === 'month' ? '1966-01' : '2026-02-20')
  return (
    <DateField
      id="d"
      label="哪天？"
      value={value}
      start="1900-01-01"
      end="2026-03-02"
      fields={fields}
      onChange={(v) => {
        onChange(v)
        setValue(v)
      }}
    >
      {`现在是 ${value}`}
    </DateField>
  )
}

afterEach(() => useSettings.setState({ elder: {} }))

describe('DateField', () => {
  it('normal mode: the native date Picker, opened from the row', () => {
    render(<Form />)
    expect(document.getElementById('d')?.getAttribute('data-taro')).toBe('Picker')
    expect(screen.queryByText('上一年')).toBeNull()
  })

  it('elder mode: steppers open from the row, stop at the latest date and say so, and answer on 确定', () => {
    useSettings.getState().setElder('guest', true)
    const onChange = jest.fn()
    render(<Form onChange={onChange} />)
    expect(document.querySelector('[data-taro="Picker"]')).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '现在是 2026-02-20' }))
    expect(screen.getByRole('status').textContent).toBe('2026年2月20日（周五）')
    fireEvent.click(screen.getByRole('button', { name: '下个月' }))
    expect(screen.getByRole('status').textContent).toBe('2026年3月2日（周一）')
    expect(screen.getByRole('alert').textContent).toBe('最晚只能选到 2026年3月2日（周一）')
    fireEvent.click(screen.getByRole('button', { name: '前一天' }))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    expect(onChange).toHaveBeenCalledWith('2026-03-01')
    expect(screen.queryByRole('status')).toBeNull()
    expect(screen.getByText('现在是 2026-03-01')).toBeTruthy()
  })

  it('elder mode, by month: no day row, ten years at a time, answers YYYY-MM; 取消 keeps the old value', () => {
    useSettings.getState().setElder('guest', true)
    const onChange = jest.fn()
    render(<Form fields="month" onChange={onChange} />)
    fireEvent.click(screen.getByRole('button', { name: '现在是 1966-01' }))
    expect(screen.queryByRole('button', { name: '前一天' })).toBeNull()
    fireEvent.click(screen.getByRole('button', { name: '前十年' }))
    fireEvent.click(screen.getByRole('button', { name: '上个月' }))
    expect(screen.getByRole('status').textContent).toBe('1955年12月')
    fireEvent.click(screen.getByRole('button', { name: '取消' }))
    expect(onChange).not.toHaveBeenCalled()
    fireEvent.click(screen.getByRole('button', { name: '现在是 1966-01' }))
    fireEvent.click(screen.getByRole('button', { name: '后十年' }))
    fireEvent.click(screen.getByRole('button', { name: '确定' }))
    expect(onChange).toHaveBeenCalledWith('1976-01')
  })
})
