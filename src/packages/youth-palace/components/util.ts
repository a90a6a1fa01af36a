/** Youth palace helpers shared by this subpackage's pages: words for statuses, weekdays, time left, server time. */
import Taro from '@tarojs/taro'
import type { YpEnrollmentStatusDto, YpTermDto, YpTermStatusDto } from '../../../domain/contracts/youthPalace'
import { formatDateCn } from '../../../domain/time'

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

export const TERM_STATUS: Record<YpTermStatusDto, { text: string; tag: string }> = {
  draft: { text: '草稿，家长看不到', tag: 'tag-info' },
  open: { text: '报名中', tag: 'tag-ok' },
  closed: { text: '报名已截止，待抽签', tag: 'tag-warn' },
  drawn: { text: '已抽签', tag: 'tag-info' },
}

/** `2026-03-05T14:30:00+08:00` → `2026年3月5日（周四）14:30` (Beijing). */
export { formatInstantCn } from '../../../domain/youthPalaceTypes'

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
export { serverNow } from '../../../ui/serverNow'

export type { Loaded } from '../../../ui/useLoader'
/** Loads data whenever the page is shown (shared UI hook). */
export { useLoader as useLoaded } from '../../../ui/useLoader'

/** Opens a page of this subpackage. */
export const go = (page: string, query: Record<string, string | undefined> = {}) => {
  const q = Object.entries(query).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(v!)}`).join('&')
  const url = `/packages/youth-palace/pages/${page}/index${q ? `?${q}` : ''}`
  // WeChat keeps at most 10 pages: replace the current page instead of failing when the stack is nearly full.
  if (Taro.getCurrentPages().length >= 9) Taro.redirectTo({ url })
  else Taro.navigateTo({ url })
}
