/**
 * The result sheet's text (src/packages/elevator/components/sheet-text.ts, sheet-image.ts): the ratios in
 * words against the Civil Code art. 278 thresholds, every household in the image's lines, and wrapping
 * that never loses a character.
 */
import type { ElevatorResultSheetDto } from '@/domain/elevator/contracts-sheet'
import { wrapText } from '@/packages/elevator/components/sheet-image'
import { ratioText, sheetLines } from '@/packages/elevator/components/sheet-text'

const ratio = (num: number, den: number, t: [number, number], met: boolean) => ({
  value: { num, den },
  threshold: { num: t[0], den: t[1] },
  met,
})

const sheet = {
  petitionId: 'ep-1',
  unitLabel: '西山社区 5幢2单元',
  verdict: '表决通过',
  summary: '参与 9/10 人',
  votingDeadline: '2026-12-18T20:00:00+08:00',
  meter: {
    participationArea: ratio(60000, 63131, [2, 3], true),
    participationOwners: ratio(9, 10, [2, 3], true),
    agreeArea: ratio(50000, 60000, [3, 4], true),
    agreeOwners: ratio(6, 9, [3, 4], false),
  },
  households: [
    {
      roomName: '101',
      floor: 1,
      area: 64.2,
      choice: 'oppose',
      ballotChannel: 'app',
      reach: ['应用内消息 2026年12月3日（周四）'],
    },
    { roomName: '502', floor: 5, area: 61.92, choice: null, ballotChannel: null, reach: [] },
  ],
  head: { seq: 9, hash: 'a'.repeat(64) },
  publicity: null,
  withdrawal: null,
  asOf: '2026-12-18T21:00:00+08:00',
} as unknown as ElevatorResultSheetDto

describe('result sheet text', () => {
  it('says each ratio against its threshold, areas in m² from hundredths', () => {
    expect(ratioText(sheet.meter.participationArea, true)).toBe('600.00 ㎡ / 631.31 ㎡，需 ≥ 2/3：已达到')
    expect(ratioText(sheet.meter.agreeOwners, false)).toBe('6 / 9 人，需 ≥ 3/4：未达到')
  })

  it('puts every household, the head hash and the publicity in the image lines', () => {
    const text = sheetLines(sheet).join('\n')
    expect(text).toContain('101 室 1 层')
    expect(text).toContain('502 室 5 层')
    expect(text).toContain('未表决；告知：无记录')
    expect(text).toContain('a'.repeat(64))
    expect(text).toContain('公示期：无（未进入公示）')
    expect(text).toContain('同意人数（占参与）：6 / 9 人，需 ≥ 3/4：未达到')
  })

  it('wraps at the width without losing or reordering a character', () => {
    const text = '最新一条的校验码：' + 'b'.repeat(70)
    const lines = wrapText(text, 100, (s) => [...s].length * 10)
    expect(lines.every((l) => [...l].length <= 10)).toBe(true)
    expect(lines.join('')).toBe(text)
    expect(wrapText('', 100, () => 0)).toEqual([''])
  })
})
