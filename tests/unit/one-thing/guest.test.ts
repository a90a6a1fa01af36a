import { guestProgressOf, useGuestProgress } from '@/stores/oneThingGuest'
import { useSession } from '@/stores/session'
import { resetTaroDouble, taroStorage } from '../../doubles/taro'

beforeEach(() => {
  resetTaroDouble()
  useSession.setState({ token: null, me: null, actingFor: null })
  useGuestProgress.getState().clear()
})

describe('guest progress of the one-thing guides (in memory, shared by the pages)', () => {
  it('keeps answers and ticks per event, and reads an event never answered as empty', () => {
    useGuestProgress
      .getState()
      .save('newborn', { answers: { birthDate: '2026-02-20', parents: 'married' }, ticked: ['birth-certificate'] })
    expect(guestProgressOf('newborn')).toEqual({
      answers: { birthDate: '2026-02-20', parents: 'married' },
      ticked: ['birth-certificate'],
    })
    expect(guestProgressOf('retirement')).toEqual({ answers: {}, ticked: [] })
  })

  it("writes nothing to the phone's storage (a birth date is personal; the privacy notice may not be accepted)", () => {
    useGuestProgress.getState().save('newborn', { answers: { birthDate: '2026-02-20' }, ticked: [] })
    expect([...taroStorage.values()].join('')).not.toContain('2026-02-20')
  })

  it('is forgotten when a session starts or ends', () => {
    useGuestProgress.getState().save('newborn', { answers: { parents: 'married' }, ticked: [] })
    useSession.setState({ token: 't-1' })
    expect(guestProgressOf('newborn').answers).toEqual({})
    useSession.setState({ token: null })
    useGuestProgress.getState().save('newborn', { answers: { parents: 'married' }, ticked: [] })
    useSession.setState({ token: null, me: null })
    expect(guestProgressOf('newborn').answers).toEqual({ parents: 'married' })
  })
})
