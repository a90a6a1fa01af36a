/** Words of the care-card pages: dates and times, error messages, and the tag colour of each status. */
import { errorMessage } from '@/api'
import type { CareApplicationDto, CareOrderDto, CarePersonDto } from '@/domain/care-card/contracts'
import { beijingDate, formatDateCn } from '@/domain/shared/time'

/** `2026年4月1日 10:30` from an ISO instant (Beijing). */
export function dateTimeCn(iso: string): string {
  const d = beijingDate(iso)
  const t = new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(11, 16)
  return `${formatDateCn(d)} ${t}`
}

export const messageOf = (e: unknown) => errorMessage(e)

export const APP_TAG: Record<CareApplicationDto['status'], string> = {
  community_review: 'tag-warn',
  street_review: 'tag-warn',
  approved: 'tag-ok',
  rejected: 'tag-bad',
  withdrawn: 'tag-info',
}
export const ORDER_TAG: Record<CareOrderDto['status'], string> = {
  booked: 'tag-info',
  cancelled: 'tag-info',
  delivered: 'tag-warn',
  rated: 'tag-ok',
}

/** Who acted for the elder, in words: `由网格员 赵敏 代办` (a grid worker, issue 27) or `由 李红 代办`. */
export const proxyWords = (p: CarePersonDto) => (p.worker ? `由网格员 ${p.name} 代办` : `由 ${p.name} 代办`)

/** Who booked for the elder: `由网格员 赵敏 代办` (a grid worker) or `由 李红 代为预约` (family). */
export const bookedByWords = (p: CarePersonDto) => (p.worker ? proxyWords(p) : `由 ${p.name} 代为预约`)

/** How an order came in, when not through the app: `电话预约 · 96345`. */
export const channelWords = (o: Pick<CareOrderDto, 'channel' | 'callerPhone'>) =>
  o.channel === 'phone' ? `电话预约 · 96345${o.callerPhone ? `（来电 ${o.callerPhone}）` : ''}` : ''
