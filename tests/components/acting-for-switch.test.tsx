import { fireEvent, render, screen } from '@testing-library/react'
import type { FamilyLinkDto } from '@/domain/shared/contracts'
import { useFamily } from '@/stores/family'
import { useSession } from '@/stores/session'
import { ActingForSwitch } from '@/ui/ActingForSwitch'
import { resetTaroDouble } from '../doubles/taro'

jest.mock('@tarojs/taro', () => {
  const double = jest.requireActual('@tarojs/taro')
  const { useEffect } = jest.requireActual('react')
  // A page is shown once, when mounted.
  const useDidShow = (fn: () => void) => useEffect(() => fn(), []) // eslint-disable-line react-hooks/exhaustive-deps
  return { ...double, __esModule: true, useDidShow, default: { ...double.default, useDidShow } }
})

const me = { userId: 'u-li', name: '李明' }
const link = (
  id: string,
  principal: { userId: string; name: string },
  over: Partial<FamilyLinkDto> = {},
): FamilyLinkDto => ({
  id,
  relationship: '子女',
  status: 'confirmed',
  proxy: me,
  principal,
  viewerSide: 'proxy',
  requestedAt: '2026-11-01T08:00:00.000Z',
  ...over,
})
const mother = { userId: 'u-wang', name: '王秀英' }
const father = { userId: 'u-li-f', name: '李建国' }

const load = jest.fn(async () => {})
beforeEach(() => {
  resetTaroDouble()
  load.mockClear()
  useSession.setState({ token: 't', me: { id: me.userId, role: 'resident' } as never, actingFor: null })
  useFamily.setState({ links: [], load })
})

const cellTitles = () => screen.queryAllByRole('link').map((l) => l.querySelector('.cell-title')?.textContent)

describe('ActingForSwitch', () => {
  it('shows nothing without a confirmed link where the user is the proxy', () => {
    useFamily.setState({
      links: [
        link('l1', mother, { status: 'pending' }),
        link('l2', father, { status: 'revoked' }),
        link('l3', { userId: 'u-zhao', name: '赵敏' }, { viewerSide: 'principal' }),
      ],
    })
    const { container } = render(<ActingForSwitch what="爱心卡" onSwitched={() => {}} />)
    expect(container.innerHTML).toBe('')
  })

  it('reloads the links when the page shows (only when logged in)', () => {
    render(<ActingForSwitch what="爱心卡" onSwitched={() => {}} />)
    expect(load).toHaveBeenCalledTimes(1)
    useSession.setState({ token: null })
    render(<ActingForSwitch what="爱心卡" onSwitched={() => {}} />)
    expect(load).toHaveBeenCalledTimes(1)
  })

  it('lists each person the user may act for; a tap switches the session to them and reloads the page', () => {
    useFamily.setState({
      links: [link('l1', mother), link('l2', father), link('l3', mother, { id: 'x', status: 'declined' })],
    })
    const onSwitched = jest.fn()
    render(<ActingForSwitch what="爱心卡" onSwitched={onSwitched} />)
    expect(screen.getByText('为家人代办')).toBeTruthy()
    expect(cellTitles()).toEqual(['为 王秀英 办理', '为 李建国 办理'])
    expect(screen.getByText('切换后看到的是王秀英的爱心卡')).toBeTruthy()
    fireEvent.click(screen.getAllByRole('link')[0])
    expect(useSession.getState().actingFor).toEqual(mother)
    expect(onSwitched).toHaveBeenCalledTimes(1)
  })

  it('while acting: 切换回本人 first, the person acted for not offered again; switching back clears it', () => {
    useFamily.setState({ links: [link('l1', mother), link('l2', father)] })
    useSession.setState({ actingFor: mother })
    const onSwitched = jest.fn()
    render(<ActingForSwitch what="预约" onSwitched={onSwitched} />)
    expect(cellTitles()).toEqual(['切换回本人', '为 李建国 办理'])
    expect(screen.getByText('现在看到的是王秀英的预约')).toBeTruthy()
    fireEvent.keyDown(screen.getAllByRole('link')[0], { key: 'Enter' })
    expect(useSession.getState().actingFor).toBeNull()
    expect(onSwitched).toHaveBeenCalledTimes(1)
    expect(cellTitles()).toEqual(['为 王秀英 办理', '为 李建国 办理'])
  })
})
