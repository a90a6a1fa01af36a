/**
 * `useDraft` (src/stores/drafts.ts): a change given as a function sees the latest saved draft (a change
 * made after an await does not undo what was typed meanwhile), and a form brought back to how it started
 * leaves no draft behind.
 */
import { act, renderHook } from '@testing-library/react'
import { useDraft, useDrafts } from '@/stores/drafts'

beforeEach(() => useDrafts.setState({ drafts: {} }))

describe('useDraft', () => {
  it('a function patch is applied to the latest saved value, not the render it was made in', () => {
    const form = renderHook(() => useDraft('notes', { texts: {} as Record<string, string> }))
    const stale = form.result.current
    act(() => stale.update((d) => ({ texts: { ...d.texts, a: '甲的处理意见' } })))
    act(() => stale.update((d) => ({ texts: { ...d.texts, b: '乙的处理意见' } })))
    form.rerender()
    expect(form.result.current.value.texts).toEqual({ a: '甲的处理意见', b: '乙的处理意见' })
    // A plain patch made from the stale render would have dropped `a`; the function keeps it.
    act(() => stale.update((d) => ({ texts: Object.fromEntries(Object.entries(d.texts).filter(([k]) => k !== 'b')) })))
    form.rerender()
    expect(form.result.current.value.texts).toEqual({ a: '甲的处理意见' })
  })

  it('a form changed back to its initial values forgets the draft', () => {
    const form = renderHook(() => useDraft('term', { name: '', opensAt: '' }))
    act(() => form.result.current.update({ name: '2099年秋季学期' }))
    expect(Object.keys(useDrafts.getState().drafts)).toEqual(['guest:term'])
    act(() => form.result.current.update({ name: '' }))
    expect(useDrafts.getState().drafts).toEqual({})
    form.rerender()
    expect(form.result.current.value).toEqual({ name: '', opensAt: '' })
  })
})
