/** Youth palace helpers shared by this subpackage's pages: words for statuses, weekdays, time left, server time. */
import type { YpCourseDto, YpEnrollmentStatusDto, YpTermDto } from '@/domain/youth-palace/contracts'
import { formatDateCn } from '@/domain/shared/time'

export const WEEKDAY_CN = ['周日', '周一', '周二', '周三', '周四', '周五', '周六']

export const ENROLLMENT_STATUS: Record<YpEnrollmentStatusDto, { text: string; tag: string }> = {
  pending: { text: '已报名，等待抽签', tag: 'tag-info' },
  admitted: { text: '已录取，待您确认', tag: 'tag-warn' },
  waitlisted: { text: '候补中', tag: 'tag-info' },
  confirmed: { text: '已确认名额', tag: 'tag-ok' },
  cancelled: { text: '已取消', tag: 'tag-bad' },
  declined: { text: '已放弃', tag: 'tag-bad' },
  expired: { text: '确认期限已过', tag: 'tag-bad' },
}

/**
 * The same statuses as the worker reads them, about the family (the family's own words, such as
 * 已录取，待您确认, would speak to the worker as if it were their turn).
 */
export const WORKER_ENROLLMENT_STATUS: Record<YpEnrollmentStatusDto, { text: string; tag: string }> = {
  pending: { text: '已报名，等待抽签', tag: 'tag-info' },
  admitted: { text: '已录取，等家长确认', tag: 'tag-warn' },
  waitlisted: { text: '候补中', tag: 'tag-info' },
  confirmed: { text: '已确认名额', tag: 'tag-ok' },
  cancelled: { text: '家长已取消', tag: 'tag-bad' },
  declined: { text: '家长已放弃', tag: 'tag-bad' },
  expired: { text: '家长没有在期限内确认', tag: 'tag-bad' },
}

/** Words for a registration that is over but not yet drawn (lottery courses, and a term as a whole). */
const AWAITING_DRAW_CN = '报名已截止，等待抽签和公布结果'

/**
 * A term's registration state for a family, from the backend's phase and clock (never the phone's):
 * before the viewer's first day it says when they may start; after the window 报名已截止.
 */
export function termStateCn(t: YpTermDto): { text: string; tag: string } {
  if (t.phase === 'upcoming' || (t.phase === 'open' && t.today < t.viewerOpensAt)) {
    return { text: `${formatDateCn(t.viewerOpensAt)} 起可以报名`, tag: 'tag-info' }
  }
  if (t.phase === 'open') return { text: '报名中', tag: 'tag-ok' }
  if (t.phase === 'ended' || t.phase === 'closed') return { text: AWAITING_DRAW_CN, tag: 'tag-warn' }
  if (t.phase === 'drawn') return { text: '已抽签，请看结果', tag: 'tag-info' }
  return { text: '还没有开放报名', tag: 'tag-info' }
}

/** A term's registration state for a community worker: an ended window still waits for them to close it. */
export function workerTermStateCn(t: YpTermDto): { text: string; tag: string } {
  switch (t.phase) {
    case 'draft':
      return { text: '草稿，家长看不到', tag: 'tag-info' }
    case 'upcoming':
      return { text: `已开放，${formatDateCn(t.opensAt)} 起可以报名`, tag: 'tag-info' }
    case 'open':
      return { text: '报名中', tag: 'tag-ok' }
    case 'ended':
      return { text: '报名已截止，待关闭并抽签', tag: 'tag-warn' }
    case 'closed':
      return { text: '报名已截止，待抽签', tag: 'tag-warn' }
    default:
      return { text: '已抽签', tag: 'tag-info' }
  }
}

/**
 * Whether the course's registration is over by the backend's clock (ended, closed or drawn): no more applications or
 * waitlist joins.
 */
export const registrationOver = (c: Pick<YpCourseDto, 'phase'>) =>
  c.phase === 'ended' || c.phase === 'closed' || c.phase === 'drawn'

/**
 * Where a course stands once its term's registration is over, for families: what the draw decided
 * (lottery courses, from the draw's own figures), that the draw is still to come, or that a first-come
 * course takes no more applications. Null while registration is going.
 */
export function courseOutcomeCn(c: YpCourseDto): string | null {
  if (!registrationOver(c)) return null
  if (c.admission === 'firstCome') return '报名已截止，按报名先后录取，不再接受报名和候补'
  if (!c.draw) return AWAITING_DRAW_CN
  if (c.draw.applicants === 0) return '报名已截止，这门课没有人报名'
  return c.draw.drawn
    ? `已抽签：${c.draw.applicants} 人报名，录取 ${c.draw.admitted} 人，候补 ${c.draw.waitlisted} 人`
    : `报名人数没有超过名额，${c.draw.admitted} 人全部录取`
}

/** `2026-03-05T14:30:00+08:00` → `2026年3月5日（周四）14:30` (Beijing). */
export { formatInstantCn } from '@/domain/youth-palace/types'

/** A plain duration: `还剩 23 小时 10 分钟`. */
export function timeLeftCn(untilIso: string, nowMs: number): string {
  const ms = Date.parse(untilIso) - nowMs
  if (ms <= 0) return '已经过了期限'
  const mins = Math.floor(ms / 60_000)
  const d = Math.floor(mins / 1440)
  const h = Math.floor((mins % 1440) / 60)
  const m = mins % 60
  const parts = [d ? `${d} 天` : '', h ? `${h} 小时` : '', m ? `${m} 分钟` : ''].filter(Boolean)
  return parts.length ? `还剩 ${parts.join(' ')}` : '还剩不到 1 分钟'
}

/** The registration window in words, for a family. */
export function termWindowCn(t: YpTermDto): string {
  return `报名时间：${formatDateCn(t.opensAt)} 至 ${formatDateCn(t.closesAt)}`
}

/** "Now" as the backend sees it (shared UI helper). */
export { serverNow } from '@/ui/serverNow'

/** Loads data whenever the page is shown (shared UI hook). */
export { useLoader as useLoaded } from '@/ui/useLoader'
