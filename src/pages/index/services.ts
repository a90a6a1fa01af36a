/** One entry on the home page: a feature subpackage's main page. */
export interface ServiceEntry {
  key: 'care-card' | 'youth-palace' | 'elevator' | 'one-thing'
  title: string
  desc: string
  url: string
}

/** The four services, in the order they appear on home. */
export const SERVICES: ServiceEntry[] = [
  { key: 'care-card', title: '爱心卡', desc: '养老服务补贴', url: '/packages/care-card/pages/index/index' },
  { key: 'youth-palace', title: '青少年宫', desc: '家门口的兴趣课', url: '/packages/youth-palace/pages/index/index' },
  { key: 'elevator', title: '加装电梯', desc: '发起与投票', url: '/packages/elevator/pages/index/index' },
  { key: 'one-thing', title: '一件事', desc: '办事一次告知', url: '/packages/one-thing/pages/index/index' },
]
