/** Plain-Chinese words and formats shared by the elevator pages. */
import type { BallotChannel } from '@/domain/elevator/auditLog'
import type { ElevatorChoiceDto, ElevatorPetitionStatusDto } from '@/domain/elevator/contracts'
import { beijingDate, formatDateCn, inBeijing } from '@/domain/shared/time'

export const CHOICE_CN: Record<ElevatorChoiceDto, string> = { agree: '同意', oppose: '反对', abstain: '弃权' }
export const CHANNEL_CN: Record<BallotChannel, string> = { app: '线上', paper: '纸质', door: '上门' }
export const ROLE_CN = { owner: '业主本人', proxy: '亲友代办', worker: '社区工作人员录入' } as const

/** Tag colour class for a petition status (the status text is always shown beside it). */
export const STATUS_TAG: Record<ElevatorPetitionStatusDto, string> = {
  forming: 'tag-warn',
  voting: 'tag-info',
  publicity: 'tag-ok',
  mediation: 'tag-warn',
  concluded: 'tag-ok',
  rejected: 'tag-bad',
  cancelled: 'tag-bad',
  lapsed: 'tag-bad',
  // Withdrawn is not a failure: neutral, and always with the words 已撤回.
  withdrawn: 'tag-info',
}

/** Statuses after which a unit may start a new petition. */
export const FREE_STATUSES: ElevatorPetitionStatusDto[] = ['rejected', 'cancelled', 'lapsed', 'withdrawn']

/** `2026年3月12日（周四）` for an instant. */
export const dateOf = (iso: string) => formatDateCn(beijingDate(iso))
/** `2026年3月12日（周四） 20:00` for an instant (Beijing time, 24-hour). */
export const dateTimeOf = (iso: string) => `${dateOf(iso)} ${inBeijing(iso).format('HH:mm')}`
/** An area as `85.32 ㎡`. */
export const areaText = (m2: number) => `${m2.toFixed(2)} ㎡`
/**
 * A receipt's check code for people: the first 8 hex digits in two groups of 4 (`3f9a 21bc`), enough to
 * compare with the record by eye; the full 64 stay one tap away (查看完整校验码).
 */
export const receiptCode = (h: string) => `${h.slice(0, 4)} ${h.slice(4, 8)}`
/** A hash shortened for reading aloud: first 8 … last 8. */
export const shortHash = (h: string) => (h.length > 20 ? `${h.slice(0, 8)}…${h.slice(-8)}` : h)
