import { href, type Href } from '@/ui/nav'

/** One entry on the home page: a feature subpackage's main page. */
export interface ServiceEntry {
  key: 'care-card' | 'youth-palace' | 'elevator' | 'one-thing'
  title: string
  desc: string
  url: Href
}

/** The four services, in the order they appear on home. */
export const SERVICES: ServiceEntry[] = [
  { key: 'care-card', title: '爱心卡', desc: '养老服务补贴', url: href.careCard.index() },
  { key: 'youth-palace', title: '青少年宫', desc: '家门口的兴趣课', url: href.youthPalace.index() },
  { key: 'elevator', title: '加装电梯', desc: '发起与投票', url: href.elevator.index() },
  { key: 'one-thing', title: '一件事', desc: '办事一次告知', url: href.oneThing.index() },
]
