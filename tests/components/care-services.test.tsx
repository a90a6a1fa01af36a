/**
 * The care-card service catalogue says up front when booking is not open: without a card (an application
 * under review) it tells the person booking opens after approval; with an active card it says nothing
 * of the kind. Rendered on the seeded in-app backend.
 */
import { render, waitFor } from '@testing-library/react'
import { fixedClock } from '@/backend/core/clock'
import Services from '@/packages/care-card/pages/services/index'
import { resetTaroDouble } from '../doubles/taro'
import { at, inAppBackend, type InApp } from './support/in-app'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // Pages load on show: here, once when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

let app: InApp
beforeEach(() => {
  resetTaroDouble()
  app = inAppBackend(fixedClock(at('2026-03-02T10:00')))
})

describe('care-card services', () => {
  it('tells a person without a card that booking opens after approval, above the catalogue', async () => {
    const token = await app.signIn('u-wang')
    await expect(app.call('GET', '/api/care-card', token)).rejects.toThrow(/NO_CARD/)
    render(<Services />)
    await waitFor(() => expect(document.getElementById('not-bookable')).toBeTruthy())
    expect(document.getElementById('not-bookable')!.textContent).toContain('审核通过后，次月 1 日起才能预约')
    await waitFor(() => expect(document.body.textContent).toContain('助餐'))
  })

  it('says nothing of the kind to a card holder', async () => {
    const token = await app.signIn('u-xs0')
    expect((await app.call('GET', '/api/care-card', token)).status).toBe('active')
    render(<Services />)
    await waitFor(() => expect(document.body.textContent).toContain('助餐'))
    expect(document.getElementById('not-bookable')).toBeNull()
  })
})
